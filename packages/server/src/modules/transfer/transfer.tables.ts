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
  // The claims of scheduled job runs move too, so a slot already run before the move (this week's
  // digest) is not run a second time by the servers of the new database.
  { name: "scheduled_runs" },
  { name: "audit_log" },
];

/**
 * The tables that deliberately stay behind, and why. The transfer test fails on a table of the
 * database that is in neither list, so each new table gets a decision.
 */
export const NOT_TRANSFERRED: Record<string, string> = {
  sessions: "sign-ins belong to the old server; people sign in again",
  password_tokens: "one-time invite and reset links are not carried over",
  login_throttle: "failed sign-in counters are per server and short-lived",
  import_jobs:
    "CSV import jobs point at their uploaded file in the old server's data directory and hold its workers' leases; the records they imported move",
  import_rejects: "the rejected rows of those import jobs",
  progress_facts:
    "derived: per-month totals kept by triggers on deals and activities, refilled as the import inserts them",
  progress_data_versions:
    "derived: a counter that invalidates cached progress; the import bumps it afresh instead (transfer.service.ts)",
};

/**
 * Derived search indexes, not tables of the data: SQLite's FTS5 tables over account, contact and deal
 * names (and their shadow tables) are filled by triggers as the import inserts those rows
 * (migration 20261127_0030); PostgreSQL's equivalent is an expression index.
 */
export const DERIVED_TABLE = /^(accounts|contacts|deals)_fts(_[a-z]+)?$/;
