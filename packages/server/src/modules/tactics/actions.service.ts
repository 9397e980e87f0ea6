// Action plans: list, create, read, change and (softly) delete actions. Every write checks the
// links, dates, recurrence and dependencies, then warns — not refuses — when it books a person
// beyond their week or starts an action before what it waits for is due.
import {
  scheduleConflicts,
  type Action,
  type ActionCreate,
  type ActionQuery,
  type ActionUpdate,
  type ActionWarning,
} from "@oars/core";
import type { Q } from "../../db/tx";
import { updateVersioned } from "../../db/versioned";
import type { SignedInCtx } from "../../http/context";
import { notFound } from "../../http/errors";
import { recordAudit } from "../audit/audit.record";
import { stripUndefined } from "../plans/objectives.service";
import {
  actionColumns,
  loadActions,
  newActionRow,
  personNames,
  replaceAllocations,
  replaceDependencies,
  type ActionRecord,
} from "./actions.repo";
import { contentOf, presentAction } from "./actions.present";
import { assertActionRules, withRecurrenceEnd, type ActionDraftChecked } from "./actions.rules";
import { allocationWindow, capacityWarnings } from "./capacity.service";
import { orgSettings } from "./org-settings";
import { isTacticalOpen, readTactical, writeTactical, type TacticalAccess } from "./tactical-access";
import type { TacticalPlansTable } from "./tactics.schema";

const mayWriteAtAll = (ctx: SignedInCtx) => ctx.actor.role !== "viewer" && ctx.actor.tokenScope !== "read";

async function present(
  q: Q,
  ctx: SignedInCtx,
  access: TacticalAccess,
  records: ActionRecord[],
  warnings?: ActionWarning[],
) {
  const names = await personNames(
    q,
    ctx.actor.orgId,
    records.map((r) => r.row.owner_id),
  );
  const { currency } = await orgSettings(q, ctx.actor.orgId);
  const open = isTacticalOpen(access.row);
  return records.map((r) =>
    presentAction(r, {
      ownerName: r.row.owner_id ? (names.get(r.row.owner_id) ?? null) : null,
      currency,
      canEdit: access.canEdit,
      canUpdateStatus:
        access.canEdit || (open && mayWriteAtAll(ctx) && r.row.owner_id === ctx.actor.personId),
      warnings,
    }),
  );
}

async function loadOne(q: Q, orgId: string, id: string): Promise<ActionRecord> {
  const [record] = await loadActions(q, orgId, { ids: [id] });
  if (!record) throw notFound("Action");
  return record;
}

export async function listActions(
  ctx: SignedInCtx,
  tacticalPlanId: string,
  query: ActionQuery,
): Promise<Action[]> {
  const access = await readTactical(ctx.db.k, ctx, tacticalPlanId);
  let records = await loadActions(ctx.db.k, ctx.actor.orgId, {
    tacticalPlanIds: [tacticalPlanId],
    ownerId: query.ownerId,
    includeDeleted: query.includeDeleted,
  });
  if (query.status) records = records.filter((r) => r.row.status === query.status);
  return present(ctx.db.k, ctx, access, records);
}

export async function getAction(ctx: SignedInCtx, id: string): Promise<Action> {
  const record = await loadOne(ctx.db.k, ctx.actor.orgId, id);
  const access = await readTactical(ctx.db.k, ctx, record.row.tactical_plan_id);
  const [action] = await present(ctx.db.k, ctx, access, [record]);
  if (!action) throw notFound("Action");
  return action;
}

/** Over-allocation of everyone this action books, and schedule conflicts with what it waits for. */
async function warningsAfterWrite(
  q: Q,
  plan: TacticalPlansTable,
  record: ActionRecord,
): Promise<ActionWarning[]> {
  const { calendar } = await orgSettings(q, plan.org_id);
  const window = allocationWindow({
    ...record.row,
    period_start: plan.period_start,
    period_end: plan.period_end,
  });
  const people = [
    ...new Set(record.allocations.flatMap((a) => (a.personId && a.hoursPerWeek > 0 ? [a.personId] : []))),
  ];
  const warnings =
    record.row.status === "done" || record.row.status === "cancelled"
      ? []
      : await capacityWarnings(q, plan.org_id, calendar, people, {
          start: window.startDate,
          end: window.endDate,
        });
  if (record.dependsOn.length > 0) {
    const deps = await loadActions(q, plan.org_id, { ids: record.dependsOn });
    const dated = [record, ...deps].map((r) => ({
      id: r.row.id,
      title: r.row.title,
      startDate: r.row.start_date,
      dueDate: r.row.due_date,
      dependsOn: r.row.id === record.row.id ? r.dependsOn : [],
    }));
    for (const c of scheduleConflicts(dated))
      warnings.push({ code: "starts_before_dependency", message: c.message });
  }
  return warnings;
}

