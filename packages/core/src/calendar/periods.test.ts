import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DomainError } from "../errors";
import { addDays, isoDateOfDayNumber, isoWeekday } from "./dates";
import { expectedShareByDate } from "./expected-share";
import { workingDaysBetween, type OrgCalendar } from "./org-calendar";
import { periodsBetween, type PeriodGrain } from "./periods";

const cal: OrgCalendar = {
  fiscalYearStartMonth: 2,
  weekStartsOn: 1,
  workingDays: [1, 2, 3, 4, 5],
  holidays: ["2026-05-01"],
};

describe("periods between two dates", () => {
  it("cuts fiscal quarters from the fiscal start month, clipped to the range", () => {
    const quarters = periodsBetween(cal, "2026-03-15", "2026-12-31", "quarter");
    expect(quarters.map((q) => [q.key, q.label, q.start, q.end])).toEqual([
      ["FY2027-Q1", "Q1 FY2027", "2026-03-15", "2026-04-30"],
      ["FY2027-Q2", "Q2 FY2027", "2026-05-01", "2026-07-31"],
      ["FY2027-Q3", "Q3 FY2027", "2026-08-01", "2026-10-31"],
      ["FY2027-Q4", "Q4 FY2027", "2026-11-01", "2026-12-31"],
    ]);
    expect(quarters[0]?.workingDays).toBe(workingDaysBetween(cal, "2026-03-15", "2026-04-30"));
  });

  it("labels months and fiscal years", () => {
    const months = periodsBetween(cal, "2026-01-20", "2026-03-10", "month");
    expect(months.map((m) => [m.key, m.label, m.start, m.end])).toEqual([
      ["2026-01", "Jan 2026", "2026-01-20", "2026-01-31"],
      ["2026-02", "Feb 2026", "2026-02-01", "2026-02-28"],
      ["2026-03", "Mar 2026", "2026-03-01", "2026-03-10"],
    ]);
    const years = periodsBetween(cal, "2026-01-01", "2026-12-31", "year");
    expect(years.map((y) => [y.key, y.start, y.end])).toEqual([
      ["FY2026", "2026-01-01", "2026-01-31"],
      ["FY2027", "2026-02-01", "2026-12-31"],
    ]);
  });

  it("aligns weeks to the calendar's first weekday and counts holidays out", () => {
    const sundayWeeks = periodsBetween({ ...cal, weekStartsOn: 7 }, "2026-04-29", "2026-05-12", "week");
    expect(sundayWeeks.map((w) => [w.key, w.start, w.end, w.workingDays])).toEqual([
      ["W2026-04-26", "2026-04-29", "2026-05-02", 2], // Wed, Thu; Fri 1 May is a holiday
      ["W2026-05-03", "2026-05-03", "2026-05-09", 5],
      ["W2026-05-10", "2026-05-10", "2026-05-12", 2],
    ]);
    expect(sundayWeeks[1]?.label).toBe("Week of 3 May 2026");
  });

  it("tiles the range exactly, with no gap or overlap, for every grain", () => {
    const grains: PeriodGrain[] = ["week", "month", "quarter", "year"];
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 7305, max: 47000 }),
        fc.integer({ min: 0, max: 800 }),
        fc.constantFrom(...grains),
        (fiscalYearStartMonth, weekStartsOn, dn, length, grain) => {
          const c = { ...cal, fiscalYearStartMonth, weekStartsOn };
          const start = isoDateOfDayNumber(dn);
          const end = addDays(start, length);
          const periods = periodsBetween(c, start, end, grain);
          expect(periods[0]?.start).toBe(start);
          expect(periods.at(-1)?.end).toBe(end);
          periods.forEach((p, i) => {
            expect(p.start <= p.end).toBe(true);
            if (i > 0) expect(p.start).toBe(addDays(periods[i - 1]?.end ?? "", 1));
            if (grain === "week" && i > 0) expect(isoWeekday(p.start)).toBe(weekStartsOn);
          });
          expect(new Set(periods.map((p) => p.key)).size).toBe(periods.length);
          expect(periods.reduce((s, p) => s + p.workingDays, 0)).toBe(workingDaysBetween(c, start, end));
        },
      ),
    );
  });

  it("refuses a range that ends before it starts, or is absurdly fine", () => {
    expect(() => periodsBetween(cal, "2026-02-01", "2026-01-01", "month")).toThrow(DomainError);
    expect(() => periodsBetween(cal, "2026-02-01", "2026-01-01", "month")).toThrow(/^end: /);
    expect(() => periodsBetween(cal, "1900-01-01", "2099-12-31", "week")).toThrow(/^end: .*5000/);
  });
});

describe("expected share by date", () => {
  const months = periodsBetween(cal, "2026-04-01", "2026-06-30", "month");

  it("prorates each period by working days elapsed, counting the date itself", () => {
    // May 2026 has 20 working days (21 weekdays minus 1 May); by Friday 8 May five have passed.
    const shares = expectedShareByDate(cal, months, "2026-05-08");
    expect(shares).toEqual([
      { periodKey: "2026-04", elapsedShare: 1 },
      { periodKey: "2026-05", elapsedShare: 5 / 20 },
      { periodKey: "2026-06", elapsedShare: 0 },
    ]);
  });

  it("never decreases as the date moves forward and ends at 1", () => {
    let previous = expectedShareByDate(cal, months, "2026-03-31");
    expect(previous.every((s) => s.elapsedShare === 0)).toBe(true);
    for (let d = "2026-04-01"; d <= "2026-06-30"; d = addDays(d, 1)) {
      const now = expectedShareByDate(cal, months, d);
      now.forEach((s, i) => expect(s.elapsedShare).toBeGreaterThanOrEqual(previous[i]?.elapsedShare ?? 0));
      previous = now;
    }
    expect(previous.every((s) => s.elapsedShare === 1)).toBe(true);
  });

  it("falls back to calendar days in a period without working days", () => {
    const weekend = periodsBetween(cal, "2026-05-02", "2026-05-03", "month");
    expect(expectedShareByDate(cal, weekend, "2026-05-02")[0]?.elapsedShare).toBe(0.5);
  });
});
