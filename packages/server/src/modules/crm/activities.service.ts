// Activities: calls, emails, meetings, demos, tasks and notes. Logging one takes a type and a
// subject; the account comes from the contact or deal when not given. A done activity counts for
// its owner's team on the day it happened, a planned one for today's team.
import type { Activity, ActivityCreate, ActivityQuery, ActivityUpdate, Page } from "@oars/core";
import { newId } from "../../db/ids";
import type { Q } from "../../db/tx";
import { updateVersioned } from "../../db/versioned";
import type { SignedInCtx } from "../../http/context";
import { invalid } from "../../http/errors";
import { loadScope, type Scope } from "../../policies/scope";
import { recordAudit } from "../audit/audit.record";
import type { ActivitiesTable } from "./crm.schema";
import { presentActivity } from "./crm.present";
import { assertVisibleRef, loadVisible, loadWritable, restore, softDelete } from "./owned";
import { cmp, eq, listOwned } from "./owned-list";
import { containsLower } from "./text";
import { creditTeam, loadOwner, ownerForWrite, type Owner } from "./ownership";

const SORTS = { occurredAt: "occurred_at", createdAt: "created_at", updatedAt: "updated_at" };

export async function listActivities(ctx: SignedInCtx, query: ActivityQuery): Promise<Page<Activity>> {
  const conds = [];
  if (query.type) conds.push(eq("type", query.type));
  if (query.status) conds.push(eq("status", query.status));
  if (query.accountId) conds.push(eq("account_id", query.accountId));
  if (query.contactId) conds.push(eq("contact_id", query.contactId));
  if (query.dealId) conds.push(eq("deal_id", query.dealId));
  if (query.from) conds.push(cmp("occurred_at", ">=", query.from));
  if (query.to) conds.push(cmp("occurred_at", "<", query.to));
  if (query.q) conds.push(containsLower("subject", query.q));
  return listOwned(ctx, "activities", { ...query, q: undefined }, SORTS, conds, presentActivity);
}

export async function getActivity(ctx: SignedInCtx, id: string): Promise<Activity> {
  const scope = await loadScope(ctx.db.k, ctx.actor);
  return presentActivity(await loadVisible(ctx.db.k, scope, "activities", id));
}

interface Links {
  accountId: string | null;
  contactId: string | null;
  dealId: string | null;
}

/** Checks each link is visible and that they agree on the account, filling it in when missing. */
async function resolveLinks(q: Q, scope: Scope, links: Links): Promise<Links> {
  let accountId = links.accountId;
  if (accountId) await assertVisibleRef(q, scope, "accounts", accountId, "accountId");
  for (const [field, table, id] of [
    ["contactId", "contacts", links.contactId],
    ["dealId", "deals", links.dealId],
  ] as const) {
    if (!id) continue;
    const row = await assertVisibleRef(q, scope, table, id, field);
    if (accountId && row.account_id && row.account_id !== accountId)
      throw invalid(field, "belongs to another account than accountId");
    accountId ??= row.account_id;
  }
  return { ...links, accountId };
}

const creditFor = (q: Q, orgId: string, owner: Owner, status: string, occurredAt: string) =>
  creditTeam(q, orgId, owner, status === "done" ? occurredAt.slice(0, 10) : null);

