// The benchmark run: parse options, build the dataset per engine, measure import and list pages,
// print and save the figures (bench/out/results.json and .md).
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { migrate, openPostgres, openSqlite } from "../../packages/server/src/db/database";
import { org, plan, type Plan } from "./dataset";
import { postgresImportBench, sqliteImportBench, type ImportFigures } from "./import-bench";
import {
  listBench,
  searchAt,
  type LatencyFigures,
  type SearchAtFigures,
  type SearchFigures,
} from "./list-bench";
import { loadActivities, loadOrg } from "./load";
import {
  progressPostgres,
  progressReport,
  progressSqlite,
  sqliteProgressDb,
  type ProgressFigures,
} from "./progress-bench";
import { benchPostgres, ROOT } from "./proc";
import { postgresSink, sqliteSink } from "./sinks";

interface Options {
  scale: number;
  smoke: boolean;
  engines: ("sqlite" | "postgres")[];
  pg: string | undefined;
  out: string;
  /** Requests per page measured (after an eighth as many to warm up). */
  runs: number;
  /** Rebuild SQLite's base.db even when an earlier run's fits. */
  fresh: boolean;
  /** Keep the imported SQLite database (import.db) for profiling instead of removing it. */
  keep: boolean;
  /** Which benches: import (CSV import and the deals pages), progress (issue 6), lists (the deals pages alone, over the progress database).*/
  benches: ("import" | "progress" | "lists")[];
  /** Seconds of the 50-client load on the rep's dashboard. */
  seconds: number;
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
    fresh: argv.includes("--fresh"),
    keep: argv.includes("--keep"),
    benches: benches(value("--bench") ?? "import,progress"),
    seconds: Number(value("--seconds") ?? (smoke ? 2 : 10)),
  };
}

function benches(list: string): Options["benches"] {
  const names = list.split(",").map((x) => x.trim());
  for (const n of names)
    if (n !== "import" && n !== "progress" && n !== "lists")
      throw new Error("--bench takes import, progress and/or lists (comma-separated)");
  return names as Options["benches"];
}

/** `--no-search`: the deals pages without the name search (its substring-scan baseline takes
 * seconds a query at a million deals; `--search-at N` measures search alone). */
const SEARCH = !process.argv.includes("--no-search");

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
  search: SearchFigures[];
}

/** A base.db left by an earlier run at the same scale (same org id, same counts) is reused. */
function reusableBase(file: string, p: Plan): boolean {
  if (!fs.existsSync(file)) return false;
  const o = org(p);
  try {
    const db = new Database(file, { readonly: true });
    try {
      const count = (table: string) =>
        (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
      const orgId = (db.prepare("select id from orgs").get() as { id: string } | undefined)?.id;
      return (
        orgId === o.orgId &&
        count("accounts") === p.accounts &&
        count("people") === o.people.length &&
        count("teams") === o.teams.length &&
        count("deals") === 0
      );
    } finally {
      db.close();
    }
  } catch {
    return false;
  }
}

async function sqlite(
  p: Plan,
  dir: string,
  runs: number,
  fresh: boolean,
  keep = false,
): Promise<EngineFigures> {
  const base = path.join(dir, "base.db");
  const reuse = !fresh && reusableBase(base, p);
  for (const f of fs.existsSync(dir) ? fs.readdirSync(dir) : [])
    if (!reuse || !["base.db", "deals.csv"].includes(f)) fs.rmSync(path.join(dir, f), { force: true });
  fs.mkdirSync(dir, { recursive: true });
  const db = openSqlite(base);
  await migrate(db);
  const o = reuse
    ? org(p)
    : await step("sqlite: org, teams, people, accounts", () =>
        loadOrg(sqliteSink(db.sqlite as NonNullable<typeof db.sqlite>), p),
      );
  if (reuse) log("sqlite: reusing base.db (org, teams, people, accounts) from an earlier run");
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
  const { lists, search } = await step("sqlite: deals pages", () =>
    listBench("sqlite", listDb, o, runs, { search: SEARCH }),
  );
  // The imported database is gigabytes at full scale and rebuilt by every run.
  if (!keep) for (const f of [listDb, `${listDb}-wal`, `${listDb}-shm`]) fs.rmSync(f, { force: true });
  return { engine: "SQLite", import: imported, lists, search };
}

async function postgres(
  p: Plan,
  dir: string,
  given: string | undefined,
  runs: number,
): Promise<EngineFigures> {
  fs.mkdirSync(dir, { recursive: true });
  const { admin, stop } = await benchPostgres(given);
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
    const { lists, search } = await step("postgres: deals pages", () =>
      listBench("postgres", url("bench_import"), o, runs, { search: SEARCH }),
    );
    return { engine: "PostgreSQL", import: imported, lists, search };
  } finally {
    for (const name of ["bench_import", "bench_copy", "bench_base"])
      await client.query(`drop database if exists ${name} with (force)`);
    await client.end();
    stop();
  }
}

const ms = (x: number) => x.toFixed(2);

function listsReport(
  p: Plan,
  figures: { engine: string; lists: LatencyFigures[]; search: SearchFigures[] }[],
) {
  return [
    `Deals pages at scale ${p.scale} (${p.deals} deals, ${p.activities} activities):`,
    "",
    "| engine | page | rows | API p50 ms | API p95 ms (≤ 10) | bare HTTP+SQL p95 ms | SQL p95 ms | API ÷ bare | API ÷ SQL (≤ 3×) |",
    "|---|---|---|---|---|---|---|---|---|",
    ...figures.flatMap((f) =>
      f.lists.map(
        (l) =>
          `| ${f.engine} | ${l.page} | ${l.rows} | ${ms(l.apiP50)} | ${ms(l.apiP95)} | ${ms(l.bareP95)} | ${ms(l.sqlP95)} | ${l.ratioToBare.toFixed(1)}× | ${l.ratioToSql.toFixed(1)}× |`,
      ),
    ),
    "",
    "| engine | scope | q | rows | API p50 ms | API p95 ms | indexed SQL p95 ms | LIKE SQL p95 ms |",
    "|---|---|---|---|---|---|---|---|",
    ...figures.flatMap((f) =>
      f.search.map(
        (x) =>
          `| ${f.engine} | ${x.scope} | ${x.q} | ${x.rows} | ${ms(x.apiP50)} | ${ms(x.apiP95)} | ${ms(x.indexedSqlP95)} | ${ms(x.likeSqlP95)} |`,
      ),
    ),
  ].join("\n");
}

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

