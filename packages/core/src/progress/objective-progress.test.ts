import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DomainError } from "../errors";
import { metricByKey } from "../metrics";
import { sumOpenDeals } from "./forecast";
import { objectiveProgress, type ProgressInput } from "./objective-progress";
import { addDays, weekdays } from "./test-calendar";

const count = weekdays();
const march = { periodStart: "2026-03-01", periodEnd: "2026-03-31", workingDays: 22 };

function meetings(change: Partial<ProgressInput>): ProgressInput {
  return {
    metric: metricByKey("meetings_held"),
    target: 44,
    actual: 12,
    today: "2026-03-13",
    schedule: [{ ...march, target: 44 }],
    workingDaysBetween: count,
    format: { unitLabel: "meetings" },
    ...change,
  };
}

describe("objectiveProgress, counts", () => {
  it("paces against the schedule and forecasts from the run rate", () => {
    const p = objectiveProgress(meetings({}));
    expect(p.expected).toBe(20);
    expect(p.pace).toBe(0.6);
    expect(p.forecast).toMatchObject({ method: "run_rate", forecast: 26.4 });
    expect(p.coverage).toBeNull();
    expect(p.status).toBe("off_track");
    expect(p.reason).toBe(
      "60% of pace: needs 32 more meetings by 2026-03-31; at the current rate it ends at 26 of 44 meetings",
    );
  });

  it("is at risk on pace when the run rate falls short", () => {
    // 19 by the 13th is 95% of pace, but at that rate March ends on 41.8.
    const p = objectiveProgress(meetings({ actual: 19 }));
    expect(p.status).toBe("at_risk");
    expect(p.reason).toContain("on pace: 19 of 20 meetings expected by now (95%)");
    expect(p.reason).toContain("at the current rate it ends at 42 of 44 meetings");
  });

  it("says when the target is reached, and when nothing is expected yet", () => {
    expect(objectiveProgress(meetings({ actual: 44 }))).toMatchObject({
      status: "on_track",
      percentOfTarget: 100,
    });
    expect(objectiveProgress(meetings({ actual: 44 })).reason).toBe("target reached: 44 of 44 meetings");
    const early = objectiveProgress(meetings({ actual: 0, today: "2026-02-20" }));
    expect(early).toMatchObject({
      pace: null,
      status: "on_track",
      reason: "starts 2026-03-01; nothing expected yet",
    });
  });

  it("needs at least one period", () => {
    expect(() => objectiveProgress(meetings({ schedule: [] }))).toThrow(DomainError);
  });
});

describe("objectiveProgress, money", () => {
  const revenue = (change: Partial<ProgressInput>): ProgressInput => ({
    metric: metricByKey("revenue_won"),
    target: 300_000_00,
    actual: 150_000_00,
    today: "2026-03-13",
    schedule: [
      { periodStart: "2026-01-01", periodEnd: "2026-01-31", workingDays: 22, target: 100_000_00 },
      { periodStart: "2026-02-01", periodEnd: "2026-02-28", workingDays: 20, target: 100_000_00 },
      { ...march, target: 100_000_00 },
    ],
    workingDaysBetween: count,
    format: { currency: "EUR" },
    winRate: 1 / 3,
    ...change,
  });

  it("forecasts from the weighted pipeline and tells the coverage it lacks", () => {
    const p = objectiveProgress(
      revenue({
        actual: 200_000_00,
        openPipeline: sumOpenDeals(
          [
            { amountMinor: 100_000_00, probability: 0.8, closeDate: "2026-03-25", category: "commit" },
            { amountMinor: 40_000_00, probability: 0.2, closeDate: "2026-03-30", category: "pipeline" },
          ],
          "2026-03-13",
          "2026-03-31",
        ),
      }),
    );
    expect(p.forecast).toMatchObject({ method: "pipeline", forecast: 288_000_00 });
    expect(p.coverage).toMatchObject({ coverage: 1.4, neededCoverage: 3, enough: false });
    expect(p.status).toBe("at_risk");
    expect(p.reason).toContain("pipeline covers 1.4× the gap; 3× needed");
  });

  it("never mixes a run rate into a money forecast", () => {
    const p = objectiveProgress(revenue({}));
    expect(p.forecast?.method).toBe("pipeline");
    expect(p.reason).toContain("needs EUR 150,000.00 more by 2026-03-31");
    const created = objectiveProgress(revenue({ metric: metricByKey("pipeline_created") }));
    expect(created.forecast?.method).toBe("run_rate");
    expect(created.coverage).toBeNull();
  });
});

describe("objectiveProgress, ratios", () => {
  it("sets actual against target, without pace or forecast", () => {
    const p = objectiveProgress({
      metric: metricByKey("win_rate"),
      target: 25,
      actual: 22,
      today: "2026-03-13",
      schedule: [],
      workingDaysBetween: count,
    });
    expect(p).toMatchObject({
      expected: null,
      pace: null,
      forecast: null,
      coverage: null,
      status: "at_risk",
    });
    expect(p.attainment).toBeCloseTo(0.88);
    expect(p.reason).toBe("win rate 22% against a 25% target");
  });

  it("reads a shorter sales cycle as better", () => {
    const cycle = (actual: number) =>
      objectiveProgress({
        metric: metricByKey("sales_cycle_length"),
        target: 45,
        actual,
        today: "2026-03-13",
        schedule: [],
        workingDaysBetween: count,
      });
    expect(cycle(40).status).toBe("on_track");
    // 50 days against 45 reaches 90% of the target, read the right way round.
    expect(cycle(50).percentOfTarget).toBe(90);
    expect(cycle(50).status).toBe("at_risk");
    expect(cycle(70).status).toBe("off_track");
  });
});

describe("objectiveProgress, properties", () => {
  it("is never worse for having done more, all else equal", () => {
    const rank = { off_track: 0, at_risk: 1, on_track: 2 } as const;
    fc.assert(
      fc.property(
        fc.nat({ max: 100 }),
        fc.nat({ max: 100 }),
        fc.integer({ min: -5, max: 40 }),
        (a, b, offset) => {
          const today = addDays("2026-03-01", offset);
          const [low, high] = a <= b ? [a, b] : [b, a];
          const lowStatus = objectiveProgress(meetings({ actual: low, today })).status;
          const highStatus = objectiveProgress(meetings({ actual: high, today })).status;
          expect(rank[highStatus]).toBeGreaterThanOrEqual(rank[lowStatus]);
        },
      ),
    );
  });
});
