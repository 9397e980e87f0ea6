// The strategy map: every objective the actor may see, as a tree of alignments. A filter picks
// objectives by plan, owner or perspective and keeps their ancestors and descendants, so the
// cascade stays whole. Targets and owners only: progress joins when tracking exists.
import type { StrategyMap, StrategyMapQuery } from "@oars/core";
import type { SignedInCtx } from "../../http/context";
import { loadScope } from "../../policies/scope";
import { visiblePlans } from "./plan-visibility";
import { presentObjective } from "./plans.present";
import type { ObjectivesTable } from "./plans.schema";

export async function strategyMap(ctx: SignedInCtx, query: StrategyMapQuery): Promise<StrategyMap> {
  const scope = await loadScope(ctx.db.k, ctx.actor);
  const plans = await visiblePlans(ctx.db.k, ctx, scope).where("p.status", "!=", "archived").execute();
  const planById = new Map(plans.map((p) => [p.id, p]));
  const objectives: ObjectivesTable[] =
    plans.length === 0
      ? []
      : await ctx.db.k
          .selectFrom("objectives")
          .selectAll()
          .where("org_id", "=", ctx.actor.orgId)
          .where("status", "!=", "dropped")
          .orderBy("id")
          .execute();
  const visible = objectives.filter((o) => planById.has(o.plan_id));
  const filtered = Boolean(query.planId || query.ownerId || query.ownerType || query.perspective);
  const matches = (o: ObjectivesTable) =>
    (!query.planId || o.plan_id === query.planId) &&
    (!query.ownerType || o.owner_type === query.ownerType) &&
    (!query.ownerId || o.owner_id === query.ownerId) &&
    (!query.perspective || o.perspective === query.perspective);
  const matched = new Set(visible.filter((o) => !filtered || matches(o)).map((o) => o.id));
  const keep = new Set(matched);
  const byId = new Map(visible.map((o) => [o.id, o]));
  const childrenOf = new Map<string, string[]>();
  for (const o of visible) {
    if (!o.parent_objective_id) continue;
    childrenOf.set(o.parent_objective_id, [...(childrenOf.get(o.parent_objective_id) ?? []), o.id]);
  }
  for (const id of matched) {
    // Up to the root, and down through everything aligned below; `keep` stops loops in bad data.
    let up = byId.get(id)?.parent_objective_id ?? null;
    while (up && byId.has(up) && !keep.has(up)) {
      keep.add(up);
      up = byId.get(up)?.parent_objective_id ?? null;
    }
    const stack = [...(childrenOf.get(id) ?? [])];
    for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
      if (keep.has(next)) continue;
      keep.add(next);
      stack.push(...(childrenOf.get(next) ?? []));
    }
  }
  return {
    nodes: visible
      .filter((o) => keep.has(o.id))
      .flatMap((o) => {
        const plan = planById.get(o.plan_id);
        if (!plan) return [];
        return [
          {
            objective: presentObjective(o),
            plan: {
              id: plan.id,
              title: plan.title,
              ownerType: plan.owner_type,
              ownerId: plan.owner_id,
              status: plan.status,
            },
            matched: matched.has(o.id),
          },
        ];
      }),
  };
}
