import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DomainError } from "../errors";
import { largestRemainder } from "./largest-remainder";
import { assertSplittable, isSplittable } from "./metric-kind";

const anyTotal = fc.oneof(fc.nat({ max: 1000 }), fc.nat({ max: 2_000_000_000 }), fc.maxSafeNat());
const anyWeights = fc
  .array(fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e6, noNaN: true }), fc.nat({ max: 100 })), {
    minLength: 1,
    maxLength: 60,
  })
  .filter((ws) => ws.some((w) => w > 0));
const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

describe("largest remainder", () => {
  it("splits exactly: parts sum to the total, none negative, each an integer", () => {
    fc.assert(
      fc.property(anyTotal, anyWeights, (total, weights) => {
        const parts = largestRemainder(total, weights);
        expect(parts).toHaveLength(weights.length);
        expect(sum(parts)).toBe(total);
        for (const p of parts) {
          expect(Number.isSafeInteger(p)).toBe(true);
          expect(p).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });

  it("is proportional: each part within one unit of its quota, nothing for a zero weight", () => {
    fc.assert(
      fc.property(fc.nat({ max: 10_000_000 }), anyWeights, (total, weights) => {
        const parts = largestRemainder(total, weights);
        const weightSum = sum(weights);
        parts.forEach((p, i) => {
          const w = weights[i] ?? 0;
          expect(Math.abs(p - (total * w) / weightSum)).toBeLessThan(1 + 1e-6);
          if (w === 0) expect(p).toBe(0);
        });
      }),
    );
  });

  it("breaks ties by position, so the same input always gives the same split", () => {
    expect(largestRemainder(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(largestRemainder(2, [1, 1, 1])).toEqual([1, 1, 0]);
    expect(largestRemainder(100, [1, 2, 3, 4])).toEqual([10, 20, 30, 40]);
    expect(largestRemainder(7, [0.5, 0.25, 0.25])).toEqual([3, 2, 2]); // quotas 3.5, 1.75, 1.75
    expect(largestRemainder(0, [1, 2])).toEqual([0, 0]);
  });

  it("copes with weights too large to sum", () => {
    expect(largestRemainder(3, [Number.MAX_VALUE, Number.MAX_VALUE, 0])).toEqual([2, 1, 0]);
  });

  it("refuses bad weights and totals with a typed error naming the field", () => {
    const cases: [number, number[], RegExp][] = [
      [10, [0, 0], /^weights: must not all be zero/],
      [10, [], /^weights: must not be empty/],
      [10, [1, -1], /^weights\[1\]: must not be negative/],
      [10, [1, Number.NaN], /^weights\[1\]: must be a finite number/],
      [10, [Number.POSITIVE_INFINITY], /^weights\[0\]: must be a finite number/],
      [-1, [1], /^total: /],
      [1.5, [1], /^total: /],
      [Number.MAX_SAFE_INTEGER + 1, [1], /^total: /],
    ];
    for (const [total, weights, message] of cases) {
      expect(() => largestRemainder(total, weights)).toThrow(DomainError);
      expect(() => largestRemainder(total, weights)).toThrow(message);
    }
  });
});

describe("metric kinds", () => {
  it("splits additive metrics and refuses ratios", () => {
    expect(isSplittable("additive")).toBe(true);
    expect(isSplittable("ratio")).toBe(false);
    expect(() => assertSplittable("ratio")).toThrow(/^metricKind: /);
    expect(() => assertSplittable("additive")).not.toThrow();
  });
});
