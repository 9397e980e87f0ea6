// Milestones know their progress: each is its objective's metric over the milestone's own owner and
// period, a won deal moves it at once, the dashboard shows the reader's milestones holding today as
// this period's goals, and the records behind a milestone stop at the reader's scope.
import type { Dashboard, DrillDeal, MilestoneProgress, TacticalProgress } from "@oars/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildWorld, type Client, type World } from "../../../test/factory";
import { testApp, type TestApp } from "../../../test/harness";
import { ensureStages } from "../crm/stages.service";

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

async function wonDeal(as: Client, name: string, amountMinor: number, closeDate: string) {
  const stages = await ensureStages(t.db.k, w.orgId);
  const won = stages.find((s) => s.kind === "won");
  return ok<{ id: string }>(
    as.post("/api/v1/deals", { name, amountMinor, stageId: won?.id, closeDate, createdDate: closeDate }),
    201,
  );
}

/** Team A's revenue objective for the current quarter, split over Mia and her teammate by month. */
async function splitQuarter() {
  const dash = await ok<Dashboard>(w.as.managerA.get("/api/v1/dashboard"));
  const plan = await ok<{ id: string }>(
    w.as.managerA.post("/api/v1/plans", {
      title: "Team A",
      ownerType: "team",
      ownerId: w.teams.a,
      horizonStart: dash.periodStart,
      horizonEnd: dash.periodEnd,
    }),
    201,
  );
  const objective = await ok<{ id: string }>(
    w.as.managerA.post(`/api/v1/plans/${plan.id}/objectives`, {
      title: "Team A revenue this quarter",
      metric: { key: "revenue_won" },
      target: 90_000_00,
      unit: "EUR",
      startDate: dash.periodStart,
      dueDate: dash.periodEnd,
      ownerType: "team",
      ownerId: w.teams.a,
    }),
    201,
  );
  const tactical = await ok<{ id: string }>(
    w.as.managerA.post("/api/v1/tactical-plans", { strategicPlanId: plan.id }),
    201,
  );
  await ok(
    w.as.managerA.request("PUT", `/api/v1/tactical-plans/${tactical.id}/splits`, {
      objectiveId: objective.id,
      settings: {
        grain: "month",
        rows: [{ id: w.people.memberA.id }, { id: w.people.memberA2.id }],
      },
    }),
  );
  return { today: dash.today, tactical, objective };
}

describe("milestone progress", () => {
  it("a won deal moves its owner's milestone for the month, and only hers", async () => {
    const s = await splitQuarter();
    const before = await ok<TacticalProgress>(
      w.as.managerA.get(`/api/v1/tactical-plans/${s.tactical.id}/progress`),
    );
    // Two people × three months, each its own figure: the parts add up to the objective's target.
    expect(before.items).toHaveLength(6);
    expect(before.items.reduce((n, m) => n + (m.target ?? 0), 0)).toBe(90_000_00);
    expect(before.items.every((m) => m.actual === 0 && m.computed)).toBe(true);

    await wonDeal(w.as.memberA, "Acme renewal", 12_000_00, s.today);

    const after = await ok<TacticalProgress>(
      w.as.memberA.get(`/api/v1/tactical-plans/${s.tactical.id}/progress`),
    );
    const holding = (m: MilestoneProgress) => m.periodStart <= s.today && s.today <= m.periodEnd;
    const mia = after.items.find((m) => m.ownerId === w.people.memberA.id && holding(m));
    const teammate = after.items.find((m) => m.ownerId === w.people.memberA2.id && holding(m));
    expect(mia?.actual).toBe(12_000_00);
    expect(mia?.attainment).toBeCloseTo(12_000_00 / (mia?.target ?? 1));
    expect(mia?.ownerName).toBe("Mia Member");
    expect(teammate?.actual).toBe(0);
    // Other months of Mia's are untouched by a deal closed today.
    expect(
      after.items.filter((m) => m.ownerId === w.people.memberA.id && !holding(m)).map((m) => m.actual),
    ).toEqual([0, 0]);

    // One milestone by itself, and the deals behind it.
    const one = await ok<MilestoneProgress>(
      w.as.memberA.get(`/api/v1/milestones/${mia?.milestoneId}/progress`),
    );
    expect(one.actual).toBe(12_000_00);
    const deals = await ok<{ items: DrillDeal[] }>(
      w.as.memberA.get(`/api/v1/milestones/${mia?.milestoneId}/progress/deals`),
    );
    expect(deals.items.map((d) => d.name)).toEqual(["Acme renewal"]);

    // The dashboard: Mia's goal this period is her milestone holding today; her manager sees it too.
    const dash = await ok<Dashboard>(w.as.memberA.get("/api/v1/dashboard"));
    expect(dash.goals.map((g) => [g.milestoneId, g.actual])).toEqual([[mia?.milestoneId, 12_000_00]]);
    const manager = await ok<Dashboard>(w.as.managerA.get("/api/v1/dashboard"));
    expect(manager.goals.map((g) => g.ownerId).sort()).toEqual(
      [w.people.memberA.id, w.people.memberA2.id].sort(),
    );
    // The heatmap puts the month's attainment against the month's milestone.
    const cell = manager.heatmap.find(
      (c) => c.key === w.people.memberA.id && c.month === s.today.slice(0, 7),
    );
    expect(cell?.targetMinor).toBe(mia?.target);
    expect(cell?.attainment).toBeCloseTo(12_000_00 / (mia?.target ?? 1));
  });

  it("another team's member and another organisation get 404", async () => {
    const s = await splitQuarter();
    const items = (
      await ok<TacticalProgress>(w.as.managerA.get(`/api/v1/tactical-plans/${s.tactical.id}/progress`))
    ).items;
    const id = items[0]?.milestoneId;
    for (const as of [w.as.memberB, w.as.otherAdmin]) {
      expect((await as.get(`/api/v1/milestones/${id}/progress`)).status).toBe(404);
      expect((await as.get(`/api/v1/milestones/${id}/progress/deals`)).status).toBe(404);
      expect((await as.get(`/api/v1/tactical-plans/${s.tactical.id}/progress`)).status).toBe(404);
    }
    expect((await w.as.memberA.get("/api/v1/milestones/not-an-id/progress")).status).toBe(404);
  });
});
