// Progress alerts: the last attainment and status each objective was seen at, so a crossing of
// 50 / 90 / 100 % or a slip in status is told once.
import type { Kysely } from "kysely";

type B = Kysely<unknown>;

export async function up(db: B): Promise<void> {
  await db.schema
    .createTable("progress_alert_state")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("orgs.id"))
    .addColumn("objective_id", "text", (c) => c.notNull().references("objectives.id"))
    .addColumn("percent", "double precision", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("progress_alert_state_objective")
    .on("progress_alert_state")
    .columns(["org_id", "objective_id"])
    .unique()
    .execute();
}
