import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectedByNow, pace, targetByPeriodEnd } from "./pace";
import { addDays, weekdays } from "./test-calendar";
import type { SchedulePeriod, WorkingDaysBetween } from "./types";

function period(start: string, end: string, target: number, count: WorkingDaysBetween): SchedulePeriod {
  return { periodStart: start, periodEnd: end, target, workingDays: count(start, end) };
}

const schedules = fc
  .record({
    startOffset: fc.integer({ min: 0, max: 365 }),
    periods: fc.array(
      fc.record({ days: fc.integer({ min: 1, max: 40 }), target: fc.nat({ max: 1_000_000 }) }),
      {
        minLength: 1,
        maxLength: 8,
      },
    ),
    holidays: fc.array(fc.integer({ min: 0, max: 400 }), { maxLength: 10 }),
  })
  .map(({ startOffset, periods, holidays }) => {
    const first = addDays("2026-01-01", startOffset);
    const count = weekdays(holidays.map((h) => addDays(first, h)));
    let start = first;
    const schedule = periods.map((p) => {
      const end = addDays(start, p.days - 1);
      const built = period(start, end, p.target, count);
      start = addDays(end, 1);
      return built;
    });
    return { schedule, count, first, last: addDays(start, -1) };
  });

const total = (schedule: readonly SchedulePeriod[]) => schedule.reduce((sum, p) => sum + p.target, 0);

describe("expectedByNow", () => {
  const count = weekdays();

  it("prorates the current period by working days elapsed, today included", () => {
    // March 2026 has 22 working days; by Friday 6 March, 5 are gone.
    const march = period("2026-03-01", "2026-03-31", 22, count);
    expect(march.workingDays).toBe(22);
    expect(expectedByNow([march], "2026-03-06", count)).toBe(5);
    expect(expectedByNow([march], "2026-03-07", count)).toBe(5); // a Saturday adds nothing
    expect(expectedByNow([march], "2026-02-28", count)).toBe(0);
    expect(expectedByNow([march], "2026-03-31", count)).toBe(22);
  });

  it("follows a seasonal or ramped schedule rather than a straight line", () => {
    const ramp = [
      period("2026-01-01", "2026-01-31", 10, count),
      period("2026-02-01", "2026-02-28", 30, count),
      period("2026-03-01", "2026-03-31", 60, count),
    ];
    expect(expectedByNow(ramp, "2026-01-31", count)).toBe(10);
    expect(expectedByNow(ramp, "2026-02-28", count)).toBe(40);
    // A straight line would expect two thirds (66.7) by the end of February.
    expect(expectedByNow(ramp, "2026-03-31", count)).toBe(100);
  });

  it("moves through a period without working days by calendar days", () => {
    const closed = period(
      "2026-12-24",
      "2026-12-31",
      8,
      weekdays(["2026-12-24", "2026-12-25", "2026-12-28", "2026-12-29", "2026-12-30", "2026-12-31"]),
    );
    expect(closed.workingDays).toBe(0);
    expect(expectedByNow([closed], "2026-12-27", count)).toBe(4);
    expect(expectedByNow([closed], "2026-12-31", count)).toBe(8);
  });

  it("never exceeds the total target", () => {
    fc.assert(
      fc.property(schedules, fc.integer({ min: -30, max: 400 }), ({ schedule, count, first }, offset) => {
        const expected = expectedByNow(schedule, addDays(first, offset), count);
        expect(expected).toBeGreaterThanOrEqual(0);
        expect(expected).toBeLessThanOrEqual(total(schedule));
      }),
    );
  });

  it("never goes down as days pass", () => {
    fc.assert(
      fc.property(
        schedules,
        fc.integer({ min: -30, max: 400 }),
        fc.integer({ min: 0, max: 60 }),
        ({ schedule, count, first }, offset, later) => {
          const today = addDays(first, offset);
          const after = addDays(today, later);
          expect(expectedByNow(schedule, after, count)).toBeGreaterThanOrEqual(
            expectedByNow(schedule, today, count),
          );
        },
      ),
    );
  });

  it("equals the full target at the window's end and after", () => {
    fc.assert(
      fc.property(schedules, fc.integer({ min: 0, max: 30 }), ({ schedule, count, last }, after) => {
        expect(expectedByNow(schedule, last, count)).toBe(total(schedule));
        expect(expectedByNow(schedule, addDays(last, after), count)).toBe(total(schedule));
      }),
    );
  });
});

describe("pace", () => {
  it("is actual over expected, unknown while nothing is expected", () => {
    expect(pace(45, 50)).toBe(0.9);
    expect(pace(3, 0)).toBeNull();
  });

  it("names the cumulative target due by the end of the current period", () => {
    const count = weekdays();
    const schedule = [
      period("2026-01-01", "2026-01-31", 10, count),
      period("2026-02-01", "2026-02-28", 30, count),
    ];
    expect(targetByPeriodEnd(schedule, "2026-02-10")).toEqual({ periodEnd: "2026-02-28", target: 40 });
    expect(targetByPeriodEnd(schedule, "2026-01-31")).toEqual({ periodEnd: "2026-01-31", target: 10 });
    expect(targetByPeriodEnd(schedule, "2026-05-01")).toEqual({ periodEnd: "2026-02-28", target: 40 });
    expect(targetByPeriodEnd([], "2026-05-01")).toBeNull();
  });
});
