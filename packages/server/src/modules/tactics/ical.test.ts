import { occurrencesOf, type ActionRecurrence } from "@oars/core";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import type { ActionRecord } from "./actions.repo";
import { renderFeed } from "./ical";

function action(
  id: string,
  start: string,
  recurrence: ActionRecurrence,
  timeOfDay: string | null,
): ActionRecord {
  const now = "2026-01-01T00:00:00.000Z";
  return {
    row: {
      id,
      org_id: "org",
      tactical_plan_id: "plan",
      title: id,
      description: "",
      owner_id: "p",
      start_date: start,
      due_date: null,
      status: "todo",
      priority: "medium",
      objective_id: null,
      initiative_id: null,
      milestone_id: null,
      account_id: null,
      deal_id: null,
      recurrence: JSON.stringify(recurrence),
      time_of_day: timeOfDay,
      duration_minutes: 30,
      deleted_at: null,
      created_by: null,
      version: 1,
      created_at: now,
      updated_at: now,
    },
    dependsOn: [],
    allocations: [],
  };
}

const cases: [string, string, ActionRecurrence, string | null][] = [
  ["daily", "2026-01-01", { frequency: "daily", interval: 3, weekdays: [], until: null, count: 5 }, null],
  [
    "biweekly",
    "2026-01-07",
    { frequency: "weekly", interval: 2, weekdays: [1, 4], until: "2026-03-31", count: null },
    "08:30",
  ],
  [
    // Starts on a Friday, meets on Tuesdays: DTSTART must be the first Tuesday, in sync with the rule.
    "weekly-from-friday",
    "2026-01-02",
    { frequency: "weekly", interval: 1, weekdays: [2], until: "2026-02-28", count: null },
    "10:00",
  ],
  [
    "month-end",
    "2026-01-31",
    { frequency: "monthly", interval: 1, weekdays: [], until: "2026-12-31", count: null },
    "16:00",
  ],
  [
    "all-day-monthly",
    "2026-01-15",
    { frequency: "monthly", interval: 2, weekdays: [], until: "2026-12-31", count: null },
    null,
  ],
];

describe("iCalendar rendering", () => {
  it("every recurrence expands in ical.js to exactly the dates Oars computes", () => {
    const text = renderFeed({
      personName: "Mia",
      timeZone: "Europe/Paris",
      origin: "https://oars.test",
      actions: cases.map(([id, start, r, time]) => action(id, start, r, time)),
      skipped: new Map(),
      meetings: [],
    });
    const calendar = new ICAL.Component(ICAL.parse(text));
    for (const [id, start, r, time] of cases) {
      const vevent = calendar
        .getAllSubcomponents("vevent")
        .find((v) => v.getFirstPropertyValue("uid") === `${id}@oars`);
      if (!vevent) throw new Error(`no event ${id}`);
      const it = new ICAL.Event(vevent).iterator();
      const dates: string[] = [];
      for (let next = it.next(); next && dates.length < 400; next = it.next())
        dates.push(next.toString().slice(0, 10));
      const expected = occurrencesOf(r, start, { from: "2026-01-01", to: "2027-12-31" });
      expect(dates, id).toEqual(expected);
      // RFC 5545 leaves a DTSTART off the rule undefined (most clients show it as an extra occurrence).
      expect(String(vevent.getFirstPropertyValue("dtstart")).slice(0, 10), id).toBe(expected[0]);
      // RFC 5545: UNTIL takes DTSTART's value type — a date for all-day events, a date-time otherwise.
      const recur = vevent.getFirstPropertyValue("rrule");
      if (r.until && recur instanceof ICAL.Recur) expect(recur.until?.isDate, id).toBe(time === null);
      if (!time) expect(vevent.getFirstProperty("dtstart")?.type, id).toBe("date");
    }
    expect(text).toContain("X-WR-TIMEZONE:Europe/Paris");
  });
});
