// The first screen after sign-in, by role: a director (admin, manager, viewer) sees their scope's
// objectives at risk first, the funnel, a leaderboard, a heatmap and forecast vs target; a rep
// their own goals, this week's activity and the deals to push; an account manager (a member who
// owns major-tier accounts) also their portfolio. Every figure is cut to the reader's scope.
import {
  addDays,
  addMonths,
  fiscalQuarterOf,
  isoWeekday,
  type Dashboard,
  type ObjectiveProgress,
} from "@oars/core";
import { sql } from "kysely";
import type { SignedInCtx } from "../../http/context";
import { listScope } from "../../policies/crm.policy";
import type { ObjectivesTable, StrategicPlansTable } from "../plans/plans.schema";
import { visiblePlans } from "../plans/plan-visibility";
import { nextDay, type MetricScope } from "./metrics";
import { funnelByStage, wonByOwner } from "./dashboard.figures";
import { milestoneWork, progressOfMilestones } from "./milestone-progress.service";
import { prefetchProgress, progressEnv, progressOfRow } from "./progress.service";

const RANK = { off_track: 0, at_risk: 1, on_track: 2 } as const;
const MAJOR_TIERS = ["major"];
/** People shown in the director's heatmap at most (a thousand rows read as noise, and weigh megabytes). */
export const HEATMAP_PEOPLE = 40;

