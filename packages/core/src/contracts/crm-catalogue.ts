// The org's pipeline stages, product catalogue and dated exchange rates.
import { z } from "zod";
import { CurrencyCode, Id, IsoDate, Name, PageQuery, Version } from "./common";
import { AmountMinor, ExternalId, OptionalText } from "./crm-common";

export const StageKind = z.enum(["open", "won", "lost"]);
export type StageKind = z.infer<typeof StageKind>;
export const DealForecastCategory = z
  .enum(["pipeline", "best_case", "commit", "closed", "omitted"])
  .describe("Forecast bucket: pipeline, best case, commit, closed (won or lost) or omitted");
export type DealForecastCategory = z.infer<typeof DealForecastCategory>;
const Probability = z.number().int().min(0).max(100).describe("Percent, 0–100");

export const Stage = z.object({
  id: Id,
  name: z.string(),
  position: z.number().int(),
  probability: Probability,
  kind: StageKind,
  forecastCategory: DealForecastCategory,
  archived: z.boolean(),
  version: z.number().int(),
});
export type Stage = z.infer<typeof Stage>;
export const StageCreate = z.object({
  name: Name,
  probability: Probability,
  kind: StageKind.default("open"),
  forecastCategory: DealForecastCategory.optional().describe(
    "Default: pipeline when open, closed when won or lost",
  ),
});
export type StageCreate = z.infer<typeof StageCreate>;
export const StageUpdate = z.object({
  version: Version,
  name: Name.optional(),
  probability: Probability.optional(),
  forecastCategory: DealForecastCategory.optional(),
  archived: z.boolean().optional().describe("Archived stages take no new deals; existing deals keep them"),
});
export type StageUpdate = z.infer<typeof StageUpdate>;
export const StageOrder = z.object({
  ids: z.array(Id).min(1).max(100).describe("Every stage id of the org, in the new order"),
});
export const StageQuery = z.object({ includeArchived: z.stringbool().default(false) });

export const Product = z.object({
  id: Id,
  name: z.string(),
  family: z.string().nullable(),
  listPriceMinor: z.number().int().nullable(),
  currency: z.string(),
  externalId: z.string().nullable(),
  archived: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type Product = z.infer<typeof Product>;
export const ProductCreate = z.object({
  name: Name,
  family: OptionalText.default(null),
  listPriceMinor: AmountMinor.nullable().default(null),
  currency: CurrencyCode.optional().describe("Default: the org's currency"),
  externalId: ExternalId.nullable().default(null),
});
export type ProductCreate = z.infer<typeof ProductCreate>;
export const ProductUpdate = z.object({
  version: Version,
  name: Name.optional(),
  family: OptionalText.optional(),
  listPriceMinor: AmountMinor.nullable().optional(),
  currency: CurrencyCode.optional(),
  externalId: ExternalId.nullable().optional(),
  archived: z.boolean().optional(),
});
export type ProductUpdate = z.infer<typeof ProductUpdate>;
export const ProductQuery = PageQuery.extend({
  q: z.string().trim().max(200).optional(),
  family: z.string().max(200).optional(),
  includeArchived: z.stringbool().default(false),
});
export type ProductQuery = z.infer<typeof ProductQuery>;

export const ExchangeRate = z.object({
  id: Id,
  currency: z.string(),
  date: IsoDate,
  rate: z.number().describe("Units of the org's currency for one unit of `currency`"),
  version: z.number().int(),
});
export type ExchangeRate = z.infer<typeof ExchangeRate>;
export const ExchangeRateInput = z.object({
  currency: CurrencyCode,
  date: IsoDate.describe("The rate applies from this date until the next dated rate"),
  rate: z.number().positive("must be more than zero").max(1e9),
});
export type ExchangeRateInput = z.infer<typeof ExchangeRateInput>;
export const ExchangeRatesPut = z.object({
  rates: z.array(ExchangeRateInput).min(1).max(1000),
});
export const ExchangeRateQuery = z.object({ currency: CurrencyCode.optional() });
