// The capacity check on the server: hours a week booked on each person by every live action of the
// org (whichever tactical plan holds it), against their capacity — for write warnings, the plan's
// capacity report and the plan checks.
import {
  overAllocations,
  periodsBetween,
  weeklyLoad,
  type ActionRecurrence,
  type ActionWarning,
  type CapacityReport,
  type HoursAllocation,
  type OrgCalendar,
  type PersonCapacity,
} from "@oars/core";
import type { Q } from "../../db/tx";
import type { SignedInCtx } from "../../http/context";
import { chunked } from "./actions.repo";
import { orgSettings } from "./org-settings";
import { readTactical } from "./tactical-access";
import "./tactics.schema";

/** When an allocation books its hours: the action's dates, else its recurrence's end, else its plan's period. */
export function allocationWindow(a: {
  start_date: string | null;
  due_date: string | null;
  recurrence: string | null;
  period_start: string;
  period_end: string;
}): { startDate: string; endDate: string } {
  const until = a.recurrence ? (JSON.parse(a.recurrence) as ActionRecurrence).until : null;
  return { startDate: a.start_date ?? a.period_start, endDate: a.due_date ?? until ?? a.period_end };
}

/** Hours allocations of live actions (not done, cancelled or deleted), for some people or a plan's. */
export async function loadHoursAllocations(
  q: Q,
  orgId: string,
  where: { personIds?: readonly string[]; tacticalPlanIds?: readonly string[] },
): Promise<HoursAllocation[]> {
  const run = (persons: string[] | null, plans: string[] | null) => {
    let query = q
      .selectFrom("action_allocations as al")
      .innerJoin("actions as a", "a.id", "al.action_id")
      .innerJoin("tactical_plans as t", "t.id", "a.tactical_plan_id")
      .select([
        "al.person_id",
        "al.hours_per_week",
        "a.id as action_id",
        "a.title",
        "a.start_date",
        "a.due_date",
        "a.recurrence",
        "t.period_start",
        "t.period_end",
      ])
      .where("al.org_id", "=", orgId)
      .where("al.person_id", "is not", null)
      .where("al.hours_per_week", ">", 0)
      .where("a.deleted_at", "is", null)
      .where("a.status", "not in", ["done", "cancelled"])
      .where("t.status", "!=", "archived");
    if (persons) query = query.where("al.person_id", "in", persons);
    if (plans) query = query.where("a.tactical_plan_id", "in", plans);
    return query.execute();
  };
  const rows = where.personIds
    ? await chunked(where.personIds, (part) => run(part, null))
    : where.tacticalPlanIds
      ? await chunked(where.tacticalPlanIds, (part) => run(null, part))
      : await run(null, null);
  return rows.map((r) => ({
    personId: r.person_id ?? "",
    hoursPerWeek: r.hours_per_week,
    ...allocationWindow(r),
    actionId: r.action_id,
    actionTitle: r.title,
  }));
}

export async function capacities(
  q: Q,
  orgId: string,
  personIds: readonly string[],
): Promise<PersonCapacity[]> {
  const rows = await chunked(personIds, (part) =>
    q
      .selectFrom("people")
      .select(["id", "name", "capacity_hours_per_week"])
      .where("org_id", "=", orgId)
      .where("id", "in", part)
      .orderBy("name")
      .execute(),
  );
  return rows.map((r) => ({ personId: r.id, name: r.name, capacityHoursPerWeek: r.capacity_hours_per_week }));
}

/** Over-allocation warnings for these people in the weeks of [start, end]. */
export async function capacityWarnings(
  q: Q,
  orgId: string,
  calendar: OrgCalendar,
  personIds: readonly string[],
  window: { start: string; end: string },
): Promise<ActionWarning[]> {
  if (personIds.length === 0) return [];
  const weeks = periodsBetween(calendar, window.start, window.end, "week");
  const allocations = await loadHoursAllocations(q, orgId, { personIds });
  return overAllocations(allocations, await capacities(q, orgId, personIds), weeks).map((o) => ({
    code: "person_over_capacity" as const,
    message: o.message,
    personId: o.personId,
    weekStart: o.weekStart,
    allocatedHours: o.allocatedHours,
    capacityHours: o.capacityHours,
  }));
}

export async function capacityReport(ctx: SignedInCtx, tacticalPlanId: string): Promise<CapacityReport> {
  const q = ctx.db.k;
  const { row } = await readTactical(q, ctx, tacticalPlanId);
  const { calendar } = await orgSettings(q, ctx.actor.orgId);
  const own = await loadHoursAllocations(q, ctx.actor.orgId, { tacticalPlanIds: [row.id] });
  const personIds = [...new Set(own.map((a) => a.personId))];
  // A person's week counts every plan's bookings, not just this one's: that is their real load.
  const all = await loadHoursAllocations(q, ctx.actor.orgId, { personIds });
  const people = await capacities(q, ctx.actor.orgId, personIds);
  const weeks = periodsBetween(calendar, row.period_start, row.period_end, "week");
  const load = weeklyLoad(all, people, weeks);
  return {
    tacticalPlanId,
    weeks: weeks.map((w) => ({ key: w.key, start: w.start, end: w.end })),
    people: people.map((p) => ({
      personId: p.personId,
      name: p.name,
      capacityHoursPerWeek: p.capacityHoursPerWeek,
      allocatedHours: load.filter((l) => l.personId === p.personId).map((l) => l.allocatedHours),
    })),
    overAllocations: overAllocations(all, people, weeks).map((o) => ({
      personId: o.personId,
      name: o.name,
      weekStart: o.weekStart,
      allocatedHours: o.allocatedHours,
      capacityHours: o.capacityHours,
      actions: o.actions,
      message: o.message,
    })),
  };
}
