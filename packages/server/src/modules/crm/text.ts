// Names as keys: one lower-cased, accent-free form used for search, sort and import matching, so
// "Société Générale" and "societe generale" meet on SQLite and PostgreSQL alike.
import { sql, type RawBuilder } from "kysely";
import type { Db } from "../../db/database";

export function nameKey(text: string): string {
  // Most names are plain ASCII: skip Unicode normalisation, the costly part, for them.
  if (/^[\x20-\x7e]*$/.test(text)) return text.toLowerCase().replace(/\s+/g, " ").trim();
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** `column like %text%` with the user's % and _ taken literally. */
export function containsKey(column: string, text: string): RawBuilder<boolean> {
  const like = `%${nameKey(text).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<boolean>`${sql.ref(column)} like ${like} escape '\\'`;
}

/** The same for a column stored as typed: compared lower-cased (ASCII case on SQLite). */
export function containsLower(column: string, text: string): RawBuilder<boolean> {
  const like = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<boolean>`lower(${sql.ref(column)}) like ${like} escape '\\'`;
}

/** The words of a search as the indexes split names: letters and digits, accents and case dropped. */
export function searchWords(text: string): string[] {
  return nameKey(text)
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .filter(Boolean)
    .slice(0, 8);
}

/** PostgreSQL: the indexed expression of migration 20261127_0030_crm_search, verbatim. */
const PG_NAME_WORDS = sql.raw(
  "to_tsvector('simple'::regconfig, regexp_replace(name_key, '[!-/:-@\\[-`{-~]+', ' ', 'g'))",
);

/**
 * Rows whose name has a word starting with each word of `text` ("soc gen" finds "Société
 * Générale"), answered from the word index of migration 20261127_0030 on both engines. A search
 * without letters or digits ("%%") falls back to a plain substring match.
 */
export type SearchedTable = "accounts" | "contacts" | "deals";

export function nameSearch(
  engine: "sqlite" | "postgres",
  table: SearchedTable,
  text: string,
): RawBuilder<boolean> {
  const words = searchWords(text);
  if (words.length === 0) return containsKey("name_key", text);
  if (engine === "postgres") {
    const query = words.map((w) => `'${w}':*`).join(" & ");
    return sql<boolean>`${PG_NAME_WORDS} @@ to_tsquery('simple', ${query})`;
  }
  const match = words.map((w) => `"${w}"*`).join(" AND ");
  const fts = sql.id(`${table}_fts`);
  return sql<boolean>`rowid in (select rowid from ${fts} where ${fts} match ${match})`;
}

/**
 * Counted up to this many matches (of the whole table, every org), a search reads its matches
 * first; at this many or more, a page of 50 in sort order is found sooner by walking the list's
 * ordered index and testing each row. Measured at 100k deals (bench/RESULTS.md): both ways cost
 * the same near 1,000 matches.
 */
export const COMMON_MATCHES = 1000;

/**
 * How a list runs its name search. `source`: the matching rows, used as the list's FROM (SQLite,
 * few matches: their rowids were read from the word index, and CROSS JOIN keeps the planner from
 * walking the whole scope in sort order instead). `cond`: a condition on the table itself (the
 * ordered-scan fallback for common words on SQLite; PostgreSQL, which plans by statistics; a
 * search without words). `single`: keep the scope in one query rather than a UNION ALL per team,
 * so the word index is read once.
 */
export interface NamePlan {
  source: RawBuilder<unknown> | null;
  cond: RawBuilder<boolean> | null;
  single: boolean;
}

export async function namePlan(db: Db, table: SearchedTable, text: string): Promise<NamePlan> {
  const words = searchWords(text);
  if (db.engine !== "sqlite" || words.length === 0)
    return { source: null, cond: nameSearch(db.engine, table, text), single: false };
  const match = words.map((w) => `"${w}"*`).join(" AND ");
  const fts = sql.id(`${table}_fts`);
  const t = sql.id(table);
  const ids = await sql<{
    rowid: number;
  }>`select rowid from ${fts} where ${fts} match ${match} limit ${COMMON_MATCHES}`.execute(db.k);
  if (ids.rows.length < COMMON_MATCHES) {
    // Every match is in hand: the page is read by rowid, the word index not asked again.
    const list = JSON.stringify(ids.rows.map((r) => r.rowid));
    return {
      source: sql`(select ${t}.* from json_each(${list}) as m cross join ${t} on ${t}.rowid = m.value)`,
      cond: null,
      single: true,
    };
  }
  // A common word: the unary + keeps the planner from driving the query by rowid, so it walks the
  // ordered index and stops at limit + 1; the matches are read once, into a lookup table.
  return {
    source: null,
    cond: sql<boolean>`+${t}.rowid in (select rowid from ${fts} where ${fts} match ${match})`,
    single: true,
  };
}
