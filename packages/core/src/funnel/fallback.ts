// A person's own funnel figures when they have enough history, their team's otherwise — so a new
// rep plans with the team's rates instead of three lucky deals.
import { DomainError } from "../errors";
import type { LearnedFigure, LearnedFunnelRates } from "./learn-rates";

export interface FigureWithSource extends LearnedFigure {
  /** Whose history the figure comes from; "none" when neither has any. */
  source: "person" | "team" | "none";
}

export interface FunnelRatesWithFallback {
  stages: { name: string; conversionToNext: FigureWithSource }[];
  winRate: FigureWithSource;
  averageDealSizeMinor: FigureWithSource;
  cycleLengthDays: FigureWithSource;
}

/**
 * Figure by figure: the person's when its sample reaches minSample; otherwise whichever of the two
 * has the larger sample (the team's, almost always). Stages are matched by name, in the person's order.
 */
export function withFallback(
  personRates: LearnedFunnelRates,
  teamRates: LearnedFunnelRates,
  minSample: number,
): FunnelRatesWithFallback {
  if (!Number.isSafeInteger(minSample) || minSample < 1)
    throw new DomainError("minSample", "must be a whole number of deals, at least 1");
  const pick = (person: LearnedFigure, team: LearnedFigure | undefined): FigureWithSource => {
    if (person.value !== null && person.sampleSize >= minSample) return { ...person, source: "person" };
    if (team && team.value !== null && team.sampleSize >= person.sampleSize)
      return { ...team, source: "team" };
    if (person.value !== null) return { ...person, source: "person" };
    return { value: null, sampleSize: 0, source: "none" };
  };
  const teamStages = new Map(teamRates.stages.map((s) => [s.name, s.conversionToNext]));
  return {
    stages: personRates.stages.map((s) => ({
      name: s.name,
      conversionToNext: pick(s.conversionToNext, teamStages.get(s.name)),
    })),
    winRate: pick(personRates.winRate, teamRates.winRate),
    averageDealSizeMinor: pick(personRates.averageDealSizeMinor, teamRates.averageDealSizeMinor),
    cycleLengthDays: pick(personRates.cycleLengthDays, teamRates.cycleLengthDays),
  };
}
