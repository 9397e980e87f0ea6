// Per-month totals of the CRM rows live progress sums (docs/decisions/011): for each org, month,
// team and owner, the deals closed (won, lost) and closing (open, per forecast category) by close
// date, the deals created by created date, and the done activities per type by occurred time.
// Database triggers keep them on every write to deals and activities — API, bulk, CSV import,
// seed, transfer, a team move — in the writing statement's own transaction, so they are never
// behind the rows. A whole-org sum then reads a few thousand of these rows for the whole months of
// its windows and the raw rows only for the days of months its windows cut.
//
// `checkFacts` recomputes them from the raw rows and lists every difference; `rebuildFacts` puts
// them right (`oars facts check|rebuild`).
import { PostgresAdapter, sql, type Kysely } from "kysely";
import type { Db, Engine } from "../../db/database";

/** The key of one fact row; the sums are n, amount, weighted (Σ amount × probability) and days. */
export const FACT_KEY = [
  "org_id",
  "basis",
  "month",
  "team_id",
  "owner_id",
  "kind",
  "category",
  "stage_id",
] as const;
const SUMS = ["n", "amount", "weighted", "days"] as const;
const COLUMNS = [...FACT_KEY, ...SUMS].join(", ");

const dealDays = (engine: Engine, r: string) =>
  engine === "postgres"
    ? `(cast(${r}.close_date as date) - cast(${r}.created_date as date))`
    : `cast(round(julianday(${r}.close_date) - julianday(${r}.created_date)) as integer)`;

/**
 * The fact rows one deal row `r` adds (sign 1) or takes away (sign -1): one by close date, one by
 * created date. The same expressions build the triggers, the first fill and the check.
 */
function dealRows(engine: Engine, r: string, sign: 1 | -1, where: string): string {
  const s = sign === 1 ? "" : "-";
  return `select ${r}.org_id as org_id, 'close' as basis, substr(${r}.close_date, 1, 7) as month,
      coalesce(${r}.team_id, '') as team_id, ${r}.owner_id as owner_id, ${r}.status as kind,
      case when ${r}.status = 'open' then ${r}.forecast_category else '' end as category,
      ${r}.stage_id as stage_id, ${s}1 as n, ${s}${r}.amount_org_minor as amount, ${s}${r}.amount_org_minor * ${r}.probability as weighted,
      ${s}coalesce(case when ${r}.status = 'won' then ${dealDays(engine, r)} else 0 end, 0) as days
    from ${where}
    union all
    select ${r}.org_id, 'created', substr(${r}.created_date, 1, 7), coalesce(${r}.team_id, ''), ${r}.owner_id,
      '', '', '', ${s}1, ${s}${r}.amount_org_minor, 0, 0
    from ${where}`;
}

function activityRows(r: string, sign: 1 | -1, where: string): string {
  const s = sign === 1 ? "" : "-";
  return `select ${r}.org_id as org_id, 'activity' as basis, substr(${r}.occurred_at, 1, 7) as month,
      coalesce(${r}.team_id, '') as team_id, ${r}.owner_id as owner_id, ${r}.type as kind, '' as category,
      '' as stage_id, ${s}1 as n, 0 as amount, 0 as weighted, 0 as days
    from ${where}`;
}

/** Which rows count: live deals; live activities marked done. */
const LIVE = {
  deals: (r: string) => `${r}.deleted_at is null`,
  activities: (r: string) => `${r}.deleted_at is null and ${r}.status = 'done'`,
};

/** The columns whose change moves a row's facts. */
const WATCHED = {
  deals: [
    "org_id",
    "owner_id",
    "team_id",
    "deleted_at",
    "status",
    "forecast_category",
    "stage_id",
    "amount_org_minor",
    "probability",
    "close_date",
    "created_date",
  ],
  activities: ["org_id", "owner_id", "team_id", "deleted_at", "status", "type", "occurred_at"],
};

type Table = keyof typeof LIVE;

function rowsOf(engine: Engine, table: Table, r: string, sign: 1 | -1, from: string): string {
  return table === "deals" ? dealRows(engine, r, sign, from) : activityRows(r, sign, from);
}

