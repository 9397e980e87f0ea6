import type { Dashboard, DrillDeal, ObjectiveProgress } from "@oars/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildWorld, insertPerson, type Client, type World } from "../../../test/factory";
import { testApp, type TestApp } from "../../../test/harness";
import { ensureStages } from "../crm/stages.service";
import { HEATMAP_PEOPLE } from "./dashboard.service";
import { computeMetric } from "./metrics";

let t: TestApp;
let w: World;
beforeEach(async () => {
  t = await testApp();
  w = await buildWorld(t.app, t.db);
});
afterEach(async () => t.close());

async function ok<T>(p: Promise<{ status: number; body: unknown; json<X>(): X }>, status = 200): Promise<T> {
  const r = await p;
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  return r.json<T>();
}

async function plan(as: Client, ownerType: "team" | "person", ownerId: string) {
  return ok<{ id: string }>(
    as.post("/api/v1/plans", {
      title: `Plan of ${ownerId}`,
      ownerType,
      ownerId,
      horizonStart: "2026-01-01",
      horizonEnd: "2027-12-31",
    }),
    201,
  );
}

async function revenueObjective(
  as: Client,
  planId: string,
  owner: { type: "team" | "person"; id: string },
  target: number,
  window: { start: string; end: string },
  parentObjectiveId?: string,
) {
  return ok<{ id: string }>(
    as.post(`/api/v1/plans/${planId}/objectives`, {
      title: `Revenue of ${owner.id}`,
      metric: { key: "revenue_won" },
      target,
      unit: "EUR",
      startDate: window.start,
      dueDate: window.end,
      ownerType: owner.type,
      ownerId: owner.id,
      ...(parentObjectiveId ? { parentObjectiveId } : {}),
    }),
    201,
  );
}

const progress = (as: Client, id: string) =>
  ok<ObjectiveProgress>(as.get(`/api/v1/objectives/${id}/progress`));

/** The department → team A → Mia cascade over the current quarter. */
async function cascade() {
  const dash = await ok<Dashboard>(w.as.admin.get("/api/v1/dashboard"));
  const window = { start: dash.periodStart, end: dash.periodEnd };
  const deptPlan = await plan(w.as.director, "team", w.teams.dept);
  const dept = await revenueObjective(
    w.as.director,
    deptPlan.id,
    { type: "team", id: w.teams.dept },
    1_000_000_00,
    window,
  );
  const teamPlan = await plan(w.as.managerA, "team", w.teams.a);
  const team = await revenueObjective(
    w.as.managerA,
    teamPlan.id,
    { type: "team", id: w.teams.a },
    300_000_00,
    window,
    dept.id,
  );
  const miaPlan = await plan(w.as.memberA, "person", w.people.memberA.id);
  const mia = await revenueObjective(
    w.as.memberA,
    miaPlan.id,
    { type: "person", id: w.people.memberA.id },
    100_000_00,
    window,
    team.id,
  );
  return { today: dash.today, window, dept, team, mia };
}

async function wonDeal(as: Client, name: string, amountMinor: number, closeDate: string, ownerId?: string) {
  const stages = await ensureStages(t.db.k, w.orgId);
  const won = stages.find((s) => s.kind === "won");
  return ok<{ id: string; teamId: string | null }>(
    as.post("/api/v1/deals", {
      name,
      amountMinor,
      stageId: won?.id,
      closeDate,
      createdDate: closeDate,
      ...(ownerId ? { ownerId } : {}),
    }),
    201,
  );
}

