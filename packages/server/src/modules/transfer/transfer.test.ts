// Moving a whole organisation: export, import into the other engine, export again, compare.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Dashboard } from "@oars/core";
import { inject } from "vitest";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import pg from "pg";
import { buildWorld, type World } from "../../../test/factory";
import { ENGINE, testApp, type TestApp } from "../../../test/harness";
import { migrate, openPostgres, openSqlite, type Db } from "../../db/database";
import { ensureStages } from "../crm/stages.service";
import { nameSearch } from "../crm/text";
import { runDueJobs } from "../jobs/scheduler";
import { dataVersion } from "../progress/data-version";
import { exportOrg, importOrg, type OrgDocument } from "./transfer.service";
import { DERIVED_TABLE, NOT_TRANSFERRED, TRANSFER_TABLES } from "./transfer.tables";

let t: TestApp;
let w: World;
beforeEach(async () => {
  t = await testApp();
  w = await buildWorld(t.app, t.db);
  await w.as.admin.post("/api/v1/teams", { name: "Sub of A", parentId: w.teams.a });
  const moved = await w.as.director.patch(`/api/v1/people/${w.people.memberA.id}`, {
    version: 1,
    teamId: w.teams.b,
    teamChangeDate: "2026-02-01",
  });
  expect(moved.status).toBe(200);
  await w.as.memberA.post("/api/v1/tokens", { name: "script", scope: "read-write" });
});
afterEach(async () => t.close());

async function sqliteDb(): Promise<{ db: Db; cleanup: () => Promise<void> }> {
  const file = path.join(
    os.tmpdir(),
    `oars-transfer-${process.pid}-${Math.random().toString(36).slice(2)}.db`,
  );
  const db = openSqlite(file);
  await migrate(db);
  return {
    db,
    cleanup: async () => {
      await db.close();
      for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    },
  };
}

