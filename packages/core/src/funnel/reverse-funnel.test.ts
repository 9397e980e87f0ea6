import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { OrgCalendar } from "../calendar/org-calendar";
import { periodsBetween } from "../calendar/periods";
import { ceilCount, reverseFunnel, type ReverseFunnelInput } from "./reverse-funnel";

const cal: OrgCalendar = {
  fiscalYearStartMonth: 1,
  weekStartsOn: 1,
  workingDays: [1, 2, 3, 4, 5],
  holidays: [],
};
// Q1 2026: 22, 20 and 22 working days; 90 calendar days.
const q1 = periodsBetween(cal, "2026-01-01", "2026-03-31", "month");
const plan: ReverseFunnelInput = {
  revenueTargetMinor: 140_000_00,
  averageDealSizeMinor: 10_000_00,
  stages: [
    { name: "meeting", conversionToNext: 0.5 },
    { name: "proposal", conversionToNext: 0.4 },
  ],
  periods: q1,
  peopleCount: 2,
  activityRatios: [{ activity: "calls", perStage: "meeting", count: 8 }],
};
const needed = (r: ReturnType<typeof reverseFunnel>, name: string) =>
  r.steps.find((s) => s.name === name)?.needed;

describe("reverse funnel", () => {
  it("14 deals at 40 % proposal-to-close need 35 proposals; at 50 % meeting-to-proposal, 70 meetings", () => {
    const r = reverseFunnel(plan);
    expect(r.dealsWon).toBe(14);
    expect(needed(r, "proposal")).toBe(35);
    expect(needed(r, "meeting")).toBe(70);
    expect(needed(r, "calls")).toBe(560);
    expect(r.steps.map((s) => [s.kind, s.name])).toEqual([
      ["activity", "calls"],
      ["stage", "meeting"],
      ["stage", "proposal"],
      ["won", "won"],
    ]);
  });

  it("rounds up at every step, not once at the end", () => {
    // 10 deals at 30 % → 33.3 → 34 proposals; 34 at 30 % → 113.3 → 114 meetings (not ⌈111.1⌉ = 112).
    const r = reverseFunnel({
      ...plan,
      revenueTargetMinor: 100,
      averageDealSizeMinor: 10,
      stages: [
        { name: "meeting", conversionToNext: 0.3 },
        { name: "proposal", conversionToNext: 0.3 },
      ],
    });
    expect(needed(r, "proposal")).toBe(34);
    expect(needed(r, "meeting")).toBe(114);
    // A partial deal still needs a whole deal.
    expect(reverseFunnel({ ...plan, revenueTargetMinor: 140_000_01 }).dealsWon).toBe(15);
  });

  it("is not fooled by floating-point noise", () => {
    expect(21 / 0.7).toBeGreaterThan(30);
    expect(ceilCount(21 / 0.7)).toBe(30);
    expect(ceilCount(30.000001)).toBe(31);
    expect(ceilCount(1e9 + 0.01)).toBe(1e9 + 1);
    const stages = [{ name: "proposal", conversionToNext: 0.7 }];
    const r = reverseFunnel({
      ...plan,
      revenueTargetMinor: 210,
      averageDealSizeMinor: 10,
      stages,
      activityRatios: [],
    });
    expect(needed(r, "proposal")).toBe(30);
  });

  it("splits each need over the periods by working days, and per person per week", () => {
    const r = reverseFunnel(plan);
    const meetings = r.steps.find((s) => s.name === "meeting");
    expect(meetings?.perPeriod).toEqual([
      { periodKey: "2026-01", needed: 24 }, // 70 × 22/64 = 24.06
      { periodKey: "2026-02", needed: 22 }, // 21.875
      { periodKey: "2026-03", needed: 24 },
    ]);
    expect(r.weeks).toBeCloseTo(90 / 7, 12);
    expect(meetings?.perPersonPerWeek).toBeCloseTo(70 / 2 / (90 / 7), 12);
  });

  it("refuses impossible inputs, naming the field", () => {
    expect(() => reverseFunnel({ ...plan, averageDealSizeMinor: 0 })).toThrow(/^averageDealSizeMinor: /);
    expect(() => reverseFunnel({ ...plan, peopleCount: 0 })).toThrow(/^peopleCount: /);
    expect(() => reverseFunnel({ ...plan, stages: [{ name: "m", conversionToNext: 0 }] })).toThrow(
      /^stages\[0\]\.conversionToNext: /,
    );
    expect(() => reverseFunnel({ ...plan, stages: [{ name: "m", conversionToNext: 1.2 }] })).toThrow(
      /^stages\[0\]\.conversionToNext: /,
    );
    expect(() => reverseFunnel({ ...plan, stages: [{ name: "won", conversionToNext: 1 }] })).toThrow(
      /^stages\[0\]\.name: /,
    );
    expect(() =>
      reverseFunnel({ ...plan, activityRatios: [{ activity: "calls", perStage: "demo", count: 3 }] }),
    ).toThrow(/^activityRatios\[0\]\.perStage: /);
    expect(() => reverseFunnel({ ...plan, periods: [] })).toThrow(/^periods: /);
  });

  it("never plans fewer than needed: each stage times its rate covers the next, periods sum exactly", () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 1e10 }),
        fc.integer({ min: 1, max: 1e7 }),
        fc.array(
          fc.integer({ min: 1, max: 100 }).map((p) => p / 100),
          { maxLength: 5 },
        ),
        (revenueTargetMinor, averageDealSizeMinor, rates) => {
          const stages = rates.map((conversionToNext, i) => ({ name: `s${i}`, conversionToNext }));
          const r = reverseFunnel({
            ...plan,
            revenueTargetMinor,
            averageDealSizeMinor,
            stages,
            activityRatios: [],
          });
          expect(r.dealsWon * averageDealSizeMinor).toBeGreaterThanOrEqual(revenueTargetMinor);
          const counts = r.steps.map((s) => s.needed);
          for (let i = 0; i < stages.length; i++) {
            const rate = stages[i]?.conversionToNext ?? 1;
            expect((counts[i] ?? 0) * rate).toBeGreaterThanOrEqual((counts[i + 1] ?? 0) * (1 - 1e-12));
          }
          for (const s of r.steps) expect(s.perPeriod.reduce((sum, p) => sum + p.needed, 0)).toBe(s.needed);
        },
      ),
    );
  });
});
