// Closing a period: the attainment of every milestone and objective in a tactical plan's period or
// a fiscal month or quarter, frozen as it stood (owner × period: target, actual, attainment), for
// commission work. Managers and admins close; only an admin reopens. Later progress reads of an
// objective whose window was frozen use the frozen figures (progress.service applies them).
import {
  attainmentOf,
  closedPeriodRange,
  metricByKey,
  type PeriodClose,
  type PeriodCloseCreate,
  type PeriodCloseRow,
} from "@oars/core";
import { newId } from "../../db/ids";
import type { Q } from "../../db/tx";
import type { SignedInCtx } from "../../http/context";
import { conflict, forbidden, invalid, notFound } from "../../http/errors";
import { loadScope, type Scope } from "../../policies/scope";
import { recordAudit } from "../audit/audit.record";
import type { ObjectivesTable } from "../plans/plans.schema";
import { writeTactical } from "../tactics/tactical-access";
import "../tactics/tactics.schema";
import { computeMetric } from "./metrics";
import { metricFilters, objectiveScope, orgProgressEnv, type ProgressEnv } from "./progress.service";
import type { PeriodCloseRowsTable, PeriodClosesTable } from "./progress.schema";

type Frozen = Omit<PeriodCloseRowsTable, "id" | "org_id" | "close_id">;

interface Target {
  kind: PeriodClosesTable["period_kind"];
  key: string;
  label: string;
  start: string;
  end: string;
  tacticalPlanId: string | null;
}

/** Who may close what: a tactical plan's writers who manage; a fiscal period, an admin or the manager of the whole org. */
async function closeTarget(ctx: SignedInCtx, scope: Scope, input: PeriodCloseCreate): Promise<Target> {
  if (input.kind === "tactical_plan") {
    const access = await writeTactical(ctx.db.k, ctx, input.tacticalPlanId, { content: false });
    if (!scope.isAdmin && ctx.actor.role !== "manager")
      throw forbidden("Only a manager or an admin closes a period");
    const r = access.row;
    return {
      kind: "tactical_plan",
      key: r.id,
      label: r.title,
      start: r.period_start,
      end: r.period_end,
      tacticalPlanId: r.id,
    };
  }
  const wholeOrg = scope.teams.every((t) => scope.writableTeams.has(t.id));
  if (!scope.isAdmin && !(ctx.actor.role === "manager" && wholeOrg))
    throw forbidden("Only an admin or the manager of the whole organisation closes a fiscal period");
  const env = await orgProgressEnv(ctx.db.k, ctx.db.engine, ctx.actor.orgId);
  const range = closedPeriodRange(env.settings.calendar, input.period);
  if (!range) throw invalid("period", "must be YYYY-MM or FY2026-Q1");
  return {
    kind: input.kind,
    key: range.key,
    label: range.label,
    start: range.start,
    end: range.end,
    tacticalPlanId: null,
  };
}

async function actualOf(
  env: ProgressEnv,
  o: ObjectivesTable,
  ownerType: "person" | "team",
  ownerId: string,
  from: string,
  to: string,
) {
  const metric = o.metric_key ? metricByKey(o.metric_key) : undefined;
  if (!metric) return null;
  return computeMetric(env.q, env.engine, {
    orgId: env.orgId,
    key: metric.key,
    scope: objectiveScope(
      env,
      { owner_type: ownerType, owner_id: ownerId },
      { owner_type: ownerType, owner_id: ownerId },
    ),
    filters: metricFilters(o),
    objectiveId: o.id,
    window: { from, to },
  });
}

