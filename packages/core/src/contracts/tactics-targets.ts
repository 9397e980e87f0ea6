// Contracts of target segmentation: a split (the grid's settings) saved as milestones — one target
// per row (person, team, segment, product or new vs existing business) and period — and bottom-up
// commitments with the gap between them and the target.
import { z } from "zod";
import { Id, Instant, IsoDate, Version } from "./common";
import { OwnerType, dateOrder } from "./plan-shared";

export const SplitGrain = z
  .enum(["week", "month", "quarter", "whole"])
  .describe("Columns of the grid; whole = one column for the range (for ratio targets set per owner)");
export type SplitGrain = z.infer<typeof SplitGrain>;
export const SplitRowKind = z
  .enum(["person", "team", "segment", "product", "businessType"])
  .describe(
    "What the rows are; for segment, product and businessType the milestones belong to the plan's owner",
  );
export type SplitRowKind = z.infer<typeof SplitRowKind>;
export const SplitWeighting = z.enum(["equal", "capacity", "potential", "lastShare"]);
export type SplitWeighting = z.infer<typeof SplitWeighting>;

const Amount = z.number().describe("Minor units for money, a count otherwise");

export const SplitOwnerMethod = z.discriminatedUnion("kind", [
  z.object({ kind: SplitWeighting }),
  z.object({
    kind: z.literal("manual"),
    overrides: z.record(z.string().max(200), Amount).describe("Row id → amount; the rest is rebalanced"),
    rebalanceBy: SplitWeighting.default("equal"),
  }),
]);
export type SplitOwnerMethod = z.infer<typeof SplitOwnerMethod>;

export const SplitPeriodMethod = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("even").describe("By working days") }),
  z.object({
    kind: z.literal("seasonal"),
    by: z.enum(["period", "calendarMonth"]),
    weights: z.array(z.number()).max(5000).describe("One per period, or twelve (January first)"),
  }),
  z.object({ kind: z.literal("learned").describe("Seasonal weights learned from past won revenue") }),
  z.object({ kind: z.literal("manual"), amounts: z.array(Amount).max(5000) }),
]);
export type SplitPeriodMethod = z.infer<typeof SplitPeriodMethod>;

export const SplitRow = z.object({ id: z.string().min(1).max(200), label: z.string().max(200).optional() });

export const SplitSettings = z
  .object({
    grain: SplitGrain.default("month"),
    start: IsoDate.optional().describe("Default: the parent milestone's period, else the objective's window"),
    end: IsoDate.optional(),
    rowKind: SplitRowKind.default("person"),
    rows: z.array(SplitRow).min(1).max(5000).describe("Row ids: people, teams, or dimension values"),
    ownerMethod: SplitOwnerMethod.default({ kind: "equal" }),
    periodMethod: SplitPeriodMethod.default({ kind: "even" }),
    rampCurves: z
      .record(z.string().max(200), z.array(z.number()).max(120))
      .default({})
      .describe("Row id → share of a full target per month of tenure (0..1), from the hire date"),
    rampMode: z.enum(["redistribute", "acceptGap"]).default("redistribute"),
    headroomPct: z.number().default(0).describe("Assign this much more than the target: 10 assigns 110 %"),
  })
  .superRefine((v, ctx) => {
    if (!dateOrder(v.start, v.end))
      ctx.addIssue({ code: "custom", path: ["end"], message: "end must not be before start" });
  });
export type SplitSettings = z.infer<typeof SplitSettings>;

export const SplitCell = z.object({
  rowId: z.string().min(1).max(200),
  periodKey: z.string().max(40),
  amount: Amount,
});
export type SplitCell = z.infer<typeof SplitCell>;

export const SplitSave = z.object({
  objectiveId: Id,
  parentMilestoneId: Id.nullable().default(null).describe("Split this milestone further (a team's part)"),
  total: Amount.optional().describe("Default: the parent milestone's target, else the objective's target"),
  settings: SplitSettings,
  cells: z
    .array(SplitCell)
    .max(200_000)
    .optional()
    .describe("The grid as edited by hand; omitted = computed from the settings"),
  version: Version.optional().describe("The saved split's version when replacing it"),
});
export type SplitSave = z.infer<typeof SplitSave>;

export const GridPeriod = z.object({
  key: z.string(),
  label: z.string(),
  start: IsoDate,
  end: IsoDate,
  workingDays: z.number().int(),
});
export type GridPeriod = z.infer<typeof GridPeriod>;

export const GridRow = z.object({
  id: z.string(),
  label: z.string(),
  capacityHoursPerWeek: z.number(),
  accountPotentialMinor: z.number().nullable(),
  lastPeriodActual: z.number().nullable(),
  hireDate: IsoDate.nullable(),
  /** Hired within a year of the range's start: a ramp is suggested. */
  isNew: z.boolean(),
});
export type GridRow = z.infer<typeof GridRow>;

export const TargetGridResult = z.object({
  total: Amount,
  /** The objective's (or parent milestone's) target the gap is measured against. */
  target: Amount.nullable(),
  periods: z.array(GridPeriod),
  rows: z.array(GridRow),
  cells: z.array(SplitCell),
  rowTotals: z.array(z.object({ rowId: z.string(), amount: Amount })),
  columnTotals: z.array(z.object({ periodKey: z.string(), amount: Amount })),
  assignedTotal: Amount,
  grandTotal: Amount,
  gapToTarget: Amount.describe("target − grand total (headroom excluded); 0 when the parts add up"),
  heldBackByRamp: Amount,
});
export type TargetGridResult = z.infer<typeof TargetGridResult>;

