// Contracts of strategic planning: plans, their objectives and key initiatives, refinement
// questions and answers, and comments on any of them (objectives and the rest in plan-*.ts).
import { z } from "zod";
import { DomainError } from "../errors";
import { Id, Instant, IsoDate, LongText, Name, PageQuery, Version } from "./common";
import { Key, OwnerType, dateOrder, type Issues } from "./plan-shared";

export { OwnerType } from "./plan-shared";
export * from "./plan-objectives";
export * from "./plan-initiatives";
export * from "./plan-discussion";
export * from "./plan-templates";
export * from "./plan-views";

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
  baselineAt: Instant.nullable().describe("When activation recorded the baseline; null before"),
  canEdit: z.boolean().describe("Whether the caller may change this plan and what it holds"),
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
  templateInputs: z
    .record(
      z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, "must be an input key of the template"),
      z.number(),
    )
    .optional()
    .describe("The template's few numbers by input key (money in minor units); omitted ones take defaults"),
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
  from: IsoDate.optional().describe("Only plans whose horizon ends on or after this date"),
  to: IsoDate.optional().describe("Only plans whose horizon starts on or before this date"),
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