/** The figures to freeze: each milestone in the period, and each objective whose window it holds. */
async function freeze(env: ProgressEnv, t: Target): Promise<Frozen[]> {
  const q = env.q;
  const people = new Map(
    (await q.selectFrom("people").select(["id", "team_id"]).where("org_id", "=", env.orgId).execute()).map(
      (p) => [p.id, p.team_id],
    ),
  );
  const teamOf = (type: "person" | "team", id: string) => (type === "team" ? id : (people.get(id) ?? null));
  let ms = q
    .selectFrom("milestones as m")
    .innerJoin("tactical_plans as tp", "tp.id", "m.tactical_plan_id")
    .select([
      "m.id",
      "m.objective_id",
      "m.owner_type",
      "m.owner_id",
      "m.period_start",
      "m.period_end",
      "m.target",
    ])
    .where("m.org_id", "=", env.orgId)
    .where("m.dimension_kind", "is", null)
    .where("tp.status", "!=", "archived");
  ms = t.tacticalPlanId
    ? ms.where("m.tactical_plan_id", "=", t.tacticalPlanId)
    : ms.where("m.period_start", ">=", t.start).where("m.period_end", "<=", t.end);
  const milestones = await ms.orderBy("m.period_start").orderBy("m.id").execute();

  let os = q
    .selectFrom("objectives as o")
    .innerJoin("strategic_plans as p", "p.id", "o.plan_id")
    .selectAll("o")
    .select(["p.owner_type as plan_owner_type", "p.owner_id as plan_owner_id", "p.horizon_end as plan_end"])
    .where("o.org_id", "=", env.orgId)
    .where("o.metric_key", "is not", null)
    .where("p.status", "!=", "archived");
  os = t.tacticalPlanId
    ? os.where((eb) =>
        eb.or([
          eb(
            "o.id",
            "in",
            eb
              .selectFrom("tactical_plan_objectives")
              .select("objective_id")
              .where("tactical_plan_id", "=", t.tacticalPlanId ?? ""),
          ),
          eb("o.id", "in", milestones.length ? [...new Set(milestones.map((m) => m.objective_id))] : [""]),
        ]),
      )
    : os.where("o.start_date", ">=", t.start);
  const objectives = await os.orderBy("o.created_at").orderBy("o.id").execute();
  const byId = new Map(objectives.map((o) => [o.id, o]));
  const missing = milestones.map((m) => m.objective_id).filter((id) => !byId.has(id));
  if (missing.length)
    for (const o of await q
      .selectFrom("objectives")
      .selectAll()
      .where("org_id", "=", env.orgId)
      .where("id", "in", missing)
      .execute())
      byId.set(o.id, {
        ...o,
        plan_owner_type: "team",
        plan_owner_id: "",
        plan_end: o.due_date ?? o.start_date,
      });

  const out: Frozen[] = [];
  for (const m of milestones) {
    const o = byId.get(m.objective_id);
    if (!o) continue;
    const actual = await actualOf(env, o, m.owner_type, m.owner_id, m.period_start, m.period_end);
    const target = Number(m.target);
    out.push({
      kind: "milestone",
      objective_id: o.id,
      milestone_id: m.id,
      title: o.title,
      owner_type: m.owner_type,
      owner_id: m.owner_id,
      team_id: teamOf(m.owner_type, m.owner_id),
      metric_key: o.metric_key,
      period_start: m.period_start,
      period_end: m.period_end,
      target,
      actual,
      attainment: attainmentOf(actual, target, metricByKey(o.metric_key ?? "")?.growth),
    });
  }
  for (const o of objectives) {
    const ownerType = o.owner_type ?? o.plan_owner_type;
    const ownerId = o.owner_id ?? o.plan_owner_id;
    let from = o.start_date;
    let to = o.due_date ?? o.plan_end;
    let target = o.target;
    if (t.tacticalPlanId) {
      // Over the plan's period, against the objective owner's own milestones of it.
      from = t.start;
      to = t.end;
      const own = milestones.filter(
        (m) => m.objective_id === o.id && m.owner_type === ownerType && m.owner_id === ownerId,
      );
      target = own.length ? own.reduce((s, m) => s + Number(m.target), 0) : null;
    } else if (to > t.end) continue;
    const actual = await actualOf(env, o, ownerType, ownerId, from, to);
    out.push({
      kind: "objective",
      objective_id: o.id,
      milestone_id: null,
      title: o.title,
      owner_type: ownerType,
      owner_id: ownerId,
      team_id: teamOf(ownerType, ownerId),
      metric_key: o.metric_key,
      period_start: from,
      period_end: to,
      target,
      actual,
      attainment: attainmentOf(actual, target, metricByKey(o.metric_key ?? "")?.growth),
    });
  }
  return out;
}

