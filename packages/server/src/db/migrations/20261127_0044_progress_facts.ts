// Per-month totals of deals and done activities, kept by triggers, for the whole-org sums of live
// progress (docs/decisions/011; modules/progress/facts.ts), filled from the rows already there.
import type { Kysely } from "kysely";
import { createProgressFacts } from "../../modules/progress/facts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await createProgressFacts(db);
}
