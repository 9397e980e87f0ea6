// Done activities of one type by time, covering the team and owner: the org-wide and team meeting
// and call counts of live progress read this index alone (docs/decisions/010).
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex("activities_type_time")
    .on("activities")
    .columns(["org_id", "type", "status", "occurred_at", "team_id", "owner_id"])
    .where(sql<boolean>`deleted_at is null`)
    .execute();
}
