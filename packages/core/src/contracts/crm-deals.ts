// Deals moving through the org's pipeline, their products and stage history.
import { z } from "zod";
import { CurrencyCode, Id, IsoDate, Name, Version } from "./common";
import { DealForecastCategory } from "./crm-catalogue";
import {
  LinkedAccountName,
  AmountMinor,
  ExternalId,
  OptionalText,
  OwnedFields,
  OwnedListQuery,
  SortDir,
} from "./crm-common";

export const DealStatus = z.enum(["open", "won", "lost"]).describe("From the kind of the deal's stage");
export type DealStatus = z.infer<typeof DealStatus>;
export const BusinessType = z.enum(["new", "existing"]).describe("New business or existing customer");

export const DealProductLine = z.object({
  productId: Id,
  quantity: z.number().positive("must be more than zero").max(1e9),
  unitPriceMinor: AmountMinor,
});
export type DealProductLine = z.infer<typeof DealProductLine>;

export const Deal = OwnedFields.extend({
  id: Id,
  accountId: Id.nullable(),
  accountName: LinkedAccountName,
  name: z.string(),
  amountMinor: z.number().int(),
  currency: z.string(),
  amountOrgMinor: z.number().int().describe("The amount in the org's currency at the dated rate"),
  stageId: Id,
  status: DealStatus,
  probability: z.number().int(),
  forecastCategory: DealForecastCategory,
  closeDate: IsoDate.describe("Expected close date while open; the actual one once won or lost"),
  createdDate: IsoDate,
  lostReason: z.string().nullable(),
  businessType: BusinessType,
  stageChangedAt: z.string(),
});
export type Deal = z.infer<typeof Deal>;
export const DealDetail = Deal.extend({ products: z.array(DealProductLine) });
export type DealDetail = z.infer<typeof DealDetail>;

const Probability = z.number().int().min(0).max(100);
const Products = z.array(DealProductLine).max(200);

export const DealCreate = z.object({
  name: Name,
  accountId: Id.nullable().default(null),
  ownerId: Id.optional().describe("Default: the caller. Another owner is a manager's or admin's act"),
  amountMinor: AmountMinor,
  currency: CurrencyCode.optional().describe("Default: the org's currency"),
  stageId: Id.optional().describe("Default: the first open stage"),
  probability: Probability.optional().describe("Default: the stage's probability"),
  forecastCategory: DealForecastCategory.optional().describe("Default: the stage's category"),
  closeDate: IsoDate,
  createdDate: IsoDate.optional().describe("Default: today in the org's time zone"),
  lostReason: OptionalText.default(null),
  businessType: BusinessType.default("new"),
  externalId: ExternalId.nullable().default(null),
  products: Products.optional(),
});
export type DealCreate = z.infer<typeof DealCreate>;
export const DealUpdate = z.object({
  version: Version,
  name: Name.optional(),
  accountId: Id.nullable().optional(),
  ownerId: Id.optional().describe("Reassign (managers and admins)"),
  amountMinor: AmountMinor.optional(),
  currency: CurrencyCode.optional(),
  stageId: Id.optional().describe("Moving to a won stage needs closeDate; to a lost one, lostReason too"),
  probability: Probability.optional(),
  forecastCategory: DealForecastCategory.optional(),
  closeDate: IsoDate.optional(),
  createdDate: IsoDate.optional(),
  lostReason: OptionalText.optional(),
  businessType: BusinessType.optional(),
  externalId: ExternalId.nullable().optional(),
  products: Products.optional().describe("Replaces the deal's product lines"),
});
export type DealUpdate = z.infer<typeof DealUpdate>;
export const DealUpdateById = DealUpdate.extend({ id: Id });

export const DealSort = z.enum(["closeDate", "amount", "name", "createdAt", "updatedAt"]);
export type DealSort = z.infer<typeof DealSort>;
export const DealQuery = OwnedListQuery.extend({
  accountId: Id.optional(),
  stageId: Id.optional(),
  status: DealStatus.optional(),
  forecastCategory: DealForecastCategory.optional(),
  businessType: BusinessType.optional(),
  closeFrom: IsoDate.optional(),
  closeTo: IsoDate.optional(),
  sort: DealSort.default("closeDate"),
  dir: SortDir,
});
export type DealQuery = z.infer<typeof DealQuery>;

export const StageChange = z.object({
  id: Id,
  fromStageId: Id.nullable(),
  toStageId: Id,
  changedAt: z.string(),
  changedBy: Id.nullable(),
});
export type StageChange = z.infer<typeof StageChange>;

/** Count and sums per stage within a deal list's filters: the board's column headers. */
export const StageSummary = z.object({
  stageId: Id,
  count: z.number().int(),
  amountOrgMinor: z.number().int(),
  weightedOrgMinor: z.number().int().describe("Amounts times probability"),
});
export const DealSummary = z.object({ currency: z.string(), stages: z.array(StageSummary) });
