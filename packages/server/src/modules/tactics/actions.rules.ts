// What an action must satisfy before it is stored: dates in order, links to things of its own plan
// (or records the actor can see), a recurrence with an end, and dependencies without a cycle.
import {
  assertNoDependencyCycle,
  validateRecurrence,
  type ActionAllocation,
  type ActionRecurrence,
} from "@oars/core";
import type { Q } from "../../db/tx";
import { invalid } from "../../http/errors";
import { mayReadOwned } from "../../policies/crm.policy";
import type { Scope } from "../../policies/scope";
import { assertOwner } from "../plans/plan-owners";
import "../crm/crm.schema";
import type { ActionContent } from "./actions.repo";
import type { TacticalPlansTable } from "./tactics.schema";

export interface ActionDraftChecked extends ActionContent {
  dependsOn: string[];
  allocations: ActionAllocation[];
}

/** A recurrence without an end runs to the plan's last day. */
export function withRecurrenceEnd(
  r: ActionRecurrence | null,
  plan: TacticalPlansTable,
): ActionRecurrence | null {
  if (r === null) return null;
  return r.until === null && r.count === null ? { ...r, until: plan.period_end } : r;
}

export async function assertActionRules(
  q: Q,
  scope: Scope,
  plan: TacticalPlansTable,
  actionId: string | null,
  a: ActionDraftChecked,
): Promise<void> {
  const orgId = plan.org_id;
  if (a.startDate && a.dueDate && a.dueDate < a.startDate)
    throw invalid("dueDate", "must not be before startDate");
  if (a.recurrence) {
    if (!a.startDate)
      throw invalid("startDate", "a recurring action needs a startDate: its first occurrence");
    validateRecurrence(a.recurrence, a.startDate);
  }
  if (a.ownerId) await assertOwner(q, orgId, "person", a.ownerId);
  for (const [i, al] of a.allocations.entries())
    if (al.personId) await assertOwner(q, orgId, "person", al.personId, `allocations[${i}].personId`);
  if (a.objectiveId) {
    const o = await q
      .selectFrom("objectives")
      .select("id")
      .where("org_id", "=", orgId)
      .where("id", "=", a.objectiveId)
      .where("plan_id", "=", plan.strategic_plan_id)
      .executeTakeFirst();
    if (!o) throw invalid("objectiveId", "must be an objective of the strategic plan");
  }
  if (a.initiativeId) {
    const i = await q
      .selectFrom("initiatives")
      .select("id")
      .where("org_id", "=", orgId)
      .where("id", "=", a.initiativeId)
      .where("plan_id", "=", plan.strategic_plan_id)
      .executeTakeFirst();
    if (!i) throw invalid("initiativeId", "must be an initiative of the strategic plan");
  }
  if (a.milestoneId) {
    const m = await q
      .selectFrom("milestones")
      .select("id")
      .where("org_id", "=", orgId)
      .where("id", "=", a.milestoneId)
      .where("tactical_plan_id", "=", plan.id)
      .executeTakeFirst();
    if (!m) throw invalid("milestoneId", "must be a milestone of this tactical plan");
  }
  for (const [field, table] of [
    ["accountId", "accounts"],
    ["dealId", "deals"],
  ] as const) {
    const id = a[field];
    if (!id) continue;
    const r = await q
      .selectFrom(table)
      .select(["owner_id", "team_id"])
      .where("org_id", "=", orgId)
      .where("id", "=", id)
      .where("deleted_at", "is", null)
      .executeTakeFirst();
    // A record outside the actor's scope is reported as missing, never confirmed to exist.
    if (!r || !mayReadOwned(scope, { ownerId: r.owner_id, teamId: r.team_id }))
      throw invalid(field, `must be ${field === "dealId" ? "a deal" : "an account"} you can see`);
  }
  await assertDependencies(q, plan, actionId, a.dependsOn, a.title);
}

async function assertDependencies(
  q: Q,
  plan: TacticalPlansTable,
  actionId: string | null,
  dependsOn: readonly string[],
  title: string,
): Promise<void> {
  if (dependsOn.length === 0) return;
  if (actionId && dependsOn.includes(actionId))
    throw invalid("dependsOn", "an action cannot wait for itself");
  const siblings = await q
    .selectFrom("actions")
    .select(["id", "title"])
    .where("org_id", "=", plan.org_id)
    .where("tactical_plan_id", "=", plan.id)
    .where("deleted_at", "is", null)
    .execute();
  const ids = new Set(siblings.map((s) => s.id));
  dependsOn.forEach((d, i) => {
    if (!ids.has(d) || d === actionId)
      throw invalid(`dependsOn[${i}]`, "must be another action of the same tactical plan");
  });
  const links = await q
    .selectFrom("action_dependencies as d")
    .innerJoin("actions as a", "a.id", "d.action_id")
    .select(["d.action_id", "d.depends_on_id"])
    .where("a.tactical_plan_id", "=", plan.id)
    .execute();
  const self = actionId ?? "(new action)";
  const graph = new Map<string, string[]>([...ids].map((id) => [id, []]));
  for (const l of links) if (l.action_id !== actionId) graph.get(l.action_id)?.push(l.depends_on_id);
  graph.set(self, [...dependsOn]);
  const titles = new Map(siblings.map((s) => [s.id, s.title]));
  titles.set(self, title);
  assertNoDependencyCycle(
    [...graph].map(([id, deps]) => ({ id, dependsOn: deps })),
    titles,
  );
}
