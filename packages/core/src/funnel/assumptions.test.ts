import { describe, expect, it } from "vitest";
import { compareAssumptions, type HistoricalFunnel } from "./assumptions";

const history: HistoricalFunnel = {
  stages: [
    { name: "meeting", conversionToNext: { value: 0.5, sampleSize: 200 } },
    { name: "proposal", conversionToNext: { value: 0.44, sampleSize: 100 } },
  ],
  winRate: { value: 0.22, sampleSize: 140 },
  averageDealSizeMinor: { value: 10_000_00, sampleSize: 31 },
  cycleLengthDays: { value: 60, sampleSize: 31 },
};

describe("comparing plan assumptions with history", () => {
  it("flags a win rate far above history, with a message a manager can read", () => {
    const gaps = compareAssumptions({ winRate: 0.35 }, history);
    expect(gaps).toHaveLength(1);
    expect(gaps[0]).toMatchObject({
      assumption: "winRate",
      planned: 0.35,
      historical: 0.22,
      sampleSize: 140,
      direction: "optimistic",
      message: "Plan win rate 35 % vs 22 % in history (140 deals)",
    });
    expect(gaps[0]?.relativeGap).toBeCloseTo(0.13 / 0.22, 12);
  });

  it("derives the plan's win rate from its stages and checks each stage", () => {
    const gaps = compareAssumptions(
      {
        stages: [
          { name: "meeting", conversionToNext: 0.5 },
          { name: "proposal", conversionToNext: 0.8 },
        ],
      },
      history,
    );
    expect(gaps.map((g) => [g.assumption, g.stage, g.planned])).toEqual([
      ["winRate", undefined, 0.4],
      ["stageConversion", "proposal", 0.8],
    ]);
  });

  it("knows a shorter cycle and a bigger deal are the optimistic side", () => {
    const gaps = compareAssumptions({ cycleLengthDays: 30, averageDealSizeMinor: 5_000_00 }, history);
    expect(gaps.map((g) => [g.assumption, g.direction])).toEqual([
      ["averageDealSizeMinor", "pessimistic"],
      ["cycleLengthDays", "optimistic"],
    ]);
    expect(gaps[0]?.message).toBe("Plan average deal size is 50 % below the average in history (31 deals)");
  });

  it("stays quiet within the threshold or on thin history", () => {
    expect(compareAssumptions({ winRate: 0.25 }, history)).toEqual([]);
    expect(compareAssumptions({ winRate: 0.35 }, history, { minSampleSize: 500 })).toEqual([]);
    expect(compareAssumptions({ winRate: 0.25 }, history, { relativeGapThreshold: 0.1 })).toHaveLength(1);
    const noHistory = { ...history, winRate: { value: null, sampleSize: 0 } };
    expect(compareAssumptions({ winRate: 0.35 }, noHistory)).toEqual([]);
  });

  it("flags any plan above a history of zero", () => {
    const zero = { ...history, winRate: { value: 0, sampleSize: 40 } };
    expect(compareAssumptions({ winRate: 0.1 }, zero)[0]).toMatchObject({
      relativeGap: null,
      direction: "optimistic",
    });
  });
});
