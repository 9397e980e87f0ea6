// ISO calendar dates ("YYYY-MM-DD") and the arithmetic on them. Every computation goes through
// Date.UTC and getUTC*: local time would shift a date by a day around DST changes or in zones west
// of UTC, and these dates name whole days, not instants.
import { DomainError } from "../errors";

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// Years below 1000 are refused: Date.UTC maps years 0..99 to 1900..1999, and no sales plan needs them.
const MIN_YEAR = 1000;
const MAX_YEAR = 9999;

/** Days since 1970-01-01 of an ISO date; throws a DomainError naming `field` when it is not a real day. */
export function dayNumberOf(date: string, field = "date"): number {
  const m = ISO_DATE.exec(date);
  if (!m) throw new DomainError(field, `must be an ISO date YYYY-MM-DD, got "${date}"`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < MIN_YEAR) throw new DomainError(field, `must be in the years ${MIN_YEAR}..${MAX_YEAR}`);
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  // Date.UTC rolls 2026-02-30 over to March: a round trip catches days that do not exist.
  if (back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day)
    throw new DomainError(field, `is not a day of the calendar: "${date}"`);
  return ms / MS_PER_DAY;
}

/** The ISO date of a day number (days since 1970-01-01). */
export function isoDateOfDayNumber(dayNumber: number): string {
  const d = new Date(dayNumber * MS_PER_DAY);
  const year = d.getUTCFullYear();
  if (!Number.isInteger(dayNumber) || year < MIN_YEAR || year > MAX_YEAR)
    throw new DomainError("date", `falls outside the years ${MIN_YEAR}..${MAX_YEAR}`);
  return isoDateOf(year, d.getUTCMonth() + 1, d.getUTCDate());
}

function isoDateOf(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** True when the string is a real ISO date in the supported range. */
export function isIsoDate(date: string): boolean {
  try {
    dayNumberOf(date);
    return true;
  } catch {
    return false;
  }
}

export function addDays(date: string, days: number): string {
  if (!Number.isInteger(days)) throw new DomainError("days", "must be a whole number of days");
  return isoDateOfDayNumber(dayNumberOf(date) + days);
}

/** Signed number of days from `from` to `to`: 0 for the same day, 1 for the next day. */
export function daysBetween(from: string, to: string): number {
  return dayNumberOf(to, "to") - dayNumberOf(from, "from");
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  return isoWeekdayOfDayNumber(dayNumberOf(date));
}

/** 1970-01-01 was a Thursday (ISO 4). */
export function isoWeekdayOfDayNumber(dayNumber: number): number {
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

/** Year and month (1..12) of an ISO date. */
export function yearMonthOf(date: string): { year: number; month: number } {
  const d = new Date(dayNumberOf(date) * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 };
}

/** First day of a month given as a month index (year × 12 + month − 1), the form month arithmetic uses. */
export function firstDayOfMonthIndex(monthIndex: number): string {
  return isoDateOf(Math.floor(monthIndex / 12), (monthIndex % 12) + 1, 1);
}

/** Month index (year × 12 + month − 1) of the month holding `date`. */
export function monthIndexOf(date: string): number {
  const { year, month } = yearMonthOf(date);
  return year * 12 + month - 1;
}

/**
 * The same day of the month `months` later, clamped to the month's last day: 2026-01-31 plus one
 * month is 2026-02-28. Always computed from the original date so repeated steps never drift.
 */
export function addMonths(date: string, months: number): string {
  if (!Number.isInteger(months)) throw new DomainError("months", "must be a whole number of months");
  const target = monthIndexOf(date) + months;
  const day = Number(date.slice(8, 10));
  const year = Math.floor(target / 12);
  const month = (target % 12) + 1;
  if (year < MIN_YEAR || year > MAX_YEAR)
    throw new DomainError("date", `falls outside the years ${MIN_YEAR}..${MAX_YEAR}`);
  // Day 0 of the next month is the last day of this one.
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return isoDateOf(year, month, Math.min(day, lastDay));
}

/** The later / earlier of two ISO dates (string order is date order for YYYY-MM-DD). */
export function maxDate(a: string, b: string): string {
  return a >= b ? a : b;
}
export function minDate(a: string, b: string): string {
  return a <= b ? a : b;
}

/**
 * Today's date in an IANA time zone at a given instant. The caller passes the instant (the server's
 * clock, a test's fixed time): core never reads the clock itself.
 */
export function todayIn(timeZone: string, instant: Date): string {
  if (Number.isNaN(instant.getTime())) throw new DomainError("instant", "must be a valid instant");
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    }).formatToParts(instant);
  } catch {
    throw new DomainError("timeZone", `must be an IANA time zone such as Europe/Paris, got "${timeZone}"`);
  }
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return isoDateOf(part("year"), part("month"), part("day"));
}
