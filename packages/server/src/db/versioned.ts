// Optimistic concurrency: an update names the version it read; a stale one changes nothing and
// answers 409, a missing (or other org's) row 404.
import { sql } from "kysely";
import { conflict, notFound } from "../http/errors";
import type { Database } from "./schema";
import type { Q } from "./tx";

type Versioned = {
  [K in keyof Database]: Database[K] extends { version: number; org_id: string; id: string } ? K : never;
}[keyof Database];

export async function updateVersioned<T extends Versioned>(
  q: Q,
  table: T,
  where: { id: string; orgId: string; version: number },
  set: Partial<Database[T]> | Record<string, unknown>,
  what = "Record",
): Promise<void> {
  const values: Record<string, unknown> = {
    ...set,
    version: where.version + 1,
    updated_at: new Date().toISOString(),
  };
  const assignments = sql.join(Object.entries(values).map(([k, v]) => sql`${sql.ref(k)} = ${v}`));
  const res = await sql`update ${sql.table(table)} set ${assignments}
    where id = ${where.id} and org_id = ${where.orgId} and version = ${where.version}`.execute(q);
  if (Number(res.numAffectedRows ?? 0) === 1) return;
  const exists =
    await sql`select id from ${sql.table(table)} where id = ${where.id} and org_id = ${where.orgId}`.execute(
      q,
    );
  throw exists.rows.length > 0 ? conflict() : notFound(what);
}
