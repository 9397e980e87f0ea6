// Kysely table types of live progress, merged into the Database interface (see db/schema.ts).

/** A check-in on a manual objective: the value reached so far, by its owner, kept as history. */
export interface ProgressCheckinsTable {
  id: string;
  org_id: string;
  objective_id: string;
  person_id: string;
  checkin_date: string;
  value: number;
  /** 0 to 1: how sure the owner is of reaching the target. */
  confidence: number | null;
  note: string;
  version: number;
  created_at: string;
  updated_at: string;
}

/** The attainment (percent) and status an objective was last seen at by the alert run. */
export interface ProgressAlertStateTable {
  id: string;
  org_id: string;
  objective_id: string;
  percent: number;
  status: string;
  updated_at: string;
}

/** A closed period: a tactical plan's period or a fiscal month or quarter, frozen as it stood. */
export interface PeriodClosesTable {
  id: string;
  org_id: string;
  period_kind: "tactical_plan" | "month" | "quarter";
  /** The tactical plan's id, "2026-03" or "FY2026-Q1". */
  period_key: string;
  label: string;
  period_start: string;
  period_end: string;
  status: "closed" | "reopened";
  closed_by: string | null;
  closed_at: string;
  reopened_by: string | null;
  reopened_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

/** One frozen figure of a close: a milestone's or an objective's owner × period attainment. */
export interface PeriodCloseRowsTable {
  id: string;
  org_id: string;
  close_id: string;
  kind: "milestone" | "objective";
  objective_id: string;
  milestone_id: string | null;
  title: string;
  owner_type: "person" | "team";
  owner_id: string;
  /** The owner's team when closed (a person's) or the team itself. */
  team_id: string | null;
  metric_key: string | null;
  period_start: string;
  period_end: string;
  target: number | null;
  actual: number | null;
  attainment: number | null;
}

/** A manager's call on one forecast category of an objective; the latest per category counts. */
export interface ForecastAdjustmentsTable {
  id: string;
  org_id: string;
  objective_id: string;
  category: "commit" | "best_case" | "pipeline";
  amount_minor: number;
  note: string;
  person_id: string;
  created_at: string;
}

/**
 * Per-month totals of deals and done activities, kept by triggers (modules/progress/facts.ts): by
 * close date per status (open ones per forecast category), by created date, by occurred time per
 * activity type. `team_id` is '' for rows without a team.
 */
export interface ProgressFactsTable {
  org_id: string;
  basis: "close" | "created" | "activity";
  month: string;
  team_id: string;
  owner_id: string;
  kind: string;
  category: string;
  /** The deal's stage, for the funnel ('' for created and activity rows). */
  stage_id: string;
  n: number;
  amount: number;
  weighted: number;
  days: number;
}

declare module "../../db/schema" {
  interface Database {
    progress_checkins: ProgressCheckinsTable;
    progress_alert_state: ProgressAlertStateTable;
    period_closes: PeriodClosesTable;
    period_close_rows: PeriodCloseRowsTable;
    forecast_adjustments: ForecastAdjustmentsTable;
    progress_facts: ProgressFactsTable;
  }
}
