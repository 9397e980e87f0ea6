// Strategic planning: plans with a baseline, objectives aligned in a cascade, key initiatives and
// the objectives they serve, the org's refinement questions and each plan's answers, org templates,
// comments, and the in-app notifications that @mentions send.
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("strategic_plans")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("orgs.id"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("owner_type", "text", (c) => c.notNull())
    .addColumn("owner_id", "text", (c) => c.notNull())
    .addColumn("horizon_start", "text", (c) => c.notNull())
    .addColumn("horizon_end", "text", (c) => c.notNull())
    .addColumn("statement", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("template_key", "text")
    .addColumn("baseline", "text") // JSON PlanSnapshot, recorded on activation
    .addColumn("baseline_at", "text")
    .addColumn("created_by", "text")
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("strategic_plans_owner")
    .on("strategic_plans")
    .columns(["org_id", "owner_type", "owner_id"])
    .execute();

  await db.schema
    .createTable("objectives")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("orgs.id"))
    .addColumn("plan_id", "text", (c) => c.notNull().references("strategic_plans.id"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("metric_key", "text")
    .addColumn("metric", "text") // JSON MetricRef; metric_key repeats its key for queries
    .addColumn("baseline", "double precision")
    .addColumn("target", "double precision")
    .addColumn("unit", "text", (c) => c.notNull())
    .addColumn("start_date", "text", (c) => c.notNull())
    .addColumn("due_date", "text")
    .addColumn("owner_type", "text")
    .addColumn("owner_id", "text")
    .addColumn("weight", "double precision", (c) => c.notNull())
    .addColumn("perspective", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("parent_objective_id", "text", (c) => c.references("objectives.id"))
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("objectives_plan").on("objectives").columns(["org_id", "plan_id"]).execute();
  await db.schema
    .createIndex("objectives_parent")
    .on("objectives")
    .columns(["org_id", "parent_objective_id"])
    .execute();

  await db.schema
    .createTable("initiatives")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("orgs.id"))
    .addColumn("plan_id", "text", (c) => c.notNull().references("strategic_plans.id"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("owner_type", "text")
    .addColumn("owner_id", "text")
    .addColumn("start_date", "text")
    .addColumn("end_date", "text")
    .addColumn("budget_minor", "bigint", (c) => c.notNull())
    .addColumn("currency", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("initiatives_plan").on("initiatives").columns(["org_id", "plan_id"]).execute();

  await db.schema
    .createTable("initiative_objectives")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("orgs.id"))
    .addColumn("initiative_id", "text", (c) => c.notNull().references("initiatives.id"))
    .addColumn("objective_id", "text", (c) => c.notNull().references("objectives.id"))
    .execute();
  await db.schema
    .createIndex("initiative_objectives_pair")
    .on("initiative_objectives")
    .columns(["initiative_id", "objective_id"])
    .unique()
    .execute();
  await db.schema
    .createIndex("initiative_objectives_objective")
    .on("initiative_objectives")
    .column("objective_id")
    .execute();

  await db.schema
    .createTable("plan_questions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("orgs.id"))
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("help", "text", (c) => c.notNull())
    .addColumn("required", "integer", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("archived_at", "text")
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("plan_questions_key")
    .on("plan_questions")
    .columns(["org_id", "key"])
    .unique()
    .execute();

  await db.schema
    .createTable("plan_answers")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("orgs.id"))
    .addColumn("plan_id", "text", (c) => c.notNull().references("strategic_plans.id"))
    .addColumn("question_key", "text", (c) => c.notNull())
    .addColumn("answer", "text", (c) => c.notNull())
    .addColumn("answered_by", "text")
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("plan_answers_key")
    .on("plan_answers")
    .columns(["plan_id", "question_key"])
    .unique()
    .execute();

  await db.schema
    .createTable("plan_templates")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("orgs.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("persona", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("owner_type", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull()) // JSON SavedTemplateBody
    .addColumn("created_by", "text")
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("comments")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("orgs.id"))
    .addColumn("plan_id", "text", (c) => c.notNull().references("strategic_plans.id"))
    .addColumn("entity", "text", (c) => c.notNull())
    .addColumn("entity_id", "text", (c) => c.notNull())
    .addColumn("author_id", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("mentions", "text", (c) => c.notNull()) // JSON array of person ids
    .addColumn("deleted_at", "text")
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("comments_entity")
    .on("comments")
    .columns(["org_id", "entity", "entity_id"])
    .execute();

  await db.schema
    .createTable("notifications")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("orgs.id"))
    .addColumn("person_id", "text", (c) => c.notNull().references("people.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("entity", "text", (c) => c.notNull())
    .addColumn("entity_id", "text", (c) => c.notNull())
    .addColumn("link", "text", (c) => c.notNull())
    .addColumn("actor_id", "text")
    .addColumn("read_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("notifications_person")
    .on("notifications")
    .columns(["person_id", "read_at", "id"])
    .execute();
}
