// The org's data version: a counter in the database, bumped in the transaction of every audited
// write (recordAudit), so any instance over the same database sees that the org's data changed
// (docs/decisions/008-progress-result-cache.md).
import type SQLite from "better-sqlite3";
import { sql } from "kysely";
import type { Db } from "../../db/database";
import type { Q } from "../../db/tx";

export interface ProgressDataVersionsTable {
  org_id: string;
  version: number;
}

declare module "../../db/schema" {
  interface Database {
    progress_data_versions: ProgressDataVersionsTable;
  }
}

/** Bumps the org's data version; call it in the write's own transaction. */
export async function bumpDataVersion(q: Q, orgId: string): Promise<void> {
  await q
    .insertInto("progress_data_versions")
    .values({ org_id: orgId, version: 1 })
    .onConflict((oc) =>
      oc.column("org_id").doUpdateSet({ version: sql<number>`progress_data_versions.version + 1` }),
    )
    .execute();
}

/** The org's data version now: 0 before its first audited write. */
export async function dataVersion(q: Q, orgId: string): Promise<number> {
  const row = await q
    .selectFrom("progress_data_versions")
    .select("version")
    .where("org_id", "=", orgId)
    .executeTakeFirst();
  return row ? Number(row.version) : 0;
}

// On SQLite the read runs on a statement prepared once per handle (the query builder prepares per
// call, which is most of a warm read's cost). better-sqlite3 is synchronous, so it never waits on
// a transaction of another request: at worst it sees a bump not yet committed, and the result
// computed after that commit is kept under it.
const statements = new WeakMap<SQLite.Database, SQLite.Statement<[string], { version: number }>>();

/** `dataVersion` on the instance's database handle, outside any transaction. */
export async function currentDataVersion(db: Db, orgId: string): Promise<number> {
  if (!db.sqlite) return dataVersion(db.k, orgId);
  let stmt = statements.get(db.sqlite);
  if (!stmt) {
    stmt = db.sqlite.prepare<[string], { version: number }>(
      "select version from progress_data_versions where org_id = ?",
    );
    statements.set(db.sqlite, stmt);
  }
  const row = stmt.get(orgId);
  return row ? Number(row.version) : 0;
}
