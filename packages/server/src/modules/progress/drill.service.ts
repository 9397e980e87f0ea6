// The deals and activities behind an objective's figure, cut to the reader's own scope: a member
// sees the department's figure but only their own team's (and their own) records behind it.
import { metricByKey, type DrillActivity, type DrillDeal } from "@oars/core";
import type { SignedInCtx } from "../../http/context";
import { listScope } from "../../policies/crm.policy";
import { loadObjectiveRow } from "../plans/objectives.service";
import { readPlan } from "../plans/plan-access";
import { activityBase, dealBase } from "./metrics";
import { milestoneAsObjective } from "./milestone-progress.service";
import { metricFilters, objectiveScope, progressEnv } from "./progress.service";

async function objectiveWithPlan(ctx: SignedInCtx, id: string) {
  const row = await loadObjectiveRow(ctx.db.k, ctx.actor.orgId, id);
  const { row: plan, scope } = await readPlan(ctx.db.k, ctx, row.plan_id);
  return { row, plan, scope };
}

const LIMIT = 500;
const ACTIVITY_METRICS = new Set([
  "meetings_held",
  "calls_made",
  "activities_logged",
  "client_meetings_per_account",
]);

/** What a figure is of: an objective, or a milestone (its objective over its owner and period). */
export type DrillOf = "objective" | "milestone";

async function drillContext(ctx: SignedInCtx, id: string, of: DrillOf) {
  const { row, plan, scope } =
    of === "milestone" ? await milestoneAsObjective(ctx, id) : await objectiveWithPlan(ctx, id);
  const env = await progressEnv(ctx, scope);
  const query = {
    orgId: ctx.actor.orgId,
    scope: objectiveScope(env, row, plan),
    filters: metricFilters(row),
    window: { from: row.start_date, to: row.due_date ?? plan.horizon_end },
  };
  return { row, query, reader: listScope(scope) };
}

export async function drillDeals(
  ctx: SignedInCtx,
  id: string,
  of: DrillOf = "objective",
): Promise<{ items: DrillDeal[]; truncated: boolean }> {
  const { row, query, reader } = await drillContext(ctx, id, of);
  const key = row.metric_key ?? "";
  if (!metricByKey(key) || ACTIVITY_METRICS.has(key) || key === "manual")
    return { items: [], truncated: false };
  const { from, to } = query.window;
  let qb = dealBase(ctx.db.k, query);
  if (key === "pipeline_created")
    qb = qb.where("d.created_date", ">=", from).where("d.created_date", "<=", to);
  else {
    qb = qb.where("d.close_date", ">=", from).where("d.close_date", "<=", to);
    qb = key === "win_rate" ? qb.where("d.status", "in", ["won", "lost"]) : qb.where("d.status", "=", "won");
  }
  if (reader) {
    const teams = reader.teams;
    qb = qb.where((eb) =>
      eb.or([eb("d.owner_id", "=", reader.ownerId), ...(teams.length ? [eb("d.team_id", "in", teams)] : [])]),
    );
  }
  const rows = await qb
    .select([
      "d.id",
      "d.name",
      "d.owner_id",
      "d.team_id",
      "d.account_id",
      "d.amount_org_minor",
      "d.status",
      "d.close_date",
      "d.created_date",
    ])
    .orderBy("d.close_date", "desc")
    .orderBy("d.id")
    .limit(LIMIT + 1)
    .execute();
  return {
    truncated: rows.length > LIMIT,
    items: rows.slice(0, LIMIT).map((d) => ({
      id: d.id,
      name: d.name,
      ownerId: d.owner_id,
      teamId: d.team_id,
      accountId: d.account_id,
      amountOrgMinor: Number(d.amount_org_minor),
      status: d.status,
      closeDate: d.close_date,
      createdDate: d.created_date,
    })),
  };
}

export async function drillActivities(
  ctx: SignedInCtx,
  id: string,
  of: DrillOf = "objective",
): Promise<{ items: DrillActivity[]; truncated: boolean }> {
  const { row, query, reader } = await drillContext(ctx, id, of);
  const key = row.metric_key ?? "";
  if (!ACTIVITY_METRICS.has(key)) return { items: [], truncated: false };
  let qb = activityBase(ctx.db.k, query);
  if (key === "meetings_held" || key === "client_meetings_per_account")
    qb = qb.where("a.type", "=", "meeting");
  if (key === "calls_made") qb = qb.where("a.type", "=", "call");
  if (reader) {
    const teams = reader.teams;
    qb = qb.where((eb) =>
      eb.or([eb("a.owner_id", "=", reader.ownerId), ...(teams.length ? [eb("a.team_id", "in", teams)] : [])]),
    );
  }
  const rows = await qb
    .select(["a.id", "a.type", "a.subject", "a.owner_id", "a.team_id", "a.account_id", "a.occurred_at"])
    .orderBy("a.occurred_at", "desc")
    .orderBy("a.id")
    .limit(LIMIT + 1)
    .execute();
  return {
    truncated: rows.length > LIMIT,
    items: rows.slice(0, LIMIT).map((a) => ({
      id: a.id,
      type: a.type,
      subject: a.subject,
      ownerId: a.owner_id,
      teamId: a.team_id,
      accountId: a.account_id,
      occurredAt: a.occurred_at,
    })),
  };
}
