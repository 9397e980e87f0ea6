// Contracts of a plan's key initiatives: the bigger pieces of work, each serving objectives.
import { z } from "zod";
import { CurrencyCode, Id, Instant, IsoDate, LongText, Name, Version } from "./common";
import { IdList, OwnerType, dateOrder, ownerPair, type Issues } from "./plan-shared";

export const InitiativeStatus = z.enum(["planned", "in_progress", "done", "cancelled"]);
export type InitiativeStatus = z.infer<typeof InitiativeStatus>;

function initiativeRules(
  v: {
    startDate?: string | null;
    endDate?: string | null;
    ownerType?: OwnerType | null;
    ownerId?: string | null;
  },
  ctx: Issues,
): void {
  if (!dateOrder(v.startDate, v.endDate)) {
    ctx.addIssue({ code: "custom", path: ["endDate"], message: "endDate must not be before startDate" });
  }
  ownerPair(v, ctx);
}

const InitiativeFields = z.object({
  title: Name,
  description: LongText,
  ownerType: OwnerType.nullable(),
  ownerId: Id.nullable(),
  startDate: IsoDate.nullable(),
  endDate: IsoDate.nullable(),
  budgetMinor: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).describe("Budget in minor units"),
  currency: CurrencyCode,
  status: InitiativeStatus,
  objectiveIds: IdList.describe("The objectives of the same plan this initiative serves"),
});

export const Initiative = InitiativeFields.extend({
  id: Id,
  planId: Id,
  title: z.string(),
  version: z.number().int(),
  createdAt: Instant,
  updatedAt: Instant,
}).superRefine(initiativeRules);
export type Initiative = z.infer<typeof Initiative>;

const I = InitiativeFields.shape;
export const InitiativeCreate = InitiativeFields.extend({
  description: I.description.default(""),
  ownerType: I.ownerType.default(null),
  ownerId: I.ownerId.default(null),
  startDate: I.startDate.default(null),
  endDate: I.endDate.default(null),
  budgetMinor: I.budgetMinor.default(0),
  currency: I.currency.optional().describe("Default: the organisation's reporting currency"),
  status: I.status.default("planned"),
  objectiveIds: I.objectiveIds.default([]),
}).superRefine(initiativeRules);
export type InitiativeCreate = z.infer<typeof InitiativeCreate>;

export const InitiativeUpdate = InitiativeFields.partial()
  .extend({ version: Version })
  .superRefine(initiativeRules);
export type InitiativeUpdate = z.infer<typeof InitiativeUpdate>;
