// The CLI as a user runs it: a real `oars` process on its own data folder (and, on PostgreSQL, its
// own database), seeded with the demo before the file's tests and removed after them.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, expect, inject } from "vitest";
import { loadConfig } from "../src/config";
import { openDatabase } from "../src/db/database";
import { ENGINE } from "./harness";

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../bin/oars.js");

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface DemoCli {
  oars(args: string[]): Promise<CliRun>;
  /** The process's data folder, for files the tests write. */
  readonly dataDir: string;
  /** Runs one SQL statement on the process's database, as an operator's shell would. */
  sql(text: string): Promise<void>;
}

/** Registers the set-up and clean-up hooks; `seed` are the arguments of the seeding command. */
export function demoCli(name: string, seed: string[] = ["seed", "--demo"]): DemoCli {
  let dataDir = "";
  let env: NodeJS.ProcessEnv = {};
  let dropDb: (() => Promise<void>) | null = null;
  const oars = (args: string[]) =>
    new Promise<CliRun>((resolve) => {
      execFile(process.execPath, [BIN, ...args], { env, timeout: 60_000 }, (err, stdout, stderr) => {
        resolve({ code: err ? (typeof err.code === "number" ? err.code : 1) : 0, stdout, stderr });
      });
    });

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `oars-${name}-cli-`));
    env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      OARS_DATA_DIR: dataDir,
      OARS_LOG_LEVEL: "silent",
    };
    if (ENGINE === "postgres") {
      const db = `oars_${name}_cli_${process.pid}`;
      const admin = new pg.Client({ connectionString: inject("pgUrl") });
      await admin.connect();
      await admin.query(`drop database if exists ${db}`);
      await admin.query(`create database ${db}`);
      const url = new URL(inject("pgUrl"));
      url.pathname = `/${db}`;
      env.OARS_DATABASE_URL = url.toString();
      dropDb = async () => {
        await admin.query(`drop database if exists ${db} with (force)`);
        await admin.end();
      };
    }
    const seeded = await oars(seed);
    expect(seeded.stderr).toBe("");
  }, 120_000);
  afterAll(async () => {
    await dropDb?.();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  return {
    oars,
    get dataDir() {
      return dataDir;
    },
    async sql(text: string) {
      const db = openDatabase(loadConfig(env));
      try {
        await sql.raw(text).execute(db.k);
      } finally {
        await db.close();
      }
    },
  };
}