export async function dashboard(ctx: SignedInCtx): Promise<Dashboard> {
  const env = await progressEnv(ctx);
  const { scope, settings } = env;
  const q = ctx.db.k;
  const me = ctx.actor.personId;
  const orgId = ctx.actor.orgId;
  const today = settings.today;
  const quarter = fiscalQuarterOf(settings.calendar, today);
  const periodStart = quarter.start;
  const periodEnd = quarter.end;

  const majorAccounts = await q
    .selectFrom("accounts")
    .select(["id", "name", "tier"])
    .where("org_id", "=", orgId)
    .where("owner_id", "=", me)
    .where("deleted_at", "is", null)
    .where("tier", "in", MAJOR_TIERS)
    .orderBy("name_key")
    .limit(50)
    .execute();
  const role: Dashboard["role"] =
    ctx.actor.role !== "member" ? "director" : majorAccounts.length > 0 ? "account_manager" : "rep";
  const director = role === "director";

  // The reader's records: everything for an admin, their readable teams plus their own otherwise;
  // a rep's dashboard is about their own records only.
  const reader = listScope(scope);
  // The same, as a metric scope: the whole org, or the reader and their teams.
  const readerScope: MetricScope = !director
    ? { ownerIds: [me] }
    : !reader
      ? {}
      : { ownerIds: [me], teamIds: reader.teams };

  // Objectives: the reader's own and their teams', in plans they may see, at risk first.
  const plans = await visiblePlans(q, ctx, scope).where("p.status", "in", ["active", "draft"]).execute();
  const planById = new Map<string, StrategicPlansTable>(plans.map((p) => [p.id, p]));
  // Who owns each live objective first (a light read of every one, so a large plan's objectives of
  // the reader are not cut off), then the whole rows of the first 40 that are the reader's.
  const owners =
    plans.length === 0
      ? []
      : await q
          .selectFrom("objectives")
          .select(["id", "plan_id", "owner_type", "owner_id"])
          .where("org_id", "=", orgId)
          .where("plan_id", "in", [...planById.keys()])
          .where("status", "not in", ["done", "dropped"])
          .orderBy("created_at")
          .orderBy("id")
          .execute();
  const relevantIds = owners
    .filter((o) => {
      const plan = planById.get(o.plan_id);
      if (!plan) return false;
      const type = o.owner_type ?? plan.owner_type;
      const id = o.owner_id ?? plan.owner_id;
      if (type === "person")
        return id === me || (director && scope.readableTeams.size > 0 && plan.owner_type === "team");
      return director ? scope.readableTeams.has(id) || scope.upwardTeams.has(id) : ctx.actor.teamId === id;
    })
    .slice(0, 40)
    .map((o) => o.id);
  const byId = new Map<string, ObjectivesTable>(
    relevantIds.length === 0
      ? []
      : (
          await q
            .selectFrom("objectives")
            .selectAll()
            .where("org_id", "=", orgId)
            .where("id", "in", relevantIds)
            .execute()
        ).map((o) => [o.id, o]),
  );
  const relevant = relevantIds.flatMap((id) => {
    const row = byId.get(id);
    return row ? [row] : [];
  });
  const work = relevant.flatMap((row) => {
    const plan = planById.get(row.plan_id);
    return plan ? [{ row, plan }] : [];
  });

  // This period's goals: milestones holding today in active tactical plans of readable plans — a
  // rep's own; a director's team's, its direct sub-teams' (an admin without a team: the top ones)
  // and its own members'.
  const goalTeams = director
    ? scope.teams
        .filter((t) =>
          ctx.actor.teamId ? t.id === ctx.actor.teamId || t.parentId === ctx.actor.teamId : !t.parentId,
        )
        .map((t) => t.id)
    : [];
  const goalPeople =
    director && ctx.actor.teamId
      ? (
          await q
            .selectFrom("people")
            .select("id")
            .where("org_id", "=", orgId)
            .where("team_id", "=", ctx.actor.teamId)
            .where("id", "!=", me)
            .execute()
        ).map((p) => p.id)
      : [];
  const goalRows =
    planById.size === 0 || (director && goalTeams.length === 0)
      ? []
      : await q
          .selectFrom("milestones as m")
          .innerJoin("objectives as o", "o.id", "m.objective_id")
          .innerJoin("tactical_plans as tp", "tp.id", "m.tactical_plan_id")
          .selectAll("m")
          .where("m.org_id", "=", orgId)
          .where("tp.status", "in", ["draft", "active"])
          .where("o.plan_id", "in", [...planById.keys()])
          .where("m.period_start", "<=", today)
          .where("m.period_end", ">=", today)
          .where("m.dimension_kind", "is", null)
          .where((eb) =>
            director
              ? eb.or([
                  eb.and([eb("m.owner_type", "=", "team"), eb("m.owner_id", "in", goalTeams)]),
                  ...(goalPeople.length
                    ? [eb.and([eb("m.owner_type", "=", "person"), eb("m.owner_id", "in", goalPeople)])]
                    : []),
                ])
              : eb.and([eb("m.owner_type", "=", "person"), eb("m.owner_id", "=", me)]),
          )
          .orderBy("m.owner_type", "desc")
          .orderBy("m.period_start")
          .orderBy("m.owner_id")
          .limit(12)
          .execute();
  // Every figure of the objectives and goals, summed together (docs/decisions/010).
  const goalWork = await milestoneWork(env, goalRows);
  await prefetchProgress(env, [...work, ...goalWork]);
  const objectives: ObjectiveProgress[] = [];
  for (const { row, plan } of work) objectives.push(await progressOfRow(env, row, plan, { children: false }));
  objectives.sort((a, b) => (a.status ? RANK[a.status] : 3) - (b.status ? RANK[b.status] : 3));
  const goals = await progressOfMilestones(env, goalRows, goalWork);
  goals.sort((a, b) => (a.status ? RANK[a.status] : 3) - (b.status ? RANK[b.status] : 3));

  // Funnel: open pipeline by stage, with this period's won and lost.
  const stages = await q
    .selectFrom("pipeline_stages")
    .select(["id", "name", "position", "kind"])
    .where("org_id", "=", orgId)
    .where("archived_at", "is", null)
    .orderBy("position")
    .execute();
  const stageFig = await funnelByStage(q, orgId, readerScope, { from: periodStart, to: periodEnd });
  const funnel = stages.map((s) => ({
    stageId: s.id,
    name: s.name,
    position: s.position,
    kind: s.kind,
    deals: Number(stageFig.get(s.id)?.n ?? 0),
    amountMinor: Number(stageFig.get(s.id)?.s ?? 0),
  }));

  // Leaderboard and heatmap: won revenue by person, this period and by month for six months.
  const people = new Map(
    (await q.selectFrom("people").select(["id", "name"]).where("org_id", "=", orgId).execute()).map((p) => [
      p.id,
      p.name,
    ]),
  );
  let leaderboard: Dashboard["leaderboard"] = [];
  let heatmap: Dashboard["heatmap"] = [];
  let heatmapPeople = 0;
  if (director) {
    // Won this period per person, then by month for six months (whole months from the kept facts).
    const lb = await wonByOwner(q, ctx.db.engine, orgId, readerScope, [periodStart, nextDay(periodEnd)]);
    leaderboard = lb
      .map((r) => ({
        personId: r.owner_id,
        name: people.get(r.owner_id) ?? "",
        revenueMinor: Number(r.s ?? 0),
        deals: Number(r.n),
      }))
      .sort((a, b) => b.revenueMinor - a.revenueMinor || a.name.localeCompare(b.name))
      .slice(0, 10);
    const heatFrom = addMonths(`${today.slice(0, 7)}-01`, -5);
    const heatEdges = [0, 1, 2, 3, 4, 5].map((i) => addMonths(heatFrom, i));
    const hm = (await wonByOwner(q, ctx.db.engine, orgId, readerScope, [...heatEdges, nextDay(today)])).map(
      (r) => ({ owner_id: r.owner_id, month: (heatEdges[r.b] as string).slice(0, 7), s: r.s }),
    );
    // Each person's revenue milestones by month (the largest where two plans set one), for attainment.
    const targets = await q
      .selectFrom("milestones as m")
      .innerJoin("objectives as o", "o.id", "m.objective_id")
      .innerJoin("tactical_plans as tp", "tp.id", "m.tactical_plan_id")
      .select(["m.owner_id", "m.period_start", "m.period_end", "m.target"])
      .where("m.org_id", "=", orgId)
      .where("tp.status", "!=", "archived")
      .where("o.metric_key", "=", "revenue_won")
      .where("m.owner_type", "=", "person")
      .where("m.dimension_kind", "is", null)
      .where("m.period_start", ">=", heatFrom)
      .where("m.period_end", "<=", addDays(addMonths(`${today.slice(0, 7)}-01`, 1), -1))
      .execute();
    const targetOf = new Map<string, number>();
    for (const t of targets) {
      // Month milestones only: a month's target is not a share of a quarter's.
      if (t.period_start.slice(0, 7) !== t.period_end.slice(0, 7)) continue;
      const key = `${t.owner_id}|${t.period_start.slice(0, 7)}`;
      targetOf.set(key, Math.max(targetOf.get(key) ?? 0, Number(t.target)));
    }
    const inScope = reader
      ? new Set([
          me,
          ...(reader.teams.length === 0
            ? []
            : (
                await q
                  .selectFrom("people")
                  .select("id")
                  .where("org_id", "=", orgId)
                  .where("team_id", "in", reader.teams)
                  .execute()
              ).map((p) => p.id)),
        ])
      : null;
    const cells = new Map<string, Dashboard["heatmap"][number]>();
    for (const r of hm) {
      const target = targetOf.get(`${r.owner_id}|${r.month}`) ?? null;
      const actual = Number(r.s ?? 0);
      cells.set(`${r.owner_id}|${r.month}`, {
        key: r.owner_id,
        name: people.get(r.owner_id) ?? "",
        month: r.month,
        actualMinor: actual,
        targetMinor: target,
        attainment: target ? actual / target : null,
      });
    }
    // A month with a target and nothing won yet is a cell too: 0% is a figure.
    for (const [key, target] of targetOf) {
      if (cells.has(key)) continue;
      const [owner = "", month = ""] = key.split("|");
      if (!people.has(owner) || (inScope && !inScope.has(owner))) continue;
      cells.set(key, {
        key: owner,
        name: people.get(owner) ?? "",
        month,
        actualMinor: 0,
        targetMinor: target,
        attainment: target > 0 ? 0 : null,
      });
    }
    // A large scope's heatmap keeps the people furthest behind: the lowest attainment over the six
    // months first (those with targets), then the least revenue; Attainment has everyone.
    const byPerson = new Map<string, { actual: number; target: number }>();
    for (const c of cells.values()) {
      const t = byPerson.get(c.key) ?? { actual: 0, target: 0 };
      byPerson.set(c.key, { actual: t.actual + c.actualMinor, target: t.target + (c.targetMinor ?? 0) });
    }
    heatmapPeople = byPerson.size;
    const rank = (x: { actual: number; target: number }) => (x.target > 0 ? x.actual / x.target : Infinity);
    const kept = new Set(
      [...byPerson.entries()]
        .sort((a, b) => rank(a[1]) - rank(b[1]) || a[1].actual - b[1].actual || a[0].localeCompare(b[0]))
        .slice(0, HEATMAP_PEOPLE)
        .map(([id]) => id),
    );
    heatmap = [...cells.values()].filter((c) => kept.has(c.key));
  }

  // This week's activity, the reader's own.
  const weekStart = addDays(today, -((isoWeekday(today) - settings.calendar.weekStartsOn + 7) % 7));
  const acts = await q
    .selectFrom("activities")
    .select(["type", (eb) => eb.fn.countAll<number>().as("n")])
    .where("org_id", "=", orgId)
    .where("owner_id", "=", me)
    .where("deleted_at", "is", null)
    .where("status", "=", "done")
    .where("occurred_at", ">=", weekStart)
    .where("occurred_at", "<", addDays(weekStart, 7))
    .groupBy("type")
    .execute();
  const count = (t?: string) =>
    acts.filter((a) => t === undefined || a.type === t).reduce((n, a) => n + Number(a.n), 0);

  // Deals to push: the reader's open deals closing this period, and those stalled 30 days.
  const stalledBefore = `${addDays(today, -30)}T00:00:00.000Z`;
  const push = await q
    .selectFrom("deals")
    .select(["id", "name", "amount_org_minor", "close_date", "stage_changed_at"])
    .where("org_id", "=", orgId)
    .where("owner_id", "=", me)
    .where("deleted_at", "is", null)
    .where("status", "=", "open")
    .where((eb) =>
      eb.or([
        eb.and([eb("close_date", ">=", periodStart), eb("close_date", "<=", periodEnd)]),
        eb("stage_changed_at", "<", stalledBefore),
      ]),
    )
    .orderBy("close_date")
    .limit(20)
    .execute();
  const dealsToPush = push.map((d) => ({
    id: d.id,
    name: d.name,
    amountOrgMinor: Number(d.amount_org_minor),
    closeDate: d.close_date,
    stageChangedAt: d.stage_changed_at,
    reason: (d.stage_changed_at < stalledBefore ? "stalled" : "closing") as "stalled" | "closing",
  }));

  // Portfolio: major accounts with this year's won revenue and the last and next client meeting.
  const portfolio: Dashboard["portfolio"] = [];
  if (majorAccounts.length > 0) {
    const ids = majorAccounts.map((a) => a.id);
    const nowIso = new Date().toISOString();
    const yearFrom = addMonths(periodStart, -9);
    const rev = await q
      .selectFrom("deals")
      .select(["account_id", (eb) => eb.fn.sum<number>("amount_org_minor").as("s")])
      .where("org_id", "=", orgId)
      .where("account_id", "in", ids)
      .where("deleted_at", "is", null)
      .where("status", "=", "won")
      .where("close_date", ">=", yearFrom)
      .groupBy("account_id")
      .execute();
    const meet = await q
      .selectFrom("activities")
      .select([
        "account_id",
        sql<
          string | null
        >`max(case when status = 'done' and occurred_at <= ${nowIso} then occurred_at end)`.as("last"),
        sql<
          string | null
        >`min(case when status = 'planned' and occurred_at > ${nowIso} then occurred_at end)`.as("next"),
      ])
      .where("org_id", "=", orgId)
      .where("account_id", "in", ids)
      .where("deleted_at", "is", null)
      .where("type", "=", "meeting")
      .groupBy("account_id")
      .execute();
    const revBy = new Map(rev.map((r) => [r.account_id, Number(r.s ?? 0)]));
    const meetBy = new Map(meet.map((m) => [m.account_id, m]));
    for (const a of majorAccounts)
      portfolio.push({
        accountId: a.id,
        name: a.name,
        tier: a.tier,
        revenueMinor: revBy.get(a.id) ?? 0,
        lastMeeting: meetBy.get(a.id)?.last ?? null,
        nextMeeting: meetBy.get(a.id)?.next ?? null,
      });
  }

  return {
    role,
    today,
    periodStart,
    periodEnd,
    currency: settings.currency,
    objectives,
    goals,
    funnel,
    leaderboard,
    heatmap,
    heatmapPeople,
    week: { weekStart, meetings: count("meeting"), calls: count("call"), activities: count() },
    dealsToPush,
    portfolio,
  };
}
