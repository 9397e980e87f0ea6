// Scheduled work runs once however many instances tick: two schedulers on one database, each with
// its own connection, race for the same slot and exactly one runs it.
import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, inject, it } from "vitest";
import { buildWorld, type World } from "../../../test/factory";
import { ENGINE, testApp, type TestApp } from "../../../test/harness";
import { openPostgres, openSqlite, type Db } from "../../db/database";
import type { Services } from "../../http/context";
import { runDueJobs, startScheduler, weeklyDigestSlot, type Job } from "./scheduler";

let t: TestApp;
let w: World;
let second: Db;
let one: Services;
let two: Services;

/** A second connection to the test's database: what another `oars serve` would hold. */
async function secondConnection(db: Db): Promise<Db> {
  if (ENGINE === "sqlite") return openSqlite(db.sqlite?.name ?? "");
  const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(db.k);
  const url = new URL(inject("pgUrl"));
  url.pathname = `/${rows[0]?.name ?? ""}`;
  return openPostgres(url.toString(), 2);
}

beforeEach(async () => {
  t = await testApp();
  w = await buildWorld(t.app, t.db);
  second = await secondConnection(t.db);
  one = { db: t.db, config: t.config, mailer: null };
  two = { db: second, config: t.config, mailer: null };
});
afterEach(async () => {
  await second.close();
  await t.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function countingJob(slot: string): Job & { runs: number } {
  const job = {
    name: "count",
    runs: 0,
    slotAt: () => slot,
    async run() {
      job.runs++;
      await sleep(30); // long enough for the other instance to try meanwhile
      return { ran: true };
    },
  };
  return job;
}

describe("scheduler", () => {
  it("two instances ticking for the same slot: one run, one claim", async () => {
    const job = countingJob("2026-11-27T10");
    const opts = { jobs: [job], orgIds: [w.orgId] };
    const [a, b] = await Promise.all([
      runDueJobs(one, { ...opts, instance: "a" }),
      runDueJobs(two, { ...opts, instance: "b" }),
    ]);
    expect(job.runs).toBe(1);
    expect(a.length + b.length).toBe(1);
    const claims = await t.db.k
      .selectFrom("scheduled_runs")
      .selectAll()
      .where("org_id", "=", w.orgId)
      .execute();
    expect(claims).toHaveLength(1);
    expect(claims[0]).toMatchObject({ job: "count", slot: "2026-11-27T10", outcome: '{"ran":true}' });
    expect(claims[0]?.finished_at).not.toBeNull();
    // The next slot runs again, once.
    const next = countingJob("2026-11-27T11");
    await Promise.all([
      runDueJobs(one, { jobs: [next], orgIds: [w.orgId], instance: "a" }),
      runDueJobs(two, { jobs: [next], orgIds: [w.orgId], instance: "b" }),
    ]);
    expect(next.runs).toBe(1);
  });

  it("the real jobs: progress alerts and the weekly digest once per slot across instances", async () => {
    const now = new Date("2026-11-24T10:00:00Z"); // a Tuesday: this week's digest is due
    const tick = (s: Services, instance: string) => runDueJobs(s, { now, instance, orgIds: [w.orgId] });
    const [a, b] = await Promise.all([tick(one, "a"), tick(two, "b")]);
    expect([...a, ...b].map((d) => `${d.job} ${d.slot}`).sort()).toEqual([
      "progress-alerts 2026-11-24T10",
      "weekly-digest 2026-11-23",
    ]);
    expect(await tick(one, "a")).toEqual([]);
    const digests = await t.db.k
      .selectFrom("notifications")
      .select("person_id")
      .where("org_id", "=", w.orgId)
      .where("kind", "=", "digest")
      .execute();
    expect(digests.filter((d) => d.person_id === w.people.memberA.id)).toHaveLength(1);
    // Run by the server itself: the audit entries name no actor.
    const audit = await t.db.k
      .selectFrom("audit_log")
      .select(["entity", "actor_id"])
      .where("org_id", "=", w.orgId)
      .where("entity", "in", ["progress_alerts", "weekly_digest"])
      .execute();
    expect(audit.map((x) => x.entity).sort()).toEqual(["progress_alerts", "weekly_digest"]);
    expect(audit.every((x) => x.actor_id === null)).toBe(true);
  });

  it("two running schedulers tick many times and still run a slot once", async () => {
    const job = countingJob("fixed-slot");
    const s1 = startScheduler(one, { instance: "a", intervalMs: 5, jobs: [job], orgIds: [w.orgId] });
    const s2 = startScheduler(two, { instance: "b", intervalMs: 5, jobs: [job], orgIds: [w.orgId] });
    await sleep(300);
    await Promise.all([s1.stop(), s2.stop()]);
    expect(job.runs).toBe(1);
  });

  it("the digest is due from Monday 08:00 in the org's time zone, for the whole week", () => {
    const paris = { timeZone: "Europe/Paris" };
    expect(weeklyDigestSlot(new Date("2026-11-23T06:30:00Z"), paris)).toBeNull(); // Monday 07:30
    expect(weeklyDigestSlot(new Date("2026-11-23T07:30:00Z"), paris)).toBe("2026-11-23"); // Monday 08:30
    expect(weeklyDigestSlot(new Date("2026-11-29T22:30:00Z"), paris)).toBe("2026-11-23"); // Sunday 23:30
    expect(weeklyDigestSlot(new Date("2026-11-29T23:30:00Z"), paris)).toBeNull(); // Monday 00:30
    // Still Monday 02:30 in New York: not yet.
    expect(weeklyDigestSlot(new Date("2026-11-23T07:30:00Z"), { timeZone: "America/New_York" })).toBeNull();
  });
});
