// What the plan checks need from tactical planning, loaded as plain data for checkPlan: the
// milestones of the plan's objectives (and the parts they are split into), the actions and
// allocations of its tactical plans with everyone's load across all plans, and the plan running now.
import type { AllocationToCheck, TacticalToCheck } from "@oars/core";
import type { Q } from "../../db/tx";
import type { StrategicPlansTable } from "../plans/plans.schema";
import { chunked } from "./actions.repo";
import { allocationWindow, capacities, loadHoursAllocations } from "./capacity.service";
import { orgSettings } from "./org-settings";
import "./tactics.schema";

export async function tacticalCheckInput(q: Q, plan: StrategicPlansTable): Promise<TacticalToCheck> {
  const orgId = plan.org_id;
  const objectiveIds = (
    await q
      .selectFrom("objectives")
      .select("id")
      .where("org_id", "=", orgId)
      .where("plan_id", "=", plan.id)
      .execute()
  ).map((o) => o.id);
  const own = await chunked(objectiveIds, (part) =>
    q
      .selectFrom("milestones")
      .select(["id", "objective_id", "parent_milestone_id", "target", "tactical_plan_id", "period_key"])
      .where("org_id", "=", orgId)
      .where("objective_id", "in", part)
      .execute(),
  );
  const ownIds = new Set(own.map((m) => m.id));
  const parts = (
    await chunked([...ownIds], (part) =>
      q
        .selectFrom("milestones")
        .select(["id", "objective_id", "parent_milestone_id", "target", "tactical_plan_id", "period_key"])
        .where("parent_milestone_id", "in", part)
        .execute(),
    )
  ).filter((m) => !ownIds.has(m.id));
  const tacticals = await q
    .selectFrom("tactical_plans")
    .select(["id", "status", "period_start", "period_end"])
    .where("org_id", "=", orgId)
    .where("strategic_plan_id", "=", plan.id)
    .where("status", "!=", "archived")
    .execute();
  const actions = await chunked(
    tacticals.map((t) => t.id),
    (part) =>
      q
        .selectFrom("actions as a")
        .innerJoin("tactical_plans as t", "t.id", "a.tactical_plan_id")
        .select([
          "a.id",
          "a.title",
          "a.objective_id",
          "a.owner_id",
          "a.start_date",
          "a.due_date",
          "a.recurrence",
          "a.status",
          "a.tactical_plan_id",
          "t.period_start",
          "t.period_end",
        ])
        .where("a.tactical_plan_id", "in", part)
        .where("a.deleted_at", "is", null)
        .execute(),
  );
  // Everyone booked on this plan's actions, with their load from every plan: that is what they carry.
  const booked = await loadHoursAllocations(q, orgId, { tacticalPlanIds: tacticals.map((t) => t.id) });
  const people = [...new Set(booked.map((a) => a.personId))];
  const allocations: AllocationToCheck[] = (await loadHoursAllocations(q, orgId, { personIds: people })).map(
    (a) => ({
      personId: a.personId,
      hoursPerWeek: a.hoursPerWeek,
      startDate: a.startDate,
      endDate: a.endDate,
    }),
  );
  const { today } = await orgSettings(q, orgId);
  const current =
    tacticals
      .filter(
        (t) =>
          (t.status === "draft" || t.status === "active") && t.period_start <= today && t.period_end >= today,
      )
      .sort((a, b) => b.period_start.localeCompare(a.period_start))[0] ?? null;
  return {
    milestones: [...own, ...parts].map((m) => ({
      id: m.id,
      objectiveId: m.objective_id,
      parentMilestoneId: m.parent_milestone_id,
      target: m.target,
      tacticalPlanId: m.tactical_plan_id,
      label: m.period_key,
    })),
    actions: actions.map((a) => ({
      id: a.id,
      title: a.title,
      objectiveId: a.objective_id,
      ownerId: a.owner_id,
      // A recurring action is due when its series ends.
      dueDate: a.due_date ?? (a.recurrence ? allocationWindow(a).endDate : null),
      tacticalPlanId: a.tactical_plan_id,
      closed: a.status === "done" || a.status === "cancelled",
    })),
    allocations,
    capacities: (await capacities(q, orgId, people)).map((c) => ({
      personId: c.personId,
      personName: c.name,
      capacityHoursPerWeek: c.capacityHoursPerWeek,
    })),
    current: current
      ? { id: current.id, periodStart: current.period_start, periodEnd: current.period_end }
      : null,
  };
}