async function postgresDb(): Promise<{ db: Db; cleanup: () => Promise<void> }> {
  const name = `oars_move_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: inject("pgUrl") });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(inject("pgUrl"));
  url.pathname = `/${name}`;
  const db = openPostgres(url.toString(), 2);
  await migrate(db);
  return {
    db,
    cleanup: async () => {
      await db.close();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

const strip = (d: OrgDocument) => ({ ...d, exportedAt: "" });

async function created<T = { id: string }>(p: Promise<{ status: number; body: unknown; json<X>(): X }>) {
  const r = await p;
  expect(r.status, JSON.stringify(r.body)).toBeLessThan(300);
  return r.json<T>();
}

/**
 * Live progress in the org: team A's goal for 2026 Q1 met in part and the quarter closed (its
 * attainment frozen), a manager's forecast adjustment on this quarter's goal, a check-in, the
 * alerts' last sighting, someone's notification preferences, scheduled runs claimed, and an account
 * to search for by name.
 */
async function progressWorld() {
  const { managerA, memberA2, admin } = w.as;
  const dash = await created<Dashboard>(admin.get("/api/v1/dashboard"));
  const stages = await ensureStages(t.db.k, w.orgId);
  const plan = await created(
    managerA.post("/api/v1/plans", {
      title: "Team A 2026",
      ownerType: "team",
      ownerId: w.teams.a,
      horizonStart: "2026-01-01",
      horizonEnd: "2027-12-31",
    }),
  );
  const goal = (title: string, startDate: string, dueDate: string, metric = "revenue_won") =>
    created(
      managerA.post(`/api/v1/plans/${plan.id}/objectives`, {
        title,
        metric: metric === "manual" ? { key: "manual", unit: "workshops" } : { key: metric },
        target: metric === "manual" ? 4 : 50_000_00,
        unit: metric === "manual" ? "workshops" : "EUR",
        startDate,
        dueDate,
        ownerType: "team",
        ownerId: w.teams.a,
      }),
    );
  await goal("Q1 revenue", "2026-01-01", "2026-03-31");
  const quarter = await goal("This quarter's revenue", dash.periodStart, dash.periodEnd);
  const workshops = await goal("Partner workshops", "2026-01-01", "2026-12-31", "manual");
  await created(
    memberA2.post("/api/v1/deals", {
      name: "Q1 win",
      amountMinor: 20_000_00,
      stageId: stages.find((x) => x.kind === "won")?.id,
      closeDate: "2026-02-15",
      createdDate: "2026-02-01",
    }),
  );
  await created(
    memberA2.post("/api/v1/deals", {
      name: "Open commit",
      amountMinor: 10_000_00,
      probability: 50,
      forecastCategory: "commit",
      closeDate: dash.periodEnd,
    }),
  );
  await created(
    managerA.post(`/api/v1/objectives/${quarter.id}/forecast-adjustments`, {
      category: "commit",
      amountMinor: 5_000_00,
      note: "Contoso signs Friday",
    }),
  );
  await created(
    managerA.post(`/api/v1/objectives/${workshops.id}/checkins`, { value: 1, date: "2026-03-01" }),
  );
  await created(admin.post("/api/v1/progress/alerts/run"));
  await created(admin.post("/api/v1/period-closes", { kind: "quarter", period: "FY2026-Q1" }));
  await created(
    memberA2.request("PUT", "/api/v1/me/notification-preferences", { atRisk: false, email: false }),
  );
  const runs = await runDueJobs(
    { db: t.db, config: t.config, mailer: null },
    { instance: "before-the-move", orgIds: [w.orgId] },
  );
  expect(runs.length).toBeGreaterThan(0);
  await created(admin.post("/api/v1/accounts", { name: "Northwind Traders" }));
}

/** What the progress tables must hold, checked on the export of the source and of each target. */
function expectProgress(d: OrgDocument) {
  const tables = d.tables;
  expect(tables.period_closes).toEqual([
    expect.objectContaining({ period_kind: "quarter", period_key: "FY2026-Q1", status: "closed" }),
  ]);
  expect(tables.period_close_rows).toContainEqual(
    expect.objectContaining({
      close_id: tables.period_closes?.[0]?.id,
      kind: "objective",
      title: "Q1 revenue",
      target: 50_000_00,
      actual: 20_000_00,
      attainment: 0.4,
    }),
  );
  expect(tables.forecast_adjustments).toEqual([
    expect.objectContaining({
      category: "commit",
      amount_minor: 5_000_00,
      note: "Contoso signs Friday",
      person_id: w.people.managerA.id,
    }),
  ]);
  expect(tables.notification_preferences).toEqual([
    expect.objectContaining({ person_id: w.people.memberA2.id, at_risk: 0, email: 0, in_app: 1, version: 1 }),
  ]);
  expect(tables.progress_checkins).toEqual([
    expect.objectContaining({ value: 1, checkin_date: "2026-03-01" }),
  ]);
  expect(tables.progress_alert_state?.length).toBe(3);
  expect(tables.scheduled_runs?.length).toBeGreaterThan(0);
  expect(tables.scheduled_runs?.every((r) => r.instance === "before-the-move")).toBe(true);
}

describe("organisation export and import", () => {
  // On the PostgreSQL run the org goes PostgreSQL → SQLite → PostgreSQL, so both directions are
  // proven; the SQLite run (no server at hand) goes SQLite → SQLite.
  it("round-trips through the other database unchanged", async () => {
    await progressWorld();
    const first = await exportOrg(t.db, w.orgId);
    expectProgress(first);
    expect(first.tables.people?.length).toBe(8);
    expect(first.tables.team_memberships?.length).toBe(8); // seven people in teams, one of them moved once
    expect(first.tables.api_tokens?.length).toBe(1);
    const hops = ENGINE === "postgres" ? [sqliteDb, postgresDb] : [sqliteDb];
    let doc: unknown = JSON.parse(JSON.stringify(first));
    for (const open of hops) {
      const target = await open();
      try {
        const res = await importOrg(target.db, doc);
        expect(res.orgId).toBe(w.orgId);
        const again = await exportOrg(target.db, w.orgId);
        expect(strip(again)).toEqual(strip(first));
        expectProgress(again);
        // Derived data was rebuilt, not copied: names are searchable, the data version started afresh.
        const found = await target.db.k
          .selectFrom("accounts")
          .select("name")
          .where("org_id", "=", w.orgId)
          .where(nameSearch(target.db.engine, "accounts", "northw"))
          .execute();
        expect(found).toEqual([{ name: "Northwind Traders" }]);
        expect(await dataVersion(target.db.k, w.orgId)).toBe(1);
        // The other org did not come along.
        expect(await target.db.k.selectFrom("orgs").select("id").execute()).toEqual([{ id: w.orgId }]);
        doc = JSON.parse(JSON.stringify(again));
      } finally {
        await target.cleanup();
      }
    }
  });

  it("every table of the database is moved or deliberately left behind", async () => {
    const moved = new Set<string>(TRANSFER_TABLES.map((x) => x.name));
    const names = (await t.db.k.introspection.getTables()).map((x) => x.name);
    const undecided = names.filter(
      (n) => !moved.has(n) && !(n in NOT_TRANSFERRED) && !DERIVED_TABLE.test(n) && !n.startsWith("kysely_"),
    );
    expect(undecided).toEqual([]);
    // The lists name real tables, and no table is in both.
    for (const n of [...moved, ...Object.keys(NOT_TRANSFERRED)]) expect(names, n).toContain(n);
    expect(Object.keys(NOT_TRANSFERRED).filter((n) => moved.has(n))).toEqual([]);
  });

  it("refuses an org that is already there and a document that is not an export", async () => {
    const doc = await exportOrg(t.db, w.orgId);
    await expect(importOrg(t.db, doc)).rejects.toMatchObject({ code: "conflict" });
    await expect(importOrg(t.db, { hello: "world" })).rejects.toMatchObject({ code: "invalid" });
  });

  it("an admin downloads the export; nobody else does", async () => {
    const res = await w.as.admin.get("/api/v1/export");
    expect(res.status).toBe(200);
    expect(res.json<OrgDocument>().tables.orgs?.[0]?.id).toBe(w.orgId);
    expect(JSON.stringify(res.body)).not.toContain(w.otherOrgId);
  });
});
