// The product catalogue and the org's dated exchange rates. Everyone reads both; admins change
// them. A changed rate converts the deals in that currency again, in the same transaction.
import type {
  ExchangeRate,
  ExchangeRateInput,
  Page,
  Product,
  ProductCreate,
  ProductQuery,
  ProductUpdate,
} from "@oars/core";
import { newId } from "../../db/ids";
import type { Q } from "../../db/tx";
import { updateVersioned } from "../../db/versioned";
import type { SignedInCtx } from "../../http/context";
import { forbidden, invalid, notFound } from "../../http/errors";
import { mayChangeCatalogue } from "../../policies/crm.policy";
import { loadScope } from "../../policies/scope";
import { recordAudit } from "../audit/audit.record";
import type { ProductsTable } from "./crm.schema";
import { presentProduct, presentRate } from "./crm.present";
import { afterKeyset, keysetPage, readKeyset } from "./keyset";
import { reconvertDeals } from "./money";
import { orgFacts } from "./org-facts";
import { containsKey, nameKey } from "./text";

async function assertAdmin(q: Q, ctx: SignedInCtx): Promise<void> {
  if (!mayChangeCatalogue(await loadScope(q, ctx.actor)))
    throw forbidden("Only an admin changes the pipeline, products and exchange rates");
}

export async function listProducts(ctx: SignedInCtx, query: ProductQuery): Promise<Page<Product>> {
  const k = readKeyset(query.cursor, "name", "asc");
  let q = ctx.db.k.selectFrom("products").selectAll().where("org_id", "=", ctx.actor.orgId);
  if (!query.includeArchived) q = q.where("archived_at", "is", null);
  if (query.family) q = q.where("family", "=", query.family);
  if (query.q) q = q.where(containsKey("name_key", query.q));
  if (k) q = q.where(afterKeyset("name_key", k));
  const rows = await q
    .orderBy("name_key")
    .orderBy("id")
    .limit(query.limit + 1)
    .execute();
  return keysetPage(rows, query.limit, "name", "asc", (r) => r.name_key, presentProduct);
}

async function loadProduct(q: Q, orgId: string, id: string): Promise<ProductsTable> {
  const row = await q
    .selectFrom("products")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) throw notFound("Product");
  return row;
}

export async function getProduct(ctx: SignedInCtx, id: string): Promise<Product> {
  return presentProduct(await loadProduct(ctx.db.k, ctx.actor.orgId, id));
}

async function assertExternalIdFree(q: Q, orgId: string, externalId: string | null, exceptId?: string) {
  if (externalId === null) return;
  let sel = q
    .selectFrom("products")
    .select("id")
    .where("org_id", "=", orgId)
    .where("external_id", "=", externalId);
  if (exceptId) sel = sel.where("id", "!=", exceptId);
  if (await sel.executeTakeFirst()) throw invalid("externalId", "another product has this external id");
}

