// Recurring actions (a weekly client meeting, a monthly review): the dates a recurrence generates,
// with the same meaning as an iCalendar RRULE so a calendar client shows exactly these dates.
import { addMonths, dayNumberOf, isoDateOfDayNumber, isoWeekdayOfDayNumber } from "../calendar/dates";
import { DomainError } from "../errors";

export type RecurrenceFrequency = "daily" | "weekly" | "monthly";

export interface Recurrence {
  frequency: RecurrenceFrequency;
  /** Every n days, weeks or months; 1 = every one. */
  interval: number;
  /** ISO weekdays (1 = Monday) for a weekly recurrence; empty or absent = the start's weekday. */
  weekdays?: readonly number[];
  /** Last possible date, inclusive. */
  until?: string | null;
  /** At most this many occurrences, counted from the start. */
  count?: number | null;
}

/** An occurrence list is for a screen or a feed, never unbounded. */
export const MAX_OCCURRENCES = 1000;

/** Throws a DomainError naming the first bad field (prefixed by `field`). */
export function validateRecurrence(r: Recurrence, start: string, field = "recurrence"): void {
  if (!["daily", "weekly", "monthly"].includes(r.frequency))
    throw new DomainError(`${field}.frequency`, "must be daily, weekly or monthly");
  if (!Number.isInteger(r.interval) || r.interval < 1 || r.interval > 366)
    throw new DomainError(`${field}.interval`, "must be a whole number from 1 to 366");
  (r.weekdays ?? []).forEach((d, i) => {
    if (!Number.isInteger(d) || d < 1 || d > 7)
      throw new DomainError(`${field}.weekdays[${i}]`, "must be an ISO weekday 1..7 (1 = Monday)");
  });
  if (r.weekdays && r.weekdays.length > 0 && r.frequency !== "weekly")
    throw new DomainError(`${field}.weekdays`, "are only for a weekly recurrence");
  if (r.count !== undefined && r.count !== null) {
    if (!Number.isInteger(r.count) || r.count < 1 || r.count > MAX_OCCURRENCES)
      throw new DomainError(`${field}.count`, `must be a whole number from 1 to ${MAX_OCCURRENCES}`);
  }
  if (r.until !== undefined && r.until !== null) {
    dayNumberOf(r.until, `${field}.until`);
    if (r.until < start) throw new DomainError(`${field}.until`, "must not be before the start date");
  }
  if ((r.until ?? null) === null && (r.count ?? null) === null)
    throw new DomainError(`${field}.until`, "a recurrence needs an end: an until date or a count");
}

/**
 * The dates of a recurrence starting on `start` that fall in [from, to], in order. Rules as RFC 5545
 * with WKST=MO: a weekly rule repeats in every n-th week counted from the start's week, on its
 * weekdays (the start's own weekday when none); a monthly rule repeats on the start's day of the
 * month and skips months without that day (the 31st skips April). The count counts from the start,
 * so a window later in the series still honours it.
 */
export function occurrencesOf(r: Recurrence, start: string, window: { from: string; to: string }): string[] {
  validateRecurrence(r, start);
  const startDn = dayNumberOf(start, "startDate");
  const fromDn = Math.max(dayNumberOf(window.from, "from"), startDn);
  const untilDn = r.until ? dayNumberOf(r.until) : Infinity;
  const toDn = Math.min(dayNumberOf(window.to, "to"), untilDn);
  const limit = r.count ?? Infinity;
  const out: string[] = [];
  let seen = 0;
  const visit = (dn: number): boolean => {
    if (dn > toDn || seen >= limit) return false;
    seen++;
    if (dn >= fromDn) out.push(isoDateOfDayNumber(dn));
    return out.length < MAX_OCCURRENCES;
  };

  if (r.frequency === "daily") {
    // Jump close to the window when there is no count to honour: a daily rule over years stays cheap.
    let dn = startDn;
    if (limit === Infinity && fromDn > startDn)
      dn += Math.floor((fromDn - startDn) / r.interval) * r.interval;
    for (; visit(dn); dn += r.interval);
    return out;
  }
  if (r.frequency === "weekly") {
    const days = [
      ...new Set(r.weekdays && r.weekdays.length > 0 ? r.weekdays : [isoWeekdayOfDayNumber(startDn)]),
    ].sort((a, b) => a - b);
    let monday = startDn - (isoWeekdayOfDayNumber(startDn) - 1);
    if (limit === Infinity && fromDn > monday + 7) {
      const weeks = Math.floor((fromDn - monday) / 7);
      monday += Math.floor(weeks / r.interval) * r.interval * 7;
    }
    for (; monday <= toDn; monday += r.interval * 7) {
      for (const d of days) {
        const dn = monday + d - 1;
        if (dn < startDn) continue;
        if (!visit(dn)) return out;
      }
    }
    return out;
  }
  const day = Number(start.slice(8, 10));
  for (let k = 0; ; k += r.interval) {
    const candidate = addMonths(start, k);
    const dn = dayNumberOf(candidate);
    if (dn > toDn || seen >= limit) return out;
    // addMonths clamps the 31st to the 30th; RRULE skips that month instead.
    if (Number(candidate.slice(8, 10)) !== day) continue;
    if (!visit(dn)) return out;
  }
}

/** The RFC 5545 RRULE value of a recurrence (without "RRULE:"), e.g. "FREQ=WEEKLY;INTERVAL=1;BYDAY=TU". */
export function toRrule(r: Recurrence): string {
  const parts = [`FREQ=${r.frequency.toUpperCase()}`, `INTERVAL=${r.interval}`];
  if (r.frequency === "weekly" && r.weekdays && r.weekdays.length > 0) {
    const names = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
    parts.push(
      `BYDAY=${[...new Set(r.weekdays)]
        .sort((a, b) => a - b)
        .map((d) => names[d - 1])
        .join(",")}`,
    );
  }
  if (r.count) parts.push(`COUNT=${r.count}`);
  if (r.until) parts.push(`UNTIL=${r.until.replace(/-/g, "")}`);
  return parts.join(";");
}
