// Keyset pagination behind the opaque cursor (see http/pagination.ts): the cursor holds the last
// row's sort value and id, so page 1,000 costs what page 1 does.
import type { Page } from "@oars/core";
import { sql, type RawBuilder } from "kysely";
import { invalid } from "../../http/errors";

export type SortValue = string | number;
export interface Keyset {
  sort: string;
  dir: "asc" | "desc";
  value: SortValue;
  id: string;
}

export function readKeyset(cursor: string | undefined, sort: string, dir: "asc" | "desc"): Keyset | null {
  if (!cursor) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    parsed = null;
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 4 ||
    parsed[0] !== sort ||
    parsed[1] !== dir ||
    (typeof parsed[2] !== "string" && typeof parsed[2] !== "number") ||
    typeof parsed[3] !== "string"
  )
    throw invalid("cursor", "is not a cursor this list gave out for this sort");
  return { sort, dir, value: parsed[2], id: parsed[3] };
}

/** Rows after the cursor in (column, id) order; row values compare both at once, index-friendly. */
export function afterKeyset(column: string, k: Keyset): RawBuilder<boolean> {
  const op = sql.raw(k.dir === "asc" ? ">" : "<");
  return sql<boolean>`(${sql.ref(column)}, id) ${op} (${k.value}, ${k.id})`;
}

/** `rows` was fetched with limit + 1; the extra row only says a next page exists. */
export function keysetPage<R extends { id: string }, T>(
  rows: R[],
  limit: number,
  sort: string,
  dir: "asc" | "desc",
  valueOf: (row: R) => SortValue,
  present: (row: R) => T,
): Page<T> {
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  const last = kept[kept.length - 1];
  const next =
    more && last
      ? Buffer.from(JSON.stringify([sort, dir, valueOf(last), last.id])).toString("base64url")
      : null;
  return { items: kept.map(present), next };
}
