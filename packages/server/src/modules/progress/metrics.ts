// The metrics engine: each catalogue metric (packages/core/src/metrics) computed for a scope and a
// window by one indexed aggregate query over the raw CRM tables (docs/decisions/006). A deal counts
// for its owner and for the team it carries — the owner's team on the close date for closed deals
// (see crm.schema.ts) — so a team's figure is its subtree's rows, never the sum of its children.
import type { MetricFilters, MetricKey } from "@oars/core";
import { sql, type ExpressionBuilder, type RawBuilder, type SelectQueryBuilder } from "kysely";
import type { Database } from "../../db/schema";
import type { Engine } from "../../db/database";
import type { Q } from "../../db/tx";
import type { ActivitiesTable, DealsTable } from "../crm/crm.schema";
import "./progress.schema";

/** Whose records: one person's, a set of teams' (a subtree), or (both empty) the whole org. */
export interface MetricScope {
  ownerIds?: readonly string[];
  teamIds?: readonly string[];
}

export interface MetricWindow {
  /** Inclusive YYYY-MM-DD. */
  from: string;
  /** Inclusive YYYY-MM-DD. */
  to: string;
}

export interface MetricQuery {
  orgId: string;
  key: MetricKey;
  scope: MetricScope;
  window: MetricWindow;
  filters?: MetricFilters;
  /** For the manual metric: whose check-ins. */
  objectiveId?: string;
}

type DbD = Database & { d: DealsTable };
type DbA = Database & { a: ActivitiesTable };
type DealQ = SelectQueryBuilder<DbD, "d", object>;
type ActQ = SelectQueryBuilder<DbA, "a", object>;

export const nextDay = (date: string) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

function scoped<QB extends DealQ | ActQ>(qb: QB, alias: "d" | "a", scope: MetricScope): QB {
  const owners = scope.ownerIds ?? [];
  const teams = scope.teamIds ?? [];
  if (owners.length === 0 && teams.length === 0) return qb;
  return (qb as DealQ).where((eb: ExpressionBuilder<DbD, "d">) => {
    const ors = [];
    if (owners.length > 0) ors.push(eb(sql.ref<string>(`${alias}.owner_id`), "in", owners));
    if (teams.length > 0) ors.push(eb(sql.ref<string>(`${alias}.team_id`), "in", teams));
    return eb.or(ors);
  }) as unknown as QB;
}

/** Live deals of the org in the scope, narrowed by the metric's filters (account fields match case-insensitively). */
export function dealBase(q: Q, m: Pick<MetricQuery, "orgId" | "scope" | "filters">): DealQ {
  let qb = q
    .selectFrom("deals as d")
    .where("d.org_id", "=", m.orgId)
    .where("d.deleted_at", "is", null) as DealQ;
  qb = scoped(qb, "d", m.scope);
  const f = m.filters ?? {};
  if (f.businessType) qb = qb.where("d.business_type", "=", f.businessType);
  for (const col of ["segment", "region", "tier"] as const) {
    const v = f[col];
    if (v)
      qb = qb.where((eb) =>
        eb.exists(
          eb
            .selectFrom("accounts as fa")
            .select("fa.id")
            .whereRef("fa.id", "=", "d.account_id")
            .where(sql`lower(${sql.ref(`fa.${col}`)})`, "=", v.toLowerCase()),
        ),
      );
  }
  if (f.product) {
    const product = f.product;
    qb = qb.where((eb) =>
      eb.exists(
        eb
          .selectFrom("deal_products as dp")
          .innerJoin("products as p", "p.id", "dp.product_id")
          .select("dp.id")
          .whereRef("dp.deal_id", "=", "d.id")
          .where("p.name", "=", product),
      ),
    );
  }
  return qb;
}

/** Live activities marked done in the scope (and the window, when given), narrowed by their account. */
export function activityBase(
  q: Q,
  m: Pick<MetricQuery, "orgId" | "scope" | "filters"> & { window?: MetricWindow },
): ActQ {
  let qb = q
    .selectFrom("activities as a")
    .where("a.org_id", "=", m.orgId)
    .where("a.deleted_at", "is", null)
    .where("a.status", "=", "done") as ActQ;
  if (m.window)
    qb = qb.where("a.occurred_at", ">=", m.window.from).where("a.occurred_at", "<", nextDay(m.window.to));
  qb = scoped(qb, "a", m.scope);
  const f = m.filters ?? {};
  for (const col of ["segment", "region", "tier"] as const) {
    const v = f[col];
    if (v)
      qb = qb.where((eb) =>
        eb.exists(
          eb
            .selectFrom("accounts as fa")
            .select("fa.id")
            .whereRef("fa.id", "=", "a.account_id")
            .where(sql`lower(${sql.ref(`fa.${col}`)})`, "=", v.toLowerCase()),
        ),
      );
  }
  return qb;
}

const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));

