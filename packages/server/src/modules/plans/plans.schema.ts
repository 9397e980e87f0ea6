// Kysely table types of strategic planning, merged into the Database interface (see db/schema.ts).
// Import this file for its side effect wherever these tables are queried.
import type { Bool } from "../../db/schema";

export interface StrategicPlansTable {
  id: string;
  org_id: string;
  title: string;
  owner_type: "person" | "team";
  owner_id: string;
  horizon_start: string;
  horizon_end: string;
  statement: string;
  status: "draft" | "active" | "closed" | "archived";
  template_key: string | null;
  baseline: string | null;
  baseline_at: string | null;
  created_by: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ObjectivesTable {
  id: string;
  org_id: string;
  plan_id: string;
  title: string;
  description: string;
  metric_key: string | null;
  metric: string | null;
  baseline: number | null;
  target: number | null;
  unit: string;
  start_date: string;
  due_date: string | null;
  owner_type: "person" | "team" | null;
  owner_id: string | null;
  weight: number;
  perspective: "financial" | "customer" | "internal_process" | "learning_growth";
  status: "not_started" | "on_track" | "at_risk" | "off_track" | "done" | "dropped";
  parent_objective_id: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface InitiativesTable {
  id: string;
  org_id: string;
  plan_id: string;
  title: string;
  description: string;
  owner_type: "person" | "team" | null;
  owner_id: string | null;
  start_date: string | null;
  end_date: string | null;
  budget_minor: number;
  currency: string;
  status: "planned" | "in_progress" | "done" | "cancelled";
  version: number;
  created_at: string;
  updated_at: string;
}

export interface InitiativeObjectivesTable {
  id: string;
  org_id: string;
  initiative_id: string;
  objective_id: string;
}

export interface PlanQuestionsTable {
  id: string;
  org_id: string;
  key: string;
  text: string;
  help: string;
  required: Bool;
  position: number;
  archived_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface PlanAnswersTable {
  id: string;
  org_id: string;
  plan_id: string;
  question_key: string;
  answer: string;
  answered_by: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface PlanTemplatesTable {
  id: string;
  org_id: string;
  name: string;
  persona: string;
  description: string;
  owner_type: "person" | "team";
  body: string;
  created_by: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface CommentsTable {
  id: string;
  org_id: string;
  plan_id: string;
  entity: "plan" | "objective" | "initiative";
  entity_id: string;
  author_id: string;
  body: string;
  mentions: string;
  deleted_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

declare module "../../db/schema" {
  interface Database {
    strategic_plans: StrategicPlansTable;
    objectives: ObjectivesTable;
    initiatives: InitiativesTable;
    initiative_objectives: InitiativeObjectivesTable;
    plan_questions: PlanQuestionsTable;
    plan_answers: PlanAnswersTable;
    plan_templates: PlanTemplatesTable;
    comments: CommentsTable;
  }
}
