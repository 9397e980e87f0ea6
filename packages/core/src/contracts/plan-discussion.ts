// Contracts of the talk around a plan: the refinement questions that make it focused and
// achievable with their answers, and comments on a plan, objective or initiative.
import { z } from "zod";
import { Id, Instant, LongText, PageQuery, Version } from "./common";
import { IdList, Key } from "./plan-shared";

export const RefinementQuestion = z.object({
  key: Key,
  text: z.string().describe("The question, e.g. Which customers will we stop serving?"),
  help: z.string().describe("Why it matters and what a good answer looks like"),
  required: z.boolean().describe("A plan check flags a required question left unanswered"),
  position: z.number().int().min(0),
});
export type RefinementQuestion = z.infer<typeof RefinementQuestion>;

export const PlanAnswer = z.object({
  planId: Id,
  questionKey: Key,
  answer: z.string(),
  answeredBy: Id.nullable(),
  version: z.number().int(),
  updatedAt: Instant,
});
export type PlanAnswer = z.infer<typeof PlanAnswer>;

export const PlanAnswerWrite = z.object({
  answer: LongText,
  version: Version.optional().describe("The version read; absent for a question answered for the first time"),
});
export type PlanAnswerWrite = z.infer<typeof PlanAnswerWrite>;

export const CommentEntity = z.enum(["plan", "objective", "initiative"]);
export type CommentEntity = z.infer<typeof CommentEntity>;
const CommentBody = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(10_000, "must be at most 10,000 characters");

export const Comment = z.object({
  id: Id,
  entity: CommentEntity,
  entityId: Id,
  authorId: Id,
  body: z.string(),
  mentions: z.array(Id).describe("People notified by the comment"),
  version: z.number().int(),
  createdAt: Instant,
  updatedAt: Instant,
});
export type Comment = z.infer<typeof Comment>;

export const CommentCreate = z.object({
  entity: CommentEntity,
  entityId: Id,
  body: CommentBody,
  mentions: IdList.default([]).describe("Ids of the people to notify"),
});
export type CommentCreate = z.infer<typeof CommentCreate>;
export const CommentUpdate = z.object({
  version: Version,
  body: CommentBody.optional(),
  mentions: IdList.optional(),
});
export type CommentUpdate = z.infer<typeof CommentUpdate>;
export const CommentQuery = PageQuery.extend({ entity: CommentEntity, entityId: Id });
export type CommentQuery = z.infer<typeof CommentQuery>;
