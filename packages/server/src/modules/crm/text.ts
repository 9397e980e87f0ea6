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
