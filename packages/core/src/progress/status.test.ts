import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DomainError } from "../errors";
import {
  DEFAULT_STATUS_THRESHOLDS,
  crossedMilestones,
  progressStatus,
  statusSlipped,
  statusThresholds,
  type ProgressStatus,
} from "./status";

const RANK: Record<ProgressStatus, number> = { off_track: 0, at_risk: 1, on_track: 2 };
const paces = fc.option(fc.double({ min: 0, max: 3, noNaN: true }), { nil: null });
const thresholdPairs = fc
  .tuple(fc.double({ min: 0, max: 1.5, noNaN: true }), fc.double({ min: 0, max: 1.5, noNaN: true }))
  .map(([a, b]) => statusThresholds({ offTrackPace: Math.min(a, b), onTrackPace: Math.max(a, b) }));

describe("progressStatus", () => {
  it("reads pace against 95% and 80% by default", () => {
    expect(progressStatus(0.95, false)).toBe("on_track");
    expect(progressStatus(0.949, false)).toBe("at_risk");
    expect(progressStatus(0.8, false)).toBe("at_risk");
    expect(progressStatus(0.799, false)).toBe("off_track");
    expect(progressStatus(1.2, true)).toBe("at_risk");
    expect(progressStatus(null, false)).toBe("on_track");
    expect(progressStatus(null, true)).toBe("at_risk");
  });

  it("never gets worse as pace rises", () => {
    fc.assert(
      fc.property(paces, paces, fc.boolean(), thresholdPairs, (a, b, short, t) => {
        if (a === null || b === null) return;
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(RANK[progressStatus(high, short, t)]).toBeGreaterThanOrEqual(
          RANK[progressStatus(low, short, t)],
        );
      }),
    );
  });

  it("never gets better with a forecast short of target, or with stricter thresholds", () => {
    fc.assert(
      fc.property(paces, thresholdPairs, fc.double({ min: 0, max: 0.5, noNaN: true }), (p, t, raise) => {
        expect(RANK[progressStatus(p, true, t)]).toBeLessThanOrEqual(RANK[progressStatus(p, false, t)]);
        const stricter = { onTrackPace: t.onTrackPace + raise, offTrackPace: t.offTrackPace + raise };
        expect(RANK[progressStatus(p, false, stricter)]).toBeLessThanOrEqual(
          RANK[progressStatus(p, false, t)],
        );
      }),
    );
  });

  it("takes configured thresholds and refuses crossed ones", () => {
    expect(statusThresholds()).toEqual(DEFAULT_STATUS_THRESHOLDS);
    expect(progressStatus(0.85, false, statusThresholds({ offTrackPace: 0.9 }))).toBe("off_track");
    expect(() => statusThresholds({ offTrackPace: 0.99 })).toThrow(DomainError);
  });

  it("tells a slip from a recovery", () => {
    expect(statusSlipped("on_track", "at_risk")).toBe(true);
    expect(statusSlipped("at_risk", "off_track")).toBe(true);
    expect(statusSlipped("off_track", "at_risk")).toBe(false);
    expect(statusSlipped("at_risk", "at_risk")).toBe(false);
  });
});

describe("crossedMilestones", () => {
  it("lists 50, 90 and 100 crossed upward", () => {
    expect(crossedMilestones(40, 95)).toEqual([50, 90]);
    expect(crossedMilestones(50, 100)).toEqual([90, 100]);
    expect(crossedMilestones(49.9, 50)).toEqual([50]);
    expect(crossedMilestones(0, 250)).toEqual([50, 90, 100]);
    expect(crossedMilestones(95, 60)).toEqual([]);
    expect(crossedMilestones(100, 100)).toEqual([]);
  });

  it("splits over steps: what a-to-c crosses is what a-to-b and b-to-c cross", () => {
    const pct = fc.double({ min: -50, max: 200, noNaN: true });
    fc.assert(
      fc.property(pct, pct, pct, (x, y, z) => {
        const [a, b, c] = [x, y, z].sort((m, n) => m - n) as [number, number, number];
        expect([...crossedMilestones(a, b), ...crossedMilestones(b, c)]).toEqual(crossedMilestones(a, c));
        if (a < c) expect(crossedMilestones(c, a)).toEqual([]);
      }),
    );
  });
});
