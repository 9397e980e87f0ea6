import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isoDateOfDayNumber } from "../calendar/dates";
import type { OrgCalendar } from "../calendar/org-calendar";
import { learnSeasonality } from "./seasonality";

const cal: OrgCalendar = {
  fiscalYearStartMonth: 4,
  weekStartsOn: 1,
  workingDays: [1, 2, 3, 4, 5],
  holidays: [],
};
const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

describe("learning seasonality from won deals", () => {
  it("gives each month its share of won revenue, in calendar and fiscal order", () => {
    const deals = [
      { closeDate: "2025-01-15", amountMinor: 100 },
      { closeDate: "2025-06-30", amountMinor: 100 },
      { closeDate: "2025-12-01", amountMinor: 200 },
    ];
    const s = learnSeasonality(deals, cal, { start: "2025-01-01", end: "2025-12-31" });
    expect(s.source).toBe("history");
    expect(s.yearsOfHistory).toBe(1);
    expect(s.byCalendarMonth[0]).toBe(0.25);
    expect(s.byCalendarMonth[5]).toBe(0.25);
    expect(s.byCalendarMonth[11]).toBe(0.5);
    // Fiscal year from April: December is the ninth fiscal month, January the tenth.
    expect(s.byFiscalMonth[8]).toBe(0.5);
    expect(s.byFiscalMonth[9]).toBe(0.25);
  });

  it("averages per occurrence, so a month seen twice does not count double", () => {
    // 18 months: two Januaries with 100 each, one July with 100 → January and July weigh the same.
    const deals = [
      { closeDate: "2024-01-10", amountMinor: 100 },
      { closeDate: "2024-07-10", amountMinor: 100 },
      { closeDate: "2025-01-10", amountMinor: 100 },
    ];
    const s = learnSeasonality(deals, cal, { start: "2024-01-01", end: "2025-06-30" });
    expect(s.yearsOfHistory).toBe(1.5);
    expect(s.byCalendarMonth[0]).toBeCloseTo(s.byCalendarMonth[6] ?? 0, 12);
  });

  it("falls back to even without history", () => {
    const s = learnSeasonality([], cal);
    expect(s).toMatchObject({ source: "even", yearsOfHistory: 0 });
    expect(s.byCalendarMonth).toEqual(new Array(12).fill(1 / 12));
    expect(learnSeasonality([{ closeDate: "2025-03-01", amountMinor: 0 }], cal).source).toBe("even");
  });

  it("refuses a bad deal, naming it", () => {
    expect(() => learnSeasonality([{ closeDate: "2025-02-30", amountMinor: 1 }], cal)).toThrow(
      /^wonDeals\[0\]\.closeDate: /,
    );
    expect(() => learnSeasonality([{ closeDate: "2025-02-03", amountMinor: -1 }], cal)).toThrow(
      /^wonDeals\[0\]\.amountMinor: /,
    );
  });

  it("weights always normalise to 1 and are never negative", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            closeDate: fc.integer({ min: 19000, max: 21000 }).map(isoDateOfDayNumber),
            amountMinor: fc.nat({ max: 1e12 }),
          }),
          { maxLength: 80 },
        ),
        fc.integer({ min: 1, max: 12 }),
        (deals, fiscalYearStartMonth) => {
          const s = learnSeasonality(deals, { ...cal, fiscalYearStartMonth });
          for (const shares of [s.byCalendarMonth, s.byFiscalMonth]) {
            expect(shares).toHaveLength(12);
            expect(Math.abs(sum(shares) - 1)).toBeLessThan(1e-9);
            expect(shares.every((x) => x >= 0)).toBe(true);
          }
          expect(s.byFiscalMonth[0]).toBe(s.byCalendarMonth[fiscalYearStartMonth - 1]);
        },
      ),
    );
  });
});
