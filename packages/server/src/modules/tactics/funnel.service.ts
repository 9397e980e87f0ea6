// The reverse funnel of a tactical plan: its assumptions (or the org's), the revenue it must bring
// in this period, what that takes per period and per person per week, what history says, and the
// calculator that compares what-if scenarios without touching the plan.
import {
  compareAssumptions,
  compareScenarios,
  DomainError,
  metricByKey,
  periodsBetween,
  reverseFunnel,
  withFallback,
  workingDaysBetween,
  type FunnelCalculate,
  type FunnelComparison,
  type FunnelDefaults,
  type FunnelDefaultsSave,
  type FunnelLearned,
  type FunnelLearnedQuery,
  type FunnelPlanAssumptions,
  type FunnelSave,
  type TacticalFunnel,
} from "@oars/core";
import { newId } from "../../db/ids";
import type { Q } from "../../db/tx";
import { updateVersioned } from "../../db/versioned";
import type { SignedInCtx } from "../../http/context";
import { conflict, invalid, notFound } from "../../http/errors";
import { mayReadOwned } from "../../policies/crm.policy";
import { planReadTeams } from "../../policies/plans.policy";
import { loadScope } from "../../policies/scope";
import { recordAudit } from "../audit/audit.record";
import { headcountOf } from "../plans/plan-owners";
import { assertAssumptions, funnelDefaults } from "./funnel-defaults";
import { lastYear, learnedFor } from "./funnel-history";
import { orgSettings, type OrgSettings } from "./org-settings";
import { readTactical, writeTactical } from "./tactical-access";
import type { TacticalPlansTable } from "./tactics.schema";

/** This period's revenue: the plan's own milestones of served revenue objectives, else their targets prorated. */
async function periodRevenueTarget(
  q: Q,
  plan: TacticalPlansTable,
  cal: Parameters<typeof workingDaysBetween>[0],
): Promise<number> {
  const served = await q
    .selectFrom("tactical_plan_objectives as tpo")
    .innerJoin("objectives as o", "o.id", "tpo.objective_id")
    .select(["o.id", "o.metric_key", "o.target", "o.start_date", "o.due_date"])
    .where("tpo.tactical_plan_id", "=", plan.id)
    .execute();
  const revenue = served.filter(
    (o) => o.metric_key === "revenue_won" || metricByKey(o.metric_key ?? "")?.key === "revenue_won",
  );
  if (revenue.length === 0) return 0;
  const milestones = await q
    .selectFrom("milestones")
    .select((eb) => eb.fn.sum<number>("target").as("total"))
    .where("tactical_plan_id", "=", plan.id)
    .where(
      "objective_id",
      "in",
      revenue.map((o) => o.id),
    )
    .where("dimension_kind", "is", null)
    .where("period_start", ">=", plan.period_start)
    .where("period_end", "<=", plan.period_end)
    .executeTakeFirst();
  const fromMilestones = Number(milestones?.total ?? 0);
  if (fromMilestones > 0) return Math.round(fromMilestones);
  let total = 0;
  for (const o of revenue) {
    const end = o.due_date ?? plan.period_end;
    const whole = workingDaysBetween(cal, o.start_date, end);
    const from = o.start_date > plan.period_start ? o.start_date : plan.period_start;
    const to = end < plan.period_end ? end : plan.period_end;
    if (whole > 0 && to >= from) total += ((o.target ?? 0) * workingDaysBetween(cal, from, to)) / whole;
  }
  return Math.round(total);
}

/** The plan's funnel without history: what its assumptions ask for in its period. */
export async function funnelOfPlan(
  q: Q,
  row: TacticalPlansTable,
  settings: OrgSettings,
  defaults?: FunnelDefaults,
) {
  const assumptions = row.funnel
    ? (JSON.parse(row.funnel) as FunnelPlanAssumptions)
    : (defaults ?? (await funnelDefaults(q, row.org_id))).assumptions;
  const revenueTargetMinor =
    assumptions.revenueTargetMinor ?? (await periodRevenueTarget(q, row, settings.calendar));
  const peopleCount =
    assumptions.peopleCount ?? (await headcountOf(q, row.org_id, row.owner_type, row.owner_id));
  const periods = periodsBetween(settings.calendar, row.period_start, row.period_end, "month");
  const result = reverseFunnel({ ...assumptions, revenueTargetMinor, peopleCount, periods });
  return { assumptions, revenueTargetMinor, peopleCount, periods, result };
}

export async function tacticalFunnel(
  ctx: SignedInCtx,
  tacticalPlanId: string,
  q: Q = ctx.db.k,
): Promise<TacticalFunnel> {
  const { row } = await readTactical(q, ctx, tacticalPlanId);
  const settings = await orgSettings(q, ctx.actor.orgId);
  const defaults = await funnelDefaults(q, ctx.actor.orgId);
  const { assumptions, revenueTargetMinor, peopleCount, periods, result } = await funnelOfPlan(
    q,
    row,
    settings,
    defaults,
  );
  const learned = await learnedFor(
    q,
    ctx.actor.orgId,
    { ownerType: row.owner_type, ownerId: row.owner_id },
    assumptions.stages.map((s) => s.name),
    lastYear(settings.today),
  );
  const rates = learned.team ? withFallback(learned.own, learned.team, 20) : learned.own;
  const gaps = compareAssumptions(
    {
      stages: assumptions.stages,
      averageDealSizeMinor: assumptions.averageDealSizeMinor,
      ...(assumptions.winRate === null ? {} : { winRate: assumptions.winRate }),
      ...(assumptions.cycleLengthDays === null ? {} : { cycleLengthDays: assumptions.cycleLengthDays }),
    },
    rates,
  );
  return {
    tacticalPlanId,
    assumptions,
    source: row.funnel ? "plan" : defaults.source === "org" ? "org" : "builtin",
    revenueTargetMinor,
    peopleCount,
    periods: periods.map((p) => ({ key: p.key, label: p.label, start: p.start, end: p.end })),
    result,
    learned: learned.own.dealCount + (learned.team?.dealCount ?? 0) > 0 ? rates : null,
    dealCount: Math.max(learned.own.dealCount, learned.team?.dealCount ?? 0),
    gaps,
    version: row.version,
  };
}

