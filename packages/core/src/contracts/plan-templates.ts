// Contracts of plan templates: the three personas of the source article built in, plus plans an
// admin saved as the organisation's own templates.
import { z } from "zod";
import { Instant, Name } from "./common";
import { Key, OwnerType } from "./plan-shared";

export const TemplateInputKind = z
  .enum(["money", "percent", "count", "months"])
  .describe("money in minor units of the org currency; percent 0–100; months a whole number");
export type TemplateInputKind = z.infer<typeof TemplateInputKind>;

export const TemplateInput = z.object({
  key: z.string().describe("The key to send in templateInputs"),
  label: z.string(),
  help: z.string(),
  kind: TemplateInputKind,
  default: z.number(),
  min: z.number(),
  max: z.number(),
});
export type TemplateInput = z.infer<typeof TemplateInput>;

export const PlanTemplate = z.object({
  key: Key.describe("The templateKey to create a plan from"),
  source: z.enum(["builtin", "org"]),
  name: z.string(),
  persona: z.string().describe("Who the template is for, e.g. Sales director"),
  description: z.string(),
  ownerType: OwnerType.describe("Whether the template is meant for a team's or a person's plan"),
  inputs: z.array(TemplateInput).describe("The few numbers the template asks for"),
  objectiveTitles: z.array(z.string()),
  initiativeTitles: z.array(z.string()),
  version: z.number().int().describe("Org templates: the version to send when deleting; built-ins: 1"),
  createdAt: Instant.nullable(),
});
export type PlanTemplate = z.infer<typeof PlanTemplate>;

export const SaveAsTemplate = z.object({
  name: Name,
  persona: z.string().trim().max(200).default(""),
  description: z.string().max(2_000).default(""),
});
export type SaveAsTemplate = z.infer<typeof SaveAsTemplate>;

export const TemplateKeyParams = z.object({ key: Key });
export const TemplateDelete = z.object({
  version: z.coerce.number().int().min(1).describe("Version read before this delete; a stale one gets 409"),
});
