// The `oars` command as a user runs it: a real process on a real database.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ENGINE } from "../../test/harness";

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../bin/oars.js");
let dataDir: string;
let env: NodeJS.ProcessEnv;
let dropDb: (() => Promise<void>) | null = null;

function oars(
  args: string[],
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { env: { ...env, ...extraEnv }, timeout: 60_000 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === "number" ? err.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "oars-cli-"));
  env = { PATH: process.env.PATH, HOME: process.env.HOME, OARS_DATA_DIR: dataDir, OARS_LOG_LEVEL: "silent" };
  if (ENGINE === "postgres") {
    const name = `oars_cli_${process.pid}`;
    const admin = new pg.Client({ connectionString: inject("pgUrl") });
    await admin.connect();
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
    const url = new URL(inject("pgUrl"));
    url.pathname = `/${name}`;
    env.OARS_DATABASE_URL = url.toString();
    dropDb = async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  }
});
afterAll(async () => {
  await dropDb?.();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("oars CLI", () => {
  it("sets up, adds a user, lists people as JSON and creates a token", async () => {
    const weak = await oars([
      "setup",
      "--org-name",
      "Cli Co",
      "--admin-name",
      "Cli Admin",
      "--admin-email",
      "cli@cli.example",
      "--admin-password",
      "password1234",
    ]);
    expect(weak.code).not.toBe(0);
    expect(weak.stderr).toMatch(/common/);
    const setup = await oars(
      [
        "setup",
        "--org-name",
        "Cli Co",
        "--admin-name",
        "Cli Admin",
        "--admin-email",
        "cli@cli.example",
        "--currency",
        "EUR",
        "--time-zone",
        "Europe/Berlin",
      ],
      {
        OARS_ADMIN_PASSWORD: "seven sleepy otters",
      },
    );
    expect(setup.stderr).toBe("");
    expect(setup.stdout).toMatch(/Created organisation/);
    const again = await oars([
      "setup",
      "--org-name",
      "X",
      "--admin-name",
      "X",
      "--admin-email",
      "x@cli.example",
      "--admin-password",
      "seven sleepy otters",
    ]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already set up/);

    const add = await oars([
      "user",
      "add",
      "--email",
      "rep@cli.example",
      "--name",
      "Rita Rep",
      "--role",
      "member",
    ]);
    expect(add.stdout).toMatch(/set-password\?token=/);
    const list = await oars(["user", "list", "--json"]);
    const people = JSON.parse(list.stdout) as { email: string; role: string }[];
    expect(people.map((p) => p.email).sort()).toEqual(["cli@cli.example", "rep@cli.example"]);

    const token = await oars(["token", "create", "--email", "cli@cli.example", "--scope", "read-write"]);
    expect(token.stdout.trim()).toMatch(/^oars_[A-Za-z0-9_-]{43}$/);
    const disable = await oars(["user", "disable", "rep@cli.example"]);
    expect(disable.stdout).toMatch(/Deactivated/);
  });

  it("seeds the demo once, exports and imports an organisation", async () => {
    const seed = await oars(["seed", "--demo", "--json"]);
    const demo = JSON.parse(seed.stdout) as { orgId: string; people: { email: string; password: string }[] };
    expect(demo.people.find((p) => p.email.startsWith("dana@"))?.password).toBe("demo-dana-oars");
    const twice = await oars(["seed", "--demo"]);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toMatch(/already exists/);

    const file = path.join(dataDir, "demo.json");
    const exp = await oars(["export", "--org", demo.orgId, "--out", file]);
    expect(exp.code).toBe(0);
    const doc = JSON.parse(fs.readFileSync(file, "utf8")) as { tables: { people: unknown[] } };
    expect(doc.tables.people).toHaveLength(15);
    const dup = await oars(["import", "org", file]);
    expect(dup.code).toBe(1);
    expect(dup.stderr).toMatch(/already exists/);
  });

  it("backs up and restores the SQLite database, or points to pg_dump on PostgreSQL", async () => {
    const backup = path.join(dataDir, "backup.db");
    const res = await oars(["backup", backup]);
    if (ENGINE === "postgres") {
      expect(res.code).toBe(1);
      expect(res.stderr).toMatch(/pg_dump/);
      return;
    }
    expect(res.stdout).toMatch(/Backed up/);
    await oars(["user", "add", "--email", "after@cli.example", "--name", "After Backup"]);
    const restore = await oars(["restore", backup]);
    expect(restore.stdout).toMatch(/Restored/);
    const list = JSON.parse((await oars(["user", "list", "--json"])).stdout) as { email: string }[];
    expect(list.map((p) => p.email)).not.toContain("after@cli.example");
    const bad = await oars(["restore", path.join(dataDir, "demo.json")]);
    expect(bad.code).toBe(1);
  });

  it("answers unknown commands and bad options with a message and a non-zero exit", async () => {
    const res = await oars(["frobnicate"]);
    expect(res.code).not.toBe(0);
    expect(res.stderr).toMatch(/unknown command/);
    const port = await oars(["serve", "--port", "99999"]);
    expect(port.code).toBe(1);
    expect(port.stderr).toMatch(/--port/);
  });
});
