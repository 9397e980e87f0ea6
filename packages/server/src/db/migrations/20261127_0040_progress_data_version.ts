// The org's data version, bumped by every audited write: live progress recomputes a cached figure
// when it moved (docs/decisions/008-progress-result-cache.md).
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("progress_data_versions")
    .addColumn("org_id", "text", (c) => c.primaryKey().references("orgs.id"))
    .addColumn("version", "bigint", (c) => c.notNull())
    .execute();
}
