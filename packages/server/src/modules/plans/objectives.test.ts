import type { Initiative, Objective, StrategyMap } from "@oars/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildWorld, type World } from "../../../test/factory";
import { testApp, type TestApp } from "../../../test/harness";
import { buildPlanWorld, created, personalPlan, type PlanWorld } from "../../../test/plans.fixtures";

let t: TestApp;
let w: World;
let p: PlanWorld;
beforeEach(async () => {
  t = await testApp();
  w = await buildWorld(t.app, t.db);
  p = await buildPlanWorld(w);
});
afterEach(async () => t.close());

type Err = { error: { code: string; field?: string; message: string } };

describe("objectives", () => {
  it("a member aligns their own objective under the department's, and sees it on the strategy map", async () => {
    const mine = await w.as.memberA.post(`/api/v1/plans/${p.memberAPlan.id}/objectives`, {
      title: "Win my share",
      metric: { key: "revenue_won" },
      target: 20_000_00,
      dueDate: "2026-12-31",
      ownerType: "person",
      ownerId: w.people.memberA.id,
      parentObjectiveId: p.deptObjective.id,
    });
    expect(mine.status).toBe(201);
    const objective = mine.json<Objective>();
    expect(objective).toMatchObject({ startDate: "2026-01-01", parentObjectiveId: p.deptObjective.id });
    const map = (await w.as.memberA.get("/api/v1/strategy-map")).json<StrategyMap>();
    expect(map.nodes.map((n) => [n.objective.title, n.objective.parentObjectiveId, n.plan.title])).toEqual([
      ["Grow revenue", null, "Department plan"],
      ["Win my share", p.deptObjective.id, "Mia's year"],
    ]);
    // Team B's member sees the department goal but not Mia's personal objective under it.
    const forB = (await w.as.memberB.get("/api/v1/strategy-map")).json<StrategyMap>();
    expect(forB.nodes.map((n) => n.objective.title)).toEqual(["Grow revenue"]);
    // A filter keeps the matches and the cascade around them.
    const byPlan = (
      await w.as.director.get(`/api/v1/strategy-map?planId=${p.memberAPlan.id}`)
    ).json<StrategyMap>();
    expect(byPlan.nodes.map((n) => [n.objective.title, n.matched])).toEqual([
      ["Grow revenue", false],
      ["Win my share", true],
    ]);
    const byPerspective = (
      await w.as.director.get("/api/v1/strategy-map?perspective=customer")
    ).json<StrategyMap>();
    expect(byPerspective.nodes).toEqual([]);
  });

  it("refuses circular alignment, naming parentObjectiveId, at write time", async () => {
    const a = await created(
      w.as.director.post(`/api/v1/plans/${p.deptPlan.id}/objectives`, {
        title: "A",
        parentObjectiveId: p.deptObjective.id,
      }),
    );
    const b = await created(
      w.as.director.post(`/api/v1/plans/${p.deptPlan.id}/objectives`, {
        title: "B",
        parentObjectiveId: a.id,
      }),
    );
    const loop = await w.as.director.patch(`/api/v1/objectives/${p.deptObjective.id}`, {
      version: 1,
      parentObjectiveId: b.id,
    });
    expect(loop.status).toBe(400);
    expect(loop.json<Err>().error.field).toBe("parentObjectiveId");
    expect(loop.json<Err>().error.message).toContain("“Grow revenue” → “B” → “A” → “Grow revenue”");
    const self = await w.as.director.patch(`/api/v1/objectives/${a.id}`, {
      version: 1,
      parentObjectiveId: a.id,
    });
    expect(self.json<Err>().error.field).toBe("parentObjectiveId");
    expect((await w.as.director.get(`/api/v1/objectives/${p.deptObjective.id}`)).json()).toMatchObject({
      parentObjectiveId: null,
      version: 1,
    });
  });

  it("refuses a parent the writer cannot see, as if it did not exist", async () => {
    const hidden = await created(
      w.as.memberB.post(`/api/v1/plans/${p.memberBPlan.id}/objectives`, { title: "Ben's goal" }),
    );
    const res = await w.as.memberA.post(`/api/v1/plans/${p.memberAPlan.id}/objectives`, {
      title: "Under Ben",
      parentObjectiveId: hidden.id,
    });
    expect(res.status).toBe(400);
    expect(res.json<Err>()).toMatchObject({
      error: {
        field: "parentObjectiveId",
        message: "parentObjectiveId: must be an objective of a plan you can see",
      },
    });
  });

  it("bad input gets a 400 naming the field: due before start, unknown metric, huge title, fractional money", async () => {
    const url = `/api/v1/plans/${p.deptPlan.id}/objectives`;
    const due = await w.as.director.post(url, { title: "x", startDate: "2026-06-01", dueDate: "2026-05-01" });
    expect([due.status, due.json<Err>().error.field]).toEqual([400, "dueDate"]);
    const merged = await w.as.director.patch(`/api/v1/objectives/${p.deptObjective.id}`, {
      version: 1,
      dueDate: "2025-12-31",
    });
    expect([merged.status, merged.json<Err>().error.field]).toEqual([400, "dueDate"]);
    const metric = await w.as.director.post(url, { title: "x", metric: { key: "revenue_lost" } });
    expect([metric.status, metric.json<Err>().error.field]).toEqual([400, "metric.key"]);
    const title = await w.as.director.post(url, { title: "x".repeat(10_000) });
    expect([title.status, title.json<Err>().error.field]).toEqual([400, "title"]);
    const cents = await w.as.director.patch(`/api/v1/objectives/${p.deptObjective.id}`, {
      version: 1,
      target: 10.5,
    });
    expect([cents.status, cents.json<Err>().error.field]).toEqual([400, "target"]);
    const owner = await w.as.director.post(url, {
      title: "x",
      ownerType: "person",
      ownerId: w.people.otherAdmin.id,
    });
    expect([owner.status, owner.json<Err>().error.field]).toEqual([400, "ownerId"]);
    const stale = await w.as.director.patch(`/api/v1/objectives/${p.deptObjective.id}`, {
      version: 7,
      title: "y",
    });
    expect(stale.status).toBe(409);
    const count = await t.db.k
      .selectFrom("objectives")
      .select("id")
      .where("plan_id", "=", p.deptPlan.id)
      .execute();
    expect(count).toHaveLength(1);
  });

  it("deletes an objective only when nothing is aligned under it", async () => {
    const mine = await personalPlan(w.as.managerA, w.people.managerA.id);
    const child = await created(
      w.as.managerA.post(`/api/v1/plans/${mine.id}/objectives`, {
        title: "Child",
        parentObjectiveId: p.deptObjective.id,
      }),
    );
    const refused = await w.as.director.delete(`/api/v1/objectives/${p.deptObjective.id}`);
    expect(refused.status).toBe(400);
    expect((await w.as.managerA.delete(`/api/v1/objectives/${child.id}`)).status).toBe(204);
    expect((await w.as.director.delete(`/api/v1/objectives/${p.deptObjective.id}`)).status).toBe(204);
    const initiative = (
      await w.as.director.get(`/api/v1/initiatives/${p.deptInitiative.id}`)
    ).json<Initiative>();
    expect(initiative.objectiveIds).toEqual([]);
  });
});

