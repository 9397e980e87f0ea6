// Sales execution data: the pipeline, products, exchange rates, accounts, contacts, deals with
// their stage history and products, activities and saved list views. Indexes serve the hot lists
// (a rep's and a team's records in date order) and the import's lookups by external id.
import { sql, type Kysely } from "kysely";

type B = Kysely<unknown>;
const LIVE = sql<boolean>`deleted_at is null`;

/** id, org_id, owner_id, team_id, external_id, deleted_at, version and stamps: every owned record. */
function owned(db: B, table: string) {
  return db.schema
    .createTable(table)
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("orgs.id"))
    .addColumn("owner_id", "text", (c) => c.notNull().references("people.id"))
    .addColumn("team_id", "text", (c) => c.references("teams.id"))
    .addColumn("external_id", "text")
    .addColumn("deleted_at", "text")
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull());
}

async function index(db: B, name: string, table: string, columns: string[], live = true): Promise<void> {
  let ix = db.schema.createIndex(name).on(table).columns(columns);
  if (live) ix = ix.where(LIVE);
  await ix.execute();
}

/** Re-import matches rows by external id, so it is unique per org (NULLs never collide). */
async function externalIdIndex(db: B, table: string): Promise<void> {
  await db.schema
    .createIndex(`${table}_external`)
    .on(table)
    .columns(["org_id", "external_id"])
    .unique()
    .execute();
}

