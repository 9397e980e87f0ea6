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

declare module "../../db/schema" {
  interface Database {
    notifications: NotificationsTable;
  }
}
