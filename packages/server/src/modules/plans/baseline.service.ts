// The baseline a plan records when it is activated, and the comparison of the plan now with it.
import { compareWithBaseline, planSnapshot, type BaselineComparison, type PlanSnapshot } from "@oars/core";
import type { Q } from "../../db/tx";
import type { SignedInCtx } from "../../http/context";
import { readPlan } from "./plan-access";
import { presentInitiative, presentObjective } from "./plans.present";
import { planInitiativeRows, planObjectiveRows } from "./plans.repo";
import type { StrategicPlansTable } from "./plans.schema";

export async function currentSnapshot(q: Q, plan: StrategicPlansTable): Promise<PlanSnapshot> {
  const objectives = (await planObjectiveRows(q, plan.org_id, plan.id)).map(presentObjective);
  const initiatives = (await planInitiativeRows(q, plan.org_id, plan.id)).map((i) =>
    presentInitiative(i.row, i.objectiveIds),
  );
  return planSnapshot(
    {
      id: plan.id,
      title: plan.title,
      statement: plan.statement,
      horizonStart: plan.horizon_start,
      horizonEnd: plan.horizon_end,
    },
    objectives,
    initiatives,
  );
}

export async function compareToBaseline(ctx: SignedInCtx, id: string): Promise<BaselineComparison> {
  const { row } = await readPlan(ctx.db.k, ctx, id);
  if (row.baseline === null) return { planId: id, baselineAt: null, changes: [] };
  const baseline = JSON.parse(row.baseline) as PlanSnapshot;
  return {
    planId: id,
    baselineAt: row.baseline_at,
    changes: compareWithBaseline(baseline, await currentSnapshot(ctx.db.k, row)),
  };
}
