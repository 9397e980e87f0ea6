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
  type MetricDefinition,
  type ObjectiveProgress,
  type OpenPipelineSum,
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
import type { MetricQuery, MetricScope } from "./metrics";
import { computeMetrics, metricKey, openPipelines } from "./metrics-grouped";

export interface ProgressEnv {
  q: Q;
  engine: Engine;
  orgId: string;
  settings: OrgSettings;
  teams: Scope["teams"];
  /** Figures summed ahead for many objectives at once (prefetchProgress); a miss is computed alone. */
  memo?: ProgressMemo;
}

interface ProgressMemo {
  metrics: Map<string, number | null>;
  open: Map<string, OpenPipelineSum[]>;
  schedules: Map<string, SchedulePeriod[]>;
}

type Figure = Omit<MetricQuery, "orgId">;

/** One figure: from the memo when prefetched, else its own query. */
async function metricOf(env: ProgressEnv, m: Figure): Promise<number | null> {
  const key = metricKey(m);
  const memo = env.memo?.metrics;
  if (memo?.has(key)) return memo.get(key) ?? null;
  const [v] = await computeMetrics(env.q, env.engine, env.orgId, [m]);
  return v ?? null;
}

async function openPipelineOf(env: ProgressEnv, m: Omit<Figure, "key">): Promise<OpenPipelineSum[]> {
  const key = metricKey({ ...m, key: "revenue_won" });
  const kept = env.memo?.open.get(key);
  if (kept) return kept;
  const [sums] = await openPipelines(env.q, env.engine, env.orgId, m.filters, [m]);
  return sums ?? [];
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

type MilestoneRow = { period_start: string; period_end: string; target: number | string };

/** One milestone per period: the objective owner's own rows of its top split, else the whole window. */
function scheduleFrom(
  env: ProgressEnv,
  ms: readonly MilestoneRow[],
  row: ObjectivesTable,
  windowStart: string,
  windowEnd: string,
): SchedulePeriod[] {
  const cal = env.settings.calendar;
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

/** The top-level milestones of these objectives, by objective, in period order. */
async function milestonesOf(env: ProgressEnv, objectiveIds: readonly string[]) {
  const out = new Map<string, MilestoneRow[]>();
  for (let i = 0; i < objectiveIds.length; i += 500) {
    const rows = await env.q
      .selectFrom("milestones")
      .select(["objective_id", "period_start", "period_end", "target"])
      .where("org_id", "=", env.orgId)
      .where("objective_id", "in", objectiveIds.slice(i, i + 500))
      .where("parent_milestone_id", "is", null)
      .where("dimension_kind", "is", null)
      .orderBy("objective_id")
      .orderBy("period_start")
      .execute();
    for (const r of rows) {
      if (!r.objective_id) continue;
      const list = out.get(r.objective_id) ?? [];
      list.push(r);
      out.set(r.objective_id, list);
    }
  }
  return out;
}

async function schedule(
  env: ProgressEnv,
  row: ObjectivesTable,
  windowStart: string,
  windowEnd: string,
): Promise<SchedulePeriod[]> {
  const kept = env.memo?.schedules.get(row.id);
  if (kept) return kept;
  const ms = (await milestonesOf(env, [row.id])).get(row.id) ?? [];
  return scheduleFrom(env, ms, row, windowStart, windowEnd);
}

/** What one objective's progress reads from the data: its figures, windows and schedule. */
interface Needs {
  metric: MetricDefinition | undefined;
  windowStart: string;
  windowEnd: string;
  actual: Figure | null;
  scope: MetricScope;
  filters: ReturnType<typeof metricFilters>;
}

function needsOf(env: ProgressEnv, row: ObjectivesTable, plan: StrategicPlansTable): Needs {
  const today = env.settings.today;
  const windowStart = row.start_date;
  const windowEnd = row.due_date ?? plan.horizon_end;
  const metric = row.metric_key ? metricByKey(row.metric_key) : undefined;
  const scope = objectiveScope(env, row, plan);
  const filters = metricFilters(row);
  const actual: Figure | null = metric
    ? {
        key: metric.key,
        scope,
        filters,
        objectiveId: row.id,
        // A ratio is over the window so far (meetings per account per month counts elapsed months).
        window: {
          from: windowStart,
          to: metric.kind === "ratio" ? maxDate(windowStart, minDate(today, windowEnd)) : windowEnd,
        },
      }
    : null;
  return { metric, windowStart, windowEnd, actual, scope, filters };
}

const winRateFigure = (env: ProgressEnv, n: Needs): Figure => ({
  key: "win_rate",
  scope: n.scope,
  filters: n.filters,
  window: { from: addDays(env.settings.today, -365), to: env.settings.today },
});

const burnupWindows = (periods: readonly SchedulePeriod[], today: string) => {
  const first = periods[0]?.periodStart;
  return first
    ? periods.map((p) => (p.periodStart > today ? null : { from: first, to: minDate(p.periodEnd, today) }))
    : [];
};

/**
 * Sums ahead, in a few grouped queries, every figure these objectives' progress will read — their
 * actuals, burn-up points, trailing win rates and open pipelines — and their schedules; then
 * progressOfRow finds them in env.memo instead of querying one by one (docs/decisions/010).
 */
export async function prefetchProgress(
  env: ProgressEnv,
  items: readonly { row: ObjectivesTable; plan: StrategicPlansTable; schedule?: SchedulePeriod[] }[],
): Promise<ProgressEnv> {
  const today = env.settings.today;
  const memo: ProgressMemo = env.memo ?? { metrics: new Map(), open: new Map(), schedules: new Map() };
  const paced = items.filter((i) => {
    const m = i.row.metric_key ? metricByKey(i.row.metric_key) : undefined;
    return m?.kind === "additive" && i.row.target !== null && !i.schedule && !memo.schedules.has(i.row.id);
  });
  const milestones = await milestonesOf(
    env,
    paced.map((i) => i.row.id),
  );
  for (const i of paced) {
    const n = needsOf(env, i.row, i.plan);
    memo.schedules.set(
      i.row.id,
      scheduleFrom(env, milestones.get(i.row.id) ?? [], i.row, n.windowStart, n.windowEnd),
    );
  }
  const figures: Figure[] = [];
  const open: Omit<Figure, "key">[] = [];
  for (const i of items) {
    const n = needsOf(env, i.row, i.plan);
    if (!n.actual || !n.metric) continue;
    figures.push(n.actual);
    if (i.row.target === null) continue;
    if (n.metric.kind === "additive") {
      const periods = i.schedule ?? memo.schedules.get(i.row.id) ?? [];
      for (const w of burnupWindows(periods, today)) if (w) figures.push({ ...n.actual, window: w });
    }
    if (n.metric.forecast === "pipeline") {
      figures.push(winRateFigure(env, n));
      open.push({ scope: n.scope, filters: n.filters, window: { from: today, to: n.windowEnd } });
    }
  }
  const fresh = figures.filter((f) => !memo.metrics.has(metricKey(f)));
  const values = await computeMetrics(env.q, env.engine, env.orgId, fresh);
  for (const [i, f] of fresh.entries()) memo.metrics.set(metricKey(f), values[i] ?? null);
  // Open pipelines share one grouped query per filters.
  const byFilters = new Map<string, Omit<Figure, "key">[]>();
  for (const o of open) {
    const k = JSON.stringify(o.filters ?? {});
    byFilters.set(k, [...(byFilters.get(k) ?? []), o]);
  }
  for (const group of byFilters.values()) {
    const sums = await openPipelines(env.q, env.engine, env.orgId, group[0]?.filters, group);
    for (const [i, o] of group.entries())
      memo.open.set(metricKey({ ...o, key: "revenue_won" }), sums[i] ?? []);
  }
  env.memo = memo;
  return env;
}

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
  const n = needsOf(env, row, plan);
  const { metric, windowStart, windowEnd } = n;
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
  const actual = n.actual ? await metricOf(env, n.actual) : null;
  if (opts.children !== false) base.children = await childContributions(env, row, actual);
  if (!metric || !n.actual) return { ...base, reason: "this objective tracks no metric from the catalogue" };
  if (actual === null)
    return { ...base, reason: `${metric.label.toLowerCase()} is not computed from the data` };
  if (row.target === null) return { ...base, actual, reason: "no target set" };

  const periods =
    metric.kind === "additive" ? (opts.schedule ?? (await schedule(env, row, windowStart, windowEnd))) : [];
  let openPipeline: OpenPipelineSum[] = [];
  let winRate: number | null = null;
  let adjustments: ForecastAdjustment[] = [];
  if (metric.forecast === "pipeline") {
    openPipeline = await openPipelineOf(env, {
      scope: n.scope,
      filters: n.filters,
      window: { from: today, to: windowEnd },
    });
    adjustments = await currentAdjustments(env.q, env.orgId, row.id);
    const rate = await metricOf(env, winRateFigure(env, n));
    winRate = rate === null ? null : rate / 100;
  }
  const p = objectiveProgress({
    metric,
    target: row.target,
    actual,
    today,
    schedule: periods,
    workingDaysBetween: (a, b) => workingDaysBetween(env.settings.calendar, a, b),
    openPipeline,
    winRate,
    adjustments,
    format: {
      currency: env.settings.currency,
      unitLabel: metric.unit === "count" ? row.unit || undefined : undefined,
    },
  });
  const burnup = metric.kind === "additive" ? await burnupOf(env, n.actual, periods, today) : [];
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
async function burnupOf(env: ProgressEnv, figure: Figure, periods: SchedulePeriod[], today: string) {
  const windows = burnupWindows(periods, today);
  let target = 0;
  const points = [];
  for (const [i, p] of periods.entries()) {
    target += p.target;
    const w = windows[i];
    const actual = w ? await metricOf(env, { ...figure, window: w }) : null;
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
      actual = await metricOf(env, {
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
  await prefetchProgress(
    env,
    rows.map((row) => ({ row, plan })),
  );
  const items = [];
  for (const r of rows) items.push(await progressOfRow(env, r, plan, { children: false }));
  return { planId, items };
}
