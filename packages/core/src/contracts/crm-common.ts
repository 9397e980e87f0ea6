// Building blocks shared by the sales execution contracts: owned records, money, tags, sorting,
// bulk writes and list filters.
import { z } from "zod";
import { Id, PageQuery } from "./common";

export const ExternalId = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(200, "must be at most 200 characters")
  .describe("The record's id in the CRM it came from; re-imports match on it");

/** An amount in minor units (cents): an integer, never negative. */
export const AmountMinor = z
  .number()
  .int("must be whole minor units (cents)")
  .min(0, "must not be negative")
  .max(9_000_000_000_000_000, "is too large");

/** Short free text such as an industry, region or title. */
export const ShortText = z.string().trim().max(200, "must be at most 200 characters");
export const OptionalText = ShortText.transform((v) => (v === "" ? null : v)).nullable();

export const Tags = z
  .array(z.string().trim().min(1).max(50, "must be at most 50 characters"))
  .max(50, "at most 50 tags")
  .transform((tags) => [...new Set(tags)]);

export const SortDir = z.enum(["asc", "desc"]).default("asc");

/** Filters every owned list takes: scope, owner, team and free-text search. */
export const OwnedListQuery = PageQuery.extend({
  q: z.string().trim().max(200).optional().describe("Search in the name"),
  ownerId: Id.optional(),
  teamId: Id.optional().describe("Records counted for this team"),
  mine: z.stringbool().optional().describe("Only records the caller owns"),
});

/** Who owns a record and the team it counts for; ownerId on a write reassigns it. */
export const OwnedFields = z.object({
  ownerId: Id,
  ownerName: z.string().nullable().optional().describe("The owner's name (in lists)"),
  teamId: Id.nullable(),
  externalId: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** The linked account's name, given in lists so a row needs no second request. */
export const LinkedAccountName = z.string().nullable().optional().describe("The account's name (in lists)");

export const BulkLimit = 500;

/** Bulk writes: all in one transaction, all or nothing; an error names `create.3.amountMinor`. */
export function bulkInput<C extends z.ZodType, U extends z.ZodType>(create: C, update: U) {
  return z
    .object({
      create: z.array(create).max(BulkLimit, `at most ${BulkLimit} at once`).default([]),
      update: z.array(update).max(BulkLimit, `at most ${BulkLimit} at once`).default([]),
    })
    .refine((b) => b.create.length + b.update.length > 0, "send at least one record to create or update");
}

export function bulkResult<T extends z.ZodType>(item: T) {
  return z.object({ created: z.array(item), updated: z.array(item) });
}
