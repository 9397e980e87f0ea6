// What accounts, contacts, deals and activities share: loading a record through the caller's
// scope (404 outside it, 403 when readable but not writable), the list filter, soft delete and
// restore. Deletion is soft so a slip can be undone.
import type { Database } from "../../db/schema";
import type { Q } from "../../db/tx";
import type { SignedInCtx } from "../../http/context";
import { AppError, forbidden, invalid, notFound } from "../../http/errors";
import { mayReadOwned, mayWriteOwned } from "../../policies/crm.policy";
import { loadScope, type Scope } from "../../policies/scope";
import { recordAudit } from "../audit/audit.record";

export type OwnedTable = "accounts" | "contacts" | "deals" | "activities";
export const ENTITY: Record<OwnedTable, { name: string; what: string }> = {
  accounts: { name: "account", what: "Account" },
  contacts: { name: "contact", what: "Contact" },
  deals: { name: "deal", what: "Deal" },
  activities: { name: "activity", what: "Activity" },
};

/** A live (not deleted) record of the caller's org, or 404. */
export async function loadLive<T extends OwnedTable>(
  q: Q,
  table: T,
  orgId: string,
  id: string,
): Promise<Database[T]> {
  const row = await q
    .selectFrom(table as "deals")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("id", "=", id)
    .where("deleted_at", "is", null)
    .executeTakeFirst();
  if (!row) throw notFound(ENTITY[table].what);
  return row as unknown as Database[T];
}

export function toFacts(r: { owner_id: string; team_id: string | null }) {
  return { ownerId: r.owner_id, teamId: r.team_id };
}

export async function loadVisible<T extends OwnedTable>(q: Q, scope: Scope, table: T, id: string) {
  const row = await loadLive(q, table, scope.actor.orgId, id);
  if (!mayReadOwned(scope, toFacts(row))) throw notFound(ENTITY[table].what);
  return row;
}

export async function loadWritable<T extends OwnedTable>(q: Q, scope: Scope, table: T, id: string) {
  const row = await loadVisible(q, scope, table, id);
  if (!mayWriteOwned(scope, toFacts(row))) throw forbidden();
  return row;
}

/** A reference from one record to another the caller can see, or 400 naming the field. */
export async function assertVisibleRef<T extends OwnedTable>(
  q: Q,
  scope: Scope,
  table: T,
  id: string,
  field: string,
): Promise<Database[T]> {
  try {
    return await loadVisible(q, scope, table, id);
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== "not_found") throw err;
    const article = ENTITY[table].name === "account" || ENTITY[table].name === "activity" ? "an" : "a";
    throw invalid(field, `must be ${article} ${ENTITY[table].name} you can see`);
  }
}

export async function softDelete(
  ctx: SignedInCtx,
  table: OwnedTable,
  id: string,
  present: (row: never) => unknown,
): Promise<void> {
  await ctx.db.k.transaction().execute(async (tx) => {
    const scope = await loadScope(tx, ctx.actor);
    const row = await loadWritable(tx, scope, table, id);
    const now = new Date().toISOString();
    await tx
      .updateTable(table as "deals")
      .set({ deleted_at: now, updated_at: now, version: row.version + 1 })
      .where("id", "=", id)
      .execute();
    await recordAudit(tx, ctx, ctx.actor.orgId, {
      entity: ENTITY[table].name,
      entityId: id,
      action: "delete",
      before: present(row as never),
    });
  });
}

export async function restore<R>(
  ctx: SignedInCtx,
  table: OwnedTable,
  id: string,
  present: (row: never) => R,
): Promise<R> {
  return ctx.db.k.transaction().execute(async (tx) => {
    const scope = await loadScope(tx, ctx.actor);
    const row = await tx
      .selectFrom(table as "deals")
      .selectAll()
      .where("org_id", "=", ctx.actor.orgId)
      .where("id", "=", id)
      .where("deleted_at", "is not", null)
      .executeTakeFirst();
    if (!row || !mayReadOwned(scope, toFacts(row))) throw notFound(`Deleted ${ENTITY[table].name}`);
    if (!mayWriteOwned(scope, toFacts(row))) throw forbidden();
    const now = new Date().toISOString();
    await tx
      .updateTable(table as "deals")
      .set({ deleted_at: null, updated_at: now, version: row.version + 1 })
      .where("id", "=", id)
      .execute();
    const after = await loadLive(tx, table, ctx.actor.orgId, id);
    await recordAudit(tx, ctx, ctx.actor.orgId, {
      entity: ENTITY[table].name,
      entityId: id,
      action: "restore",
      after: present(after as never),
    });
    return present(after as never);
  });
}
