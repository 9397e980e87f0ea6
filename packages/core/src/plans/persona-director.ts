// The sales director overhauling a department (source article, first example): two years of
// revenue, win rate, quota attainment and activity, with the four initiatives of an overhaul.
import { addDays, addMonths, daysBetween } from "../calendar/dates";
import type { PlanTemplateDefinition } from "./drafts";
import { grow, initiative, money, objective, spanInWords } from "./persona-helpers";
import { horizonInput, input, valueOf } from "./template-inputs";

export const DIRECTOR_TEMPLATE: PlanTemplateDefinition = {
  key: "sales-director",
  name: "Overhaul a sales department",
  persona: "Sales director",
  description:
    "Transform the department to enhance performance and grow revenue over two years: revenue, win rate, quota attainment and activity, with the four initiatives of a department overhaul.",
  ownerType: "team",
  inputs: [
    input("currentRevenue", "Revenue won in the last twelve months", "money", 1_000_000_000, {
      min: 0,
      max: 1e15,
    }),
    input("revenueGrowthPercent", "Revenue growth to reach by the end", "percent", 20, {
      min: 0,
      max: 1_000,
    }),
    input("currentWinRate", "Win rate today", "percent", 20, { min: 0, max: 100 }),
    input("targetWinRate", "Win rate to reach", "percent", 25, { min: 0, max: 100 }),
    input("quotaAttainmentTarget", "Share of reps reaching quota", "percent", 80, { min: 0, max: 100 }),
    input("activitiesPerRepPerWeek", "Activities logged per rep per week", "count", 40, {
      min: 0,
      max: 1_000,
    }),
    horizonInput(24),
  ],
  build(v, ctx) {
    const revenue = valueOf(v, "currentRevenue");
    const growth = valueOf(v, "revenueGrowthPercent");
    const perRep = valueOf(v, "activitiesPerRepPerWeek");
    const weeks = Math.max(1, Math.round((daysBetween(ctx.horizonStart, ctx.horizonEnd) + 1) / 7));
    const reps = Math.max(1, ctx.headcount);
    const lastYearStart = addDays(addMonths(ctx.horizonEnd, -12), 1);
    const objectives = [
      objective(ctx, {
        title: `Grow revenue by ${growth}% to ${money(grow(revenue, growth), ctx)} a year`,
        description:
          "Revenue won over the last twelve months of the plan, against the twelve months before it started.",
        metric: { key: "revenue_won" },
        baseline: revenue,
        target: grow(revenue, growth),
        unit: ctx.currency,
        startDate: lastYearStart < ctx.horizonStart ? ctx.horizonStart : lastYearStart,
        weight: 40,
      }),
      objective(ctx, {
        title: `Raise the win rate to ${valueOf(v, "targetWinRate")}%`,
        description: "Deals won out of deals closed, by the end of the plan.",
        metric: { key: "win_rate" },
        baseline: valueOf(v, "currentWinRate"),
        target: valueOf(v, "targetWinRate"),
        unit: "%",
        weight: 20,
        perspective: "internal_process",
      }),
      objective(ctx, {
        title: `${valueOf(v, "quotaAttainmentTarget")}% of reps reach their quota`,
        description: "Team quota attainment: the share of people with a target who reached it.",
        metric: { key: "quota_attainment" },
        target: valueOf(v, "quotaAttainmentTarget"),
        unit: "%",
        weight: 20,
        perspective: "learning_growth",
      }),
      objective(ctx, {
        title: `Log ${perRep} activities per rep per week`,
        description: `${perRep} activities × ${reps} reps × ${weeks} weeks, logged in Oars so the work behind the numbers is visible.`,
        metric: { key: "activities_logged" },
        baseline: null,
        target: perRep * reps * weeks,
        unit: "activities",
        weight: 20,
        perspective: "internal_process",
      }),
    ];
    return {
      statement: `Transform the sales department to enhance performance and grow revenue by ${growth}% over the next ${spanInWords(ctx)}.`,
      objectives,
      initiatives: [
        initiative(
          ctx,
          "Analyse current sales methodologies and metrics",
          "Where deals are won and lost today, stage by stage and rep by rep.",
          [0, 1],
          3,
        ),
        initiative(
          ctx,
          "Training and development programme",
          "Innovative sales training for every rep, built on what the analysis finds.",
          [1, 2],
        ),
        initiative(
          ctx,
          "CRM tracking of activities and customer interactions",
          "Every call, meeting and deal recorded, so activity and pipeline are visible.",
          [3, 1],
          6,
        ),
        initiative(
          ctx,
          "Clear targets with regular performance evaluations",
          "A target per person and a review each quarter against it.",
          [2, 0],
        ),
      ],
    };
  },
};
