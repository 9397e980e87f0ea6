// Saved views: a named set of list filters and sort, private or shared with the org.
import { z } from "zod";
import { Id, Name, Version } from "./common";

export const ViewEntity = z.enum(["accounts", "contacts", "deals", "activities"]);
export type ViewEntity = z.infer<typeof ViewEntity>;
const ViewFilters = z
  .record(z.string().max(50), z.string().max(500))
  .refine((q) => Object.keys(q).length <= 30, "at most 30 filters")
  .describe("The list's query parameters, as the list takes them");

export const SavedView = z.object({
  id: Id,
  personId: Id,
  entity: ViewEntity,
  name: z.string(),
  query: z.record(z.string(), z.string()),
  shared: z.boolean(),
  version: z.number().int(),
});
export type SavedView = z.infer<typeof SavedView>;
export const SavedViewCreate = z.object({
  entity: ViewEntity,
  name: Name,
  query: ViewFilters,
  shared: z.boolean().default(false),
});
export type SavedViewCreate = z.infer<typeof SavedViewCreate>;
export const SavedViewUpdate = z.object({
  version: Version,
  name: Name.optional(),
  query: ViewFilters.optional(),
  shared: z.boolean().optional(),
});
export type SavedViewUpdate = z.infer<typeof SavedViewUpdate>;
export const SavedViewQuery = z.object({ entity: ViewEntity.optional() });
