// The write half every entity shares: find the rows a batch refers to (by Oars id, external id or
// a natural key) with a few IN queries, insert new rows in multi-row statements, update only what
// changed (so importing a file twice changes nothing the second time).
import type SQLite from "better-sqlite3";
import { sql } from "kysely";
import type { Engine } from "../../../db/database";
import type { Database } from "../../../db/schema";
import type { Q } from "../../../db/tx";
import type { Problem } from "./row-reader";

export interface SourceRow {
  row: number;
  line: number;
  cells: string[];
  values: Map<string, string>;
}

export type Outcome = "create" | "update" | "unchanged" | "reject";
export interface RowResult {
  row: number;
  line: number;
  cells: string[];
  outcome: Outcome;
  problems: Problem[];
}

type Located = Pick<SourceRow, "row" | "line" | "cells">;
export const rejected = (src: Located, problems: Problem[]): RowResult => ({
  row: src.row,
  line: src.line,
  cells: src.cells,
  outcome: "reject",
  problems,
});
export const done = (src: Located, outcome: Outcome): RowResult => ({
  row: src.row,
  line: src.line,
  cells: src.cells,
  outcome,
  problems: [],
});

type Table = keyof Database;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Rows of `table` in the org whose `column` is one of `keys`, grouped by that value. `liveOnly`
 * for columns whose index covers only live rows (names, emails): the query must say
 * `deleted_at is null` for the planner to use a partial index, else it scans the table. On
 * PostgreSQL one `= any(array)` per 10,000 keys; on SQLite IN lists of 500 (its parameter limit).
 */
export async function lookup<T extends Table>(
  q: Q,
  at: { orgId: string; engine: Engine },
  table: T,
  column: string,
  keys: Iterable<string>,
  liveOnly = false,
): Promise<Map<string, Database[T][]>> {
  await settle(q);
  // Oars ids are UUIDs: a CRM's "ACC-123" cannot be one, so it costs no query.
  const unique = [...new Set(keys)].filter((k) => column !== "id" || UUID.test(k));
  const out = new Map<string, Database[T][]>();
  const size = at.engine === "postgres" ? 10_000 : 500;
  for (let i = 0; i < unique.length; i += size) {
    const chunk = unique.slice(i, i + size);
    const rows = (at.engine === "postgres"
      ? await lookupPostgres(q, at.orgId, table, column, chunk, liveOnly)
      : await lookupSqlite(q, at.orgId, table, column, chunk, liveOnly)) as unknown as (Database[T] &
      Record<string, unknown>)[];
    for (const r of rows) {
      if (r.org_id !== at.orgId) continue;
      const key = String(r[column]);
      out.set(key, [...(out.get(key) ?? []), r]);
    }
  }
  return out;
}

/** SQLite: an IN list. By primary key without the org: with org_id in the query and a long IN
 * list the planner prefers an (org_id, …) index and scans the whole org; rows are checked after. */
async function lookupSqlite(
  q: Q,
  orgId: string,
  table: Table,
  column: string,
  keys: string[],
  liveOnly: boolean,
) {
  let query = q
    .selectFrom(table as "deals")
    .selectAll()
    .where(sql<boolean>`${sql.ref(column)} in (${sql.join(keys)})`);
  if (column !== "id") query = query.where("org_id", "=", orgId);
  if (liveOnly) query = query.where("deleted_at", "is", null);
  return query.execute();
}

/** PostgreSQL: a join on the unnested keys, so each is one index probe whatever the table's
 * statistics say (mid-import they are stale, and `= any(…)` then reads the whole org). */
async function lookupPostgres(
  q: Q,
  orgId: string,
  table: Table,
  column: string,
  keys: string[],
  liveOnly: boolean,
) {
  const org = column === "id" ? sql`` : sql` and t.org_id = ${orgId}`;
  const live = liveOnly ? sql` and t.deleted_at is null` : sql``;
  const res = await sql<Record<string, unknown>>`select t.* from unnest(${keys}::text[]) as k(v)
    join ${sql.table(table)} t on t.${sql.ref(column)} = k.v${org}${live}`.execute(q);
  return res.rows;
}

const statements = new WeakMap<SQLite.Database, Map<string, SQLite.Statement>>();
const pgTypes = new Map<string, Map<string, string>>();

/** Where bulk inserts may take their engine's fast path: the Db the transaction runs on. */
export interface FastPath {
  engine: Engine;
  sqlite: SQLite.Database | null;
}

/**
 * Inserts many rows in the caller's transaction, each engine the fast way (docs/decisions/005):
 * on SQLite one cached prepared statement run row by row on the raw handle of the same
 * connection; on PostgreSQL one INSERT … SELECT FROM unnest() of one array per column, per 5,000
 * rows. Compiling a 1,000-row VALUES list through the query builder costs more than the
 * database's own work. Without a fast path (the demo seed), plain multi-row inserts.
 */
export async function insertMany<T extends Table>(
  q: Q,
  table: T,
  rows: Database[T][],
  fast: FastPath | null = null,
): Promise<void> {
  await settle(q);
  await insertRows(q, table, rows, fast);
}

