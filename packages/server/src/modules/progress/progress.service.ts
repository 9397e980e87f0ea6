// Progress of an objective: its actual from its owner's own scope (never the sum of its children),
// the milestone schedule as the pace line, forecast, coverage and status with a reason — the
// arithmetic is packages/core's; this file gathers the figures from the database.
import {
  metricByKey,
  objectiveProgress,
  subtreeIds,
  workingDaysBetween,
  type MetricFilters,
  type ForecastAdjustment,
  type ObjectiveProgress,
  type OpenDeal,
  type SchedulePeriod,
} from "@oars/core";
import type { Engine } from "../../db/database";
import type { Q } from "../../db/tx";
import type { SignedInCtx } from "../../http/context";
import { loadScope, type Scope } from "../../policies/scope";
import { loadObjectiveRow } from "../plans/objectives.service";
import { readPlan } from "../plans/plan-access";
import type { ObjectivesTable, StrategicPlansTable } from "../plans/plans.schema";
import { visiblePlans } from "../plans/plan-visibility";
import { orgSettings, type OrgSettings } from "../tactics/org-settings";
import "../tactics/tactics.schema";
import { frozenObjective } from "./frozen.repo";
import { currentAdjustments } from "./adjustments.service";
import { computeMetric, dealBase, type MetricScope } from "./metrics";

export interface ProgressEnv {
  q: Q;
  engine: Engine;
  orgId: string;
  settings: OrgSettings;
  teams: Scope["teams"];
}

export async function progressEnv(ctx: SignedInCtx, scope?: Scope): Promise<ProgressEnv & { scope: Scope }> {
  const q = ctx.db.k;
  const s = scope ?? (await loadScope(q, ctx.actor));
  const settings = await orgSettings(q, ctx.actor.orgId);
  return { q, engine: ctx.db.engine, orgId: ctx.actor.orgId, settings, teams: s.teams, scope: s };
}

/** The same, for work run by the server itself (alerts, digests, period closes): the whole org's tree. */
export async function orgProgressEnv(q: Q, engine: Engine, orgId: string): Promise<ProgressEnv> {
  const settings = await orgSettings(q, orgId);
  const rows = await q.selectFrom("teams").select(["id", "parent_id"]).where("org_id", "=", orgId).execute();
  return { q, engine, orgId, settings, teams: rows.map((r) => ({ id: r.id, parentId: r.parent_id })) };
}

/** Whose records an objective counts: its owner's (a person, a team's subtree), else its plan owner's. */
export function objectiveScope(
  env: Pick<ProgressEnv, "teams">,
  row: Pick<ObjectivesTable, "owner_type" | "owner_id">,
  plan: Pick<StrategicPlansTable, "owner_type" | "owner_id">,
): MetricScope {
  const type = row.owner_type ?? plan.owner_type;
  const id = row.owner_id ?? plan.owner_id;
  if (type === "person") return { ownerIds: [id] };
  return { teamIds: [...subtreeIds(env.teams, id)] };
}

export function metricFilters(row: Pick<ObjectivesTable, "metric">): MetricFilters | undefined {
  if (!row.metric) return undefined;
  try {
    return (JSON.parse(row.metric) as { filters?: MetricFilters }).filters;
  } catch {
    return undefined;
  }
}

const minDate = (a: string, b: string) => (a < b ? a : b);
const maxDate = (a: string, b: string) => (a > b ? a : b);
const addDays = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

async function schedule(
  env: ProgressEnv,
  row: ObjectivesTable,
  windowStart: string,
  windowEnd: string,
): Promise<SchedulePeriod[]> {
  const cal = env.settings.calendar;
  const ms = await env.q
    .selectFrom("milestones")
    .select(["period_start", "period_end", "target", "owner_type", "owner_id"])
    .where("org_id", "=", env.orgId)
    .where("objective_id", "=", row.id)
    .where("parent_milestone_id", "is", null)
    .where("dimension_kind", "is", null)
    .orderBy("period_start")
    .execute();
  // One milestone per period: the objective owner's own rows of its top split.
  const byPeriod = new Map<string, SchedulePeriod>();
  for (const m of ms) {
    const key = `${m.period_start}|${m.period_end}`;
    const prev = byPeriod.get(key);
    byPeriod.set(key, {
      periodStart: m.period_start,
      periodEnd: m.period_end,
      target: (prev?.target ?? 0) + Number(m.target),
      workingDays: workingDaysBetween(cal, m.period_start, m.period_end),
    });
  }
  if (byPeriod.size > 0) return [...byPeriod.values()];
  return [
    {
      periodStart: windowStart,
      periodEnd: windowEnd,
      target: row.target ?? 0,
      workingDays: workingDaysBetween(cal, windowStart, windowEnd),
    },
  ];
}

