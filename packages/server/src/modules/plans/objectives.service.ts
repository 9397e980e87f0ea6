// A plan's objectives: measurable (metric, baseline, target, due date, owner) and aligned under a
// parent objective of a plan the actor can see. Every write re-checks the merged objective.
import { ObjectiveCreate, type Objective, type ObjectiveUpdate } from "@oars/core";
import type { Q } from "../../db/tx";
import { updateVersioned } from "../../db/versioned";
import type { SignedInCtx } from "../../http/context";
import { invalid, notFound } from "../../http/errors";
import { recordAudit } from "../audit/audit.record";
import { assertParentObjective } from "./alignment";
import { readPlan, writePlan } from "./plan-access";
import { assertOwner } from "./plan-owners";
import { presentObjective } from "./plans.present";
import { objectiveRow, planObjectiveRows } from "./plans.repo";
import type { ObjectivesTable } from "./plans.schema";

export async function loadObjectiveRow(q: Q, orgId: string, id: string): Promise<ObjectivesTable> {
  const row = await q
    .selectFrom("objectives")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) throw notFound("Objective");
  return row;
}

export async function listObjectives(ctx: SignedInCtx, planId: string): Promise<Objective[]> {
  await readPlan(ctx.db.k, ctx, planId);
  return (await planObjectiveRows(ctx.db.k, ctx.actor.orgId, planId)).map(presentObjective);
}

export async function getObjective(ctx: SignedInCtx, id: string): Promise<Objective> {
  const row = await loadObjectiveRow(ctx.db.k, ctx.actor.orgId, id);
  await readPlan(ctx.db.k, ctx, row.plan_id);
  return presentObjective(row);
}

type ObjectiveFields = Omit<Objective, "id" | "planId" | "version" | "createdAt" | "updatedAt">;

/** The contract's cross-field rules (due ≥ start, whole money, owner pairs) on the merged objective. */
function assertRules(o: ObjectiveFields): void {
  const res = ObjectiveCreate.safeParse(o);
  if (res.success) return;
  const issue = res.error.issues[0];
  const field = issue?.path.join(".") || "body";
  throw invalid(field, issue?.message ?? "is invalid");
}

export async function createObjective(
  ctx: SignedInCtx,
  planId: string,
  input: ObjectiveCreate,
): Promise<Objective> {
  return ctx.db.k.transaction().execute(async (tx) => {
    const { row: plan, scope } = await writePlan(tx, ctx, planId);
    const fields: ObjectiveFields = { ...input, startDate: input.startDate ?? plan.horizon_start };
    assertRules(fields);
    await assertOwner(tx, ctx.actor.orgId, fields.ownerType, fields.ownerId);
    await assertParentObjective(tx, scope, null, fields.parentObjectiveId);
    const row = objectiveRow(ctx.actor.orgId, planId, fields, new Date().toISOString());
    await tx.insertInto("objectives").values(row).execute();
    const objective = presentObjective(row);
    await recordAudit(tx, ctx, ctx.actor.orgId, {
      entity: "objective",
      entityId: row.id,
      action: "create",
      after: objective,
    });
    return objective;
  });
}

export async function updateObjective(
  ctx: SignedInCtx,
  id: string,
  patch: ObjectiveUpdate,
): Promise<Objective> {
  return ctx.db.k.transaction().execute(async (tx) => {
    const orgId = ctx.actor.orgId;
    const beforeRow = await loadObjectiveRow(tx, orgId, id);
    const { scope } = await writePlan(tx, ctx, beforeRow.plan_id);
    const before = presentObjective(beforeRow);
    const { version, ...changes } = patch;
    const merged: ObjectiveFields = { ...before, ...stripUndefined(changes) };
    assertRules(merged);
    if (patch.ownerType !== undefined || patch.ownerId !== undefined)
      await assertOwner(tx, orgId, merged.ownerType, merged.ownerId);
    if (patch.parentObjectiveId !== undefined && patch.parentObjectiveId !== before.parentObjectiveId)
      await assertParentObjective(tx, scope, id, merged.parentObjectiveId);
    const set: Partial<ObjectivesTable> = {
      title: merged.title,
      description: merged.description,
      metric_key: merged.metric?.key ?? null,
      metric: merged.metric === null ? null : JSON.stringify(merged.metric),
      baseline: merged.baseline,
      target: merged.target,
      unit: merged.unit,
      start_date: merged.startDate,
      due_date: merged.dueDate,
      owner_type: merged.ownerType,
      owner_id: merged.ownerId,
      weight: merged.weight,
      perspective: merged.perspective,
      status: merged.status,
      parent_objective_id: merged.parentObjectiveId,
    };
    await updateVersioned(tx, "objectives", { id, orgId, version }, set, "Objective");
    const after = presentObjective(await loadObjectiveRow(tx, orgId, id));
    await recordAudit(tx, ctx, orgId, {
      entity: "objective",
      entityId: id,
      action: set.parent_objective_id !== beforeRow.parent_objective_id ? "align" : "update",
      before,
      after,
    });
    return after;
  });
}

export async function deleteObjective(ctx: SignedInCtx, id: string): Promise<void> {
  await ctx.db.k.transaction().execute(async (tx) => {
    const orgId = ctx.actor.orgId;
    const row = await loadObjectiveRow(tx, orgId, id);
    await writePlan(tx, ctx, row.plan_id);
    const children = await tx
      .selectFrom("objectives")
      .select("id")
      .where("org_id", "=", orgId)
      .where("parent_objective_id", "=", id)
      .execute();
    if (children.length > 0)
      throw invalid(
        "id",
        `${children.length} objective(s) are aligned under it: align them elsewhere first, or mark it dropped`,
      );
    await tx.deleteFrom("initiative_objectives").where("objective_id", "=", id).execute();
    await tx
      .updateTable("comments")
      .set({ deleted_at: new Date().toISOString() })
      .where("org_id", "=", orgId)
      .where("entity", "=", "objective")
      .where("entity_id", "=", id)
      .execute();
    await tx.deleteFrom("objectives").where("id", "=", id).execute();
    await recordAudit(tx, ctx, orgId, {
      entity: "objective",
      entityId: id,
      action: "delete",
      before: presentObjective(row),
    });
  });
}

export function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
