// Resolving a split request: the objective or parent milestone it splits and its target, the range
// and its periods in the org's calendar, and the seasonal weights learned from won revenue.
import {
  learnSeasonality,
  metricByKey,
  periodsBetween,
  subtreeIds,
  workingDaysBetween,
  type OrgCalendar,
  type Period,
  type PeriodSplitMethod,
  type Seasonality,
  type SplitGrain,
  type SplitSettings,
} from "@oars/core";
import type { Q } from "../../db/tx";
import type { SignedInCtx } from "../../http/context";
import { invalid } from "../../http/errors";
import { loadObjectiveRow } from "../plans/objectives.service";
import type { ObjectivesTable } from "../plans/plans.schema";
import "../crm/crm.schema";
import { orNull, readTactical } from "./tactical-access";
import type { MilestonesTable, TacticalPlansTable } from "./tactics.schema";

export interface SplitTarget {
  objective: ObjectivesTable;
  metricKind: "additive" | "ratio";
  parent: MilestonesTable | null;
  /** What is split: the parent milestone's target, else the objective's (or a total given). */
  total: number | null;
  /** What the gap is measured against. */
  target: number | null;
  defaultRange: { start: string; end: string };
}

export async function resolveSplitTarget(
  q: Q,
  ctx: SignedInCtx,
  plan: TacticalPlansTable,
  objectiveId: string,
  parentMilestoneId: string | null,
): Promise<SplitTarget> {
  const objective = await orNull(loadObjectiveRow(q, ctx.actor.orgId, objectiveId));
  if (!objective || objective.plan_id !== plan.strategic_plan_id)
    throw invalid("objectiveId", "must be an objective of this tactical plan's strategic plan");
  const metricKind = objective.metric_key
    ? (metricByKey(objective.metric_key)?.kind ?? "additive")
    : "additive";
  let parent: MilestonesTable | null = null;
  if (parentMilestoneId) {
    parent =
      (await q
        .selectFrom("milestones")
        .selectAll()
        .where("org_id", "=", ctx.actor.orgId)
        .where("id", "=", parentMilestoneId)
        .executeTakeFirst()) ?? null;
    const readable =
      parent !== null && (await orNull(readTactical(q, ctx, parent.tactical_plan_id))) !== null;
    if (!parent || !readable) throw invalid("parentMilestoneId", "must be a milestone you can see");
    if (parent.objective_id !== objective.id && parent.objective_id !== objective.parent_objective_id)
      throw invalid(
        "parentMilestoneId",
        "must be a milestone of this objective or of the objective it is aligned under",
      );
  }
  const target = parent ? parent.target : objective.target;
  return {
    objective,
    metricKind,
    parent,
    total: target,
    target,
    defaultRange: parent
      ? { start: parent.period_start, end: parent.period_end }
      : { start: objective.start_date, end: objective.due_date ?? plan.period_end },
  };
}

export function gridPeriods(cal: OrgCalendar, start: string, end: string, grain: SplitGrain): Period[] {
  if (grain === "whole")
    return [
      {
        key: `${start}~${end}`,
        label: `${start} to ${end}`,
        start,
        end,
        workingDays: workingDaysBetween(cal, start, end),
      },
    ];
  return periodsBetween(cal, start, end, grain);
}

/** Won revenue's monthly shape: the owner's history when there is a year of it, else the org's. */
export async function learnedSeasonality(
  q: Q,
  plan: TacticalPlansTable,
  cal: OrgCalendar,
  before: string,
): Promise<Seasonality> {
  const from = `${Number(before.slice(0, 4)) - 3}${before.slice(4)}`;
  const base = () =>
    q
      .selectFrom("deals")
      .select(["close_date", "amount_org_minor"])
      .where("org_id", "=", plan.org_id)
      .where("deleted_at", "is", null)
      .where("status", "=", "won")
      .where("close_date", ">=", from)
      .where("close_date", "<", before);
  const learn = (rows: { close_date: string; amount_org_minor: number }[]) =>
    learnSeasonality(
      rows.map((r) => ({
        closeDate: r.close_date,
        amountMinor: Math.max(0, Math.round(Number(r.amount_org_minor))),
      })),
      cal,
    );
  let own: { close_date: string; amount_org_minor: number }[];
  if (plan.owner_type === "person") own = await base().where("owner_id", "=", plan.owner_id).execute();
  else {
    const teams = await q
      .selectFrom("teams")
      .select(["id", "parent_id"])
      .where("org_id", "=", plan.org_id)
      .execute();
    const subtree = [
      ...subtreeIds(
        teams.map((t) => ({ id: t.id, parentId: t.parent_id })),
        plan.owner_id,
      ),
    ];
    own = subtree.length > 0 ? await base().where("team_id", "in", subtree).execute() : [];
  }
  const mine = learn(own);
  if (mine.source === "history" && mine.yearsOfHistory >= 1) return mine;
  const org = learn(await base().execute());
  return org.source === "history" ? org : mine;
}

export function corePeriodMethod(
  m: SplitSettings["periodMethod"],
  cal: OrgCalendar,
  seasonality: () => Promise<Seasonality>,
): Promise<PeriodSplitMethod> | PeriodSplitMethod {
  switch (m.kind) {
    case "even":
      return { kind: "even" };
    case "manual":
      return { kind: "manual", amounts: m.amounts };
    case "seasonal":
      return m.by === "period"
        ? { kind: "seasonal", by: "period", weights: m.weights }
        : { kind: "seasonal", by: "calendarMonth", weights: m.weights, calendar: cal };
    case "learned":
      return seasonality().then((s) => ({
        kind: "seasonal",
        by: "calendarMonth",
        weights: s.byCalendarMonth,
        calendar: cal,
      }));
  }
}
