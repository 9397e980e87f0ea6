// A plan's key initiatives, each linked to the objectives of the same plan it serves.
import { InitiativeCreate, type Initiative, type InitiativeUpdate } from "@oars/core";
import type { Q } from "../../db/tx";
import { updateVersioned } from "../../db/versioned";
import type { SignedInCtx } from "../../http/context";
import { invalid, notFound } from "../../http/errors";
import { recordAudit } from "../audit/audit.record";
import { stripUndefined } from "./objectives.service";
import { readPlan, writePlan } from "./plan-access";
import { assertOwner } from "./plan-owners";
import { presentInitiative } from "./plans.present";
import { initiativeRow, orgCurrency, planInitiativeRows, setInitiativeObjectives } from "./plans.repo";
import type { InitiativesTable } from "./plans.schema";

async function loadInitiative(q: Q, orgId: string, id: string) {
  const row = await q
    .selectFrom("initiatives")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) throw notFound("Initiative");
  const links = await q
    .selectFrom("initiative_objectives")
    .select("objective_id")
    .where("initiative_id", "=", id)
    .orderBy("id")
    .execute();
  return { row, objectiveIds: links.map((l) => l.objective_id) };
}

async function assertObjectivesOfPlan(q: Q, orgId: string, planId: string, ids: readonly string[]) {
  if (ids.length === 0) return;
  const found = await q
    .selectFrom("objectives")
    .select("id")
    .where("org_id", "=", orgId)
    .where("plan_id", "=", planId)
    .where("id", "in", [...ids])
    .execute();
  if (found.length !== ids.length) throw invalid("objectiveIds", "must list objectives of this plan only");
}

export async function listInitiatives(ctx: SignedInCtx, planId: string): Promise<Initiative[]> {
  await readPlan(ctx.db.k, ctx, planId);
  const rows = await planInitiativeRows(ctx.db.k, ctx.actor.orgId, planId);
  return rows.map((i) => presentInitiative(i.row, i.objectiveIds));
}

export async function getInitiative(ctx: SignedInCtx, id: string): Promise<Initiative> {
  const { row, objectiveIds } = await loadInitiative(ctx.db.k, ctx.actor.orgId, id);
  await readPlan(ctx.db.k, ctx, row.plan_id);
  return presentInitiative(row, objectiveIds);
}

type InitiativeFields = Omit<Initiative, "id" | "planId" | "version" | "createdAt" | "updatedAt">;

function assertRules(i: InitiativeFields): void {
  const res = InitiativeCreate.safeParse(i);
  if (res.success) return;
  const issue = res.error.issues[0];
  throw invalid(issue?.path.join(".") || "body", issue?.message ?? "is invalid");
}

export async function createInitiative(
  ctx: SignedInCtx,
  planId: string,
  input: InitiativeCreate,
): Promise<Initiative> {
  return ctx.db.k.transaction().execute(async (tx) => {
    const orgId = ctx.actor.orgId;
    await writePlan(tx, ctx, planId);
    await assertOwner(tx, orgId, input.ownerType, input.ownerId);
    await assertObjectivesOfPlan(tx, orgId, planId, input.objectiveIds);
    const currency = input.currency ?? (await orgCurrency(tx, orgId));
    const row = initiativeRow(orgId, planId, { ...input, currency }, new Date().toISOString());
    await tx.insertInto("initiatives").values(row).execute();
    await setInitiativeObjectives(tx, orgId, row.id, input.objectiveIds);
    const initiative = presentInitiative(row, [...input.objectiveIds]);
    await recordAudit(tx, ctx, orgId, {
      entity: "initiative",
      entityId: row.id,
      action: "create",
      after: initiative,
    });
    return initiative;
  });
}

export async function updateInitiative(
  ctx: SignedInCtx,
  id: string,
  patch: InitiativeUpdate,
): Promise<Initiative> {
  return ctx.db.k.transaction().execute(async (tx) => {
    const orgId = ctx.actor.orgId;
    const loaded = await loadInitiative(tx, orgId, id);
    await writePlan(tx, ctx, loaded.row.plan_id);
    const before = presentInitiative(loaded.row, loaded.objectiveIds);
    const { version, ...changes } = patch;
    const merged: InitiativeFields = { ...before, ...stripUndefined(changes) };
    assertRules(merged);
    if (patch.ownerType !== undefined || patch.ownerId !== undefined)
      await assertOwner(tx, orgId, merged.ownerType, merged.ownerId);
    if (patch.objectiveIds !== undefined)
      await assertObjectivesOfPlan(tx, orgId, loaded.row.plan_id, patch.objectiveIds);
    const set: Partial<InitiativesTable> = {
      title: merged.title,
      description: merged.description,
      owner_type: merged.ownerType,
      owner_id: merged.ownerId,
      start_date: merged.startDate,
      end_date: merged.endDate,
      budget_minor: merged.budgetMinor,
      currency: merged.currency,
      status: merged.status,
    };
    await updateVersioned(tx, "initiatives", { id, orgId, version }, set, "Initiative");
    if (patch.objectiveIds !== undefined) await setInitiativeObjectives(tx, orgId, id, patch.objectiveIds);
    const reloaded = await loadInitiative(tx, orgId, id);
    const after = presentInitiative(reloaded.row, reloaded.objectiveIds);
    await recordAudit(tx, ctx, orgId, {
      entity: "initiative",
      entityId: id,
      action: "update",
      before,
      after,
    });
    return after;
  });
}

export async function deleteInitiative(ctx: SignedInCtx, id: string): Promise<void> {
  await ctx.db.k.transaction().execute(async (tx) => {
    const orgId = ctx.actor.orgId;
    const { row, objectiveIds } = await loadInitiative(tx, orgId, id);
    await writePlan(tx, ctx, row.plan_id);
    await tx.deleteFrom("initiative_objectives").where("initiative_id", "=", id).execute();
    await tx
      .updateTable("comments")
      .set({ deleted_at: new Date().toISOString() })
      .where("org_id", "=", orgId)
      .where("entity", "=", "initiative")
      .where("entity_id", "=", id)
      .execute();
    await tx.deleteFrom("initiatives").where("id", "=", id).execute();
    await recordAudit(tx, ctx, orgId, {
      entity: "initiative",
      entityId: id,
      action: "delete",
      before: presentInitiative(row, objectiveIds),
    });
  });
}
