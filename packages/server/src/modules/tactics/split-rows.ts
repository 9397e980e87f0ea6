// The rows of a target grid and what each weighting needs from them: capacity and hire date from
// the people directory, account potential and last period's won revenue from the sales data —
// each read in one grouped query, so a grid of 2,000 people costs a handful of queries.
import { addDays, daysBetween, subtreeIds, type GridRow, type SplitRowKind } from "@oars/core";
import { sql } from "kysely";
import type { Q } from "../../db/tx";
import { invalid } from "../../http/errors";
import "../crm/crm.schema";
import type { TacticalPlansTable } from "./tactics.schema";

interface RowRequest {
  id: string;
  label?: string;
}

type Sums = Map<string, number>;
const sums = (rows: { k: string | null; v: number | string | null }[]): Sums =>
  new Map(rows.flatMap((r) => (r.k === null ? [] : [[r.k, Number(r.v ?? 0)]])));

async function teamTree(q: Q, orgId: string) {
  const teams = await q
    .selectFrom("teams")
    .select(["id", "name", "parent_id", "archived_at"])
    .where("org_id", "=", orgId)
    .execute();
  return { teams, nodes: teams.map((t) => ({ id: t.id, parentId: t.parent_id })) };
}

/** The previous stretch of the same length before `start`: "last period" for a split by last share. */
function previousWindow(start: string, end: string): { from: string; to: string } {
  const length = daysBetween(start, end) + 1;
  return { from: addDays(start, -length), to: addDays(start, -1) };
}

async function wonBy(
  q: Q,
  orgId: string,
  column: "owner_id" | "team_id" | "business_type",
  window: { from: string; to: string },
) {
  return sums(
    await q
      .selectFrom("deals")
      .select([
        sql<string | null>`${sql.ref(column)}`.as("k"),
        (eb) => eb.fn.sum<number>("amount_org_minor").as("v"),
      ])
      .where("org_id", "=", orgId)
      .where("deleted_at", "is", null)
      .where("status", "=", "won")
      .where("close_date", ">=", window.from)
      .where("close_date", "<=", window.to)
      .groupBy(column)
      .execute(),
  );
}

async function potentialBy(q: Q, orgId: string, column: "owner_id" | "team_id" | "segment") {
  return sums(
    await q
      .selectFrom("accounts")
      .select([
        sql<string | null>`${sql.ref(column)}`.as("k"),
        (eb) => eb.fn.sum<number>("annual_revenue_minor").as("v"),
      ])
      .where("org_id", "=", orgId)
      .where("deleted_at", "is", null)
      .groupBy(column)
      .execute(),
  );
}

/** Rows with their facts; refuses ids that are not people, teams or values of the org. */
export async function gridRows(
  q: Q,
  orgId: string,
  kind: SplitRowKind,
  requested: readonly RowRequest[],
  range: { start: string; end: string },
): Promise<GridRow[]> {
  const last = previousWindow(range.start, range.end);
  const isNewFrom = addDays(range.start, -365);
  const ids = requested.map((r) => r.id);
  if (new Set(ids).size !== ids.length) throw invalid("settings.rows", "must not repeat a row");
  if (kind === "person") {
    const people = await q
      .selectFrom("people")
      .select(["id", "name", "capacity_hours_per_week", "hire_date"])
      .where("org_id", "=", orgId)
      .where("active", "=", 1)
      .execute();
    const byId = new Map(people.map((p) => [p.id, p]));
    const potential = await potentialBy(q, orgId, "owner_id");
    const won = await wonBy(q, orgId, "owner_id", last);
    return requested.map((r, i) => {
      const p = byId.get(r.id);
      if (!p) throw invalid(`settings.rows[${i}].id`, "must be an active person of this organisation");
      return {
        id: p.id,
        label: p.name,
        capacityHoursPerWeek: p.capacity_hours_per_week,
        accountPotentialMinor: potential.get(p.id) ?? 0,
        lastPeriodActual: won.get(p.id) ?? 0,
        hireDate: p.hire_date,
        isNew: p.hire_date !== null && p.hire_date > isNewFrom,
      };
    });
  }
  if (kind === "team") {
    const { teams, nodes } = await teamTree(q, orgId);
    const byId = new Map(teams.map((t) => [t.id, t]));
    const people = await q
      .selectFrom("people")
      .select(["team_id", (eb) => eb.fn.sum<number>("capacity_hours_per_week").as("v")])
      .where("org_id", "=", orgId)
      .where("active", "=", 1)
      .groupBy("team_id")
      .execute();
    const capacity = sums(people.map((p) => ({ k: p.team_id, v: p.v })));
    const potential = await potentialBy(q, orgId, "team_id");
    const won = await wonBy(q, orgId, "team_id", last);
    const subtotal = (m: Sums, teamId: string) =>
      [...subtreeIds(nodes, teamId)].reduce((s, t) => s + (m.get(t) ?? 0), 0);
    return requested.map((r, i) => {
      const t = byId.get(r.id);
      if (!t || t.archived_at)
        throw invalid(`settings.rows[${i}].id`, "must be a team of this organisation that is not archived");
      return {
        id: t.id,
        label: t.name,
        capacityHoursPerWeek: subtotal(capacity, t.id),
        accountPotentialMinor: subtotal(potential, t.id),
        lastPeriodActual: subtotal(won, t.id),
        hireDate: null,
        isNew: false,
      };
    });
  }
  if (kind === "businessType") {
    const won = await wonBy(q, orgId, "business_type", last);
    return requested.map((r, i) => {
      if (r.id !== "new" && r.id !== "existing")
        throw invalid(`settings.rows[${i}].id`, "must be new or existing");
      return dimensionRow(r, r.id === "new" ? "New business" : "Existing business", null, won.get(r.id) ?? 0);
    });
  }
  const potential = kind === "segment" ? await potentialBy(q, orgId, "segment") : new Map<string, number>();
  return requested.map((r) =>
    dimensionRow(r, r.label ?? r.id, kind === "segment" ? (potential.get(r.id) ?? 0) : null, null),
  );
}

