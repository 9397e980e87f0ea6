// The plan document: loaded once, then written as Markdown (API and `oars plan export`) or shown
// as the printable page in the web app. Statement, refinement answers, objectives with targets
// and alignment, initiatives.
import type { PlanDocument } from "@oars/core";
import type { Q } from "../../db/tx";
import type { SignedInCtx } from "../../http/context";
import { readPlan } from "./plan-access";
import { presentInitiative, presentObjective, presentPlan } from "./plans.present";
import { orgCurrency, planInitiativeRows, planObjectiveRows } from "./plans.repo";
import { refinementOf } from "./refinement.service";

export { renderPlanMarkdown } from "./plans.markdown";

async function namesOf(q: Q, orgId: string, owners: { type: string | null; id: string | null }[]) {
  const people = [...new Set(owners.flatMap((o) => (o.type === "person" && o.id ? [o.id] : [])))];
  const teams = [...new Set(owners.flatMap((o) => (o.type === "team" && o.id ? [o.id] : [])))];
  const names = new Map<string, string>();
  if (people.length > 0)
    for (const p of await q
      .selectFrom("people")
      .select(["id", "name"])
      .where("org_id", "=", orgId)
      .where("id", "in", people)
      .execute())
      names.set(`person:${p.id}`, p.name);
  if (teams.length > 0)
    for (const t of await q
      .selectFrom("teams")
      .select(["id", "name"])
      .where("org_id", "=", orgId)
      .where("id", "in", teams)
      .execute())
      names.set(`team:${t.id}`, `${t.name} (team)`);
  return (type: string | null, id: string | null) =>
    type && id ? (names.get(`${type}:${id}`) ?? null) : null;
}

export async function loadPlanDocument(ctx: SignedInCtx, planId: string): Promise<PlanDocument> {
  const q = ctx.db.k;
  const orgId = ctx.actor.orgId;
  const { row, canEdit } = await readPlan(q, ctx, planId);
  const objectives = (await planObjectiveRows(q, orgId, planId)).map(presentObjective);
  const initiatives = (await planInitiativeRows(q, orgId, planId)).map((i) =>
    presentInitiative(i.row, i.objectiveIds),
  );
  const name = await namesOf(q, orgId, [
    { type: row.owner_type, id: row.owner_id },
    ...objectives.map((o) => ({ type: o.ownerType, id: o.ownerId })),
    ...initiatives.map((i) => ({ type: i.ownerType, id: i.ownerId })),
  ]);
  const parentIds = [
    ...new Set(objectives.flatMap((o) => (o.parentObjectiveId ? [o.parentObjectiveId] : []))),
  ];
  const parents =
    parentIds.length === 0
      ? []
      : await q
          .selectFrom("objectives as o")
          .innerJoin("strategic_plans as p", "p.id", "o.plan_id")
          .select(["o.id", "o.title", "p.title as plan_title"])
          .where("o.org_id", "=", orgId)
          .where("o.id", "in", parentIds)
          .execute();
  const parentById = new Map(
    parents.map((p) => [p.id, { id: p.id, title: p.title, planTitle: p.plan_title }]),
  );
  const titleOf = new Map(objectives.map((o) => [o.id, o.title]));
  return {
    plan: presentPlan(row, canEdit),
    ownerName: name(row.owner_type, row.owner_id) ?? "—",
    currency: await orgCurrency(q, orgId),
    refinement: await refinementOf(q, orgId, planId),
    objectives: objectives.map((o) => ({
      objective: o,
      ownerName: name(o.ownerType, o.ownerId),
      parent: o.parentObjectiveId ? (parentById.get(o.parentObjectiveId) ?? null) : null,
    })),
    initiatives: initiatives.map((i) => ({
      initiative: i,
      ownerName: name(i.ownerType, i.ownerId),
      serves: i.objectiveIds.flatMap((id) => {
        const t = titleOf.get(id);
        return t ? [t] : [];
      }),
    })),
    generatedAt: new Date().toISOString(),
  };
}
