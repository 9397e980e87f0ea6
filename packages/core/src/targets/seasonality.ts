// Learning the seasonal shape of revenue from past won deals: which months carry more of the year,
// so a target can be spread the way the business actually closes.
import { dayNumberOf, firstDayOfMonthIndex, maxDate, minDate, monthIndexOf } from "../calendar/dates";
import { lastDayBeforeMonthIndex } from "../calendar/fiscal";
import { validateOrgCalendar, type OrgCalendar } from "../calendar/org-calendar";
import { DomainError } from "../errors";
import { assertWholeAmount } from "./largest-remainder";

export interface WonDealAmount {
  closeDate: string;
  amountMinor: number;
}

export interface Seasonality {
  /** Twelve shares summing to 1, the fiscal year's first month first. */
  byFiscalMonth: number[];
  /** The same shares, January first — ready for a `seasonal` split `by: "calendarMonth"`. */
  byCalendarMonth: number[];
  /** Months of history looked at ÷ 12; below 1 the shape is a guess, and the UI should say so. */
  yearsOfHistory: number;
  /** "even" when there was no won revenue to learn from: every month then weighs 1/12. */
  source: "history" | "even";
}

/**
 * Each calendar month's share of won revenue, averaged per occurrence of that month in the history
 * window — 18 months of history hold two Januaries but one July, so summing raw revenue would
 * overweight the months seen twice. The window defaults to the whole months from the first to the
 * last close date; deals outside a given window are ignored.
 */
export function learnSeasonality(
  wonDeals: readonly WonDealAmount[],
  cal: OrgCalendar,
  historyWindow?: { start: string; end: string },
): Seasonality {
  validateOrgCalendar(cal);
  wonDeals.forEach((d, i) => {
    dayNumberOf(d.closeDate, `wonDeals[${i}].closeDate`);
    assertWholeAmount(d.amountMinor, `wonDeals[${i}].amountMinor`);
  });
  const window = historyWindow ?? defaultWindow(wonDeals);
  if (!window) return evenSeasonality(cal, 0);
  const startDn = dayNumberOf(window.start, "historyWindow.start");
  const endDn = dayNumberOf(window.end, "historyWindow.end");
  if (endDn < startDn) throw new DomainError("historyWindow.end", "must not be before the start");

  const revenueByMonth = new Array<number>(12).fill(0);
  for (const d of wonDeals) {
    if (d.closeDate < window.start || d.closeDate > window.end) continue;
    const m = monthIndexOf(d.closeDate) % 12;
    revenueByMonth[m] = (revenueByMonth[m] ?? 0) + d.amountMinor;
  }
  // A month the window covers only partly counts as that fraction of an occurrence.
  const occurrences = new Array<number>(12).fill(0);
  for (let mi = monthIndexOf(window.start); mi <= monthIndexOf(window.end); mi++) {
    const monthStart = firstDayOfMonthIndex(mi);
    const monthEnd = lastDayBeforeMonthIndex(mi + 1);
    const covered =
      dayNumberOf(minDate(monthEnd, window.end)) - dayNumberOf(maxDate(monthStart, window.start)) + 1;
    const length = dayNumberOf(monthEnd) - dayNumberOf(monthStart) + 1;
    occurrences[mi % 12] = (occurrences[mi % 12] ?? 0) + covered / length;
  }
  const yearsOfHistory = occurrences.reduce((s, o) => s + o, 0) / 12;
  const averages = revenueByMonth.map((r, m) => {
    const seen = occurrences[m] ?? 0;
    return seen > 0 ? r / seen : 0;
  });
  const sum = averages.reduce((s, a) => s + a, 0);
  if (sum === 0) return evenSeasonality(cal, yearsOfHistory);
  const byCalendarMonth = averages.map((a) => a / sum);
  return {
    byCalendarMonth,
    byFiscalMonth: toFiscalOrder(cal, byCalendarMonth),
    yearsOfHistory,
    source: "history",
  };
}

function defaultWindow(wonDeals: readonly WonDealAmount[]): { start: string; end: string } | null {
  if (wonDeals.length === 0) return null;
  const dates = wonDeals.map((d) => d.closeDate).sort();
  const first = dates[0] ?? "";
  const last = dates[dates.length - 1] ?? "";
  return {
    start: firstDayOfMonthIndex(monthIndexOf(first)),
    end: lastDayBeforeMonthIndex(monthIndexOf(last) + 1),
  };
}

function evenSeasonality(cal: OrgCalendar, yearsOfHistory: number): Seasonality {
  const even = new Array<number>(12).fill(1 / 12);
  return { byCalendarMonth: even, byFiscalMonth: toFiscalOrder(cal, even), yearsOfHistory, source: "even" };
}

/** Rotates January-first shares so the fiscal start month comes first. */
function toFiscalOrder(cal: OrgCalendar, byCalendarMonth: readonly number[]): number[] {
  const offset = cal.fiscalYearStartMonth - 1;
  return byCalendarMonth.map((_, i) => byCalendarMonth[(i + offset) % 12] ?? 0);
}
