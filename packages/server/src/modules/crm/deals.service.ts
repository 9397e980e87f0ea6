// Deals: create, change, move through the pipeline (every stage change recorded with its time),
// reassign, and their product lines. Amounts are converted to the org's currency at the dated
// rate; the deal counts for its owner's team on the close date once closed.
import type { DealCreate, DealDetail, DealProductLine, DealUpdate, StageChange } from "@oars/core";
import { newId } from "../../db/ids";
import type { Q } from "../../db/tx";
import { updateVersioned } from "../../db/versioned";
import type { SignedInCtx } from "../../http/context";
import { invalid } from "../../http/errors";
import { todayInZone } from "../../lib/dates";
import { loadScope, type Scope } from "../../policies/scope";
import { recordAudit } from "../audit/audit.record";
import type { DealsTable } from "./crm.schema";
import { presentDeal, presentStageChange } from "./crm.present";
import { stageOutcome } from "./deals.rules";
import { amountInOrgCurrency } from "./money";
import { orgFacts } from "./org-facts";
import { assertVisibleRef, loadVisible, loadWritable, restore, softDelete } from "./owned";
import { creditTeam, loadOwner, ownerForWrite } from "./ownership";
import { ensureStages } from "./stages.service";
import { nameKey } from "./text";

async function productLines(q: Q, dealId: string): Promise<DealProductLine[]> {
  const rows = await q
    .selectFrom("deal_products")
    .selectAll()
    .where("deal_id", "=", dealId)
    .orderBy("id")
    .execute();
  return rows.map((r) => ({
    productId: r.product_id,
    quantity: r.quantity,
    unitPriceMinor: r.unit_price_minor,
  }));
}

async function detail(q: Q, row: DealsTable): Promise<DealDetail> {
  return { ...presentDeal(row), products: await productLines(q, row.id) };
}

export async function getDeal(ctx: SignedInCtx, id: string): Promise<DealDetail> {
  const scope = await loadScope(ctx.db.k, ctx.actor);
  return detail(ctx.db.k, await loadVisible(ctx.db.k, scope, "deals", id));
}

export async function dealHistory(ctx: SignedInCtx, id: string): Promise<StageChange[]> {
  const scope = await loadScope(ctx.db.k, ctx.actor);
  await loadVisible(ctx.db.k, scope, "deals", id);
  const rows = await ctx.db.k
    .selectFrom("deal_stage_history")
    .selectAll()
    .where("org_id", "=", ctx.actor.orgId)
    .where("deal_id", "=", id)
    .orderBy("changed_at")
    .orderBy("id")
    .execute();
  return rows.map(presentStageChange);
}

async function assertExternalIdFree(q: Q, orgId: string, externalId: string | null, exceptId?: string) {
  if (externalId === null) return;
  let sel = q
    .selectFrom("deals")
    .select("id")
    .where("org_id", "=", orgId)
    .where("external_id", "=", externalId);
  if (exceptId) sel = sel.where("id", "!=", exceptId);
  if (await sel.executeTakeFirst()) throw invalid("externalId", "another deal has this external id");
}

async function replaceProducts(q: Q, orgId: string, dealId: string, lines: DealProductLine[]): Promise<void> {
  const ids = [...new Set(lines.map((l) => l.productId))];
  const known = ids.length
    ? new Set(
        (
          await q
            .selectFrom("products")
            .select("id")
            .where("org_id", "=", orgId)
            .where("id", "in", ids)
            .execute()
        ).map((p) => p.id),
      )
    : new Set<string>();
  for (const [i, l] of lines.entries())
    if (!known.has(l.productId))
      throw invalid(`products.${i}.productId`, "must be a product of this organisation");
  await q.deleteFrom("deal_products").where("deal_id", "=", dealId).execute();
  if (lines.length)
    await q
      .insertInto("deal_products")
      .values(
        lines.map((l) => ({
          id: newId(),
          org_id: orgId,
          deal_id: dealId,
          product_id: l.productId,
          quantity: l.quantity,
          unit_price_minor: l.unitPriceMinor,
        })),
      )
      .execute();
}

async function recordStageChange(
  q: Q,
  ctx: SignedInCtx,
  deal: { id: string; org_id: string },
  from: string | null,
  to: string,
  at: string,
) {
  await q
    .insertInto("deal_stage_history")
    .values({
      id: newId(),
      org_id: deal.org_id,
      deal_id: deal.id,
      from_stage_id: from,
      to_stage_id: to,
      changed_at: at,
      changed_by: ctx.actor.personId,
    })
    .execute();
}

