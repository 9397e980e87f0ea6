// The new salesperson in year one (source article, second example): full quota by a chosen
// month, first-year revenue, product knowledge and feedback.
import type { PlanTemplateDefinition } from "./drafts";
import { endOfMonth, initiative, money, objective } from "./persona-helpers";
import { horizonInput, input, valueOf } from "./template-inputs";

export const NEW_SALESPERSON_TEMPLATE: PlanTemplateDefinition = {
  key: "new-salesperson",
  name: "First year as a salesperson",
  persona: "New salesperson",
  description:
    "Become a productive member of the team quickly and surpass the target within the first year: full quota by a chosen month, first-year revenue, product knowledge and feedback.",
  ownerType: "person",
  inputs: [
    input("firstYearRevenue", "Revenue to win in the first year", "money", 50_000_000, { min: 0, max: 1e15 }),
    input("fullQuotaMonth", "Month by which to reach full quota", "months", 6, { min: 1, max: 60 }),
    input("productModules", "Product knowledge modules to complete", "count", 10, { min: 0, max: 1_000 }),
    input("feedbackSessions", "Feedback sessions to hold", "count", 12, { min: 0, max: 1_000 }),
    horizonInput(12),
  ],
  build(v, ctx) {
    const month = valueOf(v, "fullQuotaMonth");
    const quotaBy = endOfMonth(ctx, month);
    const objectives = [
      objective(ctx, {
        title: `Reach full quota by month ${month}`,
        description: "Meet the monthly target in full by then, after the ramp-up months.",
        metric: { key: "quota_attainment" },
        baseline: 0,
        target: 100,
        unit: "%",
        dueDate: quotaBy,
        weight: 30,
        perspective: "learning_growth",
      }),
      objective(ctx, {
        title: `Win ${money(valueOf(v, "firstYearRevenue"), ctx)} in the first year`,
        metric: { key: "revenue_won" },
        baseline: 0,
        target: valueOf(v, "firstYearRevenue"),
        unit: ctx.currency,
        weight: 40,
      }),
      objective(ctx, {
        title: `Complete ${valueOf(v, "productModules")} product knowledge modules`,
        description: "Products and customer demographics, one module at a time.",
        metric: { key: "manual", unit: "product modules completed" },
        baseline: 0,
        target: valueOf(v, "productModules"),
        unit: "modules",
        dueDate: quotaBy,
        weight: 15,
        perspective: "learning_growth",
      }),
      objective(ctx, {
        title: `Hold ${valueOf(v, "feedbackSessions")} feedback sessions`,
        description: "Ask for feedback after deals won and lost, and act on it.",
        metric: { key: "manual", unit: "feedback sessions held" },
        baseline: 0,
        target: valueOf(v, "feedbackSessions"),
        unit: "sessions",
        weight: 15,
        perspective: "learning_growth",
      }),
    ];
    return {
      statement:
        "Quickly become a productive member of the sales team and surpass my sales target within the first year.",
      objectives,
      initiatives: [
        initiative(
          ctx,
          "Learn products and customer demographics",
          "In-depth knowledge of what we sell and to whom.",
          [2, 0],
          month,
        ),
        initiative(
          ctx,
          "Mentorship with an experienced colleague",
          "A regular session with a mentor from the team.",
          [0, 3],
        ),
        initiative(
          ctx,
          "Progressively increasing personal goals",
          "Personal goals that ramp up month by month to full quota.",
          [0, 1],
        ),
        initiative(
          ctx,
          "Actively seek feedback",
          "Ask the manager, the mentor and customers how to improve.",
          [3],
        ),
      ],
    };
  },
};
