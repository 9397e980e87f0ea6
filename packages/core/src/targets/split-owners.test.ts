import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DomainError } from "../errors";
import { splitTargetOverOwners, type OwnerWeighting, type TargetOwner } from "./split-owners";

const team: TargetOwner[] = [
  { id: "ana", capacityHoursPerWeek: 40, accountPotentialMinor: 600, lastPeriodActual: 50 },
  { id: "ben", capacityHoursPerWeek: 20, accountPotentialMinor: 300, lastPeriodActual: 30 },
  { id: "cho", capacityHoursPerWeek: 40, accountPotentialMinor: 100, lastPeriodActual: 20 },
];
const amounts = (split: { parts: { amount: number }[] }) => split.parts.map((p) => p.amount);
const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

describe("splitting a target over owners", () => {
  it("splits equally, by capacity, by potential and by last period's share", () => {
    expect(amounts(splitTargetOverOwners(1000, team, { kind: "equal" }))).toEqual([334, 333, 333]);
    expect(amounts(splitTargetOverOwners(1000, team, { kind: "capacity" }))).toEqual([400, 200, 400]);
    expect(amounts(splitTargetOverOwners(1000, team, { kind: "potential" }))).toEqual([600, 300, 100]);
    expect(amounts(splitTargetOverOwners(1000, team, { kind: "lastShare" }))).toEqual([500, 300, 200]);
  });

  it("keeps overrides exact and rebalances the rest by the fallback method", () => {
    const split = splitTargetOverOwners(1000, team, {
      kind: "manual",
      overrides: { ben: 500 },
      rebalanceBy: "capacity",
    });
    expect(split).toEqual({
      parts: [
        { ownerId: "ana", amount: 250 },
        { ownerId: "ben", amount: 500 },
        { ownerId: "cho", amount: 250 },
      ],
      gap: 0,
    });
  });

  it("reports a gap when overrides exceed the total, or every owner is overridden short of it", () => {
    const over = splitTargetOverOwners(1000, team, {
      kind: "manual",
      overrides: { ana: 700, ben: 400 },
      rebalanceBy: "equal",
    });
    expect(amounts(over)).toEqual([700, 400, 0]);
    expect(over.gap).toBe(-100);
    const short = splitTargetOverOwners(1000, team, {
      kind: "manual",
      overrides: { ana: 300, ben: 300, cho: 300 },
      rebalanceBy: "equal",
    });
    expect(short.gap).toBe(100);
  });

  it("refuses bad owners and overrides, naming the field", () => {
    const noPotential = [{ id: "dan", capacityHoursPerWeek: 40 }, ...team];
    expect(() => splitTargetOverOwners(1, noPotential, { kind: "potential" })).toThrow(
      /^owners\[0\]\.accountPotentialMinor: /,
    );
    const idle = team.map((o) => ({ ...o, capacityHoursPerWeek: 0 }));
    expect(() => splitTargetOverOwners(1, idle, { kind: "capacity" })).toThrow(
      /^owners\.capacityHoursPerWeek: /,
    );
    expect(() => splitTargetOverOwners(1, [...team, team[0] as TargetOwner], { kind: "equal" })).toThrow(
      /^owners\[3\]\.id: /,
    );
    expect(() =>
      splitTargetOverOwners(1, team, { kind: "manual", overrides: { zed: 1 }, rebalanceBy: "equal" }),
    ).toThrow(/^method\.overrides\.zed: /);
    expect(() =>
      splitTargetOverOwners(1, team, { kind: "manual", overrides: { ana: -1 }, rebalanceBy: "equal" }),
    ).toThrow(DomainError);
    expect(() => splitTargetOverOwners(1, [], { kind: "equal" })).toThrow(/^owners: /);
  });

  const anyOwners = fc
    .uniqueArray(fc.string({ minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 12 })
    .chain((ids) =>
      fc.tuple(
        ...ids.map((id) =>
          fc.record({
            id: fc.constant(id),
            capacityHoursPerWeek: fc.integer({ min: 1, max: 60 }),
            accountPotentialMinor: fc.nat({ max: 1e9 }).map((p) => p + 1),
            lastPeriodActual: fc.nat({ max: 1e6 }).map((p) => p + 1),
          }),
        ),
      ),
    );
  const weightings: OwnerWeighting[] = ["equal", "capacity", "potential", "lastShare"];

  it("every owner split sums exactly to the total, nothing negative", () => {
    fc.assert(
      fc.property(fc.nat({ max: 1e13 }), anyOwners, fc.constantFrom(...weightings), (total, owners, kind) => {
        const split = splitTargetOverOwners(total, owners, { kind });
        expect(sum(amounts(split))).toBe(total);
        expect(split.gap).toBe(0);
        expect(amounts(split).every((a) => a >= 0)).toBe(true);
      }),
    );
  });

  it("manual overrides with rebalance keep the total whenever they fit in it", () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 1e9 }),
        anyOwners,
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 12, maxLength: 12 }),
        fc.constantFrom(...weightings),
        (total, owners, fractions, rebalanceBy) => {
          // Override every other owner with a slice of the total small enough that the overrides fit.
          // fromEntries makes own properties even of ids like "__proto__", as JSON.parse would.
          const overrides: Record<string, number> = Object.fromEntries(
            owners
              .filter((_, i) => i % 2 === 1)
              .map((o, i) => [o.id, Math.floor((total * (fractions[i] ?? 0)) / owners.length)]),
          );
          const split = splitTargetOverOwners(total, owners, { kind: "manual", overrides, rebalanceBy });
          const overridesFitWithSomeoneLeft = owners.length > Object.keys(overrides).length;
          if (overridesFitWithSomeoneLeft) {
            expect(sum(amounts(split))).toBe(total);
            expect(split.gap).toBe(0);
          }
          for (const p of split.parts) {
            if (Object.hasOwn(overrides, p.ownerId)) expect(p.amount).toBe(overrides[p.ownerId]);
            expect(p.amount).toBeGreaterThanOrEqual(0);
          }
          expect(split.gap).toBe(total - sum(amounts(split)));
        },
      ),
    );
  });
});
