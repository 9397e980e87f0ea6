import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  FORECAST_CATEGORIES,
  pipelineCoverage,
  pipelineForecast,
  runRateForecast,
  sumOpenDeals,
  type OpenDeal,
} from "./forecast";
import { weekdays } from "./test-calendar";

const deal = (
  amountMinor: number,
  probability: number,
  closeDate: string,
  category: OpenDeal["category"],
): OpenDeal => ({
  amountMinor,
  probability,
  closeDate,
  category,
});

describe("pipelineForecast", () => {
  const today = "2026-03-10";
  const windowEnd = "2026-03-31";

  it("adds the weighted open deals closing in the rest of the window, by category", () => {
    const forecast = pipelineForecast({
      actual: 50_000_00,
      open: sumOpenDeals(
        [
          deal(10_000_00, 0.9, "2026-03-20", "commit"),
          deal(20_000_00, 0.5, "2026-03-31", "best_case"),
          deal(40_000_00, 0.1, "2026-03-10", "pipeline"),
          deal(99_000_00, 0.9, "2026-04-01", "commit"), // closes after the window
          deal(99_000_00, 0.9, "2026-03-09", "commit"), // a stale close date
        ],
        today,
        windowEnd,
      ),
      adjustments: [{ category: "commit", amountMinor: -1_000_00 }],
    });
    expect(forecast.byCategory.commit).toEqual({
      deals: 1,
      openMinor: 10_000_00,
      weightedMinor: 9_000_00,
      adjustmentMinor: -1_000_00,
      totalMinor: 8_000_00,
    });
    expect(forecast.byCategory.best_case.totalMinor).toBe(10_000_00);
    expect(forecast.byCategory.pipeline.totalMinor).toBe(4_000_00);
    expect(forecast.openPipelineMinor).toBe(70_000_00);
    expect(forecast.forecast).toBe(72_000_00);
  });

  it("is the actual plus its categories, in whole minor units", () => {
    const deals = fc.array(
      fc.record({
        amountMinor: fc.integer({ min: 0, max: 10_000_000 }),
        probability: fc.double({ min: 0, max: 1, noNaN: true }),
        closeDate: fc.constantFrom("2026-03-01", "2026-03-10", "2026-03-31", "2026-04-15"),
        category: fc.constantFrom(...FORECAST_CATEGORIES),
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), deals, (actual, openDeals) => {
        const f = pipelineForecast({ actual, open: sumOpenDeals(openDeals, today, windowEnd) });
        const sum = FORECAST_CATEGORIES.reduce((s, c) => s + f.byCategory[c].totalMinor, 0);
        expect(f.forecast).toBe(actual + sum);
        expect(Number.isInteger(f.forecast)).toBe(true);
        expect(f.forecast).toBeGreaterThanOrEqual(actual);
        expect(f.forecast).toBeLessThanOrEqual(actual + f.openPipelineMinor);
      }),
    );
  });
});

describe("runRateForecast", () => {
  const count = weekdays();

  it("extends the rate per working day over the working days left", () => {
    // 1–13 March 2026: 10 working days gone; 12 left to the 31st.
    const f = runRateForecast({
      actual: 20,
      today: "2026-03-13",
      windowStart: "2026-03-01",
      windowEnd: "2026-03-31",
      workingDaysBetween: count,
    });
    expect(f).toEqual({
      method: "run_rate",
      actual: 20,
      runRatePerWorkingDay: 2,
      remainingWorkingDays: 12,
      forecast: 44,
    });
  });

  it("has no rate before the first working day, and nothing left after the window", () => {
    const window = { windowStart: "2026-03-01", windowEnd: "2026-03-31", workingDaysBetween: count };
    expect(runRateForecast({ ...window, actual: 0, today: "2026-02-20" }).forecast).toBeNull();
    expect(runRateForecast({ ...window, actual: 5, today: "2026-03-01" }).forecast).toBeNull(); // a Sunday
    const after = runRateForecast({ ...window, actual: 30, today: "2026-04-10" });
    expect(after).toMatchObject({ remainingWorkingDays: 0, forecast: 30 });
  });
});

describe("pipelineCoverage", () => {
  it("sets the pipeline against the gap and the coverage a win rate needs", () => {
    expect(pipelineCoverage({ openPipelineMinor: 140, target: 300, actual: 200, winRate: 1 / 3 })).toEqual({
      openPipelineMinor: 140,
      gapMinor: 100,
      coverage: 1.4,
      neededCoverage: 3,
      enough: false,
    });
    expect(pipelineCoverage({ openPipelineMinor: 0, target: 300, actual: 300, winRate: 0.25 }).enough).toBe(
      true,
    );
    expect(
      pipelineCoverage({ openPipelineMinor: 500, target: 300, actual: 0, winRate: null }).enough,
    ).toBeNull();
  });
});
