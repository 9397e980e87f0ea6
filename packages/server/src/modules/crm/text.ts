// Names as keys: one lower-cased, accent-free form used for search, sort and import matching, so
// "Société Générale" and "societe generale" meet on SQLite and PostgreSQL alike.
import { sql, type RawBuilder } from "kysely";

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
 * SQLite: the table's rows matching the search, read from the word index first (CROSS JOIN keeps
 * that order): used as the list's FROM so the planner cannot prefer walking the whole scope in sort
 * order and testing each row. Null where the condition form serves (PostgreSQL plans by
 * statistics; a search without words).
 */
export function nameSource(engine: "sqlite" | "postgres", table: SearchedTable, text: string) {
  const words = searchWords(text);
  if (engine !== "sqlite" || words.length === 0) return null;
  const match = words.map((w) => `"${w}"*`).join(" AND ");
  const fts = sql.id(`${table}_fts`);
  const t = sql.id(table);
  return sql`(select ${t}.* from ${fts} cross join ${t} on ${t}.rowid = ${fts}.rowid where ${fts} match ${match})`;
}
