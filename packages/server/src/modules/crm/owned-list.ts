// One list query for every owned table: the caller's scope, the common filters (search, owner,
// team, mine), the entity's own conditions, a sort with keyset paging on (sort column, id).
//
// A team lead's page is the hot path: "these teams' records, by close date, first 50". One
// `team_id in (…)` query must read and sort every row of those teams; a UNION ALL of one ordered,
// limited branch per team reads at most limit + 1 rows from each (team_id, date) index and merges
// them. Past a few dozen teams (a director near the top) one ordered scan of the org-wide date
// index, filtered by team, wins instead.
import type { Page } from "@oars/core";
import { sql, type RawBuilder } from "kysely";
import type { Database } from "../../db/schema";
import type { SignedInCtx } from "../../http/context";
import { listScope } from "../../policies/crm.policy";
import { loadScope } from "../../policies/scope";
import { afterKeyset, keysetPage, readKeyset } from "./keyset";
import type { OwnedTable } from "./owned";
import { namePlan, type SearchedTable } from "./text";

const UNION_MAX_TEAMS = 40;
type Cond = RawBuilder<boolean>;

export const eq = (column: string, value: string | number): Cond =>
  sql<boolean>`${sql.ref(column)} = ${value}`;
export const cmp = (column: string, op: ">=" | "<=" | "<" | ">", value: string | number): Cond =>
  sql<boolean>`${sql.ref(column)} ${sql.raw(op)} ${value}`;

export interface OwnedListInput {
  limit: number;
  cursor?: string | undefined;
  q?: string | undefined;
  ownerId?: string | undefined;
  teamId?: string | undefined;
  mine?: boolean | undefined;
  sort: string;
  dir: "asc" | "desc";
}

export async function listOwned<T extends OwnedTable, Item>(
  ctx: SignedInCtx,
  table: T,
  query: OwnedListInput,
  sortColumns: Record<string, string>,
  conditions: Cond[],
  present: (row: Database[T]) => Item,
): Promise<Page<Item>> {
  const column = sortColumns[query.sort] ?? "id";
  const keyset = readKeyset(query.cursor, query.sort, query.dir);
  const conds = [...conditions];
  // Activities search their subject themselves and pass no `q`. On SQLite a few matches are read
  // first and are the FROM source; a common word walks the ordered index instead (text.ts).
  const searched = query.q && table !== "activities" ? (table as SearchedTable) : null;
  const plan = searched && query.q ? await namePlan(ctx.db, searched, query.q) : null;
  const source = plan?.source ?? null;
  if (plan?.cond) conds.push(plan.cond);
  if (query.ownerId) conds.push(eq("owner_id", query.ownerId));
  if (query.mine) conds.push(eq("owner_id", ctx.actor.personId));
  if (query.teamId) conds.push(eq("team_id", query.teamId));
  if (keyset) conds.push(afterKeyset(column, keyset));
  const scope = listScope(await loadScope(ctx.db.k, ctx.actor));
  const base = (extra: Cond[]) => {
    let b = (
      source
        ? ctx.db.k.selectFrom(source.as(table) as unknown as "deals")
        : ctx.db.k.selectFrom(table as "deals")
    )
      .selectAll()
      .where("org_id", "=", ctx.actor.orgId)
      .where("deleted_at", "is", null);
    for (const c of [...conds, ...extra]) b = b.where(c);
    return b
      .orderBy(sql.ref(column), query.dir)
      .orderBy("id", query.dir)
      .limit(query.limit + 1);
  };
  const own = query.mine || query.ownerId === ctx.actor.personId;
  let rows: Database["deals"][];
  if (scope === null || own) {
    rows = await base([]).execute();
  } else if (
    query.ownerId ||
    plan?.single ||
    scope.teams.length > UNION_MAX_TEAMS ||
    scope.teams.length === 0
  ) {
    rows = await base([scopeCond(scope)]).execute();
  } else {
    const teams = query.teamId ? scope.teams.filter((t) => t === query.teamId) : scope.teams;
    const branches = teams.map((t) => base([eq("team_id", t)]));
    // One's own records credited to a team outside one's scope (e.g. before a move).
    branches.push(
      base([
        eq("owner_id", scope.ownerId),
        sql<boolean>`(team_id is null or team_id not in (${sql.join(scope.teams)}))`,
      ]),
    );
    let union = ctx.db.k.selectFrom(first(branches).as("b0")).selectAll();
    for (const [i, b] of branches.slice(1).entries())
      union = union.unionAll(ctx.db.k.selectFrom(b.as(`b${i + 1}`)).selectAll());
    rows = await ctx.db.k
      .selectFrom(union.as("u"))
      .selectAll()
      .orderBy(sql.ref(`u.${column}`), query.dir)
      .orderBy("u.id", query.dir)
      .limit(query.limit + 1)
      .execute();
  }
  const typed = rows as unknown as (Database[T] & Record<string, unknown>)[];
  const names = await namesOf(ctx, typed.slice(0, query.limit));
  return keysetPage(
    typed,
    query.limit,
    query.sort,
    query.dir,
    (r) => r[column] as string | number,
    (r) => ({
      ...present(r),
      ownerName: names.people.get(r.owner_id) ?? null,
      ...("account_id" in r
        ? { accountName: r.account_id ? (names.accounts.get(r.account_id as string) ?? null) : null }
        : {}),
    }),
  );
}

/** The owners' and accounts' names of a page's rows: two lookups by primary key, not a join in
 * the hot list query. Only the primary key is in the WHERE — with `org_id` there too, SQLite may
 * walk an org-wide index instead — and the org is checked on the rows found. */
async function namesOf(
  ctx: SignedInCtx,
  rows: { owner_id: string; account_id?: unknown }[],
): Promise<{ people: Map<string, string>; accounts: Map<string, string> }> {
  const people = [...new Set(rows.map((r) => r.owner_id))];
  const accounts = [
    ...new Set(rows.flatMap((r) => (typeof r.account_id === "string" ? [r.account_id] : []))),
  ];
  const byId = async (table: "people" | "accounts", ids: string[]) => {
    if (ids.length === 0) return new Map<string, string>();
    const found = await ctx.db.k
      .selectFrom(table as "people")
      .select(["id", "name", "org_id"])
      .where("id", "in", ids)
      .execute();
    return new Map(found.filter((r) => r.org_id === ctx.actor.orgId).map((r) => [r.id, r.name]));
  };
  const [p, a] = await Promise.all([byId("people", people), byId("accounts", accounts)]);
  return { people: p, accounts: a };
}

function first<X>(list: X[]): X {
  const x = list[0];
  if (x === undefined) throw new Error("no branch");
  return x;
}

function scopeCond(s: { teams: string[]; ownerId: string }): Cond {
  if (s.teams.length === 0) return eq("owner_id", s.ownerId);
  return sql<boolean>`(team_id in (${sql.join(s.teams)}) or owner_id = ${s.ownerId})`;
}
