// The action form's model: an action as the form edits it (recurrence, the owner's hours and the
// others involved as plain fields), and back into the request body the API takes.
import type { Action, ActionCreate, ActionRecurrence } from "@oars/core";

/** Someone else working on the action, and the hours a week it takes of theirs. */
export interface Helper {
  personId: string;
  hours: string;
  note: string;
}

export type Form = Omit<ActionCreate, "recurrence" | "allocations"> & {
  repeats: "" | ActionRecurrence["frequency"];
  weekdays: number[];
  interval: number;
  until: string;
  /** Ends after this many occurrences instead of on a date; "" for a date. */
  count: string;
  hours: string;
  budget: string;
  helpers: Helper[];
};

export const FIELDS = [
  "title",
  "ownerId",
  "startDate",
  "dueDate",
  "dependsOn",
  "recurrence",
  "timeOfDay",
  "allocations",
  "initiativeId",
  "milestoneId",
  "accountId",
  "dealId",
] as const;

export function toForm(a: Action | null): Form {
  const own = a?.allocations.find((x) => x.personId === a.ownerId);
  return {
    title: a?.title ?? "",
    description: a?.description ?? "",
    ownerId: a?.ownerId ?? null,
    startDate: a?.startDate ?? null,
    dueDate: a?.dueDate ?? null,
    status: a?.status ?? "todo",
    priority: a?.priority ?? "medium",
    objectiveId: a?.objectiveId ?? null,
    initiativeId: a?.initiativeId ?? null,
    milestoneId: a?.milestoneId ?? null,
    accountId: a?.accountId ?? null,
    dealId: a?.dealId ?? null,
    dependsOn: a?.dependsOn ?? [],
    timeOfDay: a?.timeOfDay ?? null,
    durationMinutes: a?.durationMinutes ?? null,
    repeats: a?.recurrence?.frequency ?? "",
    weekdays: a?.recurrence?.weekdays ?? [],
    interval: a?.recurrence?.interval ?? 1,
    until: a?.recurrence?.until ?? "",
    count: a?.recurrence?.count ? String(a.recurrence.count) : "",
    hours: own ? String(own.hoursPerWeek) : "",
    budget: a && a.budgetMinor > 0 ? String(a.budgetMinor / 100) : "",
    helpers: (a?.allocations ?? [])
      .filter((x) => x.personId !== null && x.personId !== a?.ownerId)
      .map((x) => ({ personId: x.personId ?? "", hours: String(x.hoursPerWeek), note: x.note })),
  };
}

/**
 * The form back into the API's shape. The owner's hours and the whole budget go on the owner's line
 * (or a budget line without a person); each other person involved gets a line of their own.
 */
export function actionBody(f: Form) {
  const { repeats, weekdays, interval, until, count, hours, budget, helpers, ...rest } = f;
  const times = Number(count);
  const recurrence = repeats
    ? {
        frequency: repeats,
        interval,
        weekdays: repeats === "weekly" ? weekdays : [],
        until: count ? null : until || null,
        count: count && Number.isFinite(times) ? Math.trunc(times) : null,
      }
    : null;
  const budgetMinor = Math.round((Number(budget.replace(",", ".")) || 0) * 100);
  const ownHours = Number(hours.replace(",", ".")) || 0;
  const own =
    (f.ownerId && ownHours > 0) || budgetMinor > 0
      ? [{ personId: f.ownerId, hoursPerWeek: f.ownerId ? ownHours : 0, budgetMinor, note: "" }]
      : [];
  const others = helpers
    .filter((h) => h.personId !== "" && h.personId !== f.ownerId)
    .map((h) => ({
      personId: h.personId,
      hoursPerWeek: Number(h.hours.replace(",", ".")) || 0,
      budgetMinor: 0,
      note: h.note,
    }));
  return { ...rest, recurrence, allocations: [...own, ...others] };
}
