// Kysely types of the sales execution tables (accounts, contacts, deals, activities, products,
// the pipeline, exchange rates, saved views and CSV imports), merged into the shared Database.
// Conventions as in db/schema.ts: ISO text dates and instants, 0/1 booleans, integer minor units.
import type { Bool } from "../../db/schema";

export type StageKind = "open" | "won" | "lost";
export type ForecastCategory = "pipeline" | "best_case" | "commit" | "closed" | "omitted";
export type DealStatus = "open" | "won" | "lost";

/** Columns every owned sales record shares: who owns it and which team it counts for. */
interface Owned {
  id: string;
  org_id: string;
  owner_id: string;
  /** The owner's team: today's for open work, the one on the close date for closed deals. */
  team_id: string | null;
  external_id: string | null;
  deleted_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface PipelineStagesTable {
  id: string;
  org_id: string;
  name: string;
  position: number;
  probability: number;
  kind: StageKind;
  forecast_category: ForecastCategory;
  archived_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ProductsTable {
  id: string;
  org_id: string;
  name: string;
  name_key: string;
  family: string | null;
  list_price_minor: number | null;
  currency: string;
  external_id: string | null;
  archived_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ExchangeRatesTable {
  id: string;
  org_id: string;
  currency: string;
  rate_date: string;
  /** Units of the org's reporting currency for one unit of `currency`. */
  rate: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface AccountsTable extends Owned {
  name: string;
  /** Lower-cased, accent-free name: the same search and sort on SQLite and PostgreSQL. */
  name_key: string;
  industry: string | null;
  segment: string | null;
  employee_count: number | null;
  annual_revenue_minor: number | null;
  region: string | null;
  tier: string | null;
  website: string | null;
  parent_id: string | null;
  tags: string; // JSON array of strings
}

export interface ContactsTable extends Owned {
  account_id: string | null;
  name: string;
  name_key: string;
  title: string | null;
  email: string | null;
  phone: string | null;
  buying_role: string | null;
  relationship_strength: number | null;
}

export interface DealsTable extends Owned {
  account_id: string | null;
  name: string;
  name_key: string;
  amount_minor: number;
  currency: string;
  /** The amount in the org's reporting currency at the rate dated on or before close_date. */
  amount_org_minor: number;
  stage_id: string;
  status: DealStatus;
  probability: number;
  forecast_category: ForecastCategory;
  close_date: string;
  created_date: string;
  lost_reason: string | null;
  business_type: "new" | "existing";
  stage_changed_at: string;
}

export interface DealProductsTable {
  id: string;
  org_id: string;
  deal_id: string;
  product_id: string;
  quantity: number;
  unit_price_minor: number;
}

export interface DealStageHistoryTable {
  id: string;
  org_id: string;
  deal_id: string;
  from_stage_id: string | null;
  to_stage_id: string;
  changed_at: string;
  changed_by: string | null;
}

export interface ActivitiesTable extends Owned {
  type: "call" | "email" | "meeting" | "demo" | "task" | "note";
  subject: string;
  notes: string | null;
  account_id: string | null;
  contact_id: string | null;
  deal_id: string | null;
  occurred_at: string;
  duration_minutes: number | null;
  outcome: string | null;
  status: "planned" | "done" | "cancelled";
}

export interface SavedViewsTable {
  id: string;
  org_id: string;
  person_id: string;
  entity: string;
  name: string;
  query: string; // JSON object of list filters
  shared: Bool;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ImportJobsTable {
  id: string;
  org_id: string;
  entity: string;
  file_name: string;
  /** Where the uploaded copy lives (the server's data folder) or the CLI's own path. */
  file_path: string;
  file_hash: string;
  file_bytes: number;
  status: "uploaded" | "running" | "done" | "failed" | "cancelled";
  dry_run: Bool;
  options: string; // JSON ImportOptions
  detected: string; // JSON: encoding, delimiter, header
  /** Data rows of the file fully handled and committed: the resume checkpoint. */
  rows_done: number;
  bytes_done: number;
  created_count: number;
  updated_count: number;
  unchanged_count: number;
  rejected_count: number;
  rows_per_second: number;
  lease_owner: string | null;
  lease_until: string | null;
  error: string | null;
  created_by: string | null;
  started_at: string | null;
  finished_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ImportRejectsTable {
  id: string;
  org_id: string;
  job_id: string;
  row_number: number;
  line: number;
  field: string | null;
  reason: string;
  cells: string; // JSON array of the row's cells, each cut to a readable length
}

export interface ImportMappingsTable {
  id: string;
  org_id: string;
  entity: string;
  name: string;
  columns: string; // JSON: header → field
  options: string; // JSON: date format, decimal separator, …
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ImportValueMapsTable {
  id: string;
  org_id: string;
  kind: "owner" | "stage";
  /** The CRM's owner id or name, or stage name, normalised (see import/normalise.ts). */
  source_key: string;
  target_id: string;
  created_at: string;
}

declare module "../../db/schema" {
  interface Database {
    pipeline_stages: PipelineStagesTable;
    products: ProductsTable;
    exchange_rates: ExchangeRatesTable;
    accounts: AccountsTable;
    contacts: ContactsTable;
    deals: DealsTable;
    deal_products: DealProductsTable;
    deal_stage_history: DealStageHistoryTable;
    activities: ActivitiesTable;
    saved_views: SavedViewsTable;
    import_jobs: ImportJobsTable;
    import_rejects: ImportRejectsTable;
    import_mappings: ImportMappingsTable;
    import_value_maps: ImportValueMapsTable;
  }
}
