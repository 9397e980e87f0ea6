// Live progress of objectives, manual check-ins and the role dashboards, as the API returns them.
import { z } from "zod";
import { Id, IsoDate } from "./common";

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
});
export type ObjectiveProgress = z.infer<typeof ObjectiveProgress>;

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
export const HeatCell = z.object({ key: Id, name: z.string(), month: z.string(), actualMinor: z.number() });
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
  funnel: z.array(DashboardStage),
  leaderboard: z.array(LeaderRow),
  heatmap: z.array(HeatCell),
  week: z.object({ weekStart: IsoDate, meetings: z.number(), calls: z.number(), activities: z.number() }),
  dealsToPush: z.array(DealToPush),
  portfolio: z.array(PortfolioAccount),
});
export type Dashboard = z.infer<typeof Dashboard>;
