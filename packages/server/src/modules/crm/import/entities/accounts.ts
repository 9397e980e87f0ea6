// Accounts from CSV: upserted by Oars id, external id or (failing both) exact name; parents linked
// after the batch is written, so a parent later in the same batch is found.
import { newId } from "../../../../db/ids";
import type { Q } from "../../../../db/tx";
import type { AccountsTable } from "../../crm.schema";
import { nameKey } from "../../text";
import type { ImportCtx } from "../context";
import { ownerFields } from "./owner";
import { matchExisting, writableProblem } from "../match";
import { RowReader } from "../row-reader";
import {
  changes,
  done,
  firstSeen,
  insertMany,
  lookup,
  rejected,
  updateRow,
  type RowResult,
  type SourceRow,
} from "../upsert";

type Fields = Partial<AccountsTable>;

function parse(ic: ImportCtx, src: SourceRow) {
  const r = new RowReader(src.values, ic.options);
  const f: Fields = {};
  const set = <K extends keyof Fields>(field: string, column: K, value: Fields[K] | null) => {
    if (r.has(field)) f[column] = (value ?? null) as Fields[K];
  };
  const name = r.text("name");
  if (name !== null) Object.assign(f, { name, name_key: nameKey(name) });
  set("industry", "industry", r.text("industry"));
  set("segment", "segment", r.text("segment"));
  set("employeeCount", "employee_count", r.count("employeeCount"));
  set("annualRevenue", "annual_revenue_minor", r.money("annualRevenue", ic.org.currency)?.minor ?? null);
  set("region", "region", r.text("region"));
  set("tier", "tier", r.text("tier"));
  set("website", "website", r.text("website", { max: 500 }));
  const tags = r.raw("tags");
  if (r.has("tags"))
    f.tags = JSON.stringify(
      tags
        ? [
            ...new Set(
              tags
                .split(/[;,|]/)
                .map((t) => t.trim())
                .filter(Boolean),
            ),
          ].slice(0, 50)
        : [],
    );
  const owner = ownerFields(ic, r);
  if (r.has("owner") && owner) Object.assign(f, owner);
  const externalId = r.text("externalId");
  const id = r.raw("id") ?? null;
  return { src, r, f, id, externalId, parent: r.raw("parent"), owner };
}

export async function applyAccounts(
  q: Q,
  ic: ImportCtx,
  rows: SourceRow[],
  write: boolean,
): Promise<RowResult[]> {
  const parsed = rows.map((src) => parse(ic, src));
  const unique = firstSeen();
  const keys = parsed.map((p) =>
    p.r.problems.length ? null : { id: p.id, externalId: p.externalId, natural: p.f.name_key ?? null },
  );
  const matches = await matchExisting(q, ic, "accounts", keys, "name_key");
  const now = new Date().toISOString();
  // First decide each row's fate, giving new accounts their ids, so parents within the batch resolve.
  const plans = parsed.map((p, i) => {
    const m = matches[i];
    if (p.r.problems.length) return { p, problems: p.r.problems };
    if (!unique(p.id ?? p.externalId ?? p.f.name_key ?? null))
      return { p, problems: [{ field: null, message: "repeats a record of an earlier row of this batch" }] };
    if (m && "problem" in m) return { p, problems: [{ field: m.field, message: m.problem }] };
    if (m) {
      const refused = writableProblem(ic, m.row);
      return refused ? { p, problems: [{ field: null, message: refused }] } : { p, existing: m.row };
    }
    if (!p.f.name || !p.f.name_key)
      return { p, problems: [{ field: "name", message: "is required to create an account" }] };
    if (!p.owner) return { p, problems: [{ field: "owner", message: "no owner for a new account" }] };
    const row: AccountsTable = {
      id: newId(),
      org_id: ic.org.id,
      name: p.f.name,
      name_key: p.f.name_key,
      industry: p.f.industry ?? null,
      segment: p.f.segment ?? null,
      employee_count: p.f.employee_count ?? null,
      annual_revenue_minor: p.f.annual_revenue_minor ?? null,
      region: p.f.region ?? null,
      tier: p.f.tier ?? null,
      website: p.f.website ?? null,
      parent_id: null,
      tags: p.f.tags ?? "[]",
      owner_id: p.owner.owner_id,
      team_id: p.owner.team_id,
      external_id: p.externalId,
      deleted_at: null,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    return { p, created: row };
  });
  const parents = await parentIds(
    q,
    ic,
    plans.flatMap((x) => (x.p.parent ? [x.p.parent] : [])),
    plans.flatMap((x) => (x.created ? [x.created] : [])),
  );
  const results: RowResult[] = [];
  const inserts: AccountsTable[] = [];
  const links: { id: string; parent: string }[] = [];
  for (const x of plans) {
    if (x.problems) {
      results.push(rejected(x.p.src, x.problems));
      continue;
    }
    const self = x.existing?.id ?? x.created?.id;
    const parent = x.p.parent === undefined ? undefined : parents(x.p.parent);
    if (x.p.parent !== undefined && (!parent || parent === self)) {
      results.push(
        rejected(x.p.src, [{ field: "parent", message: `unknown parent account "${x.p.parent}"` }]),
      );
      continue;
    }
    if (x.existing) {
      const set = changes(x.existing, {
        ...x.p.f,
        external_id: x.p.externalId ?? undefined,
        parent_id: parent,
      });
      if (write && Object.keys(set).length) await updateRow(q, "accounts", x.existing.id, set);
      results.push(done(x.p.src, Object.keys(set).length ? "update" : "unchanged"));
    } else if (x.created) {
      inserts.push(x.created);
      if (parent) links.push({ id: x.created.id, parent });
      results.push(done(x.p.src, "create"));
    }
  }
  if (!write) return results;
  await insertMany(q, "accounts", inserts, ic.raw);
  // Linked after the insert: a parent may come later in the batch than its child.
  for (const l of links) await updateRow(q, "accounts", l.id, { parent_id: l.parent }, false);
  return results;
}

/** A resolver of parent references: Oars id, external id or name, in the database or this batch. */
async function parentIds(q: Q, ic: ImportCtx, refs: string[], created: AccountsTable[]) {
  const at = { orgId: ic.org.id, engine: ic.raw.engine };
  const byId = await lookup(q, at, "accounts", "id", refs);
  const byExt = await lookup(q, at, "accounts", "external_id", refs);
  const byName = await lookup(
    q,
    at,
    "accounts",
    "name_key",
    refs.filter((r) => !byId.has(r) && !byExt.has(r)).map(nameKey),
    true,
  );
  const local = new Map<string, string>();
  for (const a of created) {
    if (a.external_id) local.set(`e:${a.external_id}`, a.id);
    local.set(`n:${a.name_key}`, a.id);
  }
  return (ref: string): string | undefined =>
    byId.get(ref)?.[0]?.id ??
    byExt.get(ref)?.[0]?.id ??
    local.get(`e:${ref}`) ??
    byName.get(nameKey(ref))?.[0]?.id ??
    local.get(`n:${nameKey(ref)}`);
}
