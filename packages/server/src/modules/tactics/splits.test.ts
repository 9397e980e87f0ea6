import type { TargetGridResult, TargetSplit, TargetSplitDetail, Milestone, SplitSetup } from "@oars/core";
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
const put = (c: World["as"]["admin"], url: string, body: unknown) => c.request("PUT", url, body);
const sum = (xs: { amount: number }[]) => xs.reduce((s, x) => s + x.amount, 0);
const findings = async (planId: string) =>
  (await w.as.admin.get(`/api/v1/plans/${planId}/checks`)).json<{
    findings: { code: string; target: { id: string } }[];
  }>().findings;

/** The director splits the department's revenue over quarters and teams A and B. */
async function directorSplit() {
  const res = await put(w.as.director, `/api/v1/tactical-plans/${tw.deptTactical.id}/splits`, {
    objectiveId: tw.deptObjective.id,
    settings: {
      grain: "quarter",
      rowKind: "team",
      rows: [{ id: w.teams.a }, { id: w.teams.b }],
      ownerMethod: { kind: "equal" },
    },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.json<TargetSplit>();
}

describe("target segmentation", () => {
  it("the director splits the department's revenue over quarters and teams; the milestones add up", async () => {
    const split = await directorSplit();
    expect(split).toMatchObject({
      total: 120_000_00,
      grandTotal: 120_000_00,
      gapToTarget: 0,
      milestoneCount: 16,
    });
    const milestones = (
      await w.as.director.get(`/api/v1/milestones?objectiveId=${tw.deptObjective.id}`)
    ).json<{ items: Milestone[] }>().items;
    expect(milestones).toHaveLength(16);
    expect(sum(milestones.map((m) => ({ amount: m.target })))).toBe(120_000_00);
    expect(milestones.filter((m) => m.ownerId === w.teams.a).reduce((s, m) => s + m.target, 0)).toBe(
      60_000_00,
    );
    expect(milestones[0]).toMatchObject({ ownerType: "team", ownerName: "Team A", periodKey: "FY2026-Q1" });
    expect((await findings(tw.deptPlan.id)).map((f) => f.code)).not.toContain("milestones_do_not_add_up");
    const audit = await t.db.k
      .selectFrom("audit_log")
      .selectAll()
      .where("org_id", "=", w.orgId)
      .where("entity", "=", "target_split")
      .execute();
    expect(audit).toHaveLength(1);
  });

  it("a team manager splits their part over months and reps with the new hire ramping; the gap is zero", async () => {
    await directorSplit();
    await t.db.k
      .updateTable("people")
      .set({ hire_date: "2026-01-01" })
      .where("id", "=", w.people.memberA2.id)
      .execute();
    const [parent] = (
      await w.as.managerA.get(`/api/v1/milestones?objectiveId=${tw.deptObjective.id}&ownerId=${w.teams.a}`)
    ).json<{ items: Milestone[] }>().items;
    if (!parent) throw new Error("no milestone for team A");
    const setup = (
      await w.as.managerA.get(
        `/api/v1/tactical-plans/${tw.teamATactical.id}/split-setup?objectiveId=${tw.teamAObjective.id}&parentMilestoneId=${parent.id}`,
      )
    ).json<SplitSetup>();
    expect(setup).toMatchObject({
      total: parent.target,
      start: "2026-01-01",
      end: "2026-03-31",
      rowKind: "person",
      grain: "month",
    });
    expect(setup.rows.map((r) => [r.label, r.isNew])).toEqual([
      ["Mia Member", false],
      ["Mo Member", true],
    ]);
    expect(setup.parentOptions.map((m) => m.id)).toContain(parent.id);
    const res = await put(w.as.managerA, `/api/v1/tactical-plans/${tw.teamATactical.id}/splits`, {
      objectiveId: tw.teamAObjective.id,
      parentMilestoneId: parent.id,
      settings: {
        grain: "month",
        rows: setup.rows.map((r) => ({ id: r.id })),
        rampCurves: { [w.people.memberA2.id]: [0, 0.25, 0.5, 0.75, 1] },
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const split = res.json<TargetSplit>();
    expect(split.gapToTarget).toBe(0);
    const detail = (await w.as.managerA.get(`/api/v1/splits/${split.id}`)).json<TargetSplitDetail>();
    const rookie = detail.grid.cells.filter((c) => c.rowId === w.people.memberA2.id).map((c) => c.amount);
    const vet = detail.grid.cells.filter((c) => c.rowId === w.people.memberA.id).map((c) => c.amount);
    expect(rookie[0]).toBe(0);
    expect(vet[0]).toBeGreaterThan(0);
    expect(detail.grid.grandTotal).toBe(parent.target);
    expect(detail.grid.gapToTarget).toBe(0);
    // The parts of team A's Q1 add up to it, so the department plan's check stays quiet.
    expect((await findings(tw.deptPlan.id)).map((f) => f.code)).not.toContain("milestones_do_not_add_up");
    // The department's split cannot drop team A now that its Q1 is split further.
    const director = await put(w.as.director, `/api/v1/tactical-plans/${tw.deptTactical.id}/splits`, {
      objectiveId: tw.deptObjective.id,
      version: 1,
      settings: { grain: "quarter", rowKind: "team", rows: [{ id: w.teams.b }] },
    });
    expect(director.json<Err>().error.field).toBe("settings.rows");
  });

  it("bad input gets a 400 naming the field: zero weights, a ramp above 100 %, an end before the start", async () => {
    const split = (settings: Record<string, unknown>) =>
      put(w.as.director, `/api/v1/tactical-plans/${tw.deptTactical.id}/splits`, {
        objectiveId: tw.deptObjective.id,
        settings: {
          rowKind: "team",
          rows: [{ id: w.teams.a }, { id: w.teams.b }],
          start: "2026-01-01",
          end: "2026-03-31",
          ...settings,
        },
      });
    const zero = await split({ periodMethod: { kind: "seasonal", by: "period", weights: [0, 0, 0] } });
    expect([zero.status, zero.json<Err>().error.field]).toEqual([400, "settings.periodMethod.weights"]);
    const ramp = await split({ rampCurves: { [w.teams.a]: [0.5, 1.2] } });
    expect([ramp.status, ramp.json<Err>().error.field]).toEqual([400, `settings.rampCurves.${w.teams.a}[1]`]);
    const falling = await split({ rampCurves: { [w.teams.b]: [0, 0.5, 0.25] } });
    expect([falling.status, falling.json<Err>().error.field]).toEqual([
      400,
      `settings.rampCurves.${w.teams.b}[2]`,
    ]);
    // Cells typed by hand are saved with their ramp curves, so those are checked too.
    const typed = await put(w.as.director, `/api/v1/tactical-plans/${tw.deptTactical.id}/splits`, {
      objectiveId: tw.deptObjective.id,
      settings: {
        rowKind: "team",
        grain: "whole",
        rows: [{ id: w.teams.a }, { id: w.teams.b }],
        start: "2026-01-01",
        end: "2026-03-31",
        rampCurves: { [w.teams.a]: [0.5, 0.4] },
      },
      cells: [
        { rowId: w.teams.a, periodKey: "2026-01-01~2026-03-31", amount: 1 },
        { rowId: w.teams.b, periodKey: "2026-01-01~2026-03-31", amount: 1 },
      ],
    });
    expect([typed.status, typed.json<Err>().error.field]).toEqual([
      400,
      `settings.rampCurves.${w.teams.a}[1]`,
    ]);
    const backwards = await split({ start: "2026-03-31", end: "2026-01-01" });
    expect([backwards.status, backwards.json<Err>().error.field]).toEqual([400, "settings.end"]);
    const capacity = await split({
      rowKind: "businessType",
      rows: [{ id: "new" }, { id: "existing" }],
      ownerMethod: { kind: "capacity" },
    });
    expect([capacity.status, capacity.json<Err>().error.field]).toEqual([400, "settings.ownerMethod"]);
    const stranger = await split({ rows: [{ id: w.teams.otherRoot }] });
    expect([stranger.status, stranger.json<Err>().error.field]).toEqual([400, "settings.rows[0].id"]);
    expect(
      await t.db.k.selectFrom("milestones").select("id").where("org_id", "=", w.orgId).execute(),
    ).toEqual([]);
  });

  it("replacing a split needs its version, keeps milestone ids, and hand-typed cells may leave a gap the checks flag", async () => {
    const first = await directorSplit();
    const ids = (
      await t.db.k.selectFrom("milestones").select("id").where("org_id", "=", w.orgId).orderBy("id").execute()
    ).map((m) => m.id);
    const body = {
      objectiveId: tw.deptObjective.id,
      settings: {
        grain: "quarter",
        rowKind: "team",
        rows: [{ id: w.teams.a }, { id: w.teams.b }],
        ownerMethod: { kind: "manual", overrides: { [w.teams.a]: 80_000_00 } },
      },
    };
    const url = `/api/v1/tactical-plans/${tw.deptTactical.id}/splits`;
    expect((await put(w.as.director, url, body)).status).toBe(409);
    const second = await put(w.as.director, url, { ...body, version: first.version });
    expect(second.json<TargetSplit>()).toMatchObject({ grandTotal: 120_000_00, version: 2 });
    expect(
      (
        await t.db.k
          .selectFrom("milestones")
          .select("id")
          .where("org_id", "=", w.orgId)
          .orderBy("id")
          .execute()
      ).map((m) => m.id),
    ).toEqual(ids);
    const preview = (await w.as.director.post(`${url}/preview`, body)).json<TargetGridResult>();
    const cells = preview.cells.map((c, i) => (i === 0 ? { ...c, amount: c.amount - 1_000_00 } : c));
    const edited = await put(w.as.director, url, { ...body, cells, version: 2 });
    expect(edited.json<TargetSplit>()).toMatchObject({ handEdited: true, gapToTarget: 1_000_00 });
    expect((await findings(tw.deptPlan.id)).map((f) => f.code)).toContain("milestones_do_not_add_up");
    const bad = await put(w.as.director, url, {
      ...body,
      cells: [{ rowId: "nobody", periodKey: "FY2026-Q1", amount: 1 }],
      version: 3,
    });
    expect(bad.json<Err>().error.field).toBe("cells[0].rowId");
  });

  it("a ratio target is set per owner, never split", async () => {
    const winRate = await created(
      w.as.director.post(`/api/v1/plans/${tw.deptPlan.id}/objectives`, {
        title: "Win rate",
        metric: { key: "win_rate" },
        target: 26,
        unit: "%",
      }),
    );
    const url = `/api/v1/tactical-plans/${tw.deptTactical.id}/splits`;
    const settings = {
      grain: "whole",
      rowKind: "team",
      rows: [{ id: w.teams.a }, { id: w.teams.b }],
      start: "2026-01-01",
      end: "2026-12-31",
    };
    const split = await put(w.as.director, url, { objectiveId: winRate.id, settings });
    expect([split.status, split.json<Err>().error.field]).toEqual([400, "cells"]);
    const periodKey = "2026-01-01~2026-12-31";
    const perOwner = await put(w.as.director, url, {
      objectiveId: winRate.id,
      settings,
      cells: [
        { rowId: w.teams.a, periodKey, amount: 24.5 },
        { rowId: w.teams.b, periodKey, amount: 28 },
      ],
    });
    expect(perOwner.json<TargetSplit>()).toMatchObject({ gapToTarget: 0, milestoneCount: 2 });
  });

  it("deleting a split removes its milestones; others no longer see it", async () => {
    const split = await directorSplit();
    const del = await w.as.director.delete(`/api/v1/splits/${split.id}?version=1`);
    expect(del.status).toBe(204);
    expect(
      await t.db.k.selectFrom("milestones").select("id").where("org_id", "=", w.orgId).execute(),
    ).toEqual([]);
    expect((await w.as.memberB.get(`/api/v1/splits/${split.id}`)).status).toBe(404);
  });

  it("bottom-up: reps commit, the manager accepts or adjusts, and the gap to the target shows", async () => {
    const url = `/api/v1/tactical-plans/${tw.teamATactical.id}/commitments`;
    const mine = await w.as.memberA.post(url, {
      objectiveId: tw.teamAObjective.id,
      ownerId: w.people.memberA.id,
      amount: 25_000_00,
    });
    expect(mine.status, JSON.stringify(mine.body)).toBe(200);
    const forOther = await w.as.memberA.post(url, {
      objectiveId: tw.teamAObjective.id,
      ownerId: w.people.memberA2.id,
      amount: 1,
    });
    expect(forOther.status).toBe(403);
    await w.as.managerA.post(url, {
      objectiveId: tw.teamAObjective.id,
      ownerId: w.people.memberA2.id,
      amount: 20_000_00,
    });
    const commitment = mine.json<{ id: string; version: number }>();
    const adjusted = await w.as.managerA.patch(`/api/v1/commitments/${commitment.id}`, {
      version: 1,
      amount: 30_000_00,
    });
    expect(adjusted.json()).toMatchObject({ status: "adjusted", amount: 30_000_00 });
    expect(
      (await w.as.memberA.patch(`/api/v1/commitments/${commitment.id}`, { version: 2, status: "accepted" }))
        .status,
    ).toBe(403);
    const list = (await w.as.memberA.get(`${url}?objectiveId=${tw.teamAObjective.id}`)).json<{
      gap: Record<string, number>;
    }>();
    expect(list.gap).toMatchObject({
      target: 60_000_00,
      agreed: 30_000_00,
      pending: 20_000_00,
      gap: 30_000_00,
      gapIfAllAgreed: 10_000_00,
    });
  });
});
