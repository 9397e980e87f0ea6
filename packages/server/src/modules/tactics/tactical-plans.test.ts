import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildWorld, type World } from "../../../test/factory";
import { testApp, type TestApp } from "../../../test/harness";
import { created } from "../../../test/plans.fixtures";
import { buildTacticsWorld, type TacticsWorld } from "../../../test/tactics.fixtures";

let t: TestApp;
let w: World;
let tw: TacticsWorld;
beforeEach(async () => {
  t = await testApp();
  w = await buildWorld(t.app, t.db);
  tw = await buildTacticsWorld(w);
});
afterEach(async () => t.close());

type Err = { error: { code: string; field?: string; message: string } };
type Plan = {
  id: string;
  title: string;
  periodStart: string;
  periodEnd: string;
  objectiveIds: string[];
  status: string;
  version: number;
  canEdit: boolean;
};
type ActionOut = {
  id: string;
  title: string;
  startDate: string | null;
  dueDate: string | null;
  status: string;
  dependsOn: string[];
  recurrence: { until: string | null } | null;
};

describe("tactical plans", () => {
  it("a quarter plan covers the fiscal quarter, serves the plan's objectives and is audited", async () => {
    const plan = (await w.as.managerA.get(`/api/v1/tactical-plans/${tw.teamATactical.id}`)).json<Plan>();
    expect(plan).toMatchObject({
      periodStart: "2026-01-01",
      periodEnd: "2026-03-31",
      title: "Team A plan · Q1 FY2026",
      objectiveIds: [tw.teamAObjective.id],
      status: "draft",
      canEdit: true,
    });
    const audit = await t.db.k.selectFrom("audit_log").selectAll().where("entity_id", "=", plan.id).execute();
    expect(audit.map((a) => a.action)).toEqual(["create"]);
    const month = (await w.as.memberA.get(`/api/v1/tactical-plans/${tw.memberATactical.id}`)).json<Plan>();
    expect([month.periodStart, month.periodEnd]).toEqual(["2026-01-01", "2026-01-31"]);
  });

  it("refuses an end before the start, naming the field", async () => {
    const res = await w.as.director.post("/api/v1/tactical-plans", {
      strategicPlanId: tw.deptPlan.id,
      periodKind: "custom",
      periodStart: "2026-06-01",
      periodEnd: "2026-05-31",
    });
    expect(res.status).toBe(400);
    expect(res.json<Err>().error.field).toBe("periodEnd");
    const other = await w.as.director.post("/api/v1/tactical-plans", {
      strategicPlanId: tw.deptPlan.id,
      objectiveIds: [tw.teamAObjective.id],
    });
    expect(other.json<Err>().error.field).toBe("objectiveIds[0]");
  });

  it("the next quarter starts from the last one: actions move to the new period, links kept", async () => {
    const base = `/api/v1/tactical-plans/${tw.teamATactical.id}/actions`;
    const first = tw.actionA;
    const second = await created(
      w.as.managerA.post(base, {
        title: "Weekly pipeline review",
        startDate: "2026-01-12",
        dependsOn: [first.id],
        recurrence: { frequency: "weekly", weekdays: [1] },
      }),
    );
    await w.as.managerA.patch(`/api/v1/actions/${first.id}`, { version: 1, status: "done" });
    const q2 = await created(
      w.as.managerA.post("/api/v1/tactical-plans", {
        strategicPlanId: tw.teamAPlan.id,
        periodStart: "2026-04-01",
        copyFromId: tw.teamATactical.id,
      }),
    );
    const actions = (await w.as.managerA.get(`/api/v1/tactical-plans/${q2.id}/actions`)).json<{
      items: ActionOut[];
    }>().items;
    expect(actions.map((a) => [a.title, a.startDate, a.dueDate, a.status])).toEqual([
      ["Call Contoso", "2026-04-06", "2026-04-10", "todo"],
      ["Weekly pipeline review", "2026-04-13", null, "todo"],
    ]);
    const review = actions.find((a) => a.title === "Weekly pipeline review");
    const call = actions.find((a) => a.title === "Call Contoso");
    expect(review?.dependsOn).toEqual([call?.id]);
    expect(review?.recurrence?.until).toBe("2026-06-30");
    expect(second.id).not.toBe(review?.id);
  });

  it("copied dates stay inside the new period when the periods are not whole weeks apart", async () => {
    const plan = (periodStart: string, periodEnd: string, copyFromId: string | null = null) =>
      created(
        w.as.managerA.post("/api/v1/tactical-plans", {
          strategicPlanId: tw.teamAPlan.id,
          periodKind: "custom",
          periodStart,
          periodEnd,
          copyFromId,
        }),
      );
    const january = await plan("2026-01-01", "2026-01-31");
    await created(
      w.as.managerA.post(`/api/v1/tactical-plans/${january.id}/actions`, {
        title: "Whole-month push",
        startDate: "2026-01-01",
        dueDate: "2026-01-31",
      }),
    );
    // 31 days apart, moved by four whole weeks: 1 January would land on 29 January, before February.
    const february = await plan("2026-02-01", "2026-02-28", january.id);
    const copied = (await w.as.managerA.get(`/api/v1/tactical-plans/${february.id}/actions`)).json<{
      items: ActionOut[];
    }>().items;
    expect(copied.map((a) => [a.title, a.startDate, a.dueDate])).toEqual([
      ["Whole-month push", "2026-02-01", "2026-02-28"],
    ]);
  });

  it("a plan from a persona template gains the article's tactics as actions", async () => {
    const plan = await created(
      w.as.memberA.post("/api/v1/plans", {
        title: "Mia's first year",
        ownerType: "person",
        ownerId: w.people.memberA.id,
        horizonStart: "2026-01-01",
        horizonEnd: "2026-12-31",
        templateKey: "new-salesperson",
      }),
    );
    const tactical = await created(
      w.as.memberA.post("/api/v1/tactical-plans", {
        strategicPlanId: plan.id,
        periodStart: "2026-01-01",
        withTemplateActions: true,
      }),
    );
    const actions = (await w.as.memberA.get(`/api/v1/tactical-plans/${tactical.id}/actions`)).json<{
      items: (ActionOut & {
        ownerId: string;
        recurrence: { frequency: string; weekdays: number[] } | null;
      })[];
    }>().items;
    const mentor = actions.find((a) => a.title === "Mentor check-in");
    expect(mentor).toMatchObject({
      ownerId: w.people.memberA.id,
      recurrence: { frequency: "weekly", weekdays: [3] },
    });
    expect(actions.length).toBeGreaterThanOrEqual(4);
    const again = await w.as.memberA.post(
      `/api/v1/tactical-plans/${tw.memberATactical.id}/template-actions`,
      {},
    );
    expect(again.status).toBe(400);
    expect(again.json<Err>().error.field).toBe("templateKey");
  });

  it("moves draft → active → closed; a closed plan keeps its content but can be reopened", async () => {
    const url = `/api/v1/tactical-plans/${tw.teamATactical.id}`;
    expect((await w.as.managerA.patch(url, { version: 1, status: "active" })).status).toBe(200);
    expect((await w.as.managerA.patch(url, { version: 2, status: "closed" })).json<Plan>()).toMatchObject({
      status: "closed",
      canEdit: false,
    });
    const blocked = await w.as.managerA.post(`${url}/actions`, { title: "Too late" });
    expect(blocked.status).toBe(403);
    const back = await w.as.managerA.patch(url, { version: 3, status: "draft" });
    expect(back.json<Err>().error.field).toBe("status");
    expect((await w.as.managerA.patch(url, { version: 3, status: "active" })).status).toBe(200);
    const stale = await w.as.managerA.patch(url, { version: 3, title: "Renamed" });
    expect(stale.status).toBe(409);
  });

  it("lists only what the reader may see", async () => {
    const list = async (who: keyof World["as"]) =>
      (await w.as[who].get("/api/v1/tactical-plans"))
        .json<{ items: Plan[] }>()
        .items.map((p) => p.id)
        .sort();
    expect(await list("memberB")).toEqual([tw.deptTactical.id]);
    expect(await list("managerA")).toEqual(
      [tw.deptTactical.id, tw.teamATactical.id, tw.memberATactical.id].sort(),
    );
    const byDate = (await w.as.admin.get("/api/v1/tactical-plans?date=2026-02-15")).json<{ items: Plan[] }>()
      .items;
    expect(byDate.map((p) => p.id).sort()).toEqual([tw.deptTactical.id, tw.teamATactical.id].sort());
    expect((await w.as.memberB.get(`/api/v1/tactical-plans/${tw.teamATactical.id}`)).status).toBe(404);
  });
});
