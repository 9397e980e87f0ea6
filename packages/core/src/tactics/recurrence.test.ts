import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isoDateOfDayNumber, isoWeekday } from "../calendar/dates";
import { occurrencesOf, toRrule, validateRecurrence, type Recurrence } from "./recurrence";

const year = { from: "2026-01-01", to: "2026-12-31" };

describe("recurrence", () => {
  it("a weekly client meeting on Tuesdays until the end of the quarter", () => {
    const r: Recurrence = { frequency: "weekly", interval: 1, weekdays: [2], until: "2026-03-31" };
    const dates = occurrencesOf(r, "2026-01-06", year);
    expect(dates).toHaveLength(13);
    expect(dates[0]).toBe("2026-01-06");
    expect(dates.at(-1)).toBe("2026-03-31");
    expect(dates.every((d) => isoWeekday(d) === 2)).toBe(true);
    expect(toRrule(r)).toBe("FREQ=WEEKLY;INTERVAL=1;BYDAY=TU;UNTIL=20260331");
  });

  it("every other week on two weekdays, counted from the start's week", () => {
    const r: Recurrence = { frequency: "weekly", interval: 2, weekdays: [1, 4], count: 5 };
    // Starts on a Wednesday: that week's Monday is skipped, its Thursday counts.
    expect(occurrencesOf(r, "2026-01-07", year)).toEqual([
      "2026-01-08",
      "2026-01-19",
      "2026-01-22",
      "2026-02-02",
      "2026-02-05",
    ]);
  });

  it("monthly on the 31st skips the months without one, as RRULE does", () => {
    const r: Recurrence = { frequency: "monthly", interval: 1, until: "2026-06-30" };
    expect(occurrencesOf(r, "2026-01-31", year)).toEqual(["2026-01-31", "2026-03-31", "2026-05-31"]);
  });

  it("daily every third day, and a count honoured inside a later window", () => {
    const r: Recurrence = { frequency: "daily", interval: 3, count: 4 };
    expect(occurrencesOf(r, "2026-01-01", year)).toEqual([
      "2026-01-01",
      "2026-01-04",
      "2026-01-07",
      "2026-01-10",
    ]);
    expect(occurrencesOf(r, "2026-01-01", { from: "2026-01-05", to: "2026-12-31" })).toEqual([
      "2026-01-07",
      "2026-01-10",
    ]);
  });

  it("refuses bad rules, naming the field", () => {
    const bad = (r: Partial<Recurrence>) => () =>
      validateRecurrence({ frequency: "weekly", interval: 1, until: "2026-02-01", ...r }, "2026-01-01");
    expect(bad({ interval: 0 })).toThrow(/^recurrence\.interval: /);
    expect(bad({ weekdays: [8] })).toThrow(/^recurrence\.weekdays\[0\]: /);
    expect(bad({ until: "2025-12-31" })).toThrow(/^recurrence\.until: /);
    expect(bad({ until: null, count: null })).toThrow(/^recurrence\.until: .*end/);
    expect(bad({ frequency: "monthly", weekdays: [1] })).toThrow(/^recurrence\.weekdays: /);
  });

  it("dates are in order, inside the window and the rule, and a narrower window is a slice", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("daily" as const, "weekly" as const, "monthly" as const),
        fc.integer({ min: 1, max: 5 }),
        fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { maxLength: 4 }),
        fc.integer({ min: 20454, max: 20600 }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 200 }),
        (frequency, interval, weekdays, startDn, span, cut) => {
          const start = isoDateOfDayNumber(startDn);
          const until = isoDateOfDayNumber(startDn + span);
          const r: Recurrence = {
            frequency,
            interval,
            weekdays: frequency === "weekly" ? weekdays : [],
            until,
          };
          const all = occurrencesOf(r, start, { from: "2020-01-01", to: "2030-12-31" });
          expect([...all].sort()).toEqual(all);
          expect(new Set(all).size).toBe(all.length);
          for (const d of all) expect(d >= start && d <= until).toBe(true);
          if (frequency === "weekly" && weekdays.length > 0)
            for (const d of all) expect(weekdays).toContain(isoWeekday(d));
          const from = isoDateOfDayNumber(startDn + cut);
          expect(occurrencesOf(r, start, { from, to: until })).toEqual(all.filter((d) => d >= from));
        },
      ),
    );
  });
});
