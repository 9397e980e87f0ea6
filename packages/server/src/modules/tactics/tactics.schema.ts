// Kysely table types of tactical planning, merged into the Database interface (see db/schema.ts).
// Import this file for its side effect wherever these tables are queried.
import type { Bool } from "../../db/schema";

interface Stamped {
  version: number;
  created_at: string;
  updated_at: string;
}

export interface TacticalPlansTable extends Stamped {
  id: string;
  org_id: string;
  strategic_plan_id: string;
  title: string;
  owner_type: "person" | "team";
  owner_id: string;
  period_kind: "quarter" | "month" | "custom";
  period_start: string;
  period_end: string;
  status: "draft" | "active" | "closed" | "archived";
  funnel: string | null;
  copied_from_id: string | null;
  created_by: string | null;
}

export interface TacticalPlanObjectivesTable {
  id: string;
  org_id: string;
  tactical_plan_id: string;
  objective_id: string;
}

export interface TargetSplitsTable extends Stamped {
  id: string;
  org_id: string;
  tactical_plan_id: string;
  objective_id: string;
  parent_milestone_id: string | null;
  split_key: string;
  total: number;
  grand_total: number;
  settings: string;
  hand_edited: Bool;
  milestone_count: number;
}

export interface MilestonesTable extends Stamped {
  id: string;
  org_id: string;
  tactical_plan_id: string;
  split_id: string;
  objective_id: string;
  parent_milestone_id: string | null;
  owner_type: "person" | "team";
  owner_id: string;
  dimension_kind: "segment" | "product" | "businessType" | null;
  dimension_value: string | null;
  period_key: string;
  period_start: string;
  period_end: string;
  target: number;
}

export interface CommitmentsTable extends Stamped {
  id: string;
  org_id: string;
  tactical_plan_id: string;
  objective_id: string;
  owner_type: "person" | "team";
  owner_id: string;
  amount: number;
  status: "proposed" | "accepted" | "adjusted";
  note: string;
  proposed_by: string | null;
  decided_by: string | null;
}

export interface ActionsTable extends Stamped {
  id: string;
  org_id: string;
  tactical_plan_id: string;
  title: string;
  description: string;
  owner_id: string | null;
  start_date: string | null;
  due_date: string | null;
  status: "todo" | "doing" | "done" | "blocked" | "cancelled";
  priority: "low" | "medium" | "high";
  objective_id: string | null;
  initiative_id: string | null;
  milestone_id: string | null;
  account_id: string | null;
  deal_id: string | null;
  recurrence: string | null;
  time_of_day: string | null;
  duration_minutes: number | null;
  deleted_at: string | null;
  created_by: string | null;
}

export interface ActionDependenciesTable {
  id: string;
  org_id: string;
  action_id: string;
  depends_on_id: string;
}

export interface ActionAllocationsTable {
  id: string;
  org_id: string;
  action_id: string;
  person_id: string | null;
  hours_per_week: number;
  budget_minor: number;
  note: string;
  position: number;
}

export interface ActionOccurrencesTable extends Stamped {
  id: string;
  org_id: string;
  action_id: string;
  occurs_on: string;
  status: "todo" | "done" | "skipped";
  updated_by: string | null;
}

export interface FunnelDefaultsTable extends Stamped {
  id: string;
  org_id: string;
  assumptions: string;
}

export interface CalendarFeedsTable {
  id: string;
  org_id: string;
  person_id: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

declare module "../../db/schema" {
  interface Database {
    tactical_plans: TacticalPlansTable;
    tactical_plan_objectives: TacticalPlanObjectivesTable;
    target_splits: TargetSplitsTable;
    milestones: MilestonesTable;
    commitments: CommitmentsTable;
    actions: ActionsTable;
    action_dependencies: ActionDependenciesTable;
    action_allocations: ActionAllocationsTable;
    action_occurrences: ActionOccurrencesTable;
    funnel_defaults: FunnelDefaultsTable;
    calendar_feeds: CalendarFeedsTable;
  }
}
