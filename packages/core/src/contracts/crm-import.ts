// CSV import of the org chart and sales data: what each entity's columns mean, the options of a
// run, a job's progress, the preview of the first rows, saved mappings and value maps.
import { z } from "zod";
import { Id, Instant, Name, PageQuery, Version } from "./common";

export const ImportEntity = z.enum([
  "teams",
  "people",
  "products",
  "accounts",
  "contacts",
  "deals",
  "activities",
]);
export type ImportEntity = z.infer<typeof ImportEntity>;

/**
 * The fields a column can map to, per entity. `id` is an Oars id (from an export: the row updates
 * that record); references (owner, account, team…) resolve by Oars id, external id, email or name.
 * Deals: `closedDate` is the actual close date of a won or lost deal when the CRM keeps it apart
 * from the expected one; `status` (open, won, lost) picks a won or lost stage when the CRM keeps
 * the last open stage on closed deals (Pipedrive does).
 */
export const IMPORT_FIELDS = {
  teams: ["name", "parent", "lead"],
  people: ["name", "firstName", "lastName", "email", "role", "team", "hireDate", "capacityHoursPerWeek"],
  products: ["id", "externalId", "name", "family", "listPrice", "currency"],
  accounts: [
    "id",
    "externalId",
    "name",
    "industry",
    "segment",
    "employeeCount",
    "annualRevenue",
    "region",
    "tier",
    "website",
    "parent",
    "owner",
    "tags",
  ],
  contacts: [
    "id",
    "externalId",
    "name",
    "firstName",
    "lastName",
    "title",
    "email",
    "phone",
    "buyingRole",
    "relationshipStrength",
    "account",
    "owner",
  ],
  deals: [
    "id",
    "externalId",
    "name",
    "account",
    "owner",
    "amount",
    "currency",
    "stage",
    "status",
    "probability",
    "forecastCategory",
    "closeDate",
    "closedDate",
    "createdDate",
    "lostReason",
    "businessType",
  ],
  activities: [
    "id",
    "externalId",
    "type",
    "subject",
    "notes",
    "owner",
    "account",
    "contact",
    "deal",
    "occurredAt",
    "durationMinutes",
    "outcome",
    "status",
  ],
} as const satisfies Record<ImportEntity, readonly string[]>;

/** Fields a row cannot do without (name may also come from first + last name). */
export const REQUIRED_IMPORT_FIELDS: Record<ImportEntity, readonly string[]> = {
  teams: ["name"],
  people: ["email"],
  products: ["name"],
  accounts: ["name"],
  contacts: [],
  deals: ["name", "amount", "closeDate"],
  activities: ["type", "subject"],
};

export const ImportPreset = z.enum(["oars", "salesforce", "hubspot", "pipedrive"]);
export type ImportPreset = z.infer<typeof ImportPreset>;
export const DateFormat = z
  .enum(["iso", "us", "eu"])
  .describe("How to read 03/04/2026: us = March 4, eu = 3 April. ISO dates are always understood");
export type DateFormat = z.infer<typeof DateFormat>;
export const CsvEncoding = z.enum(["utf-8", "windows-1252"]);
export const CsvDelimiter = z.enum([",", ";", "\t"]);

const ValueMap = z
  .record(z.string().max(200), Id)
  .refine((m) => Object.keys(m).length <= 5000, "at most 5,000 entries");

export const ImportOptions = z.object({
  columns: z
    .record(z.string().max(500), z.string().max(50))
    .optional()
    .describe('Header → field ("" ignores the column). Default: detected from the header'),
  preset: ImportPreset.optional().describe("Read the header with this CRM's column names"),
  mappingId: Id.optional().describe("Use a saved mapping"),
  dateFormat: DateFormat.default("iso"),
  decimalSeparator: z.enum([".", ","]).default("."),
  encoding: CsvEncoding.optional().describe(
    "Default: detected (UTF-8 with or without BOM, else Windows-1252)",
  ),
  delimiter: CsvDelimiter.optional().describe("Default: detected"),
  createMissingAccounts: z
    .boolean()
    .default(false)
    .describe("Create an account named in a row if none matches"),
  defaultOwnerId: Id.optional().describe("Owner of rows without one (default: the importer)"),
  ownerMap: ValueMap.default({}).describe("CRM owner id or name → person id"),
  stageMap: ValueMap.default({}).describe("CRM stage name → stage id"),
  saveValueMaps: z.boolean().default(false).describe("Remember ownerMap and stageMap for the org"),
  batchSize: z.number().int().min(100).max(50_000).default(10_000),
});
export type ImportOptions = z.infer<typeof ImportOptions>;
export type ImportOptionsInput = z.input<typeof ImportOptions>;

