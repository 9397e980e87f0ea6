// Read models of strategic planning: the refinement Q&A of a plan, the org's question set, plan
// check findings, the comparison with the baseline, and the strategy map.
import { z } from "zod";
import { PLAN_CHECK_CODES } from "../checks/types";
import { Id, Instant, Version } from "./common";
import { PlanAnswer, RefinementQuestion } from "./plan-discussion";
import { Objective, Perspective } from "./plan-objectives";
import { Key, OwnerType } from "./plan-shared";

export const OrgQuestion = RefinementQuestion.extend({
  archived: z.boolean().describe("Retired questions stay with the answers given but are no longer asked"),
  version: z.number().int(),
});
export type OrgQuestion = z.infer<typeof OrgQuestion>;

const QuestionText = z.string().trim().min(1, "must not be empty").max(500, "must be at most 500 characters");
const QuestionHelp = z.string().max(2_000, "must be at most 2,000 characters");

export const QuestionCreate = z.object({
  key: Key,
  text: QuestionText,
  help: QuestionHelp.default(""),
  required: z.boolean().default(false),
  position: z.number().int().min(0).max(1_000).optional().describe("Default: after the last question"),
});
export type QuestionCreate = z.infer<typeof QuestionCreate>;

export const QuestionUpdate = z.object({
  version: Version,
  text: QuestionText.optional(),
  help: QuestionHelp.optional(),
  required: z.boolean().optional(),
  position: z.number().int().min(0).max(1_000).optional(),
  archived: z.boolean().optional(),
});
export type QuestionUpdate = z.infer<typeof QuestionUpdate>;

export const RefinementItem = z.object({
  question: RefinementQuestion,
  answer: PlanAnswer.nullable(),
});
export type RefinementItem = z.infer<typeof RefinementItem>;

export const PlanCheckFinding = z.object({
  code: z.enum(PLAN_CHECK_CODES),
  severity: z.enum(["error", "warning"]),
  message: z.string(),
  target: z.object({
    kind: z.enum(["plan", "objective", "initiative", "question", "milestone", "action", "person", "team"]),
    id: z.string(),
  }),
});
export const PlanChecks = z.object({ planId: Id, findings: z.array(PlanCheckFinding) });
export type PlanChecks = z.infer<typeof PlanChecks>;

export const ChangeValue = z.union([z.string(), z.number(), z.null()]);
export const BaselineChange = z.object({
  kind: z.enum(["plan", "objective", "initiative"]),
  id: Id,
  title: z.string(),
  change: z.enum(["added", "removed", "changed"]),
  fields: z.array(z.object({ field: z.string(), before: ChangeValue, after: ChangeValue })),
});
export type BaselineChange = z.infer<typeof BaselineChange>;
export const BaselineComparison = z.object({
  planId: Id,
  baselineAt: Instant.nullable().describe("Null while the plan has never been activated"),
  changes: z.array(BaselineChange),
});
export type BaselineComparison = z.infer<typeof BaselineComparison>;

export const StrategyMapQuery = z.object({
  planId: Id.optional(),
  ownerType: OwnerType.optional(),
  ownerId: Id.optional(),
  perspective: Perspective.optional(),
});
export type StrategyMapQuery = z.infer<typeof StrategyMapQuery>;

export const StrategyMapNode = z.object({
  objective: Objective,
  plan: z.object({ id: Id, title: z.string(), ownerType: OwnerType, ownerId: Id, status: z.string() }),
  matched: z.boolean().describe("False for the ancestors and descendants shown only to keep the tree whole"),
});
export type StrategyMapNode = z.infer<typeof StrategyMapNode>;
export const StrategyMap = z.object({ nodes: z.array(StrategyMapNode) });
export type StrategyMap = z.infer<typeof StrategyMap>;

export const QuestionKeyParams = z.object({ key: Key });
export const AnswerParams = z.object({ id: Id, key: Key });
