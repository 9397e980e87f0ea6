// Writing a computed grid as milestones: replaces the split's milestones in bulk (keeping the ids of
// cells that stay, so parts split further keep their parent) and records the split's settings.
// Runs inside the caller's transaction; the service, the demo seed and the benchmark share it.
import type { SplitSettings, TargetGridResult } from "@oars/core";
import { newId } from "../../db/ids";
import type { Q } from "../../db/tx";
import { updateVersioned } from "../../db/versioned";
import { conflict, invalid, notFound } from "../../http/errors";
import type { FastPath } from "../crm/import/upsert";
import { insertMilestones, milestonesWithChildren } from "./milestones.repo";
import type { MilestonesTable, TacticalPlansTable, TargetSplitsTable } from "./tactics.schema";

export const splitKey = (objectiveId: string, parentMilestoneId: string | null) =>
  `${objectiveId}|${parentMilestoneId ?? ""}`;

export async function savedSplitRow(q: Q, tacticalPlanId: string, key: string) {
  return q
    .selectFrom("target_splits")
    .selectAll()
    .where("tactical_plan_id", "=", tacticalPlanId)
    .where("split_key", "=", key)
    .executeTakeFirst();
}

export interface StoreSplit {
  plan: TacticalPlansTable;
  objectiveId: string;
  parent: Pick<MilestonesTable, "id" | "owner_type" | "owner_id"> | null;
  /** Start and end filled in. */
  settings: SplitSettings & { start: string; end: string };
  grid: TargetGridResult;
  handEdited: boolean;
  /** The saved split's version when replacing it. */
  version?: number;
  /** The engine's bulk-insert fast path, when the caller has the Db (the API, the benchmark). */
  fast?: FastPath | null;
}

export async function storeSplit(
  q: Q,
  s: StoreSplit,
): Promise<{ split: TargetSplitsTable; replaced: TargetSplitsTable | null }> {
  const { plan, settings, grid } = s;
  const orgId = plan.org_id;
  const key = splitKey(s.objectiveId, s.parent?.id ?? null);
  const existing = await savedSplitRow(q, plan.id, key);
  if (existing && s.version === undefined)
    throw conflict("This objective is already split in this plan: send the split's version to replace it");
  const now = new Date().toISOString();
  const splitId = existing?.id ?? newId();
  const cellKey = (rowId: string, periodKey: string) => `${rowId}|${periodKey}`;
  const keptIds = new Map<string, string>();
  if (existing) {
    const old = await q
      .selectFrom("milestones")
      .select(["id", "owner_id", "dimension_value", "period_key"])
      .where("split_id", "=", existing.id)
      .execute();
    for (const m of old) keptIds.set(cellKey(m.dimension_value ?? m.owner_id, m.period_key), m.id);
    const wanted = new Set(grid.cells.map((c) => cellKey(c.rowId, c.periodKey)));
    const dropped = [...keptIds].filter(([k]) => !wanted.has(k)).map(([, id]) => id);
    if ((await milestonesWithChildren(q, dropped)).size > 0)
      throw invalid(
        "settings.rows",
        "a milestone this change removes is split further: delete that split first",
      );
    await q.deleteFrom("milestones").where("split_id", "=", existing.id).execute();
  }
  // Segment, product and new-vs-existing rows are parts of the owner's target, not other owners.
  const dimension = settings.rowKind === "person" || settings.rowKind === "team" ? null : settings.rowKind;
  const owner = s.parent
    ? { type: s.parent.owner_type, id: s.parent.owner_id }
    : { type: plan.owner_type, id: plan.owner_id };
  const periodOf = new Map(grid.periods.map((p) => [p.key, p]));
  const rows: MilestonesTable[] = grid.cells.map((c) => {
    const period = periodOf.get(c.periodKey);
    return {
      id: keptIds.get(cellKey(c.rowId, c.periodKey)) ?? newId(),
      org_id: orgId,
      tactical_plan_id: plan.id,
      split_id: splitId,
      objective_id: s.objectiveId,
      parent_milestone_id: s.parent?.id ?? null,
      owner_type: dimension ? owner.type : settings.rowKind === "team" ? "team" : "person",
      owner_id: dimension ? owner.id : c.rowId,
      dimension_kind: dimension,
      dimension_value: dimension ? c.rowId : null,
      period_key: c.periodKey,
      period_start: period?.start ?? settings.start,
      period_end: period?.end ?? settings.end,
      target: c.amount,
      version: 1,
      created_at: now,
      updated_at: now,
    };
  });
  const fields = {
    total: grid.total,
    grand_total: grid.grandTotal,
    settings: JSON.stringify(settings),
    hand_edited: s.handEdited ? (1 as const) : (0 as const),
    milestone_count: rows.length,
  };
  if (existing) {
    await updateVersioned(
      q,
      "target_splits",
      { id: existing.id, orgId, version: s.version ?? 0 },
      fields,
      "Split",
    );
  } else {
    const split: TargetSplitsTable = {
      id: splitId,
      org_id: orgId,
      tactical_plan_id: plan.id,
      objective_id: s.objectiveId,
      parent_milestone_id: s.parent?.id ?? null,
      split_key: key,
      ...fields,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await q.insertInto("target_splits").values(split).execute();
  }
  // The split row exists before its milestones point at it (a foreign key on PostgreSQL).
  await insertMilestones(q, rows, s.fast ?? null);
  const saved = await savedSplitRow(q, plan.id, key);
  if (!saved) throw notFound("Split");
  return { split: saved, replaced: existing ?? null };
}