export const TargetSplit = z.object({
  id: Id,
  tacticalPlanId: Id,
  objectiveId: Id,
  parentMilestoneId: Id.nullable(),
  total: Amount,
  grandTotal: Amount,
  target: Amount.nullable().describe("The objective's or parent milestone's target"),
  gapToTarget: Amount.describe("target − grand total; 0 when the milestones add up"),
  settings: SplitSettings,
  handEdited: z.boolean().describe("Saved with cells typed by hand rather than computed"),
  milestoneCount: z.number().int(),
  version: z.number().int(),
  createdAt: Instant,
  updatedAt: Instant,
});
export type TargetSplit = z.infer<typeof TargetSplit>;

export const TargetSplitDetail = TargetSplit.extend({ grid: TargetGridResult });
export type TargetSplitDetail = z.infer<typeof TargetSplitDetail>;

export const Milestone = z.object({
  id: Id,
  tacticalPlanId: Id,
  splitId: Id,
  objectiveId: Id,
  parentMilestoneId: Id.nullable(),
  ownerType: OwnerType,
  ownerId: Id,
  ownerName: z.string(),
  dimension: z.object({ kind: z.enum(["segment", "product", "businessType"]), value: z.string() }).nullable(),
  periodKey: z.string(),
  periodStart: IsoDate,
  periodEnd: IsoDate,
  target: Amount,
});
export type Milestone = z.infer<typeof Milestone>;

export const MilestoneQuery = z.object({
  tacticalPlanId: Id.optional(),
  objectiveId: Id.optional(),
  ownerId: Id.optional(),
  parentMilestoneId: Id.optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(500),
});
export type MilestoneQuery = z.infer<typeof MilestoneQuery>;

export const SplitSetupQuery = z.object({
  objectiveId: Id,
  parentMilestoneId: Id.optional(),
  rowKind: SplitRowKind.optional(),
  grain: SplitGrain.optional(),
});
export type SplitSetupQuery = z.infer<typeof SplitSetupQuery>;

export const OrgCalendarShape = z.object({
  fiscalYearStartMonth: z.number().int(),
  weekStartsOn: z.number().int(),
  workingDays: z.array(z.number().int()),
  holidays: z.array(IsoDate),
});

/** Everything the grid editor needs to compute previews in the browser with the core functions. */
export const SplitSetup = z.object({
  objective: z.object({
    id: Id,
    title: z.string(),
    target: z.number().nullable(),
    metricKind: z.enum(["additive", "ratio"]),
    unit: z.string(),
    startDate: IsoDate,
    dueDate: IsoDate.nullable(),
  }),
  currency: z.string(),
  parent: Milestone.nullable(),
  parentOptions: z
    .array(Milestone)
    .describe("Milestones of this objective or its parent this plan's owner may split"),
  total: Amount.nullable(),
  start: IsoDate,
  end: IsoDate,
  rowKind: SplitRowKind,
  grain: SplitGrain,
  calendar: OrgCalendarShape,
  rows: z.array(GridRow).describe("The default rows for the row kind, with what each weighting needs"),
  seasonality: z.object({
    byCalendarMonth: z.array(z.number()),
    yearsOfHistory: z.number(),
    source: z.enum(["history", "even"]),
  }),
  saved: TargetSplitDetail.nullable(),
});
export type SplitSetup = z.infer<typeof SplitSetup>;

export const CommitmentStatusValue = z.enum(["proposed", "accepted", "adjusted"]);
export const Commitment = z.object({
  id: Id,
  tacticalPlanId: Id,
  objectiveId: Id,
  ownerType: OwnerType,
  ownerId: Id,
  ownerName: z.string(),
  amount: Amount,
  status: CommitmentStatusValue,
  note: z.string(),
  proposedBy: Id.nullable(),
  decidedBy: Id.nullable(),
  version: z.number().int(),
  createdAt: Instant,
  updatedAt: Instant,
});
export type Commitment = z.infer<typeof Commitment>;

export const CommitmentPropose = z.object({
  objectiveId: Id,
  ownerType: OwnerType.default("person"),
  ownerId: Id,
  amount: z.number().int().min(0),
  note: z.string().max(2000).default(""),
});
export type CommitmentPropose = z.infer<typeof CommitmentPropose>;

export const CommitmentDecide = z.object({
  status: CommitmentStatusValue.optional().describe("accepted, or adjusted with a new amount"),
  amount: z.number().int().min(0).optional(),
  note: z.string().max(2000).optional(),
  version: Version,
});
export type CommitmentDecide = z.infer<typeof CommitmentDecide>;

export const CommitmentList = z.object({
  items: z.array(Commitment),
  gap: z.object({
    target: Amount,
    committed: Amount,
    agreed: Amount,
    pending: Amount,
    gap: Amount,
    gapIfAllAgreed: Amount,
    pendingOwnerIds: z.array(z.string()),
  }),
});
export type CommitmentList = z.infer<typeof CommitmentList>;

export const CommitmentQuery = z.object({ objectiveId: Id });
