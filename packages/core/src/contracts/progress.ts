// Live progress of objectives, manual check-ins and the role dashboards, as the API returns them.
import { z } from "zod";
import { Id, Instant, IsoDate } from "./common";

export const ProgressStatusName = z.enum(["on_track", "at_risk", "off_track"]);

const CategoryFigures = z.object({
  deals: z.number(),
  openMinor: z.number(),
  weightedMinor: z.number(),
  adjustmentMinor: z.number(),
  totalMinor: z.number(),
});

export const ProgressForecast = z.object({
  method: z.enum(["pipeline", "run_rate"]),
  actual: z.number(),
  forecast: z.number().nullable(),
  byCategory: z
    .object({ commit: CategoryFigures, best_case: CategoryFigures, pipeline: CategoryFigures })
    .optional(),
  openPipelineMinor: z.number().optional(),
});

export const BurnupPoint = z.object({
  periodEnd: IsoDate,
  /** Cumulative target by the end of the period (the milestone schedule). */
  target: z.number(),
  /** Cumulative actual by the end of the period; null for periods not started. */
  actual: z.number().nullable(),
});

export const ChildContribution = z.object({
  objectiveId: Id,
  title: z.string(),
  ownerType: z.enum(["person", "team"]).nullable(),
  ownerId: Id.nullable(),
  actual: z.number().nullable(),
  target: z.number().nullable(),
  /** The child's actual as a share of this objective's actual (0..1), null when either is unknown. */
  share: z.number().nullable(),
});

export const ObjectiveProgress = z.object({
  objectiveId: Id,
  planId: Id,
  title: z.string(),
  metricKey: z.string().nullable(),
  metricLabel: z.string().nullable(),
  unit: z.enum(["money", "count", "percent", "days"]).nullable(),
  currency: z.string(),
  windowStart: IsoDate,
  windowEnd: IsoDate,
  today: IsoDate,
  /** False when the metric cannot be computed (no metric, no target, outside the CRM). */
  computed: z.boolean(),
  actual: z.number().nullable(),
  target: z.number().nullable(),
  attainment: z.number().nullable(),
  expected: z.number().nullable(),
  pace: z.number().nullable(),
  forecast: ProgressForecast.nullable(),
  coverage: z
    .object({
      coverage: z.number().nullable(),
      neededCoverage: z.number().nullable(),
      enough: z.boolean().nullable(),
    })
    .nullable(),
  status: ProgressStatusName.nullable(),
  reason: z.string(),
  burnup: z.array(BurnupPoint),
  children: z.array(ChildContribution),
  /** Set when the objective's window lies in a closed period: actual, target and attainment are the frozen figures. */
  closed: z
    .object({
      closeId: Id,
      periodKey: z.string(),
      label: z.string(),
      closedAt: Instant,
      closedBy: Id.nullable(),
    })
    .nullable()
    .optional(),
});
export type ObjectiveProgress = z.infer<typeof ObjectiveProgress>;

/** A milestone's progress: its objective's metric over the milestone's owner and period, paced by
 * the milestones split under it (or its working days), with its owner and period beside it. */
export const MilestoneProgress = ObjectiveProgress.extend({
  milestoneId: Id,
  tacticalPlanId: Id,
  parentMilestoneId: Id.nullable(),
  ownerType: z.enum(["person", "team"]),
  ownerId: Id,
  ownerName: z.string(),
  periodKey: z.string(),
  periodStart: IsoDate,
  periodEnd: IsoDate,
  dimension: z.object({ kind: z.string(), value: z.string() }).nullable(),
});
export type MilestoneProgress = z.infer<typeof MilestoneProgress>;
export const TacticalProgress = z.object({
  tacticalPlanId: Id,
  items: z.array(MilestoneProgress),
  truncated: z.boolean(),
});
export type TacticalProgress = z.infer<typeof TacticalProgress>;

export const PlanProgress = z.object({ planId: Id, items: z.array(ObjectiveProgress) });
export type PlanProgress = z.infer<typeof PlanProgress>;

export const DrillDeal = z.object({
  id: Id,
  name: z.string(),
  ownerId: Id,
  teamId: Id.nullable(),
  accountId: Id.nullable(),
  amountOrgMinor: z.number(),
  status: z.enum(["open", "won", "lost"]),
  closeDate: IsoDate,
  createdDate: IsoDate,
});
export const DrillActivity = z.object({
  id: Id,
  type: z.string(),
  subject: z.string(),
  ownerId: Id,
  teamId: Id.nullable(),
  accountId: Id.nullable(),
  occurredAt: z.string(),
});
export const DrillDeals = z.object({ items: z.array(DrillDeal), truncated: z.boolean() });
export const DrillActivities = z.object({ items: z.array(DrillActivity), truncated: z.boolean() });
export type DrillDeal = z.infer<typeof DrillDeal>;
export type DrillActivity = z.infer<typeof DrillActivity>;

export const CheckinCreate = z.strictObject({
  value: z.number().finite(),
  confidence: z.number().min(0).max(1).optional(),
  note: z.string().trim().max(2000).optional(),
  date: IsoDate.optional(),
});
export type CheckinCreate = z.infer<typeof CheckinCreate>;
export const Checkin = z.object({
  id: Id,
  objectiveId: Id,
  personId: Id,
  date: IsoDate,
  value: z.number(),
  confidence: z.number().nullable(),
  note: z.string(),
  createdAt: z.string(),
});
export type Checkin = z.infer<typeof Checkin>;