export async function createAction(
  ctx: SignedInCtx,
  tacticalPlanId: string,
  input: ActionCreate,
): Promise<Action> {
  return ctx.db.k.transaction().execute(async (tx) => {
    const access = await writeTactical(tx, ctx, tacticalPlanId);
    const draft: ActionDraftChecked = {
      ...input,
      recurrence: withRecurrenceEnd(input.recurrence, access.row),
    };
    await assertActionRules(tx, access.scope, access.row, null, draft);
    const row = newActionRow(
      ctx.actor.orgId,
      tacticalPlanId,
      draft,
      new Date().toISOString(),
      ctx.actor.personId,
    );
    await tx.insertInto("actions").values(row).execute();
    await replaceDependencies(tx, ctx.actor.orgId, row.id, draft.dependsOn);
    await replaceAllocations(tx, ctx.actor.orgId, row.id, draft.allocations);
    const record = await loadOne(tx, ctx.actor.orgId, row.id);
    const warnings = await warningsAfterWrite(tx, access.row, record);
    const [action] = await present(tx, ctx, access, [record], warnings);
    if (!action) throw notFound("Action");
    await recordAudit(tx, ctx, ctx.actor.orgId, {
      entity: "action",
      entityId: row.id,
      action: "create",
      after: action,
    });
    return action;
  });
}

export async function updateAction(ctx: SignedInCtx, id: string, patch: ActionUpdate): Promise<Action> {
  return ctx.db.k.transaction().execute(async (tx) => {
    const orgId = ctx.actor.orgId;
    const beforeRecord = await loadOne(tx, orgId, id);
    if (beforeRecord.row.deleted_at) throw notFound("Action");
    const access = await readTactical(tx, ctx, beforeRecord.row.tactical_plan_id);
    const [before] = await present(tx, ctx, access, [beforeRecord]);
    if (!before) throw notFound("Action");
    const { version, ...changes } = patch;
    const statusOnly = Object.keys(stripUndefined(changes)).every((k) => k === "status");
    // The owner moves their own action along (done, blocked) without rights over the whole plan;
    // anyone else needs them, and writeTactical answers 403 with the reason when they are missing.
    if (!access.canEdit && !(statusOnly && before.canUpdateStatus))
      await writeTactical(tx, ctx, access.row.id);
    const merged: ActionDraftChecked = { ...contentOf(before), ...stripUndefined(changes) };
    merged.recurrence = withRecurrenceEnd(merged.recurrence, access.row);
    if (!statusOnly) await assertActionRules(tx, access.scope, access.row, id, merged);
    await updateVersioned(tx, "actions", { id, orgId, version }, actionColumns(merged), "Action");
    if (changes.dependsOn !== undefined) await replaceDependencies(tx, orgId, id, merged.dependsOn);
    if (changes.allocations !== undefined) await replaceAllocations(tx, orgId, id, merged.allocations);
    const record = await loadOne(tx, orgId, id);
    const warnings = await warningsAfterWrite(tx, access.row, record);
    const [after] = await present(tx, ctx, access, [record], warnings);
    if (!after) throw notFound("Action");
    await recordAudit(tx, ctx, orgId, {
      entity: "action",
      entityId: id,
      action: statusOnly ? `status:${after.status}` : "update",
      before,
      after,
    });
    return after;
  });
}

/** Soft delete: the row stays (an admin can see it with includeDeleted) but leaves every view. */
export async function deleteAction(ctx: SignedInCtx, id: string): Promise<void> {
  await ctx.db.k.transaction().execute(async (tx) => {
    const orgId = ctx.actor.orgId;
    const record = await loadOne(tx, orgId, id);
    if (record.row.deleted_at) throw notFound("Action");
    const access = await writeTactical(tx, ctx, record.row.tactical_plan_id);
    const [before] = await present(tx, ctx, access, [record]);
    await tx
      .updateTable("actions")
      .set({ deleted_at: new Date().toISOString() })
      .where("id", "=", id)
      .execute();
    // Whoever waited for it no longer does.
    await tx.deleteFrom("action_dependencies").where("depends_on_id", "=", id).execute();
    await recordAudit(tx, ctx, orgId, { entity: "action", entityId: id, action: "delete", before });
  });
}
