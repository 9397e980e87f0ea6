// Contacts: the people at an account, with their buying role and relationship strength.
import type { Contact, ContactCreate, ContactQuery, ContactUpdate, Page } from "@oars/core";
import { newId } from "../../db/ids";
import type { Q } from "../../db/tx";
import { updateVersioned } from "../../db/versioned";
import type { SignedInCtx } from "../../http/context";
import { invalid } from "../../http/errors";
import { loadScope, type Scope } from "../../policies/scope";
import { recordAudit } from "../audit/audit.record";
import type { ContactsTable } from "./crm.schema";
import { presentContact } from "./crm.present";
import { assertVisibleRef, loadVisible, loadWritable, restore, softDelete } from "./owned";
import { eq, listOwned } from "./owned-list";
import { ownerForWrite } from "./ownership";
import { nameKey } from "./text";

const SORTS = { name: "name_key", createdAt: "created_at", updatedAt: "updated_at" };

export async function listContacts(ctx: SignedInCtx, query: ContactQuery): Promise<Page<Contact>> {
  const conds = [];
  if (query.accountId) conds.push(eq("account_id", query.accountId));
  if (query.buyingRole) conds.push(eq("buying_role", query.buyingRole));
  return listOwned(ctx, "contacts", query, SORTS, conds, presentContact);
}

export async function getContact(ctx: SignedInCtx, id: string): Promise<Contact> {
  const scope = await loadScope(ctx.db.k, ctx.actor);
  return presentContact(await loadVisible(ctx.db.k, scope, "contacts", id));
}

async function assertExternalIdFree(q: Q, orgId: string, externalId: string | null, exceptId?: string) {
  if (externalId === null) return;
  let sel = q
    .selectFrom("contacts")
    .select("id")
    .where("org_id", "=", orgId)
    .where("external_id", "=", externalId);
  if (exceptId) sel = sel.where("id", "!=", exceptId);
  if (await sel.executeTakeFirst()) throw invalid("externalId", "another contact has this external id");
}

export async function createContactIn(q: Q, ctx: SignedInCtx, scope: Scope, input: ContactCreate) {
  const owner = await ownerForWrite(q, scope, input.ownerId);
  if (input.accountId) await assertVisibleRef(q, scope, "accounts", input.accountId, "accountId");
  await assertExternalIdFree(q, ctx.actor.orgId, input.externalId);
  const now = new Date().toISOString();
  const row: ContactsTable = {
    id: newId(),
    org_id: ctx.actor.orgId,
    account_id: input.accountId,
    name: input.name,
    name_key: nameKey(input.name),
    title: input.title,
    email: input.email,
    phone: input.phone,
    buying_role: input.buyingRole,
    relationship_strength: input.relationshipStrength,
    owner_id: owner.id,
    team_id: owner.teamId,
    external_id: input.externalId,
    deleted_at: null,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  await q.insertInto("contacts").values(row).execute();
  const contact = presentContact(row);
  await recordAudit(q, ctx, ctx.actor.orgId, {
    entity: "contact",
    entityId: row.id,
    action: "create",
    after: contact,
  });
  return contact;
}

export async function updateContactIn(
  q: Q,
  ctx: SignedInCtx,
  scope: Scope,
  id: string,
  patch: ContactUpdate,
) {
  const before = await loadWritable(q, scope, "contacts", id);
  const set: Partial<ContactsTable> = {};
  if (patch.name !== undefined) Object.assign(set, { name: patch.name, name_key: nameKey(patch.name) });
  if (patch.title !== undefined) set.title = patch.title;
  if (patch.email !== undefined) set.email = patch.email;
  if (patch.phone !== undefined) set.phone = patch.phone;
  if (patch.buyingRole !== undefined) set.buying_role = patch.buyingRole;
  if (patch.relationshipStrength !== undefined) set.relationship_strength = patch.relationshipStrength;
  if (patch.accountId !== undefined && patch.accountId !== before.account_id) {
    if (patch.accountId) await assertVisibleRef(q, scope, "accounts", patch.accountId, "accountId");
    set.account_id = patch.accountId;
  }
  if (patch.externalId !== undefined && patch.externalId !== before.external_id) {
    await assertExternalIdFree(q, ctx.actor.orgId, patch.externalId, id);
    set.external_id = patch.externalId;
  }
  const reassigned = patch.ownerId !== undefined && patch.ownerId !== before.owner_id;
  if (reassigned) {
    const owner = await ownerForWrite(q, scope, patch.ownerId);
    Object.assign(set, { owner_id: owner.id, team_id: owner.teamId });
  }
  await updateVersioned(
    q,
    "contacts",
    { id, orgId: ctx.actor.orgId, version: patch.version },
    set,
    "Contact",
  );
  const row = await q.selectFrom("contacts").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
  const after = presentContact(row);
  await recordAudit(q, ctx, ctx.actor.orgId, {
    entity: "contact",
    entityId: id,
    action: reassigned ? "reassign" : "update",
    before: presentContact(before),
    after,
  });
  return after;
}

export async function createContact(ctx: SignedInCtx, input: ContactCreate): Promise<Contact> {
  return ctx.db.k
    .transaction()
    .execute(async (tx) => createContactIn(tx, ctx, await loadScope(tx, ctx.actor), input));
}

export async function updateContact(ctx: SignedInCtx, id: string, patch: ContactUpdate): Promise<Contact> {
  return ctx.db.k
    .transaction()
    .execute(async (tx) => updateContactIn(tx, ctx, await loadScope(tx, ctx.actor), id, patch));
}

export const deleteContact = (ctx: SignedInCtx, id: string) =>
  softDelete(ctx, "contacts", id, presentContact);
export const restoreContact = (ctx: SignedInCtx, id: string) => restore(ctx, "contacts", id, presentContact);