describe("live progress", () => {
  it("a large scope's heatmap keeps the people with the least won, and says how many there are", async () => {
    const today = (await ok<Dashboard>(w.as.admin.get("/api/v1/dashboard"))).today;
    const stages = await ensureStages(t.db.k, w.orgId);
    const won = stages.find((s) => s.kind === "won");
    const people = [];
    for (let i = 0; i < HEATMAP_PEOPLE + 5; i++)
      people.push(await insertPerson(t.db, w.orgId, { name: `Rep ${i}`, role: "member", teamId: w.teams.b }));
    const create = people.map((p, i) => ({
      name: `Won ${i}`,
      amountMinor: (i + 1) * 1_000_00,
      stageId: won?.id,
      closeDate: today,
      createdDate: today,
      ownerId: p.id,
    }));
    await ok(w.as.admin.post("/api/v1/deals/bulk", { create }));
    const dash = await ok<Dashboard>(w.as.admin.get("/api/v1/dashboard"));
    const shown = new Set(dash.heatmap.map((c) => c.key));
    expect(dash.heatmapPeople).toBe(HEATMAP_PEOPLE + 5);
    expect(shown.size).toBe(HEATMAP_PEOPLE);
    // Without targets, the least revenue first: the five who won most are left out.
    for (const p of people.slice(0, HEATMAP_PEOPLE)) expect(shown.has(p.id)).toBe(true);
    for (const p of people.slice(HEATMAP_PEOPLE)) expect(shown.has(p.id)).toBe(false);
    // Another team's manager: a scope of one person who won, shown whole.
    await wonDeal(w.as.memberA, "Mia's", 5_000_00, today);
    const manager = await ok<Dashboard>(w.as.managerA.get("/api/v1/dashboard"));
    expect(manager.heatmapPeople).toBe(1);
    expect([...new Set(manager.heatmap.map((c) => c.key))]).toEqual([w.people.memberA.id]);
  });

  it("a won deal moves the rep's, the team's and the department's objective at once; the reason names the gap", async () => {
    const c = await cascade();
    for (const id of [c.mia.id, c.team.id, c.dept.id])
      expect((await progress(w.as.memberA, id)).actual).toBe(0);

    await wonDeal(w.as.memberA, "Acme renewal", 40_000_00, c.today);

    const [mia, team, dept] = [
      await progress(w.as.memberA, c.mia.id),
      await progress(w.as.memberA, c.team.id),
      await progress(w.as.director, c.dept.id),
    ];
    expect([mia.actual, team.actual, dept.actual]).toEqual([40_000_00, 40_000_00, 40_000_00]);
    expect(mia.attainment).toBeCloseTo(0.4);
    expect(team.attainment).toBeCloseTo(40_000_00 / 300_000_00);
    // The department is far behind: the reason says how much more is needed and by when.
    expect(dept.status).not.toBe("on_track");
    expect(dept.reason).toMatch(/needs EUR [\d,.]+ more by \d{4}-\d{2}-\d{2}|expected by now/);
    expect(dept.expected).toBeGreaterThan(0);
    expect(dept.burnup.at(-1)?.target).toBe(1_000_000_00);
    // The parent's actual is its own scope's, with each aligned child's contribution beside it.
    expect(dept.children).toEqual([
      expect.objectContaining({ objectiveId: c.team.id, actual: 40_000_00, share: 1 }),
    ]);

    // A deal of team B counts for the department but not for team A or Mia.
    await wonDeal(w.as.memberB, "Globex", 10_000_00, c.today);
    expect((await progress(w.as.director, c.dept.id)).actual).toBe(50_000_00);
    expect((await progress(w.as.memberA, c.team.id)).actual).toBe(40_000_00);
    expect((await progress(w.as.memberA, c.mia.id)).actual).toBe(40_000_00);

    const planned = await ok<{ items: ObjectiveProgress[] }>(
      w.as.managerA.get(
        `/api/v1/plans/${(await ok<{ planId: string }>(w.as.managerA.get(`/api/v1/objectives/${c.team.id}`))).planId}/progress`,
      ),
    );
    expect(planned.items.map((i) => i.actual)).toEqual([40_000_00]);
  });

  it("a member sees the department's figure but drills down only to their own team's deals", async () => {
    const c = await cascade();
    const a = await wonDeal(w.as.memberA, "Team A deal", 30_000_00, c.today);
    const b = await wonDeal(w.as.memberB, "Team B deal", 20_000_00, c.today);

    const seenByA = await progress(w.as.memberA, c.dept.id);
    expect(seenByA.actual).toBe(50_000_00);
    const drillA = await ok<{ items: DrillDeal[] }>(
      w.as.memberA.get(`/api/v1/objectives/${c.dept.id}/progress/deals`),
    );
    expect(drillA.items.map((d) => d.id)).toEqual([a.id]);
    const drillB = await ok<{ items: DrillDeal[] }>(
      w.as.memberB.get(`/api/v1/objectives/${c.dept.id}/progress/deals`),
    );
    expect(drillB.items.map((d) => d.id)).toEqual([b.id]);
    const drillDirector = await ok<{ items: DrillDeal[] }>(
      w.as.director.get(`/api/v1/objectives/${c.dept.id}/progress/deals`),
    );
    expect(new Set(drillDirector.items.map((d) => d.id))).toEqual(new Set([a.id, b.id]));
    // Team B's member cannot read team A's plan at all.
    expect((await w.as.memberB.get(`/api/v1/objectives/${c.team.id}/progress`)).status).toBe(404);
    expect((await w.as.memberB.get(`/api/v1/objectives/${c.team.id}/progress/deals`)).status).toBe(404);
    // The dashboard's leaderboard and funnel stay inside a rep's own records.
    const repDash = await ok<Dashboard>(w.as.memberB.get("/api/v1/dashboard"));
    expect(repDash.role).toBe("rep");
    expect(repDash.leaderboard).toEqual([]);
    expect(repDash.funnel.reduce((n, s) => n + s.amountMinor, 0)).toBe(20_000_00);
    const dirDash = await ok<Dashboard>(w.as.director.get("/api/v1/dashboard"));
    expect(dirDash.role).toBe("director");
    expect(dirDash.leaderboard.map((l) => l.revenueMinor)).toEqual([30_000_00, 20_000_00]);
  });

  it("alerts tell the owner once when a goal crosses 50% of target", async () => {
    const c = await cascade();
    expect(await ok(w.as.admin.post("/api/v1/progress/alerts/run"))).toMatchObject({ sent: 0 });
    await wonDeal(w.as.memberA, "Big win", 60_000_00, c.today);
    await ok(w.as.admin.post("/api/v1/progress/alerts/run"));
    const list = await ok<{ items: { kind: string; title: string; link: string }[] }>(
      w.as.memberA.get("/api/v1/notifications"),
    );
    const progressNotes = list.items.filter((n) => n.kind === "progress");
    expect(progressNotes.map((n) => n.title)).toContain(
      `Revenue of ${w.people.memberA.id} reached 50% of its target`,
    );
    expect(progressNotes[0]?.link).toMatch(/^\/objectives\/.+\/progress$/);
    // A second run with nothing new sends nothing.
    expect(await ok(w.as.admin.post("/api/v1/progress/alerts/run"))).toMatchObject({ sent: 0 });
  });

  it("manual objectives take check-ins with history; the latest is the actual", async () => {
    const miaPlan = await plan(w.as.memberA, "person", w.people.memberA.id);
    const o = await ok<{ id: string }>(
      w.as.memberA.post(`/api/v1/plans/${miaPlan.id}/objectives`, {
        title: "Training modules",
        metric: { key: "manual", unit: "modules" },
        target: 10,
        startDate: "2026-01-01",
        dueDate: "2027-12-31",
        ownerType: "person",
        ownerId: w.people.memberA.id,
      }),
      201,
    );
    await ok(w.as.memberA.post(`/api/v1/objectives/${o.id}/checkins`, { value: 2, date: "2026-02-01" }), 201);
    await ok(
      w.as.memberA.post(`/api/v1/objectives/${o.id}/checkins`, {
        value: 5,
        confidence: 0.8,
        note: "on it",
        date: "2026-03-01",
      }),
      201,
    );
    const list = await ok<{ items: { value: number }[] }>(
      w.as.director.get(`/api/v1/objectives/${o.id}/checkins`),
    );
    expect(list.items.map((i) => i.value)).toEqual([5, 2]);
    expect((await progress(w.as.memberA, o.id)).actual).toBe(5);
    expect((await w.as.memberA2.post(`/api/v1/objectives/${o.id}/checkins`, { value: 9 })).status).toBe(403);
  });
});

