// The progress result cache (docs/decisions/008): a warm read serves the kept figure, and any
// audited write — on this instance or another over the same database — is visible to the next read.
import type { Dashboard, ObjectiveProgress } from "@oars/core";
import { afterEach, beforeEach, describe, expect, inject, it } from "vitest";
import { openPostgres, openSqlite, type Db } from "../../db/database";
import type { SignedInCtx } from "../../http/context";
import { buildApp, type App } from "../../http/app";
import { buildWorld, client, type Client, type World } from "../../../test/factory";
import { ENGINE, testApp, type TestApp } from "../../../test/harness";
import { ensureStages } from "../crm/stages.service";
import { dataVersion } from "./data-version";
import { cachedProgress } from "./progress-cache";

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

/** Mia's revenue objective over the dashboard's quarter. */
async function miaObjective() {
  const dash = await ok<Dashboard>(w.as.memberA.get("/api/v1/dashboard"));
  const plan = await ok<{ id: string }>(
    w.as.memberA.post("/api/v1/plans", {
      title: "Mia's plan",
      ownerType: "person",
      ownerId: w.people.memberA.id,
      horizonStart: "2026-01-01",
      horizonEnd: "2027-12-31",
    }),
    201,
  );
  const objective = await ok<{ id: string }>(
    w.as.memberA.post(`/api/v1/plans/${plan.id}/objectives`, {
      title: "Mia's revenue",
      metric: { key: "revenue_won" },
      target: 100_000_00,
      unit: "EUR",
      startDate: dash.periodStart,
      dueDate: dash.periodEnd,
      ownerType: "person",
      ownerId: w.people.memberA.id,
    }),
    201,
  );
  return { id: objective.id, today: dash.today };
}

async function wonDeal(as: Client, amountMinor: number, closeDate: string) {
  const won = (await ensureStages(t.db.k, w.orgId)).find((s) => s.kind === "won");
  await ok(as.post("/api/v1/deals", { name: "Won", amountMinor, stageId: won?.id, closeDate }), 201);
}

/** A second server instance over the same database, with its own handle (so its own cache). */
async function secondInstance(): Promise<{ app: App; db: Db; as: (c: Client) => Client }> {
  let db: Db;
  if (ENGINE === "postgres") {
    const name = (
      await t.db.k
        .selectFrom("orgs")
        .select((eb) => eb.fn<string>("current_database", []).as("d"))
        .executeTakeFirstOrThrow()
    ).d;
    db = openPostgres(Object.assign(new URL(inject("pgUrl")), { pathname: `/${name}` }).toString(), 2);
  } else {
    const file = t.db.sqlite?.name;
    if (!file) throw new Error("no SQLite file");
    db = openSqlite(file);
  }
  const app = await buildApp({ db, config: t.config, mailer: null }, { logger: false });
  await app.ready();
  return {
    app,
    db,
    as: (c) => client(app, { cookie: c.cookie, csrf: c.csrf, personId: c.personId, email: c.email }),
  };
}

describe("progress cache", () => {
  it("serves a kept figure until the org's data version moves", async () => {
    const ctx = {
      db: t.db,
      actor: { orgId: w.orgId, personId: w.people.memberA.id },
    } as unknown as SignedInCtx;
    let computed = 0;
    const read = () => cachedProgress(ctx, "test", "k", async () => ++computed);
    expect(await read()).toBe(1);
    expect(await read()).toBe(1);
    const before = await dataVersion(t.db.k, w.orgId);
    // Any audited write bumps the version in its own transaction.
    await ok(w.as.memberA.post("/api/v1/activities", { type: "call", subject: "Call", status: "done" }), 201);
    expect(await dataVersion(t.db.k, w.orgId)).toBe(before + 1);
    expect(await read()).toBe(2);
    expect(await read()).toBe(2);
    // A failed computation is not kept.
    await expect(
      cachedProgress(ctx, "test", "fails", async () => Promise.reject(new Error("no"))),
    ).rejects.toThrow("no");
    expect(await cachedProgress(ctx, "test", "fails", async () => "now")).toBe("now");
  });

  it("a won deal and a logged call show in the next read of the cached figures", async () => {
    const o = await miaObjective();
    const read = () => ok<ObjectiveProgress>(w.as.memberA.get(`/api/v1/objectives/${o.id}/progress`));
    const dash = () => ok<Dashboard>(w.as.memberA.get("/api/v1/dashboard"));
    expect((await read()).actual).toBe(0);
    expect((await read()).actual).toBe(0);
    const calls = (await dash()).week.calls;
    expect((await dash()).objectives.find((x) => x.objectiveId === o.id)?.actual).toBe(0);

    await wonDeal(w.as.memberA, 25_000_00, o.today);
    expect((await read()).actual).toBe(25_000_00);
    expect((await dash()).objectives.find((x) => x.objectiveId === o.id)?.actual).toBe(25_000_00);

    await ok(w.as.memberA.post("/api/v1/activities", { type: "call", subject: "Call", status: "done" }), 201);
    expect((await dash()).week.calls).toBe(calls + 1);
  });

  it("a write through one instance shows on another over the same database", async () => {
    const o = await miaObjective();
    const other = await secondInstance();
    try {
      const mia = other.as(w.as.memberA);
      const read = () => ok<ObjectiveProgress>(mia.get(`/api/v1/objectives/${o.id}/progress`));
      expect((await read()).actual).toBe(0);
      expect((await read()).actual).toBe(0);
      await wonDeal(w.as.memberA, 12_000_00, o.today);
      expect((await read()).actual).toBe(12_000_00);
      // And back: a write through the second instance shows on the first.
      const won = (await ensureStages(t.db.k, w.orgId)).find((s) => s.kind === "won");
      await ok(
        mia.post("/api/v1/deals", {
          name: "Second",
          amountMinor: 3_000_00,
          stageId: won?.id,
          closeDate: o.today,
        }),
        201,
      );
      expect(
        (await ok<ObjectiveProgress>(w.as.memberA.get(`/api/v1/objectives/${o.id}/progress`))).actual,
      ).toBe(15_000_00);
    } finally {
      await other.app.close();
      await other.db.close();
    }
  });
});
