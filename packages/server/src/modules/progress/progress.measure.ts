// Measures the metric aggregates on a large synthetic org (docs/decisions/006): a rep's, a team's
// and the whole org's revenue won for a quarter, a team's win rate, and the query plans.
// `npx tsx packages/server/src/modules/progress/progress.measure.ts [deals=1000000]`
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrate, openSqlite } from "../../db/database";
import { newId } from "../../db/ids";
import { computeMetric, type MetricQuery } from "./metrics";

async function main(): Promise<void> {
  const total = Number(process.argv[2] ?? 1_000_000);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "oars-progress-")), "m.db");
  const db = openSqlite(file);
  await migrate(db);
  const sqlite = db.sqlite;
  if (!sqlite) throw new Error("sqlite only");
  const now = new Date().toISOString();
  const org = newId();
  sqlite
    .prepare(
      `insert into orgs (id, name, currency, fiscal_year_start_month, week_starts_on, working_days, holidays, time_zone, version, created_at, updated_at)
       values (?, 'Big', 'EUR', 1, 1, '[1,2,3,4,5]', '[]', 'UTC', 1, ?, ?)`,
    )
    .run(org, now, now);
  const teams: string[] = [];
  for (let i = 0; i < 40; i++) {
    const id = newId();
    teams.push(id);
    sqlite
      .prepare(
        `insert into teams (id, org_id, name, parent_id, version, created_at, updated_at) values (?, ?, ?, null, 1, ?, ?)`,
      )
      .run(id, org, `T${i}`, now, now);
  }
  const people: { id: string; team: string }[] = [];
  for (let i = 0; i < 1000; i++) {
    const id = newId();
    const team = teams[i % teams.length] ?? "";
    people.push({ id, team });
    sqlite
      .prepare(
        `insert into people (id, org_id, name, email, role, team_id, capacity_hours_per_week, active, version, created_at, updated_at)
         values (?, ?, ?, ?, 'member', ?, 40, 1, 1, ?, ?)`,
      )
      .run(id, org, `P${i}`, `p${i}@x.test`, team, now, now);
  }
  const stage = newId();
  sqlite
    .prepare(
      `insert into pipeline_stages (id, org_id, name, position, probability, kind, forecast_category, version, created_at, updated_at)
       values (?, ?, 'Won', 1, 100, 'won', 'closed', 1, ?, ?)`,
    )
    .run(stage, org, now, now);
  const ins = sqlite.prepare(
    `insert into deals (id, org_id, owner_id, team_id, version, created_at, updated_at, name, name_key, amount_minor, currency,
       amount_org_minor, stage_id, status, probability, forecast_category, close_date, created_date, business_type, stage_changed_at)
     values (?, ?, ?, ?, 1, ?, ?, 'd', 'd', ?, 'EUR', ?, ?, ?, 50, 'pipeline', ?, ?, 'new', ?)`,
  );
  const t0 = performance.now();
  sqlite.transaction(() => {
    for (let i = 0; i < total; i++) {
      const p = people[i % people.length] ?? { id: "", team: "" };
      const day = new Date(Date.UTC(2024, 0, 1) + ((i * 7919) % 1095) * 86_400_000)
        .toISOString()
        .slice(0, 10);
      const status = i % 3 === 0 ? "won" : i % 3 === 1 ? "lost" : "open";
      ins.run(
        newId(),
        org,
        p.id,
        p.team,
        now,
        now,
        100_000 + (i % 977),
        100_000 + (i % 977),
        stage,
        status,
        day,
        day,
        now,
      );
    }
  })();
  sqlite.exec("analyze");
  console.log(`loaded ${total} deals in ${Math.round(performance.now() - t0)} ms`);
  const window = { from: "2026-04-01", to: "2026-06-30" };
  const person = people[7]?.id ?? "";
  const cases: [string, MetricQuery][] = [
    ["rep revenue_won quarter", { orgId: org, key: "revenue_won", scope: { ownerIds: [person] }, window }],
    [
      "team revenue_won quarter",
      { orgId: org, key: "revenue_won", scope: { teamIds: [teams[3] ?? ""] }, window },
    ],
    ["org revenue_won quarter", { orgId: org, key: "revenue_won", scope: {}, window }],
    ["team win_rate quarter", { orgId: org, key: "win_rate", scope: { teamIds: [teams[3] ?? ""] }, window }],
    ["org pipeline_created quarter", { orgId: org, key: "pipeline_created", scope: {}, window }],
  ];
  for (const [name, q] of cases) {
    const times: number[] = [];
    let v: number | null = null;
    for (let i = 0; i < 30; i++) {
      const s = performance.now();
      v = await computeMetric(db.k, db.engine, q);
      times.push(performance.now() - s);
    }
    times.sort((a, b) => a - b);
    const cold = times[0] ?? 0;
    console.log(
      `${name}: value ${v}; min ${cold.toFixed(2)} ms, p50 ${(times[15] ?? 0).toFixed(2)} ms, p95 ${(times[28] ?? 0).toFixed(2)} ms`,
    );
  }
  const plan = (sqlText: string, params: unknown[]) =>
    (sqlite.prepare(`explain query plan ${sqlText}`).all(...params) as { detail: string }[]).map(
      (r) => r.detail,
    );
  console.log(
    "plan rep:",
    plan(
      `select sum(amount_org_minor) from deals d where org_id = ? and deleted_at is null and owner_id in (?) and close_date >= ? and close_date <= ? and status = 'won'`,
      [org, person, window.from, window.to],
    ),
  );
  console.log(
    "plan org:",
    plan(
      `select sum(amount_org_minor) from deals d where org_id = ? and deleted_at is null and close_date >= ? and close_date <= ? and status = 'won'`,
      [org, window.from, window.to],
    ),
  );
  await db.close();
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
}

void main();
