// Progress of milestones: each is its objective's metric over the milestone's own owner and period
// (a person's deals, or a team subtree's), paced by the milestones split under it — so a quarter's
// pace line follows its months, ramp included — or by its working days when nothing is under it.
import {
  workingDaysBetween,
  type MetricFilters,
  type MilestoneProgress,
  type SchedulePeriod,
} from "@oars/core";
import type { SignedInCtx } from "../../http/context";
import { AppError, notFound } from "../../http/errors";
import type { ObjectivesTable, StrategicPlansTable } from "../plans/plans.schema";
import { readTactical } from "../tactics/tactical-access";
import { ownerNames } from "../tactics/milestones.repo";
import type { MilestonesTable } from "../tactics/tactics.schema";
import { prefetchProgress, progressEnv, progressOfRow, type ProgressEnv } from "./progress.service";

/** A plan's milestones beyond this many are left out of its progress (the grid pages them). */
export const MILESTONE_PROGRESS_LIMIT = 300;

const DIMENSION_FILTER: Record<NonNullable<MilestonesTable["dimension_kind"]>, keyof MetricFilters> = {
  segment: "segment",
  product: "product",
  businessType: "businessType",
};

/** The objective row as the milestone sees it: its owner, its period, its target, its narrowing. */
function asObjective(o: ObjectivesTable, m: MilestonesTable): ObjectivesTable {
  let metric = o.metric;
  if (m.dimension_kind && m.dimension_value !== null) {
    const ref = o.metric ? (JSON.parse(o.metric) as { filters?: MetricFilters }) : {};
    const filters = { ...ref.filters, [DIMENSION_FILTER[m.dimension_kind]]: m.dimension_value };
    metric = JSON.stringify({ ...ref, filters });
  }
  return {
    ...o,
    metric,
    owner_type: m.owner_type,
    owner_id: m.owner_id,
    start_date: m.period_start,
    due_date: m.period_end,
    target: m.target,
  };
}

/** The pace line: the children's targets per period, scaled to the milestone's own target. */
function scheduleOf(env: ProgressEnv, m: MilestonesTable, children: MilestonesTable[]): SchedulePeriod[] {
  const cal = env.settings.calendar;
  const byPeriod = new Map<string, { start: string; end: string; target: number }>();
  for (const c of children) {
    const key = `${c.period_start}|${c.period_end}`;
    const p = byPeriod.get(key) ?? { start: c.period_start, end: c.period_end, target: 0 };
    p.target += Number(c.target);
    byPeriod.set(key, p);
  }
  const total = [...byPeriod.values()].reduce((n, p) => n + p.target, 0);
  if (byPeriod.size === 0 || total <= 0)
    return [
      {
        periodStart: m.period_start,
        periodEnd: m.period_end,
        target: Number(m.target),
        workingDays: workingDaysBetween(cal, m.period_start, m.period_end),
      },
    ];
  return [...byPeriod.values()]
    .sort((a, b) => a.start.localeCompare(b.start))
    .map((p) => ({
      periodStart: p.start,
      periodEnd: p.end,
      target: (Number(m.target) * p.target) / total,
      workingDays: workingDaysBetween(cal, p.start, p.end),
    }));
}

/** What each milestone's progress reads: the objective row as it sees it, its plan and its pace line. */
export async function milestoneWork(env: ProgressEnv, rows: MilestonesTable[]) {
  if (rows.length === 0) return [];
  const q = env.q;
  const objectiveIds = [...new Set(rows.map((m) => m.objective_id))];
  const objectives = new Map(
    (
      await q
        .selectFrom("objectives")
        .selectAll()
        .where("org_id", "=", env.orgId)
        .where("id", "in", objectiveIds)
        .execute()
    ).map((o) => [o.id, o]),
  );
  const planIds = [...new Set([...objectives.values()].map((o) => o.plan_id))];
  const plans = new Map<string, StrategicPlansTable>(
    (
      await q
        .selectFrom("strategic_plans")
        .selectAll()
        .where("org_id", "=", env.orgId)
        .where("id", "in", planIds)
        .execute()
    ).map((p) => [p.id, p]),
  );
  const children = new Map<string, MilestonesTable[]>();
  for (let i = 0; i < rows.length; i += 500) {
    const kids = await q
      .selectFrom("milestones")
      .selectAll()
      .where("org_id", "=", env.orgId)
      .where(
        "parent_milestone_id",
        "in",
        rows.slice(i, i + 500).map((m) => m.id),
      )
      .execute();
    for (const k of kids) {
      const list = children.get(k.parent_milestone_id ?? "") ?? [];
      list.push(k);
      children.set(k.parent_milestone_id ?? "", list);
    }
  }
  return rows.flatMap((m) => {
    const o = objectives.get(m.objective_id);
    const plan = o ? plans.get(o.plan_id) : undefined;
    if (!o || !plan) return [];
    return [{ m, row: asObjective(o, m), plan, schedule: scheduleOf(env, m, children.get(m.id) ?? []) }];
  });
}

