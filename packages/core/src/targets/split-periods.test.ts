import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, isoDateOfDayNumber } from "../calendar/dates";
import type { OrgCalendar } from "../calendar/org-calendar";
import { periodsBetween, type PeriodGrain } from "../calendar/periods";
import { splitTargetOverPeriods, type PeriodSplitMethod } from "./split-periods";

const cal: OrgCalendar = {
  fiscalYearStartMonth: 1,
  weekStartsOn: 1,
  workingDays: [1, 2, 3, 4, 5],
  holidays: [],
};
const sum = (xs: readonly { amount: number }[]) => xs.reduce((s, x) => s + x.amount, 0);

describe("splitting a target over periods", () => {
  it("splits evenly by working days", () => {
    // Q1 2026: January 22, February 20, March 22 working days.
    const months = periodsBetween(cal, "2026-01-01", "2026-03-31", "month");
    const split = splitTargetOverPeriods(64_000_00, months, { kind: "even" });
    expect(split.parts).toEqual([
      { periodKey: "2026-01", amount: 22_000_00 },
      { periodKey: "2026-02", amount: 20_000_00 },
      { periodKey: "2026-03", amount: 22_000_00 },
    ]);
    expect(split.gap).toBe(0);
  });

  it("even split of a range without working days falls back to calendar days", () => {
    const weekend = periodsBetween(cal, "2026-01-03", "2026-01-04", "week");
    expect(splitTargetOverPeriods(10, weekend, { kind: "even" }).parts.map((p) => p.amount)).toEqual([10]);
  });

  it("spreads calendar-month weights over the working days of each week", () => {
    // January weighs 3, February 1: the week of 26 Jan – 1 Feb is all January working days.
    const weights = [3, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    const weeks = periodsBetween(cal, "2026-01-26", "2026-02-08", "week");
    const split = splitTargetOverPeriods(1000, weeks, {
      kind: "seasonal",
      by: "calendarMonth",
      weights,
      calendar: cal,
    });
    // Per working day: January 3/22, February 1/20 → 5 × 3/22 vs 5 × 1/20.
    const jan = (5 * 3) / 22;
    const feb = (5 * 1) / 20;
    expect(split.parts[0]?.amount).toBe(Math.round((1000 * jan) / (jan + feb)));
    expect(sum(split.parts)).toBe(1000);
  });

  it("gives twelve whole months their twelve weights back", () => {
    const months = periodsBetween(cal, "2026-01-01", "2026-12-31", "month");
    const weights = [1, 1, 2, 2, 1, 1, 1, 0, 1, 1, 2, 3];
    const byMonth = splitTargetOverPeriods(1600, months, {
      kind: "seasonal",
      by: "calendarMonth",
      weights,
      calendar: cal,
    });
    const byPeriod = splitTargetOverPeriods(1600, months, { kind: "seasonal", by: "period", weights });
    expect(byMonth.parts).toEqual(byPeriod.parts);
    expect(byPeriod.parts.map((p) => p.amount)).toEqual(weights.map((w) => w * 100));
  });

  it("takes manual amounts as typed and reports the gap", () => {
    const months = periodsBetween(cal, "2026-01-01", "2026-03-31", "month");
    expect(splitTargetOverPeriods(100, months, { kind: "manual", amounts: [30, 30, 40] }).gap).toBe(0);
    expect(splitTargetOverPeriods(100, months, { kind: "manual", amounts: [30, 30, 30] }).gap).toBe(10);
    expect(splitTargetOverPeriods(100, months, { kind: "manual", amounts: [50, 30, 30] }).gap).toBe(-10);
    expect(() => splitTargetOverPeriods(100, months, { kind: "manual", amounts: [50, 50] })).toThrow(
      /^method\.amounts: /,
    );
    expect(() => splitTargetOverPeriods(100, months, { kind: "manual", amounts: [50, -1, 51] })).toThrow(
      /^method\.amounts\[1\]: /,
    );
  });

  it("refuses weights of the wrong length or all zero, naming the field", () => {
    const months = periodsBetween(cal, "2026-01-01", "2026-03-31", "month");
    expect(() =>
      splitTargetOverPeriods(1, months, { kind: "seasonal", by: "period", weights: [1, 2] }),
    ).toThrow(/^method\.weights: /);
    expect(() =>
      splitTargetOverPeriods(1, months, { kind: "seasonal", by: "period", weights: [0, 0, 0] }),
    ).toThrow(/^method\.weights: must not all be zero/);
    const summerOnly = [0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0];
    expect(() =>
      splitTargetOverPeriods(1, months, {
        kind: "seasonal",
        by: "calendarMonth",
        weights: summerOnly,
        calendar: cal,
      }),
    ).toThrow(/^method\.weights: /);
    expect(() => splitTargetOverPeriods(1, [], { kind: "even" })).toThrow(/^periods: /);
  });

  it("every split sums exactly to its whole and nothing is negative", () => {
    const grains: PeriodGrain[] = ["week", "month", "quarter"];
    fc.assert(
      fc.property(
        fc.nat({ max: 1e12 }),
        fc.integer({ min: 20000, max: 21000 }),
        fc.integer({ min: 0, max: 400 }),
        fc.constantFrom(...grains),
        fc.array(fc.double({ min: 0.01, max: 100, noNaN: true }), { minLength: 12, maxLength: 12 }),
        (total, dn, length, grain, monthWeights) => {
          const start = isoDateOfDayNumber(dn);
          const periods = periodsBetween(cal, start, addDays(start, length), grain);
          const methods: PeriodSplitMethod[] = [
            { kind: "even" },
            { kind: "seasonal", by: "calendarMonth", weights: monthWeights, calendar: cal },
            { kind: "seasonal", by: "period", weights: periods.map((_, i) => monthWeights[i % 12] ?? 1) },
          ];
          for (const method of methods) {
            const split = splitTargetOverPeriods(total, periods, method);
            expect(sum(split.parts)).toBe(total);
            expect(split.gap).toBe(0);
            expect(split.parts.every((p) => p.amount >= 0)).toBe(true);
          }
        },
      ),
    );
  });
});
