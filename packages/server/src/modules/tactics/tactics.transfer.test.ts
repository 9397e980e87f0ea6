// Tactical plans move with their organisation: splits and milestones split further (parents first),
// commitments, actions with dependencies, allocations and ticked occurrences, the org's funnel
// defaults and calendar feeds — export, import into a fresh SQLite database, export again.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Milestone } from "@oars/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildWorld, type World } from "../../../test/factory";
import { testApp, type TestApp } from "../../../test/harness";
import { created } from "../../../test/plans.fixtures";
import { buildTacticsWorld } from "../../../test/tactics.fixtures";
import { migrate, openSqlite } from "../../db/database";
import { exportOrg, importOrg } from "../transfer/transfer.service";

let t: TestApp;
let w: World;
beforeEach(async () => {
  t = await testApp();
  w = await buildWorld(t.app, t.db);
});
afterEach(async () => t.close());

describe("tactical plans in the organisation export", () => {
  it("round-trip with every tactical table", async () => {
    const tw = await buildTacticsWorld(w);
    const put = (url: string, body: unknown) => w.as.director.request("PUT", url, body);
    expect(
      (
        await put(`/api/v1/tactical-plans/${tw.deptTactical.id}/splits`, {
          objectiveId: tw.deptObjective.id,
          settings: { grain: "quarter", rowKind: "team", rows: [{ id: w.teams.a }, { id: w.teams.b }] },
        })
      ).status,
    ).toBe(200);
    const [parent] = (
      await w.as.managerA.get(`/api/v1/milestones?objectiveId=${tw.deptObjective.id}&ownerId=${w.teams.a}`)
    ).json<{ items: Milestone[] }>().items;
    await w.as.managerA.request("PUT", `/api/v1/tactical-plans/${tw.teamATactical.id}/splits`, {
      objectiveId: tw.teamAObjective.id,
      parentMilestoneId: parent?.id,
      settings: { rows: [{ id: w.people.memberA.id }, { id: w.people.memberA2.id }] },
    });
    await w.as.memberA.post(`/api/v1/tactical-plans/${tw.teamATactical.id}/commitments`, {
      objectiveId: tw.teamAObjective.id,
      ownerId: w.people.memberA.id,
      amount: 10_000_00,
    });
    const weekly = await created(
      w.as.managerA.post(`/api/v1/tactical-plans/${tw.teamATactical.id}/actions`, {
        title: "Weekly meeting",
        ownerId: w.people.memberA.id,
        startDate: "2026-01-06",
        recurrence: { frequency: "weekly", weekdays: [2] },
        dependsOn: [tw.actionA.id],
        allocations: [{ personId: w.people.memberA.id, hoursPerWeek: 2, budgetMinor: 5_000 }],
      }),
    );
    await w.as.memberA.request("PUT", `/api/v1/actions/${weekly.id}/occurrences/2026-01-13`, {
      status: "done",
    });
    await w.as.admin.request("PUT", "/api/v1/funnel/defaults", {
      assumptions: { averageDealSizeMinor: 10_000_00, stages: [{ name: "Proposal", conversionToNext: 0.4 }] },
    });
    await w.as.memberA.post("/api/v1/calendar-feed");

    const first = await exportOrg(t.db, w.orgId);
    for (const table of [
      "tactical_plans",
      "tactical_plan_objectives",
      "target_splits",
      "milestones",
      "commitments",
      "actions",
      "action_dependencies",
      "action_allocations",
      "action_occurrences",
      "funnel_defaults",
      "calendar_feeds",
    ])
      expect(first.tables[table]?.length, table).toBeGreaterThan(0);
    const file = path.join(
      os.tmpdir(),
      `oars-tactics-move-${process.pid}-${Math.random().toString(36).slice(2)}.db`,
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