/** Progress of the given milestones, in their order; their objectives and plans are loaded once. */
export async function progressOfMilestones(
  env: ProgressEnv,
  rows: MilestonesTable[],
  given?: Awaited<ReturnType<typeof milestoneWork>>,
): Promise<MilestoneProgress[]> {
  if (rows.length === 0) return [];
  const work = given ?? (await milestoneWork(env, rows));
  const names = await ownerNames(env.q, env.orgId, [...new Set(rows.map((m) => m.owner_id))]);
  await prefetchProgress(env, work);
  const out: MilestoneProgress[] = [];
  for (const { m, row, plan, schedule } of work) {
    const p = await progressOfRow(env, row, plan, { children: false, schedule, milestoneId: m.id });
    out.push({
      ...p,
      milestoneId: m.id,
      tacticalPlanId: m.tactical_plan_id,
      parentMilestoneId: m.parent_milestone_id,
      ownerType: m.owner_type,
      ownerId: m.owner_id,
      ownerName: names.get(m.owner_id) ?? "",
      periodKey: m.period_key,
      periodStart: m.period_start,
      periodEnd: m.period_end,
      dimension:
        m.dimension_kind && m.dimension_value !== null
          ? { kind: m.dimension_kind, value: m.dimension_value }
          : null,
    });
  }
  return out;
}

/** A milestone and its tactical plan's access; 404 for a milestone the reader may not see. */
async function readMilestone(ctx: SignedInCtx, id: string) {
  const row = await loadMilestoneRow(ctx, id);
  try {
    return { row, access: await readTactical(ctx.db.k, ctx, row.tactical_plan_id) };
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") throw notFound("Milestone");
    throw e;
  }
}

async function loadMilestoneRow(ctx: SignedInCtx, id: string): Promise<MilestonesTable> {
  const row = await ctx.db.k
    .selectFrom("milestones")
    .selectAll()
    .where("org_id", "=", ctx.actor.orgId)
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) throw notFound("Milestone");
  return row;
}

/** Every milestone of a tactical plan with its progress: who reads the plan reads its figures. */
export async function tacticalPlanProgress(ctx: SignedInCtx, tacticalPlanId: string) {
  const access = await readTactical(ctx.db.k, ctx, tacticalPlanId);
  const env = await progressEnv(ctx, access.scope);
  const rows = await ctx.db.k
    .selectFrom("milestones")
    .selectAll()
    .where("org_id", "=", ctx.actor.orgId)
    .where("tactical_plan_id", "=", tacticalPlanId)
    .orderBy("objective_id")
    .orderBy("period_start")
    .orderBy("owner_id")
    .limit(MILESTONE_PROGRESS_LIMIT + 1)
    .execute();
  return {
    tacticalPlanId,
    truncated: rows.length > MILESTONE_PROGRESS_LIMIT,
    items: await progressOfMilestones(env, rows.slice(0, MILESTONE_PROGRESS_LIMIT)),
  };
}

export async function milestoneProgressById(ctx: SignedInCtx, id: string): Promise<MilestoneProgress> {
  const { row, access } = await readMilestone(ctx, id);
  const env = await progressEnv(ctx, access.scope);
  const [p] = await progressOfMilestones(env, [row]);
  if (!p) throw notFound("Milestone");
  return p;
}

/** For drill-downs: the milestone as an objective row, with its plan, after the read check. */
export async function milestoneAsObjective(ctx: SignedInCtx, id: string) {
  const { row: m, access } = await readMilestone(ctx, id);
  const o = await ctx.db.k
    .selectFrom("objectives")
    .selectAll()
    .where("org_id", "=", ctx.actor.orgId)
    .where("id", "=", m.objective_id)
    .executeTakeFirst();
  if (!o) throw notFound("Milestone");
  return { row: asObjective(o, m), plan: access.plan.row, scope: access.scope };
}