export async function createDealIn(
  q: Q,
  ctx: SignedInCtx,
  scope: Scope,
  input: DealCreate,
): Promise<DealDetail> {
  const org = await orgFacts(q, ctx.actor.orgId);
  const owner = await ownerForWrite(q, scope, input.ownerId);
  if (input.accountId) await assertVisibleRef(q, scope, "accounts", input.accountId, "accountId");
  await assertExternalIdFree(q, org.id, input.externalId);
  const outcome = stageOutcome(await ensureStages(q, org.id), input, null);
  const currency = input.currency ?? org.currency;
  const now = new Date().toISOString();
  const row: DealsTable = {
    id: newId(),
    org_id: org.id,
    account_id: input.accountId,
    name: input.name,
    name_key: nameKey(input.name),
    amount_minor: input.amountMinor,
    currency,
    amount_org_minor: await amountInOrgCurrency(q, org, input.amountMinor, currency, input.closeDate),
    stage_id: outcome.stage.id,
    status: outcome.status,
    probability: outcome.probability,
    forecast_category: outcome.forecastCategory,
    close_date: input.closeDate,
    created_date: input.createdDate ?? todayInZone(org.timeZone),
    lost_reason: outcome.lostReason,
    business_type: input.businessType,
    stage_changed_at: now,
    owner_id: owner.id,
    team_id: await creditTeam(q, org.id, owner, outcome.status === "open" ? null : input.closeDate),
    external_id: input.externalId,
    deleted_at: null,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  await q.insertInto("deals").values(row).execute();
  if (input.products) await replaceProducts(q, org.id, row.id, input.products);
  await recordStageChange(q, ctx, row, null, row.stage_id, now);
  const deal = await detail(q, row);
  await recordAudit(q, ctx, org.id, { entity: "deal", entityId: row.id, action: "create", after: deal });
  return deal;
}

export async function updateDealIn(
  q: Q,
  ctx: SignedInCtx,
  scope: Scope,
  id: string,
  patch: DealUpdate,
): Promise<DealDetail> {
  const org = await orgFacts(q, ctx.actor.orgId);
  const before = await loadWritable(q, scope, "deals", id);
  const beforeDetail = await detail(q, before);
  const outcome = stageOutcome(await ensureStages(q, org.id), patch, before);
  const set: Partial<DealsTable> = {
    stage_id: outcome.stage.id,
    status: outcome.status,
    probability: outcome.probability,
    forecast_category: outcome.forecastCategory,
    lost_reason: outcome.lostReason,
  };
  if (patch.name !== undefined) Object.assign(set, { name: patch.name, name_key: nameKey(patch.name) });
  if (patch.businessType !== undefined) set.business_type = patch.businessType;
  if (patch.createdDate !== undefined) set.created_date = patch.createdDate;
  if (patch.closeDate !== undefined) set.close_date = patch.closeDate;
  if (patch.accountId !== undefined && patch.accountId !== before.account_id) {
    if (patch.accountId) await assertVisibleRef(q, scope, "accounts", patch.accountId, "accountId");
    set.account_id = patch.accountId;
  }
  if (patch.externalId !== undefined && patch.externalId !== before.external_id) {
    await assertExternalIdFree(q, org.id, patch.externalId, id);
    set.external_id = patch.externalId;
  }
  const amount = patch.amountMinor ?? before.amount_minor;
  const currency = patch.currency ?? before.currency;
  const closeDate = patch.closeDate ?? before.close_date;
  if (patch.amountMinor !== undefined || patch.currency !== undefined || patch.closeDate !== undefined) {
    Object.assign(set, { amount_minor: amount, currency });
    set.amount_org_minor = await amountInOrgCurrency(q, org, amount, currency, closeDate);
  }
  const reassigned = patch.ownerId !== undefined && patch.ownerId !== before.owner_id;
  const owner = reassigned
    ? await ownerForWrite(q, scope, patch.ownerId)
    : await loadOwner(q, org.id, before.owner_id).catch(() => ({
        id: before.owner_id,
        teamId: before.team_id,
      }));
  set.owner_id = owner.id;
  set.team_id = await creditTeam(q, org.id, owner, outcome.status === "open" ? null : closeDate);
  if (outcome.stageChanged) set.stage_changed_at = new Date().toISOString();
  await updateVersioned(q, "deals", { id, orgId: org.id, version: patch.version }, set, "Deal");
  if (patch.products !== undefined) await replaceProducts(q, org.id, id, patch.products);
  if (outcome.stageChanged && set.stage_changed_at)
    await recordStageChange(q, ctx, before, before.stage_id, outcome.stage.id, set.stage_changed_at);
  const after = await detail(
    q,
    await q.selectFrom("deals").selectAll().where("id", "=", id).executeTakeFirstOrThrow(),
  );
  await recordAudit(q, ctx, org.id, {
    entity: "deal",
    entityId: id,
    action: reassigned ? "reassign" : outcome.stageChanged ? "stage-change" : "update",
    before: beforeDetail,
    after,
  });
  return after;
}

export async function createDeal(ctx: SignedInCtx, input: DealCreate): Promise<DealDetail> {
  return ctx.db.k
    .transaction()
    .execute(async (tx) => createDealIn(tx, ctx, await loadScope(tx, ctx.actor), input));
}

export async function updateDeal(ctx: SignedInCtx, id: string, patch: DealUpdate): Promise<DealDetail> {
  return ctx.db.k
    .transaction()
    .execute(async (tx) => updateDealIn(tx, ctx, await loadScope(tx, ctx.actor), id, patch));
}

export const deleteDeal = (ctx: SignedInCtx, id: string) => softDelete(ctx, "deals", id, presentDeal);
export const restoreDeal = (ctx: SignedInCtx, id: string) => restore(ctx, "deals", id, presentDeal);
