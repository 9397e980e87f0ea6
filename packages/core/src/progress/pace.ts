// Expected by now and pace: how much of the target should be in by today if the milestone
// schedule is followed, so seasonality and a new hire's ramp shape it rather than a straight line.
import { dayNumberOf } from "../calendar/dates";
import type { IsoDate } from "../contracts/common";
import type { SchedulePeriod, WorkingDaysBetween } from "./types";

/** The share of a period's working days gone by the end of `today`, from 0 to 1. */
function elapsedShare(
  period: SchedulePeriod,
  today: IsoDate,
  workingDaysBetween: WorkingDaysBetween,
): number {
  if (today < period.periodStart) return 0;
  if (today >= period.periodEnd) return 1;
  // A period without a working day (a holiday week) moves by calendar days instead, as the
  // calendar's expectedShareByDate does, so both draw the same pace line.
  if (period.workingDays <= 0) {
    const start = dayNumberOf(period.periodStart, "periodStart");
    return (
      (dayNumberOf(today, "today") - start + 1) / (dayNumberOf(period.periodEnd, "periodEnd") - start + 1)
    );
  }
  const elapsed = workingDaysBetween(period.periodStart, today);
  return Math.min(1, Math.max(0, elapsed / period.workingDays));
}

/**
 * What the schedule expects by the end of `today`: the targets of the periods already over, plus
 * the current period's target prorated by the working days elapsed in it (today included).
 */
export function expectedByNow(
  schedule: readonly SchedulePeriod[],
  today: IsoDate,
  workingDaysBetween: WorkingDaysBetween,
): number {
  return schedule.reduce(
    (sum, period) => sum + period.target * elapsedShare(period, today, workingDaysBetween),
    0,
  );
}

/** Actual over expected (1 = exactly on pace); null while nothing is expected yet. */
export function pace(actual: number, expected: number): number | null {
  return expected > 0 ? actual / expected : null;
}

/** The cumulative target due by the end of the period holding `today` (or the next one, or the last). */
export function targetByPeriodEnd(
  schedule: readonly SchedulePeriod[],
  today: IsoDate,
): { periodEnd: IsoDate; target: number } | null {
  const ends = schedule.map((p) => p.periodEnd).sort();
  const periodEnd = ends.find((end) => end >= today) ?? ends[ends.length - 1];
  if (periodEnd === undefined) return null;
  const target = schedule.filter((p) => p.periodEnd <= periodEnd).reduce((sum, p) => sum + p.target, 0);
  return { periodEnd, target };
}
