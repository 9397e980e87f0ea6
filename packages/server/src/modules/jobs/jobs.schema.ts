// Kysely table type of scheduled job runs, merged into the Database interface (see db/schema.ts).

/** One claimed run of a job for one org and one slot (an hour, a week): the unique key makes it once. */
export interface ScheduledRunsTable {
  id: string;
  job: string;
  org_id: string;
  slot: string;
  instance: string;
  claimed_at: string;
  finished_at: string | null;
  outcome: string | null;
}

declare module "../../db/schema" {
  interface Database {
    scheduled_runs: ScheduledRunsTable;
  }
}
