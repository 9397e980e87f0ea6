// How much of each period has elapsed by a date, counted in working days: the "expected by now"
// fraction that prorates a period's target on the pace line (DESIGN: prorated by working days).
import { dayNumberOf } from "./dates";
import { workingDaysBetween, type OrgCalendar } from "./org-calendar";
import type { Period } from "./periods";

export interface PeriodElapsedShare {
  periodKey: string;
  /** 0 before the period, 1 once its last day is over, the working-day fraction in between. */
  elapsedShare: number;
}

/**
 * The share of each period elapsed by the END of `date` (the date itself counts as done; pass
 * yesterday for "as of this morning"). A period without working days (a holiday week) counts
 * calendar days instead, so its share still moves from 0 to 1.
 */
export function expectedShareByDate(
  cal: OrgCalendar,
  periods: readonly Period[],
  date: string,
): PeriodElapsedShare[] {
  const dn = dayNumberOf(date);
  return periods.map((p) => {
    const startDn = dayNumberOf(p.start, "periods.start");
    const endDn = dayNumberOf(p.end, "periods.end");
    let elapsedShare: number;
    if (dn < startDn) elapsedShare = 0;
    else if (dn >= endDn) elapsedShare = 1;
    else if (p.workingDays > 0) elapsedShare = workingDaysBetween(cal, p.start, date) / p.workingDays;
    else elapsedShare = (dn - startDn + 1) / (endDn - startDn + 1);
    return { periodKey: p.key, elapsedShare };
  });
}
