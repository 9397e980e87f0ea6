// Writing generated rows fast, outside the code under test: SQLite through one prepared INSERT
// per table (50k rows a transaction), PostgreSQL through psql's \copy of a CSV file.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type SQLite from "better-sqlite3";

export type Row = Record<string, string | number | null>;

export interface Sink {
  insert(table: string, rows: Iterable<Row>): Promise<number>;
}

export function sqliteSink(db: SQLite.Database, rowsPerTx = 50_000): Sink {
  return {
    async insert(table, rows) {
      let stmt: SQLite.Statement | null = null;
      let columns: string[] = [];
      let n = 0;
      let batch: Row[] = [];
      const flush = db.transaction((list: Row[]) => {
        for (const r of list) stmt?.run(columns.map((c) => r[c] ?? null));
      });
      for (const row of rows) {
        if (!stmt) {
          columns = Object.keys(row);
          stmt = db.prepare(
            `insert into ${table} (${columns.join(",")}) values (${columns.map(() => "?").join(",")})`,
          );
        }
        batch.push(row);
        if (batch.length >= rowsPerTx) {
          flush(batch);
          n += batch.length;
          batch = [];
        }
      }
      if (batch.length) flush(batch);
      return n + batch.length;
    },
  };
}

/** One CSV cell as PostgreSQL's COPY reads it: empty and unquoted is NULL. */
function copyCell(v: string | number | null): string {
  if (v === null) return "";
  const s = String(v);
  return /[",\n\r]/.test(s) || s === "" ? `"${s.replace(/"/g, '""')}"` : s;
}

export function psqlCopy(url: string, table: string, columns: string[], file: string): void {
  const res = spawnSync(
    "psql",
    [
      url,
      "-v",
      "ON_ERROR_STOP=1",
      "-q",
      "-c",
      `\\copy ${table} (${columns.join(",")}) from '${file}' with (format csv)`,
    ],
    {
      encoding: "utf8",
    },
  );
  if (res.status !== 0) throw new Error(`psql \\copy ${table} failed: ${res.stderr}`);
}

export function postgresSink(url: string, dir = os.tmpdir()): Sink {
  return {
    async insert(table, rows) {
      const file = path.join(dir, `bench-${table}-${process.pid}.csv`);
      const out = fs.createWriteStream(file);
      let columns: string[] = [];
      let n = 0;
      let buffer = "";
      for (const row of rows) {
        if (n === 0) columns = Object.keys(row);
        buffer += `${columns.map((c) => copyCell(row[c] ?? null)).join(",")}\n`;
        if (++n % 10_000 === 0) {
          if (!out.write(buffer)) await new Promise<void>((r) => out.once("drain", () => r()));
          buffer = "";
        }
      }
      out.write(buffer);
      await new Promise((r) => out.end(r));
      if (n > 0) psqlCopy(url, table, columns, file);
      fs.rmSync(file, { force: true });
      return n;
    },
  };
}