export const DashboardStage = z.object({
  stageId: Id,
  name: z.string(),
  position: z.number(),
  kind: z.enum(["open", "won", "lost"]),
  deals: z.number(),
  amountMinor: z.number(),
});
export const LeaderRow = z.object({
  personId: Id,
  name: z.string(),
  revenueMinor: z.number(),
  deals: z.number(),
});
export const HeatCell = z.object({
  key: Id,
  name: z.string(),
  month: z.string(),
  actualMinor: z.number(),
  /** The person's revenue milestones for the month, when a tactical plan set them. */
  targetMinor: z.number().nullable(),
  attainment: z.number().nullable(),
});
export const DealToPush = z.object({
  id: Id,
  name: z.string(),
  amountOrgMinor: z.number(),
  closeDate: IsoDate,
  stageChangedAt: z.string(),
  reason: z.enum(["closing", "stalled"]),
});
export const PortfolioAccount = z.object({
  accountId: Id,
  name: z.string(),
  tier: z.string().nullable(),
  revenueMinor: z.number(),
  lastMeeting: z.string().nullable(),
  nextMeeting: z.string().nullable(),
});

export const Dashboard = z.object({
  role: z.enum(["director", "rep", "account_manager"]),
  today: IsoDate,
  periodStart: IsoDate,
  periodEnd: IsoDate,
  currency: z.string(),
  /** The objectives the person owns or leads, at risk first. */
  objectives: z.array(ObjectiveProgress),
  /** This period's goals: the reader's milestones (a director's: their teams') that hold today. */
  goals: z.array(MilestoneProgress),
  funnel: z.array(DashboardStage),
  leaderboard: z.array(LeaderRow),
  heatmap: z.array(HeatCell),
  /** People with a cell in the scope: the heatmap keeps the 40 furthest behind when there are more. */
  heatmapPeople: z.number().int(),
  week: z.object({ weekStart: IsoDate, meetings: z.number(), calls: z.number(), activities: z.number() }),
  dealsToPush: z.array(DealToPush),
  portfolio: z.array(PortfolioAccount),
});
export type Dashboard = z.infer<typeof Dashboard>;

// Closing a period: the attainment of every milestone and objective in it, frozen for commission work.
export const PeriodCloseCreate = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("tactical_plan"), tacticalPlanId: Id }),
  z.strictObject({
    kind: z.literal("month"),
    period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "a calendar month, YYYY-MM"),
  }),
  z.strictObject({
    kind: z.literal("quarter"),
    period: z.string().regex(/^FY\d{4}-Q[1-4]$/, "a fiscal quarter, FY2026-Q1"),
  }),
]);
export type PeriodCloseCreate = z.infer<typeof PeriodCloseCreate>;

export const PeriodCloseRow = z.object({
  kind: z.enum(["milestone", "objective"]),
  objectiveId: Id,
  milestoneId: Id.nullable(),
  title: z.string(),
  ownerType: z.enum(["person", "team"]),
  ownerId: Id,
  ownerName: z.string(),
  teamId: Id.nullable(),
  metricKey: z.string().nullable(),
  periodStart: IsoDate,
  periodEnd: IsoDate,
  target: z.number().nullable(),
  actual: z.number().nullable(),
  /** Actual ÷ target as it stood at the close (0.9 = 90%); null without a target. */
  attainment: z.number().nullable(),
});
export type PeriodCloseRow = z.infer<typeof PeriodCloseRow>;

export const PeriodClose = z.object({
  id: Id,
  kind: z.enum(["tactical_plan", "month", "quarter"]),
  periodKey: z.string().describe("The tactical plan's id, YYYY-MM or FY2026-Q1"),
  label: z.string(),
  periodStart: IsoDate,
  periodEnd: IsoDate,
  status: z.enum(["closed", "reopened"]),
  closedBy: Id.nullable(),
  closedAt: Instant,
  reopenedBy: Id.nullable(),
  reopenedAt: Instant.nullable(),
  version: z.number().int(),
  /** The frozen figures the reader may see (their scope); empty in a list. */
  rows: z.array(PeriodCloseRow),
});
export type PeriodClose = z.infer<typeof PeriodClose>;
export const PeriodCloseList = z.object({ items: z.array(PeriodClose) });
export type PeriodCloseList = z.infer<typeof PeriodCloseList>;
export const PeriodCloseReopen = z.strictObject({ version: z.number().int() });

export const AttainmentExportQuery = z.object({
  period: z
    .string()
    .min(1)
    .max(2000)
    .describe("One or more closed periods, comma-separated: FY2026-Q1, 2026-03 or a tactical plan's id"),
});

// A manager's adjustment of one forecast category of an objective, with its note; the latest per
// category counts in the forecast (ProgressForecast.byCategory.*.adjustmentMinor).
export const ForecastCategoryName = z.enum(["commit", "best_case", "pipeline"]);
export const ForecastAdjustmentCreate = z.strictObject({
  category: ForecastCategoryName,
  amountMinor: z.number().int().min(-1e15).max(1e15),
  note: z.string().trim().min(1).max(2000),
});
export type ForecastAdjustmentCreate = z.infer<typeof ForecastAdjustmentCreate>;
export const ForecastAdjustmentRecord = z.object({
  id: Id,
  objectiveId: Id,
  category: ForecastCategoryName,
  amountMinor: z.number(),
  note: z.string(),
  personId: Id,
  createdAt: Instant,
});
export type ForecastAdjustmentRecord = z.infer<typeof ForecastAdjustmentRecord>;
export const ForecastAdjustmentList = z.object({
  /** The adjustment in force per category (the latest), 0 when none. */
  current: z.object({ commit: z.number(), best_case: z.number(), pipeline: z.number() }),
  /** Every adjustment, newest first. */
  items: z.array(ForecastAdjustmentRecord),
});
export type ForecastAdjustmentList = z.infer<typeof ForecastAdjustmentList>;