// A small CRM export: owner, stage, amount (EUR), created, closed. Expected figures come from the
// plain pass below, which uses nothing of Oars.
const CSV = `owner,stage,amount,created,closed
memberA,Closed won,12000.00,2026-01-05,2026-02-10
memberA,Closed won,8000.50,2026-02-01,2026-03-31
memberA,Closed lost,5000.00,2026-01-10,2026-03-01
memberA,Closed won,15000.00,2026-03-15,2026-04-02
memberA,Proposal,22000.00,2026-05-01,2027-01-20
memberA,Negotiation,9000.00,2026-06-01,2027-02-15
memberA2,Closed won,4000.00,2026-01-20,2026-01-30
memberA2,Closed lost,7000.00,2026-02-11,2026-05-05
memberA2,Closed lost,3000.00,2026-04-01,2026-06-30
memberA2,Closed won,11000.00,2026-05-05,2026-07-01
memberA2,Prospecting,2500.00,2026-07-01,2027-03-01
memberB,Closed won,30000.00,2026-02-02,2026-06-15
memberB,Closed won,1250.25,2026-07-07,2026-08-08
memberB,Closed lost,6000.00,2026-03-03,2026-09-09
memberB,Closed won,9999.99,2026-08-01,2026-09-30
memberB,Proposal,13000.00,2026-09-01,2027-01-31
memberB,Qualification,4000.00,2026-09-15,2027-02-28
managerA,Closed won,20000.00,2026-04-04,2026-05-20
managerA,Closed lost,2000.00,2026-05-05,2026-06-06
managerA,Needs analysis,6500.00,2026-08-08,2027-01-10`;

