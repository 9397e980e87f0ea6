// Contracts of the reverse funnel: a tactical plan's assumptions, the org's defaults, the rates
// learned from history, the calculator with what-if scenarios side by side.
import { z } from "zod";
import { Id, IsoDate, Version } from "./common";
import { OwnerType } from "./plan-shared";

const StageName = z.string().trim().min(1, "must not be empty").max(60);

export const FunnelPlanAssumptions = z.object({
  averageDealSizeMinor: z.number().describe("Minor units, above 0"),
  stages: z
    .array(
      z.object({
        name: StageName,
        conversionToNext: z.number().describe("Share (0..1] reaching the next stage"),
      }),
    )
    .max(12),
  activityRatios: z
    .array(z.object({ activity: StageName, perStage: StageName, count: z.number() }))
    .max(12)
    .default([]),
  revenueTargetMinor: z
    .number()
    .nullable()
    .default(null)
    .describe("null = the served revenue objective's milestones in this period, else its target"),
  peopleCount: z
    .number()
    .nullable()
    .default(null)
    .describe("null = the active reps the plan's owner counts on"),
  winRate: z
    .number()
    .nullable()
    .default(null)
    .describe("Planned win rate, compared with history; null = stage product"),
  cycleLengthDays: z.number().nullable().default(null),
});
export type FunnelPlanAssumptions = z.infer<typeof FunnelPlanAssumptions>;

const StepNeed = z.object({
  name: z.string(),
  kind: z.enum(["activity", "stage", "won"]),
  needed: z.number(),
  perPeriod: z.array(z.object({ periodKey: z.string(), needed: z.number() })),
  perPersonPerWeek: z.number(),
});
export const FunnelResult = z.object({
  revenueTargetMinor: z.number(),
  dealsWon: z.number(),
  weeks: z.number(),
  steps: z.array(StepNeed),
});
export type FunnelResult = z.infer<typeof FunnelResult>;

const Figure = z.object({
  value: z.number().nullable(),
  sampleSize: z.number().int(),
  source: z.enum(["person", "team", "none"]).optional(),
});
export const LearnedRates = z.object({
  stages: z.array(z.object({ name: z.string(), conversionToNext: Figure })),
  winRate: Figure,
  averageDealSizeMinor: Figure,
  cycleLengthDays: Figure,
});
export type LearnedRates = z.infer<typeof LearnedRates>;

export const AssumptionGapShape = z.object({
  assumption: z.enum(["winRate", "averageDealSizeMinor", "cycleLengthDays", "stageConversion"]),
  stage: z.string().optional(),
  planned: z.number(),
  historical: z.number(),
  relativeGap: z.number().nullable(),
  sampleSize: z.number().int(),
  direction: z.enum(["optimistic", "pessimistic"]),
  message: z.string(),
});

export const FunnelPeriod = z.object({ key: z.string(), label: z.string(), start: IsoDate, end: IsoDate });

export const TacticalFunnel = z.object({
  tacticalPlanId: Id,
  assumptions: FunnelPlanAssumptions,
  source: z.enum(["plan", "org", "builtin"]).describe("Where the assumptions come from"),
  revenueTargetMinor: z.number(),
  peopleCount: z.number().int(),
  periods: z.array(FunnelPeriod),
  result: FunnelResult,
  learned: LearnedRates.nullable().describe(
    "What the owner's history shows (person's with the team's as fallback)",
  ),
  dealCount: z.number().int().describe("Deals the learned figures rest on"),
  gaps: z.array(AssumptionGapShape).describe("Assumptions far from history"),
  version: z.number().int().describe("The tactical plan's version, to send with a save"),
});
export type TacticalFunnel = z.infer<typeof TacticalFunnel>;

export const FunnelSave = z.object({ assumptions: FunnelPlanAssumptions, version: Version });
export type FunnelSave = z.infer<typeof FunnelSave>;

export const FunnelInput = z.object({
  revenueTargetMinor: z.number(),
  averageDealSizeMinor: z.number(),
  stages: FunnelPlanAssumptions.shape.stages,
  activityRatios: FunnelPlanAssumptions.shape.activityRatios,
  peopleCount: z.number().default(1),
  start: IsoDate,
  end: IsoDate,
  grain: z.enum(["week", "month", "quarter"]).default("month"),
});
export type FunnelInput = z.infer<typeof FunnelInput>;

export const FunnelScenarioInput = z.object({
  name: z.string().trim().min(1).max(80),
  changes: z
    .object({
      revenueTargetMinor: z.number().optional(),
      averageDealSizeMinor: z.number().optional(),
      peopleCount: z.number().optional(),
    })
    .default({}),
  conversionByStage: z.record(z.string().max(60), z.number()).default({}),
});
export type FunnelScenarioInput = z.infer<typeof FunnelScenarioInput>;

export const FunnelCalculate = z.object({
  base: FunnelInput,
  scenarios: z.array(FunnelScenarioInput).max(6).default([]),
});
export type FunnelCalculate = z.infer<typeof FunnelCalculate>;

export const FunnelComparison = z.object({
  periods: z.array(FunnelPeriod),
  base: FunnelResult,
  variants: z.array(
    z.object({
      name: z.string(),
      result: FunnelResult,
      deltas: z.array(
        z.object({
          name: z.string(),
          kind: z.enum(["activity", "stage", "won"]),
          base: z.number().nullable(),
          variant: z.number().nullable(),
          delta: z.number(),
          perPersonPerWeekDelta: z.number(),
        }),
      ),
    }),
  ),
});
export type FunnelComparison = z.infer<typeof FunnelComparison>;

export const FunnelLearnedQuery = z.object({
  ownerType: OwnerType,
  ownerId: Id,
  from: IsoDate.optional().describe("Default: a year before `to`"),
  to: IsoDate.optional().describe("Default: today"),
  minSample: z.coerce.number().int().min(1).max(10_000).default(20),
});
export type FunnelLearnedQuery = z.infer<typeof FunnelLearnedQuery>;

export const FunnelLearned = z.object({
  ownerType: OwnerType,
  ownerId: Id,
  from: IsoDate,
  to: IsoDate,
  stages: z.array(z.string()),
  own: LearnedRates.describe("From the owner's own deals"),
  fallback: LearnedRates.nullable().describe("The team's figures, for a person"),
  rates: LearnedRates.describe("Figure by figure: own when the sample is large enough, else the team's"),
  dealCount: z.number().int(),
});
export type FunnelLearned = z.infer<typeof FunnelLearned>;

export const FunnelDefaults = z.object({
  assumptions: FunnelPlanAssumptions,
  source: z.enum(["org", "builtin"]),
  version: z.number().int().nullable(),
});
export type FunnelDefaults = z.infer<typeof FunnelDefaults>;

export const FunnelDefaultsSave = z.object({
  assumptions: FunnelPlanAssumptions,
  version: Version.optional().describe("The saved defaults' version; omit the first time"),
});
export type FunnelDefaultsSave = z.infer<typeof FunnelDefaultsSave>;

export const FunnelToActions = z.object({
  personIds: z.array(Id).max(500).optional().describe("Default: every rep the plan counts on"),
  activities: z
    .array(z.string().max(60))
    .max(12)
    .optional()
    .describe("Default: every activity of the funnel"),
});
export type FunnelToActions = z.infer<typeof FunnelToActions>;
