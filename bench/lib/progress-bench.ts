// Live progress dashboards (issue 6) on the large organisation: a strategic plan with objectives for
// the org, every team and some reps, with this quarter's monthly milestones, over the deals and
// activities of the dataset. Measured through the HTTP API of a running `oars serve` against
// hand-written SQL computing the same figures in the same run:
// - the director's whole-org dashboard: cold (first request after start and after a write) and warm;
// - a rep's dashboard: one client at a time, and 50 concurrent clients (autocannon);
// - freshness: from a write (a won deal, a deal moved to won, a logged call) to the changed figure,
//   on the instance that took the write and on a second instance over the same database.
import fs from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import pg from "pg";
import { migrate, openPostgres, openSqlite } from "../../packages/server/src/db/database";
import { dealRow } from "./import-bench";
import { addDays, id, org as orgOf, type Org, type Plan } from "./dataset";
import { loadActivities, loadOrg, sha256 } from "./load";
import { benchPostgres, freePort, startServer } from "./proc";
import { postgresSink, sqliteSink, type Row, type Sink } from "./sinks";

const STAMP = "2026-11-01T00:00:00.000Z";
/** Read-write tokens of this bench (the list bench's are read-only). */
export const PROGRESS_TOKENS = { director: "bench-progress-director", rep: "bench-progress-rep" };
const METRICS = ["revenue_won", "deals_won", "pipeline_created", "meetings_held", "win_rate"] as const;
const TEAM_METRICS = ["revenue_won", "meetings_held"] as const;
/** Reps with their own objectives: the first rep of this many leaf teams. */
const REPS_WITH_OBJECTIVES = 50;

export interface Quarter {
  start: string;
  end: string;
  months: { key: string; start: string; end: string }[];
}

