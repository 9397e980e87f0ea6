// Which tables make up an organisation, in insert order (parents first). Each capability adds its
// tables here, and the round-trip test proves the move between SQLite and PostgreSQL keeps them.
import type { Database } from "../../db/schema";

export interface TransferTable {
  name: keyof Database;
  /** A column pointing at the same table: rows are inserted parents first. */
  selfRef?: string;
}

export const TRANSFER_TABLES: TransferTable[] = [
  { name: "orgs" },
  { name: "teams", selfRef: "parent_id" },
  { name: "people" },
  { name: "team_memberships" },
  { name: "api_tokens" },
  { name: "strategic_plans" },
  { name: "objectives", selfRef: "parent_objective_id" },
  { name: "initiatives" },
  { name: "initiative_objectives" },
  { name: "plan_questions" },
  { name: "plan_answers" },
  { name: "plan_templates" },
  { name: "comments" },
  { name: "notifications" },
  { name: "pipeline_stages" },
  { name: "products" },
  { name: "exchange_rates" },
  { name: "accounts", selfRef: "parent_id" },
  { name: "contacts" },
  { name: "deals" },
  { name: "deal_products" },
  { name: "deal_stage_history" },
  { name: "activities" },
  { name: "saved_views" },
  { name: "import_mappings" },
  { name: "import_value_maps" },
  { name: "tactical_plans" },
  { name: "tactical_plan_objectives" },
  { name: "target_splits" },
  { name: "milestones", selfRef: "parent_milestone_id" },
  { name: "commitments" },
  { name: "actions" },
  { name: "action_dependencies" },
  { name: "action_allocations" },
  { name: "action_occurrences" },
  { name: "funnel_defaults" },
  { name: "calendar_feeds" },
  { name: "progress_checkins" },
  { name: "progress_alert_state" },
  { name: "period_closes" },
  { name: "period_close_rows" },
  { name: "forecast_adjustments" },
  { name: "notification_preferences" },
  { name: "audit_log" },
];
