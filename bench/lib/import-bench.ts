// CSV import of deals through the real path (`oars import deals`: parsing, validation, account and
// owner lookup, stage history, audit per batch) against the raw database doing the same insert:
// one prepared INSERT into the same table, same indexes and PRAGMAs, 10k rows per transaction on
// SQLite; psql's \copy (COPY FROM STDIN) on PostgreSQL.
import fs from "node:fs";
import path from "node:path";
import { openSqlite } from "../../packages/server/src/db/database";
import { deal, DEAL_CSV_HEADER, dealCsvLine, id, type Org, type Plan } from "./dataset";
import { runOars } from "./proc";
import { psqlCopy } from "./sinks";

export interface ImportFigures {
  rows: number;
  importRowsPerSecond: number;
  importWallSeconds: number;
  importPeakMb: number | null;
  baselineRowsPerSecond: number;
  share: number;
}

export async function writeDealCsv(p: Plan, o: Org, file: string): Promise<void> {
  const out = fs.createWriteStream(file);
  out.write(`${DEAL_CSV_HEADER}\n`);
  let buffer = "";
  for (let n = 0; n < p.deals; n++) {
    buffer += `${dealCsvLine(deal(p, o, n))}\n`;
    if (n % 5000 === 4999) {
      if (!out.write(buffer)) await new Promise<void>((r) => out.once("drain", () => r()));
      buffer = "";
    }
  }
  out.write(buffer);
  await new Promise((r) => out.end(r));
}

/**
 * Deal n's id as the import makes them: time-ordered like UUIDv7 (db/ids.ts), so rows go in at the
 * right-hand end of the primary key as they do through the import. (Random ids would make the
 * baseline pay for page splits and cache misses across the whole key the import never pays.)
 */
export function orderedId(n: number): string {
  const hex = n.toString(16).padStart(18, "0");
  return `019ac000-0000-7${hex.slice(0, 3)}-8${hex.slice(3, 6)}-${hex.slice(6, 18)}`;
}

/** The row the import writes for deal n, column for column, for the baseline to insert. */
export function dealRow(p: Plan, o: Org, n: number): Record<string, string | number | null> {
  const d = deal(p, o, n);
  const stage = id("stage", d.stageIndex);
  const status = d.stageIndex === 5 ? "won" : d.stageIndex === 6 ? "lost" : "open";
  const probability = [10, 20, 40, 60, 80, 100, 0][d.stageIndex] ?? 10;
  const category =
    status !== "open"
      ? "closed"
      : (["pipeline", "pipeline", "pipeline", "best_case", "commit"][d.stageIndex] ?? "pipeline");
  const rep = d.accountN % o.repIds.length;
  const at = "2026-11-27T00:00:00.000Z";
  return {
    id: orderedId(n),
    org_id: o.orgId,
    owner_id: o.repIds[rep] ?? "",
    team_id: o.repTeams[rep] ?? null,
    external_id: d.externalId,
    deleted_at: null,
    version: 1,
    created_at: at,
    updated_at: at,
    account_id: id("account", d.accountN),
    name: d.name,
    name_key: d.name.toLowerCase(),
    amount_minor: d.amountMinor,
    currency: "USD",
    amount_org_minor: d.amountMinor,
    stage_id: stage,
    status,
    probability,
    forecast_category: category,
    close_date: d.closeDate,
    created_date: d.createdDate,
    lost_reason: null,
    business_type: "new",
    stage_changed_at: `${status === "open" ? d.createdDate : d.closeDate}T00:00:00.000Z`,
  };
}

