// One objective's or milestone's progress in full: expected by now, pace, forecast, pipeline
// coverage, status and the reason in words, from figures the server has already summed.
import type { IsoDate } from "../contracts/common";
import { DomainError } from "../errors";
import { formatMetricValue, type MetricDefinition, type ValueFormat } from "../metrics";
import {
  pipelineCoverage,
  pipelineForecast,
  runRateForecast,
  type Forecast,
  type ForecastAdjustment,
  type OpenPipelineSum,
  type PipelineCoverage,
} from "./forecast";
import { expectedByNow, pace as paceOf, targetByPeriodEnd } from "./pace";
import { progressStatus, statusThresholds, type ProgressStatus, type StatusThresholds } from "./status";
import type { SchedulePeriod, WorkingDaysBetween } from "./types";

export interface ProgressInput {
  metric: Pick<MetricDefinition, "label" | "unit" | "kind" | "growth" | "forecast">;
  target: number;
  /** Computed over the owner's scope and the window so far (a ratio: over the window so far). */
  actual: number;
  today: IsoDate;
  /** The milestones of an additive metric, one per period; unused for a ratio. */
  schedule: readonly SchedulePeriod[];
  workingDaysBetween: WorkingDaysBetween;
  /** For a pipeline forecast: the owner's open deals closing from today to the window's end, summed. */
  openPipeline?: readonly OpenPipelineSum[];
  adjustments?: readonly ForecastAdjustment[];
  /** 0 to 1, for the coverage needed (1 ÷ win rate). */
  winRate?: number | null;
  thresholds?: Partial<StatusThresholds>;
  format?: ValueFormat;
}

export interface Progress {
  actual: number;
  target: number;
  /**
   * Share of the target reached, 0.9 = 90%; for a "down" ratio (cycle length) the target over the
   * actual, so that higher is better everywhere. Null without a meaningful target.
   */
  attainment: number | null;
  /** The attainment in percent, for the 50 / 90 / 100 % alerts (crossedMilestones). */
  percentOfTarget: number | null;
  /** Null for a ratio: it has no pace, only actual against target. */
  expected: number | null;
  pace: number | null;
  forecast: Forecast | null;
  coverage: PipelineCoverage | null;
  status: ProgressStatus;
  reason: string;
}

const percent = (share: number) => `${Math.round(share * 100)}%`;
const times = (n: number) => `${n.toLocaleString("en", { maximumFractionDigits: 1 })}×`;

export function objectiveProgress(input: ProgressInput): Progress {
  const thresholds = statusThresholds(input.thresholds);
  const { actual, target, metric } = input;
  const attainment =
    metric.growth === "up" ? (target > 0 ? actual / target : null) : actual > 0 ? target / actual : null;
  const reached = { attainment, percentOfTarget: attainment === null ? null : attainment * 100 };
  return metric.kind === "ratio"
    ? ratioProgress(input, thresholds, reached)
    : additiveProgress(input, thresholds, reached);
}

type Reached = Pick<Progress, "attainment" | "percentOfTarget">;

// Ratios are computed over a scope and never prorated: a 25% win rate is expected all along.
function ratioProgress(input: ProgressInput, thresholds: StatusThresholds, reached: Reached): Progress {
  const { actual, target, metric } = input;
  // The thresholds read attainment here as they read pace for additive metrics.
  const status = progressStatus(reached.attainment, false, thresholds);
  const fmt = (v: number) => formatMetricValue(v, metric.unit, input.format);
  const reason = `${metric.label.toLowerCase()} ${fmt(actual)} against a ${fmt(target)} target`;
  return {
    actual,
    target,
    ...reached,
    expected: null,
    pace: null,
    forecast: null,
    coverage: null,
    status,
    reason,
  };
}

function additiveProgress(input: ProgressInput, thresholds: StatusThresholds, reached: Reached): Progress {
  const { actual, target, today, schedule, metric } = input;
  const starts = schedule.map((p) => p.periodStart).sort();
  const ends = schedule.map((p) => p.periodEnd).sort();
  const windowStart = starts[0];
  const windowEnd = ends[ends.length - 1];
  if (windowStart === undefined || windowEnd === undefined) {
    throw new DomainError("schedule", "an additive metric needs at least one period to pace against");
  }
  const expected = expectedByNow(schedule, today, input.workingDaysBetween);
  const pace = paceOf(actual, expected);
  let forecast: Forecast | null = null;
  let coverage: PipelineCoverage | null = null;
  if (metric.forecast === "pipeline") {
    const money = pipelineForecast({
      actual,
      open: input.openPipeline ?? [],
      adjustments: input.adjustments,
    });
    forecast = money;
    coverage = pipelineCoverage({
      openPipelineMinor: money.openPipelineMinor,
      target,
      actual,
      winRate: input.winRate ?? null,
    });
  } else if (metric.forecast === "run_rate") {
    forecast = runRateForecast({
      actual,
      today,
      windowStart,
      windowEnd,
      workingDaysBetween: input.workingDaysBetween,
    });
  }
  const foreseen = forecast?.forecast ?? null;
  const forecastBelowTarget = foreseen !== null && foreseen < target;
  const status = actual >= target ? "on_track" : progressStatus(pace, forecastBelowTarget, thresholds);

  const fmt = (v: number) => formatMetricValue(v, metric.unit, input.format);
  // Counts read "12 of 20 meetings", "12 more meetings": the noun once, after the numbers.
  const bare = (v: number) => formatMetricValue(v, metric.unit, { ...input.format, unitLabel: undefined });
  const label = metric.unit === "count" && input.format?.unitLabel ? ` ${input.format.unitLabel}` : "";
  const of = (part: number, whole: number) => `${bare(part)} of ${fmt(whole)}`;
  // "Needs n more" rounds up: 11.2 meetings still take 12.
  const roundUp = (v: number) => Math.ceil(v - 1e-9);
  const parts: string[] = [];
  if (actual >= target) {
    parts.push(`target reached: ${of(actual, target)}`);
  } else if (pace === null) {
    parts.push(today < windowStart ? `starts ${windowStart}; nothing expected yet` : "nothing expected yet");
  } else if (pace >= thresholds.onTrackPace) {
    parts.push(`on pace: ${of(actual, expected)} expected by now (${percent(pace)})`);
  } else {
    const due = targetByPeriodEnd(schedule, today);
    const needed = due === null ? 0 : roundUp(due.target - actual);
    parts.push(
      needed > 0 && due !== null
        ? `${percent(pace)} of pace: needs ${bare(needed)} more${label} by ${due.periodEnd}`
        : `${percent(pace)} of pace: ${of(actual, expected)} expected by now`,
    );
  }
  if (
    actual < target &&
    coverage?.enough === false &&
    coverage.coverage !== null &&
    coverage.neededCoverage !== null
  ) {
    parts.push(
      `pipeline covers ${times(coverage.coverage)} the gap; ${times(coverage.neededCoverage)} needed`,
    );
  } else if (actual < target && forecastBelowTarget && foreseen !== null) {
    const how = forecast?.method === "run_rate" ? "at the current rate it ends at" : "forecast";
    parts.push(`${how} ${of(Math.round(foreseen), target)}`);
  }
  return {
    actual,
    target,
    ...reached,
    expected,
    pace,
    forecast,
    coverage,
    status,
    reason: parts.join("; "),
  };
}
