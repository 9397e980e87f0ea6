// Target segmentation: the grid editor's setup, previews, and saving a split as milestones — one
// per row and period, written in bulk in one transaction with the split's settings beside them.
import type {
  Milestone,
  MilestoneQuery,
  SplitSave,
  SplitSetup,
  SplitSetupQuery,
  TargetGridResult,
  TargetSplit,
  TargetSplitDetail,
} from "@oars/core";
import type { Q } from "../../db/tx";
import type { SignedInCtx } from "../../http/context";
import { conflict, invalid, notFound } from "../../http/errors";
import { recordAudit } from "../audit/audit.record";
import { milestonesWithChildren, ownerNames, presentMilestone } from "./milestones.repo";
import { orgSettings } from "./org-settings";
import { buildGrid, withRequestFields } from "./grid-build";
import { corePeriodMethod, gridPeriods, learnedSeasonality, resolveSplitTarget } from "./split-grid";
import { defaultRowKind, defaultRowRequests, gridRows } from "./split-rows";
import { displayGrid, presentSplit } from "./splits.present";
import { savedSplitRow, splitKey, storeSplit } from "./splits.store";
import { orNull, readTactical, writeTactical, type TacticalAccess } from "./tactical-access";

async function computeGrid(q: Q, ctx: SignedInCtx, access: TacticalAccess, body: SplitSave) {
  const { calendar } = await orgSettings(q, ctx.actor.orgId);
  const target = await resolveSplitTarget(q, ctx, access.row, body.objectiveId, body.parentMilestoneId);
  const total = body.total ?? target.total;
  if (total === null)
    throw invalid("total", "the objective has no target yet: set one, or give a total to split");
  const settings = {
    ...body.settings,
    start: body.settings.start ?? target.defaultRange.start,
    end: body.settings.end ?? target.defaultRange.end,
  };
  if (settings.end < settings.start) throw invalid("settings.end", "must not be before settings.start");
  const periods = withRequestFields(() =>
    gridPeriods(calendar, settings.start, settings.end, settings.grain),
  );
  const rows = await gridRows(q, ctx.actor.orgId, settings.rowKind, settings.rows, settings);
  const periodMethod = await corePeriodMethod(settings.periodMethod, calendar, () =>
    learnedSeasonality(q, access.row, calendar, settings.start),
  );
  const grid = withRequestFields(() =>
    buildGrid(
      { total, target: target.target, metricKind: target.metricKind, settings, periods, rows, periodMethod },
      body.cells,
    ),
  );
  return { target, settings, grid, periods };
}

export async function previewSplit(
  ctx: SignedInCtx,
  tacticalPlanId: string,
  body: SplitSave,
): Promise<TargetGridResult> {
  const access = await readTactical(ctx.db.k, ctx, tacticalPlanId);
  return (await computeGrid(ctx.db.k, ctx, access, body)).grid;
}

export async function saveSplit(
  ctx: SignedInCtx,
  tacticalPlanId: string,
  body: SplitSave,
): Promise<TargetSplit> {
  return ctx.db.k.transaction().execute(async (tx) => {
    const access = await writeTactical(tx, ctx, tacticalPlanId);
    const { target, settings, grid } = await computeGrid(tx, ctx, access, body);
    const { split, replaced } = await storeSplit(tx, {
      plan: access.row,
      objectiveId: body.objectiveId,
      parent: target.parent,
      settings,
      grid,
      handEdited: body.cells !== undefined,
      version: body.version,
      fast: { engine: ctx.db.engine, sqlite: ctx.db.sqlite },
    });
    const result = presentSplit(split, target.target, grid.gapToTarget);
    // One audit entry per save with the totals; the cells are in the table, not copied into the log.
    await recordAudit(tx, ctx, ctx.actor.orgId, {
      entity: "target_split",
      entityId: split.id,
      action: replaced ? "update" : "create",
      before: replaced
        ? { total: replaced.total, grandTotal: replaced.grand_total, milestones: replaced.milestone_count }
        : undefined,
      after: { ...result, settings: { ...result.settings, rows: result.settings.rows.length } },
    });
    return result;
  });
}

async function loadSplit(q: Q, ctx: SignedInCtx, id: string) {
  const row = await q
    .selectFrom("target_splits")
    .selectAll()
    .where("org_id", "=", ctx.actor.orgId)
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) throw notFound("Split");
  const access = await orNull(readTactical(q, ctx, row.tactical_plan_id));
  if (!access) throw notFound("Split");
  return { row, access };
}

export async function getSplit(ctx: SignedInCtx, id: string): Promise<TargetSplitDetail> {
  const { row } = await loadSplit(ctx.db.k, ctx, id);
  return displayGrid(ctx.db.k, ctx, row);
}

export async function listSplits(ctx: SignedInCtx, tacticalPlanId: string): Promise<TargetSplit[]> {
  await readTactical(ctx.db.k, ctx, tacticalPlanId);
  const rows = await ctx.db.k
    .selectFrom("target_splits")
    .selectAll()
    .where("tactical_plan_id", "=", tacticalPlanId)
    .orderBy("created_at")
    .execute();
  return rows.map((r) => presentSplit(r, null, null));
}