async function insertRows<T extends Table>(
  q: Q,
  table: T,
  rows: Database[T][],
  fast: FastPath | null,
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0] ?? {});
  const cells = (row: Database[T]) => {
    const r = row as unknown as Record<string, unknown>;
    return columns.map((c) => r[c] ?? null);
  };
  if (fast?.sqlite) {
    const cache = statements.get(fast.sqlite) ?? new Map<string, SQLite.Statement>();
    statements.set(fast.sqlite, cache);
    const key = `${table}(${columns.join(",")})`;
    let stmt = cache.get(key);
    if (!stmt) {
      stmt = fast.sqlite.prepare(
        `insert into ${table} (${columns.join(",")}) values (${columns.map(() => "?").join(",")})`,
      );
      cache.set(key, stmt);
    }
    for (const row of rows) stmt.run(cells(row));
    return;
  }
  if (fast?.engine === "postgres") {
    for (let i = 0; i < rows.length; i += PG_ROWS)
      await (await unnestInsert(q, table, rows.slice(i, i + PG_ROWS))).execute(q);
    return;
  }
  const size = Math.max(1, Math.floor(30_000 / (columns.length || 1)));
  for (let i = 0; i < rows.length; i += size)
    await q
      .insertInto(table as "deals")
      .values(rows.slice(i, i + size) as unknown as Database["deals"][])
      .execute();
}

const PG_ROWS = 5000;

/** `insert into table (…) select * from unnest($1::type[], …)`: one array parameter per column. */
async function unnestInsert<T extends Table>(q: Q, table: T, rows: Database[T][]) {
  const types = await columnTypes(q, table);
  const columns = Object.keys(rows[0] ?? {});
  const arrays = columns.map(
    (c) =>
      sql`${rows.map((r) => (r as unknown as Record<string, unknown>)[c] ?? null)}::${sql.raw(types.get(c) ?? "text")}[]`,
  );
  return sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))})
    select * from unnest(${sql.join(arrays)})`;
}

export type InsertPart = { [T in Table]: [T, Database[T][]] }[Table];

/**
 * Inserts rows into several tables in this order (a parent before the rows referring to it). On
 * PostgreSQL one statement — each table but the last a data-modifying WITH — so a chunk's new
 * deals and their stage history cost one round trip; foreign keys are checked at the end of the
 * statement, when all of its rows are in.
 */
async function insertParts(q: Q, parts: InsertPart[], fast: FastPath | null): Promise<void> {
  const present = parts.filter(([, rows]) => rows.length > 0);
  if (fast?.engine !== "postgres" || present.some(([, rows]) => rows.length > PG_ROWS)) {
    for (const [table, rows] of present) await insertRows(q, table, rows as never, fast);
    return;
  }
  const statements = [];
  for (const [table, rows] of present) statements.push(await unnestInsert(q, table, rows as never));
  const last = statements.pop();
  if (!last) return;
  const withs = statements.map((s, i) => sql`${sql.raw(`w${i}`)} as (${s})`);
  await (withs.length ? sql`with ${sql.join(withs)} ${last}` : last).execute(q);
}

const pending = new WeakMap<Q, Promise<void>>();

/**
 * Inserts `parts` (as insertParts) on the transaction `q` without waiting for the database to
 * finish them, so the caller prepares its next rows meanwhile: resolves once the statement is on
 * the wire. Sent writes run in order, and every later statement of this module (`lookup`,
 * `insertMany`, `updateRow`) and the batch's checkpoint first `settle` them, so nothing reads
 * around a write and a failed write fails its batch with its own error.
 */
export async function sendInserts(q: Q, parts: InsertPart[], fast: FastPath | null): Promise<void> {
  const next = (pending.get(q) ?? Promise.resolve()).then(() => insertParts(q, parts, fast));
  // Observed by settle(); without this a failure before then would be an unhandled rejection.
  next.catch(() => {});
  pending.set(q, next);
  await new Promise<void>((resolve) => setImmediate(resolve));
}

/** Waits for the inserts `sendInserts` sent on `q`; throws the first failure. */
export async function settle(q: Q): Promise<void> {
  const p = pending.get(q);
  if (!p) return;
  pending.delete(q);
  await p;
}

/** PostgreSQL's type of each column (int8, text, float8…), read once per table. */
async function columnTypes(q: Q, table: string): Promise<Map<string, string>> {
  let types = pgTypes.get(table);
  if (!types) {
    const res = await sql<{ column_name: string; udt_name: string }>`select column_name, udt_name
      from information_schema.columns where table_schema = current_schema() and table_name = ${table}`.execute(
      q,
    );
    types = new Map(res.rows.map((r) => [r.column_name, r.udt_name]));
    pgTypes.set(table, types);
  }
  return types;
}

/** The columns of `next` whose value differs from `current`. */
export function changes<R extends object>(current: R, next: Partial<R>): Partial<R> {
  const out: Partial<R> = {};
  for (const [k, v] of Object.entries(next) as [keyof R, R[keyof R]][])
    if (v !== undefined && current[k] !== v) out[k] = v;
  return out;
}

export async function updateRow(
  q: Q,
  table: Table,
  id: string,
  set: object,
  versioned = true,
): Promise<void> {
  await settle(q);
  const values: Record<string, unknown> = { ...set };
  if (versioned) values.updated_at = new Date().toISOString();
  const assignments = sql.join(Object.entries(values).map(([k, v]) => sql`${sql.ref(k)} = ${v}`));
  const bump = versioned ? sql`, version = version + 1` : sql``;
  await sql`update ${sql.table(table)} set ${assignments}${bump} where id = ${id}`.execute(q);
}

/** Keys repeated within one batch: the later row is refused rather than applied twice. */
export function firstSeen(): (key: string | null) => boolean {
  const seen = new Set<string>();
  return (key) => {
    if (key === null) return true;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };
}
