// Where an objective will end its window: won money from the weighted open pipeline, other
// additive metrics from their run rate, never both; and whether the pipeline covers the gap.
import type { IsoDate } from "../contracts/common";
import type { WorkingDaysBetween } from "./types";

export const FORECAST_CATEGORIES = ["commit", "best_case", "pipeline"] as const;
export type ForecastCategory = (typeof FORECAST_CATEGORIES)[number];

export interface OpenDeal {
  amountMinor: number;
  /** Chance of winning, 0 to 1. */
  probability: number;
  closeDate: IsoDate;
  category: ForecastCategory;
}

/** A manager's call on a category, in minor units, up or down ("this commit will slip"). */
export interface ForecastAdjustment {
  category: ForecastCategory;
  amountMinor: number;
}

export interface CategoryForecast {
  deals: number;
  openMinor: number;
  weightedMinor: number;
  adjustmentMinor: number;
  totalMinor: number;
}

export interface PipelineForecast {
  method: "pipeline";
  actual: number;
  byCategory: Record<ForecastCategory, CategoryForecast>;
  /** Unweighted amount of the open deals closing in the rest of the window. */
  openPipelineMinor: number;
  forecast: number;
}

export interface RunRateForecast {
  method: "run_rate";
  actual: number;
  /** Null before the window's first working day: there is no rate yet. */
  runRatePerWorkingDay: number | null;
  remainingWorkingDays: number;
  forecast: number | null;
}

export type Forecast = PipelineForecast | RunRateForecast;

/** Open deals of one forecast category closing in the rest of a window, summed (by the database). */
export interface OpenPipelineSum {
  category: ForecastCategory;
  deals: number;
  openMinor: number;
  /** Σ amount × probability, unrounded. */
  weightedMinor: number;
}

/**
 * The open deals closing from today to the window's end, summed per category. A deal whose close
 * date has passed while still open is left out: its date is stale, and counting it would flatter
 * the forecast. The server sums the same way in SQL (progress/metrics.ts).
 */
export function sumOpenDeals(
  deals: readonly OpenDeal[],
  today: IsoDate,
  windowEnd: IsoDate,
): OpenPipelineSum[] {
  return FORECAST_CATEGORIES.map((category) => {
    const mine = deals.filter(
      (d) => d.category === category && d.closeDate >= today && d.closeDate <= windowEnd,
    );
    return {
      category,
      deals: mine.length,
      openMinor: mine.reduce((sum, d) => sum + d.amountMinor, 0),
      weightedMinor: mine.reduce(
        (sum, d) => sum + d.amountMinor * Math.min(1, Math.max(0, d.probability)),
        0,
      ),
    };
  });
}

/** Actual plus, per category, the weighted open pipeline, plus the manager's adjustments. */
export function pipelineForecast(input: {
  actual: number;
  open: readonly OpenPipelineSum[];
  adjustments?: readonly ForecastAdjustment[];
}): PipelineForecast {
  const forCategory = (category: ForecastCategory): CategoryForecast => {
    const sums = input.open.filter((o) => o.category === category);
    const openMinor = sums.reduce((sum, o) => sum + o.openMinor, 0);
    // Rounded once per category, so the forecast stays in whole minor units.
    const weightedMinor = Math.round(sums.reduce((sum, o) => sum + o.weightedMinor, 0));
    const adjustmentMinor = (input.adjustments ?? [])
      .filter((a) => a.category === category)
      .reduce((sum, a) => sum + a.amountMinor, 0);
    return {
      deals: sums.reduce((sum, o) => sum + o.deals, 0),
      openMinor,
      weightedMinor,
      adjustmentMinor,
      totalMinor: weightedMinor + adjustmentMinor,
    };
  };
  const byCategory = {
    commit: forCategory("commit"),
    best_case: forCategory("best_case"),
    pipeline: forCategory("pipeline"),
  };
  const categories = FORECAST_CATEGORIES.map((c) => byCategory[c]);
  return {
    method: "pipeline",
    actual: input.actual,
    byCategory,
    openPipelineMinor: categories.reduce((sum, c) => sum + c.openMinor, 0),
    forecast: input.actual + categories.reduce((sum, c) => sum + c.totalMinor, 0),
  };
}

/** Actual plus the rate so far (per working day, today included) times the working days left. */
export function runRateForecast(input: {
  actual: number;
  today: IsoDate;
  windowStart: IsoDate;
  windowEnd: IsoDate;
  workingDaysBetween: WorkingDaysBetween;
}): RunRateForecast {
  const { actual, today, windowStart, windowEnd, workingDaysBetween } = input;
  const total = workingDaysBetween(windowStart, windowEnd);
  const elapsed =
    today < windowStart ? 0 : workingDaysBetween(windowStart, today < windowEnd ? today : windowEnd);
  const remainingWorkingDays = Math.max(0, total - elapsed);
  if (elapsed <= 0)
    return { method: "run_rate", actual, runRatePerWorkingDay: null, remainingWorkingDays, forecast: null };
  const runRatePerWorkingDay = actual / elapsed;
  return {
    method: "run_rate",
    actual,
    runRatePerWorkingDay,
    remainingWorkingDays,
    forecast: actual + runRatePerWorkingDay * remainingWorkingDays,
  };
}

export interface PipelineCoverage {
  openPipelineMinor: number;
  /** Target minus actual; 0 or less once the target is reached. */
  gapMinor: number;
  /** Open pipeline over the gap; null when there is no gap left. */
  coverage: number | null;
  /** 1 ÷ win rate: at a 25% win rate, 4× the gap must be in the pipeline. Null without a win rate. */
  neededCoverage: number | null;
  /** Null when either side is unknown. */
  enough: boolean | null;
}

export function pipelineCoverage(input: {
  openPipelineMinor: number;
  target: number;
  actual: number;
  /** 0 to 1, from the org's settings or its history. */
  winRate: number | null;
}): PipelineCoverage {
  const gapMinor = input.target - input.actual;
  const coverage = gapMinor > 0 ? input.openPipelineMinor / gapMinor : null;
  const neededCoverage = input.winRate !== null && input.winRate > 0 ? 1 / Math.min(1, input.winRate) : null;
  const enough =
    gapMinor <= 0 ? true : coverage === null || neededCoverage === null ? null : coverage >= neededCoverage;
  return { openPipelineMinor: input.openPipelineMinor, gapMinor, coverage, neededCoverage, enough };
}
