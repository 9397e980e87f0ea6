import { describe, expect, it } from "vitest";
import type { OrgCalendar } from "../calendar/org-calendar";
import { periodsBetween } from "../calendar/periods";
import type { ReverseFunnelInput } from "./reverse-funnel";
import { compareScenarios } from "./scenarios";

const cal: OrgCalendar = {
  fiscalYearStartMonth: 1,
  weekStartsOn: 1,
  workingDays: [1, 2, 3, 4, 5],
  holidays: [],
};
const plan: ReverseFunnelInput = {
  revenueTargetMinor: 140_000_00,
  averageDealSizeMinor: 10_000_00,
  stages: [
    { name: "meeting", conversionToNext: 0.5 },
    { name: "proposal", conversionToNext: 0.4 },
  ],
  periods: periodsBetween(cal, "2026-01-01", "2026-03-31", "month"),
  peopleCount: 2,
};

describe("funnel scenarios", () => {
  it("runs each variant beside the base and shows what changes", () => {
    const comparison = compareScenarios(plan, [
      { name: "close rate drops to 20 %", conversionByStage: { proposal: 0.2 } },
      { name: "bigger deals", changes: { averageDealSizeMinor: 14_000_00 } },
    ]);
    expect(comparison.base.dealsWon).toBe(14);
    const [drop, bigger] = comparison.variants;
    expect(drop?.deltas.map((d) => [d.name, d.base, d.variant, d.delta])).toEqual([
      ["meeting", 70, 140, 70],
      ["proposal", 35, 70, 35],
      ["won", 14, 14, 0],
    ]);
    expect(bigger?.result.dealsWon).toBe(10);
    expect(bigger?.deltas.find((d) => d.name === "meeting")?.delta).toBe(50 - 70);
    // The base plan is left as it was.
    expect(plan.stages[1]?.conversionToNext).toBe(0.4);
  });

  it("shows steps that exist on one side only", () => {
    const comparison = compareScenarios(plan, [
      { name: "no meetings", changes: { stages: [{ name: "proposal", conversionToNext: 0.4 }] } },
    ]);
    expect(comparison.variants[0]?.deltas.find((d) => d.name === "meeting")).toMatchObject({
      base: 70,
      variant: null,
      delta: -70,
    });
  });

  it("names the variant and field at fault", () => {
    expect(() => compareScenarios(plan, [{ name: "x", conversionByStage: { demo: 0.3 } }])).toThrow(
      /^variants\[0\]\.conversionByStage\.demo: /,
    );
    expect(() =>
      compareScenarios(plan, [{ name: "ok" }, { name: "x", conversionByStage: { proposal: 0 } }]),
    ).toThrow(/^variants\[1\]\.stages\[1\]\.conversionToNext: must be/);
  });
});
