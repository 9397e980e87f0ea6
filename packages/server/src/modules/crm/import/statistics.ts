// PostgreSQL plans by table statistics, and a bulk import outruns autovacuum: tables loaded a
// moment ago look empty to the planner, which then reads a whole org where one index probe per
// row would do (a 1M-deal import ran at a third of its speed). So an import analyses the tables
// it reads at its start, and the one it writes each time it has doubled since — only the columns
// its lookups filter on: a whole-table ANALYZE also evaluates every expression index (the name
// search's to_tsvector) over its sample, three times the cost, for statistics no import query
// uses. A column-list ANALYZE still updates the table's size, and leaves its change counter for
// autovacuum to analyse the rest.
import type { ImportEntity } from "@oars/core";
import { sql } from "kysely";
import type { Db } from "../../../db/database";

const READS: Record<ImportEntity, string[]> = {
  teams: [],
  people: [],
  products: ["products"],
  accounts: ["accounts"],
  contacts: ["contacts", "accounts"],
  deals: ["deals", "accounts"],
  activities: ["activities", "accounts", "contacts", "deals"],
};

/** The columns import lookups filter on (upsert.ts lookup, match.ts, entities/refs.ts). */
const LOOKED_UP: Record<string, string[]> = {
  products: ["id", "org_id", "external_id", "name_key"],
  accounts: ["id", "org_id", "external_id", "deleted_at", "name_key"],
  contacts: ["id", "org_id", "external_id", "deleted_at", "name_key", "email"],
  deals: ["id", "org_id", "external_id", "deleted_at", "name_key"],
  activities: ["id", "org_id", "external_id", "deleted_at"],
};

export function plannerStatistics(db: Db, entity: ImportEntity) {
  const target = READS[entity][0];
  let analysedAt = 0;
  // The ANALYZE after a batch runs on a pooled connection of its own while the next batch is read
  // and parsed (it takes a lock that inserts do not wait for); the next one, or the end, awaits it.
  let running: Promise<void> = Promise.resolve();
  const analyse = async (tables: string[]) => {
    for (const t of tables) {
      const columns = sql.join((LOOKED_UP[t] ?? []).map((c) => sql.ref(c)));
      await sql`analyze ${sql.table(t)} (${columns})`.execute(db.k);
    }
  };
  return {
    async atStart(): Promise<void> {
      if (db.engine === "postgres") await analyse(READS[entity]);
    },
    /** After a committed batch: `written` rows so far in this run. */
    async afterBatch(written: number): Promise<void> {
      if (db.engine !== "postgres" || !target) return;
      if (written < Math.max(10_000, analysedAt * 2)) return;
      analysedAt = written;
      await running;
      running = analyse([target]);
      // Observed by the next afterBatch or by finish(); unobserved until then, not unhandled.
      running.catch(() => {});
    },
    /** After the last batch: the ANALYZE still running has finished. */
    async finish(): Promise<void> {
      await running;
    },
  };
}
