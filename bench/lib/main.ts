// The benchmark run: parse options, build the dataset per engine, measure import and list pages,
// print and save the figures (bench/out/results.json and .md).
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { migrate, openPostgres, openSqlite } from "../../packages/server/src/db/database";
import startPostgres from "../../packages/server/test/pg-global-setup";
import { plan, type Plan } from "./dataset";
import { postgresImportBench, sqliteImportBench, type ImportFigures } from "./import-bench";
import { listBench, type LatencyFigures } from "./list-bench";
import { loadActivities, loadOrg } from "./load";
import { ROOT } from "./proc";
import { postgresSink, sqliteSink } from "./sinks";

interface Options {
  scale: number;
  smoke: boolean;
  engines: ("sqlite" | "postgres")[];
  pg: string | undefined;
  out: string;
  /** Requests per page measured (after an eighth as many to warm up). */
  runs: number;
}

function options(argv: string[]): Options {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const smoke = argv.includes("--smoke");
  const engine = value("--engine") ?? (smoke ? "sqlite" : "both");
  const scale = Number(value("--scale") ?? (smoke ? 0.001 : 1));
  if (!(scale > 0 && scale <= 10)) throw new Error("--scale takes a number above 0, at most 10");
  if (!["sqlite", "postgres", "both"].includes(engine))
    throw new Error("--engine takes sqlite, postgres or both");
  return {
    scale,
    smoke,
    engines: engine === "both" ? ["sqlite", "postgres"] : [engine as "sqlite" | "postgres"],
    pg: value("--pg") ?? process.env.OARS_BENCH_PG_URL,
    out: path.resolve(value("--out") ?? path.join(ROOT, "bench/out")),
    runs: Number(value("--runs") ?? (smoke ? 100 : 1000)),
  };
}

const log = (text: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${text}\n`);
async function step<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const t = performance.now();
  log(`${name}…`);
  const r = await fn();
  log(`${name}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
  return r;
}

interface EngineFigures {
  engine: string;
  import: ImportFigures;
  lists: LatencyFigures[];
}

async function sqlite(p: Plan, dir: string, runs: number): Promise<EngineFigures> {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const base = path.join(dir, "base.db");
  const db = openSqlite(base);
  await migrate(db);
  const o = await step("sqlite: org, teams, people, accounts", () =>
    loadOrg(sqliteSink(db.sqlite as NonNullable<typeof db.sqlite>), p),
  );
  db.sqlite?.pragma("wal_checkpoint(TRUNCATE)");
  await db.close();
  const imported = await step(`sqlite: import ${p.deals} deals, and the baseline`, () =>
    sqliteImportBench(p, o, base, dir),
  );
  const listDb = path.join(dir, "import.db");
  const withActivities = openSqlite(listDb);
  await step(`sqlite: ${p.activities} activities`, () =>
    loadActivities(sqliteSink(withActivities.sqlite as NonNullable<typeof withActivities.sqlite>), p, o),
  );
  withActivities.sqlite?.pragma("wal_checkpoint(TRUNCATE)");
  await withActivities.close();
  const lists = await step("sqlite: deals pages", () => listBench("sqlite", listDb, o, runs));
  return { engine: "SQLite", import: imported, lists };
}

