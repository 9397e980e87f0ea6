// The timeline (Gantt) of a tactical plan: its actions as bars with their dependencies and
// recurring dates, the milestone targets per objective and period, and today's line.
import { occurrencesOf, scheduleConflicts, type Timeline } from "@oars/core";
import type { SignedInCtx } from "../../http/context";
import { loadActions, personNames } from "./actions.repo";
import { orgSettings } from "./org-settings";
import { recurrenceOf } from "./occurrences.service";
import { readTactical } from "./tactical-access";

export async function timeline(ctx: SignedInCtx, tacticalPlanId: string): Promise<Timeline> {
  const q = ctx.db.k;
  const { row } = await readTactical(q, ctx, tacticalPlanId);
  const { today } = await orgSettings(q, ctx.actor.orgId);
  const records = await loadActions(q, ctx.actor.orgId, { tacticalPlanIds: [row.id] });
  const names = await personNames(
    q,
    ctx.actor.orgId,
    records.map((r) => r.row.owner_id),
  );
  const window = { from: row.period_start, to: row.period_end };
  // Milestones summed per objective and period: the plan's targets as markers above the bars.
  const milestones = await q
    .selectFrom("milestones as m")
    .innerJoin("objectives as o", "o.id", "m.objective_id")
    .select([
      "m.objective_id",
      "o.title",
      "m.period_key",
      "m.period_start",
      "m.period_end",
      (eb) => eb.fn.sum<number>("m.target").as("target"),
    ])
    .where("m.tactical_plan_id", "=", row.id)
    .where("m.dimension_kind", "is", null)
    .groupBy(["m.objective_id", "o.title", "m.period_key", "m.period_start", "m.period_end"])
    .orderBy("m.period_start")
    .execute();
  return {
    tacticalPlanId,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    today,
    actions: records.map((r) => {
      const recurrence = recurrenceOf(r);
      return {
        id: r.row.id,
        title: r.row.title,
        ownerName: r.row.owner_id ? (names.get(r.row.owner_id) ?? null) : null,
        startDate: r.row.start_date,
        dueDate: r.row.due_date,
        status: r.row.status,
        dependsOn: r.dependsOn,
        occurrences:
          recurrence && r.row.start_date ? occurrencesOf(recurrence, r.row.start_date, window) : [],
      };
    }),
    milestones: milestones.map((m) => ({
      objectiveId: m.objective_id,
      objectiveTitle: m.title,
      periodKey: m.period_key,
      periodStart: m.period_start,
      periodEnd: m.period_end,
      target: Number(m.target),
    })),
    conflicts: scheduleConflicts(
      records.map((r) => ({
        id: r.row.id,
        title: r.row.title,
        startDate: r.row.start_date,
        dueDate: r.row.due_date,
        dependsOn: r.dependsOn,
      })),
    ),
  };
}
