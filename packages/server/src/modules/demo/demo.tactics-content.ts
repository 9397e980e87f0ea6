// What the demo's tactical plans assume: the department's funnel over the default pipeline (a
// little optimistic at negotiation, so the plan check comparing it with history has a point) and
// each region's share of next year's revenue, as in the regions' strategic plans.
import type { FunnelPlanAssumptions } from "@oars/core";

export const DEMO_FUNNEL: FunnelPlanAssumptions = {
  averageDealSizeMinor: 5_500_000,
  stages: [
    { name: "Prospecting", conversionToNext: 0.8 },
    { name: "Qualification", conversionToNext: 0.75 },
    { name: "Needs analysis", conversionToNext: 0.72 },
    { name: "Proposal", conversionToNext: 0.8 },
    { name: "Negotiation", conversionToNext: 0.95 },
  ],
  activityRatios: [
    { activity: "calls", perStage: "Prospecting", count: 4 },
    { activity: "meetings", perStage: "Qualification", count: 1.5 },
  ],
  revenueTargetMinor: null,
  peopleCount: null,
  winRate: null,
  cycleLengthDays: 62,
};

/** USD 5.5M, 5.0M and 4.5M of the department's 15.0M. */
export const REGION_SHARE = { East: 5.5 / 15, Central: 5 / 15, West: 4.5 / 15 } as const;
