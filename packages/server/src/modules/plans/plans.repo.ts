// Kysely queries of strategic planning shared by the use cases, the document and the demo.
import type { InitiativeDraft, ObjectiveDraft, PlanDraft } from "@oars/core";
import { newId } from "../../db/ids";
import type { Q } from "../../db/tx";
import "./plans.schema";
import type { InitiativesTable, ObjectivesTable, StrategicPlansTable } from "./plans.schema";

export function objectiveRow(
  orgId: string,
  planId: string,
  o: ObjectiveDraft & { status?: ObjectivesTable["status"]; parentObjectiveId?: string | null },
  now: string,
): ObjectivesTable {
  return {
    id: newId(),
    org_id: orgId,
    plan_id: planId,
    title: o.title,
    description: o.description,
    metric_key: o.metric?.key ?? null,
    metric: o.metric === null ? null : JSON.stringify(o.metric),
    baseline: o.baseline,
    target: o.target,
    unit: o.unit,
    start_date: o.startDate,
    due_date: o.dueDate,
    owner_type: o.ownerType,
    owner_id: o.ownerId,
    weight: o.weight,
    perspective: o.perspective,
    status: o.status ?? "not_started",
    parent_objective_id: o.parentObjectiveId ?? null,
    version: 1,
    created_at: now,
    updated_at: now,
  };
}

export function initiativeRow(
  orgId: string,
  planId: string,
  i: Omit<InitiativeDraft, "serves"> & { currency: string; status?: InitiativesTable["status"] },
  now: string,
): InitiativesTable {
  return {
    id: newId(),
    org_id: orgId,
    plan_id: planId,
    title: i.title,
    description: i.description,
    owner_type: i.ownerType,
    owner_id: i.ownerId,
    start_date: i.startDate,
    end_date: i.endDate,
    budget_minor: i.budgetMinor,
    currency: i.currency,
    status: i.status ?? "planned",
    version: 1,
    created_at: now,
    updated_at: now,
  };
}

export async function setInitiativeObjectives(
  q: Q,
  orgId: string,
  initiativeId: string,
  objectiveIds: readonly string[],
): Promise<void> {
  await q.deleteFrom("initiative_objectives").where("initiative_id", "=", initiativeId).execute();
  if (objectiveIds.length === 0) return;
  await q
    .insertInto("initiative_objectives")
    .values(
      objectiveIds.map((objectiveId) => ({
        id: newId(),
        org_id: orgId,
        initiative_id: initiativeId,
        objective_id: objectiveId,
      })),
    )
    .execute();
}

/** Writes a pre-filled plan's objectives and initiatives; returns the objective rows in draft order. */
export async function insertDraft(
  q: Q,
  plan: Pick<StrategicPlansTable, "id" | "org_id">,
  draft: PlanDraft,
  currency: string,
  now: string,
): Promise<ObjectivesTable[]> {
  const objectives = draft.objectives.map((o) => objectiveRow(plan.org_id, plan.id, o, now));
  if (objectives.length > 0) await q.insertInto("objectives").values(objectives).execute();
  for (const i of draft.initiatives) {
    const row = initiativeRow(plan.org_id, plan.id, { ...i, currency }, now);
    await q.insertInto("initiatives").values(row).execute();
    const ids = [...new Set(i.serves)].flatMap((k) => {
      const o = objectives[k];
      return o ? [o.id] : [];
    });
    await setInitiativeObjectives(q, plan.org_id, row.id, ids);
  }
  return objectives;
}

export async function planObjectiveRows(q: Q, orgId: string, planId: string): Promise<ObjectivesTable[]> {
  return q
    .selectFrom("objectives")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("plan_id", "=", planId)
    .orderBy("id")
    .execute();
}

export async function planInitiativeRows(
  q: Q,
  orgId: string,
  planId: string,
): Promise<{ row: InitiativesTable; objectiveIds: string[] }[]> {
  const rows = await q
    .selectFrom("initiatives")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("plan_id", "=", planId)
    .orderBy("id")
    .execute();
  const links = await q
    .selectFrom("initiative_objectives")
    .innerJoin("initiatives", "initiatives.id", "initiative_objectives.initiative_id")
    .select(["initiative_objectives.initiative_id", "initiative_objectives.objective_id"])
    .where("initiatives.org_id", "=", orgId)
    .where("initiatives.plan_id", "=", planId)
    .orderBy("initiative_objectives.id")
    .execute();
  return rows.map((row) => ({
    row,
    objectiveIds: links.filter((l) => l.initiative_id === row.id).map((l) => l.objective_id),
  }));
}

export async function orgCurrency(q: Q, orgId: string): Promise<string> {
  const org = await q.selectFrom("orgs").select("currency").where("id", "=", orgId).executeTakeFirst();
  return org?.currency ?? "USD";
}
