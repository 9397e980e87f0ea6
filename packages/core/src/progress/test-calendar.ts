// For tests only (not exported from the package): a Monday-to-Friday calendar standing in for
// the org calendar, which the pace functions only see as a working-day counter.
import { addDays } from "../calendar/dates";
import type { WorkingDaysBetween } from "./types";

export { addDays };

/** Monday to Friday, minus the given holidays. */
export function weekdays(holidays: readonly string[] = []): WorkingDaysBetween {
  return (from, to) => {
    let count = 0;
    for (let day = from; day <= to; day = addDays(day, 1)) {
      const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
      if (weekday !== 0 && weekday !== 6 && !holidays.includes(day)) count += 1;
    }
    return count;
  };
}