/** The calendar quarter holding `today` (the bench org's fiscal year starts in January). */
export function quarterOf(today: string): Quarter {
  const y = Number(today.slice(0, 4));
  const q = Math.floor((Number(today.slice(5, 7)) - 1) / 3);
  const months = [0, 1, 2].map((i) => {
    const m = q * 3 + i + 1;
    const start = `${y}-${String(m).padStart(2, "0")}-01`;
    const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`;
    return { key: start.slice(0, 7), start, end: addDays(next, -1) };
  });
  return { start: months[0]?.start ?? today, end: months[2]?.end ?? today, months };
}

interface Objective {
  id: string;
  metric: string;
  ownerType: "team" | "person" | null;
  ownerId: string | null;
  parent: string | null;
  target: number;
}

/** The plan's objectives: the org's five, two per team below the root, two per chosen rep. */
export function objectivesOf(o: Org): Objective[] {
  const perDealsTarget: Record<string, number> = {
    revenue_won: 200_000_000_000,
    deals_won: 20_000,
    pipeline_created: 1_000_000_000_000,
    meetings_held: 45_000,
    win_rate: 40,
  };
  const out: Objective[] = METRICS.map((m, i) => ({
    id: id("objective", i),
    metric: m,
    ownerType: null,
    ownerId: null,
    parent: null,
    target: perDealsTarget[m] ?? 0,
  }));
  const teams = o.teams.slice(1);
  const share = 1 / Math.max(1, o.leaves.length);
  teams.forEach((t, i) =>
    TEAM_METRICS.forEach((m, j) =>
      out.push({
        id: id("objective", 100 + i * 2 + j),
        metric: m,
        ownerType: "team",
        ownerId: t.id,
        parent: id("objective", METRICS.indexOf(m)),
        target: Math.round((perDealsTarget[m] ?? 0) * share * (t.parent === o.teams[0]?.id ? 20 : 1)),
      }),
    ),
  );
  o.leaves.slice(0, REPS_WITH_OBJECTIVES).forEach((leaf, i) => {
    const rep = leaf.reps[0];
    if (rep === undefined) return;
    const teamIndex = o.teams.findIndex((t) => t.id === leaf.id) - 1;
    TEAM_METRICS.forEach((m, j) =>
      out.push({
        id: id("objective", 100_000 + i * 2 + j),
        metric: m,
        ownerType: "person",
        ownerId: o.repIds[rep] ?? "",
        parent: id("objective", 100 + teamIndex * 2 + j),
        target: Math.round(((perDealsTarget[m] ?? 0) * share) / Math.max(1, leaf.reps.length)),
      }),
    );
  });
  return out;
}

/** Writes the plan, its objectives, one Q tactical plan with a split per objective and monthly milestones. */
async function loadPlan(sink: Sink, o: Org, p: Plan): Promise<number> {
  const stamps = { version: 1, created_at: STAMP, updated_at: STAMP };
  const q = quarterOf(p.today);
  const director = o.people[0]?.id ?? "";
  const root = o.teams[0]?.id ?? "";
  const planId = id("plan", 0);
  const tacticalId = id("tactical", 0);
  await sink.insert("api_tokens", [
    ...[
      [PROGRESS_TOKENS.director, director],
      [PROGRESS_TOKENS.rep, o.repIds[o.leaves[0]?.reps[0] ?? 0] ?? ""],
    ].map(([token, person], n) => ({
      id: id("progress-token", n),
      org_id: o.orgId,
      person_id: person ?? "",
      name: "bench progress",
      token_hash: sha256(token ?? ""),
      scope: "read-write",
      created_at: STAMP,
      last_used_at: STAMP,
      revoked_at: null,
    })),
  ]);
  const year = p.today.slice(0, 4);
  await sink.insert("strategic_plans", [
    {
      id: planId,
      org_id: o.orgId,
      title: `Bench Corp ${year}`,
      owner_type: "team",
      owner_id: root,
      horizon_start: `${year}-01-01`,
      horizon_end: `${year}-12-31`,
      statement: "Grow revenue with a healthy pipeline.",
      status: "active",
      template_key: null,
      baseline: null,
      baseline_at: null,
      created_by: director,
      ...stamps,
    },
  ]);
  const objectives = objectivesOf(o);
  // Distinct creation times: the dashboard lists objectives in creation order (the org's first).
  const at = (n: number) => new Date(Date.parse(STAMP) + n * 1000).toISOString();
  await sink.insert(
    "objectives",
    objectives.map((x, n): Row => ({
      id: x.id,
      org_id: o.orgId,
      plan_id: planId,
      title: `${x.metric.replace(/_/g, " ")} ${n + 1}`,
      description: "",
      metric_key: x.metric,
      metric: null,
      baseline: null,
      target: x.target,
      unit: "",
      start_date: q.start,
      due_date: q.end,
      owner_type: x.ownerType,
      owner_id: x.ownerId,
      weight: 1,
      perspective: "financial",
      status: "on_track",
      parent_objective_id: x.parent,
      version: 1,
      created_at: at(n),
      updated_at: at(n),
    })),
  );
  await sink.insert("tactical_plans", [
    {
      id: tacticalId,
      org_id: o.orgId,
      strategic_plan_id: planId,
      title: `Q ${q.start}`,
      owner_type: "team",
      owner_id: root,
      period_kind: "quarter",
      period_start: q.start,
      period_end: q.end,
      status: "active",
      funnel: null,
      copied_from_id: null,
      created_by: director,
      ...stamps,
    },
  ]);
  const additive = objectives.filter((x) => x.metric !== "win_rate");
  await sink.insert(
    "target_splits",
    additive.map((x, n): Row => ({
      id: id("split", n),
      org_id: o.orgId,
      tactical_plan_id: tacticalId,
      objective_id: x.id,
      parent_milestone_id: null,
      split_key: `objective:${x.id}`,
      total: x.target,
      grand_total: x.target,
      settings: "{}",
      hand_edited: 0,
      milestone_count: 3,
      ...stamps,
    })),
  );
  const milestones: Row[] = [];
  additive.forEach((x, n) =>
    q.months.forEach((m, i) =>
      milestones.push({
        id: id("milestone", n * 3 + i),
        org_id: o.orgId,
        tactical_plan_id: tacticalId,
        split_id: id("split", n),
        objective_id: x.id,
        parent_milestone_id: null,
        owner_type: x.ownerType ?? "team",
        owner_id: x.ownerId ?? root,
        dimension_kind: null,
        dimension_value: null,
        period_key: m.key,
        period_start: m.start,
        period_end: m.end,
        // Seasonality: the last month of the quarter carries the most.
        target: Math.round(x.target * (i === 2 ? 0.4 : 0.3)),
        ...stamps,
      }),
    ),
  );
  await sink.insert("milestones", milestones);
  return objectives.length;
}

async function loadDeals(sink: Sink, p: Plan, o: Org): Promise<number> {
  function* rows(): Generator<Row> {
    for (let n = 0; n < p.deals; n++) yield dealRow(p, o, n);
  }
  return sink.insert("deals", rows());
}

const ms = (x: number) => x.toFixed(x < 10 ? 2 : 0);
const log = (text: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${text}\n`);

/** A database of the dataset for this bench: reused when an earlier run at this scale left one. */
export async function sqliteProgressDb(p: Plan, dir: string, sharedBase: string): Promise<string> {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "progress.db");
  const o = orgOf(p);
  if (fs.existsSync(file)) {
    const db = new Database(file, { readonly: true });
    try {
      const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
      const orgId = (db.prepare("select id from orgs").get() as { id: string } | undefined)?.id;
      if (
        orgId === o.orgId &&
        n("select count(*) as n from deals") >= p.deals &&
        n("select count(*) as n from activities") >= p.activities &&
        n("select count(*) as n from objectives") === objectivesOf(o).length
      ) {
        db.close();
        log(`sqlite: reusing ${path.relative(process.cwd(), file)}`);
        const again = openSqlite(file);
        await migrate(again);
        await again.close();
        return file;
      }
    } catch {
      // not a database of this bench: rebuilt below
    }
    db.close();
  }
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  const db = openSqlite(file);
  await migrate(db);
  const raw = db.sqlite as NonNullable<typeof db.sqlite>;
  // An org, teams, people and accounts left by the import bench at this scale are copied.
  if (fs.existsSync(sharedBase) && sameOrg(sharedBase, p, o)) {
    log("sqlite: copying org, teams, people and accounts from the import bench's base.db");
    raw.exec(`attach database '${sharedBase.replace(/'/g, "''")}' as b`);
    raw.transaction(() => {
      for (const t of [
        "orgs",
        "teams",
        "people",
        "team_memberships",
        "pipeline_stages",
        "api_tokens",
        "accounts",
      ])
        raw.exec(`insert into main.${t} select * from b.${t}`);
    })();
    raw.exec("detach database b");
  } else {
    log("sqlite: org, teams, people, accounts");
    await loadOrg(sqliteSink(raw), p);
  }
  log(`sqlite: ${p.deals} deals`);
  await loadDeals(sqliteSink(raw), p, o);
  log(`sqlite: ${p.activities} activities`);
  await loadActivities(sqliteSink(raw), p, o);
  log("sqlite: plan, objectives, milestones");
  await loadPlan(sqliteSink(raw), o, p);
  raw.exec("analyze");
  raw.pragma("wal_checkpoint(TRUNCATE)");
  await db.close();
  return file;
}

function sameOrg(file: string, p: Plan, o: Org): boolean {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      const n = (t: string) => (db.prepare(`select count(*) as n from ${t}`).get() as { n: number }).n;
      const orgId = (db.prepare("select id from orgs").get() as { id: string } | undefined)?.id;
      // Same schema too: the copy is column for column.
      const cols = (t: string) => (db.prepare(`pragma table_info(${t})`).all() as unknown[]).length;
      return (
        orgId === o.orgId &&
        n("accounts") === p.accounts &&
        n("people") === o.people.length &&
        cols("accounts") > 0
      );
    } finally {
      db.close();
    }
  } catch {
    return false;
  }
}