/** Saves the plan's assumptions — also how a compared scenario is applied. */
export async function saveTacticalFunnel(
  ctx: SignedInCtx,
  tacticalPlanId: string,
  input: FunnelSave,
): Promise<TacticalFunnel> {
  return ctx.db.k.transaction().execute(async (tx) => {
    const { row } = await writeTactical(tx, ctx, tacticalPlanId);
    assertAssumptions(input.assumptions);
    await updateVersioned(
      tx,
      "tactical_plans",
      { id: row.id, orgId: ctx.actor.orgId, version: input.version },
      { funnel: JSON.stringify(input.assumptions) },
      "Tactical plan",
    );
    await recordAudit(tx, ctx, ctx.actor.orgId, {
      entity: "tactical_plan",
      entityId: row.id,
      action: "funnel",
      before: row.funnel ? JSON.parse(row.funnel) : null,
      after: input.assumptions,
    });
    return tacticalFunnel(ctx, tacticalPlanId, tx);
  });
}

export async function calculateFunnel(ctx: SignedInCtx, input: FunnelCalculate): Promise<FunnelComparison> {
  const { calendar } = await orgSettings(ctx.db.k, ctx.actor.orgId);
  const { start, end, grain, ...base } = input.base;
  let periods;
  try {
    periods = periodsBetween(calendar, start, end, grain);
  } catch (e) {
    if (e instanceof DomainError) throw invalid(`base.${e.field}`, e.message.slice(e.field.length + 2));
    throw e;
  }
  let comparison;
  try {
    comparison = compareScenarios(
      { ...base, periods },
      input.scenarios.map((s) => ({
        name: s.name,
        changes: Object.fromEntries(Object.entries(s.changes).filter(([, v]) => v !== undefined)),
        conversionByStage: s.conversionByStage,
      })),
    );
  } catch (e) {
    // Name the field as the request spells it: base.stages[0]..., scenarios[1].averageDealSizeMinor.
    if (!(e instanceof DomainError)) throw e;
    const field = e.field.startsWith("variants[")
      ? e.field.replace(/^variants/, "scenarios")
      : `base.${e.field}`;
    throw invalid(field, e.message.slice(e.field.length + 2));
  }
  return {
    periods: periods.map((p) => ({ key: p.key, label: p.label, start: p.start, end: p.end })),
    ...comparison,
  };
}

export async function learnedRates(ctx: SignedInCtx, query: FunnelLearnedQuery): Promise<FunnelLearned> {
  const q = ctx.db.k;
  const scope = await loadScope(q, ctx.actor);
  if (query.ownerType === "person") {
    const p = await q
      .selectFrom("people")
      .select(["id", "team_id"])
      .where("org_id", "=", ctx.actor.orgId)
      .where("id", "=", query.ownerId)
      .executeTakeFirst();
    if (!p || !mayReadOwned(scope, { ownerId: p.id, teamId: p.team_id })) throw notFound("Person");
  } else if (!scope.isAdmin && !planReadTeams(scope).has(query.ownerId)) throw notFound("Team");
  const { today } = await orgSettings(q, ctx.actor.orgId);
  const to = query.to ?? today;
  const from = query.from ?? lastYear(to).from;
  if (to < from) throw invalid("to", "must not be before from");
  const stages = (await funnelDefaults(q, ctx.actor.orgId)).assumptions.stages.map((s) => s.name);
  const { own, team } = await learnedFor(q, ctx.actor.orgId, query, stages, { from, to });
  return {
    ownerType: query.ownerType,
    ownerId: query.ownerId,
    from,
    to,
    stages,
    own,
    fallback: team,
    rates: team ? withFallback(own, team, query.minSample) : own,
    dealCount: own.dealCount,
  };
}

export async function getFunnelDefaults(ctx: SignedInCtx): Promise<FunnelDefaults> {
  return funnelDefaults(ctx.db.k, ctx.actor.orgId);
}

export async function saveFunnelDefaults(
  ctx: SignedInCtx,
  input: FunnelDefaultsSave,
): Promise<FunnelDefaults> {
  return ctx.db.k.transaction().execute(async (tx) => {
    const orgId = ctx.actor.orgId;
    assertAssumptions(input.assumptions);
    const saved = await tx
      .selectFrom("funnel_defaults")
      .selectAll()
      .where("org_id", "=", orgId)
      .executeTakeFirst();
    const assumptions = JSON.stringify(input.assumptions);
    if (saved) {
      if (input.version === undefined)
        throw conflict("The org's defaults exist: send their version to replace them");
      await updateVersioned(
        tx,
        "funnel_defaults",
        { id: saved.id, orgId, version: input.version },
        { assumptions },
        "Funnel defaults",
      );
    } else {
      const now = new Date().toISOString();
      await tx
        .insertInto("funnel_defaults")
        .values({ id: newId(), org_id: orgId, assumptions, version: 1, created_at: now, updated_at: now })
        .execute();
    }
    await recordAudit(tx, ctx, orgId, {
      entity: "funnel_defaults",
      entityId: orgId,
      action: saved ? "update" : "create",
      before: saved ? JSON.parse(saved.assumptions) : undefined,
      after: input.assumptions,
    });
    return funnelDefaults(tx, orgId);
  });
}
