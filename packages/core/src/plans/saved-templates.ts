// A plan saved as one of the organisation's own templates: its statement, objectives and
// initiatives with their dates kept relative to the horizon, so the template fits any start date.
import { addDays, addMonths, daysBetween, minDate } from "../calendar/dates";
import type { IsoDate } from "../contracts/common";
import type { Perspective } from "../contracts/plan-objectives";
import type { MetricRef } from "../metrics";
import type { PlanDraft, TemplateContext } from "./drafts";

export interface SavedTemplateBody {
  horizonMonths: number;
  statement: string;
  objectives: {
    title: string;
    description: string;
    metric: MetricRef | null;
    baseline: number | null;
    target: number | null;
    unit: string;
    startOffsetDays: number;
    dueOffsetDays: number | null;
    weight: number;
    perspective: Perspective;
  }[];
  initiatives: {
    title: string;
    description: string;
    startOffsetDays: number | null;
    endOffsetDays: number | null;
    budgetMinor: number;
    serves: number[];
  }[];
}

interface SourcePlan {
  horizonStart: IsoDate;
  horizonEnd: IsoDate;
  statement: string;
  objectives: readonly {
    id: string;
    title: string;
    description: string;
    metric: MetricRef | null;
    baseline: number | null;
    target: number | null;
    unit: string;
    startDate: IsoDate;
    dueDate: IsoDate | null;
    weight: number;
    perspective: Perspective;
    status: string;
  }[];
  initiatives: readonly {
    title: string;
    description: string;
    startDate: IsoDate | null;
    endDate: IsoDate | null;
    budgetMinor: number;
    status: string;
    objectiveIds: readonly string[];
  }[];
}

/** What a template keeps of a plan: dropped objectives and cancelled initiatives stay behind. */
export function savedTemplateBody(plan: SourcePlan): SavedTemplateBody {
  const live = plan.objectives.filter((o) => o.status !== "dropped");
  const index = new Map(live.map((o, i) => [o.id, i]));
  const offset = (d: IsoDate | null) => (d === null ? null : daysBetween(plan.horizonStart, d));
  return {
    horizonMonths: Math.max(1, Math.round((daysBetween(plan.horizonStart, plan.horizonEnd) + 1) / 30.44)),
    statement: plan.statement,
    objectives: live.map((o) => ({
      title: o.title,
      description: o.description,
      metric: o.metric,
      baseline: o.baseline,
      target: o.target,
      unit: o.unit,
      startOffsetDays: Math.max(0, daysBetween(plan.horizonStart, o.startDate)),
      dueOffsetDays: offset(o.dueDate),
      weight: o.weight,
      perspective: o.perspective,
    })),
    initiatives: plan.initiatives
      .filter((i) => i.status !== "cancelled")
      .map((i) => ({
        title: i.title,
        description: i.description,
        startOffsetDays: offset(i.startDate),
        endOffsetDays: offset(i.endDate),
        budgetMinor: i.budgetMinor,
        serves: i.objectiveIds.flatMap((id) => {
          const at = index.get(id);
          return at === undefined ? [] : [at];
        }),
      })),
  };
}

/** The default end of a plan made from a saved template starting on `start`. */
export function savedTemplateEnd(body: SavedTemplateBody, start: IsoDate): IsoDate {
  return addDays(addMonths(start, body.horizonMonths), -1);
}

/** A saved template laid on a new horizon: dates kept inside it, every owner the plan's owner. */
export function draftFromSavedTemplate(body: SavedTemplateBody, ctx: TemplateContext): PlanDraft {
  const at = (days: number | null) =>
    days === null ? null : minDate(addDays(ctx.horizonStart, days), ctx.horizonEnd);
  const owner = { ownerType: ctx.ownerType, ownerId: ctx.ownerId };
  return {
    statement: body.statement,
    objectives: body.objectives.map(({ startOffsetDays, dueOffsetDays, ...o }) => ({
      ...o,
      startDate: at(startOffsetDays) ?? ctx.horizonStart,
      dueDate: at(dueOffsetDays),
      ...owner,
    })),
    initiatives: body.initiatives.map((i) => ({
      title: i.title,
      description: i.description,
      startDate: at(i.startOffsetDays),
      endDate: at(i.endOffsetDays),
      budgetMinor: i.budgetMinor,
      serves: i.serves,
      ...owner,
    })),
  };
}
