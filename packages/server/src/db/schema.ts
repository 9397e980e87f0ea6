// Kysely's view of the tables. Instants are ISO strings, dates YYYY-MM-DD, booleans 0/1 and money
// integer minor units, so SQLite and PostgreSQL store and compare them the same way.
export type Bool = 0 | 1;

export interface OrgsTable {
  id: string;
  name: string;
  currency: string;
  time_zone: string;
  fiscal_year_start_month: number;
  week_starts_on: number;
  working_days: string; // JSON array of ISO weekdays
  holidays: string; // JSON array of ISO dates
  version: number;
  created_at: string;
  updated_at: string;
}

export interface TeamsTable {
  id: string;
  org_id: string;
  name: string;
  parent_id: string | null;
  lead_id: string | null;
  archived_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface PeopleTable {
  id: string;
  org_id: string;
  name: string;
  email: string;
  role: "admin" | "manager" | "member" | "viewer";
  team_id: string | null;
  hire_date: string | null;
  capacity_hours_per_week: number;
  active: Bool;
  password_hash: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface TeamMembershipsTable {
  id: string;
  org_id: string;
  person_id: string;
  team_id: string;
  start_date: string;
  end_date: string | null;
}

export interface SessionsTable {
  id: string; // SHA-256 of the token, hex
  org_id: string;
  person_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokensTable {
  id: string;
  org_id: string;
  person_id: string;
  name: string;
  token_hash: string;
  scope: "read" | "read-write";
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface PasswordTokensTable {
  id: string;
  org_id: string;
  person_id: string;
  token_hash: string;
  purpose: "invite" | "reset";
  created_by: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface LoginThrottleTable {
  key: string;
  failures: number;
  last_failure_at: string;
  locked_until: string | null;
}

export interface AuditLogTable {
  id: string;
  org_id: string;
  actor_id: string | null;
  entity: string;
  entity_id: string;
  action: string;
  before: string | null;
  after: string | null;
  request_id: string | null;
  at: string;
}

export interface Database {
  orgs: OrgsTable;
  teams: TeamsTable;
  people: PeopleTable;
  team_memberships: TeamMembershipsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  password_tokens: PasswordTokensTable;
  login_throttle: LoginThrottleTable;
  audit_log: AuditLogTable;
}