async function postgres(
  p: Plan,
  dir: string,
  given: string | undefined,
  runs: number,
): Promise<EngineFigures> {
  fs.mkdirSync(dir, { recursive: true });
  let admin = given;
  let stop = () => {};
  if (!admin) {
    const provided: Record<string, string> = {};
    const project = { provide: (key: string, v: string) => (provided[key] = v) };
    stop = await startPostgres(project as unknown as Parameters<typeof startPostgres>[0]);
    admin = provided.pgUrl;
  }
  if (!admin) throw new Error("no PostgreSQL server");
  const url = (name: string) => Object.assign(new URL(admin), { pathname: `/${name}` }).toString();
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    for (const name of ["bench_import", "bench_copy", "bench_base"])
      await client.query(`drop database if exists ${name} with (force)`);
    await client.query("create database bench_base");
    const db = openPostgres(url("bench_base"), 2);
    await migrate(db);
    await db.close();
    const o = await step("postgres: org, teams, people, accounts", () =>
      loadOrg(postgresSink(url("bench_base"), dir), p),
    );
    await client.query("create database bench_import template bench_base");
    await client.query("create database bench_copy template bench_base");
    const imported = await step(`postgres: import ${p.deals} deals, and COPY`, () =>
      postgresImportBench(p, o, url, dir),
    );
    await step(`postgres: ${p.activities} activities`, () =>
      loadActivities(postgresSink(url("bench_import"), dir), p, o),
    );
    const analyse = new pg.Client({ connectionString: url("bench_import") });
    await analyse.connect();
    await analyse.query("analyze");
    await analyse.end();
    const lists = await step("postgres: deals pages", () =>
      listBench("postgres", url("bench_import"), o, runs),
    );
    return { engine: "PostgreSQL", import: imported, lists };
  } finally {
    for (const name of ["bench_import", "bench_copy", "bench_base"])
      await client.query(`drop database if exists ${name} with (force)`);
    await client.end();
    stop();
  }
}

const ms = (x: number) => x.toFixed(2);

function report(p: Plan, figures: EngineFigures[], smoke: boolean): string {
  const lines = [
    `Scale ${p.scale}: ${p.reps} reps, ${p.teams} teams, ${p.accounts} accounts, ${p.deals} deals, ${p.activities} activities.`,
    "",
    "| engine | import rows/s | baseline rows/s | share | goal | import wall s | peak MB |",
    "|---|---|---|---|---|---|---|",
    ...figures.map((f) => {
      const goal = f.engine === "SQLite" ? 0.4 : 0.5;
      return `| ${f.engine} | ${Math.round(f.import.importRowsPerSecond)} | ${f.import.baselineRowsPerSecond} | ${(f.import.share * 100).toFixed(0)}% | ≥ ${goal * 100}%${smoke ? "" : f.import.share >= goal ? " ✓" : " ✗"} | ${f.import.importWallSeconds.toFixed(1)} | ${f.import.importPeakMb?.toFixed(0) ?? "n/a"} |`;
    }),
    "",
    "| engine | page | rows | API p50 ms | API p95 ms | bare HTTP+SQL p95 ms | SQL p95 ms | API ÷ bare | API ÷ SQL |",
    "|---|---|---|---|---|---|---|---|---|",
    ...figures.flatMap((f) =>
      f.lists.map(
        (l) =>
          `| ${f.engine} | ${l.page} | ${l.rows} | ${ms(l.apiP50)} | ${ms(l.apiP95)} | ${ms(l.bareP95)} | ${ms(l.sqlP95)} | ${l.ratioToBare.toFixed(1)}× | ${l.ratioToSql.toFixed(1)}× |`,
      ),
    ),
  ];
  return lines.join("\n");
}

export async function main(argv: string[]): Promise<number> {
  const o = options(argv);
  const p = plan(o.scale);
  const started = performance.now();
  const figures: EngineFigures[] = [];
  for (const engine of o.engines)
    figures.push(
      engine === "sqlite"
        ? await sqlite(p, path.join(o.out, "sqlite"), o.runs)
        : await postgres(p, path.join(o.out, "postgres"), o.pg, o.runs),
    );
  const text = report(p, figures, o.smoke);
  fs.mkdirSync(o.out, { recursive: true });
  fs.writeFileSync(
    path.join(o.out, "results.json"),
    JSON.stringify({ plan: p, figures, seconds: (performance.now() - started) / 1000 }, null, 2),
  );
  fs.writeFileSync(path.join(o.out, "results.md"), `${text}\n`);
  process.stdout.write(`${text}\n\nTotal ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  if (o.smoke) fs.rmSync(path.join(o.out, "sqlite"), { recursive: true, force: true });
  return 0;
}
