// Contracts of a plan's objectives: measurable (metric, baseline, target, due date, owner) and
// aligned under a parent objective of a higher plan.
import { z } from "zod";
import { DomainError } from "../errors";
import { MetricRef, metricByKey } from "../metrics";
import { Id, Instant, IsoDate, LongText, Name, Version } from "./common";
import { OwnerType, dateOrder, ownerPair, type Issues } from "./plan-shared";

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
