// Closing a period: the attainment frozen as it stood, later reads use it and say so, reopening is
// an admin's, the CSV export neutralises formulas and stops at the reader's scope.
import type { Milestone, ObjectiveProgress, PeriodClose } from "@oars/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildWorld, type Client, type World } from "../../../test/factory";
import { testApp, type TestApp } from "../../../test/harness";
import { put } from "../../../test/crm-world";
import { buildTacticsWorld, type TacticsWorld } from "../../../test/tactics.fixtures";
import { ensureStages } from "../crm/stages.service";

let t: TestApp;
let w: World;
let tw: TacticsWorld;
beforeEach(async () => {
  t = await testApp();
  w = await buildWorld(t.app, t.db);
  tw = await buildTacticsWorld(w);
});
afterEach(async () => t.close());

async function ok<T>(p: Promise<{ status: number; body: unknown; json<X>(): X }>, status = 200): Promise<T> {
  const r = await p;
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  return r.json<T>();
}

async function wonDeal(as: Client, amountMinor: number, closeDate: string) {
  const won = (await ensureStages(t.db.k, w.orgId)).find((s) => s.kind === "won");
  await ok(
    as.post("/api/v1/deals", {
      name: `Won ${closeDate}`,
      amountMinor,
      stageId: won?.id,
      closeDate,
      createdDate: closeDate,
    }),
    201,
  );
}

/** Q1 of 2026: the director's split over teams, Mia's own Q1 objective, a won deal each for Mia and Ben. */
async function q1() {
  await ok(
    put(w.as.director, `/api/v1/tactical-plans/${tw.deptTactical.id}/splits`, {
      objectiveId: tw.deptObjective.id,
      settings: {
        grain: "quarter",
        rowKind: "team",
        rows: [{ id: w.teams.a }, { id: w.teams.b }],
        ownerMethod: { kind: "equal" },
      },
    }),
  );
  const mia = await ok<{ id: string }>(
    w.as.memberA.post(`/api/v1/plans/${tw.memberAPlan.id}/objectives`, {
      title: "=SUM(A1) Q1 revenue",
      metric: { key: "revenue_won" },
      target: 20_000_00,
      unit: "EUR",
      startDate: "2026-01-01",
      dueDate: "2026-03-31",
      ownerType: "person",
      ownerId: w.people.memberA.id,
    }),
    201,
  );
  await wonDeal(w.as.memberA, 10_000_00, "2026-02-15");
  await wonDeal(w.as.memberB, 5_000_00, "2026-03-10");
  const milestones = (
    await ok<{ items: Milestone[] }>(
      w.as.director.get(`/api/v1/milestones?objectiveId=${tw.deptObjective.id}`),
    )
  ).items;
  const teamQ1 = (team: string) => milestones.find((m) => m.ownerId === team && m.periodKey === "FY2026-Q1");
  return { mia, teamA: teamQ1(w.teams.a), teamB: teamQ1(w.teams.b) };
}

const closeQ1 = (as: Client) => as.post("/api/v1/period-closes", { kind: "quarter", period: "FY2026-Q1" });

