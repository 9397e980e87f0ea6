// The frozen figure of an objective whose window was closed (closes.service), read by every
// progress computation so a closed period keeps the figures it was closed with.
import type { Q } from "../../db/tx";
import "./progress.schema";

/**
 * The frozen figure of an objective whose whole window was closed — or, given a milestone, of that
 * milestone — from a close still in force; null when there is none.
 */
export async function frozenObjective(
  q: Q,
  orgId: string,
  objectiveId: string,
  windowStart: string,
  windowEnd: string,
  milestoneId?: string,
) {
  let qb = q
    .selectFrom("period_close_rows as r")
    .innerJoin("period_closes as c", "c.id", "r.close_id")
    .select([
      "r.target",
      "r.actual",
      "r.attainment",
      "c.id as close_id",
      "c.period_key",
      "c.label",
      "c.closed_at",
      "c.closed_by",
    ])
    .where("r.org_id", "=", orgId)
    .where("r.objective_id", "=", objectiveId)
    .where("c.status", "=", "closed");
  qb = milestoneId
    ? qb.where("r.kind", "=", "milestone").where("r.milestone_id", "=", milestoneId)
    : qb
        .where("r.kind", "=", "objective")
        .where("r.period_start", "=", windowStart)
        .where("r.period_end", "=", windowEnd);
  return (await qb.orderBy("c.closed_at", "desc").executeTakeFirst()) ?? null;
}
