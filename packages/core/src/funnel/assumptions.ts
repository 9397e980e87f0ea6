// Checking a plan's funnel assumptions against history: a plan that expects a 35 % win rate when
// the team has won 22 % is flagged before anyone commits to it (a plan check in DESIGN).
import { DomainError } from "../errors";
import type { LearnedFigure } from "./learn-rates";
import type { FunnelStage } from "./reverse-funnel";

export interface FunnelAssumptions {
  stages?: readonly FunnelStage[];
  /** Defaults to the product of the stage conversions when stages are given. */
  winRate?: number;
  averageDealSizeMinor?: number;
  cycleLengthDays?: number;
}

/** The learned figures compared against; learnFunnelRates and withFallback both fit. */
export interface HistoricalFunnel {
  stages: readonly { name: string; conversionToNext: LearnedFigure }[];
  winRate: LearnedFigure;
  averageDealSizeMinor: LearnedFigure;
  cycleLengthDays: LearnedFigure;
}

export type AssumptionKind = "winRate" | "averageDealSizeMinor" | "cycleLengthDays" | "stageConversion";

export interface AssumptionGap {
  assumption: AssumptionKind;
  /** For a stage conversion: which stage. */
  stage?: string;
  planned: number;
  historical: number;
  /** |planned − historical| ÷ historical; null when history is 0. */
  relativeGap: number | null;
  sampleSize: number;
  /** "optimistic": the plan expects better than history (higher rates or deals, shorter cycles). */
  direction: "optimistic" | "pessimistic";
  message: string;
}

export interface CompareAssumptionsOptions {
  /** Flag when the relative gap exceeds this; default 0.25 (25 %). */
  relativeGapThreshold?: number;
  /** Ignore history thinner than this many deals; default 20. */
  minSampleSize?: number;
}

export function compareAssumptions(
  plan: FunnelAssumptions,
  learned: HistoricalFunnel,
  options: CompareAssumptionsOptions = {},
): AssumptionGap[] {
  const threshold = options.relativeGapThreshold ?? 0.25;
  const minSample = options.minSampleSize ?? 20;
  if (!Number.isFinite(threshold) || threshold < 0)
    throw new DomainError("relativeGapThreshold", "must be a share, 0 or more");
  if (!Number.isSafeInteger(minSample) || minSample < 1)
    throw new DomainError("minSampleSize", "must be a whole number of deals, at least 1");

  const gaps: AssumptionGap[] = [];
  const check = (
    assumption: AssumptionKind,
    planned: number | undefined,
    history: LearnedFigure,
    stage?: string,
  ) => {
    if (planned === undefined || history.value === null || history.sampleSize < minSample) return;
    const historical = history.value;
    if (planned === historical) return;
    const relativeGap = historical === 0 ? null : Math.abs(planned - historical) / historical;
    if (relativeGap !== null && relativeGap <= threshold) return;
    const higherIsBetter = assumption !== "cycleLengthDays";
    const direction = planned > historical === higherIsBetter ? "optimistic" : "pessimistic";
    const gap: AssumptionGap = {
      assumption,
      planned,
      historical,
      relativeGap,
      sampleSize: history.sampleSize,
      direction,
      message: describe(assumption, planned, historical, relativeGap, history.sampleSize, stage),
    };
    gaps.push(stage === undefined ? gap : { ...gap, stage });
  };

  const plannedWinRate =
    plan.winRate ??
    (plan.stages && plan.stages.length > 0 ? product(plan.stages.map((s) => s.conversionToNext)) : undefined);
  check("winRate", plannedWinRate, learned.winRate);
  check("averageDealSizeMinor", plan.averageDealSizeMinor, learned.averageDealSizeMinor);
  check("cycleLengthDays", plan.cycleLengthDays, learned.cycleLengthDays);
  const historyByStage = new Map(learned.stages.map((s) => [s.name, s.conversionToNext]));
  for (const s of plan.stages ?? []) {
    const history = historyByStage.get(s.name);
    if (history) check("stageConversion", s.conversionToNext, history, s.name);
  }
  return gaps;
}

function product(xs: readonly number[]): number {
  return xs.reduce((p, x) => p * x, 1);
}

const percent = (x: number) => `${Math.round(x * 100)} %`;

function describe(
  assumption: AssumptionKind,
  planned: number,
  historical: number,
  relativeGap: number | null,
  sampleSize: number,
  stage: string | undefined,
): string {
  const history = `history (${sampleSize} deals)`;
  switch (assumption) {
    case "winRate":
      return `Plan win rate ${percent(planned)} vs ${percent(historical)} in ${history}`;
    case "stageConversion":
      return `Plan conversion from ${stage ?? "stage"} ${percent(planned)} vs ${percent(historical)} in ${history}`;
    case "cycleLengthDays":
      return `Plan sales cycle ${Math.round(planned)} days vs ${Math.round(historical)} days in ${history}`;
    case "averageDealSizeMinor": {
      const how =
        relativeGap === null
          ? "above zero"
          : `${percent(relativeGap)} ${planned > historical ? "above" : "below"}`;
      return `Plan average deal size is ${how} the average in ${history}`;
    }
  }
}