export async function createActivityIn(q: Q, ctx: SignedInCtx, scope: Scope, input: ActivityCreate) {
  const owner = await ownerForWrite(q, scope, input.ownerId);
  const links = await resolveLinks(q, scope, input);
  if (input.externalId) await assertExternalIdFree(q, ctx.actor.orgId, input.externalId);
  const now = new Date().toISOString();
  const occurredAt = input.occurredAt ?? now;
  const row: ActivitiesTable = {
    id: newId(),
    org_id: ctx.actor.orgId,
    type: input.type,
    subject: input.subject,
    notes: input.notes,
    account_id: links.accountId,
    contact_id: links.contactId,
    deal_id: links.dealId,
    occurred_at: occurredAt,
    duration_minutes: input.durationMinutes,
    outcome: input.outcome,
    status: input.status,
    owner_id: owner.id,
    team_id: await creditFor(q, ctx.actor.orgId, owner, input.status, occurredAt),
    external_id: input.externalId,
    deleted_at: null,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  await q.insertInto("activities").values(row).execute();
  const activity = presentActivity(row);
  await recordAudit(q, ctx, ctx.actor.orgId, {
    entity: "activity",
    entityId: row.id,
    action: "create",
    after: activity,
  });
  return activity;
}

async function assertExternalIdFree(q: Q, orgId: string, externalId: string, exceptId?: string) {
  let sel = q
    .selectFrom("activities")
    .select("id")
    .where("org_id", "=", orgId)
    .where("external_id", "=", externalId);
  if (exceptId) sel = sel.where("id", "!=", exceptId);
  if (await sel.executeTakeFirst()) throw invalid("externalId", "another activity has this external id");
}

export async function updateActivityIn(
  q: Q,
  ctx: SignedInCtx,
  scope: Scope,
  id: string,
  patch: ActivityUpdate,
) {
  const before = await loadWritable(q, scope, "activities", id);
  const set: Partial<ActivitiesTable> = {};
  if (patch.type !== undefined) set.type = patch.type;
  if (patch.subject !== undefined) set.subject = patch.subject;
  if (patch.notes !== undefined) set.notes = patch.notes;
  if (patch.occurredAt !== undefined) set.occurred_at = patch.occurredAt;
  if (patch.durationMinutes !== undefined) set.duration_minutes = patch.durationMinutes;
  if (patch.outcome !== undefined) set.outcome = patch.outcome;
  if (patch.status !== undefined) set.status = patch.status;
  if (patch.accountId !== undefined || patch.contactId !== undefined || patch.dealId !== undefined) {
    const links = await resolveLinks(q, scope, {
      accountId: patch.accountId === undefined ? before.account_id : patch.accountId,
      contactId: patch.contactId === undefined ? before.contact_id : patch.contactId,
      dealId: patch.dealId === undefined ? before.deal_id : patch.dealId,
    });
    Object.assign(set, { account_id: links.accountId, contact_id: links.contactId, deal_id: links.dealId });
  }
  if (patch.externalId !== undefined && patch.externalId !== before.external_id) {
    if (patch.externalId) await assertExternalIdFree(q, ctx.actor.orgId, patch.externalId, id);
    set.external_id = patch.externalId;
  }
  const reassigned = patch.ownerId !== undefined && patch.ownerId !== before.owner_id;
  const owner = reassigned
    ? await ownerForWrite(q, scope, patch.ownerId)
    : await loadOwner(q, ctx.actor.orgId, before.owner_id).catch(() => ({
        id: before.owner_id,
        teamId: before.team_id,
      }));
  set.owner_id = owner.id;
  set.team_id = await creditFor(
    q,
    ctx.actor.orgId,
    owner,
    set.status ?? before.status,
    set.occurred_at ?? before.occurred_at,
  );
  await updateVersioned(
    q,
    "activities",
    { id, orgId: ctx.actor.orgId, version: patch.version },
    set,
    "Activity",
  );
  const after = presentActivity(
    await q.selectFrom("activities").selectAll().where("id", "=", id).executeTakeFirstOrThrow(),
  );
  await recordAudit(q, ctx, ctx.actor.orgId, {
    entity: "activity",
    entityId: id,
    action: reassigned ? "reassign" : "update",
    before: presentActivity(before),
    after,
  });
  return after;
}

export async function createActivity(ctx: SignedInCtx, input: ActivityCreate): Promise<Activity> {
  return ctx.db.k
    .transaction()
    .execute(async (tx) => createActivityIn(tx, ctx, await loadScope(tx, ctx.actor), input));
}

export async function updateActivity(ctx: SignedInCtx, id: string, patch: ActivityUpdate): Promise<Activity> {
  return ctx.db.k
    .transaction()
    .execute(async (tx) => updateActivityIn(tx, ctx, await loadScope(tx, ctx.actor), id, patch));
}

export const deleteActivity = (ctx: SignedInCtx, id: string) =>
  softDelete(ctx, "activities", id, presentActivity);
export const restoreActivity = (ctx: SignedInCtx, id: string) =>
  restore(ctx, "activities", id, presentActivity);
