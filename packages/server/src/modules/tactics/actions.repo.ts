// Kysely queries of actions and what hangs off them: finish-to-start dependencies and resource
// allocations, loaded in one query each for a whole plan.
import type { ActionAllocation, ActionRecurrence } from "@oars/core";
import { newId } from "../../db/ids";
import type { Q } from "../../db/tx";
import type { ActionAllocationsTable, ActionsTable } from "./tactics.schema";

export interface ActionRecord {
  row: ActionsTable;
  dependsOn: string[];
  allocations: ActionAllocation[];
}

export interface ActionContent {
  title: string;
  description: string;
  ownerId: string | null;
  startDate: string | null;
  dueDate: string | null;
  status: ActionsTable["status"];
  priority: ActionsTable["priority"];
  objectiveId: string | null;
  initiativeId: string | null;
  milestoneId: string | null;
  accountId: string | null;
  dealId: string | null;
  recurrence: ActionRecurrence | null;
  timeOfDay: string | null;
  durationMinutes: number | null;
}

export function actionColumns(
  c: ActionContent,
): Omit<
  ActionsTable,
  "id" | "org_id" | "tactical_plan_id" | "deleted_at" | "created_by" | "version" | "created_at" | "updated_at"
> {
  return {
    title: c.title,
    description: c.description,
    owner_id: c.ownerId,
    start_date: c.startDate,
    due_date: c.dueDate,
    status: c.status,
    priority: c.priority,
    objective_id: c.objectiveId,
    initiative_id: c.initiativeId,
    milestone_id: c.milestoneId,
    account_id: c.accountId,
    deal_id: c.dealId,
    recurrence: c.recurrence === null ? null : JSON.stringify(c.recurrence),
    time_of_day: c.timeOfDay,
    duration_minutes: c.durationMinutes,
  };
}

export function newActionRow(
  orgId: string,
  tacticalPlanId: string,
  content: ActionContent,
  now: string,
  createdBy: string | null,
  id = newId(),
): ActionsTable {
  return {
    id,
    org_id: orgId,
    tactical_plan_id: tacticalPlanId,
    ...actionColumns(content),
    deleted_at: null,
    created_by: createdBy,
    version: 1,
    created_at: now,
    updated_at: now,
  };
}

export async function replaceDependencies(
  q: Q,
  orgId: string,
  actionId: string,
  dependsOn: readonly string[],
) {
  await q.deleteFrom("action_dependencies").where("action_id", "=", actionId).execute();
  if (dependsOn.length === 0) return;
  await q
    .insertInto("action_dependencies")
    .values(dependsOn.map((d) => ({ id: newId(), org_id: orgId, action_id: actionId, depends_on_id: d })))
    .execute();
}

export async function replaceAllocations(
  q: Q,
  orgId: string,
  actionId: string,
  allocations: readonly ActionAllocation[],
) {
  await q.deleteFrom("action_allocations").where("action_id", "=", actionId).execute();
  if (allocations.length === 0) return;
  await q
    .insertInto("action_allocations")
    .values(
      allocations.map((a, position): ActionAllocationsTable => ({
        id: newId(),
        org_id: orgId,
        action_id: actionId,
        person_id: a.personId,
        hours_per_week: a.hoursPerWeek,
        budget_minor: a.budgetMinor,
        note: a.note,
        position,
      })),
    )
    .execute();
}

/** Actions with their links, by plan or by id; soft-deleted ones only when asked. */
export async function loadActions(
  q: Q,
  orgId: string,
  where: {
    tacticalPlanIds?: readonly string[];
    ids?: readonly string[];
    ownerId?: string;
    includeDeleted?: boolean;
  },
): Promise<ActionRecord[]> {
  if (where.tacticalPlanIds?.length === 0 || where.ids?.length === 0) return [];
  let query = q.selectFrom("actions").selectAll().where("org_id", "=", orgId);
  if (where.tacticalPlanIds) query = query.where("tactical_plan_id", "in", where.tacticalPlanIds);
  if (where.ids) query = query.where("id", "in", where.ids);
  if (where.ownerId) query = query.where("owner_id", "=", where.ownerId);
  if (!where.includeDeleted) query = query.where("deleted_at", "is", null);
  const rows = await query.orderBy("start_date").orderBy("due_date").orderBy("id").execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const deps = await chunked(ids, (part) =>
    q
      .selectFrom("action_dependencies")
      .select(["action_id", "depends_on_id"])
      .where("action_id", "in", part)
      .execute(),
  );
  const allocations = await chunked(ids, (part) =>
    q
      .selectFrom("action_allocations")
      .selectAll()
      .where("action_id", "in", part)
      .orderBy("position")
      .execute(),
  );
  const depsOf = group(deps, (d) => d.action_id);
  const allocOf = group(allocations, (a) => a.action_id);
  return rows.map((row) => ({
    row,
    dependsOn: (depsOf.get(row.id) ?? []).map((d) => d.depends_on_id).sort(),
    allocations: (allocOf.get(row.id) ?? []).map((a) => ({
      personId: a.person_id,
      hoursPerWeek: a.hours_per_week,
      budgetMinor: Number(a.budget_minor),
      note: a.note,
    })),
  }));
}

/** `in (...)` lists stay well under both engines' bound-parameter limits. */
export async function chunked<T>(
  ids: readonly string[],
  run: (part: string[]) => Promise<T[]>,
): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += 1000) out.push(...(await run(ids.slice(i, i + 1000))));
  return out;
}

export function group<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const list = map.get(key(item));
    if (list) list.push(item);
    else map.set(key(item), [item]);
  }
  return map;
}

export async function personNames(
  q: Q,
  orgId: string,
  ids: readonly (string | null)[],
): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => x !== null))];
  const rows = await chunked(wanted, (part) =>
    q
      .selectFrom("people")
      .select(["id", "name"])
      .where("org_id", "=", orgId)
      .where("id", "in", part)
      .execute(),
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}
