// Contracts of action plans: owned, dated actions with dependencies, recurrence and resource
// allocations; their occurrences, the capacity check, the timeline, "my week" and the calendar feed.
import { z } from "zod";
import { Id, Instant, IsoDate, LongText, Name, Version } from "./common";
import { IdList, dateOrder, type Issues } from "./plan-shared";

export const ActionStatus = z.enum(["todo", "doing", "done", "blocked", "cancelled"]);
export type ActionStatus = z.infer<typeof ActionStatus>;
export const ActionPriority = z.enum(["low", "medium", "high"]);
export type ActionPriority = z.infer<typeof ActionPriority>;

export const ActionRecurrence = z.object({
  frequency: z.enum(["daily", "weekly", "monthly"]),
  interval: z.number().int().default(1),
  weekdays: z.array(z.number().int()).max(7).default([]).describe("ISO weekdays (1 = Monday) for weekly"),
  until: IsoDate.nullable().default(null).describe("Default: the tactical plan's last day"),
  count: z.number().int().nullable().default(null),
});
export type ActionRecurrence = z.infer<typeof ActionRecurrence>;

export const ActionAllocation = z.object({
  personId: Id.nullable().default(null).describe("Who works on it; null for a budget line"),
  hoursPerWeek: z.number().min(0).max(168).default(0),
  budgetMinor: z.number().int().min(0).default(0),
  note: z.string().max(500).default(""),
});
export type ActionAllocation = z.infer<typeof ActionAllocation>;

export const ActionWarning = z.object({
  code: z.enum(["person_over_capacity", "starts_before_dependency"]),
  message: z.string(),
  personId: Id.optional(),
  weekStart: IsoDate.optional(),
  allocatedHours: z.number().optional(),
  capacityHours: z.number().optional(),
});
export type ActionWarning = z.infer<typeof ActionWarning>;

const TimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be a time HH:MM");

const ActionFields = z.object({
  title: Name,
  description: LongText,
  ownerId: Id.nullable(),
  startDate: IsoDate.nullable(),
  dueDate: IsoDate.nullable(),
  status: ActionStatus,
  priority: ActionPriority,
  objectiveId: Id.nullable(),
  initiativeId: Id.nullable(),
  milestoneId: Id.nullable(),
  accountId: Id.nullable(),
  dealId: Id.nullable(),
  dependsOn: IdList.describe("Actions that must finish before this one starts"),
  recurrence: ActionRecurrence.nullable(),
  timeOfDay: TimeOfDay.nullable().describe("A scheduled meeting's local time; null = all day"),
  durationMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .nullable(),
  allocations: z.array(ActionAllocation).max(100),
});

function actionRules(v: { startDate?: string | null; dueDate?: string | null }, ctx: Issues): void {
  if (!dateOrder(v.startDate, v.dueDate))
    ctx.addIssue({ code: "custom", path: ["dueDate"], message: "dueDate must not be before startDate" });
}

export const Action = ActionFields.extend({
  id: Id,
  tacticalPlanId: Id,
  title: z.string(),
  ownerName: z.string().nullable(),
  budgetMinor: z.number().int().describe("Sum of the allocations' budgets"),
  currency: z.string(),
  canEdit: z.boolean(),
  canUpdateStatus: z.boolean().describe("The owner may move their own action along even without edit rights"),
  warnings: z.array(ActionWarning).describe("What this write raised: over-allocation, schedule conflicts"),
  version: z.number().int(),
  createdAt: Instant,
  updatedAt: Instant,
});
export type Action = z.infer<typeof Action>;

const F = ActionFields.shape;
export const ActionCreate = ActionFields.extend({
  description: F.description.default(""),
  ownerId: F.ownerId.default(null),
  startDate: F.startDate.default(null),
  dueDate: F.dueDate.default(null),
  status: F.status.default("todo"),
  priority: F.priority.default("medium"),
  objectiveId: F.objectiveId.default(null),
  initiativeId: F.initiativeId.default(null),
  milestoneId: F.milestoneId.default(null),
  accountId: F.accountId.default(null),
  dealId: F.dealId.default(null),
  dependsOn: F.dependsOn.default([]),
  recurrence: F.recurrence.default(null),
  timeOfDay: F.timeOfDay.default(null),
  durationMinutes: F.durationMinutes.default(null),
  allocations: F.allocations.default([]),
}).superRefine(actionRules);
export type ActionCreate = z.infer<typeof ActionCreate>;

export const ActionUpdate = ActionFields.partial().extend({ version: Version }).superRefine(actionRules);
export type ActionUpdate = z.infer<typeof ActionUpdate>;

export const ActionQuery = z.object({
  ownerId: Id.optional(),
  status: ActionStatus.optional(),
  includeDeleted: z.stringbool().default(false),
});
export type ActionQuery = z.infer<typeof ActionQuery>;

