// Live progress: manual check-ins, and the indexes the metric aggregates read
// (docs/decisions/006-progress-from-indexed-aggregates.md).
import { sql, type Kysely } from "kysely";

type B = Kysely<unknown>;

export async function up(db: B): Promise<void> {
  await db.schema
    .createTable("progress_checkins")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("orgs.id"))
    .addColumn("objective_id", "text", (c) => c.notNull().references("objectives.id"))
    .addColumn("person_id", "text", (c) => c.notNull().references("people.id"))
    .addColumn("checkin_date", "text", (c) => c.notNull())
    .addColumn("value", "double precision", (c) => c.notNull())
    .addColumn("confidence", "double precision")
    .addColumn("note", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("progress_checkins_objective")
    .on("progress_checkins")
    .columns(["org_id", "objective_id", "checkin_date"])
    .execute();
  // Covering indexes for the org-wide and team sums (measured in the ADR): won money by close date,
  // pipeline by created date, without a lookup into the table per deal.
  await db.schema
    .createIndex("deals_won_close")
    .on("deals")
    .columns(["org_id", "status", "close_date", "amount_org_minor", "team_id", "owner_id"])
    .where(sql<boolean>`deleted_at is null`)
    .execute();
  await db.schema
    .createIndex("deals_created")
    .on("deals")
    .columns(["org_id", "created_date", "amount_org_minor", "team_id", "owner_id"])
    .where(sql<boolean>`deleted_at is null`)
    .execute();
}
