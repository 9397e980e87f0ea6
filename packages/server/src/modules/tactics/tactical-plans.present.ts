// Tactical plan rows turned into API shapes, with the objectives they serve.
import type { TacticalPlan } from "@oars/core";
import type { Q } from "../../db/tx";
import { chunked, group } from "./actions.repo";
import type { TacticalPlansTable } from "./tactics.schema";

export function presentTacticalPlan(
  r: TacticalPlansTable,
  extra: { objectiveIds: string[]; strategicPlanTitle: string; canEdit: boolean },
): TacticalPlan {
  return {
    id: r.id,
    strategicPlanId: r.strategic_plan_id,
    strategicPlanTitle: extra.strategicPlanTitle,
    title: r.title,
    ownerType: r.owner_type,
    ownerId: r.owner_id,
    periodKind: r.period_kind,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    status: r.status,
    objectiveIds: extra.objectiveIds,
    copiedFromId: r.copied_from_id,
    canEdit: extra.canEdit,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** The served objectives of many plans at once, in the order the strategic plan lists them. */
export async function servedObjectives(
  q: Q,
  tacticalPlanIds: readonly string[],
): Promise<Map<string, string[]>> {
  const rows = await chunked(tacticalPlanIds, (part) =>
    q
      .selectFrom("tactical_plan_objectives as tpo")
      .innerJoin("objectives as o", "o.id", "tpo.objective_id")
      .select(["tpo.tactical_plan_id", "tpo.objective_id"])
      .where("tpo.tactical_plan_id", "in", part)
      .orderBy("o.created_at")
      .orderBy("o.id")
      .execute(),
  );
  const byPlan = group(rows, (r) => r.tactical_plan_id);
  return new Map(tacticalPlanIds.map((id) => [id, (byPlan.get(id) ?? []).map((r) => r.objective_id)]));
}
