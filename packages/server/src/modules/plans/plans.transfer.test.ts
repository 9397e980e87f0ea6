// Plans move with their organisation: export, import into a fresh SQLite database, export again.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildWorld, type World } from "../../../test/factory";
import { testApp, type TestApp } from "../../../test/harness";
import { buildPlanWorld, created } from "../../../test/plans.fixtures";
import { migrate, openSqlite } from "../../db/database";
import { exportOrg, importOrg } from "../transfer/transfer.service";

let t: TestApp;
let w: World;
beforeEach(async () => {
  t = await testApp();
  w = await buildWorld(t.app, t.db);
});
afterEach(async () => t.close());

describe("plans in the organisation export", () => {
  it("round-trip with objectives aligned across plans, initiatives, answers, comments and notifications", async () => {
    const p = await buildPlanWorld(w);
    const child = await created(
      w.as.memberA.post(`/api/v1/plans/${p.memberAPlan.id}/objectives`, {
        title: "Mine",
        parentObjectiveId: p.deptObjective.id,
      }),
    );
    // An older objective aligned under a newer one sorts before its parent: the import must still
    // insert parents first.
    const company = await created(
      w.as.admin.post(`/api/v1/plans/${p.deptPlan.id}/objectives`, { title: "Company goal" }),
    );
    const aligned = await w.as.director.patch(`/api/v1/objectives/${p.deptObjective.id}`, {
      version: 1,
      target: 150_000_00,
      parentObjectiveId: company.id,
    });
    expect(aligned.status).toBe(200);
    await w.as.director.patch(`/api/v1/initiatives/${p.deptInitiative.id}`, {
      version: 1,
      budgetMinor: 9_007_199_254_740_991,
    });
    await w.as.director.patch(`/api/v1/plans/${p.deptPlan.id}`, { version: 1, status: "active" });
    await w.as.director.request("PUT", `/api/v1/plans/${p.deptPlan.id}/answers/stop_doing`, {
      answer: "Discounts",
    });
    await w.as.admin.patch("/api/v1/plan-questions/stop_doing", { version: 1, required: false });
    await w.as.director.post("/api/v1/comments", {
      entity: "objective",
      entityId: child.id,
      body: "@Mia Member good",
      mentions: [w.people.memberA.id],
    });
    const first = await exportOrg(t.db, w.orgId);
    for (const table of [
      "strategic_plans",
      "objectives",
      "initiatives",
      "initiative_objectives",
      "plan_answers",
      "plan_questions",
      "comments",
      "notifications",
    ])
      expect(first.tables[table]?.length, table).toBeGreaterThan(0);
    const file = path.join(
      os.tmpdir(),
      `oars-plans-move-${process.pid}-${Math.random().toString(36).slice(2)}.db`,
    );
    const target = openSqlite(file);
    try {
      await migrate(target);
      await importOrg(target, JSON.parse(JSON.stringify(first)));
      const again = await exportOrg(target, w.orgId);
      expect({ ...again, exportedAt: "" }).toEqual({ ...first, exportedAt: "" });
    } finally {
      await target.close();
      for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    }
  });
});