export async function up(db: B): Promise<void> {
  await db.schema
    .createTable("pipeline_stages")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("orgs.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("probability", "integer", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("forecast_category", "text", (c) => c.notNull())
    .addColumn("archived_at", "text")
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await index(db, "pipeline_stages_org", "pipeline_stages", ["org_id", "position"], false);

  await db.schema
    .createTable("products")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("orgs.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("name_key", "text", (c) => c.notNull())
    .addColumn("family", "text")
    .addColumn("list_price_minor", "bigint")
    .addColumn("currency", "text", (c) => c.notNull())
    .addColumn("external_id", "text")
    .addColumn("archived_at", "text")
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await externalIdIndex(db, "products");
  await index(db, "products_name", "products", ["org_id", "name_key"], false);

  await db.schema
    .createTable("exchange_rates")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("orgs.id"))
    .addColumn("currency", "text", (c) => c.notNull())
    .addColumn("rate_date", "text", (c) => c.notNull())
    .addColumn("rate", "double precision", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("exchange_rates_day")
    .on("exchange_rates")
    .columns(["org_id", "currency", "rate_date"])
    .unique()
    .execute();

  await owned(db, "accounts")
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("name_key", "text", (c) => c.notNull())
    .addColumn("industry", "text")
    .addColumn("segment", "text")
    .addColumn("employee_count", "integer")
    .addColumn("annual_revenue_minor", "bigint")
    .addColumn("region", "text")
    .addColumn("tier", "text")
    .addColumn("website", "text")
    .addColumn("parent_id", "text", (c) => c.references("accounts.id"))
    .addColumn("tags", "text", (c) => c.notNull())
    .execute();
  await externalIdIndex(db, "accounts");
  await index(db, "accounts_name", "accounts", ["org_id", "name_key", "id"]);
  await index(db, "accounts_owner", "accounts", ["org_id", "owner_id", "name_key"]);
  await index(db, "accounts_team", "accounts", ["org_id", "team_id", "name_key"]);
  await index(db, "accounts_parent", "accounts", ["org_id", "parent_id"]);

  await owned(db, "contacts")
    .addColumn("account_id", "text", (c) => c.references("accounts.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("name_key", "text", (c) => c.notNull())
    .addColumn("title", "text")
    .addColumn("email", "text")
    .addColumn("phone", "text")
    .addColumn("buying_role", "text")
    .addColumn("relationship_strength", "integer")
    .execute();
  await externalIdIndex(db, "contacts");
  await index(db, "contacts_account", "contacts", ["org_id", "account_id", "name_key"]);
  await index(db, "contacts_owner", "contacts", ["org_id", "owner_id", "name_key"]);
  await index(db, "contacts_team", "contacts", ["org_id", "team_id", "name_key"]);
  await index(db, "contacts_email", "contacts", ["org_id", "email"]);

  await owned(db, "deals")
    .addColumn("account_id", "text", (c) => c.references("accounts.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("name_key", "text", (c) => c.notNull())
    .addColumn("amount_minor", "bigint", (c) => c.notNull())
    .addColumn("currency", "text", (c) => c.notNull())
    .addColumn("amount_org_minor", "bigint", (c) => c.notNull())
    .addColumn("stage_id", "text", (c) => c.notNull().references("pipeline_stages.id"))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("probability", "integer", (c) => c.notNull())
    .addColumn("forecast_category", "text", (c) => c.notNull())
    .addColumn("close_date", "text", (c) => c.notNull())
    .addColumn("created_date", "text", (c) => c.notNull())
    .addColumn("lost_reason", "text")
    .addColumn("business_type", "text", (c) => c.notNull())
    .addColumn("stage_changed_at", "text", (c) => c.notNull())
    .execute();
  await externalIdIndex(db, "deals");
  // The hot lists: a rep's deals and a team's deals by close date (keyset on close_date, id).
  await index(db, "deals_owner", "deals", ["org_id", "owner_id", "close_date", "id"]);
  await index(db, "deals_team", "deals", ["org_id", "team_id", "close_date", "id"]);
  await index(db, "deals_close", "deals", ["org_id", "close_date", "id"]);
  await index(db, "deals_account", "deals", ["org_id", "account_id"]);

  await db.schema
    .createTable("deal_products")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("orgs.id"))
    .addColumn("deal_id", "text", (c) => c.notNull().references("deals.id"))
    .addColumn("product_id", "text", (c) => c.notNull().references("products.id"))
    .addColumn("quantity", "double precision", (c) => c.notNull())
    .addColumn("unit_price_minor", "bigint", (c) => c.notNull())
    .execute();
  await index(db, "deal_products_deal", "deal_products", ["deal_id"], false);

  await db.schema
    .createTable("deal_stage_history")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("orgs.id"))
    .addColumn("deal_id", "text", (c) => c.notNull().references("deals.id"))
    .addColumn("from_stage_id", "text")
    .addColumn("to_stage_id", "text", (c) => c.notNull())
    .addColumn("changed_at", "text", (c) => c.notNull())
    .addColumn("changed_by", "text")
    .execute();
  await index(db, "deal_stage_history_deal", "deal_stage_history", ["deal_id", "changed_at"], false);
  await index(db, "deal_stage_history_org", "deal_stage_history", ["org_id", "changed_at"], false);

  await owned(db, "activities")
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("notes", "text")
    .addColumn("account_id", "text", (c) => c.references("accounts.id"))
    .addColumn("contact_id", "text", (c) => c.references("contacts.id"))
    .addColumn("deal_id", "text", (c) => c.references("deals.id"))
    .addColumn("occurred_at", "text", (c) => c.notNull())
    .addColumn("duration_minutes", "integer")
    .addColumn("outcome", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .execute();
  await externalIdIndex(db, "activities");
  await index(db, "activities_owner", "activities", ["org_id", "owner_id", "occurred_at", "id"]);
  await index(db, "activities_team", "activities", ["org_id", "team_id", "occurred_at", "id"]);
  await index(db, "activities_account", "activities", ["org_id", "account_id", "occurred_at"]);
  await index(db, "activities_deal", "activities", ["org_id", "deal_id"]);
  await index(db, "activities_contact", "activities", ["org_id", "contact_id"]);

  await db.schema
    .createTable("saved_views")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("orgs.id"))
    .addColumn("person_id", "text", (c) => c.notNull().references("people.id"))
    .addColumn("entity", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("query", "text", (c) => c.notNull())
    .addColumn("shared", "integer", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await index(db, "saved_views_org", "saved_views", ["org_id", "entity"], false);
}