/** `--search-at N`: name search before and after the word index at N deals, on each engine. */
async function searchOnly(o: Options, n: number): Promise<number> {
  const rows: SearchAtFigures[] = [];
  for (const engine of o.engines) {
    if (engine === "sqlite") {
      const dir = path.join(o.out, "search");
      fs.rmSync(dir, { recursive: true, force: true });
      fs.mkdirSync(dir, { recursive: true });
      rows.push(
        ...(await step(`sqlite: search at ${n}`, () =>
          searchAt("sqlite", path.join(dir, "search.db"), n, 200),
        )),
      );
      fs.rmSync(dir, { recursive: true, force: true });
    } else {
      const { admin, stop } = await benchPostgres(o.pg);
      const client = new pg.Client({ connectionString: admin });
      await client.connect();
      try {
        await client.query("drop database if exists bench_search with (force)");
        await client.query("create database bench_search");
        const url = Object.assign(new URL(admin), { pathname: "/bench_search" }).toString();
        rows.push(...(await step(`postgres: search at ${n}`, () => searchAt("postgres", url, n, 200))));
      } finally {
        await client.query("drop database if exists bench_search with (force)");
        await client.end();
        stop();
      }
    }
  }
  const text = [
    `Name search at ${n} deals (one org; first 50 by close date; 200 runs after 25 to warm up).`,
    "",
    "| engine | q | matches | before: LIKE p50 ms | LIKE p95 ms | after: word index p50 ms | p95 ms |",
    "|---|---|---|---|---|---|---|",
    ...rows.map(
      (r) =>
        `| ${r.engine} | "${r.q}" | ${r.matches} | ${ms(r.likeP50)} | ${ms(r.likeP95)} | ${ms(r.indexedP50)} | ${ms(r.indexedP95)} |`,
    ),
  ].join("\n");
  process.stdout.write(`${text}\n`);
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  const o = options(argv);
  const searchAtN = argv.indexOf("--search-at");
  if (searchAtN >= 0) return searchOnly(o, Number(argv[searchAtN + 1] ?? 100_000));
  const p = plan(o.scale);
  const started = performance.now();
  const figures: EngineFigures[] = [];
  const progress: ProgressFigures[] = [];
  const progressOpts = { runs: o.runs, seconds: o.seconds, smoke: o.smoke };
  for (const engine of o.engines) {
    if (o.benches.includes("import"))
      figures.push(
        engine === "sqlite"
          ? await sqlite(p, path.join(o.out, "sqlite"), o.runs, o.fresh || o.smoke, o.keep)
          : await postgres(p, path.join(o.out, "postgres"), o.pg, o.runs),
      );
    if (o.benches.includes("progress"))
      progress.push(
        await step(`${engine}: progress dashboards`, () =>
          engine === "sqlite"
            ? progressSqlite(
                p,
                path.join(o.out, "progress/sqlite"),
                path.join(o.out, "sqlite/base.db"),
                progressOpts,
              )
            : progressPostgres(p, path.join(o.out, "progress/postgres"), o.pg, progressOpts),
        ),
      );
  }
  // `lists`: the deals pages alone, over the progress bench's database (the whole dataset — a
  // million deals and five million activities at full scale — without re-running the import).
  const lists: { engine: string; lists: LatencyFigures[]; search: SearchFigures[] }[] = [];
  for (const engine of o.benches.includes("lists") ? o.engines : [])
    lists.push(
      await step(`${engine}: deals pages over the progress database`, async () => {
        if (engine !== "sqlite") throw new Error("--bench lists runs on sqlite (PostgreSQL: --bench import)");
        const file = await sqliteProgressDb(
          p,
          path.join(o.out, "progress/sqlite"),
          path.join(o.out, "sqlite/base.db"),
        );
        return { engine: "SQLite", ...(await listBench("sqlite", file, org(p), o.runs, { search: SEARCH })) };
      }),
    );
  const text = [
    ...(figures.length > 0 ? [report(p, figures, o.smoke)] : []),
    ...(lists.length > 0 ? [listsReport(p, lists)] : []),
    ...(progress.length > 0
      ? ["Live progress dashboards (issue 6):", "", progressReport(progress, o.smoke)]
      : []),
  ].join("\n\n");
  fs.mkdirSync(o.out, { recursive: true });
  // A run of one bench keeps its own results file, beside the other's.
  const name = o.benches.length === 1 ? `results-${o.benches[0]}` : "results";
  fs.writeFileSync(
    path.join(o.out, `${name}.json`),
    JSON.stringify({ plan: p, figures, progress, seconds: (performance.now() - started) / 1000 }, null, 2),
  );
  fs.writeFileSync(path.join(o.out, `${name}.md`), `${text}\n`);
  process.stdout.write(`${text}\n\nTotal ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  if (o.smoke) {
    if (o.benches.includes("import")) fs.rmSync(path.join(o.out, "sqlite"), { recursive: true, force: true });
    fs.rmSync(path.join(o.out, "progress"), { recursive: true, force: true });
  }
  return 0;
}
