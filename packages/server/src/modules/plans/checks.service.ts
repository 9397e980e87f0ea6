// Plan checks as the API returns them: the plan loaded once as plain data and handed to the pure
// checkPlan of packages/core. Tactical findings join once tactical plans exist.
import { checkPlan, type PlanCheckInput, type PlanChecks } from "@oars/core";
import type { Q } from "../../db/tx";
import type { SignedInCtx } from "../../http/context";
import { readPlan } from "./plan-access";
import { orgCurrency, planInitiativeRows, planObjectiveRows } from "./plans.repo";
import type { StrategicPlansTable } from "./plans.schema";
import { refinementOf } from "./refinement.service";
import { tacticalCheckInput } from "../tactics/tactics.checks";

export async function checkInputOf(q: Q, plan: StrategicPlansTable): Promise<PlanCheckInput> {
  const orgId = plan.org_id;
  const objectives = await planObjectiveRows(q, orgId, plan.id);
  const initiatives = await planInitiativeRows(q, orgId, plan.id);
  const currency = await orgCurrency(q, orgId);
  const own = new Set(objectives.map((o) => o.id));
  const outside = [
    ...new Set(
      objectives.flatMap((o) =>
        o.parent_objective_id && !own.has(o.parent_objective_id) ? [o.parent_objective_id] : [],
      ),
    ),
  ];
  const parents =
    outside.length === 0
      ? []
      : await q
          .selectFrom("objectives")
          .select(["id", "due_date"])
          .where("org_id", "=", orgId)
          .where("id", "in", outside)
          .execute();
  const parentDue = new Map(parents.map((p) => [p.id, p.due_date]));
  return {
    plan: { id: plan.id, horizonStart: plan.horizon_start, horizonEnd: plan.horizon_end },
    objectives: objectives.map((o) => ({
      id: o.id,
      title: o.title,
      metricKey: o.metric_key,
      baseline: o.baseline,
      target: o.target,
      startDate: o.start_date,
      dueDate: o.due_date,
      ownerType: o.owner_type,
      ownerId: o.owner_id,
      status: o.status,
      parentObjectiveId: o.parent_objective_id,
      parentDueDate: o.parent_objective_id ? (parentDue.get(o.parent_objective_id) ?? null) : null,
      currency,
    })),
    initiatives: initiatives.map((i) => ({
      id: i.row.id,
      title: i.row.title,
      objectiveIds: i.objectiveIds,
      status: i.row.status,
    })),
    questions: (await refinementOf(q, orgId, plan.id)).map((item) => ({
      key: item.question.key,
      text: item.question.text,
      required: item.question.required,
      answer: item.answer?.answer ?? null,
    })),
    // Hook of tactical planning (modules/tactics/tactics.checks.ts): milestones, actions,
    // allocations and the tactical plan running now, for the tactical checks.
    tactical: await tacticalCheckInput(q, plan),
  };
}

export async function planChecks(ctx: SignedInCtx, planId: string): Promise<PlanChecks> {
  const { row } = await readPlan(ctx.db.k, ctx, planId);
  return { planId, findings: checkPlan(await checkInputOf(ctx.db.k, row)) };
}