const CATEGORY: Record<string, OpenDeal["category"] | undefined> = {
  commit: "commit",
  best_case: "best_case",
  pipeline: "pipeline",
};

/**
 * The full progress of one objective row, without any visibility check (callers do that). When its
 * whole window lies in a closed period, actual, target and attainment are the frozen figures.
 */
export async function progressOfRow(
  env: ProgressEnv,
  row: ObjectivesTable,
  plan: StrategicPlansTable,
  opts: { children?: boolean; schedule?: SchedulePeriod[]; milestoneId?: string } = {},
): Promise<ObjectiveProgress> {
  const p = await liveProgressOfRow(env, row, plan, opts);
  const frozen = await frozenObjective(
    env.q,
    env.orgId,
    row.id,
    p.windowStart,
    p.windowEnd,
    opts.milestoneId,
  );
  if (!frozen) return { ...p, closed: null };
  const actual = frozen.actual === null ? null : Number(frozen.actual);
  const target = frozen.target === null ? null : Number(frozen.target);
  const attainment = frozen.attainment === null ? null : Number(frozen.attainment);
  const pct = attainment === null ? "no attainment" : `${Math.round(attainment * 100)}% of target`;
  return {
    ...p,
    actual,
    target,
    attainment,
    forecast: null,
    coverage: null,
    reason: `closed ${frozen.closed_at.slice(0, 10)} (${frozen.label}): ${pct}, frozen as it stood`,
    closed: {
      closeId: frozen.close_id,
      periodKey: frozen.period_key,
      label: frozen.label,
      closedAt: frozen.closed_at,
      closedBy: frozen.closed_by,
    },
  };
}

async function liveProgressOfRow(
  env: ProgressEnv,
  row: ObjectivesTable,
  plan: StrategicPlansTable,
  opts: { children?: boolean; schedule?: SchedulePeriod[] },
): Promise<ObjectiveProgress> {
  const today = env.settings.today;
  const windowStart = row.start_date;
  const windowEnd = row.due_date ?? plan.horizon_end;
  const metric = row.metric_key ? metricByKey(row.metric_key) : undefined;
  const base: ObjectiveProgress = {
    objectiveId: row.id,
    planId: row.plan_id,
    title: row.title,
    metricKey: row.metric_key,
    metricLabel: metric?.label ?? null,
    unit: metric?.unit ?? null,
    currency: env.settings.currency,
    windowStart,
    windowEnd,
    today,
    computed: false,
    actual: null,
    target: row.target,
    attainment: null,
    expected: null,
    pace: null,
    forecast: null,
    coverage: null,
    status: null,
    reason: "",
    burnup: [],
    children: [],
  };
  const scope = objectiveScope(env, row, plan);
  const filters = metricFilters(row);
  const query = { orgId: env.orgId, key: metric?.key ?? "manual", scope, filters, objectiveId: row.id };
  const actual = metric
    ? await computeMetric(env.q, env.engine, {
        ...query,
        // A ratio is over the window so far (meetings per account per month counts elapsed months).
        window: {
          from: windowStart,
          to: metric.kind === "ratio" ? maxDate(windowStart, minDate(today, windowEnd)) : windowEnd,
        },
      })
    : null;
  if (opts.children !== false) base.children = await childContributions(env, row, actual);
  if (!metric) return { ...base, reason: "this objective tracks no metric from the catalogue" };
  if (actual === null)
    return { ...base, reason: `${metric.label.toLowerCase()} is not computed from the data` };
  if (row.target === null) return { ...base, actual, reason: "no target set" };

  const periods =
    metric.kind === "additive" ? (opts.schedule ?? (await schedule(env, row, windowStart, windowEnd))) : [];
  let openDeals: OpenDeal[] = [];
  let winRate: number | null = null;
  let adjustments: ForecastAdjustment[] = [];
  if (metric.forecast === "pipeline") {
    const open = await dealBase(env.q, query)
      .where("d.status", "=", "open")
      .where("d.close_date", ">=", today)
      .where("d.close_date", "<=", windowEnd)
      .select(["d.amount_org_minor", "d.probability", "d.close_date", "d.forecast_category"])
      .execute();
    openDeals = open.flatMap((d) => {
      const category = CATEGORY[d.forecast_category];
      return category
        ? [
            {
              amountMinor: Number(d.amount_org_minor),
              probability: d.probability / 100,
              closeDate: d.close_date,
              category,
            },
          ]
        : [];
    });
    adjustments = await currentAdjustments(env.q, env.orgId, row.id);
    const rate = await computeMetric(env.q, env.engine, {
      ...query,
      key: "win_rate",
      window: { from: addDays(today, -365), to: today },
    });
    winRate = rate === null ? null : rate / 100;
  }
  const p = objectiveProgress({
    metric,
    target: row.target,
    actual,
    today,
    schedule: periods,
    workingDaysBetween: (a, b) => workingDaysBetween(env.settings.calendar, a, b),
    openDeals,
    winRate,
    adjustments,
    format: {
      currency: env.settings.currency,
      unitLabel: metric.unit === "count" ? row.unit || undefined : undefined,
    },
  });
  const burnup = metric.kind === "additive" ? await burnupOf(env, query, periods, today) : [];
  return {
    ...base,
    computed: true,
    actual: p.actual,
    target: p.target,
    attainment: p.attainment,
    expected: p.expected,
    pace: p.pace,
    forecast: p.forecast
      ? {
          method: p.forecast.method,
          actual: p.forecast.actual,
          forecast: p.forecast.forecast,
          ...(p.forecast.method === "pipeline"
            ? { byCategory: p.forecast.byCategory, openPipelineMinor: p.forecast.openPipelineMinor }
            : {}),
        }
      : null,
    coverage: p.coverage
      ? {
          coverage: p.coverage.coverage,
          neededCoverage: p.coverage.neededCoverage,
          enough: p.coverage.enough,
        }
      : null,
    status: p.status,
    reason: p.reason,
    burnup,
  };
}

