import type { StrategicPlan } from "@oars/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildWorld, type World } from "../../../test/factory";
import { testApp, type TestApp } from "../../../test/harness";
import { buildPlanWorld, created, type PlanWorld } from "../../../test/plans.fixtures";

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
type Page = { items: StrategicPlan[]; next: string | null };

describe("strategic plans", () => {
  it("a blank plan defaults to two fiscal years from the current one, as a draft", async () => {
    const res = await w.as.managerA.post("/api/v1/plans", {
      title: "Team A plan",
      ownerType: "team",
      ownerId: w.teams.a,
    });
    expect(res.status).toBe(201);
    const plan = res.json<StrategicPlan>();
    const year = Number(plan.horizonStart.slice(0, 4));
    expect(plan).toMatchObject({
      status: "draft",
      horizonStart: `${year}-01-01`,
      horizonEnd: `${year + 1}-12-31`,
      templateKey: null,
      baselineAt: null,
      canEdit: true,
      version: 1,
    });
    const audit = await t.db.k.selectFrom("audit_log").selectAll().where("entity_id", "=", plan.id).execute();
    expect(audit.map((a) => a.action)).toEqual(["create"]);
  });

  it("a member reads the director's plan but may not edit it, and gets 404 for another team's personal plan", async () => {
    const read = await w.as.memberA.get(`/api/v1/plans/${p.deptPlan.id}`);
    expect(read.status).toBe(200);
    expect(read.json<StrategicPlan>().canEdit).toBe(false);
    const edit = await w.as.memberA.patch(`/api/v1/plans/${p.deptPlan.id}`, {
      version: 1,
      title: "Mine now",
    });
    expect(edit.status).toBe(403);
    const addObjective = await w.as.memberA.post(`/api/v1/plans/${p.deptPlan.id}/objectives`, { title: "x" });
    expect(addObjective.status).toBe(403);
    expect((await w.as.memberA.get(`/api/v1/plans/${p.memberBPlan.id}`)).status).toBe(404);
    expect(
      (await w.as.memberA.patch(`/api/v1/plans/${p.memberBPlan.id}`, { version: 1, title: "x" })).status,
    ).toBe(404);
    expect((await w.as.memberA.get(`/api/v1/plans/${p.memberBPlan.id}/objectives`)).status).toBe(404);
    // A teammate's personal plan is the member's team's: readable, not writable.
    const mates = await w.as.memberA2.get(`/api/v1/plans/${p.memberAPlan.id}`);
    expect(mates.json<StrategicPlan>().canEdit).toBe(false);
  });

  it("lists only what the reader may see, with owner, status and horizon filters", async () => {
    const titles = async (as: keyof World["as"], query = "") =>
      (await w.as[as].get(`/api/v1/plans${query}`))
        .json<Page>()
        .items.map((x) => x.title)
        .sort();
    expect(await titles("memberA")).toEqual(["Department plan", "Mia's year"]);
    expect(await titles("memberB")).toEqual(["Ben's year", "Department plan"]);
    expect(await titles("director")).toEqual(["Ben's year", "Department plan", "Mia's year"]);
    expect(await titles("managerA")).toEqual(["Department plan", "Mia's year"]);
    expect(await titles("otherAdmin")).toEqual([]);
    expect(await titles("admin", `?ownerType=person&ownerId=${w.people.memberB.id}`)).toEqual(["Ben's year"]);
    expect(await titles("admin", "?status=active")).toEqual([]);
    expect(await titles("admin", "?from=2027-01-01")).toEqual(["Department plan"]);
    expect(await titles("admin", "?to=2025-12-31")).toEqual([]);
  });

  it("a stale edit gets 409 and changes nothing", async () => {
    const first = await w.as.director.patch(`/api/v1/plans/${p.deptPlan.id}`, {
      version: 1,
      title: "Renamed",
    });
    expect(first.status).toBe(200);
    const stale = await w.as.director.patch(`/api/v1/plans/${p.deptPlan.id}`, { version: 1, title: "Other" });
    expect(stale.status).toBe(409);
    expect(stale.json<Err>().error.code).toBe("conflict");
    expect((await w.as.director.get(`/api/v1/plans/${p.deptPlan.id}`)).json()).toMatchObject({
      title: "Renamed",
      version: 2,
    });
  });

  it("bad input gets a 400 naming the field", async () => {
    const base = { ownerType: "team", ownerId: w.teams.dept };
    const long = await w.as.director.post("/api/v1/plans", { ...base, title: "x".repeat(10_000) });
    expect(long.status).toBe(400);
    expect(long.json<Err>().error.field).toBe("title");
    const backwards = await w.as.director.post("/api/v1/plans", {
      ...base,
      title: "Backwards",
      horizonStart: "2027-01-01",
      horizonEnd: "2026-01-01",
    });
    expect(backwards.json<Err>().error.field).toBe("horizonEnd");
    const merged = await w.as.director.patch(`/api/v1/plans/${p.deptPlan.id}`, {
      version: 1,
      horizonEnd: "2025-06-30",
    });
    expect(merged.json<Err>().error.field).toBe("horizonEnd");
    const owner = await w.as.admin.post("/api/v1/plans", {
      ...base,
      ownerId: w.teams.otherRoot,
      title: "Thief",
    });
    expect(owner.json<Err>().error.field).toBe("ownerId");
    const template = await w.as.director.post("/api/v1/plans", {
      ...base,
      title: "T",
      templateKey: "no-such",
    });
    expect(template.json<Err>().error.field).toBe("templateKey");
    const input = await w.as.director.post("/api/v1/plans", {
      ...base,
      title: "T",
      templateKey: "sales-director",
      templateInputs: { currentWinRate: 140 },
    });
    expect(input.status).toBe(400);
    expect(input.json<Err>().error.field).toBe("templateInputs.currentWinRate");
  });

  it("a member plans only for themself; a manager for their team and its people", async () => {
    const mine = await w.as.memberA.post("/api/v1/plans", {
      title: "Me",
      ownerType: "person",
      ownerId: w.people.memberA.id,
    });
    expect(mine.status).toBe(201);
    const teamPlan = await w.as.memberA.post("/api/v1/plans", {
      title: "A",
      ownerType: "team",
      ownerId: w.teams.a,
    });
    expect(teamPlan.status).toBe(403);
    const forMate = await w.as.managerA.post("/api/v1/plans", {
      title: "Mo",
      ownerType: "person",
      ownerId: w.people.memberA2.id,
    });
    expect(forMate.status).toBe(201);
    const forB = await w.as.managerA.post("/api/v1/plans", {
      title: "B",
      ownerType: "team",
      ownerId: w.teams.b,
    });
    expect(forB.status).toBe(403);
    const viewer = await w.as.viewer.post("/api/v1/plans", {
      title: "V",
      ownerType: "person",
      ownerId: w.people.viewer.id,
    });
    expect(viewer.status).toBe(403);
  });

  it("moves draft → active → closed → archived only forward, recording the baseline on activation", async () => {
    const activated = await w.as.director.patch(`/api/v1/plans/${p.deptPlan.id}`, {
      version: 1,
      status: "active",
    });
    expect(activated.json<StrategicPlan>().baselineAt).not.toBeNull();
    const back = await w.as.director.patch(`/api/v1/plans/${p.deptPlan.id}`, { version: 2, status: "draft" });
    expect(back.status).toBe(400);
    expect(back.json<Err>().error.field).toBe("status");

    await w.as.director.patch(`/api/v1/objectives/${p.deptObjective.id}`, { version: 1, target: 130_000_00 });
    const added = await created(
      w.as.director.post(`/api/v1/plans/${p.deptPlan.id}/objectives`, { title: "Win rate" }),
    );
    const cmp = (await w.as.memberA.get(`/api/v1/plans/${p.deptPlan.id}/baseline`)).json<{
      changes: { id: string; change: string; fields: { field: string; before: unknown; after: unknown }[] }[];
    }>();
    expect(cmp.changes).toEqual([
      {
        kind: "objective",
        id: p.deptObjective.id,
        title: "Grow revenue",
        change: "changed",
        fields: [{ field: "target", before: 120_000_00, after: 130_000_00 }],
      },
      { kind: "objective", id: added.id, title: "Win rate", change: "added", fields: [] },
    ]);

    const closed = await w.as.director.patch(`/api/v1/plans/${p.deptPlan.id}`, {
      version: 2,
      status: "closed",
    });
    expect(closed.json<StrategicPlan>()).toMatchObject({ status: "closed", canEdit: false });
    const frozen = await w.as.director.patch(`/api/v1/objectives/${p.deptObjective.id}`, {
      version: 2,
      target: 1,
    });
    expect(frozen.status).toBe(403);
    const archived = await w.as.director.patch(`/api/v1/plans/${p.deptPlan.id}`, {
      version: 3,
      status: "archived",
    });
    expect(archived.status).toBe(200);
    const listed = (await w.as.director.get("/api/v1/plans")).json<Page>().items.map((x) => x.id);
    expect(listed).not.toContain(p.deptPlan.id);
  });

  it("prints the plan document as Markdown", async () => {
    await w.as.director.request("PUT", `/api/v1/plans/${p.deptPlan.id}/answers/stop_doing`, {
      answer: "Chasing tiny | deals.",
    });
    const res = await w.as.memberA.get(`/api/v1/plans/${p.deptPlan.id}/document.md`);
    expect(res.status).toBe(200);
    expect(String(res.headers["content-type"])).toContain("text/markdown");
    const md = String(res.body);
    expect(md).toContain("# Department plan");
    expect(md).toContain("Grow revenue by 20% in two years.");
    expect(md).toContain("### What will we stop doing?\n\nChasing tiny | deals.");
    expect(md).toContain(
      "| 1 | Grow revenue | Revenue won | EUR 100,000.00 | EUR 120,000.00 | 2027-12-31 | Sales department (team) | — |",
    );
    expect(md).toContain("| Sales training | — | — | — | — | planned | Grow revenue |");
    expect((await w.as.memberB.get(`/api/v1/plans/${p.memberAPlan.id}/document.md`)).status).toBe(404);
  });
});
