// A rep's deals page and a team manager's (open deals, by close date, first 50) through the HTTP
// API of a running `oars serve`, one client at a time, against the same page from the hand-written
// indexed SQL — raw, and behind a bare HTTP server (the floor any HTTP API pays).
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import pg from "pg";
import type { Org } from "./dataset";
import { TOKENS } from "./load";
import { freePort, startServer } from "./proc";

export interface LatencyFigures {
  page: "rep" | "manager";
  apiP50: number;
  apiP95: number;
  bareP95: number;
  sqlP95: number;
  ratioToSql: number;
  ratioToBare: number;
  rows: number;
}

/** Finding a deal by name ("deal 14001"): through the API (word index) and as raw SQL, both the
 * indexed word match and the substring LIKE the lists used before it. */
export interface SearchFigures {
  scope: "rep" | "manager" | "admin";
  q: string;
  rows: number;
  apiP50: number;
  apiP95: number;
  indexedSqlP95: number;
  likeSqlP95: number;
}

const BARE = path.join(path.dirname(fileURLToPath(import.meta.url)), "bare-server.mjs");

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
};

async function time(runs: number, run: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < Math.ceil(runs / 8); i++) await run();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await run();
    out.push(performance.now() - t);
  }
  return out;
}

async function get(url: string, token?: string): Promise<number> {
  const res = await fetch(url, token ? { headers: { authorization: `Bearer ${token}` } } : {});
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { items: unknown[] }).items.length;
}

async function startBare(engine: "sqlite" | "postgres", target: string, orgId: string) {
  const port = await freePort();
  const child = spawn(process.execPath, [BARE, engine, target, String(port), orgId], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve) => child.stdout.once("data", () => resolve()));
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill("SIGTERM") };
}

