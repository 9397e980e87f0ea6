// The tactics of the source article's three personas as pre-filled actions of a tactical plan: the
// director's evaluations, the new salesperson's mentor check-ins and feedback requests, the
// account manager's monthly meeting with each major account.
import { addDays, dayNumberOf, isoWeekday, minDate } from "../calendar/dates";
import type { Recurrence } from "./recurrence";

export interface ActionDraft {
  title: string;
  description: string;
  startDate: string;
  dueDate: string;
  priority: "low" | "medium" | "high";
  recurrence: Recurrence | null;
  /** Local time of a scheduled meeting, "HH:MM"; null for an all-day action. */
  timeOfDay: string | null;
  durationMinutes: number | null;
  /** Hours a week the owner spends on it while it runs (0 = none booked). */
  hoursPerWeek: number;
  accountId: string | null;
  /** The objective it serves, by the persona template's metric (and a word of its unit for manual ones). */
  serves: { metric: string; unitIncludes?: string } | null;
}

export interface TemplateActionContext {
  periodStart: string;
  /** Inclusive. */
  periodEnd: string;
  /** For the account manager: one monthly meeting per major account. */
  majorAccounts?: readonly { id: string; name: string }[];
}

const within = (ctx: TemplateActionContext, days: number) =>
  minDate(addDays(ctx.periodStart, days), ctx.periodEnd);

/** The first `weekday` (ISO) on or after `date`. */
function nextWeekday(date: string, weekday: number): string {
  return addDays(date, (weekday - isoWeekday(date) + 7) % 7);
}

function draft(
  ctx: TemplateActionContext,
  d: Partial<ActionDraft> & Pick<ActionDraft, "title">,
): ActionDraft {
  return {
    description: "",
    startDate: ctx.periodStart,
    dueDate: ctx.periodEnd,
    priority: "medium",
    recurrence: null,
    timeOfDay: null,
    durationMinutes: null,
    hoursPerWeek: 0,
    accountId: null,
    serves: null,
    ...d,
  };
}

function recurring(
  ctx: TemplateActionContext,
  first: string,
  r: Omit<Recurrence, "until">,
): Pick<ActionDraft, "startDate" | "recurrence"> {
  return { startDate: first, recurrence: { ...r, until: ctx.periodEnd } };
}

const BUILDERS: Record<string, (ctx: TemplateActionContext) => ActionDraft[]> = {
  "sales-director": (ctx) => [
    draft(ctx, {
      title: "Analyse current sales methodologies and metrics",
      serves: { metric: "win_rate" },
      description:
        "Win rate, cycle length and activity per rep over the last twelve months; where deals stall.",
      dueDate: within(ctx, 20),
      priority: "high",
      hoursPerWeek: 6,
    }),
    draft(ctx, {
      title: "Launch the sales training programme",
      serves: { metric: "win_rate" },
      description: "Choose the trainer, book the sessions, and tell every rep what changes and why.",
      startDate: within(ctx, 14),
      dueDate: within(ctx, 45),
      hoursPerWeek: 3,
    }),
    draft(ctx, {
      title: "Roll out CRM tracking of activities and interactions",
      serves: { metric: "activities_logged" },
      description: "Every rep logs calls, meetings and emails against the account and deal they serve.",
      startDate: within(ctx, 7),
      dueDate: within(ctx, 60),
      hoursPerWeek: 2,
    }),
    draft(ctx, {
      title: "Monthly performance evaluation with each team manager",
      serves: { metric: "quota_attainment" },
      description: "Target vs actual, activity figures, and what to change next month.",
      ...recurring(ctx, nextWeekday(ctx.periodStart, 5), { frequency: "monthly", interval: 1 }),
      timeOfDay: "14:00",
      durationMinutes: 60,
      hoursPerWeek: 1,
    }),
  ],
  "new-salesperson": (ctx) => [
    draft(ctx, {
      title: "Learn the product line and customer demographics",
      serves: { metric: "manual", unitIncludes: "product" },
      description: "Product training, the three ideal customer profiles, and sitting in on five calls.",
      dueDate: within(ctx, 30),
      priority: "high",
      hoursPerWeek: 8,
    }),
    draft(ctx, {
      title: "Mentor check-in",
      serves: { metric: "quota_attainment" },
      description: "Thirty minutes with an experienced colleague: one deal, one question, one thing to try.",
      ...recurring(ctx, nextWeekday(ctx.periodStart, 3), { frequency: "weekly", interval: 1, weekdays: [3] }),
      timeOfDay: "09:30",
      durationMinutes: 30,
      hoursPerWeek: 0.5,
    }),
    draft(ctx, {
      title: "Raise the personal weekly goal",
      serves: { metric: "revenue_won" },
      description: "Set next week's calls and meetings a step above this week's, as the ramp allows.",
      ...recurring(ctx, nextWeekday(ctx.periodStart, 5), { frequency: "weekly", interval: 1, weekdays: [5] }),
      priority: "low",
    }),
    draft(ctx, {
      title: "Ask for feedback on a recorded call",
      serves: { metric: "manual", unitIncludes: "feedback" },
      description: "Send one call to the manager or mentor and ask what to do differently.",
      ...recurring(ctx, nextWeekday(ctx.periodStart, 2), { frequency: "weekly", interval: 2, weekdays: [2] }),
      priority: "low",
    }),
  ],
  "account-manager": (ctx) => [
    draft(ctx, {
      title: "Analyse each major account",
      serves: { metric: "revenue_retained" },
      description: "Revenue, products held, stakeholders and whitespace for every account in the portfolio.",
      dueDate: within(ctx, 21),
      priority: "high",
      hoursPerWeek: 5,
    }),
    draft(ctx, {
      title: "Write a tailored engagement strategy per account",
      serves: { metric: "pipeline_created" },
      description: "Who to meet, what to offer, and the next step for each major account.",
      startDate: within(ctx, 14),
      dueDate: within(ctx, 42),
      hoursPerWeek: 3,
    }),
    ...(ctx.majorAccounts ?? []).map((a, i) =>
      draft(ctx, {
        title: `Monthly client meeting: ${a.name}`,
        serves: { metric: "client_meetings_per_account" },
        description: "Satisfaction, open issues and new opportunities, with notes logged in the CRM.",
        // Spread the meetings over the month's first weeks instead of stacking them on one day.
        ...recurring(ctx, addDays(nextWeekday(ctx.periodStart, 2 + (i % 3)), 7 * Math.floor(i / 3)), {
          frequency: "monthly",
          interval: 1,
        }),
        timeOfDay: "10:00",
        durationMinutes: 60,
        hoursPerWeek: 0.5,
        accountId: a.id,
      }),
    ),
    draft(ctx, {
      title: "Update account details and progress in the CRM",
      serves: { metric: "revenue_won" },
      ...recurring(ctx, nextWeekday(ctx.periodStart, 5), { frequency: "weekly", interval: 1, weekdays: [5] }),
      priority: "low",
      hoursPerWeek: 1,
    }),
  ],
};

export const TEMPLATE_ACTION_KEYS = Object.keys(BUILDERS);

/**
 * The actions a persona template pre-fills for a tactical plan's period; [] for an unknown key. A
 * recurring action whose first date would fall after the period is left out.
 */
export function templateActions(templateKey: string, ctx: TemplateActionContext): ActionDraft[] {
  const build = BUILDERS[templateKey];
  if (!build) return [];
  dayNumberOf(ctx.periodStart, "periodStart");
  dayNumberOf(ctx.periodEnd, "periodEnd");
  return build(ctx).filter((a) => a.startDate <= ctx.periodEnd && a.startDate <= a.dueDate);
}
