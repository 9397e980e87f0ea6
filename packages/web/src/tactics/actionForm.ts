// The action form's model: an action as the form edits it (recurrence and the owner's hours as
// plain fields), and back into the request body the API takes.
import type { Action, ActionCreate, ActionRecurrence } from "@oars/core";

export type Form = Omit<ActionCreate, "recurrence" | "allocations"> & {
  repeats: "" | ActionRecurrence["frequency"];
  weekdays: number[];
  interval: number;
  until: string;
  hours: string;
  budget: string;
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
    hours: own ? String(own.hoursPerWeek) : "",
    budget: a && a.budgetMinor > 0 ? String(a.budgetMinor / 100) : "",
  };
}

/** The form back into the API's shape; allocations of people other than the owner are kept. */
export function actionBody(f: Form, action: Action | null) {
  const { repeats, weekdays, interval, until, hours, budget, ...rest } = f;
  const recurrence = repeats
    ? {
        frequency: repeats,
        interval,
        weekdays: repeats === "weekly" ? weekdays : [],
        until: until || null,
        count: null,
      }
    : null;
  const others_ = (action?.allocations ?? []).filter((x) => x.personId !== f.ownerId);
  const allocations = [
    ...others_,
    ...(f.ownerId && (Number(hours) > 0 || Number(budget) > 0)
      ? [
          {
            personId: f.ownerId,
            hoursPerWeek: Number(hours) || 0,
            budgetMinor: Math.round((Number(budget) || 0) * 100),
            note: "",
          },
        ]
      : []),
  ];
  return { ...rest, recurrence, allocations };
}
