// Learning funnel assumptions from the org's own deal history — stage conversion, win rate,
// average deal size, cycle length — each with the sample size that says how far to trust it.
import { dayNumberOf } from "../calendar/dates";
import { DomainError } from "../errors";

export interface DealHistory {
  dealId: string;
  ownerId: string;
  teamId: string | null;
  /** Stages the deal entered; order does not matter, only the furthest stage reached does. */
  stageChanges: readonly { stage: string; at: string }[];
  outcome: "won" | "lost" | "open";
  /** ISO date, or an instant whose UTC date is taken. */
  createdAt: string;
  /** Needed for won and lost deals. */
  closedAt: string | null;
  amountMinor: number;
}

export interface LearnedFigure {
  /** null when the sample is empty. */
  value: number | null;
  sampleSize: number;
}

export interface LearnedFunnelRates {
  stages: { name: string; conversionToNext: LearnedFigure }[];
  winRate: LearnedFigure;
  averageDealSizeMinor: LearnedFigure;
  cycleLengthDays: LearnedFigure;
  dealCount: number;
}

/**
 * Which deals count: won and lost deals closed inside the window, and open deals created inside it.
 * A deal converts at every stage from the first it was seen in up to the furthest it reached; a lost
 * deal is lost at that furthest stage; an open deal has not exited its current stage yet, so it adds
 * nothing there (counting it as lost would bias rates down). Deals without stage history count by
 * final outcome: won passes every stage, lost is lost at the first — so the stage rates multiply
 * to the win rate. Cycle length and average deal size are over won deals.
 */
export function learnFunnelRates(
  history: readonly DealHistory[],
  stages: readonly string[],
  window: { start: string; end: string },
  scope: { ownerId?: string; teamId?: string } = {},
): LearnedFunnelRates {
  if (new Set(stages).size !== stages.length) throw new DomainError("stages", "must not repeat a stage");
  const startDn = dayNumberOf(window.start, "window.start");
  const endDn = dayNumberOf(window.end, "window.end");
  if (endDn < startDn) throw new DomainError("window.end", "must not be before the start");
  const stageIndex = new Map(stages.map((s, i) => [s, i]));
  const converted = stages.map(() => 0);
  const lost = stages.map(() => 0);
  let won = 0;
  let lostDeals = 0;
  let wonAmountMinor = 0;
  let wonCycleDays = 0;
  let dealCount = 0;

  history.forEach((deal, i) => {
    if (scope.ownerId !== undefined && deal.ownerId !== scope.ownerId) return;
    if (scope.teamId !== undefined && deal.teamId !== scope.teamId) return;
    const createdDn = dayNumberOf(dateOf(deal.createdAt), `history[${i}].createdAt`);
    let closedDn = Number.NaN;
    if (deal.outcome === "open") {
      if (createdDn < startDn || createdDn > endDn) return;
    } else {
      if (deal.closedAt === null)
        throw new DomainError(`history[${i}].closedAt`, `is needed for a ${deal.outcome} deal`);
      closedDn = dayNumberOf(dateOf(deal.closedAt), `history[${i}].closedAt`);
      if (closedDn < startDn || closedDn > endDn) return;
    }
    dealCount++;

    const reached = deal.stageChanges.map((c) => stageIndex.get(c.stage)).filter((x) => x !== undefined);
    const first = reached.length > 0 ? Math.min(...reached) : 0;
    const furthest = reached.length > 0 ? Math.max(...reached) : -1;
    if (deal.outcome === "won") {
      for (let s = first; s < stages.length; s++) converted[s] = (converted[s] ?? 0) + 1;
      won++;
      if (!Number.isSafeInteger(deal.amountMinor) || deal.amountMinor < 0)
        throw new DomainError(
          `history[${i}].amountMinor`,
          "must be a whole, non-negative number of minor units",
        );
      wonAmountMinor += deal.amountMinor;
      wonCycleDays += Math.max(0, closedDn - createdDn);
      return;
    }
    for (let s = first; s < furthest; s++) converted[s] = (converted[s] ?? 0) + 1;
    if (deal.outcome === "lost") {
      lostDeals++;
      const lostAt = Math.max(furthest, 0);
      if (lostAt < stages.length) lost[lostAt] = (lost[lostAt] ?? 0) + 1;
    }
  });

  return {
    stages: stages.map((name, s) => {
      const exits = (converted[s] ?? 0) + (lost[s] ?? 0);
      return { name, conversionToNext: figure(converted[s] ?? 0, exits) };
    }),
    winRate: figure(won, won + lostDeals),
    averageDealSizeMinor: won > 0 ? { value: Math.round(wonAmountMinor / won), sampleSize: won } : empty(),
    cycleLengthDays: figure(wonCycleDays, won),
    dealCount,
  };
}

/** An instant "2026-03-01T10:00:00Z" becomes its UTC date; a date stays as it is. */
function dateOf(dateOrInstant: string): string {
  return dateOrInstant.length > 10 && dateOrInstant[10] === "T" ? dateOrInstant.slice(0, 10) : dateOrInstant;
}

function figure(numerator: number, sampleSize: number): LearnedFigure {
  return sampleSize > 0 ? { value: numerator / sampleSize, sampleSize } : empty();
}

function empty(): LearnedFigure {
  return { value: null, sampleSize: 0 };
}
