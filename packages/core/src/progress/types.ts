// The calendar and schedule shapes pace and forecast read. The calendar itself lives elsewhere:
// these functions only need to count an org's working days, so they take that as a function.
import type { IsoDate } from "../contracts/common";

/**
 * Working days from `fromInclusive` through `toInclusive` under the org's calendar (weekdays and
 * holidays); 0 when `toInclusive` is before `fromInclusive`.
 */
export type WorkingDaysBetween = (fromInclusive: IsoDate, toInclusive: IsoDate) => number;

/** One milestone of the schedule an objective is paced against: its target for one period. */
export interface SchedulePeriod {
  periodStart: IsoDate;
  periodEnd: IsoDate;
  /** Non-negative; money in minor units. */
  target: number;
  /** Working days in the period, counted once when the schedule is built. */
  workingDays: number;
}
