// Closing a period for commission work: which dates a period key names (a calendar month or a
// fiscal quarter of the org) and the attainment frozen for each owner.
import { addDays, firstDayOfMonthIndex } from "../calendar/dates";
import type { OrgCalendar } from "../calendar/org-calendar";
import type { GrowthDirection } from "../metrics/catalogue";

export interface ClosedPeriodRange {
  key: string;
  label: string;
  start: string;
  /** Inclusive. */
  end: string;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2026-03" → March 2026; "FY2027-Q1" → the first quarter of the fiscal year ending in 2027. Null when malformed. */
export function closedPeriodRange(cal: OrgCalendar, key: string): ClosedPeriodRange | null {
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(key);
  if (month) {
    const mi = Number(month[1]) * 12 + Number(month[2]) - 1;
    return {
      key,
      label: `${MONTHS[mi % 12] ?? ""} ${Math.floor(mi / 12)}`,
      start: firstDayOfMonthIndex(mi),
      end: addDays(firstDayOfMonthIndex(mi + 1), -1),
    };
  }
  const quarter = /^FY(\d{4})-Q([1-4])$/.exec(key);
  if (quarter) {
    const year = Number(quarter[1]);
    const q = Number(quarter[2]);
    // A fiscal year is named by the calendar year it ends in (calendar/fiscal.ts).
    const m = cal.fiscalYearStartMonth;
    const fyStart = (year - 1) * 12 + (m - 1) + (m === 1 ? 12 : 0);
    const startMi = fyStart + (q - 1) * 3;
    return {
      key,
      label: `Q${q} FY${year}`,
      start: firstDayOfMonthIndex(startMi),
      end: addDays(firstDayOfMonthIndex(startMi + 3), -1),
    };
  }
  return null;
}

/** Share of the target reached (higher is better: a "down" metric is target ÷ actual); null without a target. */
export function attainmentOf(actual: number | null, target: number | null, growth: GrowthDirection = "up") {
  if (actual === null || target === null) return null;
  if (growth === "up") return target > 0 ? actual / target : null;
  return actual > 0 ? target / actual : null;
}