/** Cumulative target and actual at each period end: the burn-up chart. */
async function burnupOf(
  env: ProgressEnv,
  query: Omit<Parameters<typeof computeMetric>[2], "window">,
  periods: SchedulePeriod[],
  today: string,
) {
  const first = periods[0]?.periodStart;
  if (!first) return [];
  let target = 0;
  const points = [];
  for (const p of periods) {
    target += p.target;
    const actual =
      p.periodStart > today
        ? null
        : await computeMetric(env.q, env.engine, {
            ...query,
            window: { from: first, to: minDate(p.periodEnd, today) },
          });
    points.push({ periodEnd: p.periodEnd, target, actual });
  }
  return points;
}

/** Each aligned child's own actual beside the parent's: a contribution, never a sum. */
async function childContributions(env: ProgressEnv, row: ObjectivesTable, parentActual: number | null) {
  const kids = await env.q
    .selectFrom("objectives as o")
    .innerJoin("strategic_plans as p", "p.id", "o.plan_id")
    .selectAll("o")
    .select(["p.owner_type as plan_owner_type", "p.owner_id as plan_owner_id", "p.horizon_end as plan_end"])
    .where("o.org_id", "=", env.orgId)
    .where("o.parent_objective_id", "=", row.id)
    .orderBy("o.title")
    .execute();
  const out = [];
  for (const k of kids) {
    const metric = k.metric_key ? metricByKey(k.metric_key) : undefined;
    let actual: number | null = null;
    if (metric) {
      const scope = objectiveScope(env, k, { owner_type: k.plan_owner_type, owner_id: k.plan_owner_id });
      actual = await computeMetric(env.q, env.engine, {
        orgId: env.orgId,
        key: metric.key,
        scope,
        filters: metricFilters(k),
        objectiveId: k.id,
        window: { from: k.start_date, to: k.due_date ?? k.plan_end },
      });
    }
    out.push({
      objectiveId: k.id,
      title: k.title,
      ownerType: k.owner_type,
      ownerId: k.owner_id,
      actual,
      target: k.target,
      share: actual !== null && parentActual ? actual / parentActual : null,
    });
  }
  return out;
}

export async function objectiveProgressById(ctx: SignedInCtx, id: string): Promise<ObjectiveProgress> {
  const row = await loadObjectiveRow(ctx.db.k, ctx.actor.orgId, id);
  const { row: plan, scope } = await readPlan(ctx.db.k, ctx, row.plan_id);
  const env = await progressEnv(ctx, scope);
  const p = await progressOfRow(env, row, plan);
  // Children in plans the reader may not see are left out.
  const visible = new Set(
    (await visiblePlans(ctx.db.k, ctx, scope).select("p.id as pid").execute()).map((r) => r.pid),
  );
  const kidPlans = await ctx.db.k
    .selectFrom("objectives")
    .select(["id", "plan_id"])
    .where("org_id", "=", ctx.actor.orgId)
    .where("parent_objective_id", "=", id)
    .execute();
  const ok = new Set(kidPlans.filter((k) => visible.has(k.plan_id)).map((k) => k.id));
  return { ...p, children: p.children.filter((c) => ok.has(c.objectiveId)) };
}

export async function planProgress(ctx: SignedInCtx, planId: string) {
  const { row: plan, scope } = await readPlan(ctx.db.k, ctx, planId);
  const env = await progressEnv(ctx, scope);
  const rows = await ctx.db.k
    .selectFrom("objectives")
    .selectAll()
    .where("org_id", "=", ctx.actor.orgId)
    .where("plan_id", "=", planId)
    .orderBy("created_at")
    .execute();
  const items = [];
  for (const r of rows) items.push(await progressOfRow(env, r, plan, { children: false }));
  return { planId, items };
}
