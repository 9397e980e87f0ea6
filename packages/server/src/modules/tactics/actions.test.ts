import type { Action, CapacityReport, Occurrence, Timeline } from "@oars/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildWorld, type World } from "../../../test/factory";
import { testApp, type TestApp } from "../../../test/harness";
import { created } from "../../../test/plans.fixtures";
import { buildTacticsWorld, type TacticsWorld } from "../../../test/tactics.fixtures";

let t: TestApp;
let w: World;
let tw: TacticsWorld;
let url: string;
beforeEach(async () => {
  t = await testApp();
  w = await buildWorld(t.app, t.db);
  tw = await buildTacticsWorld(w);
  url = `/api/v1/tactical-plans/${tw.teamATactical.id}/actions`;
});
afterEach(async () => t.close());

type Err = { error: { code: string; field?: string; message: string } };

describe("action plans", () => {
  it("refuses a dependency cycle and an end before the start, naming the field", async () => {
    const a = tw.actionA;
    const b = await created(w.as.managerA.post(url, { title: "Send proposal", dependsOn: [a.id] }));
    const c = await created(w.as.managerA.post(url, { title: "Negotiate", dependsOn: [b.id] }));
    const cycle = await w.as.managerA.patch(`/api/v1/actions/${a.id}`, { version: 1, dependsOn: [c.id] });
    expect(cycle.status).toBe(400);
    expect(cycle.json<Err>().error).toMatchObject({ field: "dependsOn" });
    expect(cycle.json<Err>().error.message).toContain(
      "Call Contoso → Negotiate → Send proposal → Call Contoso",
    );
    const self = await w.as.managerA.patch(`/api/v1/actions/${a.id}`, { version: 1, dependsOn: [a.id] });
    expect(self.json<Err>().error.field).toBe("dependsOn");
    const backwards = await w.as.managerA.post(url, {
      title: "Oops",
      startDate: "2026-02-10",
      dueDate: "2026-02-01",
    });
    expect([backwards.status, backwards.json<Err>().error.field]).toEqual([400, "dueDate"]);
    const merged = await w.as.managerA.patch(`/api/v1/actions/${a.id}`, {
      version: 1,
      dueDate: "2026-01-01",
    });
    expect([merged.status, merged.json<Err>().error.field]).toEqual([400, "dueDate"]);
    const elsewhere = await w.as.managerA.post(url, {
      title: "Cross",
      dependsOn: [
        (
          await created(
            w.as.memberA.post(`/api/v1/tactical-plans/${tw.memberATactical.id}/actions`, { title: "Mine" }),
          )
        ).id,
      ],
    });
    expect(elsewhere.json<Err>().error.field).toBe("dependsOn[0]");
    const noEnd = await w.as.managerA.post(url, {
      title: "Forever",
      startDate: "2026-01-05",
      recurrence: { frequency: "weekly", interval: 0 },
    });
    expect(noEnd.json<Err>().error.field).toBe("recurrence.interval");
  });

  it("over-allocating a rep warns in the API, in the capacity report and in the plan checks", async () => {
    const first = (
      await w.as.managerA.post(url, {
        title: "Key account push",
        startDate: "2026-01-05",
        dueDate: "2026-02-27",
        allocations: [{ personId: w.people.memberA.id, hoursPerWeek: 30 }],
      })
    ).json<Action>();
    expect(first.warnings).toEqual([]);
    const second = (
      await w.as.managerA.post(url, {
        title: "Trade fair",
        startDate: "2026-02-02",
        dueDate: "2026-02-13",
        allocations: [{ personId: w.people.memberA.id, hoursPerWeek: 15, budgetMinor: 250_000 }],
      })
    ).json<Action>();
    expect(second.budgetMinor).toBe(250_000);
    expect(second.warnings.map((x) => [x.code, x.weekStart, x.allocatedHours])).toEqual([
      ["person_over_capacity", "2026-02-02", 45],
      ["person_over_capacity", "2026-02-09", 45],
    ]);
    expect(second.warnings[0]?.message).toBe(
      "Mia Member is allocated 45 hours in the week of 2026-02-02 but has 40.",
    );
    const report = (
      await w.as.managerA.get(`/api/v1/tactical-plans/${tw.teamATactical.id}/capacity`)
    ).json<CapacityReport>();
    expect(report.overAllocations.map((o) => o.weekStart)).toEqual(["2026-02-02", "2026-02-09"]);
    expect(report.people[0]?.allocatedHours.slice(0, 6)).toEqual([0, 30, 30, 30, 30, 45]);
    const checks = (await w.as.managerA.get(`/api/v1/plans/${tw.teamAPlan.id}/checks`)).json<{
      findings: { code: string; message: string }[];
    }>();
    expect(checks.findings.find((f) => f.code === "person_over_capacity")?.message).toBe(
      "Mia Member is allocated 45 hours a week from 2026-02-02 but has 40.",
    );
    // Done work books nobody any more.
    await w.as.managerA.patch(`/api/v1/actions/${second.id}`, { version: 1, status: "done" });
    expect(
      (
        await w.as.managerA.get(`/api/v1/tactical-plans/${tw.teamATactical.id}/capacity`)
      ).json<CapacityReport>().overAllocations,
    ).toEqual([]);
  });

  it("the owner moves their own action along; only planners change the rest", async () => {
    const path = `/api/v1/actions/${tw.actionA.id}`;
    const done = await w.as.memberA.patch(path, { version: 1, status: "doing" });
    expect(done.json<Action>()).toMatchObject({ status: "doing", canEdit: false, canUpdateStatus: true });
    expect((await w.as.memberA.patch(path, { version: 2, title: "Renamed" })).status).toBe(403);
    expect((await w.as.memberA2.patch(path, { version: 2, status: "done" })).status).toBe(403);
    expect((await w.as.viewer.patch(path, { version: 2, status: "done" })).status).toBe(403);
    expect((await w.as.memberB.patch(path, { version: 2, status: "done" })).status).toBe(404);
    expect((await w.as.memberA.patch(path, { version: 1, status: "done" })).status).toBe(409);
    const audit = await t.db.k
      .selectFrom("audit_log")
      .select("action")
      .where("entity_id", "=", tw.actionA.id)
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["create", "status:doing"]);
  });

  it("a recurring weekly meeting generates occurrences, each ticked off on its own", async () => {
    const meeting = (
      await w.as.managerA.post(url, {
        title: "Weekly meeting with Contoso",
        ownerId: w.people.memberA.id,
        startDate: "2026-01-06",
        recurrence: { frequency: "weekly", weekdays: [2] },
        timeOfDay: "10:00",
        durationMinutes: 60,
      })
    ).json<Action>();
    expect(meeting.recurrence).toMatchObject({ until: "2026-03-31" });
    const occ = (
      await w.as.memberA.get(`/api/v1/actions/${meeting.id}/occurrences?from=2026-01-01&to=2026-01-31`)
    ).json<{ items: Occurrence[] }>().items;
    expect(occ.map((o) => o.date)).toEqual(["2026-01-06", "2026-01-13", "2026-01-20", "2026-01-27"]);
    const tick = await w.as.memberA.request("PUT", `/api/v1/actions/${meeting.id}/occurrences/2026-01-13`, {
      status: "done",
    });
    expect(tick.json<Occurrence>()).toMatchObject({ date: "2026-01-13", status: "done", recurring: true });
    const wrongDay = await w.as.memberA.request(
      "PUT",
      `/api/v1/actions/${meeting.id}/occurrences/2026-01-14`,
      { status: "done" },
    );
    expect(wrongDay.json<Err>().error.field).toBe("date");
    const after = (
      await w.as.memberA.get(`/api/v1/actions/${meeting.id}/occurrences?from=2026-01-01&to=2026-01-20`)
    ).json<{ items: Occurrence[] }>().items;
    expect(after.map((o) => o.status)).toEqual(["todo", "done", "todo"]);
  });

  it("the timeline shows bars, dependencies, recurring dates and milestone targets; deleting is soft", async () => {
    const b = await created(
      w.as.managerA.post(url, {
        title: "Follow up",
        startDate: "2026-01-08",
        dueDate: "2026-01-20",
        dependsOn: [tw.actionA.id],
      }),
    );
    const tl = (
      await w.as.memberA.get(`/api/v1/tactical-plans/${tw.teamATactical.id}/timeline`)
    ).json<Timeline>();
    expect(tl.actions.map((a) => [a.title, a.dependsOn.length])).toEqual([
      ["Call Contoso", 0],
      ["Follow up", 1],
    ]);
    expect(tl.conflicts.map((c) => c.actionId)).toEqual([b.id]);
    expect((await w.as.managerA.delete(`/api/v1/actions/${tw.actionA.id}`)).status).toBe(204);
    const list = (await w.as.managerA.get(url)).json<{ items: Action[] }>().items;
    expect(list.map((a) => [a.title, a.dependsOn])).toEqual([["Follow up", []]]);
    expect(
      (await w.as.managerA.get(`${url}?includeDeleted=true`)).json<{ items: Action[] }>().items,
    ).toHaveLength(2);
    expect((await w.as.managerA.get(`/api/v1/actions/${tw.actionA.id}`)).status).toBe(404);
  });

  it("links must point at things of the plan, or records the actor can see", async () => {
    const bad = await w.as.managerA.post(url, { title: "X", objectiveId: tw.deptObjective.id });
    expect(bad.json<Err>().error.field).toBe("objectiveId");
    const owner = await w.as.managerA.post(url, { title: "X", ownerId: w.people.otherAdmin.id });
    expect(owner.json<Err>().error.field).toBe("ownerId");
    const ok = await w.as.managerA.post(url, {
      title: "X",
      objectiveId: tw.teamAObjective.id,
      ownerId: w.people.memberA2.id,
    });
    expect(ok.status).toBe(201);
  });
});
