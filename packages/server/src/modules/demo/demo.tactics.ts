// The demo's tactical plans: a current-quarter plan under each strategic plan. The director splits
// next year's revenue over quarters and regions; each region splits its first quarter over months
// and reps (the new salesperson on a ramp); every plan has a funnel and actions — the personas'
// template tactics, weekly deal reviews, weekly call targets, and one rep booked beyond her week
// so the capacity check has something to say.
import {
  fiscalQuarterOf,
  occurrencesOf,
  type ActionRecurrence,
  ceilCount,
  RAMP_PRESETS,
  type FunnelPlanAssumptions,
  type SplitSettings,
} from "@oars/core";
import { newId } from "../../db/ids";
import type { Q } from "../../db/tx";
import "../plans/plans.schema";
import {
  loadActions,
  newActionRow,
  replaceAllocations,
  replaceDependencies,
  type ActionContent,
} from "../tactics/actions.repo";
import { funnelOfPlan } from "../tactics/funnel.service";
import { buildGrid } from "../tactics/grid-build";
import { orgSettings, type OrgSettings } from "../tactics/org-settings";
import { insertTemplateActions } from "../tactics/plan-content";
import { gridPeriods } from "../tactics/split-grid";
import { gridRows } from "../tactics/split-rows";
import { storeSplit } from "../tactics/splits.store";
import type { MilestonesTable, TacticalPlansTable } from "../tactics/tactics.schema";
import { DEMO_FUNNEL, REGION_SHARE } from "./demo.tactics-content";

interface Seed {
  q: Q;
  orgId: string;
  settings: OrgSettings;
  now: string;
  people: Map<string, string>;
}

const must = <T>(v: T | undefined, what: string): T => {
  if (v === undefined) throw new Error(`demo: missing ${what}`);
  return v;
};

async function tacticalPlan(
  s: Seed,
  plan: { id: string; title: string; owner_type: "person" | "team"; owner_id: string },
  funnel: FunnelPlanAssumptions,
  createdBy: string,
) {
  const quarter = fiscalQuarterOf(s.settings.calendar, s.settings.today);
  const row: TacticalPlansTable = {
    id: newId(),
    org_id: s.orgId,
    strategic_plan_id: plan.id,
    title: `${plan.title.split(":")[0]} · ${quarter.label}`,
    owner_type: plan.owner_type,
    owner_id: plan.owner_id,
    period_kind: "quarter",
    period_start: quarter.start,
    period_end: quarter.end,
    status: "active",
    funnel: JSON.stringify(funnel),
    copied_from_id: null,
    created_by: createdBy,
    version: 1,
    created_at: s.now,
    updated_at: s.now,
  };
  await s.q.insertInto("tactical_plans").values(row).execute();
  const objectives = await s.q
    .selectFrom("objectives")
    .select(["id", "metric_key", "target", "start_date", "due_date"])
    .where("plan_id", "=", plan.id)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  await s.q
    .insertInto("tactical_plan_objectives")
    .values(
      objectives.map((o) => ({ id: newId(), org_id: s.orgId, tactical_plan_id: row.id, objective_id: o.id })),
    )
    .execute();
  const revenue = must(
    objectives.find((o) => o.metric_key === "revenue_won"),
    `revenue objective of ${plan.title}`,
  );
  const winRate = objectives.find((o) => o.metric_key === "win_rate")?.id ?? null;
  return { row, revenue, winRate };
}

/** A split computed by the core exactly as the API would, stored as milestones. */
async function split(
  s: Seed,
  plan: TacticalPlansTable,
  objectiveId: string,
  total: number,
  parent: MilestonesTable | null,
  settings: SplitSettings & { start: string; end: string },
) {
  const periods = gridPeriods(s.settings.calendar, settings.start, settings.end, settings.grain);
  const rows = await gridRows(s.q, s.orgId, settings.rowKind, settings.rows, settings);
  const grid = buildGrid(
    { total, target: total, metricKind: "additive", settings, periods, rows, periodMethod: { kind: "even" } },
    undefined,
  );
  const { split: row } = await storeSplit(s.q, {
    plan,
    objectiveId,
    parent,
    settings,
    grid,
    handEdited: false,
  });
  return s.q
    .selectFrom("milestones")
    .selectAll()
    .where("split_id", "=", row.id)
    .orderBy("period_start")
    .execute();
}

const settingsOf = (
  over: Partial<SplitSettings> &
    Pick<SplitSettings, "rows" | "rowKind" | "grain"> & { start: string; end: string },
) => ({
  ownerMethod: { kind: "equal" as const },
  periodMethod: { kind: "even" as const },
  rampCurves: {},
  rampMode: "redistribute" as const,
  headroomPct: 0,
  ...over,
});

