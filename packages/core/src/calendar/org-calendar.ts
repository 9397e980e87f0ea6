// The organisation's working calendar: which weekdays are worked and which dates are holidays.
// "Expected by now" and even splits are prorated by working days, so this is counted a lot.
import { DomainError } from "../errors";
import { dayNumberOf, isoWeekdayOfDayNumber } from "./dates";

export interface OrgCalendar {
  /** Month (1..12) the fiscal year starts in; 1 makes the fiscal year the calendar year. */
  fiscalYearStartMonth: number;
  /** ISO weekday (1 = Monday … 7 = Sunday) weeks start on. */
  weekStartsOn: number;
  /** ISO weekdays that are worked, e.g. [1, 2, 3, 4, 5]. */
  workingDays: readonly number[];
  /** ISO dates that are not worked even on a working weekday. */
  holidays: readonly string[];
}

interface CalendarIndex {
  /** isWorkingWeekday[w] for ISO weekday w (index 0 unused). */
  isWorkingWeekday: readonly boolean[];
  workingDaysPerWeek: number;
  /** Holidays that fall on a working weekday, as sorted unique day numbers. */
  holidayDayNumbers: readonly number[];
}

// Counting runs once per period per owner in a grid: index the calendar once. Calendars are treated
// as immutable values; a changed calendar is a new object (the server builds one per request).
const indexCache = new WeakMap<OrgCalendar, CalendarIndex>();
const validated = new WeakSet<OrgCalendar>();

function isIsoWeekday(n: number): boolean {
  return Number.isInteger(n) && n >= 1 && n <= 7;
}

/** Throws a DomainError naming the first bad field of a calendar. */
export function validateOrgCalendar(cal: OrgCalendar): void {
  if (validated.has(cal)) return;
  const m = cal.fiscalYearStartMonth;
  if (!Number.isInteger(m) || m < 1 || m > 12)
    throw new DomainError("fiscalYearStartMonth", "must be a month number 1..12");
  if (!isIsoWeekday(cal.weekStartsOn))
    throw new DomainError("weekStartsOn", "must be an ISO weekday 1..7 (1 = Monday)");
  cal.workingDays.forEach((d, i) => {
    if (!isIsoWeekday(d))
      throw new DomainError(`workingDays[${i}]`, "must be an ISO weekday 1..7 (1 = Monday)");
  });
  cal.holidays.forEach((h, i) => dayNumberOf(h, `holidays[${i}]`));
  validated.add(cal);
}

function indexOf(cal: OrgCalendar): CalendarIndex {
  const cached = indexCache.get(cal);
  if (cached) return cached;
  validateOrgCalendar(cal);
  const isWorkingWeekday = Array.from({ length: 8 }, (_, w) => w >= 1 && cal.workingDays.includes(w));
  const holidayDayNumbers = [...new Set(cal.holidays.map((h) => dayNumberOf(h)))]
    .filter((dn) => isWorkingWeekday[isoWeekdayOfDayNumber(dn)])
    .sort((a, b) => a - b);
  const index = {
    isWorkingWeekday,
    workingDaysPerWeek: isWorkingWeekday.filter(Boolean).length,
    holidayDayNumbers,
  };
  indexCache.set(cal, index);
  return index;
}

export function isWorkingDay(cal: OrgCalendar, date: string): boolean {
  return isWorkingDayNumber(cal, dayNumberOf(date));
}

export function isWorkingDayNumber(cal: OrgCalendar, dayNumber: number): boolean {
  const index = indexOf(cal);
  if (!index.isWorkingWeekday[isoWeekdayOfDayNumber(dayNumber)]) return false;
  return (
    countAtMost(index.holidayDayNumbers, dayNumber) === countAtMost(index.holidayDayNumbers, dayNumber - 1)
  );
}

/** Working days in [start, endInclusive]; 0 when the range is empty (end before start). */
export function workingDaysBetween(cal: OrgCalendar, start: string, endInclusive: string): number {
  return workingDaysBetweenDayNumbers(cal, dayNumberOf(start, "start"), dayNumberOf(endInclusive, "end"));
}

export function workingDaysBetweenDayNumbers(cal: OrgCalendar, startDn: number, endDn: number): number {
  const index = indexOf(cal);
  const length = endDn - startDn + 1;
  if (length <= 0) return 0;
  // Whole weeks hold every weekday once; only the remainder needs looking at day by day.
  const wholeWeeks = Math.floor(length / 7);
  let count = wholeWeeks * index.workingDaysPerWeek;
  for (let dn = startDn + wholeWeeks * 7; dn <= endDn; dn++) {
    if (index.isWorkingWeekday[isoWeekdayOfDayNumber(dn)]) count++;
  }
  const holidays =
    countAtMost(index.holidayDayNumbers, endDn) - countAtMost(index.holidayDayNumbers, startDn - 1);
  return count - holidays;
}

/** How many of the sorted numbers are ≤ value (binary search). */
function countAtMost(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? Infinity) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
