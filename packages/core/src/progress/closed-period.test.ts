import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { fiscalQuarterOf } from "../calendar/fiscal";
import { attainmentOf, closedPeriodRange } from "./closed-period";

const cal = (fiscalYearStartMonth: number) => ({
  fiscalYearStartMonth,
  weekStartsOn: 1,
  workingDays: [1, 2, 3, 4, 5],
  holidays: [],
});

describe("closedPeriodRange", () => {
  it("reads a calendar month", () => {
    expect(closedPeriodRange(cal(1), "2024-02")).toEqual({
      key: "2024-02",
      label: "Feb 2024",
      start: "2024-02-01",
      end: "2024-02-29",
    });
  });
  it("reads a fiscal quarter named by the year it ends in", () => {
    expect(closedPeriodRange(cal(1), "FY2026-Q1")).toMatchObject({ start: "2026-01-01", end: "2026-03-31" });
    expect(closedPeriodRange(cal(2), "FY2027-Q1")).toMatchObject({ start: "2026-02-01", end: "2026-04-30" });
    expect(closedPeriodRange(cal(10), "FY2026-Q4")).toMatchObject({ start: "2026-07-01", end: "2026-09-30" });
  });
  it("refuses anything else", () => {
    for (const k of ["2026-13", "FY2026-Q5", "2026", "Q1", ""])
      expect(closedPeriodRange(cal(1), k)).toBeNull();
  });
  it("agrees with fiscalQuarterOf for any start month and date", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.date({ min: new Date("2000-01-01"), max: new Date("2090-12-31"), noInvalidDate: true }),
        (m, d) => {
          const q = fiscalQuarterOf(cal(m), d.toISOString().slice(0, 10));
          const r = closedPeriodRange(cal(m), q.key);
          expect(r).toMatchObject({ start: q.start, end: q.end });
        },
      ),
    );
  });
});

describe("attainmentOf", () => {
  it("is actual over target, or target over actual for a metric where lower is better", () => {
    expect(attainmentOf(45, 50)).toBe(0.9);
    expect(attainmentOf(60, 30, "down")).toBe(0.5);
    expect(attainmentOf(10, 0)).toBeNull();
    expect(attainmentOf(null, 10)).toBeNull();
  });
});