async function action(
  s: Seed,
  plan: TacticalPlansTable,
  a: Partial<ActionContent> & Pick<ActionContent, "title">,
  hours?: { personId: string; hoursPerWeek: number; budgetMinor?: number }[],
  dependsOn: string[] = [],
) {
  const content: ActionContent = {
    description: "",
    ownerId: null,
    startDate: plan.period_start,
    dueDate: plan.period_end,
    status: "todo",
    priority: "medium",
    objectiveId: null,
    initiativeId: null,
    milestoneId: null,
    accountId: null,
    dealId: null,
    recurrence: null,
    timeOfDay: null,
    durationMinutes: null,
    ...a,
  };
  const row = newActionRow(s.orgId, plan.id, content, s.now, content.ownerId);
  await s.q.insertInto("actions").values(row).execute();
  if (hours)
    await replaceAllocations(
      s.q,
      s.orgId,
      row.id,
      hours.map((h) => ({ note: "", budgetMinor: 0, ...h })),
    );
  if (dependsOn.length > 0) await replaceDependencies(s.q, s.orgId, row.id, dependsOn);
  return row.id;
}

const weekly = (plan: TacticalPlansTable, weekday: number) => ({
  frequency: "weekly" as const,
  interval: 1,
  weekdays: [weekday],
  until: plan.period_end,
  count: null,
});

export async function seedDemoTactics(q: Q, orgId: string, today: string): Promise<void> {
  const settings = await orgSettings(q, orgId, new Date(`${today}T12:00:00Z`));
  settings.today = today;
  const people = new Map(
    (await q.selectFrom("people").select(["id", "email"]).where("org_id", "=", orgId).execute()).map((p) => [
      p.email.split("@")[0] ?? "",
      p.id,
    ]),
  );
  const teams = new Map(
    (await q.selectFrom("teams").select(["id", "name"]).where("org_id", "=", orgId).execute()).map((t) => [
      t.name,
      t.id,
    ]),
  );
  const s: Seed = { q, orgId, settings, now: new Date().toISOString(), people };
  const person = (key: string) => must(people.get(key), key);
  const team = (name: string) => must(teams.get(name), name);
  const plans = await q.selectFrom("strategic_plans").selectAll().where("org_id", "=", orgId).execute();
  const planOf = (ownerId: string) =>
    must(
      plans.find((p) => p.owner_id === ownerId),
      `plan of ${ownerId}`,
    );

  // The director: next year's revenue over quarters and regions, in proportion to each region's plan.
  const dept = await tacticalPlan(
    s,
    planOf(team("Sales")),
    { ...DEMO_FUNNEL, revenueTargetMinor: 300_000_000 },
    person("dana"),
  );
  const deptTotal = Math.round(dept.revenue.target ?? 0);
  const regionRows = Object.keys(REGION_SHARE).map((name) => ({ id: team(name) }));
  const overrides = Object.fromEntries(
    Object.entries(REGION_SHARE).map(([name, share]) => [team(name), Math.round(deptTotal * share)]),
  );
  const deptMilestones = await split(
    s,
    dept.row,
    dept.revenue.id,
    deptTotal,
    null,
    settingsOf({
      grain: "quarter",
      rowKind: "team",
      rows: regionRows,
      start: dept.revenue.start_date,
      end: dept.revenue.due_date ?? dept.row.period_end,
      // Two overridden, the third takes the rest: the parts add up to the cent.
      ownerMethod: {
        kind: "manual",
        overrides: {
          [team("East")]: overrides[team("East")] ?? 0,
          [team("Central")]: overrides[team("Central")] ?? 0,
        },
        rebalanceBy: "equal",
      },
    }),
  );
  await insertTemplateActions(q, dept.row, "sales-director", person("dana"), person("dana"));

  // Each region: its first quarter of next year over months and reps; East's new salesperson ramps.
  const regions = [
    { team: "East", manager: "marcus", reps: ["nina", "omar", "lena"] },
    { team: "Central", manager: "priya", reps: ["jamal", "sofia", "kenji"] },
    { team: "West", manager: "tom", reps: ["alan", "grace", "diego"] },
  ];
  for (const r of regions) {
    const plan = planOf(team(r.team));
    const quarterShare = Math.round(REGION_SHARE[r.team as keyof typeof REGION_SHARE] * 300_000_000);
    const t = await tacticalPlan(
      s,
      plan,
      { ...DEMO_FUNNEL, revenueTargetMinor: quarterShare },
      person(r.manager),
    );
    const parent = must(
      deptMilestones.find((m) => m.owner_id === team(r.team)),
      `${r.team} milestone`,
    );
    await split(
      s,
      t.row,
      t.revenue.id,
      Math.round(parent.target),
      parent,
      settingsOf({
        grain: "month",
        rowKind: "person",
        rows: r.reps.map((id) => ({ id: person(id) })),
        start: parent.period_start,
        end: parent.period_end,
        rampCurves: r.team === "East" ? { [person("nina")]: [...RAMP_PRESETS.standard] } : {},
      }),
    );
    const manager = person(r.manager);
    const review = await action(
      s,
      t.row,
      {
        title: `${r.team} weekly deal review`,
        objectiveId: t.winRate,
        description: "Every open deal over USD 25,000, its next step and its close date.",
        ownerId: manager,
        recurrence: weekly(t.row, 1),
        timeOfDay: "09:00",
        durationMinutes: 60,
        dueDate: null,
      },
      [{ personId: manager, hoursPerWeek: 2 }],
    );
    await action(
      s,
      t.row,
      {
        title: `Ride along on a client meeting with each ${r.team} rep`,
        ownerId: manager,
        priority: "low",
      },
      [{ personId: manager, hoursPerWeek: 3 }],
      [review],
    );
    // The funnel's weekly call target lands in each rep's week.
    const { result } = await funnelOfPlan(q, t.row, settings);
    const calls = result.steps.find((x) => x.kind === "activity" && x.name === "calls");
    if (calls)
      for (const rep of r.reps)
        await action(s, t.row, {
          title: `${ceilCount(calls.perPersonPerWeek)} calls a week`,
          description: "From the team's funnel.",
          ownerId: person(rep),
          recurrence: weekly(t.row, 1),
          dueDate: null,
        });
  }
  // West books Grace beyond her 40 hours in one stretch: the capacity check and plan checks flag it.
  const west = must(
    await q
      .selectFrom("tactical_plans")
      .selectAll()
      .where("strategic_plan_id", "=", planOf(team("West")).id)
      .executeTakeFirst(),
    "West plan",
  );
  const fair = west.period_start < today ? today : west.period_start;
  await action(
    s,
    west,
    {
      title: "Prepare the trade fair stand",
      ownerId: person("grace"),
      startDate: fair,
      dueDate: addDaysSafe(fair, 13, west.period_end),
      priority: "high",
    },
    [{ personId: person("grace"), hoursPerWeek: 30, budgetMinor: 1_200_000 }],
  );
  await action(
    s,
    west,
    {
      title: "Map the northern territory",
      ownerId: person("grace"),
      startDate: fair,
      dueDate: addDaysSafe(fair, 20, west.period_end),
    },
    [{ personId: person("grace"), hoursPerWeek: 15 }],
  );

  // The new salesperson's and the account manager's own quarter: their persona's tactics.
  // Their funnels ask of them what their region's asks of each rep, so the targets agree.
  for (const [key, template, region] of [
    ["nina", "new-salesperson", "East"],
    ["alan", "account-manager", "West"],
  ] as const) {
    const perRep = Math.round((REGION_SHARE[region] * 300_000_000) / 3);
    // No activity ratios of their own: the weekly call target is the region's, the one their week shows.
    const t = await tacticalPlan(
      s,
      planOf(person(key)),
      { ...DEMO_FUNNEL, revenueTargetMinor: perRep, peopleCount: 1, activityRatios: [] },
      person(key),
    );
    await split(
      s,
      t.row,
      t.revenue.id,
      Math.round(t.revenue.target ?? 0),
      null,
      settingsOf({
        grain: "month",
        rowKind: "person",
        rows: [{ id: person(key) }],
        start: t.revenue.start_date,
        end: t.revenue.due_date ?? t.row.period_end,
        rampCurves: key === "nina" ? { [person("nina")]: [...RAMP_PRESETS.standard] } : {},
      }),
    );
    await insertTemplateActions(q, t.row, template, person(key), person(key));
  }
  await markPastWorkDone(s);
}

