// Forward-only migrations, applied in name order (timestamp first). Add new ones at the end.
import type { Kysely } from "kysely";
import * as foundation from "./20261127_0001_foundation";

export interface Migration {
  up(db: Kysely<unknown>): Promise<void>;
}

export const migrations: Record<string, Migration> = {
  "20261127_0001_foundation": foundation,
};
