// The hot deals pages — a rep's or a team's deals of one status (open, most often) by close date —
// read their first 50 rows straight from these indexes instead of walking past every closed deal
// of the owner or team in close-date order (bench/RESULTS.md, "Deals pages at full scale").
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex("deals_owner_status")
    .on("deals")
    .columns(["org_id", "owner_id", "status", "close_date", "id"])
    .where(sql<boolean>`deleted_at is null`)
    .execute();
  await db.schema
    .createIndex("deals_team_status")
    .on("deals")
    .columns(["org_id", "team_id", "status", "close_date", "id"])
    .where(sql<boolean>`deleted_at is null`)
    .execute();
}
