// "My week" for a rep: today's and this week's actions (recurring ones as their occurrences), what
// is overdue, and the weekly activity targets of the plans they work under against what they have
// logged this week in the sales data.
import { ceilCount, loggedActivityType, weekAround, type MyWeek, type Occurrence } from "@oars/core";
import type { SignedInCtx } from "../../http/context";
import { notFound } from "../../http/errors";
import { mayReadOwned } from "../../policies/crm.policy";
import { loadScope, type Scope } from "../../policies/scope";
import type { Q } from "../../db/tx";
import "../crm/crm.schema";
import { loadActions } from "./actions.repo";
import { funnelOfPlan } from "./funnel.service";
import { occurrencesIn, occurrenceStatuses } from "./occurrences.service";
import { orgSettings } from "./org-settings";
import { orNull, readTactical } from "./tactical-access";

// A recurring to-do left unticked stays "overdue" only this long; older ones are history, not work.
const RECURRING_OVERDUE_DAYS = 14;

const byDateTime = (a: Occurrence, b: Occurrence) =>
  a.date.localeCompare(b.date) ||
  (a.timeOfDay ?? "99").localeCompare(b.timeOfDay ?? "99") ||
  a.title.localeCompare(b.title);

export async function myWeek(ctx: SignedInCtx, query: { personId?: string; date?: string }): Promise<MyWeek> {
  const q = ctx.db.k;
  const orgId = ctx.actor.orgId;
  const personId = query.personId ?? ctx.actor.personId;
  const person = await q
    .selectFrom("people")
    .select(["id", "name", "team_id"])
    .where("org_id", "=", orgId)
    .where("id", "=", personId)
    .executeTakeFirst();
  const scope = await loadScope(q, ctx.actor);
  if (!person || !mayReadOwned(scope, { ownerId: person.id, teamId: person.team_id }))
    throw notFound("Person");
  const settings = await orgSettings(q, orgId);
  const { today, calendar } = settings;
  const week = weekAround(query.date ?? today, calendar.weekStartsOn);

  const records = (await loadActions(q, orgId, { ownerId: personId })).filter(
    (r) => r.row.status !== "cancelled",
  );
  const planIds = [...new Set(records.map((r) => r.row.tactical_plan_id))];
  const plans = new Map<string, Awaited<ReturnType<typeof readTactical>>>();
  for (const id of planIds) {
    const access = await orNull(readTactical(q, ctx, id));
    if (access && access.row.status !== "archived") plans.set(id, access);
  }
  const live = records.filter((r) => plans.has(r.row.tactical_plan_id));
  const statuses = await occurrenceStatuses(
    q,
    live.map((r) => r.row.id),
  );
  const overdueFrom = new Date(Date.parse(`${today}T00:00:00Z`) - RECURRING_OVERDUE_DAYS * 86_400_000)
    .toISOString()
    .slice(0, 10);
  const weekItems: Occurrence[] = [];
  const overdue: Occurrence[] = [];
  for (const r of live) {
    weekItems.push(...occurrencesIn(r, { from: week.start, to: week.end }, statuses.get(r.row.id), today));
    // Overdue from earlier weeks; this week's late items are in the week, flagged overdue.
    const from = r.row.recurrence ? overdueFrom : "1000-01-01";
    const before = new Date(Date.parse(`${today < week.start ? today : week.start}T00:00:00Z`) - 86_400_000)
      .toISOString()
      .slice(0, 10);
    if (before >= from)
      overdue.push(
        ...occurrencesIn(r, { from, to: before }, statuses.get(r.row.id), today).filter((o) => o.overdue),
      );
  }

  // Weekly activity targets: plans running this week, owned by the person or a team above them.
  const teams = [...scope.teams];
  const upward = new Set<string>();
  for (let t = person.team_id; t; t = teams.find((x) => x.id === t)?.parentId ?? null) upward.add(t);
  const running = await q
    .selectFrom("tactical_plans")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("status", "in", ["draft", "active"])
    .where("funnel", "is not", null)
    .where("period_start", "<=", week.end)
    .where("period_end", ">=", week.start)
    .execute();
  // The closest plan sets each activity's target: the person's own, then their team's, then above.
  const upwardOrder = [...upward];
  const closeness = (p: { owner_type: string; owner_id: string }) => {
    if (p.owner_type === "person") return p.owner_id === personId ? 0 : -1;
    const i = upwardOrder.indexOf(p.owner_id);
    return i < 0 ? -1 : i + 1;
  };
  const mine = running.filter((p) => closeness(p) >= 0).sort((a, b) => closeness(a) - closeness(b));
  const activityTargets: MyWeek["activityTargets"] = [];
  const shown: MyWeek["plans"] = [];
  for (const plan of mine) {
    if (!(await orNull(readTactical(q, ctx, plan.id)))) continue;
    shown.push({
      id: plan.id,
      title: plan.title,
      periodStart: plan.period_start,
      periodEnd: plan.period_end,
    });
    const { result } = await funnelOfPlan(q, plan, settings);
    for (const step of result.steps.filter((s) => s.kind === "activity")) {
      if (activityTargets.some((a) => a.activity.toLowerCase() === step.name.toLowerCase())) continue;
      const type = loggedActivityType(step.name);
      activityTargets.push({
        activity: step.name,
        type,
        target: ceilCount(step.perPersonPerWeek),
        done: null,
        tacticalPlanId: plan.id,
      });
    }
  }
  const types = [...new Set(activityTargets.flatMap((a) => (a.type ? [a.type] : [])))];
  if (types.length > 0) {
    const counts = await q
      .selectFrom("activities")
      .select(["type", (eb) => eb.fn.countAll<number>().as("n")])
      .where("org_id", "=", orgId)
      .where("owner_id", "=", personId)
      .where("deleted_at", "is", null)
      .where("status", "=", "done")
      .where("type", "in", types)
      // Instants are ISO text: the week is [its first day, the day after its last).
      .where("occurred_at", ">=", week.start)
      .where(
        "occurred_at",
        "<",
        new Date(Date.parse(`${week.end}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10),
      )
      .groupBy("type")
      .execute();
    const done = new Map(counts.map((c) => [c.type, Number(c.n)]));
    for (const a of activityTargets) if (a.type) a.done = done.get(a.type) ?? 0;
  }
  weekItems.sort(byDateTime);
  overdue.sort(byDateTime);
  const people = ctx.actor.role === "member" ? [] : await readablePeople(q, scope);
  return {
    personId,
    name: person.name,
    today,
    weekStart: week.start,
    weekEnd: week.end,
    todayItems: weekItems.filter((o) => o.date === today),
    weekItems,
    overdue,
    activityTargets,
    plans: shown,
    people,
  };
}

/** The active people whose week the actor may open: their own, and their readable teams'. */
async function readablePeople(q: Q, scope: Scope): Promise<MyWeek["people"]> {
  const rows = await q
    .selectFrom("people")
    .select(["id", "name", "team_id"])
    .where("org_id", "=", scope.actor.orgId)
    .where("active", "=", 1)
    .orderBy("name")
    .execute();
  return rows
    .filter((p) => mayReadOwned(scope, { ownerId: p.id, teamId: p.team_id }))
    .map((p) => ({ id: p.id, name: p.name, teamId: p.team_id }));
}