/** The same dataset in a new PostgreSQL database `name` (dropped first). */
export async function postgresProgressDb(p: Plan, admin: string, name: string, dir: string): Promise<string> {
  const url = Object.assign(new URL(admin), { pathname: `/${name}` }).toString();
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`drop database if exists ${name} with (force)`);
  await client.query(`create database ${name}`);
  await client.end();
  const db = openPostgres(url, 2);
  await migrate(db);
  await db.close();
  fs.mkdirSync(dir, { recursive: true });
  const o = orgOf(p);
  log("postgres: org, teams, people, accounts");
  await loadOrg(postgresSink(url, dir), p);
  log(`postgres: ${p.deals} deals`);
  await loadDeals(postgresSink(url, dir), p, o);
  log(`postgres: ${p.activities} activities`);
  await loadActivities(postgresSink(url, dir), p, o);
  log("postgres: plan, objectives, milestones");
  await loadPlan(postgresSink(url, dir), o, p);
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query("vacuum analyze");
  await c.end();
  return url;
}

// ---------------------------------------------------------------------------------------------
// Hand-written SQL: the figures of each dashboard, by grouped queries a person would write.

interface SqlRunner {
  all(sql: string, params: (string | number)[]): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

function sqlRunner(engine: "sqlite" | "postgres", target: string): SqlRunner {
  if (engine === "sqlite") {
    const db = new Database(target, { readonly: true });
    const cache = new Map<string, Database.Statement>();
    return {
      async all(sql, params) {
        let s = cache.get(sql);
        if (!s) cache.set(sql, (s = db.prepare(sql)));
        return s.all(...params) as Record<string, unknown>[];
      },
      async close() {
        db.close();
      },
    };
  }
  const pool = new pg.Pool({ connectionString: target, max: 1 });
  pool.on("error", () => {});
  const names = new Map<string, string>();
  return {
    async all(sql, params) {
      let n = 0;
      const text = sql.replace(/\?/g, () => `$${++n}`);
      let name = names.get(sql);
      if (!name) names.set(sql, (name = `q${names.size}`));
      return (await pool.query({ name, text, values: params })).rows as Record<string, unknown>[];
    },
    close: () => pool.end(),
  };
}

/**
 * The director's dashboard by hand: every objective's actual, burn-up by month, forecast inputs
 * (open pipeline by category, trailing win rate) per team, summed over each team's subtree in
 * code; the funnel by stage; the leaderboard; the six-month heatmap. `scope` narrows to a rep.
 */
async function handWritten(
  db: SqlRunner,
  o: Org,
  today: string,
  scope: { ownerId: string; teamId: string } | null,
): Promise<number> {
  const q = quarterOf(today);
  const heatFrom = `${addDays(`${today.slice(0, 7)}-01`, -150).slice(0, 7)}-01`;
  const yearAgo = addDays(today, -365);
  // The org's figures are its root team's subtree, as the API scopes them (so the team indexes serve).
  const all = o.teams.map((t) => t.id);
  const where = scope
    ? "and (owner_id = ? or team_id = ?)"
    : `and team_id in (${all.map(() => "?").join(",")})`;
  const sp = scope ? [scope.ownerId, scope.teamId] : all;
  const group = "team_id, owner_id";
  const queries: [string, (string | number)[]][] = [
    [
      `select ${group}, substr(close_date, 1, 7) as m, sum(amount_org_minor) as s, count(*) as n from deals
       where org_id = ? and deleted_at is null and status = 'won' and close_date >= ? and close_date <= ? ${where}
       group by ${group}, substr(close_date, 1, 7)`,
      [o.orgId, q.start, q.end, ...sp],
    ],
    [
      `select ${group}, sum(case when status = 'won' then 1 else 0 end) as w, sum(case when status = 'lost' then 1 else 0 end) as l
       from deals where org_id = ? and deleted_at is null and close_date >= ? and close_date <= ? ${where} group by ${group}`,
      [o.orgId, yearAgo, today, ...sp],
    ],
    [
      `select ${group}, forecast_category as c, sum(amount_org_minor * probability) as s from deals
       where org_id = ? and deleted_at is null and status = 'open' and close_date >= ? and close_date <= ? ${where}
       group by ${group}, forecast_category`,
      [o.orgId, today, q.end, ...sp],
    ],
    [
      `select ${group}, substr(created_date, 1, 7) as m, sum(amount_org_minor) as s from deals
       where org_id = ? and deleted_at is null and created_date >= ? and created_date <= ? ${where}
       group by ${group}, substr(created_date, 1, 7)`,
      [o.orgId, q.start, q.end, ...sp],
    ],
    [
      `select ${group}, substr(occurred_at, 1, 7) as m, count(*) as n from activities
       where org_id = ? and deleted_at is null and status = 'done' and type = 'meeting'
       and occurred_at >= ? and occurred_at < ? ${where} group by ${group}, substr(occurred_at, 1, 7)`,
      [o.orgId, q.start, addDays(q.end, 1), ...sp],
    ],
  ];
  if (!scope)
    queries.push(
      // The funnel: open deals by stage, and those closed this quarter (two index reads).
      [
        `select stage_id, count(*) as n, sum(amount_org_minor) as s from deals
         where org_id = ? and deleted_at is null and status = 'open' group by stage_id`,
        [o.orgId],
      ],
      [
        `select stage_id, count(*) as n, sum(amount_org_minor) as s from deals
         where org_id = ? and deleted_at is null and status in ('won', 'lost') and close_date >= ? and close_date <= ?
         group by stage_id`,
        [o.orgId, q.start, q.end],
      ],
      [
        `select owner_id, substr(close_date, 1, 7) as m, sum(amount_org_minor) as s, count(*) as n from deals
         where org_id = ? and deleted_at is null and status = 'won' and close_date >= ? and close_date <= ?
         group by owner_id, substr(close_date, 1, 7)`,
        [o.orgId, heatFrom, q.end],
      ],
    );
  else
    queries.push(
      [
        `select type, count(*) as n from activities where org_id = ? and owner_id = ? and deleted_at is null
         and status = 'done' and occurred_at >= ? and occurred_at < ? group by type`,
        [o.orgId, scope.ownerId, addDays(today, -7), addDays(today, 1)],
      ],
      [
        `select id, name, amount_org_minor, close_date from deals where org_id = ? and owner_id = ?
         and deleted_at is null and status = 'open' and ((close_date >= ? and close_date <= ?) or stage_changed_at < ?)
         order by close_date limit 20`,
        [o.orgId, scope.ownerId, q.start, q.end, `${addDays(today, -30)}T00:00:00.000Z`],
      ],
    );
  queries.push([
    `select o.id, o.metric_key, o.target, o.owner_type, o.owner_id, m.period_start, m.target as mt
     from objectives o left join milestones m on m.objective_id = o.id and m.parent_milestone_id is null
     where o.org_id = ? ${scope ? "and (o.owner_id = ? or o.owner_id = ?)" : ""} order by o.created_at`,
    scope ? [o.orgId, ...sp] : [o.orgId],
  ]);
  let rows = 0;
  const byTeam = new Map<string, number>();
  for (const [text, params] of queries) {
    const r = await db.all(text, params);
    rows += r.length;
    // The team rollup: each team's own rows, then summed up its ancestors (a subtree's figure).
    for (const x of r)
      if (typeof x.team_id === "string")
        byTeam.set(x.team_id, (byTeam.get(x.team_id) ?? 0) + Number(x.s ?? x.n ?? 0));
  }
  const parent = new Map(o.teams.map((t) => [t.id, t.parent]));
  const subtree = new Map<string, number>();
  for (const [team, v] of byTeam)
    for (let t: string | null | undefined = team; t; t = parent.get(t))
      subtree.set(t, (subtree.get(t) ?? 0) + v);
  return rows + subtree.size;
}

// ---------------------------------------------------------------------------------------------
// Measuring.

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
};

