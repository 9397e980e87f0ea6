// Rows of strategic planning turned into API shapes. Never return a database row.
import type { Initiative, MetricRef, Objective, OrgQuestion, PlanAnswer, StrategicPlan } from "@oars/core";
import type {
  InitiativesTable,
  ObjectivesTable,
  PlanAnswersTable,
  PlanQuestionsTable,
  StrategicPlansTable,
} from "./plans.schema";

export function presentPlan(r: StrategicPlansTable, canEdit: boolean): StrategicPlan {
  return {
    id: r.id,
    title: r.title,
    ownerType: r.owner_type,
    ownerId: r.owner_id,
    horizonStart: r.horizon_start,
    horizonEnd: r.horizon_end,
    statement: r.statement,
    status: r.status,
    templateKey: r.template_key,
    baselineAt: r.baseline_at,
    canEdit,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function presentObjective(r: ObjectivesTable): Objective {
  return {
    id: r.id,
    planId: r.plan_id,
    title: r.title,
    description: r.description,
    metric: r.metric === null ? null : (JSON.parse(r.metric) as MetricRef),
    baseline: r.baseline,
    target: r.target,
    unit: r.unit,
    startDate: r.start_date,
    dueDate: r.due_date,
    ownerType: r.owner_type,
    ownerId: r.owner_id,
    weight: r.weight,
    perspective: r.perspective,
    status: r.status,
    parentObjectiveId: r.parent_objective_id,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function presentInitiative(r: InitiativesTable, objectiveIds: string[]): Initiative {
  return {
    id: r.id,
    planId: r.plan_id,
    title: r.title,
    description: r.description,
    ownerType: r.owner_type,
    ownerId: r.owner_id,
    startDate: r.start_date,
    endDate: r.end_date,
    budgetMinor: r.budget_minor,
    currency: r.currency,
    status: r.status,
    objectiveIds,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function presentQuestion(r: PlanQuestionsTable): OrgQuestion {
  return {
    key: r.key,
    text: r.text,
    help: r.help,
    required: r.required === 1,
    position: r.position,
    archived: r.archived_at !== null,
    version: r.version,
  };
}

export function presentAnswer(r: PlanAnswersTable): PlanAnswer {
  return {
    planId: r.plan_id,
    questionKey: r.question_key,
    answer: r.answer,
    answeredBy: r.answered_by,
    version: r.version,
    updatedAt: r.updated_at,
  };
}
