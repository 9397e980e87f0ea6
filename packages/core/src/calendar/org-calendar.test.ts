import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DomainError } from "../errors";
import { addDays, isoDateOfDayNumber } from "./dates";
import { isWorkingDay, workingDaysBetween, type OrgCalendar } from "./org-calendar";

const weekdaysOnly: OrgCalendar = {
  fiscalYearStartMonth: 1,
  weekStartsOn: 1,
  workingDays: [1, 2, 3, 4, 5],
  holidays: ["2026-01-01", "2026-12-25", "2026-12-26"], // 2026-12-26 is a Saturday
};

const anyCalendar = fc.record({
  fiscalYearStartMonth: fc.integer({ min: 1, max: 12 }),
  weekStartsOn: fc.integer({ min: 1, max: 7 }),
  workingDays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { maxLength: 7 }),
  holidays: fc.array(fc.integer({ min: 20454, max: 20454 + 400 }).map(isoDateOfDayNumber), { maxLength: 20 }),
});
const anyDate = fc.integer({ min: 20454 - 30, max: 20454 + 430 }).map(isoDateOfDayNumber);

describe("org calendar", () => {
  it("knows working days, weekends and holidays", () => {
    expect(isWorkingDay(weekdaysOnly, "2026-01-05")).toBe(true);
    expect(isWorkingDay(weekdaysOnly, "2026-01-03")).toBe(false); // Saturday
    expect(isWorkingDay(weekdaysOnly, "2026-01-01")).toBe(false); // holiday
  });

  it("counts working days in an inclusive range", () => {
    // January 2026: 22 weekdays, one of them New Year's Day.
    expect(workingDaysBetween(weekdaysOnly, "2026-01-01", "2026-01-31")).toBe(21);
    expect(workingDaysBetween(weekdaysOnly, "2026-01-05", "2026-01-05")).toBe(1);
    expect(workingDaysBetween(weekdaysOnly, "2026-01-06", "2026-01-05")).toBe(0);
    // A holiday on a Saturday takes nothing away.
    expect(workingDaysBetween(weekdaysOnly, "2026-12-21", "2026-12-27")).toBe(4);
  });

  it("counts the same as checking day by day", () => {
    fc.assert(
      fc.property(anyCalendar, anyDate, fc.integer({ min: 0, max: 60 }), (cal, start, length) => {
        const end = addDays(start, length);
        let slow = 0;
        for (let i = 0; i <= length; i++) if (isWorkingDay(cal, addDays(start, i))) slow++;
        expect(workingDaysBetween(cal, start, end)).toBe(slow);
      }),
    );
  });

  it("refuses a bad calendar, naming the field", () => {
    const bad = { ...weekdaysOnly, workingDays: [1, 8] };
    expect(() => workingDaysBetween(bad, "2026-01-01", "2026-01-02")).toThrow(DomainError);
    expect(() => workingDaysBetween(bad, "2026-01-01", "2026-01-02")).toThrow(/^workingDays\[1\]: /);
    expect(() => isWorkingDay({ ...weekdaysOnly, fiscalYearStartMonth: 13 }, "2026-01-01")).toThrow(
      /^fiscalYearStartMonth: /,
    );
    expect(() => isWorkingDay({ ...weekdaysOnly, holidays: ["2026-02-30"] }, "2026-01-01")).toThrow(
      /^holidays\[0\]: /,
    );
  });
});
