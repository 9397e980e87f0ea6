// Ramp curves: a new hire carries a growing share of a full target month by month of tenure, and
// never more than all of it. The factor of a period weighs each tenure month by the days it covers.
import { addMonths, dayNumberOf } from "../calendar/dates";
import { DomainError } from "../errors";

/**
 * Share of a full target (0..1) for each month of tenure, the first month first; after the last step
 * the last value holds. Never decreasing, never above 1.
 */
export type RampCurve = readonly number[];

export const RAMP_PRESETS = {
  /** Productive in five months: 0, 25, 50, 75, then 100 %. */
  standard: [0, 0.25, 0.5, 0.75, 1],
  /** Long enterprise cycles: full target from the eighth month. */
  enterprise: [0, 0.1, 0.25, 0.4, 0.55, 0.7, 0.85, 1],
  none: [1],
} as const satisfies Record<string, RampCurve>;
export type RampPresetName = keyof typeof RAMP_PRESETS;

/** Throws a DomainError naming the first bad step: out of 0..1, or lower than the one before. */
export function validateRampCurve(curve: RampCurve, field = "curve"): void {
  if (curve.length === 0) throw new DomainError(field, "must have at least one step");
  curve.forEach((step, i) => {
    if (!Number.isFinite(step) || step < 0 || step > 1)
      throw new DomainError(`${field}[${i}]`, "must be between 0 and 1 (0 % to 100 % of a full target)");
    const before = curve[i - 1];
    if (before !== undefined && step < before)
      throw new DomainError(
        `${field}[${i}]`,
        `must not be lower than the step before (${before}): a ramp never decreases`,
      );
  });
}

/**
 * The average ramp factor over [periodStart, periodEnd], weighting each tenure month by the days of
 * the period it covers. Tenure month 1 runs from the hire date to the day before the same date a
 * month later (clamped: hired 31 January, month 2 starts 28 February). Days before the hire date
 * count 0 — the person was not there. Without a hire date the owner is fully ramped.
 */
export function rampFactor(
  curve: RampCurve,
  hireDate: string | undefined,
  periodStart: string,
  periodEnd: string,
): number {
  validateRampCurve(curve);
  const startDn = dayNumberOf(periodStart, "periodStart");
  const endDn = dayNumberOf(periodEnd, "periodEnd");
  if (endDn < startDn) throw new DomainError("periodEnd", "must not be before periodStart");
  return rampFactorOfTenure(tenureMonths(curve, hireDate), startDn, endDn);
}

/** One tenure month: from its first day (a day number) at `step`, up to the next month's first day. */
export interface TenureMonth {
  startDn: number;
  step: number;
}

/**
 * The tenure months of a hire, computed once per person so a grid of many periods does no month
 * arithmetic per cell. Without a hire date: one "month" at 1 from the beginning of time.
 */
export function tenureMonths(curve: RampCurve, hireDate: string | undefined): TenureMonth[] {
  if (hireDate === undefined) return [{ startDn: -Infinity, step: 1 }];
  dayNumberOf(hireDate, "hireDate");
  return curve.map((step, k) => ({ startDn: dayNumberOf(addMonths(hireDate, k)), step }));
}

/** Day-weighted average step over [startDn, endDn]; days before the first tenure month weigh 0. */
export function rampFactorOfTenure(months: readonly TenureMonth[], startDn: number, endDn: number): number {
  let weighted = 0;
  months.forEach((m, k) => {
    const nextStartDn = months[k + 1]?.startDn ?? Infinity;
    const from = Math.max(m.startDn, startDn);
    const to = Math.min(nextStartDn - 1, endDn);
    if (from <= to) weighted += m.step * (to - from + 1);
  });
  return weighted / (endDn - startDn + 1);
}
