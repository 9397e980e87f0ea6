// Which existing record each row of a batch is about: its Oars id (a file exported from Oars),
// else its external id (the CRM's), else a natural key (an account's or product's name, a
// contact's email). Three IN queries per batch, whatever its size.
import type { Database } from "../../../db/schema";
import type { Q } from "../../../db/tx";
import { mayWriteOwned } from "../../../policies/crm.policy";
import type { ImportCtx } from "./context";
import { lookup } from "./upsert";

type Matchable = "accounts" | "contacts" | "deals" | "activities" | "products";
export interface Keys {
  id: string | null;
  externalId: string | null;
  natural: string | null;
}
export type Match<R> = { row: R } | { problem: string; field: string | null } | null;

export async function matchExisting<T extends Matchable>(
  q: Q,
  ic: ImportCtx,
  table: T,
  keys: (Keys | null)[],
  naturalColumn: string | null,
): Promise<Match<Database[T]>[]> {
  const orgId = ic.org.id;
  const at = { orgId, engine: ic.raw.engine };
  const present = keys.filter((k): k is Keys => k !== null);
  const byId = await lookup(
    q,
    at,
    table,
    "id",
    present.flatMap((k) => (k.id ? [k.id] : [])),
  );
  const byExt = await lookup(
    q,
    at,
    table,
    "external_id",
    present.flatMap((k) => (k.externalId ? [k.externalId] : [])),
  );
  const byNatural =
    naturalColumn === null
      ? new Map<string, Database[T][]>()
      : await lookup(
          q,
          at,
          table,
          naturalColumn,
          present.flatMap((k) => (!k.id && !k.externalId && k.natural ? [k.natural] : [])),
          table !== "products",
        );
  const live = (r: Database[T]) => (r as { deleted_at?: string | null }).deleted_at == null;
  return keys.map((k): Match<Database[T]> => {
    if (k === null) return null;
    if (k.id) {
      const row = byId.get(k.id)?.[0];
      return row && live(row) ? { row } : { problem: `no record with id ${k.id} here`, field: "id" };
    }
    if (k.externalId) {
      const row = byExt.get(k.externalId)?.[0];
      if (!row) return null;
      return live(row)
        ? { row }
        : { problem: `was deleted in Oars; restore it there first`, field: "externalId" };
    }
    if (k.natural) {
      const rows = (byNatural.get(k.natural) ?? []).filter(live);
      if (rows.length > 1)
        return {
          problem: `several records match "${k.natural}"; add an external id column`,
          field: null,
        };
      return rows[0] ? { row: rows[0] } : null;
    }
    return null;
  });
}

/** An existing owned record the importer may not change is refused, not silently skipped. */
export function writableProblem(
  ic: ImportCtx,
  row: { owner_id: string; team_id: string | null },
): string | null {
  return mayWriteOwned(ic.scope, { ownerId: row.owner_id, teamId: row.team_id })
    ? null
    : "exists already and is owned outside the teams you manage";
}
