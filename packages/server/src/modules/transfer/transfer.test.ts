// Moving a whole organisation: export, import into the other engine, export again, compare.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import pg from "pg";
import { buildWorld, type World } from "../../../test/factory";
import { ENGINE, testApp, type TestApp } from "../../../test/harness";
import { migrate, openPostgres, openSqlite, type Db } from "../../db/database";
import { exportOrg, importOrg, type OrgDocument } from "./transfer.service";

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

describe("organisation export and import", () => {
  // On the PostgreSQL run the org goes PostgreSQL → SQLite → PostgreSQL, so both directions are
  // proven; the SQLite run (no server at hand) goes SQLite → SQLite.
  it("round-trips through the other database unchanged", async () => {
    const first = await exportOrg(t.db, w.orgId);
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
        // The other org did not come along.
        expect(await target.db.k.selectFrom("orgs").select("id").execute()).toEqual([{ id: w.orgId }]);
        doc = JSON.parse(JSON.stringify(again));
      } finally {
        await target.cleanup();
      }
    }
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
