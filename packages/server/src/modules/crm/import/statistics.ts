// PostgreSQL plans by table statistics, and a bulk import outruns autovacuum: tables loaded a
// moment ago look empty to the planner, which then reads a whole org where one index probe per
// row would do (a 1M-deal import ran at a third of its speed). So an import analyses the tables
// it reads at its start, and the one it writes each time it has doubled since.
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

export function plannerStatistics(db: Db, entity: ImportEntity) {
  const target = READS[entity][0];
  let analysedAt = 0;
  const analyse = async (tables: string[]) => {
    for (const t of tables) await sql`analyze ${sql.table(t)}`.execute(db.k);
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
      await analyse([target]);
    },
  };
}
