// Action rows turned into API shapes. Never return a database row.
import type { Action, ActionRecurrence, ActionWarning } from "@oars/core";
import type { ActionRecord } from "./actions.repo";

export interface ActionView {
  ownerName: string | null;
  currency: string;
  canEdit: boolean;
  canUpdateStatus: boolean;
  warnings?: ActionWarning[];
}

export function presentAction(r: ActionRecord, v: ActionView): Action {
  const row = r.row;
  return {
    id: row.id,
    tacticalPlanId: row.tactical_plan_id,
    title: row.title,
    description: row.description,
    ownerId: row.owner_id,
    ownerName: v.ownerName,
    startDate: row.start_date,
    dueDate: row.due_date,
    status: row.status,
    priority: row.priority,
    objectiveId: row.objective_id,
    initiativeId: row.initiative_id,
    milestoneId: row.milestone_id,
    accountId: row.account_id,
    dealId: row.deal_id,
    dependsOn: r.dependsOn,
    recurrence: row.recurrence === null ? null : (JSON.parse(row.recurrence) as ActionRecurrence),
    timeOfDay: row.time_of_day,
    durationMinutes: row.duration_minutes,
    allocations: r.allocations,
    budgetMinor: r.allocations.reduce((s, a) => s + a.budgetMinor, 0),
    currency: v.currency,
    canEdit: v.canEdit,
    canUpdateStatus: v.canUpdateStatus,
    warnings: v.warnings ?? [],
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function contentOf(a: Action) {
  return {
    title: a.title,
    description: a.description,
    ownerId: a.ownerId,
    startDate: a.startDate,
    dueDate: a.dueDate,
    status: a.status,
    priority: a.priority,
    objectiveId: a.objectiveId,
    initiativeId: a.initiativeId,
    milestoneId: a.milestoneId,
    accountId: a.accountId,
    dealId: a.dealId,
    recurrence: a.recurrence,
    timeOfDay: a.timeOfDay,
    durationMinutes: a.durationMinutes,
    dependsOn: a.dependsOn,
    allocations: a.allocations,
  };
}
