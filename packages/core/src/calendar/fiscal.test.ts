import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, isoDateOfDayNumber } from "./dates";
import { fiscalMonthOf, fiscalQuarterOf, fiscalYearOf } from "./fiscal";
import type { OrgCalendar } from "./org-calendar";

const calendarFrom = (fiscalYearStartMonth: number): OrgCalendar => ({
  fiscalYearStartMonth,
  weekStartsOn: 1,
  workingDays: [1, 2, 3, 4, 5],
  holidays: [],
});

describe("fiscal calendar", () => {
  it("names a fiscal year by the calendar year it ends in", () => {
    expect(fiscalYearOf(calendarFrom(2), "2026-02-01")).toEqual({
      year: 2027,
      key: "FY2027",
      label: "FY2027",
      start: "2026-02-01",
      end: "2027-01-31",
    });
    expect(fiscalYearOf(calendarFrom(2), "2026-01-31").year).toBe(2026);
    expect(fiscalYearOf(calendarFrom(1), "2026-12-31")).toMatchObject({
      year: 2026,
      start: "2026-01-01",
      end: "2026-12-31",
    });
    expect(fiscalYearOf(calendarFrom(7), "2026-06-30")).toMatchObject({ year: 2026, start: "2025-07-01" });
  });

  it("cuts the fiscal year into quarters from its start month", () => {
    const cal = calendarFrom(2);
    expect(fiscalQuarterOf(cal, "2026-02-10")).toMatchObject({
      fiscalYear: 2027,
      quarter: 1,
      key: "FY2027-Q1",
      label: "Q1 FY2027",
      start: "2026-02-01",
      end: "2026-04-30",
    });
    expect(fiscalQuarterOf(cal, "2027-01-31")).toMatchObject({
      quarter: 4,
      start: "2026-11-01",
      end: "2027-01-31",
    });
    expect(fiscalMonthOf(cal, "2026-02-10")).toBe(1);
    expect(fiscalMonthOf(cal, "2027-01-10")).toBe(12);
  });

  it("every date lies inside its fiscal year and quarter, and the next year starts the day after", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 7305, max: 47000 }), (month, dn) => {
        const cal = calendarFrom(month);
        const date = isoDateOfDayNumber(dn);
        const fy = fiscalYearOf(cal, date);
        const q = fiscalQuarterOf(cal, date);
        expect(fy.start <= date && date <= fy.end).toBe(true);
        expect(q.start <= date && date <= q.end).toBe(true);
        expect(q.fiscalYear).toBe(fy.year);
        expect(Number(fy.end.slice(0, 4))).toBe(fy.year);
        expect(fiscalYearOf(cal, addDays(fy.end, 1)).start).toBe(addDays(fy.end, 1));
        expect(Math.ceil(fiscalMonthOf(cal, date) / 3)).toBe(q.quarter);
      }),
    );
  });
});
