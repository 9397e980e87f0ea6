// The few organisation settings sales records need: reporting currency and time zone.
import type { Q } from "../../db/tx";
import { notFound } from "../../http/errors";

export interface OrgFacts {
  id: string;
  currency: string;
  timeZone: string;
}

/** Takes the transaction when there is one: on SQLite a query outside it would wait forever. */
export async function orgFacts(q: Q, orgId: string): Promise<OrgFacts> {
  const row = await q
    .selectFrom("orgs")
    .select(["id", "currency", "time_zone"])
    .where("id", "=", orgId)
    .executeTakeFirst();
  if (!row) throw notFound("Organisation");
  return { id: row.id, currency: row.currency, timeZone: row.time_zone };
}