describe("closing a period", () => {
  it("freezes every milestone's and objective's attainment as it stood; later reads say closed", async () => {
    const { mia, teamA, teamB } = await q1();
    const close = await ok<PeriodClose>(closeQ1(w.as.director), 201);
    expect(close).toMatchObject({
      kind: "quarter",
      periodKey: "FY2026-Q1",
      periodStart: "2026-01-01",
      periodEnd: "2026-03-31",
      status: "closed",
      closedBy: w.people.director.id,
    });
    const row = (milestoneId: string | undefined) => close.rows.find((r) => r.milestoneId === milestoneId);
    expect(row(teamA?.id)).toMatchObject({ ownerName: "Team A", target: teamA?.target, actual: 10_000_00 });
    expect(row(teamA?.id)?.attainment).toBeCloseTo(10_000_00 / (teamA?.target ?? 1), 10);
    expect(row(teamB?.id)).toMatchObject({ ownerName: "Team B", actual: 5_000_00 });
    const own = close.rows.find((r) => r.objectiveId === mia.id);
    expect(own).toMatchObject({
      kind: "objective",
      ownerName: "Mia Member",
      target: 20_000_00,
      actual: 10_000_00,
    });
    expect(own?.attainment).toBe(0.5);

    // A deal logged afterwards in the closed quarter leaves the frozen figures alone.
    await wonDeal(w.as.memberA, 7_000_00, "2026-03-01");
    const p = await ok<ObjectiveProgress>(w.as.memberA.get(`/api/v1/objectives/${mia.id}/progress`));
    expect(p).toMatchObject({ actual: 10_000_00, target: 20_000_00, attainment: 0.5 });
    expect(p.closed).toMatchObject({
      closeId: close.id,
      periodKey: "FY2026-Q1",
      closedBy: w.people.director.id,
    });
    expect(p.reason).toMatch(/^closed .*50% of target/);
    // So does the team's milestone for the quarter.
    const m = await ok<ObjectiveProgress>(
      w.as.managerA.get(`/api/v1/milestones/${teamA?.id ?? ""}/progress`),
    );
    expect(m).toMatchObject({ actual: 10_000_00, target: teamA?.target, closed: { closeId: close.id } });
    // Closing again is refused; the audit log has the close.
    expect((await closeQ1(w.as.admin)).status).toBe(409);
    const audit = await t.db.k
      .selectFrom("audit_log")
      .select(["action", "actor_id"])
      .where("org_id", "=", w.orgId)
      .where("entity", "=", "period_close")
      .execute();
    expect(audit).toEqual([{ action: "close", actor_id: w.people.director.id }]);

    // Reopening is an admin's; afterwards progress is live again.
    const reopen = (as: Client) =>
      as.post(`/api/v1/period-closes/${close.id}/reopen`, { version: close.version });
    expect((await reopen(w.as.director)).status).toBe(403);
    expect((await reopen(w.as.admin)).json<PeriodClose>()).toMatchObject({
      status: "reopened",
      reopenedBy: w.people.admin.id,
    });
    const live = await ok<ObjectiveProgress>(w.as.memberA.get(`/api/v1/objectives/${mia.id}/progress`));
    expect(live).toMatchObject({ actual: 17_000_00, closed: null });
    // Closed again: frozen afresh, at the figures of now.
    const again = await ok<PeriodClose>(closeQ1(w.as.admin), 201);
    expect(again.id).toBe(close.id);
    expect(again.rows.find((r) => r.objectiveId === mia.id)?.actual).toBe(17_000_00);
    expect(
      (
        await t.db.k
          .selectFrom("audit_log")
          .select("action")
          .where("org_id", "=", w.orgId)
          .where("entity", "=", "period_close")
          .orderBy("at")
          .orderBy("id")
          .execute()
      ).map((a) => a.action),
    ).toEqual(["close", "reopen", "close"]);
  });

  it("only managers and admins close: a fiscal period takes the whole org, a tactical plan its writers", async () => {
    await q1();
    expect((await closeQ1(w.as.memberA)).status).toBe(403);
    expect((await closeQ1(w.as.viewer)).status).toBe(403);
    expect((await closeQ1(w.as.managerA)).status).toBe(403);
    expect(
      (await w.as.admin.post("/api/v1/period-closes", { kind: "quarter", period: "2026-Q1" })).json(),
    ).toMatchObject({
      error: { code: "invalid", field: "period" },
    });
    const tactical = await ok<PeriodClose>(
      w.as.managerA.post("/api/v1/period-closes", {
        kind: "tactical_plan",
        tacticalPlanId: tw.teamATactical.id,
      }),
      201,
    );
    expect(tactical).toMatchObject({ kind: "tactical_plan", periodKey: tw.teamATactical.id });
    // Closing a tactical plan's period closes the plan as well.
    const plan = await ok<{ status: string }>(
      w.as.managerA.get(`/api/v1/tactical-plans/${tw.teamATactical.id}`),
    );
    expect(plan.status).toBe("closed");
    expect(
      (
        await w.as.managerA.post("/api/v1/period-closes", {
          kind: "tactical_plan",
          tacticalPlanId: tw.deptTactical.id,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await w.as.memberB.post("/api/v1/period-closes", {
          kind: "tactical_plan",
          tacticalPlanId: tw.teamATactical.id,
        })
      ).status,
    ).toBe(404);
  });

  it("each reader sees the frozen rows of their scope only", async () => {
    await q1();
    const close = await ok<PeriodClose>(closeQ1(w.as.admin), 201);
    const owners = async (as: Client) =>
      new Set(
        (await ok<PeriodClose>(as.get(`/api/v1/period-closes/${close.id}`))).rows.map((r) => r.ownerId),
      );
    expect(await owners(w.as.admin)).toEqual(new Set([w.teams.a, w.teams.b, w.people.memberA.id]));
    expect(await owners(w.as.managerA)).toEqual(new Set([w.teams.a, w.people.memberA.id]));
    expect(await owners(w.as.memberA)).toEqual(new Set([w.people.memberA.id]));
    expect(await owners(w.as.memberB)).toEqual(new Set());
    expect((await w.as.otherAdmin.get(`/api/v1/period-closes/${close.id}`)).status).toBe(404);
    const list = await ok<{ items: PeriodClose[] }>(w.as.viewer.get("/api/v1/period-closes"));
    expect(list.items.map((c) => c.periodKey)).toEqual(["FY2026-Q1"]);
  });

  it("exports attainment as CSV: people × periods, formulas neutralised, scope kept", async () => {
    await q1();
    await ok(closeQ1(w.as.admin), 201);
    await ok(w.as.admin.post("/api/v1/period-closes", { kind: "month", period: "2026-02" }), 201);
    const res = await w.as.admin.get("/api/v1/attainment/export?period=FY2026-Q1,2026-02");
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/csv/);
    const lines = String(res.body)
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe(
      "Period,Period start,Period end,Owner type,Owner,Email,Team,Goal,Kind,Metric,Goal start,Goal end,Target,Actual,Attainment (%)",
    );
    expect(lines).toContain(
      `Q1 FY2026,2026-01-01,2026-03-31,person,Mia Member,${w.people.memberA.email},Team A,'=SUM(A1) Q1 revenue,objective,revenue_won,2026-01-01,2026-03-31,20000.00,10000.00,50.00`,
    );
    expect(
      lines.some((l) =>
        l.startsWith("Q1 FY2026,2026-01-01,2026-03-31,team,Team B,,Team B,Grow revenue,milestone"),
      ),
    ).toBe(true);
    // Ben sees no row of team A; an open period is not exported.
    const ben = String((await w.as.memberB.get("/api/v1/attainment/export?period=FY2026-Q1")).body);
    expect(ben).not.toContain("Team A");
    expect(ben).not.toContain("Mia");
    expect((await w.as.admin.get("/api/v1/attainment/export?period=FY2026-Q2")).status).toBe(404);
  });
});
