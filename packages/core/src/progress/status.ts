// On track, at risk or off track, from pace and forecast; and the crossings (50 / 90 / 100 %,
// a slip in status) that tell people about a goal.
import { DomainError } from "../errors";

export type ProgressStatus = "on_track" | "at_risk" | "off_track";

export interface StatusThresholds {
  /** At or above this pace (actual ÷ expected) a goal is on track, unless its forecast falls short. */
  onTrackPace: number;
  /** Below this pace a goal is off track; between the two it is at risk. */
  offTrackPace: number;
}

export const DEFAULT_STATUS_THRESHOLDS: StatusThresholds = { onTrackPace: 0.95, offTrackPace: 0.8 };

/** Org settings may override either threshold; one that would put off track above on track is refused. */
export function statusThresholds(overrides: Partial<StatusThresholds> = {}): StatusThresholds {
  const t = { ...DEFAULT_STATUS_THRESHOLDS, ...overrides };
  if (!(t.offTrackPace >= 0) || !(t.offTrackPace <= t.onTrackPace)) {
    throw new DomainError("offTrackPace", "must be between 0 and onTrackPace");
  }
  return t;
}

/**
 * Pace (or, for a ratio, attainment) against the thresholds. With nothing expected yet (pace null)
 * only a forecast short of the target can raise a doubt.
 */
export function progressStatus(
  pace: number | null,
  forecastBelowTarget: boolean,
  thresholds: StatusThresholds = DEFAULT_STATUS_THRESHOLDS,
): ProgressStatus {
  if (pace !== null && pace < thresholds.offTrackPace) return "off_track";
  if (pace !== null && pace < thresholds.onTrackPace) return "at_risk";
  return forecastBelowTarget ? "at_risk" : "on_track";
}

const RANK: Record<ProgressStatus, number> = { on_track: 2, at_risk: 1, off_track: 0 };

/** True when a goal got worse (on track → at risk, at risk → off track...): worth telling its owner. */
export function statusSlipped(previous: ProgressStatus, next: ProgressStatus): boolean {
  return RANK[next] < RANK[previous];
}

export const PROGRESS_ALERT_PERCENTS = [50, 90, 100] as const;

/** The percent-of-target marks passed going up from `prevPct` to `nextPct`, lowest first. */
export function crossedMilestones(
  prevPct: number,
  nextPct: number,
  marks: readonly number[] = PROGRESS_ALERT_PERCENTS,
): number[] {
  return marks.filter((mark) => prevPct < mark && mark <= nextPct).sort((a, b) => a - b);
}
