// What the demo's tactical plans assume: the department's funnel over the default pipeline (a
// little optimistic at negotiation, so the plan check comparing it with history has a point) and
// each region's share of this year's revenue, as in the regions' strategic plans.
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

/** USD 4.1M, 3.75M and 3.4M of the department's 11.25M. */
export const REGION_SHARE = { East: 4.1 / 11.25, Central: 3.75 / 11.25, West: 3.4 / 11.25 } as const;
