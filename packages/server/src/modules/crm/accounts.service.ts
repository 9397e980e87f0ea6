// Accounts: the companies a team sells to, with an owner, a parent account and tags.
import type { Account, AccountCreate, AccountQuery, AccountUpdate, Page } from "@oars/core";
import { sql } from "kysely";
import { newId } from "../../db/ids";
import type { Q } from "../../db/tx";
import { updateVersioned } from "../../db/versioned";
import type { SignedInCtx } from "../../http/context";
import { invalid } from "../../http/errors";
import { loadScope, type Scope } from "../../policies/scope";
import { recordAudit } from "../audit/audit.record";
import type { AccountsTable } from "./crm.schema";
import { presentAccount } from "./crm.present";
import { assertVisibleRef, loadVisible, loadWritable, restore, softDelete } from "./owned";
import { eq, listOwned } from "./owned-list";
import { ownerForWrite } from "./ownership";
import { nameKey } from "./text";

const SORTS = { name: "name_key", createdAt: "created_at", updatedAt: "updated_at" };

export async function listAccounts(ctx: SignedInCtx, query: AccountQuery): Promise<Page<Account>> {
  const conds = [];
  if (query.industry) conds.push(eq("industry", query.industry));
  if (query.segment) conds.push(eq("segment", query.segment));
  if (query.region) conds.push(eq("region", query.region));
  if (query.tier) conds.push(eq("tier", query.tier));
  if (query.parentId) conds.push(eq("parent_id", query.parentId));
  if (query.tag) {
    const like = `%${JSON.stringify(query.tag).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conds.push(sql<boolean>`tags like ${like} escape '\\'`);
  }
  return listOwned(ctx, "accounts", query, SORTS, conds, presentAccount);
}

export async function getAccount(ctx: SignedInCtx, id: string): Promise<Account> {
  const scope = await loadScope(ctx.db.k, ctx.actor);
  return presentAccount(await loadVisible(ctx.db.k, scope, "accounts", id));
}

async function assertExternalIdFree(q: Q, orgId: string, externalId: string | null, exceptId?: string) {
  if (externalId === null) return;
  let sel = q
    .selectFrom("accounts")
    .select("id")
    .where("org_id", "=", orgId)
    .where("external_id", "=", externalId);
  if (exceptId) sel = sel.where("id", "!=", exceptId);
  if (await sel.executeTakeFirst()) throw invalid("externalId", "another account has this external id");
}

/** The parent must be visible and must not sit below the account itself. */
async function assertParent(q: Q, scope: Scope, id: string | null, parentId: string | null): Promise<void> {
  if (parentId === null) return;
  let cursor: string | null = (await assertVisibleRef(q, scope, "accounts", parentId, "parentId")).id;
  for (let depth = 0; cursor !== null && depth < 100; depth++) {
    if (cursor === id) throw invalid("parentId", "must not be the account itself or one below it");
    const up: { parent_id: string | null } | undefined = await q
      .selectFrom("accounts")
      .select("parent_id")
      .where("id", "=", cursor)
      .executeTakeFirst();
    cursor = up?.parent_id ?? null;
  }
}

export async function createAccountIn(q: Q, ctx: SignedInCtx, scope: Scope, input: AccountCreate) {
  const owner = await ownerForWrite(q, scope, input.ownerId);
  await assertExternalIdFree(q, ctx.actor.orgId, input.externalId);
  await assertParent(q, scope, null, input.parentId);
  const now = new Date().toISOString();
  const row: AccountsTable = {
    id: newId(),
    org_id: ctx.actor.orgId,
    name: input.name,
    name_key: nameKey(input.name),
    industry: input.industry,
    segment: input.segment,
    employee_count: input.employeeCount,
    annual_revenue_minor: input.annualRevenueMinor,
    region: input.region,
    tier: input.tier,
    website: input.website,
    parent_id: input.parentId,
    tags: JSON.stringify(input.tags),
    owner_id: owner.id,
    team_id: owner.teamId,
    external_id: input.externalId,
    deleted_at: null,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  await q.insertInto("accounts").values(row).execute();
  const account = presentAccount(row);
  await recordAudit(q, ctx, ctx.actor.orgId, {
    entity: "account",
    entityId: row.id,
    action: "create",
    after: account,
  });
  return account;
}

export async function updateAccountIn(
  q: Q,
  ctx: SignedInCtx,
  scope: Scope,
  id: string,
  patch: AccountUpdate,
) {
  const before = await loadWritable(q, scope, "accounts", id);
  const set: Partial<AccountsTable> = {};
  if (patch.name !== undefined) Object.assign(set, { name: patch.name, name_key: nameKey(patch.name) });
  if (patch.industry !== undefined) set.industry = patch.industry;
  if (patch.segment !== undefined) set.segment = patch.segment;
  if (patch.employeeCount !== undefined) set.employee_count = patch.employeeCount;
  if (patch.annualRevenueMinor !== undefined) set.annual_revenue_minor = patch.annualRevenueMinor;
  if (patch.region !== undefined) set.region = patch.region;
  if (patch.tier !== undefined) set.tier = patch.tier;
  if (patch.website !== undefined) set.website = patch.website;
  if (patch.tags !== undefined) set.tags = JSON.stringify(patch.tags);
  if (patch.parentId !== undefined && patch.parentId !== before.parent_id) {
    await assertParent(q, scope, id, patch.parentId);
    set.parent_id = patch.parentId;
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
    "accounts",
    { id, orgId: ctx.actor.orgId, version: patch.version },
    set,
    "Account",
  );
  const after = presentAccount(await loadVisibleAfter(q, ctx, id));
  await recordAudit(q, ctx, ctx.actor.orgId, {
    entity: "account",
    entityId: id,
    action: reassigned ? "reassign" : "update",
    before: presentAccount(before),
    after,
  });
  return after;
}

/** After a reassignment the record may have left the caller's scope; the write still answers. */
async function loadVisibleAfter(q: Q, ctx: SignedInCtx, id: string): Promise<AccountsTable> {
  return q
    .selectFrom("accounts")
    .selectAll()
    .where("org_id", "=", ctx.actor.orgId)
    .where("id", "=", id)
    .executeTakeFirstOrThrow();
}

export async function createAccount(ctx: SignedInCtx, input: AccountCreate): Promise<Account> {
  return ctx.db.k
    .transaction()
    .execute(async (tx) => createAccountIn(tx, ctx, await loadScope(tx, ctx.actor), input));
}

export async function updateAccount(ctx: SignedInCtx, id: string, patch: AccountUpdate): Promise<Account> {
  return ctx.db.k
    .transaction()
    .execute(async (tx) => updateAccountIn(tx, ctx, await loadScope(tx, ctx.actor), id, patch));
}

export const deleteAccount = (ctx: SignedInCtx, id: string) =>
  softDelete(ctx, "accounts", id, presentAccount);
export const restoreAccount = (ctx: SignedInCtx, id: string) => restore(ctx, "accounts", id, presentAccount);
