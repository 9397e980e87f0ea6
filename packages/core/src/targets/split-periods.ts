// Splitting one target over time: evenly by working days, by seasonal weights (per period or per
// calendar month), or by amounts typed in by hand — and saying when hand-typed parts miss the total.
import { dayNumberOf, firstDayOfMonthIndex, maxDate, minDate, monthIndexOf } from "../calendar/dates";
import { lastDayBeforeMonthIndex } from "../calendar/fiscal";
import { workingDaysBetween, type OrgCalendar } from "../calendar/org-calendar";
import type { Period } from "../calendar/periods";
import { DomainError } from "../errors";
import { assertWeights, assertWholeAmount, largestRemainder } from "./largest-remainder";

export type PeriodSplitMethod =
  | { kind: "even" }
  /** One weight per period, in the periods' order. */
  | { kind: "seasonal"; by: "period"; weights: readonly number[] }
  /**
   * Twelve weights, January first (learnSeasonality's byCalendarMonth fits here). A month's
   * weight is spread over its working days, so a week or a clipped month gets its share of it.
   */
  | { kind: "seasonal"; by: "calendarMonth"; weights: readonly number[]; calendar: OrgCalendar }
  | { kind: "manual"; amounts: readonly number[] };

export interface PeriodAmount {
  periodKey: string;
  /** In the target's unit: minor units for money, a count otherwise. */
  amount: number;
}

export interface TargetSplitOverPeriods {
  parts: PeriodAmount[];
  /** total − Σ parts: above 0 when manual parts fall short of the total, below 0 when they exceed it. */
  gap: number;
}

export function splitTargetOverPeriods(
  total: number,
  periods: readonly Period[],
  method: PeriodSplitMethod,
): TargetSplitOverPeriods {
  assertWholeAmount(total, "total");
  if (method.kind === "manual") {
    const amounts = manualAmounts(periods, method.amounts);
    const sum = amounts.reduce((s, a) => s + a, 0);
    return {
      parts: periods.map((p, i) => ({ periodKey: p.key, amount: amounts[i] ?? 0 })),
      gap: total - sum,
    };
  }
  const amounts = largestRemainder(total, periodWeights(periods, method));
  return { parts: periods.map((p, i) => ({ periodKey: p.key, amount: amounts[i] ?? 0 })), gap: 0 };
}

/**
 * The relative size of each period under a method — the shape a target takes over time. For a
 * manual method the typed amounts are the shape (the grid applies the team's shape to each owner).
 */
export function periodWeights(periods: readonly Period[], method: PeriodSplitMethod): number[] {
  if (periods.length === 0) throw new DomainError("periods", "must not be empty");
  switch (method.kind) {
    case "even":
      return evenWeights(periods);
    case "seasonal":
      if (method.by === "period") {
        if (method.weights.length !== periods.length)
          throw new DomainError("method.weights", `must hold one weight per period (${periods.length})`);
        assertWeights(method.weights, "method.weights");
        return [...method.weights];
      }
      return monthWeightsToPeriodWeights(method.calendar, periods, method.weights);
    case "manual": {
      const amounts = manualAmounts(periods, method.amounts);
      if (amounts.every((a) => a === 0)) return evenWeights(periods);
      return amounts;
    }
  }
}

/** Working days; a range without any (a holiday week) falls back to calendar days so the total still lands. */
function evenWeights(periods: readonly Period[]): number[] {
  if (periods.some((p) => p.workingDays > 0)) return periods.map((p) => p.workingDays);
  return periods.map((p) => dayNumberOf(p.end, "periods.end") - dayNumberOf(p.start, "periods.start") + 1);
}

function manualAmounts(periods: readonly Period[], amounts: readonly number[]): number[] {
  if (amounts.length !== periods.length)
    throw new DomainError("method.amounts", `must hold one amount per period (${periods.length})`);
  amounts.forEach((a, i) => assertWholeAmount(a, `method.amounts[${i}]`));
  return [...amounts];
}

/**
 * Per-period weights from twelve calendar-month weights: each month's weight is spread evenly over
 * its working days, and a period takes the part of every month it covers. Twelve monthly periods
 * get the twelve weights back unchanged. Days are calendar days instead when the months have no
 * working days, or the periods none at all (as for an even split).
 */
export function monthWeightsToPeriodWeights(
  cal: OrgCalendar,
  periods: readonly Period[],
  monthWeights: readonly number[],
): number[] {
  if (monthWeights.length !== 12)
    throw new DomainError("method.weights", "must hold twelve weights, January first");
  assertWeights(monthWeights, "method.weights");
  const anyWorkingDay = periods.some((p) => p.workingDays > 0);
  const calendarDays = (from: string, to: string) => dayNumberOf(to) - dayNumberOf(from) + 1;
  const weights = periods.map((p) => {
    let weight = 0;
    for (let mi = monthIndexOf(p.start); mi <= monthIndexOf(p.end); mi++) {
      const monthWeight = monthWeights[mi % 12] ?? 0;
      if (monthWeight === 0) continue;
      const monthStart = firstDayOfMonthIndex(mi);
      const monthEnd = lastDayBeforeMonthIndex(mi + 1);
      const from = maxDate(monthStart, p.start);
      const to = minDate(monthEnd, p.end);
      const monthWorkingDays = anyWorkingDay ? workingDaysBetween(cal, monthStart, monthEnd) : 0;
      weight +=
        monthWorkingDays > 0
          ? (monthWeight * workingDaysBetween(cal, from, to)) / monthWorkingDays
          : (monthWeight * calendarDays(from, to)) / calendarDays(monthStart, monthEnd);
    }
    return weight;
  });
  if (!weights.some((w) => w > 0))
    throw new DomainError("method.weights", "are zero for every month in the range");
  return weights;
}
