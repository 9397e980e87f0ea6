// Contracts of tactical planning: a strategic plan examined for a quarter, a month or a custom
// range — its milestones (tactics-targets), funnel (tactics-funnel) and actions (tactics-actions).
import { z } from "zod";
import { Id, Instant, IsoDate, Name, PageQuery, Version } from "./common";
import { IdList, OwnerType, dateOrder, ownerPair, type Issues } from "./plan-shared";

export * from "./tactics-targets";
export * from "./tactics-funnel";
export * from "./tactics-actions";

export const TacticalPlanStatus = z.enum(["draft", "active", "closed", "archived"]);
export type TacticalPlanStatus = z.infer<typeof TacticalPlanStatus>;
export const TacticalPeriodKind = z
  .enum(["quarter", "month", "custom"])
  .describe("A fiscal quarter, a month, or any range");
export type TacticalPeriodKind = z.infer<typeof TacticalPeriodKind>;

export const TacticalPlan = z.object({
  id: Id,
  strategicPlanId: Id,
  strategicPlanTitle: z.string(),
  title: z.string(),
  ownerType: OwnerType,
  ownerId: Id,
  periodKind: TacticalPeriodKind,
  periodStart: IsoDate,
  periodEnd: IsoDate,
  status: TacticalPlanStatus,
  objectiveIds: z.array(Id).describe("The objectives of the strategic plan this tactical plan serves"),
  copiedFromId: Id.nullable().describe("The tactical plan this one started from, if any"),
  canEdit: z.boolean().describe("Whether the caller may change this plan and what it holds"),
  version: z.number().int(),
  createdAt: Instant,
  updatedAt: Instant,
});
export type TacticalPlan = z.infer<typeof TacticalPlan>;

function periodOrder(v: { periodStart?: string | null; periodEnd?: string | null }, ctx: Issues): void {
  if (!dateOrder(v.periodStart, v.periodEnd))
    ctx.addIssue({
      code: "custom",
      path: ["periodEnd"],
      message: "periodEnd must not be before periodStart",
    });
}

export const TacticalPlanCreate = z
  .object({
    strategicPlanId: Id,
    title: Name.optional().describe("Default: the strategic plan's title and the period"),
    ownerType: OwnerType.optional().describe("Default: the strategic plan's owner"),
    ownerId: Id.optional(),
    periodKind: TacticalPeriodKind.default("quarter"),
    periodStart: IsoDate.optional().describe(
      "For a quarter or month: any day in it (default today). For a custom range: its first day",
    ),
    periodEnd: IsoDate.optional().describe("Only for a custom range: its last day"),
    objectiveIds: IdList.optional().describe("Default: every objective of the strategic plan"),
    copyFromId: Id.nullable()
      .default(null)
      .describe("Start from this tactical plan: its objectives, funnel and actions, moved to the new period"),
    withTemplateActions: z
      .boolean()
      .default(false)
      .describe("Pre-fill the actions of the strategic plan's persona template"),
  })
  .superRefine((v, ctx) => {
    periodOrder(v, ctx);
    ownerPair({ ownerType: v.ownerType ?? null, ownerId: v.ownerId ?? null }, ctx);
    if (v.periodKind === "custom" && (v.periodStart === undefined || v.periodEnd === undefined))
      ctx.addIssue({
        code: "custom",
        path: ["periodEnd"],
        message: "a custom range needs periodStart and periodEnd",
      });
  });
export type TacticalPlanCreate = z.infer<typeof TacticalPlanCreate>;

export const TacticalPlanUpdate = z
  .object({
    title: Name.optional(),
    ownerType: OwnerType.optional(),
    ownerId: Id.optional(),
    status: TacticalPlanStatus.optional(),
    objectiveIds: IdList.optional(),
    periodStart: IsoDate.optional(),
    periodEnd: IsoDate.optional(),
    version: Version,
  })
  .superRefine(periodOrder);
export type TacticalPlanUpdate = z.infer<typeof TacticalPlanUpdate>;

export const TacticalPlanQuery = PageQuery.extend({
  strategicPlanId: Id.optional(),
  status: TacticalPlanStatus.optional().describe("Default: every status but archived"),
  ownerId: Id.optional(),
  date: IsoDate.optional().describe("Only the plans whose period holds this date"),
});
export type TacticalPlanQuery = z.infer<typeof TacticalPlanQuery>;

const TACTICAL_TRANSITIONS: Readonly<Record<TacticalPlanStatus, readonly TacticalPlanStatus[]>> = {
  draft: ["active", "archived"],
  active: ["closed"],
  closed: ["archived", "active"],
  archived: [],
};

/** Whether a tactical plan may go from one status to another; a closed quarter may be reopened. */
export function canTransitionTacticalPlan(from: TacticalPlanStatus, to: TacticalPlanStatus): boolean {
  return from === to || TACTICAL_TRANSITIONS[from].includes(to);
}