/** The quarter so far is done, all but the latest feedback request: "my week" shows one overdue item. */
async function markPastWorkDone(s: Seed): Promise<void> {
  const yesterday = addDaysSafe(s.settings.today, -1, s.settings.today);
  const records = await loadActions(s.q, s.orgId, {});
  for (const r of records) {
    if (r.row.recurrence && r.row.start_date) {
      const dates = occurrencesOf(JSON.parse(r.row.recurrence) as ActionRecurrence, r.row.start_date, {
        from: r.row.start_date,
        to: yesterday,
      });
      const keep = r.row.title.startsWith("Ask for feedback") ? dates.slice(0, -1) : dates;
      if (keep.length > 0)
        await s.q
          .insertInto("action_occurrences")
          .values(
            keep.map((date) => ({
              id: newId(),
              org_id: s.orgId,
              action_id: r.row.id,
              occurs_on: date,
              status: "done" as const,
              updated_by: r.row.owner_id,
              version: 1,
              created_at: s.now,
              updated_at: s.now,
            })),
          )
          .execute();
    } else if (r.row.due_date && r.row.due_date < s.settings.today) {
      await s.q.updateTable("actions").set({ status: "done" }).where("id", "=", r.row.id).execute();
    }
  }
}

function addDaysSafe(date: string, days: number, cap: string): string {
  const d = new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  return d < cap ? d : cap;
}
