// Loading a plan together with what the actor may do with it: 404 when they may not see it,
// 403 when they see it but may not change it. Every plan use case starts here.
import type { SignedInCtx } from "../../http/context";
import { forbidden, notFound } from "../../http/errors";
import type { Q } from "../../db/tx";
import { mayReadPlan, mayWritePlan, type PlanOwnerFacts } from "../../policies/plans.policy";
import { loadScope, type Scope } from "../../policies/scope";
import type { StrategicPlansTable } from "./plans.schema";

export interface PlanAccess {
  row: StrategicPlansTable;
  scope: Scope;
  facts: PlanOwnerFacts;
  canEdit: boolean;
}

/** A person's plan counts for the team they are in today; a team's plan for that team. */
export async function ownerTeamOf(
  q: Q,
  orgId: string,
  ownerType: "person" | "team",
  ownerId: string,
): Promise<string | null> {
  if (ownerType === "team") return ownerId;
  const person = await q
    .selectFrom("people")
    .select("team_id")
    .where("org_id", "=", orgId)
    .where("id", "=", ownerId)
    .executeTakeFirst();
  return person?.team_id ?? null;
}

export async function planFacts(q: Q, row: StrategicPlansTable): Promise<PlanOwnerFacts> {
  return {
    ownerType: row.owner_type,
    ownerId: row.owner_id,
    ownerTeamId: await ownerTeamOf(q, row.org_id, row.owner_type, row.owner_id),
  };
}

export async function loadPlanRow(q: Q, orgId: string, id: string): Promise<StrategicPlansTable> {
  const row = await q
    .selectFrom("strategic_plans")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) throw notFound("Plan");
  return row;
}

export async function readPlan(q: Q, ctx: SignedInCtx, id: string, scope?: Scope): Promise<PlanAccess> {
  const row = await loadPlanRow(q, ctx.actor.orgId, id);
  const s = scope ?? (await loadScope(q, ctx.actor));
  const facts = await planFacts(q, row);
  if (!mayReadPlan(s, facts)) throw notFound("Plan");
  return { row, scope: s, facts, canEdit: mayWritePlan(s, facts) && isOpen(row) };
}

/** A closed or archived plan is a record of what was planned: its content no longer changes. */
export const isOpen = (row: Pick<StrategicPlansTable, "status">) =>
  row.status === "draft" || row.status === "active";

export async function writePlan(
  q: Q,
  ctx: SignedInCtx,
  id: string,
  opts: { content: boolean } = { content: true },
): Promise<PlanAccess> {
  const access = await readPlan(q, ctx, id);
  if (!mayWritePlan(access.scope, access.facts)) throw forbidden("You may read this plan but not change it");
  if (opts.content && !isOpen(access.row))
    throw forbidden(`This plan is ${access.row.status}: it is kept as it was`);
  return access;
}