export async function listBench(
  engine: "sqlite" | "postgres",
  target: string,
  o: Org,
  runs: number,
  opts: { search?: boolean } = {},
): Promise<{ lists: LatencyFigures[]; search: SearchFigures[] }> {
  const env = engine === "sqlite" ? { OARS_DATABASE_URL: `sqlite:${target}` } : { OARS_DATABASE_URL: target };
  const server = await startServer(env, await freePort());
  const bare = await startBare(engine, target, o.orgId);
  const leaf = o.leaves[0];
  const repId = o.repIds[leaf?.reps[0] ?? 0] ?? "";
  const pages = [
    {
      page: "rep" as const,
      token: TOKENS.rep,
      query: "mine=true&status=open&sort=closeDate&limit=50",
      kind: "rep",
      key: repId,
    },
    {
      page: "manager" as const,
      token: TOKENS.manager,
      query: "status=open&sort=closeDate&limit=50",
      kind: "team",
      key: leaf?.id ?? "",
    },
  ];
  const sqlite = engine === "sqlite" ? new Database(target, { readonly: true }) : null;
  const pool = engine === "postgres" ? new pg.Pool({ connectionString: target, max: 1 }) : null;
  // The run drops its databases at the end; an idle client cut off then is no failure.
  pool?.on("error", () => {});
  const out: LatencyFigures[] = [];
  const search: SearchFigures[] = [];
  try {
    for (const p of pages) {
      const rows = await get(`${server.url}/api/v1/deals?${p.query}`, p.token);
      const api = await time(runs, () => get(`${server.url}/api/v1/deals?${p.query}`, p.token));
      const bareTimes = await time(runs, () => get(`${bare.url}/${p.kind}?key=${p.key}`));
      const sql = `select * from deals where org_id = $1 and ${p.kind === "rep" ? "owner_id" : "team_id"} = $2 and deleted_at is null and status = 'open' order by close_date, id limit 51`;
      const stmt = sqlite?.prepare(sql.replace(/\$\d/g, "?"));
      const sqlTimes = await time(runs, async () =>
        stmt ? stmt.all(o.orgId, p.key) : pool?.query({ name: p.kind, text: sql, values: [o.orgId, p.key] }),
      );
      const apiP95 = quantile(api, 0.95);
      out.push({
        page: p.page,
        apiP50: quantile(api, 0.5),
        apiP95,
        bareP95: quantile(bareTimes, 0.95),
        sqlP95: quantile(sqlTimes, 0.95),
        ratioToSql: apiP95 / quantile(sqlTimes, 0.95),
        ratioToBare: apiP95 / quantile(bareTimes, 0.95),
        rows,
      });
    }
    // Deal n = rep index + 7 × reps belongs to that rep (account n, owner n mod reps).
    const n = (leaf?.reps[0] ?? 0) + 7 * o.repIds.length;
    const q = `deal ${n}`;
    const scopes = [
      { scope: "rep" as const, token: TOKENS.rep, cond: "owner_id = $2", key: repId },
      { scope: "manager" as const, token: TOKENS.manager, cond: "team_id = $2", key: leaf?.id ?? "" },
      { scope: "admin" as const, token: TOKENS.admin, cond: "owner_id <> $2", key: "" },
    ];
    const searchRuns = Math.max(20, Math.round(runs / 5));
    for (const s of opts.search === false ? [] : scopes) {
      const url = `${server.url}/api/v1/deals?q=${encodeURIComponent(q)}&sort=closeDate&limit=50`;
      const rows = await get(url, s.token);
      const api = await time(searchRuns, () => get(url, s.token));
      const tail = `and deleted_at is null and ${s.cond} order by close_date, id limit 51`;
      const indexed =
        engine === "sqlite"
          ? `select * from deals where org_id = $1 and rowid in (select rowid from deals_fts where deals_fts match '"deal"* AND "${n}"*') ${tail}`
          : `select * from deals where org_id = $1 and to_tsvector('simple'::regconfig, regexp_replace(name_key, '[!-/:-@\\[-\`{-~]+', ' ', 'g')) @@ to_tsquery('simple', 'deal:* & ${n}:*') ${tail}`;
      const like = `select * from deals where org_id = $1 and name_key like '%deal ${n}%' ${tail}`;
      const timeSql = (text: string, name: string) => {
        const stmt = sqlite?.prepare(text.replace(/\$\d/g, "?"));
        return time(searchRuns, async () =>
          stmt ? stmt.all(o.orgId, s.key) : pool?.query({ name, text, values: [o.orgId, s.key] }),
        );
      };
      search.push({
        scope: s.scope,
        q,
        rows,
        apiP50: quantile(api, 0.5),
        apiP95: quantile(api, 0.95),
        indexedSqlP95: quantile(await timeSql(indexed, `search-${s.scope}`), 0.95),
        likeSqlP95: quantile(await timeSql(like, `like-${s.scope}`), 0.95),
      });
    }
  } finally {
    server.stop();
    bare.stop();
    sqlite?.close();
    await pool?.end();
  }
  return { lists: out, search };
}

const COMPANIES = [
  "Acme",
  "Beacon",
  "Cobalt",
  "Delta",
  "Ember",
  "Fjord",
  "Granite",
  "Harbour",
  "Iris",
  "Juniper",
];
const KINDS = ["Logistics", "Holdings", "Foods", "Energy", "Systems", "Retail", "Pharma", "Textiles"];
const WHAT = ["renewal", "expansion", "pilot", "rollout", "upgrade"];

/** Deal i of the search table: "Cobalt Energy 17 — pilot 4321", deterministic. */
export function searchDealName(i: number): string {
  return `${COMPANIES[i % 10]} ${KINDS[Math.floor(i / 10) % 8]} ${Math.floor(i / 80) % 50} — ${WHAT[i % 5]} ${i}`;
}

export interface SearchAtFigures {
  engine: string;
  deals: number;
  q: string;
  matches: number;
  likeP50: number;
  likeP95: number;
  indexedP50: number;
  indexedP95: number;
}

/**
 * Name search at `n` deals of one org, before (`name_key like '%…%'`, what the lists ran) and after
 * (the word index of migration 20261127_0030), as the list runs it: whole org, first 50 by close
 * date. A fresh database of its own, deals only (foreign keys off on SQLite; none needed here).
 */
