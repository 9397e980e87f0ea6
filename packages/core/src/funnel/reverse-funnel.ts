// The reverse funnel: from a revenue target back to the deals, opportunities, meetings and calls
// needed — in total, per period and per person per week.
import { dayNumberOf } from "../calendar/dates";
import type { Period } from "../calendar/periods";
import { DomainError } from "../errors";
import { assertWholeAmount, largestRemainder } from "../targets/largest-remainder";
import { periodWeights } from "../targets/split-periods";

export interface FunnelStage {
  name: string;
  /** Share (0..1], never 0) of this stage's deals that reach the next stage — or won, for the last stage. */
  conversionToNext: number;
}

/** e.g. { activity: "calls", perStage: "meeting", count: 8 }: eight calls for every meeting. */
export interface ActivityRatio {
  activity: string;
  /** A stage name, or "won". */
  perStage: string;
  count: number;
}

export interface ReverseFunnelInput {
  revenueTargetMinor: number;
  averageDealSizeMinor: number;
  /** Ordered from first touch to the last stage before won; "won" itself is not a stage here. */
  stages: readonly FunnelStage[];
  periods: readonly Period[];
  /** People sharing the work, for the per-person-per-week figures. */
  peopleCount: number;
  activityRatios?: readonly ActivityRatio[];
}

export type FunnelStepKind = "activity" | "stage" | "won";

export interface FunnelStepNeed {
  name: string;
  kind: FunnelStepKind;
  needed: number;
  /** `needed` split over the periods by working days, exactly. */
  perPeriod: { periodKey: string; needed: number }[];
  /** needed ÷ people ÷ weeks in the periods, unrounded: the UI rounds up for display. */
  perPersonPerWeek: number;
}

export interface ReverseFunnelResult {
  revenueTargetMinor: number;
  dealsWon: number;
  /** Calendar weeks the periods cover. */
  weeks: number;
  /** Activities first, then the stages from first touch, then won: the funnel read top-down. */
  steps: FunnelStepNeed[];
}

export const WON_STEP = "won";

/**
 * Deals won = ⌈target ÷ average deal size⌉; each earlier stage = ⌈next stage ÷ its conversion⌉ and
 * each activity = ⌈stage × count⌉. Rounding UP at every step, not once at the end, because a
 * fraction of a deal or a meeting cannot happen: 14 deals at 40 % need 35 proposals, and 35 at 50 %
 * need 70 meetings — planning 69.x would leave the target short.
 */
export function reverseFunnel(input: ReverseFunnelInput): ReverseFunnelResult {
  validateFunnelInput(input);
  const dealsWon = ceilCount(input.revenueTargetMinor / input.averageDealSizeMinor);
  const neededByStage = new Map<string, number>([[WON_STEP, dealsWon]]);
  let next = dealsWon;
  for (let i = input.stages.length - 1; i >= 0; i--) {
    const stage = input.stages[i];
    if (!stage) continue;
    next = ceilCount(next / stage.conversionToNext);
    neededByStage.set(stage.name, next);
  }

  const shape = periodWeights(input.periods, { kind: "even" });
  const weeks = input.periods.reduce((s, p) => s + dayNumberOf(p.end) - dayNumberOf(p.start) + 1, 0) / 7;
  const step = (name: string, kind: FunnelStepKind, needed: number): FunnelStepNeed => {
    if (!Number.isSafeInteger(needed))
      throw new DomainError(
        "stages",
        `would need more ${name} than can be counted: check the conversion rates`,
      );
    const split = largestRemainder(needed, shape);
    return {
      name,
      kind,
      needed,
      perPeriod: input.periods.map((p, k) => ({ periodKey: p.key, needed: split[k] ?? 0 })),
      perPersonPerWeek: needed / input.peopleCount / weeks,
    };
  };

  const activities = (input.activityRatios ?? []).map((a) =>
    step(a.activity, "activity", ceilCount((neededByStage.get(a.perStage) ?? 0) * a.count)),
  );
  const stages = input.stages.map((s) => step(s.name, "stage", neededByStage.get(s.name) ?? 0));
  return {
    revenueTargetMinor: input.revenueTargetMinor,
    dealsWon,
    weeks,
    steps: [...activities, ...stages, step(WON_STEP, "won", dealsWon)],
  };
}

/**
 * Math.ceil, forgiving floating-point noise: 21 ÷ 0.7 is 30.000000000000004 in binary floating
 * point and must give 30, not 31. The tolerance is a few units in the last place — the error of one
 * division — so a real fraction, however small, still rounds up.
 */
export function ceilCount(x: number): number {
  const nearest = Math.round(x);
  if (Math.abs(x - nearest) <= Math.abs(x) * 8 * Number.EPSILON) return nearest;
  return Math.ceil(x);
}

function validateFunnelInput(input: ReverseFunnelInput): void {
  assertWholeAmount(input.revenueTargetMinor, "revenueTargetMinor");
  if (!Number.isSafeInteger(input.averageDealSizeMinor) || input.averageDealSizeMinor <= 0)
    throw new DomainError("averageDealSizeMinor", "must be a whole number of minor units above 0");
  if (!Number.isSafeInteger(input.peopleCount) || input.peopleCount < 1)
    throw new DomainError("peopleCount", "must be a whole number of people, at least 1");
  if (input.periods.length === 0) throw new DomainError("periods", "must not be empty");
  const names = new Set<string>([WON_STEP]);
  input.stages.forEach((s, i) => {
    if (s.name.trim().length === 0) throw new DomainError(`stages[${i}].name`, "must not be empty");
    if (names.has(s.name))
      throw new DomainError(`stages[${i}].name`, `repeats "${s.name}" (won is added after the last stage)`);
    names.add(s.name);
    const rate = s.conversionToNext;
    if (!Number.isFinite(rate) || rate <= 0 || rate > 1)
      throw new DomainError(`stages[${i}].conversionToNext`, "must be a share above 0 and at most 1");
  });
  (input.activityRatios ?? []).forEach((a, i) => {
    if (a.activity.trim().length === 0)
      throw new DomainError(`activityRatios[${i}].activity`, "must not be empty");
    if (!names.has(a.perStage))
      throw new DomainError(`activityRatios[${i}].perStage`, `must be one of the stages or "${WON_STEP}"`);
    if (!Number.isFinite(a.count) || a.count < 0)
      throw new DomainError(`activityRatios[${i}].count`, "must be a number of activities, 0 or more");
  });
}
