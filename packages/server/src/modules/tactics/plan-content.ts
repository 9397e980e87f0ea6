// Filling a new tactical plan: the actions of the last one moved to the new period, or the persona
// template's pre-filled tactics for the owner's period.
import { addDays, daysBetween, templateActions, type ActionRecurrence } from "@oars/core";
import { sql } from "kysely";
import { newId } from "../../db/ids";
import type { Q } from "../../db/tx";
import "../crm/crm.schema";
import "../plans/plans.schema";
import {
  loadActions,
  newActionRow,
  replaceAllocations,
  replaceDependencies,
  type ActionContent,
} from "./actions.repo";
import type { ActionsTable, TacticalPlansTable } from "./tactics.schema";

const shift = (date: string | null, days: number) => (date === null ? null : addDays(date, days));

/**
 * A date of the source period moved by `days` and kept inside the target period: periods are not
 * whole weeks long (Q4 has 92 days, 13 weeks 91), so the period's first or last day would otherwise
 * land a day outside the new one. Dates outside the source period move as they are.
 */
function shiftInto(
  date: string | null,
  days: number,
  source: TacticalPlansTable,
  target: TacticalPlansTable,
): string | null {
  const moved = shift(date, days);
  if (date === null || moved === null || date < source.period_start || date > source.period_end) return moved;
  if (moved < target.period_start) return target.period_start;
  return moved > target.period_end ? target.period_end : moved;
}

/**
 * Copies the source plan's live actions, dates moved by the distance between the two periods in
 * whole weeks — so Monday's pipeline review stays on a Monday in the new quarter — and kept inside it.
 */
export async function copyActions(
  q: Q,
  source: TacticalPlansTable,
  target: TacticalPlansTable,
  createdBy: string,
): Promise<number> {
  const days = Math.round(daysBetween(source.period_start, target.period_start) / 7) * 7;
  const records = (await loadActions(q, source.org_id, { tacticalPlanIds: [source.id] })).filter(
    (r) => r.row.status !== "cancelled",
  );
  const newIds = new Map(records.map((r) => [r.row.id, newId()]));
  const now = new Date().toISOString();
  for (const r of records) {
    const recurrence = r.row.recurrence ? (JSON.parse(r.row.recurrence) as ActionRecurrence) : null;
    const row: ActionsTable = {
      ...r.row,
      id: newIds.get(r.row.id) ?? newId(),
      tactical_plan_id: target.id,
      start_date: shiftInto(r.row.start_date, days, source, target),
      due_date: shiftInto(r.row.due_date, days, source, target),
      status: "todo",
      // A milestone belongs to the old period's split; the copy serves the same objective instead.
      milestone_id: null,
      recurrence: recurrence
        ? JSON.stringify({ ...recurrence, until: shiftInto(recurrence.until, days, source, target) })
        : null,
      created_by: createdBy,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await q.insertInto("actions").values(row).execute();
    await replaceAllocations(q, target.org_id, row.id, r.allocations);
  }
  for (const r of records) {
    const id = newIds.get(r.row.id);
    const deps = r.dependsOn.flatMap((d) => newIds.get(d) ?? []);
    if (id) await replaceDependencies(q, target.org_id, id, deps);
  }
  return records.length;
}

/** The plan owner's ten largest major accounts: the account manager meets each of them monthly. */
async function majorAccounts(q: Q, plan: TacticalPlansTable): Promise<{ id: string; name: string }[]> {
  let query = q
    .selectFrom("accounts")
    .select(["id", "name"])
    .where("org_id", "=", plan.org_id)
    .where("deleted_at", "is", null)
    // Tiers are free text from imports: "Major", "major" and "MAJOR" are the same tier.
    .where(sql<string>`lower(tier)`, "=", "major");
  query =
    plan.owner_type === "person"
      ? query.where("owner_id", "=", plan.owner_id)
      : query.where("team_id", "=", plan.owner_id);
  return query.orderBy("annual_revenue_minor", "desc").orderBy("name").limit(10).execute();
}

/** Inserts the template's actions for the plan's period; returns their ids. */
export async function insertTemplateActions(
  q: Q,
  plan: TacticalPlansTable,
  templateKey: string,
  ownerId: string | null,
  createdBy: string,
): Promise<string[]> {
  const drafts = templateActions(templateKey, {
    periodStart: plan.period_start,
    periodEnd: plan.period_end,
    majorAccounts: await majorAccounts(q, plan),
  });
  const owner = ownerId ?? (plan.owner_type === "person" ? plan.owner_id : null);
  const served = await q
    .selectFrom("tactical_plan_objectives as tpo")
    .innerJoin("objectives as o", "o.id", "tpo.objective_id")
    .select(["o.id", "o.metric_key", "o.unit", "o.title"])
    .where("tpo.tactical_plan_id", "=", plan.id)
    .orderBy("o.created_at")
    .orderBy("o.id")
    .execute();
  // Each template action serves the plan's objective on its metric, so the coverage check sees it.
  const objectiveFor = (serves: (typeof drafts)[number]["serves"]) =>
    serves === null
      ? null
      : (served.find(
          (o) =>
            o.metric_key === serves.metric &&
            (serves.unitIncludes === undefined ||
              `${o.unit} ${o.title}`.toLowerCase().includes(serves.unitIncludes)),
        )?.id ?? null);
  const now = new Date().toISOString();
  const ids: string[] = [];
  for (const d of drafts) {
    const content: ActionContent = {
      title: d.title,
      description: d.description,
      ownerId: owner,
      startDate: d.startDate,
      dueDate: d.dueDate,
      status: "todo",
      priority: d.priority,
      objectiveId: objectiveFor(d.serves),
      initiativeId: null,
      milestoneId: null,
      accountId: d.accountId,
      dealId: null,
      recurrence: d.recurrence
        ? {
            frequency: d.recurrence.frequency,
            interval: d.recurrence.interval,
            weekdays: [...(d.recurrence.weekdays ?? [])],
            until: d.recurrence.until ?? null,
            count: d.recurrence.count ?? null,
          }
        : null,
      timeOfDay: d.timeOfDay,
      durationMinutes: d.durationMinutes,
    };
    const row = newActionRow(plan.org_id, plan.id, content, now, createdBy);
    await q.insertInto("actions").values(row).execute();
    if (owner && d.hoursPerWeek > 0)
      await replaceAllocations(q, plan.org_id, row.id, [
        { personId: owner, hoursPerWeek: d.hoursPerWeek, budgetMinor: 0, note: "" },
      ]);
    ids.push(row.id);
  }
  return ids;
}
