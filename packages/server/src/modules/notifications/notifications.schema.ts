// Kysely table type of in-app notifications, merged into the Database interface (db/schema.ts).
export interface NotificationsTable {
  id: string;
  org_id: string;
  person_id: string;
  kind: string;
  title: string;
  body: string;
  entity: string;
  entity_id: string;
  link: string;
  actor_id: string | null;
  read_at: string | null;
  created_at: string;
}

/** What one person wants to be told, and how; no row means the defaults (everything, in the app and by email). */
export interface NotificationPreferencesTable {
  id: string;
  person_id: string;
  org_id: string;
  threshold_50: number;
  threshold_90: number;
  threshold_100: number;
  at_risk: number;
  weekly_digest: number;
  in_app: number;
  email: number;
  version: number;
  updated_at: string;
}

declare module "../../db/schema" {
  interface Database {
    notifications: NotificationsTable;
    notification_preferences: NotificationPreferencesTable;
  }
}
