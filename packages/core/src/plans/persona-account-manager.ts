// The account manager of major corporate clients (source article, third example): portfolio
// growth, revenue retained, client meetings per major account and new opportunities.
import type { PlanTemplateDefinition } from "./drafts";
import { grow, initiative, money, objective } from "./persona-helpers";
import { horizonInput, input, valueOf } from "./template-inputs";

export const ACCOUNT_MANAGER_TEMPLATE: PlanTemplateDefinition = {
  key: "account-manager",
  name: "Grow a portfolio of major accounts",
  persona: "Account manager",
  description:
    "Manage and expand a portfolio of significant corporate accounts within one year: portfolio growth, revenue retained, consistent client meetings and new opportunities in existing accounts.",
  ownerType: "person",
  inputs: [
    input("portfolioRevenue", "Portfolio revenue in the last twelve months", "money", 200_000_000, {
      min: 0,
      max: 1e15,
    }),
    input("growthPercent", "Portfolio growth to reach", "percent", 15, { min: 0, max: 1_000 }),
    input("retainedPercent", "Share of today's revenue to retain", "percent", 90, { min: 0, max: 100 }),
    input("meetingsPerAccountPerMonth", "Client meetings per major account per month", "count", 2, {
      min: 0,
      max: 100,
    }),
    input("newPipeline", "New pipeline to open in existing accounts", "money", 50_000_000, {
      min: 0,
      max: 1e15,
    }),
    horizonInput(12),
  ],
  build(v, ctx) {
    const portfolio = valueOf(v, "portfolioRevenue");
    const growth = valueOf(v, "growthPercent");
    const objectives = [
      objective(ctx, {
        title: `Grow portfolio revenue by ${growth}%`,
        metric: { key: "revenue_won" },
        baseline: portfolio,
        target: grow(portfolio, growth),
        unit: ctx.currency,
        weight: 35,
      }),
      objective(ctx, {
        title: `Retain ${valueOf(v, "retainedPercent")}% of portfolio revenue`,
        description: "Revenue won again from the accounts already in the portfolio.",
        metric: { key: "revenue_retained" },
        target: Math.round((portfolio * valueOf(v, "retainedPercent")) / 100),
        unit: ctx.currency,
        weight: 25,
        perspective: "customer",
      }),
      objective(ctx, {
        title: `${valueOf(v, "meetingsPerAccountPerMonth")} client meetings per major account per month`,
        metric: { key: "client_meetings_per_account", filters: { tier: "Major" } },
        target: valueOf(v, "meetingsPerAccountPerMonth"),
        unit: "meetings",
        weight: 20,
        perspective: "customer",
      }),
      objective(ctx, {
        title: `Open ${money(valueOf(v, "newPipeline"), ctx)} of new opportunities in existing accounts`,
        metric: { key: "pipeline_created", filters: { businessType: "existing" } },
        baseline: null,
        target: valueOf(v, "newPipeline"),
        unit: ctx.currency,
        weight: 20,
      }),
    ];
    return {
      statement:
        "Effectively manage and expand my portfolio of significant corporate accounts within one year.",
      objectives,
      initiatives: [
        initiative(
          ctx,
          "Detailed analysis of each major account",
          "Stakeholders, whitespace and risks, account by account.",
          [0, 3],
          2,
        ),
        initiative(
          ctx,
          "Tailored engagement strategies",
          "One engagement strategy per account, built on its analysis.",
          [1, 3],
        ),
        initiative(
          ctx,
          "Consistent client meetings",
          "A standing meeting cadence with each major account.",
          [2, 1],
        ),
        initiative(
          ctx,
          "CRM tracking of account details and progress",
          "Every account's details, contacts and progress kept current.",
          [2, 0],
        ),
      ],
    };
  },
};