/** The frozen rows a reader may see: an admin all; a manager or viewer their subtree; a member their own. */
export function mayReadRow(
  scope: Scope,
  r: Pick<PeriodCloseRowsTable, "owner_type" | "owner_id" | "team_id">,
): boolean {
  if (scope.isAdmin) return true;
  if (r.owner_type === "person" && r.owner_id === scope.actor.personId) return true;
  if (scope.actor.role === "member") return false;
  if (r.owner_type === "team") return scope.readableTeams.has(r.owner_id);
  return r.team_id !== null && scope.readableTeams.has(r.team_id);
}

async function ownerNames(q: Q, orgId: string): Promise<Map<string, string>> {
  const people = await q.selectFrom("people").select(["id", "name"]).where("org_id", "=", orgId).execute();
  const teams = await q.selectFrom("teams").select(["id", "name"]).where("org_id", "=", orgId).execute();
  return new Map([...people, ...teams].map((x) => [x.id, x.name]));
}

function presentRow(r: PeriodCloseRowsTable, names: Map<string, string>): PeriodCloseRow {
  return {
    kind: r.kind,
    objectiveId: r.objective_id,
    milestoneId: r.milestone_id,
    title: r.title,
    ownerType: r.owner_type,
    ownerId: r.owner_id,
    ownerName: names.get(r.owner_id) ?? "",
    teamId: r.team_id,
    metricKey: r.metric_key,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    target: r.target === null ? null : Number(r.target),
    actual: r.actual === null ? null : Number(r.actual),
    attainment: r.attainment === null ? null : Number(r.attainment),
  };
}

function presentClose(c: PeriodClosesTable, rows: PeriodCloseRow[]): PeriodClose {
  return {
    id: c.id,
    kind: c.period_kind,
    periodKey: c.period_key,
    label: c.label,
    periodStart: c.period_start,
    periodEnd: c.period_end,
    status: c.status,
    closedBy: c.closed_by,
    closedAt: c.closed_at,
    reopenedBy: c.reopened_by,
    reopenedAt: c.reopened_at,
    version: c.version,
    rows,
  };
}

export async function closePeriod(ctx: SignedInCtx, input: PeriodCloseCreate): Promise<PeriodClose> {
  const orgId = ctx.actor.orgId;
  const scope = await loadScope(ctx.db.k, ctx.actor);
  const t = await closeTarget(ctx, scope, input);
  const existing = await ctx.db.k
    .selectFrom("period_closes")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("period_kind", "=", t.kind)
    .where("period_key", "=", t.key)
    .executeTakeFirst();
  if (existing?.status === "closed") throw conflict(`${t.label} is already closed; an admin may reopen it`);
  const frozen = await freeze(await orgProgressEnv(ctx.db.k, ctx.db.engine, orgId), t);
  const now = new Date().toISOString();
  const id = existing?.id ?? newId();
  await ctx.db.k.transaction().execute(async (tx) => {
    if (existing) {
      const res = await tx
        .updateTable("period_closes")
        .set({
          status: "closed",
          closed_by: ctx.actor.personId,
          closed_at: now,
          version: existing.version + 1,
          updated_at: now,
        })
        .where("id", "=", id)
        .where("version", "=", existing.version)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) throw conflict();
      await tx.deleteFrom("period_close_rows").where("close_id", "=", id).execute();
    } else
      await tx
        .insertInto("period_closes")
        .values({
          id,
          org_id: orgId,
          period_kind: t.kind,
          period_key: t.key,
          label: t.label,
          period_start: t.start,
          period_end: t.end,
          status: "closed",
          closed_by: ctx.actor.personId,
          closed_at: now,
          reopened_by: null,
          reopened_at: null,
          version: 1,
          created_at: now,
          updated_at: now,
        })
        .execute();
    // Closing a tactical plan's period closes the plan too: its figures and its content are kept.
    if (t.kind === "tactical_plan") await closeTacticalPlan(tx, ctx, t.key, now);
    for (let i = 0; i < frozen.length; i += 200)
      await tx
        .insertInto("period_close_rows")
        .values(frozen.slice(i, i + 200).map((f) => ({ ...f, id: newId(), org_id: orgId, close_id: id })))
        .execute();
    await recordAudit(tx, ctx, orgId, {
      entity: "period_close",
      entityId: id,
      action: "close",
      after: { kind: t.kind, periodKey: t.key, start: t.start, end: t.end, rows: frozen.length },
    });
  });
  return getPeriodClose(ctx, id);
}

