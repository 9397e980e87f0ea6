// Deals by status and stage, covering close date, amount, team and owner: the dashboard's funnel
// (open deals by stage, and those closed in the period) reads this index alone (docs/decisions/010).
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex("deals_status_stage")
    .on("deals")
    .columns(["org_id", "status", "stage_id", "close_date", "amount_org_minor", "team_id", "owner_id"])
    .where(sql<boolean>`deleted_at is null`)
    .execute();
}
