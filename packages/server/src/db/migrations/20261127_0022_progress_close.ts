// Live progress, second part: closed periods with their frozen attainment, managers' forecast
// adjustments, each person's notification preferences, and the claims of scheduled job runs.
import type { Kysely } from "kysely";

type B = Kysely<unknown>;

export async function up(db: B): Promise<void> {
  await db.schema
    .createTable("period_closes")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("orgs.id"))
    .addColumn("period_kind", "text", (c) => c.notNull())
    .addColumn("period_key", "text", (c) => c.notNull())
    .addColumn("label", "text", (c) => c.notNull())
    .addColumn("period_start", "text", (c) => c.notNull())
    .addColumn("period_end", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("closed_by", "text", (c) => c.references("people.id"))
    .addColumn("closed_at", "text", (c) => c.notNull())
    .addColumn("reopened_by", "text", (c) => c.references("people.id"))
    .addColumn("reopened_at", "text")
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  // One close per period: reopening and closing again reuses it (and freezes afresh).
  await db.schema
    .createIndex("period_closes_key")
    .on("period_closes")
    .columns(["org_id", "period_kind", "period_key"])
    .unique()
    .execute();
  await db.schema
    .createTable("period_close_rows")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("orgs.id"))
    .addColumn("close_id", "text", (c) => c.notNull().references("period_closes.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("objective_id", "text", (c) => c.notNull().references("objectives.id"))
    .addColumn("milestone_id", "text")
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("owner_type", "text", (c) => c.notNull())
    .addColumn("owner_id", "text", (c) => c.notNull())
    .addColumn("team_id", "text")
    .addColumn("metric_key", "text")
    .addColumn("period_start", "text", (c) => c.notNull())
    .addColumn("period_end", "text", (c) => c.notNull())
    .addColumn("target", "double precision")
    .addColumn("actual", "double precision")
    .addColumn("attainment", "double precision")
    .execute();
  await db.schema
    .createIndex("period_close_rows_close")
    .on("period_close_rows")
    .columns(["close_id"])
    .execute();
  await db.schema
    .createIndex("period_close_rows_objective")
    .on("period_close_rows")
    .columns(["org_id", "objective_id"])
    .execute();

  await db.schema
    .createTable("forecast_adjustments")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("orgs.id"))
    .addColumn("objective_id", "text", (c) => c.notNull().references("objectives.id"))
    .addColumn("category", "text", (c) => c.notNull())
    .addColumn("amount_minor", "bigint", (c) => c.notNull())
    .addColumn("note", "text", (c) => c.notNull())
    .addColumn("person_id", "text", (c) => c.notNull().references("people.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("forecast_adjustments_objective")
    .on("forecast_adjustments")
    .columns(["org_id", "objective_id", "category", "id"])
    .execute();

  await db.schema
    .createTable("notification_preferences")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("person_id", "text", (c) => c.notNull().unique().references("people.id"))
    .addColumn("org_id", "text", (c) => c.notNull().references("orgs.id"))
    .addColumn("threshold_50", "integer", (c) => c.notNull())
    .addColumn("threshold_90", "integer", (c) => c.notNull())
    .addColumn("threshold_100", "integer", (c) => c.notNull())
    .addColumn("at_risk", "integer", (c) => c.notNull())
    .addColumn("weekly_digest", "integer", (c) => c.notNull())
    .addColumn("in_app", "integer", (c) => c.notNull())
    .addColumn("email", "integer", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  // A job run for one slot (an hour, a week) is claimed by inserting its row; the unique key lets
  // exactly one server instance win, whatever the engine.
  await db.schema
    .createTable("scheduled_runs")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("job", "text", (c) => c.notNull())
    .addColumn("org_id", "text", (c) => c.notNull().references("orgs.id"))
    .addColumn("slot", "text", (c) => c.notNull())
    .addColumn("instance", "text", (c) => c.notNull())
    .addColumn("claimed_at", "text", (c) => c.notNull())
    .addColumn("finished_at", "text")
    .addColumn("outcome", "text")
    .execute();
  await db.schema
    .createIndex("scheduled_runs_slot")
    .on("scheduled_runs")
    .columns(["job", "org_id", "slot"])
    .unique()
    .execute();
}
