// Saved splits turned into API shapes: the summary, and the grid rebuilt from its milestones.
import {
  metricByKey,
  workingDaysBetween,
  type GridRow,
  type SplitSettings,
  type TargetSplit,
  type TargetSplitDetail,
} from "@oars/core";
import type { Q } from "../../db/tx";
import type { SignedInCtx } from "../../http/context";
import { AppError } from "../../http/errors";
import { loadObjectiveRow } from "../plans/objectives.service";
import { ownerNames } from "./milestones.repo";
import { orgSettings } from "./org-settings";
import { buildGrid } from "./grid-build";
import { gridPeriods } from "./split-grid";
import { gridRows } from "./split-rows";
import type { TargetSplitsTable } from "./tactics.schema";

export function presentSplit(
  r: TargetSplitsTable,
  target: number | null,
  gapToTarget: number | null,
): TargetSplit {
  return {
    id: r.id,
    tacticalPlanId: r.tactical_plan_id,
    objectiveId: r.objective_id,
    parentMilestoneId: r.parent_milestone_id,
    total: r.total,
    grandTotal: r.grand_total,
    target,
    gapToTarget: gapToTarget ?? (target ?? r.total) - r.grand_total,
    settings: JSON.parse(r.settings) as SplitSettings,
    handEdited: r.hand_edited === 1,
    milestoneCount: r.milestone_count,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** The saved grid as the editor shows it: cells from the milestones, totals and gap recomputed. */
export async function displayGrid(q: Q, ctx: SignedInCtx, r: TargetSplitsTable): Promise<TargetSplitDetail> {
  const settings = JSON.parse(r.settings) as SplitSettings;
  const start = settings.start ?? "";
  const end = settings.end ?? "";
  const { calendar } = await orgSettings(q, ctx.actor.orgId);
  const objective = await loadObjectiveRow(q, ctx.actor.orgId, r.objective_id);
  const parent = r.parent_milestone_id
    ? await q
        .selectFrom("milestones")
        .select("target")
        .where("id", "=", r.parent_milestone_id)
        .executeTakeFirst()
    : undefined;
  const target = parent ? parent.target : objective.target;
  const milestones = await q
    .selectFrom("milestones")
    .select(["owner_id", "dimension_value", "period_key", "period_start", "period_end", "target"])
    .where("split_id", "=", r.id)
    .orderBy("period_start")
    .execute();
  // Periods as saved: a calendar changed since (a new holiday) must not orphan the stored cells.
  const labels = new Map(gridPeriods(calendar, start, end, settings.grain).map((p) => [p.key, p.label]));
  const periods = [...new Map(milestones.map((m) => [m.period_key, m])).values()].map((m) => ({
    key: m.period_key,
    label: labels.get(m.period_key) ?? m.period_key,
    start: m.period_start,
    end: m.period_end,
    workingDays: workingDaysBetween(calendar, m.period_start, m.period_end),
  }));
  let rows: GridRow[];
  try {
    rows = await gridRows(q, ctx.actor.orgId, settings.rowKind, settings.rows, { start, end });
  } catch (e) {
    // Someone left or a team was archived since: still show the saved grid, with names only.
    if (!(e instanceof AppError)) throw e;
    const names = await ownerNames(
      q,
      ctx.actor.orgId,
      settings.rows.map((x) => x.id),
    );
    rows = settings.rows.map((x) => ({
      id: x.id,
      label: names.get(x.id) ?? x.label ?? x.id,
      capacityHoursPerWeek: 0,
      accountPotentialMinor: null,
      lastPeriodActual: null,
      hireDate: null,
      isNew: false,
    }));
  }
  const metricKind = objective.metric_key
    ? (metricByKey(objective.metric_key)?.kind ?? "additive")
    : "additive";
  const grid = buildGrid(
    { total: r.total, target, metricKind, settings, periods, rows, periodMethod: { kind: "even" } },
    milestones.map((m) => ({
      rowId: m.dimension_value ?? m.owner_id,
      periodKey: m.period_key,
      amount: m.target,
    })),
  );
  return { ...presentSplit(r, target, grid.gapToTarget), grid };
}
