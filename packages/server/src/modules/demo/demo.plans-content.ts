// What the demo's plans say: the director's refinement answers and each region's aligned plan.
import { addDays, addMonths, type ObjectiveDraft, type PlanDraft } from "@oars/core";

export const DEPARTMENT_ANSWERS: Record<string, string> = {
  growth_sources:
    "Two thirds from existing accounts (upsell into the Major tier), one third from new mid-market logos in the Central region.",
  customers_markets:
    "Mid-market and Major accounts in manufacturing and logistics; no new Small-tier accounts.",
  stop_doing: "Discounting to close small deals at quarter end; weekly pipeline reports nobody reads.",
  capabilities_resources: "A sales trainer for six months, CRM licences for every rep, two hires in Central.",
  risks_signs:
    "Reps skip logging activity (sign: under 30 logged a week); win rate stalls (sign: two quarters under 22%).",
  success_in_numbers: "Revenue up 25% in the second year, win rate 26%, four in five reps at quota.",
  assumption_win_rate: "26% by the end, from 21% over the last twelve months.",
  assumption_deal_size: "USD 38,000, as over the last twelve months.",
  assumption_cycle_length: "62 days, ten fewer than today once the training lands.",
};

export const regionalDraft = (
  team: string,
  teamId: string,
  start: string,
  end: string,
  revenueMinor: number,
): PlanDraft => {
  const base: Omit<ObjectiveDraft, "title" | "metric" | "target" | "unit" | "perspective"> = {
    description: "",
    baseline: null,
    startDate: start,
    dueDate: end,
    ownerType: "team",
    ownerId: teamId,
    weight: 50,
  };
  return {
    statement: `${team} carries its share of the department's growth: more revenue from the accounts we know, and a higher win rate.`,
    objectives: [
      {
        ...base,
        title: `${team}: win USD ${revenueMinor / 100_000_000}M a year`,
        metric: { key: "revenue_won" },
        target: revenueMinor,
        unit: "USD",
        perspective: "financial",
        startDate: addDays(addMonths(end, -12), 1),
      },
      {
        ...base,
        title: `${team}: raise the win rate to 26%`,
        metric: { key: "win_rate" },
        baseline: 21,
        target: 26,
        unit: "%",
        perspective: "internal_process",
      },
    ],
    initiatives: [
      {
        title: `${team} weekly deal reviews`,
        description: "Every open deal over USD 25,000 reviewed with the manager each week.",
        startDate: start,
        endDate: end,
        ownerType: "team",
        ownerId: teamId,
        budgetMinor: 0,
        serves: [0, 1],
      },
    ],
  };
};
