// Turning the funnel's weekly activity targets into recurring actions ("20 calls a week") for each
// rep the plan counts on, so the numbers land in everyone's week and calendar.
import { ceilCount, weekAround, type Action, type FunnelToActions } from "@oars/core";
import type { SignedInCtx } from "../../http/context";
import { invalid } from "../../http/errors";
import { recordAudit } from "../audit/audit.record";
import { assertOwner } from "../plans/plan-owners";
import { newActionRow } from "./actions.repo";
import { tacticalFunnel } from "./funnel.service";
import { orgSettings } from "./org-settings";
import { defaultRowRequests } from "./split-rows";
import { writeTactical } from "./tactical-access";
import { listActions } from "./actions.service";

export async function funnelToActions(
  ctx: SignedInCtx,
  tacticalPlanId: string,
  input: FunnelToActions,
): Promise<Action[]> {
  const ids = await ctx.db.k.transaction().execute(async (tx) => {
    const { row } = await writeTactical(tx, ctx, tacticalPlanId);
    const funnel = await tacticalFunnel(ctx, tacticalPlanId, tx);
    const { calendar } = await orgSettings(tx, ctx.actor.orgId);
    const steps = funnel.result.steps.filter(
      (s) => s.kind === "activity" && (input.activities === undefined || input.activities.includes(s.name)),
    );
    if (steps.length === 0) throw invalid("activities", "the funnel has no such weekly activity target");
    const people = input.personIds ?? (await defaultRowRequests(tx, row, "person")).map((r) => r.id);
    if (people.length === 0) throw invalid("personIds", "the plan counts on nobody: name the people");
    for (const [i, p] of people.entries())
      await assertOwner(tx, ctx.actor.orgId, "person", p, `personIds[${i}]`);
    // Weekly on the org's first day of the week, from the week the period starts in.
    const first = weekAround(row.period_start, calendar.weekStartsOn).start;
    const startDate = first < row.period_start ? row.period_start : first;
    const now = new Date().toISOString();
    const created: string[] = [];
    for (const step of steps) {
      const perWeek = ceilCount(step.perPersonPerWeek);
      for (const personId of people) {
        const action = newActionRow(
          ctx.actor.orgId,
          row.id,
          {
            title: `${perWeek} ${step.name} a week`,
            description: `From the funnel: ${step.needed} ${step.name} over the plan's ${funnel.peopleCount} people and ${Math.round(funnel.result.weeks)} weeks.`,
            ownerId: personId,
            startDate,
            dueDate: row.period_end,
            status: "todo",
            priority: "medium",
            objectiveId: null,
            initiativeId: null,
            milestoneId: null,
            accountId: null,
            dealId: null,
            recurrence: {
              frequency: "weekly",
              interval: 1,
              weekdays: [calendar.weekStartsOn],
              until: row.period_end,
              count: null,
            },
            timeOfDay: null,
            durationMinutes: null,
          },
          now,
          ctx.actor.personId,
        );
        await tx.insertInto("actions").values(action).execute();
        created.push(action.id);
      }
    }
    await recordAudit(tx, ctx, ctx.actor.orgId, {
      entity: "tactical_plan",
      entityId: row.id,
      action: "funnel-actions",
      after: { actions: created.length, activities: steps.map((s) => s.name), people: people.length },
    });
    return new Set(created);
  });
  return (await listActions(ctx, tacticalPlanId, { includeDeleted: false })).filter((a) => ids.has(a.id));
}
