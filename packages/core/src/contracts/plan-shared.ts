// Building blocks the planning contracts share: owners, id lists, keys and the cross-field rules
// (a date not before another, an owner set as a pair).
import { z } from "zod";
import { Id } from "./common";

export const OwnerType = z.enum(["person", "team"]);
export type OwnerType = z.infer<typeof OwnerType>;

export const IdList = z
  .array(Id)
  .max(100, "must list at most 100 ids")
  .refine((ids) => new Set(ids).size === ids.length, "must not repeat an id");

export const Key = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, "must be lower-case letters, digits, - or _, at most 64 characters");

export type Issues = z.RefinementCtx;

/** `later` may not fall before `earlier`; only checked when both are set in this input. */
export function dateOrder(earlier: string | null | undefined, later: string | null | undefined): boolean {
  return (
    earlier === undefined || earlier === null || later === undefined || later === null || later >= earlier
  );
}

// An owner is a pair; half of one would point at a person id as if it were a team.
export function ownerPair(v: { ownerType?: OwnerType | null; ownerId?: string | null }, ctx: Issues): void {
  if (v.ownerType === undefined || v.ownerId === undefined) return;
  if ((v.ownerType === null) !== (v.ownerId === null)) {
    ctx.addIssue({
      code: "custom",
      path: ["ownerId"],
      message: "ownerId and ownerType are set or cleared together",
    });
  }
}