async function importThroughOars(env: NodeJS.ProcessEnv, csv: string, p: Plan) {
  const ran = await runOars(
    ["import", "deals", csv, "--as", "admin@bench.example", "--json", "--no-progress"],
    env,
  );
  if (ran.code !== 0) throw new Error(`oars import failed: ${ran.stderr}`);
  const job = JSON.parse(ran.stdout) as {
    counts: { created: number; rejected: number };
    progress: { rowsPerSecond: number };
  };
  if (job.counts.created !== p.deals || job.counts.rejected !== 0)
    throw new Error(
      `import created ${job.counts.created} of ${p.deals} (${job.counts.rejected} rejected): ${ran.stdout.replace(/\s+/g, " ").slice(0, 3000)}`,
    );
  return { rowsPerSecond: job.progress.rowsPerSecond, wall: ran.seconds, peakMb: ran.peakMb };
}

export async function sqliteImportBench(
  p: Plan,
  o: Org,
  baseFile: string,
  dir: string,
): Promise<ImportFigures> {
  const csv = path.join(dir, "deals.csv");
  await writeDealCsv(p, o, csv);
  const importFile = path.join(dir, "import.db");
  const baselineFile = path.join(dir, "baseline.db");
  fs.copyFileSync(baseFile, importFile);
  fs.copyFileSync(baseFile, baselineFile);
  const imported = await importThroughOars(
    { OARS_DATABASE_URL: `sqlite:${importFile}`, OARS_LOG_LEVEL: "silent" },
    csv,
    p,
  );

  const db = openSqlite(baselineFile);
  const sqlite = db.sqlite;
  if (!sqlite) throw new Error("no SQLite handle");
  const first = dealRow(p, o, 0);
  const columns = Object.keys(first);
  const insert = sqlite.prepare(
    `insert into deals (${columns.join(",")}) values (${columns.map(() => "?").join(",")})`,
  );
  const tx = sqlite.transaction((from: number, to: number) => {
    for (let n = from; n < to; n++) insert.run(Object.values(dealRow(p, o, n)));
  });
  const started = performance.now();
  for (let n = 0; n < p.deals; n += 10_000) tx(n, Math.min(p.deals, n + 10_000));
  const baseline = p.deals / ((performance.now() - started) / 1000);
  await db.close();
  fs.rmSync(baselineFile, { force: true });
  for (const f of [`${baselineFile}-wal`, `${baselineFile}-shm`]) fs.rmSync(f, { force: true });
  return figures(p, imported, baseline);
}

export async function postgresImportBench(
  p: Plan,
  o: Org,
  url: (db: string) => string,
  dir: string,
): Promise<ImportFigures> {
  // Written afresh: a file left by a run at another scale names owners this org lacks.
  const csv = path.join(dir, "deals.csv");
  await writeDealCsv(p, o, csv);
  const imported = await importThroughOars(
    { OARS_DATABASE_URL: url("bench_import"), OARS_LOG_LEVEL: "silent" },
    csv,
    p,
  );
  // The baseline's file holds the rows exactly as the table stores them.
  const raw = path.join(dir, "deals-raw.csv");
  const columns = Object.keys(dealRow(p, o, 0));
  const out = fs.createWriteStream(raw);
  for (let n = 0; n < p.deals; n++) {
    const line = `${Object.values(dealRow(p, o, n))
      .map((v) => (v === null ? "" : String(v)))
      .join(",")}\n`;
    if (!out.write(line)) await new Promise<void>((r) => out.once("drain", () => r()));
  }
  await new Promise((r) => out.end(r));
  const started = performance.now();
  psqlCopy(url("bench_copy"), "deals", columns, raw);
  const baseline = p.deals / ((performance.now() - started) / 1000);
  fs.rmSync(raw, { force: true });
  return figures(p, imported, baseline);
}

function figures(
  p: Plan,
  imported: { rowsPerSecond: number; wall: number; peakMb: number | null },
  baseline: number,
): ImportFigures {
  return {
    rows: p.deals,
    importRowsPerSecond: imported.rowsPerSecond,
    importWallSeconds: imported.wall,
    importPeakMb: imported.peakMb,
    baselineRowsPerSecond: Math.round(baseline),
    share: imported.rowsPerSecond / baseline,
  };
}
