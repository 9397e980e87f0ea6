// Opens the one query layer over either engine: embedded SQLite (default) or PostgreSQL.
import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import {
  Kysely,
  Migrator,
  PostgresDialect,
  SqliteDialect,
  type KyselyConfig,
  type MigrationProvider,
} from "kysely";
import pg from "pg";
import type { Config } from "../config";
import { migrations } from "./migrations/index";
import type { Database } from "./schema";

export type Engine = "sqlite" | "postgres";
export interface Db {
  engine: Engine;
  k: Kysely<Database>;
  /** The raw SQLite handle, for online backup and integrity checks; null on PostgreSQL. */
  sqlite: SQLite.Database | null;
  close(): Promise<void>;
}

// PostgreSQL returns INT8 and NUMERIC as strings by default; our counts and money fit in a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

/**
 * `OARS_SLOW_QUERY_MS=N`: every query slower than N ms is written to stderr with its SQL — for
 * finding what a slow page spends its time on (0 logs every query).
 */
function slowQueryLog(): KyselyConfig["log"] {
  const threshold = process.env.OARS_SLOW_QUERY_MS;
  if (threshold === undefined || threshold === "" || !Number.isFinite(Number(threshold))) return undefined;
  return (event) => {
    if (event.queryDurationMillis < Number(threshold)) return;
    const sql = event.query.sql.replace(/\s+/g, " ");
    process.stderr.write(
      `[query ${event.queryDurationMillis.toFixed(1)} ms${event.level === "error" ? " error" : ""}] ${sql}\n`,
    );
  };
}

export function openSqlite(file: string): Db {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  // FULL: a commit the API acknowledged survives a power cut, not only a crash.
  sqlite.pragma("synchronous = FULL");
  const k = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
    log: slowQueryLog(),
  });
  return { engine: "sqlite", k, sqlite, close: () => k.destroy() };
}

/**
 * Kysely prepares every query it runs; a better-sqlite3 statement can run again, so the recent
 * ones are kept by their SQL text (preparing was most of a warm progress read's time). A statement
 * still iterating a stream is not handed out twice.
 */
function withStatementCache(sqlite: SQLite.Database, max = 500) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text: string): SQLite.Statement {
      const hit = cache.get(text);
      cache.delete(text);
      const stmt = hit && !hit.busy ? hit : sqlite.prepare(text);
      cache.set(text, stmt);
      if (cache.size > max) {
        const oldest = cache.keys().next().value;
        if (oldest !== undefined) cache.delete(oldest);
      }
      return stmt;
    },
  };
}

export function openPostgres(url: string, max = 10): Db {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle client can be cut off by the server (restart, failover, a dropped database); pg
  // emits that on the pool, and unheard it would crash the process. The pool replaces the client.
  pool.on("error", (err) =>
    process.stderr.write(`oars: idle PostgreSQL connection closed: ${err.message}\n`),
  );
  const k = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log: slowQueryLog() });
  return { engine: "postgres", k, sqlite: null, close: () => k.destroy() };
}

export function openDatabase(config: Pick<Config, "database">): Db {
  return config.database.kind === "postgres"
    ? openPostgres(config.database.url)
    : openSqlite(config.database.file);
}

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Applies every pending migration; used by boot, the CLI and the tests alike. */
export async function migrate(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db: db.k, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  const applied = (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
  // SQLite plans by the statistics ANALYZE keeps, when a database has any; an index a migration
  // just added has none, and the planner may then prefer it over a far better one (a new org-wide
  // index for a per-owner query). A bounded ANALYZE samples each index: seconds at millions of
  // rows, once, when a migration ran.
  const analysed = db.sqlite?.prepare("select 1 from sqlite_master where name = 'sqlite_stat1'").get();
  if (applied.length > 0 && analysed) db.sqlite?.exec("PRAGMA analysis_limit = 1000; ANALYZE;");
  return applied;
}
