// Milestones in bulk: a grid of 2,000 people × 52 weeks is 104,000 rows, written in a few large
// multi-row inserts inside the caller's transaction, and read back by split, objective or owner.
import type { Milestone } from "@oars/core";
import type { Q } from "../../db/tx";
import { chunked } from "./actions.repo";
import type { MilestonesTable } from "./tactics.schema";

// 17 columns a row: 1,500 rows stay under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters.
const ROWS_PER_INSERT = 1500;

export async function insertMilestones(q: Q, rows: readonly MilestonesTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    await q
      .insertInto("milestones")
      .values(rows.slice(i, i + ROWS_PER_INSERT))
      .execute();
  }
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