describe("initiatives", () => {
  it("serve objectives of their own plan only", async () => {
    const other = await created(
      w.as.memberA.post(`/api/v1/plans/${p.memberAPlan.id}/objectives`, { title: "Mine" }),
    );
    const res = await w.as.director.patch(`/api/v1/initiatives/${p.deptInitiative.id}`, {
      version: 1,
      objectiveIds: [p.deptObjective.id, other.id],
    });
    expect([res.status, res.json<Err>().error.field]).toEqual([400, "objectiveIds"]);
    const dates = await w.as.director.patch(`/api/v1/initiatives/${p.deptInitiative.id}`, {
      version: 1,
      startDate: "2026-05-01",
      endDate: "2026-04-01",
    });
    expect(dates.json<Err>().error.field).toBe("endDate");
    const ok = await w.as.director.patch(`/api/v1/initiatives/${p.deptInitiative.id}`, {
      version: 1,
      budgetMinor: 5_000_00,
      status: "in_progress",
      objectiveIds: [],
    });
    expect(ok.json<Initiative>()).toMatchObject({
      budgetMinor: 5_000_00,
      currency: "EUR",
      objectiveIds: [],
      version: 2,
    });
    const listed = (await w.as.memberA.get(`/api/v1/plans/${p.deptPlan.id}/initiatives`)).json<{
      items: Initiative[];
    }>();
    expect(listed.items.map((i) => i.title)).toEqual(["Sales training"]);
    expect((await w.as.memberA.delete(`/api/v1/initiatives/${p.deptInitiative.id}`)).status).toBe(403);
    expect((await w.as.director.delete(`/api/v1/initiatives/${p.deptInitiative.id}`)).status).toBe(204);
  });
});