export async function createProduct(ctx: SignedInCtx, input: ProductCreate): Promise<Product> {
  return ctx.db.k.transaction().execute(async (tx) => {
    await assertAdmin(tx, ctx);
    await assertExternalIdFree(tx, ctx.actor.orgId, input.externalId);
    const org = await orgFacts(tx, ctx.actor.orgId);
    const now = new Date().toISOString();
    const row: ProductsTable = {
      id: newId(),
      org_id: ctx.actor.orgId,
      name: input.name,
      name_key: nameKey(input.name),
      family: input.family,
      list_price_minor: input.listPriceMinor,
      currency: input.currency ?? org.currency,
      external_id: input.externalId,
      archived_at: null,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await tx.insertInto("products").values(row).execute();
    await recordAudit(tx, ctx, ctx.actor.orgId, {
      entity: "product",
      entityId: row.id,
      action: "create",
      after: presentProduct(row),
    });
    return presentProduct(row);
  });
}

export async function updateProduct(ctx: SignedInCtx, id: string, patch: ProductUpdate): Promise<Product> {
  return ctx.db.k.transaction().execute(async (tx) => {
    await assertAdmin(tx, ctx);
    const before = await loadProduct(tx, ctx.actor.orgId, id);
    const set: Partial<ProductsTable> = {};
    if (patch.name !== undefined) Object.assign(set, { name: patch.name, name_key: nameKey(patch.name) });
    if (patch.family !== undefined) set.family = patch.family;
    if (patch.listPriceMinor !== undefined) set.list_price_minor = patch.listPriceMinor;
    if (patch.currency !== undefined) set.currency = patch.currency;
    if (patch.externalId !== undefined) {
      await assertExternalIdFree(tx, ctx.actor.orgId, patch.externalId, id);
      set.external_id = patch.externalId;
    }
    if (patch.archived !== undefined && patch.archived !== (before.archived_at !== null))
      set.archived_at = patch.archived ? new Date().toISOString() : null;
    await updateVersioned(
      tx,
      "products",
      { id, orgId: ctx.actor.orgId, version: patch.version },
      set,
      "Product",
    );
    const after = await loadProduct(tx, ctx.actor.orgId, id);
    await recordAudit(tx, ctx, ctx.actor.orgId, {
      entity: "product",
      entityId: id,
      action: "update",
      before: presentProduct(before),
      after: presentProduct(after),
    });
    return presentProduct(after);
  });
}

export async function listRates(ctx: SignedInCtx, currency: string | undefined): Promise<ExchangeRate[]> {
  let q = ctx.db.k.selectFrom("exchange_rates").selectAll().where("org_id", "=", ctx.actor.orgId);
  if (currency) q = q.where("currency", "=", currency);
  return (await q.orderBy("currency").orderBy("rate_date").execute()).map(presentRate);
}

/** Sets rates by (currency, date): a new date adds a rate, a known one replaces it. */
export async function putRates(ctx: SignedInCtx, rates: ExchangeRateInput[]): Promise<ExchangeRate[]> {
  return ctx.db.k.transaction().execute(async (tx) => {
    await assertAdmin(tx, ctx);
    const org = await orgFacts(tx, ctx.actor.orgId);
    const touched = new Set<string>();
    for (const [i, r] of rates.entries()) {
      if (r.currency === org.currency)
        throw invalid(
          `rates.${i}.currency`,
          `is the org's own currency (${org.currency}); its rate is always 1`,
        );
      const now = new Date().toISOString();
      const found = await tx
        .selectFrom("exchange_rates")
        .selectAll()
        .where("org_id", "=", org.id)
        .where("currency", "=", r.currency)
        .where("rate_date", "=", r.date)
        .executeTakeFirst();
      if (found) {
        if (found.rate === r.rate) continue;
        await tx
          .updateTable("exchange_rates")
          .set({ rate: r.rate, version: found.version + 1, updated_at: now })
          .where("id", "=", found.id)
          .execute();
      } else {
        const row = {
          id: newId(),
          org_id: org.id,
          currency: r.currency,
          rate_date: r.date,
          rate: r.rate,
          version: 1,
          created_at: now,
          updated_at: now,
        };
        await tx.insertInto("exchange_rates").values(row).execute();
      }
      touched.add(r.currency);
      await recordAudit(tx, ctx, org.id, {
        entity: "exchange_rate",
        entityId: `${r.currency}:${r.date}`,
        action: found ? "update" : "create",
        before: found ? presentRate(found) : undefined,
        after: r,
      });
    }
    for (const currency of touched) await reconvertDeals(tx, org, currency);
    const rows = await tx
      .selectFrom("exchange_rates")
      .selectAll()
      .where("org_id", "=", org.id)
      .orderBy("currency")
      .orderBy("rate_date")
      .execute();
    return rows.map(presentRate);
  });
}

export async function deleteRate(ctx: SignedInCtx, id: string): Promise<void> {
  await ctx.db.k.transaction().execute(async (tx) => {
    await assertAdmin(tx, ctx);
    const org = await orgFacts(tx, ctx.actor.orgId);
    const row = await tx
      .selectFrom("exchange_rates")
      .selectAll()
      .where("org_id", "=", org.id)
      .where("id", "=", id)
      .executeTakeFirst();
    if (!row) throw notFound("Exchange rate");
    await tx.deleteFrom("exchange_rates").where("id", "=", id).execute();
    await reconvertDeals(tx, org, row.currency);
    await recordAudit(tx, ctx, org.id, {
      entity: "exchange_rate",
      entityId: id,
      action: "delete",
      before: presentRate(row),
    });
  });
}
