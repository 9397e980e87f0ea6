// Tactical planning: tactical plans per strategic plan and period, the objectives they serve, target
// splits saved as milestones, bottom-up commitments, actions with dependencies, allocations and
// per-occurrence status, the org's default funnel, and each person's calendar feed secret.
// parent_milestone_id carries no foreign key on purpose: re-saving a split deletes and re-inserts
// its milestones under the same ids inside one transaction, which PostgreSQL's immediate foreign
// key checks would refuse; the service keeps the link whole instead.
import type { Kysely } from "kysely";

type Builder = ReturnType<Kysely<unknown>["schema"]["createTable"]>;
const stamps = (t: Builder) =>
  t
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull());

export async function up(db: Kysely<unknown>): Promise<void> {
  await stamps(
    db.schema
      .createTable("tactical_plans")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("org_id", "text", (c) => c.notNull().references("orgs.id"))
      .addColumn("strategic_plan_id", "text", (c) => c.notNull().references("strategic_plans.id"))
      .addColumn("title", "text", (c) => c.notNull())
      .addColumn("owner_type", "text", (c) => c.notNull())
      .addColumn("owner_id", "text", (c) => c.notNull())
      .addColumn("period_kind", "text", (c) => c.notNull())
      .addColumn("period_start", "text", (c) => c.notNull())
      .addColumn("period_end", "text", (c) => c.notNull())
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("funnel", "text") // JSON FunnelPlanAssumptions; null = the org's defaults
      .addColumn("copied_from_id", "text")
      .addColumn("created_by", "text"),
  ).execute();
  await db.schema
    .createIndex("tactical_plans_plan")
    .on("tactical_plans")
    .columns(["org_id", "strategic_plan_id", "period_start"])
    .execute();

  await db.schema
    .createTable("tactical_plan_objectives")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("orgs.id"))
    .addColumn("tactical_plan_id", "text", (c) => c.notNull().references("tactical_plans.id"))
    .addColumn("objective_id", "text", (c) => c.notNull().references("objectives.id"))
    .execute();
  await db.schema
    .createIndex("tactical_plan_objectives_pair")
    .on("tactical_plan_objectives")
    .columns(["tactical_plan_id", "objective_id"])
    .unique()
    .execute();

  await stamps(
    db.schema
      .createTable("target_splits")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("org_id", "text", (c) => c.notNull().references("orgs.id"))
      .addColumn("tactical_plan_id", "text", (c) => c.notNull().references("tactical_plans.id"))
      .addColumn("objective_id", "text", (c) => c.notNull().references("objectives.id"))
      .addColumn("parent_milestone_id", "text")
      .addColumn("split_key", "text", (c) => c.notNull()) // objective|parent: one split of each per plan
      .addColumn("total", "double precision", (c) => c.notNull())
      .addColumn("grand_total", "double precision", (c) => c.notNull())
      .addColumn("settings", "text", (c) => c.notNull()) // JSON SplitSettings
      .addColumn("hand_edited", "integer", (c) => c.notNull())
      .addColumn("milestone_count", "integer", (c) => c.notNull()),
  ).execute();
  await db.schema
    .createIndex("target_splits_key")
    .on("target_splits")
    .columns(["tactical_plan_id", "split_key"])
    .unique()
    .execute();

  await stamps(
    db.schema
      .createTable("milestones")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("org_id", "text", (c) => c.notNull().references("orgs.id"))
      .addColumn("tactical_plan_id", "text", (c) => c.notNull().references("tactical_plans.id"))
      .addColumn("split_id", "text", (c) => c.notNull().references("target_splits.id"))
      .addColumn("objective_id", "text", (c) => c.notNull().references("objectives.id"))
      .addColumn("parent_milestone_id", "text")
      .addColumn("owner_type", "text", (c) => c.notNull())
      .addColumn("owner_id", "text", (c) => c.notNull())
      .addColumn("dimension_kind", "text")
      .addColumn("dimension_value", "text")
      .addColumn("period_key", "text", (c) => c.notNull())
      .addColumn("period_start", "text", (c) => c.notNull())
      .addColumn("period_end", "text", (c) => c.notNull())
      .addColumn("target", "double precision", (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex("milestones_split").on("milestones").column("split_id").execute();
  await db.schema
    .createIndex("milestones_objective")
    .on("milestones")
    .columns(["org_id", "objective_id"])
    .execute();
  await db.schema.createIndex("milestones_parent").on("milestones").column("parent_milestone_id").execute();
  await db.schema.createIndex("milestones_owner").on("milestones").columns(["org_id", "owner_id"]).execute();

  await stamps(
    db.schema
      .createTable("commitments")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("org_id", "text", (c) => c.notNull().references("orgs.id"))
      .addColumn("tactical_plan_id", "text", (c) => c.notNull().references("tactical_plans.id"))
      .addColumn("objective_id", "text", (c) => c.notNull().references("objectives.id"))
      .addColumn("owner_type", "text", (c) => c.notNull())
      .addColumn("owner_id", "text", (c) => c.notNull())
      .addColumn("amount", "double precision", (c) => c.notNull())
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("note", "text", (c) => c.notNull())
      .addColumn("proposed_by", "text")
      .addColumn("decided_by", "text"),
  ).execute();
  await db.schema
    .createIndex("commitments_owner")
    .on("commitments")
    .columns(["tactical_plan_id", "objective_id", "owner_type", "owner_id"])
    .unique()
    .execute();

  await stamps(
    db.schema
      .createTable("actions")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("org_id", "text", (c) => c.notNull().references("orgs.id"))
      .addColumn("tactical_plan_id", "text", (c) => c.notNull().references("tactical_plans.id"))
      .addColumn("title", "text", (c) => c.notNull())
      .addColumn("description", "text", (c) => c.notNull())
      .addColumn("owner_id", "text", (c) => c.references("people.id"))
      .addColumn("start_date", "text")
      .addColumn("due_date", "text")
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("priority", "text", (c) => c.notNull())
      .addColumn("objective_id", "text")
      .addColumn("initiative_id", "text")
      .addColumn("milestone_id", "text")
      .addColumn("account_id", "text")
      .addColumn("deal_id", "text")
      .addColumn("recurrence", "text") // JSON ActionRecurrence
      .addColumn("time_of_day", "text")
      .addColumn("duration_minutes", "integer")
      .addColumn("deleted_at", "text")
      .addColumn("created_by", "text"),
  ).execute();
  await db.schema.createIndex("actions_plan").on("actions").columns(["org_id", "tactical_plan_id"]).execute();
  await db.schema.createIndex("actions_owner").on("actions").columns(["org_id", "owner_id"]).execute();

  await db.schema
    .createTable("action_dependencies")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("orgs.id"))
    .addColumn("action_id", "text", (c) => c.notNull().references("actions.id"))
    .addColumn("depends_on_id", "text", (c) => c.notNull().references("actions.id"))
    .execute();
  await db.schema
    .createIndex("action_dependencies_pair")
    .on("action_dependencies")
    .columns(["action_id", "depends_on_id"])
    .unique()
    .execute();

  await db.schema
    .createTable("action_allocations")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("orgs.id"))
    .addColumn("action_id", "text", (c) => c.notNull().references("actions.id"))
    .addColumn("person_id", "text", (c) => c.references("people.id"))
    .addColumn("hours_per_week", "double precision", (c) => c.notNull())
    .addColumn("budget_minor", "bigint", (c) => c.notNull())
    .addColumn("note", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("action_allocations_action")
    .on("action_allocations")
    .column("action_id")
    .execute();
  await db.schema
    .createIndex("action_allocations_person")
    .on("action_allocations")
    .columns(["org_id", "person_id"])
    .execute();

  await stamps(
    db.schema
      .createTable("action_occurrences")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("org_id", "text", (c) => c.notNull().references("orgs.id"))
      .addColumn("action_id", "text", (c) => c.notNull().references("actions.id"))
      .addColumn("occurs_on", "text", (c) => c.notNull())
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("updated_by", "text"),
  ).execute();
  await db.schema
    .createIndex("action_occurrences_day")
    .on("action_occurrences")
    .columns(["action_id", "occurs_on"])
    .unique()
    .execute();

  await stamps(
    db.schema
      .createTable("funnel_defaults")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("org_id", "text", (c) => c.notNull().unique().references("orgs.id"))
      .addColumn("assumptions", "text", (c) => c.notNull()),
  ).execute();

  await db.schema
    .createTable("calendar_feeds")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("orgs.id"))
    .addColumn("person_id", "text", (c) => c.notNull().references("people.id"))
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_used_at", "text")
    .addColumn("revoked_at", "text")
    .execute();
  await db.schema
    .createIndex("calendar_feeds_person")
    .on("calendar_feeds")
    .columns(["org_id", "person_id"])
    .execute();
}
