// A whole organisation as one JSON document: export it, import it into the same or the other
// database engine. Sessions and one-time links stay behind (transfer.tables.ts says what and why);
// everything else moves with its ids.
import type { Kysely } from "kysely";
import { z } from "zod";
import type { Db } from "../../db/database";
import { migrations } from "../../db/migrations/index";
import type { Q } from "../../db/tx";
import { AppError, invalid } from "../../http/errors";
import { bumpDataVersion } from "../progress/data-version";
import { TRANSFER_TABLES } from "./transfer.tables";

type Row = Record<string, unknown>;
type Loose = Kysely<Record<string, Row>>;

export const OrgDocument = z.object({
  format: z.literal("oars.org"),
  formatVersion: z.literal(1),
  schema: z.string(),
  exportedAt: z.string(),
  tables: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
});
export type OrgDocument = z.infer<typeof OrgDocument>;

const latestSchema = () => Object.keys(migrations).sort().at(-1) ?? "";

export async function exportOrg(db: Db, orgId: string): Promise<OrgDocument> {
  const k = db.k as unknown as Loose;
  const tables: Record<string, Row[]> = {};
  for (const t of TRANSFER_TABLES) {
    const key = t.name === "orgs" ? "id" : "org_id";
    tables[t.name] = await k.selectFrom(t.name).selectAll().where(key, "=", orgId).orderBy("id").execute();
  }
  if ((tables.orgs ?? []).length === 0) throw new AppError("not_found", "Organisation not found");
  return {
    format: "oars.org",
    formatVersion: 1,
    schema: latestSchema(),
    exportedAt: new Date().toISOString(),
    tables,
  };
}

function parentsFirst(rows: Row[], selfRef: string): Row[] {
  const byId = new Map(rows.map((r) => [r.id as string, r]));
  const out: Row[] = [];
  const done = new Set<string>();
  const visit = (r: Row, depth: number) => {
    const id = r.id as string;
    if (done.has(id) || depth > rows.length) return;
    const parent = r[selfRef];
    if (typeof parent === "string" && byId.has(parent)) visit(byId.get(parent) as Row, depth + 1);
    done.add(id);
    out.push(r);
  };
  for (const r of rows) visit(r, 0);
  return out;
}

/** Imports in one transaction: all of it or nothing. Refuses an org that is already there. */
export async function importOrg(db: Db, doc: unknown): Promise<{ orgId: string; rows: number }> {
  const parsed = OrgDocument.safeParse(doc);
  if (!parsed.success)
    throw invalid(
      "document",
      `is not an Oars organisation export (${parsed.error.issues[0]?.message ?? "bad shape"})`,
    );
  const d = parsed.data;
  if (d.schema > latestSchema())
    throw invalid("schema", `the export comes from a newer Oars (${d.schema}); upgrade first`);
  const org = d.tables.orgs?.[0];
  if (!org || typeof org.id !== "string") throw invalid("tables.orgs", "must hold the organisation");
  const orgId = org.id;
  return db.k.transaction().execute(async (tx) => {
    const k = tx as unknown as Loose;
    if (await k.selectFrom("orgs").select("id").where("id", "=", orgId).executeTakeFirst())
      throw new AppError("conflict", `Organisation ${orgId} already exists in this database`);
    let count = 0;
    for (const t of TRANSFER_TABLES) {
      const rows = d.tables[t.name] ?? [];
      const ordered = t.selfRef ? parentsFirst(rows, t.selfRef) : rows;
      count += await insertChunked(tx, t.name, ordered);
    }
    // Derived data is rebuilt, not copied: the name search indexes fill as the rows go in (triggers
    // on SQLite, an expression index on PostgreSQL), and the org's data version (a counter of the
    // old database's writes, which keys cached progress) starts afresh here, bumped by this write as
    // recordAudit bumps it for any other.
    await bumpDataVersion(tx, orgId);
    return { orgId, rows: count };
  });
}

async function insertChunked(q: Q, table: string, rows: Row[]): Promise<number> {
  const k = q as unknown as Loose;
  const width = Math.max(1, Object.keys(rows[0] ?? {}).length);
  const size = Math.max(1, Math.floor(30_000 / width / 2));
  for (let i = 0; i < rows.length; i += size)
    await k
      .insertInto(table)
      .values(rows.slice(i, i + size))
      .execute();
  return rows.length;
}
