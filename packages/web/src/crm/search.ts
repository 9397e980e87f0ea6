// A list's filters live in the page address (shareable, back-button friendly) and are saved as
// views in the same shape: the API's own query parameters. Each is checked with the contract's
// schema for that parameter; anything the API would refuse is dropped.
import { AccountQuery, ActivityQuery, ContactQuery, DealQuery } from "@oars/core";
import type { z } from "zod";
import type { ListSearch } from "./queries";

const OWNED = ["q", "mine", "ownerId", "teamId"] as const;
export const ACCOUNT_KEYS = [...OWNED, "industry", "segment", "region", "tier", "tag", "sort", "dir"];
export const CONTACT_KEYS = [...OWNED, "accountId", "buyingRole", "sort", "dir"];
export const DEAL_KEYS = [
  ...OWNED,
  "accountId",
  "stageId",
  "status",
  "forecastCategory",
  "businessType",
  "closeFrom",
  "closeTo",
  "sort",
  "dir",
];
export const ACTIVITY_KEYS = [
  ...OWNED,
  "type",
  "status",
  "accountId",
  "contactId",
  "dealId",
  "from",
  "to",
  "sort",
  "dir",
];
export const BOARD_KEYS = [...OWNED, "businessType", "closeFrom", "closeTo"];

function searchOf(schema: z.ZodObject, keys: readonly string[]) {
  return (raw: Record<string, unknown>): ListSearch => {
    const out: ListSearch = {};
    for (const key of keys) {
      const value = raw[key];
      if (key === "mine") {
        if (value === true || value === "true") out.mine = true;
        continue;
      }
      const text = typeof value === "string" ? value : typeof value === "number" ? String(value) : undefined;
      if (text === undefined || text.trim() === "") continue;
      const field = schema.shape[key];
      if (field?.safeParse(text).success) out[key] = text;
    }
    return out;
  };
}

export const accountSearch = searchOf(AccountQuery, ACCOUNT_KEYS);
export const contactSearch = searchOf(ContactQuery, CONTACT_KEYS);
export const dealSearch = searchOf(DealQuery, DEAL_KEYS);
export const activitySearch = searchOf(ActivityQuery, ACTIVITY_KEYS);
export const boardSearch = searchOf(DealQuery, BOARD_KEYS);

/** The filters as a saved view stores them: strings only, nothing empty. */
export function viewQuery(search: ListSearch): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(search)) {
    if (value === undefined || value === "" || value === false) continue;
    out[key] = String(value);
  }
  return out;
}

/** Two filter sets ask for the same rows. */
export function sameSearch(a: ListSearch, b: ListSearch): boolean {
  const x = viewQuery(a);
  const y = viewQuery(b);
  const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
  return [...keys].every((k) => x[k] === y[k]);
}

/** How many filters (beyond search and sort) narrow the list. */
export function filterCount(search: ListSearch): number {
  return Object.entries(search).filter(
    ([key, value]) => !["q", "sort", "dir"].includes(key) && value !== undefined && value !== "",
  ).length;
}
