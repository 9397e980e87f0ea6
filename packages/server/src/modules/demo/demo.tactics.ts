// The demo's tactical plans: a current-quarter plan under each strategic plan. The director splits
// this year's revenue over quarters and regions; each region splits the current quarter over months
// and reps (the new salesperson on a ramp); every plan has a funnel and actions — the personas'
// template tactics, weekly deal reviews, weekly call targets, and one rep booked beyond her week
// so the capacity check has something to say.
import { ceilCount, RAMP_PRESETS } from "@oars/core";
import type { Q } from "../../db/tx";
import { funnelOfPlan } from "../tactics/funnel.service";
import { orgSettings } from "../tactics/org-settings";
import { insertTemplateActions } from "../tactics/plan-content";
import { DEMO_FUNNEL, REGION_SHARE } from "./demo.tactics-content";
import {
  action,
  addDaysSafe,
  markPastWorkDone,
  must,
  settingsOf,
  split,
  tacticalPlan,
  weekly,
  type Seed,
} from "./demo.tactics-helpers";

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

  // The director: this year's revenue over quarters and regions, in proportion to each region's plan.
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

  // Each region: the current quarter over months and reps; East's new salesperson ramps.
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
      deptMilestones.find(
        (m) => m.owner_id === team(r.team) && m.period_start <= today && today <= m.period_end,
      ),
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
    await action(
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
    // Next year's accounts first, then each rep's targets agreed on them: a finish-to-start pair.
    const mid = addDaysSafe(t.row.period_start, 45, t.row.period_end);
    const accounts = await action(
      s,
      t.row,
      {
        title: `List ${r.team}'s target accounts for next year`,
        ownerId: manager,
        dueDate: mid,
        priority: "high",
      },
      [{ personId: manager, hoursPerWeek: 4 }],
    );
    await action(
      s,
      t.row,
      {
        title: `Agree next year's targets with each ${r.team} rep`,
        ownerId: manager,
        startDate: addDaysSafe(mid, 1, t.row.period_end),
        objectiveId: t.winRate,
      },
      [{ personId: manager, hoursPerWeek: 3 }],
      [accounts],
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
