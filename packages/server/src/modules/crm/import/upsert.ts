// The write half every entity shares: find the rows a batch refers to (by Oars id, external id or
// a natural key) with a few IN queries, insert new rows in multi-row statements, update only what
// changed (so importing a file twice changes nothing the second time).
import type SQLite from "better-sqlite3";
import { sql } from "kysely";
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
const CHUNK = 500;

/**
 * Rows of `table` in the org whose `column` is one of `keys`, grouped by that value. `liveOnly`
 * for columns whose index covers only live rows (names, emails): the query must say
 * `deleted_at is null` for the planner to use a partial index, else it scans the table.
 */
export async function lookup<T extends Table>(
  q: Q,
  table: T,
  orgId: string,
  column: string,
  keys: Iterable<string>,
  liveOnly = false,
): Promise<Map<string, Database[T][]>> {
  const unique = [...new Set(keys)];
  const out = new Map<string, Database[T][]>();
  for (let i = 0; i < unique.length; i += CHUNK) {
    const chunk = unique.slice(i, i + CHUNK);
    let query = q
      .selectFrom(table as "deals")
      .selectAll()
      .where(sql.ref(column), "in", chunk);
    // By primary key the org is checked on the rows: with org_id in the query and a long IN list,
    // SQLite's planner prefers an (org_id, …) index and scans the whole org.
    if (column !== "id") query = query.where("org_id", "=", orgId);
    if (liveOnly) query = query.where("deleted_at", "is", null);
    const rows = (await query.execute()) as unknown as (Database[T] & Record<string, unknown>)[];
    for (const r of rows) {
      if (r.org_id !== orgId) continue;
      const key = String(r[column]);
      out.set(key, [...(out.get(key) ?? []), r]);
    }
  }
  return out;
}

const statements = new WeakMap<SQLite.Database, Map<string, SQLite.Statement>>();

/**
 * Inserts many rows. On SQLite, given the raw handle, through one cached prepared statement per
 * table run row by row on the same connection — so inside the caller's open Kysely transaction —
 * the way the benchmark's baseline writes (docs/decisions/005); compiling a 1,000-row INSERT
 * through the query builder costs more than SQLite's own work. Otherwise multi-row inserts sized
 * to stay under SQLite's bound-parameter limit.
 */
export async function insertMany<T extends Table>(
  q: Q,
  table: T,
  rows: Database[T][],
  raw: SQLite.Database | null = null,
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0] ?? {});
  if (raw) {
    const cache = statements.get(raw) ?? new Map<string, SQLite.Statement>();
    statements.set(raw, cache);
    const key = `${table}(${columns.join(",")})`;
    let stmt = cache.get(key);
    if (!stmt) {
      stmt = raw.prepare(
        `insert into ${table} (${columns.join(",")}) values (${columns.map(() => "?").join(",")})`,
      );
      cache.set(key, stmt);
    }
    for (const row of rows) {
      const r = row as unknown as Record<string, unknown>;
      stmt.run(columns.map((c) => r[c] ?? null));
    }
    return;
  }
  const size = Math.max(1, Math.floor(30_000 / (columns.length || 1)));
  for (let i = 0; i < rows.length; i += size)
    await q
      .insertInto(table as "deals")
      .values(rows.slice(i, i + size) as unknown as Database["deals"][])
      .execute();
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
