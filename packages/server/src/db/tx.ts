// Transactions and optimistic concurrency shared by every module.
import type { Kysely, Transaction } from "kysely";
import type { Database } from "./schema";

export type Q = Kysely<Database> | Transaction<Database>;

export function nowIso(): string {
  return new Date().toISOString();
}