interface DashboardBody {
  objectives: { objectiveId: string; actual: number | null }[];
  week: { calls: number; meetings: number };
}

async function call(
  base: string,
  token: string,
  route: string,
  init: { method?: string; body?: unknown } = {},
): Promise<{ ms: number; body: unknown }> {
  const t = performance.now();
  const res = await fetch(`${base}${route}`, {
    method: init.method ?? "GET",
    headers: {
      authorization: `Bearer ${token}`,
      ...(init.body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
  const ms = performance.now() - t;
  if (!res.ok) throw new Error(`${init.method ?? "GET"} ${route}: ${res.status} ${text.slice(0, 300)}`);
  return { ms, body: text ? JSON.parse(text) : null };
}

async function times(n: number, fn: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

export interface ProgressFigures {
  engine: string;
  objectives: number;
  director: {
    objectivesShown: number;
    coldFirstMs: number;
    coldAfterWriteMs: number[];
    coldMedianMs: number;
    sqlMedianMs: number;
    coldRatio: number;
    warmP50: number;
    warmP95: number;
  };
  rep: {
    objectivesShown: number;
    coldMs: number;
    p50: number;
    p95: number;
    sqlP95: number;
    concurrency: number;
    requestsPerSecond: number;
    latencyP50: number;
    latencyP99: number;
    non2xx: number;
    errors: number;
  };
  /** null: the figure had not changed 10 s after the write. */
  freshness: { write: string; reader: string; instance: "same" | "other"; ms: number | null }[];
}

/** Polls `read` until `changed` holds, returning the time since `since` at the first response that showed it. */
async function until(
  since: number,
  read: () => Promise<DashboardBody>,
  changed: (b: DashboardBody) => boolean,
): Promise<number | null> {
  for (;;) {
    const b = await read();
    if (changed(b)) return performance.now() - since;
    if (performance.now() - since > 10_000) return null;
  }
}

export async function progressBench(
  engine: "sqlite" | "postgres",
  target: string,
  p: Plan,
  opts: { runs: number; seconds: number; smoke: boolean },
): Promise<ProgressFigures> {
  const o = orgOf(p);
  const env = engine === "sqlite" ? { OARS_DATABASE_URL: `sqlite:${target}` } : { OARS_DATABASE_URL: target };
  const db = sqlRunner(engine, target);
  const leaf = o.leaves[0];
  const repIndex = leaf?.reps[0] ?? 0;
  const rep = { ownerId: o.repIds[repIndex] ?? "", teamId: leaf?.id ?? "" };
  const today = new Date().toISOString().slice(0, 10);
  const repObjective = id("objective", 100_000);
  const orgObjective = id("objective", 0);
  const teamObjective = id("objective", 100 + (o.teams.findIndex((t) => t.id === rep.teamId) - 1) * 2);
  const director = (base: string) => async () =>
    (await call(base, PROGRESS_TOKENS.director, "/api/v1/dashboard")).body as DashboardBody;
  const repRead = (base: string) => async () =>
    (await call(base, PROGRESS_TOKENS.rep, "/api/v1/dashboard")).body as DashboardBody;
  const actualOf = (b: DashboardBody, objective: string) =>
    b.objectives.find((x) => x.objectiveId === objective)?.actual ?? null;

  const server = await startServer(env, await freePort());
  let second: { url: string; stop: () => void } | null = null;
  try {
    // Director, cold: the first request after start, then the first after each write.
    const first = await call(server.url, PROGRESS_TOKENS.director, "/api/v1/dashboard");
    const shown = (first.body as DashboardBody).objectives.length;
    const sqlTimes = await times(3, () => handWritten(db, o, today, null));
    const accountId = id("account", repIndex);
    const coldAfterWrite: number[] = [];
    for (let i = 0; i < (opts.smoke ? 2 : 5); i++) {
      await call(server.url, PROGRESS_TOKENS.director, "/api/v1/activities", {
        method: "POST",
        body: { type: "call", subject: `Bench call ${i}`, accountId, ownerId: rep.ownerId, status: "done" },
      });
      coldAfterWrite.push((await call(server.url, PROGRESS_TOKENS.director, "/api/v1/dashboard")).ms);
    }
    const warm = await times(opts.runs, director(server.url));
    const coldMedian = quantile(coldAfterWrite, 0.5);
    const sqlMedian = quantile(sqlTimes, 0.5);
    log(
      `${engine}: director: ${shown} objectives; cold first ${ms(first.ms)} ms, after a write ${coldAfterWrite.map(ms).join(", ")} ms; hand-written SQL median ${ms(sqlMedian)} ms; warm p50 ${ms(quantile(warm, 0.5))} p95 ${ms(quantile(warm, 0.95))} ms`,
    );

    // Rep: one client at a time, then 50 at once.
    const repCold = (await call(server.url, PROGRESS_TOKENS.rep, "/api/v1/dashboard")).ms;
    const repShown = ((await repRead(server.url)()) as DashboardBody).objectives.length;
    const repTimes = await times(opts.runs, repRead(server.url));
    const repSql = await times(Math.min(opts.runs, 200), () => handWritten(db, o, today, rep));
    log(
      `${engine}: rep: ${repShown} objectives; cold ${ms(repCold)} ms; p50 ${ms(quantile(repTimes, 0.5))} p95 ${ms(quantile(repTimes, 0.95))} ms; hand-written SQL p95 ${ms(quantile(repSql, 0.95))} ms`,
    );
    const cannon = await autocannon({
      url: `${server.url}/api/v1/dashboard`,
      connections: 50,
      duration: opts.seconds,
      headers: { authorization: `Bearer ${PROGRESS_TOKENS.rep}` },
    });
    log(
      `${engine}: rep at 50 clients: ${Math.round(cannon.requests.average)} req/s, latency p50 ${cannon.latency.p50} p99 ${cannon.latency.p99} ms, non-2xx ${cannon.non2xx}, errors ${cannon.errors}`,
    );

    // Freshness, on the instance that took the write and on a second one.
    second = await startServer(env, await freePort());
    const freshness: ProgressFigures["freshness"] = [];
    const wonStage = id("stage", 5);
    await repRead(second.url)();
    await director(second.url)();
    {
      const before = await repRead(server.url)();
      const t = performance.now();
      await call(server.url, PROGRESS_TOKENS.rep, "/api/v1/deals", {
        method: "POST",
        body: {
          name: "Bench won deal",
          accountId,
          amountMinor: 1_234_500,
          stageId: wonStage,
          closeDate: today,
        },
      });
      // The rep's own objective, else their team's (the dashboard lists the plan's first 200).
      const mine = actualOf(before, repObjective) !== null ? repObjective : teamObjective;
      const was = actualOf(before, mine);
      freshness.push({
        write: "POST a won deal",
        reader: mine === repObjective ? "rep (own objective)" : "rep (team objective)",
        instance: "same",
        ms: await until(t, repRead(server.url), (b) => actualOf(b, mine) !== was),
      });
      const orgWas = actualOf(first.body as DashboardBody, orgObjective);
      freshness.push({
        write: "POST a won deal",
        reader: "director (org objective)",
        instance: "other",
        ms: await until(t, director(second.url), (b) => actualOf(b, orgObjective) !== orgWas),
      });
    }
    {
      const open = await db.all(
        `select id, version from deals where org_id = ? and owner_id = ? and status = 'open' and deleted_at is null order by close_date limit 1`,
        [o.orgId, rep.ownerId],
      );
      const deal = open[0] as { id: string; version: number } | undefined;
      if (!deal) throw new Error("the rep has no open deal");
      const before = await repRead(second.url)();
      const was = actualOf(before, teamObjective);
      const t = performance.now();
      await call(server.url, PROGRESS_TOKENS.rep, `/api/v1/deals/${deal.id}`, {
        method: "PATCH",
        body: { version: Number(deal.version), stageId: wonStage, closeDate: today },
      });
      freshness.push({
        write: "PATCH a deal to won",
        reader: "rep (team objective)",
        instance: "other",
        ms: await until(t, repRead(second.url), (b) => actualOf(b, teamObjective) !== was),
      });
    }
    for (const instance of ["same", "other"] as const) {
      const reader = repRead(instance === "same" ? server.url : second.url);
      const before = await reader();
      const t = performance.now();
      await call(server.url, PROGRESS_TOKENS.rep, "/api/v1/activities", {
        method: "POST",
        body: { type: "call", subject: "Bench logged call", accountId, status: "done" },
      });
      freshness.push({
        write: "log a call",
        reader: "rep (calls this week)",
        instance,
        ms: await until(t, reader, (b) => b.week.calls !== before.week.calls),
      });
    }
    for (const f of freshness)
      log(
        `${engine}: freshness: ${f.write} → ${f.reader} (${f.instance} instance): ${f.ms === null ? "not seen in 10 s" : `${ms(f.ms)} ms`}`,
      );
    return {
      engine: engine === "sqlite" ? "SQLite" : "PostgreSQL",
      objectives: objectivesOf(o).length,
      director: {
        objectivesShown: shown,
        coldFirstMs: first.ms,
        coldAfterWriteMs: coldAfterWrite,
        coldMedianMs: coldMedian,
        sqlMedianMs: sqlMedian,
        coldRatio: coldMedian / sqlMedian,
        warmP50: quantile(warm, 0.5),
        warmP95: quantile(warm, 0.95),
      },
      rep: {
        objectivesShown: repShown,
        coldMs: repCold,
        p50: quantile(repTimes, 0.5),
        p95: quantile(repTimes, 0.95),
        sqlP95: quantile(repSql, 0.95),
        concurrency: 50,
        requestsPerSecond: cannon.requests.average,
        latencyP50: cannon.latency.p50,
        latencyP99: cannon.latency.p99,
        non2xx: cannon.non2xx,
        errors: cannon.errors,
      },
      freshness,
    };
  } finally {
    server.stop();
    second?.stop();
    await db.close();
  }
}

export function progressReport(figures: ProgressFigures[], smoke: boolean): string {
  const mark = (ok: boolean) => (smoke ? "" : ok ? " ✓" : " ✗");
  return [
    "| engine | objectives (shown) | director cold first ms | cold after a write ms (median) | hand-written SQL ms (median) | cold ÷ SQL (≤ 2×) | warm p50 ms | warm p95 ms (≤ 20) |",
    "|---|---|---|---|---|---|---|---|",
    ...figures.map(
      (f) =>
        `| ${f.engine} | ${f.objectives} (${f.director.objectivesShown}) | ${ms(f.director.coldFirstMs)} | ${f.director.coldAfterWriteMs.map(ms).join(", ")} (${ms(f.director.coldMedianMs)}) | ${ms(f.director.sqlMedianMs)} | ${f.director.coldRatio.toFixed(2)}×${mark(f.director.coldRatio <= 2)} | ${ms(f.director.warmP50)} | ${ms(f.director.warmP95)}${mark(f.director.warmP95 <= 20)} |`,
    ),
    "",
    "| engine | rep objectives | rep cold ms | p50 ms | p95 ms (≤ 10) | hand-written SQL p95 ms | req/s at 50 clients (≥ 2000) | latency p50 / p99 ms at 50 | non-2xx | errors |",
    "|---|---|---|---|---|---|---|---|---|---|",
    ...figures.map(
      (f) =>
        `| ${f.engine} | ${f.rep.objectivesShown} | ${ms(f.rep.coldMs)} | ${ms(f.rep.p50)} | ${ms(f.rep.p95)}${mark(f.rep.p95 <= 10)} | ${ms(f.rep.sqlP95)} | ${Math.round(f.rep.requestsPerSecond)}${mark(f.rep.requestsPerSecond >= 2000)} | ${f.rep.latencyP50} / ${f.rep.latencyP99} | ${f.rep.non2xx} | ${f.rep.errors} |`,
    ),
    "",
    "| engine | write | figure read by | instance | write → changed figure ms (≤ 1000) |",
    "|---|---|---|---|---|",
    ...figures.flatMap((f) =>
      f.freshness.map(
        (x) =>
          `| ${f.engine} | ${x.write} | ${x.reader} | ${x.instance} | ${x.ms === null ? "not seen in 10 s" : ms(x.ms)}${mark(x.ms !== null && x.ms <= 1000)} |`,
      ),
    ),
  ].join("\n");
}

/** SQLite: the bench's own database under `dir`, built or reused, then measured. */
export async function progressSqlite(
  p: Plan,
  dir: string,
  sharedBase: string,
  opts: { runs: number; seconds: number; smoke: boolean },
): Promise<ProgressFigures> {
  const file = await sqliteProgressDb(p, dir, sharedBase);
  return progressBench("sqlite", file, p, opts);
}

/** PostgreSQL: a throwaway server (or `given`), a database of the dataset, measured, dropped. */
export async function progressPostgres(
  p: Plan,
  dir: string,
  given: string | undefined,
  opts: { runs: number; seconds: number; smoke: boolean },
): Promise<ProgressFigures> {
  const { admin, stop } = await benchPostgres(given);
  try {
    const url = await postgresProgressDb(p, admin, "bench_progress", dir);
    return await progressBench("postgres", url, p, opts);
  } finally {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query("drop database if exists bench_progress with (force)");
    await client.end();
    stop();
  }
}
