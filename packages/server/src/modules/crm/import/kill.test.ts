// `oars import` killed mid-way (SIGKILL, no chance to clean up) and run again: the database ends
// with exactly the file's rows, none twice, and SQLite's integrity check passes.
import { execFile, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ENGINE } from "../../../../test/harness";
import { openPostgres, openSqlite, type Db } from "../../../db/database";

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../bin/oars.js");
const ROWS = 20_000;
let dir: string;
let env: NodeJS.ProcessEnv;
let drop: (() => Promise<void>) | null = null;
let db: Db;

function oars(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { env, timeout: 120_000, maxBuffer: 16 * 1024 * 1024 },
      (err, stdout, stderr) =>
        resolve({ code: err ? (typeof err.code === "number" ? err.code : 1) : 0, stdout, stderr }),
    );
  });
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "oars-kill-"));
  env = { PATH: process.env.PATH, HOME: process.env.HOME, OARS_DATA_DIR: dir, OARS_LOG_LEVEL: "silent" };
  if (ENGINE === "postgres") {
    const name = `oars_kill_${process.pid}`;
    const admin = new pg.Client({ connectionString: inject("pgUrl") });
    await admin.connect();
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
    const url = new URL(inject("pgUrl"));
    url.pathname = `/${name}`;
    env.OARS_DATABASE_URL = url.toString();
    drop = async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  }
  const setup = await oars([
    "setup",
    "--org-name",
    "Kill Co",
    "--admin-name",
    "Kim Admin",
    "--admin-email",
    "kim@kill.example",
    "--admin-password",
    "seven sleepy otters",
  ]);
  expect(setup.code).toBe(0);
  db =
    ENGINE === "postgres"
      ? openPostgres(String(env.OARS_DATABASE_URL), 2)
      : openSqlite(path.join(dir, "oars.db"));
  fs.writeFileSync(path.join(dir, "teams.csv"), "Name,Parent\nSales,\nNorth,Sales\nSouth,Sales\n");
  const reps = Array.from(
    { length: 10 },
    (_, i) => `Rep ${i},rep${i}@kill.example,member,${i % 2 ? "North" : "South"}`,
  );
  fs.writeFileSync(path.join(dir, "people.csv"), ["Name,Email,Role,Team", ...reps].join("\n"));
  const accounts = Array.from({ length: 100 }, (_, i) => `A${i},Account ${i},rep${i % 10}@kill.example`);
  fs.writeFileSync(path.join(dir, "accounts.csv"), ["External ID,Name,Owner", ...accounts].join("\n"));
  const stages = ["Prospecting", "Proposal", "Negotiation", "Closed won", "Closed lost"];
  const deals = Array.from({ length: ROWS }, (_, i) => {
    const stage = stages[i % stages.length] ?? "Prospecting";
    const lost = stage === "Closed lost" ? "Price" : "";
    return `D${String(i).padStart(6, "0")},Deal ${i},A${i % 100},rep${i % 10}@kill.example,${(i % 97) * 100 + 50}.25,${stage},2026-${String((i % 12) + 1).padStart(2, "0")}-15,${lost}`;
  });
  fs.writeFileSync(
    path.join(dir, "deals.csv"),
    ["External ID,Name,Account,Owner,Amount,Stage,Close date,Lost reason", ...deals].join("\n"),
  );
  for (const entity of ["teams", "people", "accounts"]) {
    const res = await oars(["import", entity, path.join(dir, `${entity}.csv`), "--no-progress"]);
    expect(res.stderr).toBe("");
    expect(res.stdout).toMatch(/0 rejected/);
  }
}, 120_000);

afterAll(async () => {
  await db?.close();
  await drop?.();
  fs.rmSync(dir, { recursive: true, force: true });
});

const job = () =>
  db.k.selectFrom("import_jobs").selectAll().where("entity", "=", "deals").orderBy("id").execute();
const dealCount = async () =>
  Number(
    (
      await db.k
        .selectFrom("deals")
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe("oars import killed mid-way", () => {
  it("resumes after the last committed batch: every row once, nothing half-imported", async () => {
    const child = spawn(
      process.execPath,
      [BIN, "import", "deals", path.join(dir, "deals.csv"), "--batch-size", "1000", "--no-progress"],
      { env, stdio: "ignore" },
    );
    const exited = new Promise((resolve) => child.on("exit", resolve));
    let seen = 0;
    for (let i = 0; i < 2400 && seen < 5000; i++) {
      await new Promise((r) => setTimeout(r, 25));
      seen = (await job())[0]?.rows_done ?? 0;
    }
    child.kill("SIGKILL");
    await exited;
    const [killed] = await job();
    expect(killed?.status).toBe("running");
    expect(killed?.rows_done).toBeGreaterThanOrEqual(5000);
    expect(killed?.rows_done).toBeLessThan(ROWS);
    // What the checkpoint acknowledges is exactly what is in: no batch half-written.
    expect(await dealCount()).toBe(killed?.created_count);
    expect(killed?.rows_done).toBe(killed?.created_count);

    const again = await oars([
      "import",
      "deals",
      path.join(dir, "deals.csv"),
      "--batch-size",
      "1000",
      "--no-progress",
    ]);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/Resuming import .* after row \d+/);
    const jobs = await job();
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({
      status: "done",
      rows_done: ROWS,
      created_count: ROWS,
      rejected_count: 0,
    });
    expect(await dealCount()).toBe(ROWS);
    const distinct = await db.k
      .selectFrom("deals")
      .select((eb) => eb.fn.count("external_id").distinct().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(distinct.n)).toBe(ROWS);
    const history = await db.k
      .selectFrom("deal_stage_history")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(history.n)).toBe(ROWS);
    const batches = await db.k
      .selectFrom("audit_log")
      .select("after")
      .where("action", "=", "import-batch")
      .where("entity_id", "=", jobs[0]?.id ?? "")
      .execute();
    const audited = batches.map((b) => JSON.parse(b.after ?? "{}") as { created: number });
    expect(audited.reduce((n, b) => n + b.created, 0)).toBe(ROWS);
    if (db.sqlite) expect(db.sqlite.pragma("integrity_check", { simple: true })).toBe("ok");

    const third = await oars(["import", "deals", path.join(dir, "deals.csv"), "--json"]);
    expect(JSON.parse(third.stdout)).toMatchObject({
      counts: { created: 0, updated: 0, unchanged: ROWS, rejected: 0 },
    });
    expect(await dealCount()).toBe(ROWS);
  }, 180_000);
});