interface Row {
  owner: string;
  stage: string;
  cents: number;
  created: string;
  closed: string;
}
function parse(csv: string): Row[] {
  return csv
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => {
      const [owner = "", stage = "", amount = "0", created = "", closed = ""] = line.split(",");
      const [whole = "0", frac = "0"] = amount.split(".");
      return { owner, stage, cents: Number(whole) * 100 + Number(frac.padEnd(2, "0")), created, closed };
    });
}
const quarterOf = (d: string) => `${d.slice(0, 4)}-Q${Math.floor((Number(d.slice(5, 7)) - 1) / 3) + 1}`;
const QUARTERS: Record<string, { from: string; to: string }> = {
  "2026-Q1": { from: "2026-01-01", to: "2026-03-31" },
  "2026-Q2": { from: "2026-04-01", to: "2026-06-30" },
  "2026-Q3": { from: "2026-07-01", to: "2026-09-30" },
};

describe("correctness against an independent pass over a CSV export", () => {
  it("revenue per person and quarter, win rate per team, open pipeline per stage", async () => {
    const rows = parse(CSV);
    const stages = await ensureStages(t.db.k, w.orgId);
    const people = {
      memberA: w.people.memberA,
      memberA2: w.people.memberA2,
      memberB: w.people.memberB,
      managerA: w.people.managerA,
    };
    for (const [i, r] of rows.entries()) {
      const stage = stages.find((s) => s.name === r.stage);
      await ok(
        w.as.admin.post("/api/v1/deals", {
          name: `Deal ${i}`,
          ownerId: people[r.owner as keyof typeof people].id,
          amountMinor: r.cents,
          stageId: stage?.id,
          createdDate: r.created,
          closeDate: r.closed,
          ...(stage?.kind === "lost" ? { lostReason: "Price" } : {}),
        }),
        201,
      );
    }

    // Independent figures.
    const revenue = new Map<string, number>();
    for (const r of rows.filter((x) => x.stage === "Closed won")) {
      const k = `${r.owner}|${quarterOf(r.closed)}`;
      revenue.set(k, (revenue.get(k) ?? 0) + r.cents);
    }
    const teamOf = (o: string) => (o === "memberB" ? "b" : "a");
    const closed = { a: { won: 0, lost: 0 }, b: { won: 0, lost: 0 } };
    for (const r of rows) {
      if (r.stage === "Closed won") closed[teamOf(r.owner)].won++;
      if (r.stage === "Closed lost") closed[teamOf(r.owner)].lost++;
    }
    const openByStage = new Map<string, number>();
    for (const r of rows.filter((x) => !x.stage.startsWith("Closed")))
      openByStage.set(r.stage, (openByStage.get(r.stage) ?? 0) + r.cents);

    // Oars' figures.
    for (const [owner, person] of Object.entries(people))
      for (const [quarter, window] of Object.entries(QUARTERS)) {
        const v = await computeMetric(t.db.k, t.db.engine, {
          orgId: w.orgId,
          key: "revenue_won",
          scope: { ownerIds: [person.id] },
          window,
        });
        expect(v, `${owner} ${quarter}`).toBe(revenue.get(`${owner}|${quarter}`) ?? 0);
      }
    for (const team of ["a", "b"] as const) {
      const v = await computeMetric(t.db.k, t.db.engine, {
        orgId: w.orgId,
        key: "win_rate",
        scope: { teamIds: [w.teams[team]] },
        window: { from: "2026-01-01", to: "2026-12-31" },
      });
      expect(v).toBeCloseTo((closed[team].won / (closed[team].won + closed[team].lost)) * 100, 10);
    }
    const dash = await ok<Dashboard>(w.as.admin.get("/api/v1/dashboard"));
    for (const s of dash.funnel.filter((f) => f.kind === "open"))
      expect(s.amountMinor, s.name).toBe(openByStage.get(s.name) ?? 0);
  });
});
