// References from an imported row to records already in Oars — an account, contact or deal by Oars
// id, external id or name — resolved for a whole batch at once, through the importer's scope.
import type { Q } from "../../../../db/tx";
import { mayReadOwned } from "../../../../policies/crm.policy";
import { nameKey } from "../../text";
import type { ImportCtx } from "../context";
import { lookup } from "../upsert";

export interface Ref {
  id: string;
  account_id?: string | null;
}

type Referable = "accounts" | "contacts" | "deals";

/** Resolves `refs` against `table`; a name that fits several records resolves to none. */
export async function resolveRefs(q: Q, ic: ImportCtx, table: Referable, refs: string[]) {
  const visible = <R extends { owner_id: string; team_id: string | null; deleted_at: string | null }>(
    rows: R[] | undefined,
  ) =>
    (rows ?? []).filter(
      (r) => r.deleted_at === null && mayReadOwned(ic.scope, { ownerId: r.owner_id, teamId: r.team_id }),
    );
  const unique = [...new Set(refs)];
  const at = { orgId: ic.org.id, engine: ic.raw.engine };
  const byId = await lookup(q, at, table, "id", unique);
  const byExt = await lookup(q, at, table, "external_id", unique);
  // Names only for what no id or external id matched: most CRM files reference by id.
  const unmatched = unique.filter((r) => !byId.has(r) && !byExt.has(r));
  const byName = await lookup(q, at, table, "name_key", unmatched.map(nameKey), true);
  return (ref: string): Ref | "ambiguous" | undefined => {
    const exact = visible(byId.get(ref))[0] ?? visible(byExt.get(ref))[0];
    if (exact) return exact;
    const named = visible(byName.get(nameKey(ref)));
    if (named.length > 1) return "ambiguous";
    return named[0];
  };
}