export const OccurrenceStatus = z.enum(["todo", "done", "skipped"]);
export const Occurrence = z.object({
  actionId: Id,
  tacticalPlanId: Id,
  title: z.string(),
  date: IsoDate,
  timeOfDay: z.string().nullable(),
  durationMinutes: z.number().int().nullable(),
  status: OccurrenceStatus,
  recurring: z.boolean(),
  priority: ActionPriority,
  ownerId: Id.nullable(),
  accountId: Id.nullable(),
  overdue: z.boolean(),
});
export type Occurrence = z.infer<typeof Occurrence>;

export const OccurrenceQuery = z.object({ from: IsoDate, to: IsoDate }).superRefine((v, ctx) => {
  if (!dateOrder(v.from, v.to))
    ctx.addIssue({ code: "custom", path: ["to"], message: "to must not be before from" });
});
export const OccurrenceParams = z.object({ id: Id, date: IsoDate });
export const OccurrenceUpdate = z.object({ status: OccurrenceStatus });

export const CapacityReport = z.object({
  tacticalPlanId: Id,
  weeks: z.array(z.object({ key: z.string(), start: IsoDate, end: IsoDate })),
  people: z.array(
    z.object({
      personId: Id,
      name: z.string(),
      capacityHoursPerWeek: z.number(),
      allocatedHours: z.array(z.number()).describe("One per week, all tactical plans counted"),
    }),
  ),
  overAllocations: z.array(
    z.object({
      personId: Id,
      name: z.string(),
      weekStart: IsoDate,
      allocatedHours: z.number(),
      capacityHours: z.number(),
      actions: z.array(z.object({ actionId: z.string(), title: z.string(), hoursPerWeek: z.number() })),
      message: z.string(),
    }),
  ),
});
export type CapacityReport = z.infer<typeof CapacityReport>;

export const Timeline = z.object({
  tacticalPlanId: Id,
  periodStart: IsoDate,
  periodEnd: IsoDate,
  today: IsoDate,
  actions: z.array(
    z.object({
      id: Id,
      title: z.string(),
      ownerName: z.string().nullable(),
      startDate: IsoDate.nullable(),
      dueDate: IsoDate.nullable(),
      status: ActionStatus,
      dependsOn: z.array(Id),
      occurrences: z.array(IsoDate).describe("For a recurring action: its dates in the period"),
    }),
  ),
  milestones: z.array(
    z.object({
      objectiveId: Id,
      objectiveTitle: z.string(),
      periodKey: z.string(),
      periodStart: IsoDate,
      periodEnd: IsoDate,
      target: z.number(),
    }),
  ),
  conflicts: z.array(z.object({ actionId: Id, dependsOnId: Id, message: z.string() })),
});
export type Timeline = z.infer<typeof Timeline>;

export const MyWeekQuery = z.object({
  personId: Id.optional().describe("Default: oneself; a manager may look at their people"),
  date: IsoDate.optional().describe("Any day of the week; default today in the org's time zone"),
});
export const MyWeek = z.object({
  personId: Id,
  name: z.string(),
  today: IsoDate,
  weekStart: IsoDate,
  weekEnd: IsoDate,
  todayItems: z.array(Occurrence),
  weekItems: z.array(Occurrence),
  overdue: z.array(Occurrence),
  activityTargets: z.array(
    z.object({
      activity: z.string(),
      type: z.enum(["call", "email", "meeting", "demo"]).nullable(),
      target: z.number().int().describe("This week's target, rounded up"),
      done: z.number().int().nullable().describe("Logged this week; null when no activity type matches"),
      tacticalPlanId: Id,
    }),
  ),
  plans: z.array(z.object({ id: Id, title: z.string(), periodStart: IsoDate, periodEnd: IsoDate })),
  people: z
    .array(z.object({ id: Id, name: z.string(), teamId: Id.nullable() }))
    .describe("Whose week the caller may open (managers, directors, admins, viewers); empty for a member"),
});
export type MyWeek = z.infer<typeof MyWeek>;

export const CalendarFeed = z.object({
  active: z.boolean(),
  createdAt: Instant.nullable(),
  lastUsedAt: Instant.nullable(),
  url: z.string().nullable().describe("Only when just created: the secret address, shown once"),
});
export type CalendarFeed = z.infer<typeof CalendarFeed>;

export const TemplateActionsCreate = z.object({
  templateKey: z.string().max(64).optional().describe("Default: the strategic plan's template"),
  ownerId: Id.nullable().optional().describe("Default: the plan's owner when a person, else nobody"),
});
export type TemplateActionsCreate = z.infer<typeof TemplateActionsCreate>;

export const ActionsCreated = z.object({ items: z.array(Action) });
export type ActionsCreated = z.infer<typeof ActionsCreated>;
