// Test harness: a fresh database per test — a copied, migrated SQLite file, or on PostgreSQL a
// database per worker with an organisation per test — and the real app on top, driven with inject.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { inject } from "vitest";
import { loadConfig, type Config } from "../src/config";
import { migrate, openPostgres, openSqlite, type Db } from "../src/db/database";
import { buildApp, type App } from "../src/http/app";
import { createMailer, type Mailer } from "../src/mail";

export const ENGINE = process.env.OARS_TEST_DB === "postgres" ? "postgres" : "sqlite";

let template: Promise<string> | null = null;
function sqliteTemplate(): Promise<string> {
  template ??= (async () => {
    const file = path.join(os.tmpdir(), `oars-template-${process.pid}-${Date.now()}.db`);
    const db = openSqlite(file);
    await migrate(db);
    db.sqlite?.pragma("wal_checkpoint(TRUNCATE)");
    await db.close();
    return file;
  })();
  return template;
}

let workerDbUrl: Promise<string> | null = null;
function postgresWorkerDb(): Promise<string> {
  workerDbUrl ??= (async () => {
    const admin = inject("pgUrl");
    const name = `oars_w${process.env.VITEST_POOL_ID ?? "0"}_${process.pid}`;
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(`drop database if exists ${name}`);
    await client.query(`create database ${name}`);
    await client.end();
    const url = new URL(admin);
    url.pathname = `/${name}`;
    const db = openPostgres(url.toString(), 2);
    await migrate(db);
    await db.close();
    return url.toString();
  })();
  return workerDbUrl;
}

let isolatedCount = 0;
/** A database of its own on PostgreSQL too, for tests that need an empty installation. */
async function isolatedPostgres(): Promise<{ db: Db; drop: () => Promise<void> }> {
  const admin = inject("pgUrl");
  const name = `oars_iso_${process.pid}_${++isolatedCount}`;
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(`drop database if exists ${name}`);
  await c.query(`create database ${name}`);
  await c.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const db = openPostgres(url.toString(), 2);
  await migrate(db);
  return {
    db,
    drop: async () => {
      const d = new pg.Client({ connectionString: admin });
      await d.connect();
      await d.query(`drop database if exists ${name} with (force)`);
      await d.end();
    },
  };
}

export async function freshDb(
  opts: { isolated?: boolean } = {},
): Promise<{ db: Db; file: string | null; drop?: () => Promise<void> }> {
  if (ENGINE === "postgres") {
    if (opts.isolated) {
      const iso = await isolatedPostgres();
      return { db: iso.db, file: null, drop: iso.drop };
    }
    return { db: openPostgres(await postgresWorkerDb(), 4), file: null };
  }
  const file = path.join(os.tmpdir(), `oars-test-${process.pid}-${Math.random().toString(36).slice(2)}.db`);
  fs.copyFileSync(await sqliteTemplate(), file);
  return { db: openSqlite(file), file };
}

export interface TestApp {
  app: App;
  db: Db;
  config: Config;
  sent: { to: string; subject: string; text: string }[];
  close(): Promise<void>;
}

export async function testApp(
  opts: { mailer?: boolean; config?: Partial<Config>; isolated?: boolean } = {},
): Promise<TestApp> {
  const { db, file, drop } = await freshDb({ isolated: opts.isolated });
  const config = loadConfig({ OARS_LOG_LEVEL: "silent" }, opts.config);
  const sent: TestApp["sent"] = [];
  const mailer: Mailer | null = config.smtpUrl
    ? createMailer(config)
    : opts.mailer
      ? {
          async send(mail) {
            sent.push(mail);
          },
        }
      : null;
  const app = await buildApp({ db, config, mailer }, { logger: false });
  await app.ready();
  return {
    app,
    db,
    config,
    sent,
    async close() {
      await app.close();
      await db.close();
      if (drop) await drop();
      if (file) for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    },
  };
}
