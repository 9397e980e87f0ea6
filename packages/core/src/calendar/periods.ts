// Cutting a date range into weeks, fiscal months, quarters or years, each with its working days —
// the columns of the target grid and the steps of a pace line.
import { DomainError } from "../errors";
import {
  addDays,
  dayNumberOf,
  firstDayOfMonthIndex,
  isoDateOfDayNumber,
  isoWeekdayOfDayNumber,
  maxDate,
  minDate,
  monthIndexOf,
} from "./dates";
import { fiscalYearNumber, fiscalYearStartMonthIndex, lastDayBeforeMonthIndex } from "./fiscal";
import { validateOrgCalendar, workingDaysBetween, type OrgCalendar } from "./org-calendar";

export type PeriodGrain = "week" | "month" | "quarter" | "year";

export interface Period {
  /** Stable within a grain: "W2026-01-05" (the week's first day), "2026-02", "FY2027-Q1", "FY2027". */
  key: string;
  label: string;
  start: string;
  /** Inclusive. */
  end: string;
  workingDays: number;
}

/** A planning horizon cut finer than this is a mistake (or an attack on the server), not a plan. */
export const MAX_PERIODS = 5000;

const MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * The periods of one grain that overlap [start, end], in order, each clipped to the range: a
 * quarter plan starting mid-month gets a short first month. Months and quarters follow the fiscal
 * start month; weeks start on the calendar's weekStartsOn.
 */
export function periodsBetween(cal: OrgCalendar, start: string, end: string, grain: PeriodGrain): Period[] {
  validateOrgCalendar(cal);
  const startDn = dayNumberOf(start, "start");
  const endDn = dayNumberOf(end, "end");
  if (endDn < startDn) throw new DomainError("end", "must not be before start");
  const periods: Period[] = [];
  let cursor = firstPeriodOf(cal, start, grain);
  while (cursor.start <= end) {
    if (periods.length >= MAX_PERIODS)
      throw new DomainError("end", `the range holds more than ${MAX_PERIODS} periods of a ${grain}`);
    const clippedStart = maxDate(cursor.start, start);
    const clippedEnd = minDate(cursor.end, end);
    periods.push({
      key: cursor.key,
      label: cursor.label,
      start: clippedStart,
      end: clippedEnd,
      workingDays: workingDaysBetween(cal, clippedStart, clippedEnd),
    });
    cursor = cursor.next();
  }
  return periods;
}

interface WholePeriod {
  key: string;
  label: string;
  start: string;
  end: string;
  next: () => WholePeriod;
}

function firstPeriodOf(cal: OrgCalendar, date: string, grain: PeriodGrain): WholePeriod {
  switch (grain) {
    case "week": {
      const dn = dayNumberOf(date);
      const back = (isoWeekdayOfDayNumber(dn) - cal.weekStartsOn + 7) % 7;
      return weekFrom(isoDateOfDayNumber(dn - back));
    }
    case "month":
      return monthsFrom(monthIndexOf(date), 1, cal);
    case "quarter": {
      const mi = monthIndexOf(date);
      const fyStart = fiscalYearStartMonthIndex(cal, mi);
      return monthsFrom(fyStart + Math.floor((mi - fyStart) / 3) * 3, 3, cal);
    }
    case "year":
      return monthsFrom(fiscalYearStartMonthIndex(cal, monthIndexOf(date)), 12, cal);
    default:
      throw new DomainError("grain", "must be week, month, quarter or year");
  }
}

function weekFrom(start: string): WholePeriod {
  const [y, m, d] = start.split("-");
  return {
    key: `W${start}`,
    label: `Week of ${Number(d)} ${MONTH_NAMES[Number(m) - 1] ?? m} ${y}`,
    start,
    end: addDays(start, 6),
    next: () => weekFrom(addDays(start, 7)),
  };
}

/** A run of `size` months starting at month index `startMi` (a month, a fiscal quarter or a fiscal year). */
function monthsFrom(startMi: number, size: 1 | 3 | 12, cal: OrgCalendar): WholePeriod {
  const start = firstDayOfMonthIndex(startMi);
  const end = lastDayBeforeMonthIndex(startMi + size);
  const next = () => monthsFrom(startMi + size, size, cal);
  if (size === 1) {
    const year = Math.floor(startMi / 12);
    const month = (startMi % 12) + 1;
    const label = `${MONTH_NAMES[month - 1] ?? month} ${year}`;
    return { key: `${year}-${String(month).padStart(2, "0")}`, label, start, end, next };
  }
  const fyStart = fiscalYearStartMonthIndex(cal, startMi);
  const fy = fiscalYearNumber(fyStart);
  if (size === 12) return { key: `FY${fy}`, label: `FY${fy}`, start, end, next };
  const quarter = (startMi - fyStart) / 3 + 1;
  return { key: `FY${fy}-Q${quarter}`, label: `Q${quarter} FY${fy}`, start, end, next };
}