/** Σ per fact key of `rows` (a union of the selects above), zero groups left out. */
function grouped(rows: string): string {
  const key = FACT_KEY.join(", ");
  return `select ${key}, ${SUMS.map((c) => `sum(${c}) as ${c}`).join(", ")}
    from (${rows}) as x
    group by ${key}
    having ${SUMS.map((c) => `sum(${c}) <> 0`).join(" or ")}`;
}

const UPSERT = `on conflict (${FACT_KEY.join(", ")}) do update set
  ${SUMS.map((c) => `${c} = progress_facts.${c} + excluded.${c}`).join(", ")}`;

/** Every fact row computed from the raw rows: of all orgs, or of `org` (an SQL expression). */
function fromRaw(engine: Engine, org: string | null): string {
  const only = (r: string) => (org === null ? "" : ` and ${r}.org_id = ${org}`);
  return grouped(
    [
      rowsOf(engine, "deals", "d", 1, `deals d where ${LIVE.deals("d")}${only("d")}`),
      rowsOf(engine, "activities", "a", 1, `activities a where ${LIVE.activities("a")}${only("a")}`),
    ].join(" union all "),
  );
}

/** Creates the table, its triggers on both tables, and fills it from the rows already there. */
export async function createProgressFacts(db: Kysely<unknown>): Promise<void> {
  const engine: Engine = db.getExecutor().adapter instanceof PostgresAdapter ? "postgres" : "sqlite";
  const big = engine === "postgres" ? "bigint" : "integer";
  await sql
    .raw(
      `create table progress_facts (
        org_id text not null references orgs(id) on delete cascade,
        basis text not null, month text not null, team_id text not null, owner_id text not null,
        kind text not null, category text not null, stage_id text not null,
        n ${big} not null, amount ${big} not null, weighted ${big} not null, days ${big} not null,
        primary key (org_id, basis, kind, month, team_id, owner_id, category, stage_id)
      )${engine === "sqlite" ? " without rowid" : ""}`,
    )
    .execute(db);
  for (const table of ["deals", "activities"] as const) {
    if (engine === "postgres") await postgresTriggers(db, table);
    else await sqliteTriggers(db, table);
  }
  await sql.raw(`insert into progress_facts (${COLUMNS}) ${fromRaw(engine, null)}`).execute(db);
}

async function sqliteTriggers(db: Kysely<unknown>, table: Table): Promise<void> {
  const changed = WATCHED[table].map((c) => `old.${c} is not new.${c}`).join(" or ");
  // A one-row select per trigger; the upsert needs its `where true` after a select.
  const upsert = (r: "new" | "old", sign: 1 | -1) =>
    `insert into progress_facts (${COLUMNS}) select * from (${rowsOf("sqlite", table, r, sign, "(select 1)")}) where true ${UPSERT};`;
  const t = `progress_facts_${table}`;
  await sql
    .raw(
      `create trigger ${t}_insert after insert on ${table} when ${LIVE[table]("new")} begin ${upsert("new", 1)} end`,
    )
    .execute(db);
  await sql
    .raw(
      `create trigger ${t}_delete after delete on ${table} when ${LIVE[table]("old")} begin ${upsert("old", -1)} end`,
    )
    .execute(db);
  await sql
    .raw(
      `create trigger ${t}_update_old after update on ${table} when (${LIVE[table]("old")}) and (${changed})
        begin ${upsert("old", -1)} end`,
    )
    .execute(db);
  await sql
    .raw(
      `create trigger ${t}_update_new after update on ${table} when (${LIVE[table]("new")}) and (${changed})
        begin ${upsert("new", 1)} end`,
    )
    .execute(db);
}

