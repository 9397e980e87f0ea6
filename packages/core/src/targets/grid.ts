// The target segmentation grid: a target split over owners (rows) and periods (columns) at once,
// with seasonality and ramp curves, where every row and the grand total add up exactly.
import { dayNumberOf } from "../calendar/dates";
import type { Period } from "../calendar/periods";
import { DomainError } from "../errors";
import type { MetricKind } from "../metrics/catalogue";
import { assertWholeAmount, largestRemainder } from "./largest-remainder";
import { assertSplittable } from "./metric-kind";
import { rampFactorOfTenure, tenureMonths, validateRampCurve, type RampCurve } from "./ramp";
import {
  splitTargetOverOwners,
  type OwnerAmount,
  type OwnerSplitMethod,
  type TargetOwner,
} from "./split-owners";
import { periodWeights, type PeriodAmount, type PeriodSplitMethod } from "./split-periods";

export interface TargetGridInput {
  /** The target, in minor units or a count. */
  total: number;
  owners: readonly TargetOwner[];
  ownerMethod: OwnerSplitMethod;
  periods: readonly Period[];
  periodMethod: PeriodSplitMethod;
  /** Ramp curve per owner id; owners without one (or without a hire date) are fully ramped. */
  ramp?: { curves: Readonly<Record<string, RampCurve>> };
  /**
   * What happens to the target a ramp holds back. "redistribute" (default): the others carry it, so
   * the team total holds. "acceptGap": nobody does, and gapToTarget shows the shortfall.
   */
  rampMode?: "redistribute" | "acceptGap";
  /** Assign this much more than the target as a cushion: 10 assigns 110 %. Default 0. */
  headroomPct?: number;
  /** Default "additive"; a ratio is refused. */
  metricKind?: MetricKind;
}

export interface TargetGridCell {
  ownerId: string;
  periodKey: string;
  amount: number;
}

export interface TargetGrid {
  cells: TargetGridCell[];
  rowTotals: OwnerAmount[];
  columnTotals: PeriodAmount[];
  /** total plus headroom: what the grid sets out to assign. */
  assignedTotal: number;
  grandTotal: number;
  /**
   * assignedTotal − grandTotal: what was meant to be assigned but was not (ramps under "acceptGap",
   * overrides short of the total); below 0 when overrides exceed it. Headroom is not a gap.
   */
  gapToTarget: number;
  /** What the ramps held back from the owners' shares, before any redistribution. */
  heldBackByRamp: number;
}

/**
 * Splits over owners first, then each owner's row over the periods with weights seasonality × the
 * owner's ramp factor, so every row is exact and the grand total is the sum of exact rows. Under
 * "redistribute" the owners' pool is re-split by each share × its average ramp factor: what a ramp
 * holds back goes to everyone in proportion to the capacity they really have, which leaves a fully
 * ramped owner most of it. Manually overridden owners keep their typed amount, shaped by their ramp.
 */
export function splitTargetGrid(input: TargetGridInput): TargetGrid {
  assertSplittable(input.metricKind ?? "additive");
  assertWholeAmount(input.total, "total");
  const headroomPct = input.headroomPct ?? 0;
  if (!Number.isFinite(headroomPct) || headroomPct < 0 || headroomPct > 1000)
    throw new DomainError("headroomPct", "must be a percentage between 0 and 1000");
  const assignedTotal = Math.round((input.total * (100 + headroomPct)) / 100);
  assertWholeAmount(assignedTotal, "total");

  const { owners, periods } = input;
  const shape = periodWeights(periods, input.periodMethod);
  const shapeSum = shape.reduce((s, w) => s + w, 0);
  const ownerSplit = splitTargetOverOwners(assignedTotal, owners, input.ownerMethod);
  const curves = rampCurvesByOwner(input);
  const periodDns = periods.map((p) => [
    dayNumberOf(p.start, "periods.start"),
    dayNumberOf(p.end, "periods.end"),
  ]);

  const rows = owners.map((owner, i) => {
    const curve = curves.get(owner.id);
    const tenure = curve ? tenureMonths(curve, owner.hireDate) : null;
    const rampedShape = shape.map((w, p) => {
      const [startDn = 0, endDn = 0] = periodDns[p] ?? [];
      return tenure ? w * rampFactorOfTenure(tenure, startDn, endDn) : w;
    });
    const rampShare = rampedShape.reduce((s, w) => s + w, 0) / shapeSum;
    const share = ownerSplit.parts[i]?.amount ?? 0;
    return { owner, share, rampedShape, rampShare };
  });

  const overridden = new Set(
    input.ownerMethod.kind === "manual" ? Object.keys(input.ownerMethod.overrides) : [],
  );
  const rowAmounts = new Map<string, number>();
  const free = rows.filter((r) => !overridden.has(r.owner.id));
  for (const r of rows) if (overridden.has(r.owner.id)) rowAmounts.set(r.owner.id, r.share);
  const heldBackByRamp = Math.round(free.reduce((s, r) => s + r.share * (1 - r.rampShare), 0));
  const pool = free.reduce((s, r) => s + r.share, 0);
  const rampedWeights = free.map((r) => r.share * r.rampShare);

  if ((input.rampMode ?? "redistribute") === "acceptGap" || !rampedWeights.some((w) => w > 0)) {
    // Accepting the gap — or nobody has ramped capacity to carry it (all at 0 %), so it stays a gap.
    for (const r of free) rowAmounts.set(r.owner.id, Math.round(r.share * r.rampShare));
  } else if (free.every((r) => r.rampShare === 1)) {
    for (const r of free) rowAmounts.set(r.owner.id, r.share);
  } else {
    const amounts = largestRemainder(pool, rampedWeights);
    free.forEach((r, i) => rowAmounts.set(r.owner.id, amounts[i] ?? 0));
  }

  const cells: TargetGridCell[] = [];
  const rowTotals: OwnerAmount[] = [];
  const columnAmounts = periods.map(() => 0);
  for (const r of rows) {
    const rowAmount = rowAmounts.get(r.owner.id) ?? 0;
    // An override on someone not there yet (ramp 0 throughout) still lands: by the plain shape.
    const rowShape = r.rampedShape.some((w) => w > 0) ? r.rampedShape : shape;
    const amounts = rowAmount > 0 ? largestRemainder(rowAmount, rowShape) : periods.map(() => 0);
    periods.forEach((p, k) => {
      const amount = amounts[k] ?? 0;
      cells.push({ ownerId: r.owner.id, periodKey: p.key, amount });
      columnAmounts[k] = (columnAmounts[k] ?? 0) + amount;
    });
    rowTotals.push({ ownerId: r.owner.id, amount: rowAmount });
  }
  const grandTotal = rowTotals.reduce((s, r) => s + r.amount, 0);
  return {
    cells,
    rowTotals,
    columnTotals: periods.map((p, k) => ({ periodKey: p.key, amount: columnAmounts[k] ?? 0 })),
    assignedTotal,
    grandTotal,
    gapToTarget: assignedTotal - grandTotal,
    heldBackByRamp,
  };
}

function rampCurvesByOwner(input: TargetGridInput): Map<string, RampCurve> {
  const ids = new Set(input.owners.map((o) => o.id));
  const curves = new Map<string, RampCurve>();
  for (const [ownerId, curve] of Object.entries(input.ramp?.curves ?? {})) {
    if (!ids.has(ownerId)) throw new DomainError(`ramp.curves.${ownerId}`, "is not one of the owners");
    validateRampCurve(curve, `ramp.curves.${ownerId}`);
    curves.set(ownerId, curve);
  }
  return curves;
}