export async function deleteSplit(ctx: SignedInCtx, id: string, version: number): Promise<void> {
  await ctx.db.k.transaction().execute(async (tx) => {
    const { row } = await loadSplit(tx, ctx, id);
    await writeTactical(tx, ctx, row.tactical_plan_id);
    if (row.version !== version) throw conflict();
    const ids = (await tx.selectFrom("milestones").select("id").where("split_id", "=", id).execute()).map(
      (m) => m.id,
    );
    if ((await milestonesWithChildren(tx, ids)).size > 0)
      throw invalid("id", "its milestones are split further: delete those splits first");
    await tx.deleteFrom("milestones").where("split_id", "=", id).execute();
    await tx.deleteFrom("target_splits").where("id", "=", id).execute();
    await recordAudit(tx, ctx, ctx.actor.orgId, {
      entity: "target_split",
      entityId: id,
      action: "delete",
      before: presentSplit(row, null, null),
    });
  });
}

export async function splitSetup(
  ctx: SignedInCtx,
  tacticalPlanId: string,
  query: SplitSetupQuery,
): Promise<SplitSetup> {
  const q = ctx.db.k;
  const access = await readTactical(q, ctx, tacticalPlanId);
  const { calendar, currency } = await orgSettings(q, ctx.actor.orgId);
  const target = await resolveSplitTarget(
    q,
    ctx,
    access.row,
    query.objectiveId,
    query.parentMilestoneId ?? null,
  );
  const savedRow = await savedSplitRow(
    q,
    tacticalPlanId,
    splitKey(query.objectiveId, query.parentMilestoneId ?? null),
  );
  const saved = savedRow ? await displayGrid(q, ctx, savedRow) : null;
  const rowKind = query.rowKind ?? saved?.settings.rowKind ?? (await defaultRowKind(q, access.row));
  const start = saved?.settings.start ?? target.defaultRange.start;
  const end = saved?.settings.end ?? target.defaultRange.end;
  const grain = query.grain ?? saved?.settings.grain ?? (rowKind === "team" ? "quarter" : "month");
  const requests =
    saved && saved.settings.rowKind === rowKind
      ? saved.settings.rows
      : await defaultRowRequests(q, access.row, rowKind);
  const rows = await gridRows(q, ctx.actor.orgId, rowKind, requests, { start, end });
  const seasonality = await learnedSeasonality(q, access.row, calendar, start);
  const parentOptions = await parentMilestoneOptions(
    q,
    ctx,
    access,
    target.objective.id,
    target.objective.parent_objective_id,
  );
  const names = await ownerNames(q, ctx.actor.orgId, target.parent ? [target.parent.owner_id] : []);
  return {
    objective: {
      id: target.objective.id,
      title: target.objective.title,
      target: target.objective.target,
      metricKind: target.metricKind,
      unit: target.objective.unit,
      startDate: target.objective.start_date,
      dueDate: target.objective.due_date,
    },
    currency,
    parent: target.parent ? presentMilestone(target.parent, names.get(target.parent.owner_id) ?? "") : null,
    parentOptions,
    total: target.total,
    start,
    end,
    rowKind,
    grain,
    calendar: { ...calendar, workingDays: [...calendar.workingDays], holidays: [...calendar.holidays] },
    rows,
    seasonality: {
      byCalendarMonth: seasonality.byCalendarMonth,
      yearsOfHistory: seasonality.yearsOfHistory,
      source: seasonality.source,
    },
    saved,
  };
}

/** Milestones this plan's owner may split further: theirs, of this objective or the one above it. */
async function parentMilestoneOptions(
  q: Q,
  ctx: SignedInCtx,
  access: TacticalAccess,
  objectiveId: string,
  parentObjectiveId: string | null,
): Promise<Milestone[]> {
  const objectiveIds = parentObjectiveId ? [objectiveId, parentObjectiveId] : [objectiveId];
  const rows = await q
    .selectFrom("milestones")
    .selectAll()
    .where("org_id", "=", ctx.actor.orgId)
    .where("objective_id", "in", objectiveIds)
    .where("owner_id", "=", access.row.owner_id)
    .where("dimension_kind", "is", null)
    .where("tactical_plan_id", "!=", access.row.id)
    .orderBy("period_start")
    .limit(200)
    .execute();
  const names = await ownerNames(q, ctx.actor.orgId, [access.row.owner_id]);
  return rows.map((r) => presentMilestone(r, names.get(r.owner_id) ?? ""));
}

export async function listMilestones(ctx: SignedInCtx, query: MilestoneQuery): Promise<Milestone[]> {
  const q = ctx.db.k;
  if (!query.tacticalPlanId && !query.objectiveId && !query.parentMilestoneId)
    throw invalid("tacticalPlanId", "give a tacticalPlanId, objectiveId or parentMilestoneId");
  let sel = q.selectFrom("milestones").selectAll().where("org_id", "=", ctx.actor.orgId);
  if (query.tacticalPlanId) sel = sel.where("tactical_plan_id", "=", query.tacticalPlanId);
  if (query.objectiveId) sel = sel.where("objective_id", "=", query.objectiveId);
  if (query.ownerId) sel = sel.where("owner_id", "=", query.ownerId);
  if (query.parentMilestoneId) sel = sel.where("parent_milestone_id", "=", query.parentMilestoneId);
  const rows = await sel
    .orderBy("period_start")
    .orderBy("owner_id")
    .orderBy("id")
    .limit(query.limit)
    .execute();
  // Only milestones of tactical plans the actor reads; each plan is checked once.
  const readable = new Map<string, boolean>();
  for (const id of new Set(rows.map((r) => r.tactical_plan_id)))
    readable.set(id, (await orNull(readTactical(q, ctx, id))) !== null);
  const visible = rows.filter((r) => readable.get(r.tactical_plan_id));
  const names = await ownerNames(
    q,
    ctx.actor.orgId,
    visible.map((r) => r.owner_id),
  );
  return visible.map((r) => presentMilestone(r, names.get(r.owner_id) ?? ""));
}