async function postgresTriggers(db: Kysely<unknown>, table: Table): Promise<void> {
  const live = LIVE[table];
  const differs = `(${WATCHED[table].map((c) => `o.${c}`).join(", ")}) is distinct from (${WATCHED[table]
    .map((c) => `n.${c}`)
    .join(", ")})`;
  // One statement per writing statement, over its transition tables; keys in order, so two
  // writers lock the fact rows they share in the same order.
  const apply = (rows: string) =>
    `insert into progress_facts (${COLUMNS}) ${grouped(rows)} order by ${FACT_KEY.join(", ")} ${UPSERT};`;
  const bodies = {
    insert: apply(rowsOf("postgres", table, "n", 1, `new_rows n where ${live("n")}`)),
    delete: apply(rowsOf("postgres", table, "o", -1, `old_rows o where ${live("o")}`)),
    update: apply(
      [
        rowsOf(
          "postgres",
          table,
          "o",
          -1,
          `old_rows o where ${live("o")} and exists (select 1 from new_rows n where n.id = o.id and ${differs})`,
        ),
        rowsOf(
          "postgres",
          table,
          "n",
          1,
          `new_rows n where ${live("n")} and exists (select 1 from old_rows o where o.id = n.id and ${differs})`,
        ),
      ].join(" union all "),
    ),
  };
  for (const op of ["insert", "delete", "update"] as const) {
    const name = `progress_facts_${table}_${op}`;
    const referencing =
      op === "insert"
        ? "new table as new_rows"
        : op === "delete"
          ? "old table as old_rows"
          : "old table as old_rows new table as new_rows";
    await sql
      .raw(
        `create function ${name}() returns trigger language plpgsql as $$ begin ${bodies[op]} return null; end $$`,
      )
      .execute(db);
    await sql
      .raw(
        `create trigger ${name} after ${op} on ${table} referencing ${referencing} for each statement execute function ${name}()`,
      )
      .execute(db);
  }
}

type Runner = Pick<Db, "k" | "engine">;

type Sums = Record<(typeof SUMS)[number], number>;
type FactRow = Record<(typeof FACT_KEY)[number], string> & Record<(typeof SUMS)[number], unknown>;

export interface FactDifference {
  key: Record<(typeof FACT_KEY)[number], string>;
  kept: Sums;
  raw: Sums;
}

/** An org's facts recomputed from its raw rows, as a query (the org id bound at each table). */
function rawFacts(engine: Engine, orgId: string) {
  const parts = fromRaw(engine, "\u0000").split("\u0000");
  return sql.join(
    parts.map((p, i) => (i === 0 ? sql.raw(p) : sql`${orgId}${sql.raw(p)}`)),
    sql``,
  );
}

/** The kept facts of an org against the same facts recomputed from its raw rows: every difference. */
export async function checkFacts(
  db: Runner,
  orgId: string,
): Promise<{ rows: number; differences: FactDifference[] }> {
  const keyOf = (r: FactRow) => FACT_KEY.map((c) => r[c]).join("\u0000");
  const keyFields = (r: FactRow) =>
    Object.fromEntries(FACT_KEY.map((c) => [c, r[c]])) as FactDifference["key"];
  const sums = (r: FactRow | undefined) =>
    Object.fromEntries(SUMS.map((c) => [c, r ? Number(r[c]) : 0])) as Sums;
  const kept = new Map<string, FactRow>();
  const keptRows =
    await sql<FactRow>`select ${sql.raw(COLUMNS)} from progress_facts where org_id = ${orgId}`.execute(db.k);
  for (const r of keptRows.rows) if (SUMS.some((c) => Number(r[c]) !== 0)) kept.set(keyOf(r), r);
  const raw = await sql<FactRow>`${rawFacts(db.engine, orgId)}`.execute(db.k);
  const differences: FactDifference[] = [];
  for (const r of raw.rows) {
    const k = keyOf(r);
    const a = sums(kept.get(k));
    kept.delete(k);
    const b = sums(r);
    if (SUMS.some((c) => a[c] !== b[c])) differences.push({ key: keyFields(r), kept: a, raw: b });
  }
  for (const r of kept.values()) differences.push({ key: keyFields(r), kept: sums(r), raw: sums(undefined) });
  return { rows: raw.rows.length, differences };
}

/** Recomputes an org's facts from its raw rows in one transaction, writers held off meanwhile. */
export async function rebuildFacts(db: Runner, orgId: string): Promise<{ rows: number }> {
  return db.k.transaction().execute(async (tx) => {
    // PostgreSQL: a writer's trigger waits for this commit, then adds its change to the rebuilt rows.
    if (db.engine === "postgres") await sql`lock table progress_facts in exclusive mode`.execute(tx);
    await sql`delete from progress_facts where org_id = ${orgId}`.execute(tx);
    const r =
      await sql`insert into progress_facts (${sql.raw(COLUMNS)}) ${rawFacts(db.engine, orgId)}`.execute(tx);
    return { rows: Number(r.numAffectedRows ?? 0) };
  });
}
