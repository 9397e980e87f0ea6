// What a deal's stage implies: its status (the stage's kind), its probability and forecast
// category, and what moving to a won or lost stage asks for (the day it closed, why it was lost).
import type { DealForecastCategory } from "@oars/core";
import { invalid } from "../../http/errors";
import type { DealStatus, PipelineStagesTable } from "./crm.schema";

export interface StageInput {
  stageId?: string | undefined;
  probability?: number | undefined;
  forecastCategory?: DealForecastCategory | undefined;
  closeDate?: string | undefined;
  lostReason?: string | null | undefined;
}

export interface StageOutcome {
  stage: PipelineStagesTable;
  status: DealStatus;
  probability: number;
  forecastCategory: DealForecastCategory;
  lostReason: string | null;
  stageChanged: boolean;
}

/** A stage a deal may move into: this org's, and not archived unless it is already there. */
export function pickStage(
  stages: PipelineStagesTable[],
  stageId: string | undefined,
  current: string | null,
): PipelineStagesTable {
  if (stageId === undefined) {
    const here = stages.find((s) => s.id === current);
    if (here) return here;
    const first = stages.find((s) => s.kind === "open" && s.archived_at === null);
    if (!first) throw invalid("stageId", "the pipeline has no open stage");
    return first;
  }
  const stage = stages.find((s) => s.id === stageId);
  if (!stage) throw invalid("stageId", "must be a stage of this organisation's pipeline");
  if (stage.archived_at !== null && stageId !== current) throw invalid("stageId", "is archived");
  return stage;
}

/**
 * The stage-derived fields after a create (`before` null) or an update. Closed deals take the
 * stage's probability and the closed category; reopening clears the lost reason.
 */
export function stageOutcome(
  stages: PipelineStagesTable[],
  input: StageInput,
  before: {
    stage_id: string;
    probability: number;
    forecast_category: DealForecastCategory;
    lost_reason: string | null;
  } | null,
): StageOutcome {
  const stage = pickStage(stages, input.stageId, before?.stage_id ?? null);
  const stageChanged = before === null || stage.id !== before.stage_id;
  const status = stage.kind;
  if (status !== "open" && stageChanged && before !== null && input.closeDate === undefined)
    throw invalid("closeDate", `is required when a deal moves to a ${status} stage: the day it closed`);
  const lostReason =
    status === "lost" ? (input.lostReason ?? (stageChanged ? null : (before?.lost_reason ?? null))) : null;
  if (status === "lost" && !lostReason) throw invalid("lostReason", "is required when a deal is lost");
  if (status !== "open") {
    if (input.forecastCategory !== undefined && input.forecastCategory !== "closed")
      throw invalid("forecastCategory", "a won or lost deal is in the closed category");
    return {
      stage,
      status,
      probability: stage.probability,
      forecastCategory: "closed",
      lostReason,
      stageChanged,
    };
  }
  if (input.forecastCategory === "closed")
    throw invalid("forecastCategory", "closed is for won and lost deals");
  const keep = before !== null && !stageChanged;
  return {
    stage,
    status,
    probability: input.probability ?? (keep ? before.probability : stage.probability),
    forecastCategory:
      input.forecastCategory ??
      (keep && before.forecast_category !== "closed" ? before.forecast_category : stage.forecast_category),
    lostReason,
    stageChanged,
  };
}
