// Saved views: one's own named list filters, and those colleagues shared with the org. Only the
// person who saved a view changes it; a shared one is read by everyone in the org.
import type { SavedView, SavedViewCreate, SavedViewUpdate, ViewEntity } from "@oars/core";
import { newId } from "../../db/ids";
import type { Q } from "../../db/tx";
import { updateVersioned } from "../../db/versioned";
import type { SignedInCtx } from "../../http/context";
import { forbidden, notFound } from "../../http/errors";
import { recordAudit } from "../audit/audit.record";
import type { SavedViewsTable } from "./crm.schema";
import { presentView } from "./crm.present";

export async function listViews(ctx: SignedInCtx, entity: ViewEntity | undefined): Promise<SavedView[]> {
  let q = ctx.db.k
    .selectFrom("saved_views")
    .selectAll()
    .where("org_id", "=", ctx.actor.orgId)
    .where((eb) => eb.or([eb("person_id", "=", ctx.actor.personId), eb("shared", "=", 1)]));
  if (entity) q = q.where("entity", "=", entity);
  return (await q.orderBy("name").orderBy("id").execute()).map(presentView);
}

async function loadOwnView(q: Q, ctx: SignedInCtx, id: string): Promise<SavedViewsTable> {
  const row = await q
    .selectFrom("saved_views")
    .selectAll()
    .where("org_id", "=", ctx.actor.orgId)
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row || (row.person_id !== ctx.actor.personId && row.shared !== 1)) throw notFound("View");
  if (row.person_id !== ctx.actor.personId) throw forbidden("Only the person who saved a view changes it");
  return row;
}

export async function createView(ctx: SignedInCtx, input: SavedViewCreate): Promise<SavedView> {
  return ctx.db.k.transaction().execute(async (tx) => {
    const now = new Date().toISOString();
    const row: SavedViewsTable = {
      id: newId(),
      org_id: ctx.actor.orgId,
      person_id: ctx.actor.personId,
      entity: input.entity,
      name: input.name,
      query: JSON.stringify(input.query),
      shared: input.shared ? 1 : 0,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await tx.insertInto("saved_views").values(row).execute();
    await recordAudit(tx, ctx, ctx.actor.orgId, {
      entity: "view",
      entityId: row.id,
      action: "create",
      after: presentView(row),
    });
    return presentView(row);
  });
}

export async function updateView(ctx: SignedInCtx, id: string, patch: SavedViewUpdate): Promise<SavedView> {
  return ctx.db.k.transaction().execute(async (tx) => {
    const before = await loadOwnView(tx, ctx, id);
    const set: Partial<SavedViewsTable> = {};
    if (patch.name !== undefined) set.name = patch.name;
    if (patch.query !== undefined) set.query = JSON.stringify(patch.query);
    if (patch.shared !== undefined) set.shared = patch.shared ? 1 : 0;
    await updateVersioned(
      tx,
      "saved_views",
      { id, orgId: ctx.actor.orgId, version: patch.version },
      set,
      "View",
    );
    const after = await loadOwnView(tx, ctx, id);
    await recordAudit(tx, ctx, ctx.actor.orgId, {
      entity: "view",
      entityId: id,
      action: "update",
      before: presentView(before),
      after: presentView(after),
    });
    return presentView(after);
  });
}

export async function deleteView(ctx: SignedInCtx, id: string): Promise<void> {
  await ctx.db.k.transaction().execute(async (tx) => {
    const before = await loadOwnView(tx, ctx, id);
    await tx.deleteFrom("saved_views").where("id", "=", id).execute();
    await recordAudit(tx, ctx, ctx.actor.orgId, {
      entity: "view",
      entityId: id,
      action: "delete",
      before: presentView(before),
    });
  });
}