/** A won deal `d` whose account had an earlier won deal (any owner): existing business. */
export function earlierWin(q: Q): RawBuilder<boolean> {
  const earlier = q
    .selectFrom("deals as e")
    .select("e.id")
    .where(
      sql<boolean>`e.org_id = d.org_id and e.account_id = d.account_id and e.status = 'won'
        and e.deleted_at is null
        and (e.close_date < d.close_date or (e.close_date = d.close_date and e.id < d.id))`,
    );
  // Kysely puts the subquery in parentheses itself.
  return sql<boolean>`exists ${earlier}`;
}

/**
 * One metric's value over a scope and window; null when it cannot be computed from the data (no
 * closed deal for a win rate, a metric kept outside the CRM). Percent is 0–100, money minor units.
 */
export async function computeMetric(q: Q, engine: Engine, m: MetricQuery): Promise<number | null> {
  const { from, to } = m.window;
  const closedIn = (qb: DealQ) => qb.where("d.close_date", ">=", from).where("d.close_date", "<=", to);
  const won = () => closedIn(dealBase(q, m)).where("d.status", "=", "won");
  switch (m.key) {
    case "revenue_won": {
      const r = await won()
        .select((eb) => eb.fn.sum<number>("d.amount_org_minor").as("v"))
        .executeTakeFirst();
      return num(r?.v);
    }
    case "deals_won": {
      const r = await won()
        .select((eb) => eb.fn.countAll<number>().as("v"))
        .executeTakeFirst();
      return num(r?.v);
    }
    case "new_accounts": {
      const r = await won()
        .where("d.account_id", "is not", null)
        .where(sql<boolean>`not ${earlierWin(q)}`)
        .select((eb) => eb.fn.count<number>("d.account_id").distinct().as("v"))
        .executeTakeFirst();
      return num(r?.v);
    }
    case "revenue_retained": {
      const r = await won()
        .where("d.account_id", "is not", null)
        .where(earlierWin(q))
        .select((eb) => eb.fn.sum<number>("d.amount_org_minor").as("v"))
        .executeTakeFirst();
      return num(r?.v);
    }
    case "pipeline_created": {
      const r = await dealBase(q, m)
        .where("d.created_date", ">=", from)
        .where("d.created_date", "<=", to)
        .select((eb) => eb.fn.sum<number>("d.amount_org_minor").as("v"))
        .executeTakeFirst();
      return num(r?.v);
    }
    case "meetings_held":
    case "calls_made":
    case "activities_logged": {
      let qb = activityBase(q, m);
      if (m.key === "meetings_held") qb = qb.where("a.type", "=", "meeting");
      if (m.key === "calls_made") qb = qb.where("a.type", "=", "call");
      const r = await qb.select((eb) => eb.fn.countAll<number>().as("v")).executeTakeFirst();
      return num(r?.v);
    }
    case "win_rate": {
      const r = await closedIn(dealBase(q, m))
        .select([
          sql<number>`sum(case when d.status = 'won' then 1 else 0 end)`.as("won"),
          sql<number>`sum(case when d.status = 'lost' then 1 else 0 end)`.as("lost"),
        ])
        .executeTakeFirst();
      const w = num(r?.won);
      const l = num(r?.lost);
      return w + l === 0 ? null : (w / (w + l)) * 100;
    }
    case "average_deal_size": {
      const r = await won()
        .select((eb) => [eb.fn.sum<number>("d.amount_org_minor").as("s"), eb.fn.countAll<number>().as("n")])
        .executeTakeFirst();
      const n = num(r?.n);
      return n === 0 ? null : Math.round(num(r?.s) / n);
    }
    case "sales_cycle_length": {
      const days =
        engine === "postgres"
          ? sql<number>`avg(cast(d.close_date as date) - cast(d.created_date as date))`
          : sql<number>`avg(julianday(d.close_date) - julianday(d.created_date))`;
      const r = await won().select(days.as("v")).executeTakeFirst();
      return r?.v === null || r?.v === undefined ? null : Number(r.v);
    }
    case "client_meetings_per_account": {
      const r = await activityBase(q, m)
        .where("a.type", "=", "meeting")
        .where("a.account_id", "is not", null)
        .select((eb) => [
          eb.fn.countAll<number>().as("n"),
          eb.fn.count<number>("a.account_id").distinct().as("accounts"),
        ])
        .executeTakeFirst();
      const accounts = num(r?.accounts);
      const months = Math.max(1, monthsIn(from, to));
      return accounts === 0 ? null : num(r?.n) / accounts / months;
    }
    case "manual": {
      if (!m.objectiveId) return null;
      // A check-in reports the value reached so far: the latest one in the window counts.
      const r = await q
        .selectFrom("progress_checkins")
        .select("value")
        .where("org_id", "=", m.orgId)
        .where("objective_id", "=", m.objectiveId)
        .where("checkin_date", ">=", from)
        .where("checkin_date", "<=", to)
        .orderBy("checkin_date", "desc")
        .orderBy("created_at", "desc")
        .limit(1)
        .executeTakeFirst();
      return r ? Number(r.value) : 0;
    }
    case "quota_attainment":
      return null;
  }
}

function monthsIn(from: string, to: string): number {
  const [fy, fm] = from.split("-").map(Number) as [number, number];
  const [ty, tm] = to.split("-").map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm) + 1;
}
