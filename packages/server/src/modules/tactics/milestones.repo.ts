// Milestones in bulk: a grid of 2,000 people × 52 weeks is 104,000 rows, written inside the
// caller's transaction by each engine's fast path, and read back by split, objective or owner.
import type { Milestone } from "@oars/core";
import type { Q } from "../../db/tx";
import { insertMany, type FastPath } from "../crm/import/upsert";
import { chunked } from "./actions.repo";
import type { MilestonesTable } from "./tactics.schema";

/**
 * Writes milestones in the caller's transaction the fast way each engine offers (docs/decisions/005,
 * the CRM import's insertMany): a cached prepared statement on SQLite, unnest() arrays on
 * PostgreSQL; without the Db at hand (the demo seed), plain multi-row inserts.
 */
export async function insertMilestones(
  q: Q,
  rows: MilestonesTable[],
  fast: FastPath | null = null,
): Promise<void> {
  await insertMany(q, "milestones", rows, fast);
}

/** Milestone ids among `ids` that another milestone or split hangs off. */
export async function milestonesWithChildren(q: Q, ids: readonly string[]): Promise<Set<string>> {
  const children = await chunked(ids, (part) =>
    q
      .selectFrom("milestones")
      .select("parent_milestone_id as id")
      .where("parent_milestone_id", "in", part)
      .execute(),
  );
  const splits = await chunked(ids, (part) =>
    q
      .selectFrom("target_splits")
      .select("parent_milestone_id as id")
      .where("parent_milestone_id", "in", part)
      .execute(),
  );
  return new Set([...children, ...splits].flatMap((r) => (r.id ? [r.id] : [])));
}

export function presentMilestone(r: MilestonesTable, ownerName: string): Milestone {
  return {
    id: r.id,
    tacticalPlanId: r.tactical_plan_id,
    splitId: r.split_id,
    objectiveId: r.objective_id,
    parentMilestoneId: r.parent_milestone_id,
    ownerType: r.owner_type,
    ownerId: r.owner_id,
    ownerName,
    dimension:
      r.dimension_kind && r.dimension_value !== null
        ? { kind: r.dimension_kind, value: r.dimension_value }
        : null,
    periodKey: r.period_key,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    target: r.target,
  };
}

/** Names of people and teams, for milestone owners. */
export async function ownerNames(q: Q, orgId: string, ids: readonly string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)];
  const people = await chunked(wanted, (part) =>
    q
      .selectFrom("people")
      .select(["id", "name"])
      .where("org_id", "=", orgId)
      .where("id", "in", part)
      .execute(),
  );
  const teams = await chunked(wanted, (part) =>
    q
      .selectFrom("teams")
      .select(["id", "name"])
      .where("org_id", "=", orgId)
      .where("id", "in", part)
      .execute(),
  );
  return new Map([...people, ...teams].map((r) => [r.id, r.name]));
}
