import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DomainError } from "../errors";
import {
  addDays,
  addMonths,
  dayNumberOf,
  daysBetween,
  isIsoDate,
  isoDateOfDayNumber,
  isoWeekday,
  todayIn,
} from "./dates";

/** Day numbers for 1990..2100: wide enough to cross leap years and centuries. */
const anyDayNumber = fc.integer({ min: 7305, max: 47482 });
const anyIsoDate = anyDayNumber.map(isoDateOfDayNumber);

describe("ISO dates", () => {
  it("round-trips every day through its day number", () => {
    fc.assert(
      fc.property(anyDayNumber, (dn) => {
        expect(dayNumberOf(isoDateOfDayNumber(dn))).toBe(dn);
      }),
    );
  });

  it("refuses what is not a real day, naming the field", () => {
    for (const bad of ["2026-02-29", "2026-13-01", "2026-1-01", "20260101", "", "0099-01-01"]) {
      expect(isIsoDate(bad)).toBe(false);
    }
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(() => dayNumberOf("2026-02-30", "closeDate")).toThrow(DomainError);
    expect(() => dayNumberOf("2026-02-30", "closeDate")).toThrow(/^closeDate: /);
  });

  it("adds days across month, year and leap-day boundaries", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2023-02-28", 1)).toBe("2023-03-01");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    // 2026-03-29 is the EU daylight-saving change: a local-time implementation would lose an hour here.
    expect(addDays("2026-03-28", 2)).toBe("2026-03-30");
  });

  it("addDays and daysBetween undo each other", () => {
    fc.assert(
      fc.property(anyIsoDate, fc.integer({ min: -3000, max: 3000 }), (d, n) => {
        expect(daysBetween(d, addDays(d, n))).toBe(n);
      }),
    );
  });

  it("knows the ISO weekday", () => {
    expect(isoWeekday("2026-01-05")).toBe(1); // a Monday
    expect(isoWeekday("2026-01-04")).toBe(7);
    expect(isoWeekday("1970-01-01")).toBe(4);
    fc.assert(
      fc.property(anyIsoDate, (d) => {
        expect(isoWeekday(addDays(d, 7))).toBe(isoWeekday(d));
      }),
    );
  });

  it("adds months clamped to the month's end, never drifting", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2026-01-31", 2)).toBe("2026-03-31");
    expect(addMonths("2026-11-15", 3)).toBe("2027-02-15");
    expect(addMonths("2026-03-15", -4)).toBe("2025-11-15");
  });

  it("tells today's date in a time zone from an instant", () => {
    const instant = new Date("2026-03-01T02:30:00Z");
    expect(todayIn("UTC", instant)).toBe("2026-03-01");
    expect(todayIn("America/New_York", instant)).toBe("2026-02-28");
    expect(todayIn("Asia/Tokyo", new Date("2026-12-31T15:00:00Z"))).toBe("2027-01-01");
    expect(() => todayIn("Mars/Olympus", instant)).toThrow(/^timeZone: /);
  });
});
