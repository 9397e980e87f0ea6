// Products from CSV: upserted by Oars id, external id or name.
import { newId } from "../../../../db/ids";
import type { Q } from "../../../../db/tx";
import type { ProductsTable } from "../../crm.schema";
import { nameKey } from "../../text";
import type { ImportCtx } from "../context";
import { matchExisting } from "../match";
import { RowReader } from "../row-reader";
import {
  changes,
  done,
  firstSeen,
  insertMany,
  rejected,
  updateRow,
  type RowResult,
  type SourceRow,
} from "../upsert";

function parse(ic: ImportCtx, src: SourceRow) {
  const r = new RowReader(src.values, ic.options);
  const f: Partial<ProductsTable> = {};
  const name = r.text("name");
  if (name) Object.assign(f, { name, name_key: nameKey(name) });
  if (r.has("family")) f.family = r.text("family");
  const currency = r.currency("currency");
  if (currency) f.currency = currency;
  if (r.has("listPrice")) {
    const price = r.money("listPrice", currency ?? ic.org.currency);
    f.list_price_minor = price?.minor ?? null;
    if (price && !currency) f.currency = price.currency;
  }
  return { src, r, f, id: r.raw("id") ?? null, externalId: r.text("externalId") };
}

export async function applyProducts(
  q: Q,
  ic: ImportCtx,
  rows: SourceRow[],
  write: boolean,
): Promise<RowResult[]> {
  const parsed = rows.map((src) => parse(ic, src));
  const keys = parsed.map((p) =>
    p.r.problems.length ? null : { id: p.id, externalId: p.externalId, natural: p.f.name_key ?? null },
  );
  const matches = await matchExisting(q, ic, "products", keys, "name_key");
  const unique = firstSeen();
  const results: RowResult[] = [];
  const inserts: ProductsTable[] = [];
  const now = new Date().toISOString();
  for (const [i, p] of parsed.entries()) {
    const m = matches[i];
    if (p.r.problems.length) results.push(rejected(p.src, p.r.problems));
    else if (!unique(p.id ?? p.externalId ?? p.f.name_key ?? null))
      results.push(
        rejected(p.src, [{ field: null, message: "repeats a product of an earlier row of this batch" }]),
      );
    else if (m && "problem" in m) results.push(rejected(p.src, [{ field: m.field, message: m.problem }]));
    else if (m) {
      const set = changes(m.row, { ...p.f, external_id: p.externalId ?? undefined });
      if (write && Object.keys(set).length) await updateRow(q, "products", m.row.id, set);
      results.push(done(p.src, Object.keys(set).length ? "update" : "unchanged"));
    } else if (!p.f.name || !p.f.name_key)
      results.push(rejected(p.src, [{ field: "name", message: "is required to create a product" }]));
    else {
      inserts.push({
        id: newId(),
        org_id: ic.org.id,
        name: p.f.name,
        name_key: p.f.name_key,
        family: p.f.family ?? null,
        list_price_minor: p.f.list_price_minor ?? null,
        currency: p.f.currency ?? ic.org.currency,
        external_id: p.externalId,
        archived_at: null,
        version: 1,
        created_at: now,
        updated_at: now,
      });
      results.push(done(p.src, "create"));
    }
  }
  if (write) await insertMany(q, "products", inserts, ic.raw);
  return results;
}