export async function searchAt(
  engine: "sqlite" | "postgres",
  target: string,
  n: number,
  runs: number,
): Promise<SearchAtFigures[]> {
  const { migrate, openPostgres, openSqlite } = await import("../../packages/server/src/db/database");
  const { nameKey } = await import("../../packages/server/src/modules/crm/text");
  const db = engine === "sqlite" ? openSqlite(target) : openPostgres(target, 2);
  await migrate(db);
  const row = (i: number) => {
    const name = searchDealName(i);
    const close = new Date(Date.UTC(2026, 0, 1) + (i % 700) * 86_400_000).toISOString().slice(0, 10);
    return [
      `019ac000-0000-7000-8000-${i.toString(16).padStart(12, "0")}`,
      "org",
      "owner",
      `team${i % 20}`,
      name,
      nameKey(name),
      close,
    ];
  };
  const cols = "id, org_id, owner_id, team_id, name, name_key, close_date";
  const rest =
    "deleted_at, version, created_at, updated_at, account_id, amount_minor, currency, amount_org_minor, stage_id, status, probability, forecast_category, created_date, lost_reason, business_type, stage_changed_at";
  const fixed =
    "null, 1, '2026-01-01', '2026-01-01', null, 100, 'USD', 100, 'stage', 'open', 10, 'pipeline', '2026-01-01', null, 'new', '2026-01-01'";
  if (db.sqlite) {
    db.sqlite.pragma("foreign_keys = OFF");
    const insert = db.sqlite.prepare(
      `insert into deals (${cols}, ${rest}) values (?, ?, ?, ?, ?, ?, ?, ${fixed})`,
    );
    const tx = db.sqlite.transaction((from: number, to: number) => {
      for (let i = from; i < to; i++) insert.run(row(i));
    });
    for (let i = 0; i < n; i += 10_000) tx(i, Math.min(n, i + 10_000));
  } else {
    const { sql } = await import("kysely");
    await db.k.transaction().execute(async (tx) => {
      await sql`set local session_replication_role = replica`.execute(tx); // no FK checks here
      for (let i = 0; i < n; i += 10_000) {
        const rows = Array.from({ length: Math.min(10_000, n - i) }, (_, j) => row(i + j));
        const column = (k: number) => rows.map((r) => r[k] as string);
        await sql`insert into deals (${sql.raw(cols)}, ${sql.raw(rest)})
          select a, b, c, d, e, f, g, ${sql.raw(fixed)}
          from unnest(${column(0)}::text[], ${column(1)}::text[], ${column(2)}::text[], ${column(3)}::text[],
            ${column(4)}::text[], ${column(5)}::text[], ${column(6)}::text[]) as t(a, b, c, d, e, f, g)`.execute(
          tx,
        );
      }
    });
    await sql`analyze deals`.execute(db.k);
  }
  const queries = [
    "cobalt energy 17",
    `${searchDealName(4208).split(" — ")[0]} pilot`,
    `pilot ${n - 3}`,
    "harb",
  ];
  const out: SearchAtFigures[] = [];
  const { sql } = await import("kysely");
  const { nameSearch, namePlan, containsKey } = await import("../../packages/server/src/modules/crm/text");
  for (const q of queries) {
    // As the list runs it (modules/crm/owned-list.ts): the plan (matches first, or the ordered
    // scan for a common word) is chosen on every request, and its cost is part of the figure.
    const page = async (cond: ReturnType<typeof nameSearch> | null) => {
      const plan = cond ? null : await namePlan(db, "deals", q);
      const source = plan?.source ?? null;
      let b = (source ? db.k.selectFrom(source.as("deals") as unknown as "deals") : db.k.selectFrom("deals"))
        .selectAll()
        .where("org_id", "=", "org")
        .where("deleted_at", "is", null);
      const where = cond ?? plan?.cond;
      if (where) b = b.where(where);
      return b.orderBy("close_date").orderBy("id").limit(51).execute();
    };
    const like = await time(runs, () => page(containsKey("name_key", q)));
    const indexed = await time(runs, () => page(null));
    const matches = Number(
      (
        await sql<{
          n: number;
        }>`select count(*) as n from deals where ${nameSearch(engine, "deals", q)}`.execute(db.k)
      ).rows[0]?.n ?? 0,
    );
    out.push({
      engine: engine === "sqlite" ? "SQLite" : "PostgreSQL",
      deals: n,
      q,
      matches,
      likeP50: quantile(like, 0.5),
      likeP95: quantile(like, 0.95),
      indexedP50: quantile(indexed, 0.5),
      indexedP95: quantile(indexed, 0.95),
    });
  }
  await db.close();
  return out;
}