function dimensionRow(
  r: RowRequest,
  label: string,
  potential: number | null,
  lastShare: number | null,
): GridRow {
  return {
    id: r.id,
    label: r.label ?? label,
    // Segments and products have no hours: an equal split is the neutral default.
    capacityHoursPerWeek: 0,
    accountPotentialMinor: potential,
    lastPeriodActual: lastShare,
    hireDate: null,
    isNew: false,
  };
}

/** The rows a grid starts with: the owner team's sub-teams, its reps, or the dimension's values. */
export async function defaultRowRequests(
  q: Q,
  plan: TacticalPlansTable,
  kind: SplitRowKind,
): Promise<RowRequest[]> {
  const orgId = plan.org_id;
  if (kind === "businessType") return [{ id: "new" }, { id: "existing" }];
  if (kind === "segment") {
    const rows = await q
      .selectFrom("accounts")
      .select("segment")
      .distinct()
      .where("org_id", "=", orgId)
      .where("deleted_at", "is", null)
      .where("segment", "is not", null)
      .orderBy("segment")
      .limit(50)
      .execute();
    return rows.flatMap((r) => (r.segment ? [{ id: r.segment }] : []));
  }
  if (kind === "product") {
    const rows = await q
      .selectFrom("products")
      .select(["id", "name"])
      .where("org_id", "=", orgId)
      .where("archived_at", "is", null)
      .orderBy("name")
      .limit(100)
      .execute();
    return rows.map((r) => ({ id: r.id, label: r.name }));
  }
  if (plan.owner_type === "person") return kind === "person" ? [{ id: plan.owner_id }] : [];
  const { teams, nodes } = await teamTree(q, orgId);
  if (kind === "team") {
    const children = teams.filter((t) => t.parent_id === plan.owner_id && !t.archived_at);
    return (children.length > 0 ? children : teams.filter((t) => t.id === plan.owner_id)).map((t) => ({
      id: t.id,
    }));
  }
  const subtree = [...subtreeIds(nodes, plan.owner_id)];
  if (subtree.length === 0) return [];
  const reps = await q
    .selectFrom("people")
    .select("id")
    .where("org_id", "=", orgId)
    .where("active", "=", 1)
    .where("role", "=", "member")
    .where("team_id", "in", subtree)
    .orderBy("name")
    .execute();
  return reps.map((r) => ({ id: r.id }));
}

/** A team that has sub-teams is split over them; a team of reps over its people. */
export async function defaultRowKind(q: Q, plan: TacticalPlansTable): Promise<SplitRowKind> {
  if (plan.owner_type === "person") return "person";
  const child = await q
    .selectFrom("teams")
    .select("id")
    .where("org_id", "=", plan.org_id)
    .where("parent_id", "=", plan.owner_id)
    .where("archived_at", "is", null)
    .executeTakeFirst();
  return child ? "team" : "person";
}
