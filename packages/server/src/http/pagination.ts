// Page cursors are opaque to clients: today an offset, tomorrow a keyset, without an API change.
import type { Page } from "@oars/core";
import { invalid } from "./errors";

export function readOffsetCursor(cursor: string | undefined): number {
  if (!cursor) return 0;
  const n = Number(Buffer.from(cursor, "base64url").toString("utf8").replace(/^o:/, ""));
  if (!Number.isSafeInteger(n) || n < 0) throw invalid("cursor", "is not a cursor this list gave out");
  return n;
}

/** `rows` was fetched with limit + 1: the extra row only says whether a next page exists. */
export function pageOf<T>(rows: T[], limit: number, offset: number): Page<T> {
  const more = rows.length > limit;
  return {
    items: more ? rows.slice(0, limit) : rows,
    next: more ? Buffer.from(`o:${offset + limit}`).toString("base64url") : null,
  };
}
