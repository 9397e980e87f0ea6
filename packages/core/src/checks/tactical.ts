// Checks of the tactical part: milestones that add up, actions someone owns by a date, nobody
// booked beyond their week, and every live objective worked on in the current tactical plan.
import { formatMetricValue, metricByKey } from "../metrics";
import { finding, quote } from "./strategic";
import type { AllocationToCheck, ObjectiveToCheck, PlanFinding, TacticalToCheck } from "./types";

// Splits are exact in integer minor units, but count targets may be fractional (10 split three ways).
function differs(sum: number, whole: number): boolean {
  return Math.abs(sum - whole) > 1e-9 * Math.max(1, Math.abs(whole));
}

function total(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

export function milestoneFindings(
  tactical: TacticalToCheck,
  live: readonly ObjectiveToCheck[],
): PlanFinding[] {
  const out: PlanFinding[] = [];
  const childrenOf = new Map<string, number[]>();
  for (const m of tactical.milestones) {
    if (m.parentMilestoneId === null) continue;
    const list = childrenOf.get(m.parentMilestoneId) ?? [];
    list.push(m.target);
    childrenOf.set(m.parentMilestoneId, list);
  }
  for (const o of live) {
    const metric = o.metricKey === null ? undefined : metricByKey(o.metricKey);
    // Ratios (win rate, deal size) are computed over a scope, never split, so parts cannot add up.
    if (!metric || metric.kind !== "additive") continue;
    const fmt = (v: number) => formatMetricValue(v, metric.unit, { currency: o.currency });
    const own = tactical.milestones.filter((m) => m.objectiveId === o.id);
    const top = own.filter((m) => m.parentMilestoneId === null).map((m) => m.target);
    if (o.target !== null && top.length > 0 && differs(total(top), o.target)) {
      out.push(
        finding(
          "milestones_do_not_add_up",
          "objective",
          o.id,
          `The milestones of ${quote(o.title)} add up to ${fmt(total(top))}, but its target is ${fmt(o.target)}.`,
        ),
      );
    }
    for (const m of own) {
      const parts = childrenOf.get(m.id);
      if (parts === undefined || !differs(total(parts), m.target)) continue;
      const name = m.label ? quote(m.label) : `a milestone of ${quote(o.title)}`;
      out.push(
        finding(
          "milestones_do_not_add_up",
          "milestone",
          m.id,
          `The parts of ${name} add up to ${fmt(total(parts))}, but it is ${fmt(m.target)}.`,
        ),
      );
    }
  }
  return out;
}

export function actionFindings(tactical: TacticalToCheck): PlanFinding[] {
  const out: PlanFinding[] = [];
  for (const a of tactical.actions) {
    if (a.closed) continue;
    if (a.ownerId === null) {
      out.push(finding("action_missing_owner", "action", a.id, `The action ${quote(a.title)} has no owner.`));
    }
    if (a.dueDate === null) {
      out.push(
        finding("action_missing_due_date", "action", a.id, `The action ${quote(a.title)} has no due date.`),
      );
    }
  }
  return out;
}

/** The most hours a week booked at once, and the first day it is reached ("" = from the start). */
function peakLoad(allocations: readonly AllocationToCheck[]): { hoursPerWeek: number; from: string } {
  // A load only rises on some allocation's first day, so those days (and "the start") are enough to look at.
  const days = ["", ...allocations.map((a) => a.startDate ?? "")].sort();
  let peak = { hoursPerWeek: 0, from: "" };
  for (const day of days) {
    const hours = total(
      allocations
        .filter(
          (a) =>
            (a.startDate ?? "") <= day && (a.endDate === null || a.endDate === undefined || a.endDate >= day),
        )
        .map((a) => a.hoursPerWeek),
    );
    if (hours > peak.hoursPerWeek) peak = { hoursPerWeek: hours, from: day };
  }
  return peak;
}

export function capacityFindings(tactical: TacticalToCheck): PlanFinding[] {
  const out: PlanFinding[] = [];
  const byPerson = new Map<string, AllocationToCheck[]>();
  for (const a of tactical.allocations) {
    const list = byPerson.get(a.personId) ?? [];
    list.push(a);
    byPerson.set(a.personId, list);
  }
  for (const person of tactical.capacities) {
    const peak = peakLoad(byPerson.get(person.personId) ?? []);
    if (peak.hoursPerWeek <= person.capacityHoursPerWeek + 1e-9) continue;
    const when = peak.from === "" ? "" : ` from ${peak.from}`;
    const hours = (h: number) => h.toLocaleString("en", { maximumFractionDigits: 1 });
    out.push(
      finding(
        "person_over_capacity",
        "person",
        person.personId,
        `${person.personName} is allocated ${hours(peak.hoursPerWeek)} hours a week${when} but has ${hours(person.capacityHoursPerWeek)}.`,
      ),
    );
  }
  return out;
}

export function coverageFindings(
  tactical: TacticalToCheck,
  live: readonly ObjectiveToCheck[],
): PlanFinding[] {
  const current = tactical.current;
  if (current === null) return [];
  const worked = new Set<string>();
  for (const m of tactical.milestones) if (m.tacticalPlanId === current.id) worked.add(m.objectiveId);
  for (const a of tactical.actions) {
    if (a.tacticalPlanId === current.id && a.objectiveId !== null) worked.add(a.objectiveId);
  }
  return live
    .filter(
      (o) =>
        o.status !== "done" &&
        !worked.has(o.id) &&
        (o.startDate === null || o.startDate <= current.periodEnd) &&
        (o.dueDate === null || o.dueDate >= current.periodStart),
    )
    .map((o) =>
      finding(
        "objective_without_tactics",
        "objective",
        o.id,
        `${quote(o.title)} has no milestone or action in the current tactical plan (${current.periodStart} to ${current.periodEnd}).`,
      ),
    );
}
