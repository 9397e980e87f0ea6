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
  { name: "audit_log" },
];
