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

declare module "../../db/schema" {
  interface Database {
    progress_checkins: ProgressCheckinsTable;
    progress_alert_state: ProgressAlertStateTable;
  }
}
