// Contacts from CSV: upserted by Oars id, external id or email; the account by id, external id or
// name; the name from one column or from first and last name.
import { newId } from "../../../../db/ids";
import type { Q } from "../../../../db/tx";
import type { ContactsTable } from "../../crm.schema";
import { nameKey } from "../../text";
import type { ImportCtx } from "../context";
import { matchExisting, writableProblem } from "../match";
import { RowReader } from "../row-reader";
import { BUYING_ROLES } from "../synonyms";
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
import { ownerFields } from "./owner";
import { resolveRefs } from "./refs";

type Fields = Partial<ContactsTable>;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function parse(ic: ImportCtx, src: SourceRow) {
  const r = new RowReader(src.values, ic.options);
  const f: Fields = {};
  const set = <K extends keyof Fields>(field: string, column: K, value: Fields[K] | null) => {
    if (r.has(field)) f[column] = (value ?? null) as Fields[K];
  };
  const full =
    r.text("name") ?? ([r.text("firstName"), r.text("lastName")].filter(Boolean).join(" ") || null);
  if (full) Object.assign(f, { name: full, name_key: nameKey(full) });
  const email = r.text("email", { max: 254 })?.toLowerCase() ?? null;
  if (email !== null && !EMAIL.test(email)) r.fail("email", `"${email}" is not an email address`);
  set("email", "email", email);
  set("title", "title", r.text("title"));
  set("phone", "phone", r.text("phone", { max: 50 }));
  set("buyingRole", "buying_role", r.oneOf("buyingRole", BUYING_ROLES, "buying role"));
  const strength = r.count("relationshipStrength", 5);
  if (strength === 0) r.fail("relationshipStrength", "must be 1 to 5");
  set("relationshipStrength", "relationship_strength", strength);
  const owner = ownerFields(ic, r);
  if (r.has("owner") && owner) Object.assign(f, owner);
  return {
    src,
    r,
    f,
    owner,
    id: r.raw("id") ?? null,
    externalId: r.text("externalId"),
    account: r.raw("account"),
  };
}

export async function applyContacts(
  q: Q,
  ic: ImportCtx,
  rows: SourceRow[],
  write: boolean,
): Promise<RowResult[]> {
  const parsed = rows.map((src) => parse(ic, src));
  const accounts = await resolveRefs(
    q,
    ic,
    "accounts",
    parsed.flatMap((p) => (p.account ? [p.account] : [])),
  );
  const keys = parsed.map((p) =>
    p.r.problems.length ? null : { id: p.id, externalId: p.externalId, natural: p.f.email ?? null },
  );
  const matches = await matchExisting(q, ic, "contacts", keys, "email");
  const unique = firstSeen();
  const results: RowResult[] = [];
  const inserts: ContactsTable[] = [];
  const now = new Date().toISOString();
  for (const [i, p] of parsed.entries()) {
    const m = matches[i];
    if (p.account !== undefined) {
      const a = accounts(p.account);
      if (a === "ambiguous")
        p.r.fail("account", `several accounts are named "${p.account}"; use its external id`);
      else if (!a) p.r.fail("account", `unknown account "${p.account}"`);
      else p.f.account_id = a.id;
    }
    if (p.r.problems.length) {
      results.push(rejected(p.src, p.r.problems));
      continue;
    }
    if (!unique(p.id ?? p.externalId ?? p.f.email ?? null)) {
      results.push(
        rejected(p.src, [{ field: null, message: "repeats a record of an earlier row of this batch" }]),
      );
      continue;
    }
    if (m && "problem" in m) {
      results.push(rejected(p.src, [{ field: m.field, message: m.problem }]));
      continue;
    }
    if (m) {
      const refused = writableProblem(ic, m.row);
      if (refused) {
        results.push(rejected(p.src, [{ field: null, message: refused }]));
        continue;
      }
      const set = changes(m.row, { ...p.f, external_id: p.externalId ?? undefined });
      if (write && Object.keys(set).length) await updateRow(q, "contacts", m.row.id, set);
      results.push(done(p.src, Object.keys(set).length ? "update" : "unchanged"));
      continue;
    }
    if (!p.f.name || !p.f.name_key) {
      results.push(rejected(p.src, [{ field: "name", message: "is required to create a contact" }]));
      continue;
    }
    if (!p.owner) {
      results.push(rejected(p.src, [{ field: "owner", message: "no owner for a new contact" }]));
      continue;
    }
    inserts.push({
      id: newId(),
      org_id: ic.org.id,
      account_id: p.f.account_id ?? null,
      name: p.f.name,
      name_key: p.f.name_key,
      title: p.f.title ?? null,
      email: p.f.email ?? null,
      phone: p.f.phone ?? null,
      buying_role: p.f.buying_role ?? null,
      relationship_strength: p.f.relationship_strength ?? null,
      ...p.owner,
      external_id: p.externalId,
      deleted_at: null,
      version: 1,
      created_at: now,
      updated_at: now,
    });
    results.push(done(p.src, "create"));
  }
  if (write) await insertMany(q, "contacts", inserts, ic.raw);
  return results;
}
