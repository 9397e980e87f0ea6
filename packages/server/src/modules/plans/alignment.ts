// Aligning an objective under a parent: the parent must be one the actor can see, and the link
// must not close a loop (an objective would take its target from itself). Refused at write time.
import { alignmentCycle, type AlignedObjective } from "@oars/core";
import type { Q } from "../../db/tx";
import { invalid } from "../../http/errors";
import { mayReadPlan } from "../../policies/plans.policy";
import type { Scope } from "../../policies/scope";
import { loadPlanRow, planFacts } from "./plan-access";

const FIELD = "parentObjectiveId";
// Deeper than any real cascade (org → department → team → person); a guard against bad data.
const MAX_DEPTH = 1_000;

export async function assertParentObjective(
  q: Q,
  scope: Scope,
  objectiveId: string | null,
  parentId: string | null,
): Promise<void> {
  if (parentId === null) return;
  const orgId = scope.actor.orgId;
  const load = (id: string) =>
    q
      .selectFrom("objectives")
      .select(["id", "title", "plan_id", "parent_objective_id"])
      .where("org_id", "=", orgId)
      .where("id", "=", id)
      .executeTakeFirst();
  const parent = await load(parentId);
  // One answer for "no such objective" and "not yours to see", so the refusal leaks nothing.
  const notVisible = () => invalid(FIELD, "must be an objective of a plan you can see");
  if (!parent) throw notVisible();
  if (!mayReadPlan(scope, await planFacts(q, await loadPlanRow(q, orgId, parent.plan_id))))
    throw notVisible();
  if (objectiveId === null) return;
  const chain: AlignedObjective[] = [];
  const titles = new Map<string, string>();
  let current: typeof parent | undefined = parent;
  while (current && chain.length < MAX_DEPTH && !titles.has(current.id)) {
    chain.push({ id: current.id, parentObjectiveId: current.parent_objective_id });
    titles.set(current.id, current.title);
    if (current.id === objectiveId || current.parent_objective_id === null) break;
    current = await load(current.parent_objective_id);
  }
  const loop = alignmentCycle(chain, objectiveId, parentId);
  if (loop) {
    const names = [...loop, objectiveId].map((id) => `“${titles.get(id) ?? id}”`);
    throw invalid(FIELD, `would align the objective under itself (${names.join(" → ")})`);
  }
}
