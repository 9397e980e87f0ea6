// CSV imports: a job per file (hash, options, resumable checkpoint, counts, lease), its rejected
// rows with reasons, saved column mappings, and the org's owner and stage value maps.
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("import_jobs")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("orgs.id"))
    .addColumn("entity", "text", (c) => c.notNull())
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("file_path", "text", (c) => c.notNull())
    .addColumn("file_hash", "text", (c) => c.notNull())
    .addColumn("file_bytes", "bigint", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("dry_run", "integer", (c) => c.notNull())
    .addColumn("options", "text", (c) => c.notNull())
    .addColumn("detected", "text", (c) => c.notNull())
    .addColumn("rows_done", "integer", (c) => c.notNull())
    .addColumn("bytes_done", "bigint", (c) => c.notNull())
    .addColumn("created_count", "integer", (c) => c.notNull())
    .addColumn("updated_count", "integer", (c) => c.notNull())
    .addColumn("unchanged_count", "integer", (c) => c.notNull())
    .addColumn("rejected_count", "integer", (c) => c.notNull())
    .addColumn("rows_per_second", "double precision", (c) => c.notNull())
    .addColumn("lease_owner", "text")
    .addColumn("lease_until", "text")
    .addColumn("error", "text")
    .addColumn("created_by", "text")
    .addColumn("started_at", "text")
    .addColumn("finished_at", "text")
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("import_jobs_org").on("import_jobs").columns(["org_id", "id"]).execute();
  await db.schema
    .createIndex("import_jobs_file")
    .on("import_jobs")
    .columns(["org_id", "entity", "file_hash"])
    .execute();

  await db.schema
    .createTable("import_rejects")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("orgs.id"))
    .addColumn("job_id", "text", (c) => c.notNull().references("import_jobs.id"))
    .addColumn("row_number", "integer", (c) => c.notNull())
    .addColumn("line", "integer", (c) => c.notNull())
    .addColumn("field", "text")
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("cells", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("import_rejects_job")
    .on("import_rejects")
    .columns(["job_id", "row_number"])
    .execute();

  await db.schema
    .createTable("import_mappings")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("orgs.id"))
    .addColumn("entity", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("columns", "text", (c) => c.notNull())
    .addColumn("options", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("import_mappings_name")
    .on("import_mappings")
    .columns(["org_id", "entity", "name"])
    .unique()
    .execute();

  await db.schema
    .createTable("import_value_maps")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("orgs.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("source_key", "text", (c) => c.notNull())
    .addColumn("target_id", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("import_value_maps_key")
    .on("import_value_maps")
    .columns(["org_id", "kind", "source_key"])
    .unique()
    .execute();
}
