import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isoDateOfDayNumber } from "../calendar/dates";
import type { OrgCalendar } from "../calendar/org-calendar";
import { periodsBetween } from "../calendar/periods";
import { splitTargetGrid, type TargetGrid, type TargetGridInput } from "./grid";
import { RAMP_PRESETS } from "./ramp";
import type { OwnerWeighting, TargetOwner } from "./split-owners";

const cal: OrgCalendar = {
  fiscalYearStartMonth: 1,
  weekStartsOn: 1,
  workingDays: [1, 2, 3, 4, 5],
  holidays: [],
};
// Q1 2026: 22, 20 and 22 working days.
const q1 = periodsBetween(cal, "2026-01-01", "2026-03-31", "month");
const vet: TargetOwner = { id: "vet", capacityHoursPerWeek: 40 };
const rookie: TargetOwner = { id: "rookie", capacityHoursPerWeek: 40, hireDate: "2026-01-01" };
const base: TargetGridInput = {
  total: 1000,
  owners: [vet, rookie],
  ownerMethod: { kind: "equal" },
  periods: q1,
  periodMethod: { kind: "even" },
};
const row = (grid: TargetGrid, ownerId: string) =>
  grid.cells.filter((c) => c.ownerId === ownerId).map((c) => c.amount);

describe("target grid", () => {
  it("splits over owners, then each row over periods, exactly", () => {
    const grid = splitTargetGrid({ ...base, total: 64_000 });
    expect(row(grid, "vet")).toEqual([11_000, 10_000, 11_000]);
    expect(grid.rowTotals).toEqual([
      { ownerId: "vet", amount: 32_000 },
      { ownerId: "rookie", amount: 32_000 },
    ]);
    expect(grid.columnTotals.map((c) => c.amount)).toEqual([22_000, 20_000, 22_000]);
    expect(grid).toMatchObject({
      assignedTotal: 64_000,
      grandTotal: 64_000,
      gapToTarget: 0,
      heldBackByRamp: 0,
    });
  });

  it("assigns headroom on top of the target", () => {
    const grid = splitTargetGrid({ ...base, headroomPct: 10 });
    expect(grid.assignedTotal).toBe(1100);
    expect(grid.grandTotal).toBe(1100);
  });

  it("redistributes what a ramp holds back so the team total holds", () => {
    // The rookie ramps 0 / 25 / 50 %: (0×22 + 0.25×20 + 0.5×22) / 64 = 25 % of a full share.
    const grid = splitTargetGrid({ ...base, ramp: { curves: { rookie: RAMP_PRESETS.standard } } });
    expect(grid.rowTotals).toEqual([
      { ownerId: "vet", amount: 800 },
      { ownerId: "rookie", amount: 200 },
    ]);
    expect(row(grid, "rookie")[0]).toBe(0);
    expect(grid).toMatchObject({ grandTotal: 1000, gapToTarget: 0, heldBackByRamp: 375 });
  });

  it("or accepts the gap the ramp leaves", () => {
    const grid = splitTargetGrid({
      ...base,
      ramp: { curves: { rookie: RAMP_PRESETS.standard } },
      rampMode: "acceptGap",
    });
    expect(grid.rowTotals.map((r) => r.amount)).toEqual([500, 125]);
    expect(row(grid, "rookie")).toEqual([0, 39, 86]); // 125 in the ratio 20 × 0.25 : 22 × 0.5
    expect(grid).toMatchObject({ assignedTotal: 1000, grandTotal: 625, gapToTarget: 375 });
  });

  it("keeps a manual override exact, shaped by the owner's ramp", () => {
    const grid = splitTargetGrid({
      ...base,
      ownerMethod: { kind: "manual", overrides: { rookie: 300 }, rebalanceBy: "equal" },
      ramp: { curves: { rookie: RAMP_PRESETS.standard } },
    });
    expect(grid.rowTotals.map((r) => r.amount)).toEqual([700, 300]);
    expect(row(grid, "rookie")[0]).toBe(0);
    expect(grid.gapToTarget).toBe(0);
  });

  it("takes owner ids that look like object keys from JSON safely", () => {
    const owners = [vet, { ...rookie, id: "__proto__" }];
    const curves = JSON.parse('{"__proto__": [0, 0.25, 0.5, 0.75, 1]}') as Record<string, number[]>;
    const grid = splitTargetGrid({ ...base, owners, ramp: { curves } });
    expect(grid.rowTotals.map((r) => r.amount)).toEqual([800, 200]);
  });

  it("refuses ratio metrics, unknown owners in curves and bad headroom", () => {
    expect(() => splitTargetGrid({ ...base, metricKind: "ratio" })).toThrow(/^metricKind: /);
    expect(() => splitTargetGrid({ ...base, ramp: { curves: { zed: [1] } } })).toThrow(
      /^ramp\.curves\.zed: /,
    );
    expect(() => splitTargetGrid({ ...base, ramp: { curves: { rookie: [0.5, 0.4] } } })).toThrow(
      /^ramp\.curves\.rookie\[1\]: /,
    );
    expect(() => splitTargetGrid({ ...base, headroomPct: -5 })).toThrow(/^headroomPct: /);
  });

  const anyOwners = fc.integer({ min: 1, max: 8 }).chain((n) =>
    fc.tuple(
      ...Array.from({ length: n }, (_, i) =>
        fc.record({
          id: fc.constant(`o${i}`),
          capacityHoursPerWeek: fc.integer({ min: 1, max: 60 }),
          accountPotentialMinor: fc.nat({ max: 1e7 }).map((p) => p + 1),
          lastPeriodActual: fc.nat({ max: 1e5 }).map((p) => p + 1),
          hireDate: fc.option(fc.integer({ min: 20300, max: 20700 }).map(isoDateOfDayNumber), {
            nil: undefined,
          }),
        }),
      ),
    ),
  );
  const weightings: OwnerWeighting[] = ["equal", "capacity", "potential", "lastShare"];

  it("rows are exact, columns add up, and the grand total holds unless a gap is accepted", () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 1e11 }),
        anyOwners,
        fc.constantFrom(...weightings),
        fc.constantFrom("week" as const, "month" as const),
        fc.constantFrom("redistribute" as const, "acceptGap" as const),
        fc.integer({ min: 0, max: 30 }),
        fc.array(fc.constantFrom("standard", "enterprise", "none"), { maxLength: 8 }),
        (total, owners, kind, grain, rampMode, headroomPct, presets) => {
          const periods = periodsBetween(cal, "2026-01-01", "2026-06-30", grain);
          const curves = Object.fromEntries(
            presets
              .slice(0, owners.length)
              .map((p, i) => [`o${i}`, RAMP_PRESETS[p as keyof typeof RAMP_PRESETS]]),
          );
          const grid = splitTargetGrid({
            total,
            owners,
            ownerMethod: { kind },
            periods,
            periodMethod: { kind: "even" },
            ramp: { curves },
            rampMode,
            headroomPct,
          });
          for (const r of grid.rowTotals) {
            expect(row(grid, r.ownerId).reduce((s, a) => s + a, 0)).toBe(r.amount);
          }
          expect(grid.rowTotals.reduce((s, r) => s + r.amount, 0)).toBe(grid.grandTotal);
          expect(grid.columnTotals.reduce((s, c) => s + c.amount, 0)).toBe(grid.grandTotal);
          expect(grid.cells.every((c) => c.amount >= 0 && Number.isSafeInteger(c.amount))).toBe(true);
          expect(grid.gapToTarget).toBe(grid.assignedTotal - grid.grandTotal);
          expect(grid.gapToTarget).toBeGreaterThanOrEqual(0);
          const someoneHasCapacity = grid.heldBackByRamp < grid.assignedTotal;
          if (rampMode === "redistribute" && someoneHasCapacity) expect(grid.gapToTarget).toBe(0);
          if (presets.length === 0) expect(grid.grandTotal).toBe(grid.assignedTotal);
        },
      ),
    );
  });
});
