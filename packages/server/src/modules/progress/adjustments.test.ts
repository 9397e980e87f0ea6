// Managers' forecast adjustments: recorded per category with a note by a manager of the objective's
// scope, audited, listed with history, and the latest per category added to the forecast.
import type { Dashboard, ForecastAdjustmentList, ObjectiveProgress } from "@oars/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildWorld, type Client, type World } from "../../../test/factory";
import { testApp, type TestApp } from "../../../test/harness";

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

/** Team A's revenue objective for the current quarter, with one open commit deal of Mia's in it. */
async function teamObjective(metric = "revenue_won") {
  const dash = await ok<Dashboard>(w.as.admin.get("/api/v1/dashboard"));
  const plan = await ok<{ id: string }>(
    w.as.managerA.post("/api/v1/plans", {
      title: "Team A quarter",
      ownerType: "team",
      ownerId: w.teams.a,
      horizonStart: "2026-01-01",
      horizonEnd: "2027-12-31",
    }),
    201,
  );
  const objective = await ok<{ id: string }>(
    w.as.managerA.post(`/api/v1/plans/${plan.id}/objectives`, {
      title: "Team A revenue",
      metric: { key: metric },
      target: 100_000_00,
      unit: metric === "revenue_won" ? "EUR" : "",
      startDate: dash.periodStart,
      dueDate: dash.periodEnd,
      ownerType: "team",
      ownerId: w.teams.a,
    }),
    201,
  );
  await ok(
    w.as.memberA.post("/api/v1/deals", {
      name: "Contoso expansion",
      amountMinor: 10_000_00,
      probability: 50,
      forecastCategory: "commit",
      closeDate: dash.periodEnd,
    }),
    201,
  );
  return objective.id;
}

const adjust = (as: Client, id: string, category: string, amountMinor: number, note = "call") =>
  as.post(`/api/v1/objectives/${id}/forecast-adjustments`, { category, amountMinor, note });
const forecastOf = async (id: string) =>
  (await ok<ObjectiveProgress>(w.as.managerA.get(`/api/v1/objectives/${id}/progress`))).forecast;

describe("forecast adjustments", () => {
  it("a manager's adjustment is in the forecast; the latest per category counts; history and audit kept", async () => {
    const id = await teamObjective();
    const before = await forecastOf(id);
    expect(before?.byCategory?.commit).toMatchObject({
      deals: 1,
      weightedMinor: 5_000_00,
      adjustmentMinor: 0,
    });

    await ok(adjust(w.as.managerA, id, "commit", -2_000_00, "Contoso will slip a month"), 201);
    await ok(adjust(w.as.director, id, "best_case", 3_000_00, "Fabrikam upside"), 201);
    const after = await forecastOf(id);
    expect(after?.byCategory?.commit).toMatchObject({ adjustmentMinor: -2_000_00, totalMinor: 3_000_00 });
    expect(after?.byCategory?.best_case).toMatchObject({ adjustmentMinor: 3_000_00, totalMinor: 3_000_00 });
    expect(after?.forecast).toBe((before?.forecast ?? 0) - 2_000_00 + 3_000_00);

    // A second call on commit replaces the first; both stay in the history.
    await ok(adjust(w.as.managerA, id, "commit", 1_000_00, "Back on track"), 201);
    expect((await forecastOf(id))?.byCategory?.commit.adjustmentMinor).toBe(1_000_00);
    const list = await ok<ForecastAdjustmentList>(
      w.as.memberA.get(`/api/v1/objectives/${id}/forecast-adjustments`),
    );
    expect(list.current).toEqual({ commit: 1_000_00, best_case: 3_000_00, pipeline: 0 });
    expect(list.items.map((i) => [i.category, i.amountMinor, i.note])).toEqual([
      ["commit", 1_000_00, "Back on track"],
      ["best_case", 3_000_00, "Fabrikam upside"],
      ["commit", -2_000_00, "Contoso will slip a month"],
    ]);
    const audit = await t.db.k
      .selectFrom("audit_log")
      .select(["action", "before", "after"])
      .where("org_id", "=", w.orgId)
      .where("entity", "=", "forecast_adjustment")
      .orderBy("at")
      .orderBy("id")
      .execute();
    expect(audit).toHaveLength(3);
    expect(JSON.parse(audit[2]?.before ?? "null")).toEqual({
      amountMinor: -2_000_00,
      note: "Contoso will slip a month",
    });
  });

  it("only a manager of the objective's scope adjusts; bad input names the field", async () => {
    const id = await teamObjective();
    expect((await adjust(w.as.memberA, id, "commit", 1)).status).toBe(403);
    expect((await adjust(w.as.viewer, id, "commit", 1)).status).toBe(403);
    expect((await adjust(w.as.memberB, id, "commit", 1)).status).toBe(404);
    expect((await adjust(w.as.otherAdmin, id, "commit", 1)).status).toBe(404);
    expect((await adjust(w.as.admin, id, "upside", 1)).json()).toMatchObject({
      error: { code: "invalid", field: "category" },
    });
    expect(
      (
        await w.as.managerA.post(`/api/v1/objectives/${id}/forecast-adjustments`, {
          category: "commit",
          amountMinor: 5,
        })
      ).json(),
    ).toMatchObject({ error: { code: "invalid", field: "note" } });
    const meetings = await teamObjective("meetings_held");
    expect((await adjust(w.as.managerA, meetings, "commit", 1)).json()).toMatchObject({
      error: { code: "invalid", field: "category" },
    });
  });
});
