// Building blocks of the persona templates: objectives and initiatives owned by the plan's owner,
// money in titles, dates inside the horizon.
import { addDays, addMonths, daysBetween, minDate } from "../calendar/dates";
import { formatMetricValue } from "../metrics";
import type { InitiativeDraft, ObjectiveDraft, TemplateContext } from "./drafts";

// Whole amounts read better in a title without their cents: "USD 15,000,000".
export const money = (minor: number, ctx: TemplateContext) =>
  formatMetricValue(minor, "money", { currency: ctx.currency }).replace(/\.0+$/, "");
export const grow = (base: number, percent: number) => Math.round((base * (100 + percent)) / 100);
/** The last day of the `months`-th month of the horizon, never past the horizon's end. */
export const endOfMonth = (ctx: TemplateContext, months: number) =>
  minDate(addDays(addMonths(ctx.horizonStart, months), -1), ctx.horizonEnd);

/** "two years", "18 months": the horizon as a planner would say it. */
export function spanInWords(ctx: Pick<TemplateContext, "horizonStart" | "horizonEnd">): string {
  const months = Math.max(1, Math.round((daysBetween(ctx.horizonStart, ctx.horizonEnd) + 1) / 30.44));
  const words = ["one", "two", "three", "four", "five"];
  if (months % 12 === 0 && months <= 60)
    return months === 12 ? "year" : `${words[months / 12 - 1] ?? months / 12} years`;
  return `${months} months`;
}

export function objective(ctx: TemplateContext, o: Partial<ObjectiveDraft> & Pick<ObjectiveDraft, "title">) {
  const draft: ObjectiveDraft = {
    description: "",
    metric: null,
    baseline: null,
    target: null,
    unit: "",
    startDate: ctx.horizonStart,
    dueDate: ctx.horizonEnd,
    ownerType: ctx.ownerType,
    ownerId: ctx.ownerId,
    weight: 25,
    perspective: "financial",
    ...o,
  };
  return draft;
}

export function initiative(
  ctx: TemplateContext,
  title: string,
  description: string,
  serves: number[],
  months?: number,
): InitiativeDraft {
  return {
    title,
    description,
    startDate: ctx.horizonStart,
    endDate: months === undefined ? ctx.horizonEnd : endOfMonth(ctx, months),
    ownerType: ctx.ownerType,
    ownerId: ctx.ownerId,
    budgetMinor: 0,
    serves,
  };
}
