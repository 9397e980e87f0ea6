// Contracts of strategic planning: plans, their objectives and key initiatives, refinement
// questions and answers, and comments on any of them.
import { z } from "zod";
import { DomainError } from "../errors";
import { MetricRef, metricByKey } from "../metrics";
import { CurrencyCode, Id, Instant, IsoDate, LongText, Name, PageQuery, Version } from "./common";

export const OwnerType = z.enum(["person", "team"]);
export type OwnerType = z.infer<typeof OwnerType>;

const IdList = z
  .array(Id)
  .max(100, "must list at most 100 ids")
  .refine((ids) => new Set(ids).size === ids.length, "must not repeat an id");

const Key = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, "must be lower-case letters, digits, - or _, at most 64 characters");

type Issues = z.RefinementCtx;

/** `later` may not fall before `earlier`; only checked when both are set in this input. */
function dateOrder(earlier: string | null | undefined, later: string | null | undefined): boolean {
  return (
    earlier === undefined || earlier === null || later === undefined || later === null || later >= earlier
  );
}

// An owner is a pair; half of one would point at a person id as if it were a team.
function ownerPair(v: { ownerType?: OwnerType | null; ownerId?: string | null }, ctx: Issues): void {
  if (v.ownerType === undefined || v.ownerId === undefined) return;
  if ((v.ownerType === null) !== (v.ownerId === null)) {
    ctx.addIssue({
      code: "custom",
      path: ["ownerId"],
      message: "ownerId and ownerType are set or cleared together",
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Strategic plans

export const PlanStatus = z.enum(["draft", "active", "closed", "archived"]);
export type PlanStatus = z.infer<typeof PlanStatus>;

export const StrategicPlan = z.object({
  id: Id,
  title: z.string(),
  ownerType: OwnerType,
  ownerId: Id,
  horizonStart: IsoDate,
  horizonEnd: IsoDate,
  statement: z.string().describe("Where the owner means to be at the end of the horizon"),
  status: PlanStatus,
  templateKey: z.string().nullable().describe("The template the plan started from; null for a blank plan"),
  version: z.number().int(),
  createdAt: Instant,
  updatedAt: Instant,
});
export type StrategicPlan = z.infer<typeof StrategicPlan>;

const PlanFields = z.object({
  title: Name,
  ownerType: OwnerType,
  ownerId: Id,
  horizonStart: IsoDate,
  horizonEnd: IsoDate,
  statement: LongText,
});

function horizonOrder(v: { horizonStart?: string; horizonEnd?: string }, ctx: Issues): void {
  if (!dateOrder(v.horizonStart, v.horizonEnd)) {
    ctx.addIssue({
      code: "custom",
      path: ["horizonEnd"],
      message: "horizonEnd must not be before horizonStart",
    });
  }
}

export const PlanCreate = PlanFields.extend({
  horizonStart: IsoDate.optional().describe("Default: the start of the current fiscal year"),
  horizonEnd: IsoDate.optional().describe("Default: two fiscal years after horizonStart"),
  statement: LongText.default(""),
  templateKey: Key.nullable().default(null).describe("Pre-fill from a template; null for a blank plan"),
}).superRefine(horizonOrder);
export type PlanCreate = z.infer<typeof PlanCreate>;

export const PlanUpdate = PlanFields.partial()
  .extend({ status: PlanStatus.optional().describe("See canTransitionPlan"), version: Version })
  .superRefine(horizonOrder);
export type PlanUpdate = z.infer<typeof PlanUpdate>;

export const PlanQuery = PageQuery.extend({
  ownerType: OwnerType.optional(),
  ownerId: Id.optional(),
  status: PlanStatus.optional(),
});
export type PlanQuery = z.infer<typeof PlanQuery>;

// A plan moves forward only; a draft that will never run can be archived straight away. Going back
// from active to draft is refused because progress and tactics already hang off the active plan.
const PLAN_TRANSITIONS: Readonly<Record<PlanStatus, readonly PlanStatus[]>> = {
  draft: ["active", "archived"],
  active: ["closed"],
  closed: ["archived"],
  archived: [],
};

/** Whether a plan may go from one status to another; staying where it is always may. */
export function canTransitionPlan(from: PlanStatus, to: PlanStatus): boolean {
  return from === to || PLAN_TRANSITIONS[from].includes(to);
}

/** Throws a DomainError on `status` for a transition canTransitionPlan refuses. */
export function assertPlanTransition(from: PlanStatus, to: PlanStatus): void {
  if (!canTransitionPlan(from, to)) {
    const allowed = PLAN_TRANSITIONS[from];
    const hint = allowed.length > 0 ? `; from ${from} it can go to ${allowed.join(" or ")}` : "";
    throw new DomainError("status", `a ${from} plan cannot become ${to}${hint}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Objectives

export const Perspective = z
  .enum(["financial", "customer", "internal_process", "learning_growth"])
  .describe("Balanced-scorecard perspective");
export type Perspective = z.infer<typeof Perspective>;
export const ObjectiveStatus = z.enum(["not_started", "on_track", "at_risk", "off_track", "done", "dropped"]);
export type ObjectiveStatus = z.infer<typeof ObjectiveStatus>;

interface ObjectiveRuleInput {
  startDate?: string | null;
  dueDate?: string | null;
  ownerType?: OwnerType | null;
  ownerId?: string | null;
  metric?: MetricRef | null;
  baseline?: number | null;
  target?: number | null;
}

function objectiveRules(v: ObjectiveRuleInput, ctx: Issues): void {
  if (!dateOrder(v.startDate, v.dueDate)) {
    ctx.addIssue({ code: "custom", path: ["dueDate"], message: "dueDate must not be before startDate" });
  }
  ownerPair(v, ctx);
  // Money is integer minor units everywhere; a fractional cent target could never be split exactly.
  if (v.metric && metricByKey(v.metric.key).unit === "money") {
    for (const field of ["baseline", "target"] as const) {
      const amount = v[field];
      if (amount !== undefined && amount !== null && !Number.isInteger(amount)) {
        ctx.addIssue({
          code: "custom",
          path: [field],
          message: `${field} is money: whole minor units (cents)`,
        });
      }
    }
  }
}

// Metric, target, due date and owner may be missing while a plan is sketched: the plan checks
// (checks/) name what is still missing instead of the form refusing a half-thought objective.
const ObjectiveFields = z.object({
  title: Name,
  description: LongText,
  metric: MetricRef.nullable(),
  baseline: z.number().nullable().describe("Where the metric stands at startDate"),
  target: z.number().nullable().describe("Where it must be by dueDate; money in minor units"),
  unit: z.string().trim().max(60).describe("Shown beside the numbers, e.g. EUR or meetings"),
  startDate: IsoDate,
  dueDate: IsoDate.nullable(),
  ownerType: OwnerType.nullable(),
  ownerId: Id.nullable(),
  weight: z.number().min(0).max(100).describe("Relative weight within the plan, 0–100"),
  perspective: Perspective,
  status: ObjectiveStatus,
  parentObjectiveId: Id.nullable().describe("The objective of a higher plan this one is aligned under"),
});

export const Objective = ObjectiveFields.extend({
  id: Id,
  planId: Id,
  title: z.string(),
  version: z.number().int(),
  createdAt: Instant,
  updatedAt: Instant,
}).superRefine(objectiveRules);
export type Objective = z.infer<typeof Objective>;

const F = ObjectiveFields.shape;
export const ObjectiveCreate = ObjectiveFields.extend({
  description: F.description.default(""),
  metric: F.metric.default(null),
  baseline: F.baseline.default(null),
  target: F.target.default(null),
  unit: F.unit.default(""),
  startDate: F.startDate.optional().describe("Default: the plan's horizonStart"),
  dueDate: F.dueDate.default(null),
  ownerType: F.ownerType.default(null),
  ownerId: F.ownerId.default(null),
  weight: F.weight.default(0),
  perspective: F.perspective.default("financial"),
  status: F.status.default("not_started"),
  parentObjectiveId: F.parentObjectiveId.default(null),
}).superRefine(objectiveRules);
export type ObjectiveCreate = z.infer<typeof ObjectiveCreate>;

/** A partial update is only checked against itself: the service re-checks the merged objective. */
export const ObjectiveUpdate = ObjectiveFields.partial()
  .extend({ version: Version })
  .superRefine(objectiveRules);
export type ObjectiveUpdate = z.infer<typeof ObjectiveUpdate>;

/** For a service after merging an update into the stored objective. */
export function assertDueNotBeforeStart(startDate: string, dueDate: string | null): void {
  if (!dateOrder(startDate, dueDate)) throw new DomainError("dueDate", "must not be before startDate");
}

// ---------------------------------------------------------------------------------------------
// Key initiatives

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

// ---------------------------------------------------------------------------------------------
// Refinement: the critical questions that make a plan focused and achievable

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

// ---------------------------------------------------------------------------------------------
// Comments

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
