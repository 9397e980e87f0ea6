// Fiscal years, quarters and months of an org calendar.
//
// Label convention: a fiscal year is named by the calendar year it ENDS in. With a fiscal year
// starting in February, 2026-02-01 … 2027-01-31 is FY2027; with a January start FY2026 is simply
// the calendar year 2026. Quarters are three fiscal months each, Q1 opening the fiscal year.
import { DomainError } from "../errors";
import { addDays, firstDayOfMonthIndex, monthIndexOf } from "./dates";
import { validateOrgCalendar, type OrgCalendar } from "./org-calendar";

export interface FiscalYear {
  /** The calendar year the fiscal year ends in. */
  year: number;
  key: string;
  label: string;
  start: string;
  /** Inclusive. */
  end: string;
}

export interface FiscalQuarter {
  fiscalYear: number;
  quarter: 1 | 2 | 3 | 4;
  key: string;
  label: string;
  start: string;
  /** Inclusive. */
  end: string;
}

/** Month index (year × 12 + month − 1) of the first month of the fiscal year holding `monthIndex`. */
export function fiscalYearStartMonthIndex(cal: OrgCalendar, monthIndex: number): number {
  validateOrgCalendar(cal);
  const month = (monthIndex % 12) + 1;
  return monthIndex - ((month - cal.fiscalYearStartMonth + 12) % 12);
}

/** The fiscal year number of a fiscal year starting at `startMonthIndex`: the year of its last month. */
export function fiscalYearNumber(startMonthIndex: number): number {
  return Math.floor((startMonthIndex + 11) / 12);
}

/** The day before the month at `monthIndex` begins: the inclusive end of a range of whole months. */
export function lastDayBeforeMonthIndex(monthIndex: number): string {
  return addDays(firstDayOfMonthIndex(monthIndex), -1);
}

export function fiscalYearOf(cal: OrgCalendar, date: string): FiscalYear {
  const startMi = fiscalYearStartMonthIndex(cal, monthIndexOf(date));
  const year = fiscalYearNumber(startMi);
  return {
    year,
    key: `FY${year}`,
    label: `FY${year}`,
    start: firstDayOfMonthIndex(startMi),
    end: lastDayBeforeMonthIndex(startMi + 12),
  };
}

export function fiscalQuarterOf(cal: OrgCalendar, date: string): FiscalQuarter {
  const mi = monthIndexOf(date);
  const fyStartMi = fiscalYearStartMonthIndex(cal, mi);
  const quarterIndex = Math.floor((mi - fyStartMi) / 3);
  const startMi = fyStartMi + quarterIndex * 3;
  const fiscalYear = fiscalYearNumber(fyStartMi);
  const quarter = asQuarter(quarterIndex + 1);
  return {
    fiscalYear,
    quarter,
    key: `FY${fiscalYear}-Q${quarter}`,
    label: `Q${quarter} FY${fiscalYear}`,
    start: firstDayOfMonthIndex(startMi),
    end: lastDayBeforeMonthIndex(startMi + 3),
  };
}

/** Position of the date's month in its fiscal year: 1 for the fiscal start month … 12. */
export function fiscalMonthOf(cal: OrgCalendar, date: string): number {
  const mi = monthIndexOf(date);
  return mi - fiscalYearStartMonthIndex(cal, mi) + 1;
}

function asQuarter(n: number): 1 | 2 | 3 | 4 {
  if (n === 1 || n === 2 || n === 3 || n === 4) return n;
  // Unreachable: a month is 0..11 months into its fiscal year.
  throw new DomainError("date", "is outside its own fiscal year");
}