export const ImportStatus = z.enum(["uploaded", "running", "done", "failed", "cancelled"]);
export const ImportDetected = z.object({
  encoding: CsvEncoding,
  bom: z.boolean(),
  delimiter: CsvDelimiter,
  header: z.array(z.string()),
  preset: ImportPreset.nullable().describe("The CRM format the header looks like"),
  columns: z.record(z.string(), z.string()).describe("Suggested header → field"),
});
export type ImportDetected = z.infer<typeof ImportDetected>;

export const ImportJob = z.object({
  id: Id,
  entity: ImportEntity,
  fileName: z.string(),
  fileBytes: z.number().int(),
  status: ImportStatus,
  dryRun: z.boolean(),
  detected: ImportDetected,
  progress: z.object({
    rowsDone: z.number().int(),
    bytesDone: z.number().int(),
    percent: z.number(),
    rowsPerSecond: z.number(),
  }),
  counts: z.object({
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    rejected: z.number().int(),
  }),
  error: z.string().nullable(),
  createdBy: Id.nullable(),
  createdAt: Instant,
  startedAt: Instant.nullable(),
  finishedAt: Instant.nullable(),
});
export type ImportJob = z.infer<typeof ImportJob>;

export const ImportUploadQuery = z.object({
  entity: ImportEntity,
  fileName: z.string().trim().min(1).max(255).default("upload.csv"),
});
export const ImportRun = z.object({
  options: ImportOptions.default(ImportOptions.parse({})),
  dryRun: z.boolean().default(false),
});
export type ImportRun = z.infer<typeof ImportRun>;
export const ImportPreviewInput = z.object({
  options: ImportOptions.default(ImportOptions.parse({})),
  rows: z.number().int().min(1).max(200).default(20),
});

export const RowProblem = z.object({ field: z.string().nullable(), message: z.string() });
export const ImportPreview = z.object({
  header: z.array(z.string()),
  columns: z.record(z.string(), z.string()),
  unmapped: z.array(z.string()).describe("Columns that go nowhere"),
  missing: z.array(z.string()).describe("Required fields no column maps to"),
  warnings: z.array(z.string()),
  rows: z.array(
    z.object({
      row: z.number().int(),
      line: z.number().int(),
      action: z.enum(["create", "update", "reject"]),
      values: z.record(z.string(), z.string()),
      problems: z.array(RowProblem),
    }),
  ),
});
export type ImportPreview = z.infer<typeof ImportPreview>;
export const ImportJobQuery = PageQuery;

export const ImportMapping = z.object({
  id: Id,
  entity: ImportEntity,
  name: z.string(),
  columns: z.record(z.string(), z.string()),
  options: z.record(z.string(), z.unknown()),
  version: z.number().int(),
});
export type ImportMapping = z.infer<typeof ImportMapping>;
const MappingOptions = ImportOptions.pick({
  dateFormat: true,
  decimalSeparator: true,
  createMissingAccounts: true,
}).partial();
export const ImportMappingCreate = z.object({
  entity: ImportEntity,
  name: Name,
  columns: z.record(z.string().max(500), z.string().max(50)),
  options: MappingOptions.default({}),
});
export type ImportMappingCreate = z.infer<typeof ImportMappingCreate>;
export const ImportMappingUpdate = z.object({
  version: Version,
  name: Name.optional(),
  columns: z.record(z.string().max(500), z.string().max(50)).optional(),
  options: MappingOptions.optional(),
});
export type ImportMappingUpdate = z.infer<typeof ImportMappingUpdate>;
export const ImportMappingQuery = z.object({ entity: ImportEntity.optional() });

export const ValueMapKind = z.enum(["owner", "stage"]);
export const ValueMapEntry = z.object({
  source: z.string().trim().min(1).max(200).describe("The CRM's owner id or name, or stage name"),
  targetId: Id.nullable().describe("Person or stage id; null forgets the entry"),
});
export const ValueMapPut = z.object({ kind: ValueMapKind, entries: z.array(ValueMapEntry).min(1).max(5000) });
export const ValueMapQuery = z.object({ kind: ValueMapKind });
export const ValueMapList = z.object({
  items: z.array(z.object({ source: z.string(), targetId: Id })),
});

export const ImportPresets = z.object({
  fields: z.record(z.string(), z.array(z.string())),
  required: z.record(z.string(), z.array(z.string())),
  presets: z.array(
    z.object({
      preset: ImportPreset,
      entity: ImportEntity,
      columns: z.record(z.string(), z.string()).describe("The CRM's column name → Oars field"),
    }),
  ),
});
