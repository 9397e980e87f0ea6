import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { withFallback } from "./fallback";
import { learnFunnelRates, type DealHistory } from "./learn-rates";

const stages = ["lead", "meeting", "proposal"];
const window = { start: "2025-01-01", end: "2025-12-31" };
let seq = 0;
const deal = (over: Partial<DealHistory>): DealHistory => ({
  dealId: `d${seq++}`,
  ownerId: "ana",
  teamId: "east",
  stageChanges: [],
  outcome: "won",
  createdAt: "2025-03-01",
  closedAt: "2025-04-01",
  amountMinor: 1000,
  ...over,
});
const through = (...names: string[]) =>
  names.map((stage, i) => ({ stage, at: `2025-03-0${i + 1}T09:00:00Z` }));

describe("learning funnel rates from history", () => {
  it("counts conversions per stage, win rate, deal size and cycle length", () => {
    const history = [
      deal({ stageChanges: through("lead", "meeting", "proposal"), amountMinor: 3000 }), // won, 31 days
      deal({ stageChanges: through("lead", "meeting", "proposal"), outcome: "lost" }),
      deal({ stageChanges: through("lead", "meeting"), outcome: "lost" }),
      deal({ stageChanges: through("lead"), outcome: "lost" }),
    ];
    const r = learnFunnelRates(history, stages, window);
    expect(r.stages).toEqual([
      { name: "lead", conversionToNext: { value: 3 / 4, sampleSize: 4 } },
      { name: "meeting", conversionToNext: { value: 2 / 3, sampleSize: 3 } },
      { name: "proposal", conversionToNext: { value: 1 / 2, sampleSize: 2 } },
    ]);
    expect(r.winRate).toEqual({ value: 0.25, sampleSize: 4 });
    expect(r.averageDealSizeMinor).toEqual({ value: 3000, sampleSize: 1 });
    expect(r.cycleLengthDays).toEqual({ value: 31, sampleSize: 1 });
    expect(r.dealCount).toBe(4);
  });

  it("counts deals without stage history by final outcome, so stage rates multiply to the win rate", () => {
    const history = [
      deal({}),
      deal({ outcome: "lost" }),
      deal({ outcome: "lost" }),
      deal({ outcome: "lost" }),
    ];
    const r = learnFunnelRates(history, stages, window);
    const product = r.stages.reduce((p, s) => p * (s.conversionToNext.value ?? 1), 1);
    expect(product).toBe(r.winRate.value);
    expect(r.stages[0]?.conversionToNext).toEqual({ value: 0.25, sampleSize: 4 });
  });

  it("lets open deals count only the stages they have already passed", () => {
    const r = learnFunnelRates(
      [deal({ outcome: "open", closedAt: null, stageChanges: through("lead", "meeting") })],
      stages,
      window,
    );
    expect(r.stages[0]?.conversionToNext).toEqual({ value: 1, sampleSize: 1 });
    expect(r.stages[1]?.conversionToNext).toEqual({ value: null, sampleSize: 0 });
    expect(r.winRate).toEqual({ value: null, sampleSize: 0 });
  });

  it("keeps to the window and the scope", () => {
    const history = [
      deal({ closedAt: "2024-12-31" }),
      deal({ ownerId: "ben", outcome: "lost" }),
      deal({ teamId: "west", ownerId: "cho" }),
      deal({ closedAt: "2025-06-01T23:30:00.000Z" }),
    ];
    expect(learnFunnelRates(history, stages, window).dealCount).toBe(3);
    expect(learnFunnelRates(history, stages, window, { ownerId: "ana" }).dealCount).toBe(1);
    expect(learnFunnelRates(history, stages, window, { teamId: "east" }).winRate).toEqual({
      value: 0.5,
      sampleSize: 2,
    });
  });

  it("refuses a closed deal without a close date", () => {
    expect(() => learnFunnelRates([deal({ closedAt: null })], stages, window)).toThrow(
      /^history\[0\]\.closedAt: /,
    );
    expect(() => learnFunnelRates([], stages, { start: "2025-02-01", end: "2025-01-01" })).toThrow(
      /^window\.end: /,
    );
  });

  it("rates are shares between 0 and 1 whatever the history", () => {
    const anyDeal = fc.record({
      stageChanges: fc.subarray(stages).map((names) => through(...names)),
      outcome: fc.constantFrom("won" as const, "lost" as const, "open" as const),
      amountMinor: fc.nat({ max: 1e9 }),
    });
    fc.assert(
      fc.property(fc.array(anyDeal, { maxLength: 40 }), (deals) => {
        const r = learnFunnelRates(
          deals.map((d) => deal(d)),
          stages,
          window,
        );
        for (const f of [...r.stages.map((s) => s.conversionToNext), r.winRate]) {
          if (f.value === null) expect(f.sampleSize).toBe(0);
          else {
            expect(f.value).toBeGreaterThanOrEqual(0);
            expect(f.value).toBeLessThanOrEqual(1);
          }
        }
      }),
    );
  });
});

describe("falling back from a person's rates to the team's", () => {
  it("uses the person's figure with enough history and the team's otherwise", () => {
    const person = learnFunnelRates(
      [
        deal({ stageChanges: through("lead", "meeting", "proposal") }),
        deal({ stageChanges: through("lead"), outcome: "lost" }),
      ],
      stages,
      window,
    );
    const team = learnFunnelRates(
      Array.from({ length: 30 }, (_, i) => deal({ outcome: i % 3 === 0 ? "won" : "lost" })),
      stages,
      window,
    );
    const mixed = withFallback(person, team, 2);
    expect(mixed.stages[0]?.conversionToNext).toMatchObject({ value: 0.5, source: "person" });
    expect(mixed.stages[1]?.conversionToNext).toMatchObject({ source: "team", sampleSize: 10 });
    expect(mixed.winRate).toMatchObject({ value: 0.5, source: "person" });
    expect(withFallback(person, team, 5).winRate).toMatchObject({ source: "team", sampleSize: 30 });
    const nobody = learnFunnelRates([], stages, window);
    expect(withFallback(nobody, nobody, 5).winRate).toEqual({ value: null, sampleSize: 0, source: "none" });
    expect(() => withFallback(person, team, 0)).toThrow(/^minSample: /);
  });
});
