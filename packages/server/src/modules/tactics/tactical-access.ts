// Loading a tactical plan with what the actor may do with it. A tactical plan inherits its
// strategic plan's access: whoever reads the strategic plan reads its tactics, whoever may change
// it changes them (404 when not visible, 403 when visible but not writable).
import type { Q } from "../../db/tx";
import type { SignedInCtx } from "../../http/context";
import { AppError, forbidden, notFound } from "../../http/errors";
import { readPlan, writePlan, type PlanAccess } from "../plans/plan-access";
import type { Scope } from "../../policies/scope";
import type { TacticalPlansTable } from "./tactics.schema";
import "./tactics.schema";

export interface TacticalAccess {
  row: TacticalPlansTable;
  plan: PlanAccess;
  scope: Scope;
  /** May change the plan's content: the strategic plan is writable and both plans are still open. */
  canEdit: boolean;
}

export async function loadTacticalRow(q: Q, orgId: string, id: string): Promise<TacticalPlansTable> {
  const row = await q
    .selectFrom("tactical_plans")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) throw notFound("Tactical plan");
  return row;
}

/** A closed or archived tactical plan is a record of what was planned for its period. */
export const isTacticalOpen = (row: Pick<TacticalPlansTable, "status">) =>
  row.status === "draft" || row.status === "active";

export async function readTactical(
  q: Q,
  ctx: SignedInCtx,
  id: string,
  scope?: Scope,
): Promise<TacticalAccess> {
  const row = await loadTacticalRow(q, ctx.actor.orgId, id);
  let plan: PlanAccess;
  try {
    plan = await readPlan(q, ctx, row.strategic_plan_id, scope);
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") throw notFound("Tactical plan");
    throw e;
  }
  return { row, plan, scope: plan.scope, canEdit: plan.canEdit && isTacticalOpen(row) };
}

/** For changes to the plan's content (milestones, funnel, actions); `content: false` for its status. */
export async function writeTactical(
  q: Q,
  ctx: SignedInCtx,
  id: string,
  opts: { content: boolean } = { content: true },
): Promise<TacticalAccess> {
  const access = await readTactical(q, ctx, id);
  await writePlan(q, ctx, access.row.strategic_plan_id, { content: opts.content });
  if (opts.content && !isTacticalOpen(access.row))
    throw forbidden(`This tactical plan is ${access.row.status}: it is kept as it was`);
  return access;
}

/** A load that answers 404 becomes null; any other failure still fails. */
export async function orNull<T>(load: Promise<T>): Promise<T | null> {
  try {
    return await load;
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") return null;
    throw e;
  }
}