async function closeTacticalPlan(tx: Q, ctx: SignedInCtx, id: string, now: string): Promise<void> {
  const orgId = ctx.actor.orgId;
  const row = await tx
    .selectFrom("tactical_plans")
    .select(["status", "version"])
    .where("org_id", "=", orgId)
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row || (row.status !== "draft" && row.status !== "active")) return;
  await tx
    .updateTable("tactical_plans")
    .set({ status: "closed", version: row.version + 1, updated_at: now })
    .where("org_id", "=", orgId)
    .where("id", "=", id)
    .execute();
  await recordAudit(tx, ctx, orgId, {
    entity: "tactical_plan",
    entityId: id,
    action: "status:closed",
    before: { status: row.status },
    after: { status: "closed", reason: "its period was closed" },
  });
}

async function loadClose(q: Q, orgId: string, id: string): Promise<PeriodClosesTable> {
  const c = await q
    .selectFrom("period_closes")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("id", "=", id)
    .executeTakeFirst();
  if (!c) throw notFound("Closed period");
  return c;
}

export async function getPeriodClose(ctx: SignedInCtx, id: string): Promise<PeriodClose> {
  const c = await loadClose(ctx.db.k, ctx.actor.orgId, id);
  const scope = await loadScope(ctx.db.k, ctx.actor);
  const rows = await ctx.db.k
    .selectFrom("period_close_rows")
    .selectAll()
    .where("close_id", "=", id)
    .orderBy("kind")
    .orderBy("period_start")
    .orderBy("id")
    .execute();
  const names = await ownerNames(ctx.db.k, ctx.actor.orgId);
  return presentClose(
    c,
    rows.filter((r) => mayReadRow(scope, r)).map((r) => presentRow(r, names)),
  );
}

export async function listPeriodCloses(ctx: SignedInCtx): Promise<PeriodClose[]> {
  const rows = await ctx.db.k
    .selectFrom("period_closes")
    .selectAll()
    .where("org_id", "=", ctx.actor.orgId)
    .orderBy("period_start", "desc")
    .orderBy("id")
    .execute();
  return rows.map((c) => presentClose(c, []));
}

export async function reopenPeriod(ctx: SignedInCtx, id: string, version: number): Promise<PeriodClose> {
  const orgId = ctx.actor.orgId;
  await ctx.db.k.transaction().execute(async (tx) => {
    const c = await loadClose(tx, orgId, id);
    if (c.status !== "closed") throw conflict(`${c.label} is not closed`);
    const now = new Date().toISOString();
    const res = await tx
      .updateTable("period_closes")
      .set({
        status: "reopened",
        reopened_by: ctx.actor.personId,
        reopened_at: now,
        version: c.version + 1,
        updated_at: now,
      })
      .where("id", "=", id)
      .where("version", "=", version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw conflict();
    await recordAudit(tx, ctx, orgId, {
      entity: "period_close",
      entityId: id,
      action: "reopen",
      before: { status: "closed", closedBy: c.closed_by, closedAt: c.closed_at },
      after: { status: "reopened" },
    });
  });
  return getPeriodClose(ctx, id);
}

/** The closes named by period keys (YYYY-MM, FY2026-Q1, a tactical plan's id), each of which must be closed. */
export async function closesForExport(ctx: SignedInCtx, periods: string): Promise<PeriodClose[]> {
  const keys = [
    ...new Set(
      periods
        .split(",")
        .map((k) => k.trim())
        .filter(Boolean),
    ),
  ];
  if (keys.length === 0) throw invalid("period", "name at least one closed period");
  const rows = await ctx.db.k
    .selectFrom("period_closes")
    .select(["id", "period_key", "status"])
    .where("org_id", "=", ctx.actor.orgId)
    .where("period_key", "in", keys)
    .execute();
  const out: PeriodClose[] = [];
  for (const key of keys) {
    const c = rows.find((r) => r.period_key === key && r.status === "closed");
    if (!c) throw notFound(`Closed period ${key}`);
    out.push(await getPeriodClose(ctx, c.id));
  }
  return out;
}
