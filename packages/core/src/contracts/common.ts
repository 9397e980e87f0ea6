// Shared building blocks of every API contract: ids, dates, money, pages and the error shape.
import { z } from "zod";

export const Id = z.string().min(1).max(64).describe("Opaque identifier");
export type Id = z.infer<typeof Id>;

/** An ISO calendar date, YYYY-MM-DD, checked to be a real day. */
export const IsoDate = z.iso.date();
export type IsoDate = z.infer<typeof IsoDate>;

/** A UTC instant as an ISO 8601 string. */
export const Instant = z.string().describe("UTC instant, ISO 8601");

/** Every mutable resource carries a version; a write must send the version it read. */
export const Version = z
  .number()
  .int()
  .min(1)
  .describe("Version read before this write; a stale one gets 409");

export const CurrencyCode = z
  .string()
  .regex(/^[A-Z]{3}$/, "must be a three-letter ISO 4217 code such as EUR")
  .describe("ISO 4217 currency code");

export const Role = z.enum(["admin", "manager", "member", "viewer"]);
export type Role = z.infer<typeof Role>;

/** Short human text (names, titles): trimmed, never empty, bounded. */
export const Name = z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters");
export const LongText = z.string().max(20_000, "must be at most 20,000 characters");
export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: "must be an email address" }));

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50).describe("Page size, at most 500"),
  cursor: z.string().max(500).optional().describe("The `next` value of the previous page"),
});
export type PageQuery = z.infer<typeof PageQuery>;

export function page<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), next: z.string().nullable() });
}
export interface Page<T> {
  items: T[];
  next: string | null;
}

export const ErrorCode = z.enum([
  "invalid",
  "unauthenticated",
  "forbidden",
  "not_found",
  "conflict",
  "too_large",
  "too_many",
  "internal",
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorBody = z.object({
  error: z.object({
    code: ErrorCode,
    message: z.string(),
    field: z.string().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const IdParams = z.object({ id: Id });
