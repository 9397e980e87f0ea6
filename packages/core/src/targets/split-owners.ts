// Splitting one target over people or teams: equally, by capacity, by account potential, by last
// period's share, or with some owners set by hand and the rest rebalanced over everyone else.
import { dayNumberOf } from "../calendar/dates";
import { DomainError } from "../errors";
import { assertWholeAmount, largestRemainder } from "./largest-remainder";

export interface TargetOwner {
  /** A person's or a team's id. */
  id: string;
  capacityHoursPerWeek: number;
  accountPotentialMinor?: number;
  /** Last period's actual in the target's unit, for a split by last share. */
  lastPeriodActual?: number;
  /** Start of tenure, for ramp curves; absent means fully ramped. */
  hireDate?: string;
}

export type OwnerWeighting = "equal" | "capacity" | "potential" | "lastShare";

export type OwnerSplitMethod =
  | { kind: OwnerWeighting }
  /**
   * Overridden owners get exactly their amount; what is left of the total is spread over the others
   * by `rebalanceBy`.
   */
  | { kind: "manual"; overrides: Readonly<Record<string, number>>; rebalanceBy: OwnerWeighting };

export interface OwnerAmount {
  ownerId: string;
  amount: number;
}

export interface TargetSplitOverOwners {
  parts: OwnerAmount[];
  /** total − Σ parts: below 0 when overrides exceed the total, above 0 when every owner is overridden short of it. */
  gap: number;
}

export function splitTargetOverOwners(
  total: number,
  owners: readonly TargetOwner[],
  method: OwnerSplitMethod,
): TargetSplitOverOwners {
  assertWholeAmount(total, "total");
  validateOwners(owners);
  if (method.kind !== "manual") {
    const amounts = largestRemainder(total, ownerWeights(owners, method.kind));
    return { parts: owners.map((o, i) => ({ ownerId: o.id, amount: amounts[i] ?? 0 })), gap: 0 };
  }

  const overrides = new Map<string, number>();
  const ids = new Set(owners.map((o) => o.id));
  for (const [ownerId, amount] of Object.entries(method.overrides)) {
    if (!ids.has(ownerId)) throw new DomainError(`method.overrides.${ownerId}`, "is not one of the owners");
    assertWholeAmount(amount, `method.overrides.${ownerId}`);
    overrides.set(ownerId, amount);
  }
  const overriddenSum = [...overrides.values()].reduce((s, a) => s + a, 0);
  const rest = owners.filter((o) => !overrides.has(o.id));
  const left = Math.max(0, total - overriddenSum);
  const restAmounts = new Map<string, number>();
  if (left > 0 && rest.length > 0) {
    const amounts = largestRemainder(left, ownerWeights(rest, method.rebalanceBy));
    rest.forEach((o, i) => restAmounts.set(o.id, amounts[i] ?? 0));
  }
  const parts = owners.map((o) => ({
    ownerId: o.id,
    amount: overrides.get(o.id) ?? restAmounts.get(o.id) ?? 0,
  }));
  return { parts, gap: total - parts.reduce((s, p) => s + p.amount, 0) };
}

/** The weight of each owner under a weighting; throws naming the field when no owner has any. */
export function ownerWeights(owners: readonly TargetOwner[], weighting: OwnerWeighting): number[] {
  const weights = owners.map((o, i): number => {
    switch (weighting) {
      case "equal":
        return 1;
      case "capacity":
        return o.capacityHoursPerWeek;
      case "potential":
        if (o.accountPotentialMinor === undefined)
          throw new DomainError(
            `owners[${i}].accountPotentialMinor`,
            "is needed to split by account potential",
          );
        assertWholeAmount(o.accountPotentialMinor, `owners[${i}].accountPotentialMinor`);
        return o.accountPotentialMinor;
      case "lastShare":
        if (o.lastPeriodActual === undefined)
          throw new DomainError(`owners[${i}].lastPeriodActual`, "is needed to split by last period's share");
        assertWholeAmount(o.lastPeriodActual, `owners[${i}].lastPeriodActual`);
        return o.lastPeriodActual;
    }
  });
  if (!weights.some((w) => w > 0))
    throw new DomainError(WEIGHT_FIELD[weighting], "is zero for every owner: nothing to split by");
  return weights;
}

const WEIGHT_FIELD: Record<OwnerWeighting, string> = {
  equal: "owners",
  capacity: "owners.capacityHoursPerWeek",
  potential: "owners.accountPotentialMinor",
  lastShare: "owners.lastPeriodActual",
};

export function validateOwners(owners: readonly TargetOwner[]): void {
  if (owners.length === 0) throw new DomainError("owners", "must not be empty");
  const seen = new Set<string>();
  owners.forEach((o, i) => {
    if (o.id.length === 0) throw new DomainError(`owners[${i}].id`, "must not be empty");
    if (seen.has(o.id)) throw new DomainError(`owners[${i}].id`, `repeats owner "${o.id}"`);
    seen.add(o.id);
    const hours = o.capacityHoursPerWeek;
    if (!Number.isFinite(hours) || hours < 0 || hours > 168)
      throw new DomainError(`owners[${i}].capacityHoursPerWeek`, "must be between 0 and 168 hours");
    if (o.hireDate !== undefined) dayNumberOf(o.hireDate, `owners[${i}].hireDate`);
  });
}
