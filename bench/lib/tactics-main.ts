// Runs the target-splitting benchmark on SQLite and PostgreSQL (a throwaway server unless --pg or
// OARS_BENCH_PG_URL is given) and prints a Markdown table for bench/RESULTS.md.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { migrate, openPostgres, openSqlite } from "../../packages/server/src/db/database";
import { tacticsReport, tacticsSplitBench, type TacticsFigures } from "./tactics-bench";
import { benchPostgres } from "./proc";

export async function tacticsMain(argv: string[]): Promise<number> {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const people = Number(value("--people") ?? 2000);
  const engine = value("--engine") ?? "both";
  const figures: TacticsFigures[] = [];
  if (engine === "sqlite" || engine === "both") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "oars-bench-tactics-"));
    const db = openSqlite(path.join(dir, "bench.db"));
    try {
      await migrate(db);
      figures.push(await tacticsSplitBench(db, "SQLite", people));
    } finally {
      await db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  if (engine === "postgres" || engine === "both") {
    const { admin, stop } = await benchPostgres(value("--pg") ?? process.env.OARS_BENCH_PG_URL);
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query("drop database if exists bench_tactics with (force)");
    await client.query("create database bench_tactics");
    const db = openPostgres(Object.assign(new URL(admin), { pathname: "/bench_tactics" }).toString(), 4);
    try {
      await migrate(db);
      figures.push(await tacticsSplitBench(db, "PostgreSQL", people));
    } finally {
      await db.close();
      await client.query("drop database if exists bench_tactics with (force)");
      await client.end();
      stop();
    }
  }
  process.stdout.write(`${tacticsReport(figures)}\n`);
  return 0;
}
