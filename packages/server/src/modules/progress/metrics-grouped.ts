// Many figures of one kind in one query (docs/decisions/010): a dashboard asks for dozens of
// (metric, scope, window) figures — each objective's actual, its burn-up points, its trailing win
// rate, its open pipeline. Instead of one aggregate per figure, the figures sharing a metric family
// and filters are summed by one grouped query over the union of their scopes: rows per
// (team, owner, window bucket), where the buckets are cut at every window's edges. Each figure is
// then the sum of the rows its scope matches over the buckets its window spans — the same rows
// computeMetric would have counted, so the same value.
import {
  FORECAST_CATEGORIES,
  metricByKey,
  monthCover,
  type CoveredMonth,
  type MetricFilters,
  type MetricKey,
  type OpenPipelineSum,
} from "@oars/core";
import { sql, type Expression, type RawBuilder } from "kysely";
import type { Engine } from "../../db/database";
import type { Q } from "../../db/tx";
import {
  activityBase,
  computeMetric,
  dealBase,
  earlierWin,
  nextDay,
  type MetricQuery,
  type MetricScope,
  type MetricWindow,
} from "./metrics";

type Sums = Record<string, number>;

/** A metric made of sums over rows: how to read its value from them. */
interface Summed {
  family: Family;
  /** The family's sums it reads (only those asked are selected, so covering indexes serve). */
  parts: readonly string[];
  value: (s: Sums) => number | null;
}

type Family = "closed" | "won" | "first_wins" | "created" | "meetings" | "calls" | "activities" | "open";

const n = (s: Sums, k: string) => s[k] ?? 0;

const SUMMED: Partial<Record<MetricKey, Summed>> = {
  revenue_won: { family: "won", parts: ["won_sum"], value: (s) => n(s, "won_sum") },
  deals_won: { family: "won", parts: ["won_n"], value: (s) => n(s, "won_n") },
  average_deal_size: {
    family: "won",
    parts: ["won_sum", "won_n"],
    value: (s) => (n(s, "won_n") === 0 ? null : Math.round(n(s, "won_sum") / n(s, "won_n"))),
  },
  sales_cycle_length: {
    family: "won",
    parts: ["won_days", "won_n"],
    value: (s) => (n(s, "won_n") === 0 ? null : n(s, "won_days") / n(s, "won_n")),
  },
  win_rate: {
    family: "closed",
    parts: ["won_n", "lost_n"],
    value: (s) => {
      const w = n(s, "won_n");
      const l = n(s, "lost_n");
      return w + l === 0 ? null : (w / (w + l)) * 100;
    },
  },
  new_accounts: { family: "first_wins", parts: ["new_n"], value: (s) => n(s, "new_n") },
  revenue_retained: { family: "first_wins", parts: ["retained_sum"], value: (s) => n(s, "retained_sum") },
  pipeline_created: { family: "created", parts: ["created_sum"], value: (s) => n(s, "created_sum") },
  meetings_held: { family: "meetings", parts: ["n"], value: (s) => n(s, "n") },
  calls_made: { family: "calls", parts: ["n"], value: (s) => n(s, "n") },
  activities_logged: { family: "activities", parts: ["n"], value: (s) => n(s, "n") },
};

const WON = sql<boolean>`d.status = 'won'`;

/** The family's rows (without window) and the sums each row group carries. */
function familyQuery(
  q: Q,
  engine: Engine,
  family: Family,
  orgId: string,
  scope: MetricScope,
  filters?: MetricFilters,
) {
  const m = { orgId, scope, filters };
  const sumIf = (cond: Expression<unknown>, v: RawBuilder<unknown> | number) =>
    sql<number>`sum(case when ${cond} then ${v} else 0 end)`;
  const amount = sql.ref<number>("d.amount_org_minor");
  switch (family) {
    case "won":
    case "closed": {
      const days =
        engine === "postgres"
          ? sql<number>`(cast(d.close_date as date) - cast(d.created_date as date))`
          : sql<number>`(julianday(d.close_date) - julianday(d.created_date))`;
      const qb = dealBase(q, m).where("d.status", "in", family === "won" ? ["won"] : ["won", "lost"]);
      return {
        qb,
        date: "d.close_date",
        sums: {
          won_n: sumIf(WON, 1),
          won_sum: sumIf(WON, amount),
          won_days: sumIf(WON, days),
          lost_n: sumIf(sql`d.status = 'lost'`, 1),
        },
      };
    }
    case "first_wins": {
      const qb = dealBase(q, m).where("d.status", "=", "won").where("d.account_id", "is not", null);
      const earlier = earlierWin(q);
      return {
        qb,
        date: "d.close_date",
        sums: { new_n: sumIf(sql`not ${earlier}`, 1), retained_sum: sumIf(earlier, amount) },
      };
    }
    case "created":
      return {
        qb: dealBase(q, m),
        date: "d.created_date",
        sums: { created_sum: sql<number>`sum(${amount})` },
      };
    case "open": {
      const sums: Record<string, RawBuilder<number>> = {};
      for (const c of FORECAST_CATEGORIES) {
        const is = sql`d.forecast_category = ${c}`;
        sums[`${c}_n`] = sumIf(is, 1);
        sums[`${c}_sum`] = sumIf(is, amount);
        sums[`${c}_w`] = sumIf(is, sql`${amount} * d.probability`);
      }
      return { qb: dealBase(q, m).where("d.status", "=", "open"), date: "d.close_date", sums };
    }
    case "meetings":
    case "calls":
    case "activities": {
      let qb = activityBase(q, m);
      if (family === "meetings") qb = qb.where("a.type", "=", "meeting");
      if (family === "calls") qb = qb.where("a.type", "=", "call");
      return { qb, date: "a.occurred_at", sums: { n: sql<number>`count(*)` } };
    }
  }
}

/**
 * How a family reads the kept per-month facts (facts.ts, docs/decisions/011): their basis, the
 * kinds it counts, and each sum of `familyQuery` over fact rows. `first_wins` needs each deal's
 * account history and is always read raw.
 */
interface FactRead {
  basis: "close" | "created" | "activity";
  kinds?: readonly string[];
  sums: Record<string, RawBuilder<number>>;
}

const fsum = (col: "n" | "amount" | "weighted" | "days", when?: RawBuilder<boolean>) =>
  when
    ? sql<number>`sum(case when ${when} then ${sql.ref(`f.${col}`)} else 0 end)`
    : sql<number>`sum(${sql.ref(`f.${col}`)})`;
const kindIs = (k: string) => sql<boolean>`f.kind = ${k}`;

const FACTS: Partial<Record<Family, FactRead>> = {
  won: {
    basis: "close",
    kinds: ["won"],
    sums: { won_n: fsum("n"), won_sum: fsum("amount"), won_days: fsum("days"), lost_n: sql<number>`0` },
  },
  closed: {
    basis: "close",
    kinds: ["won", "lost"],
    sums: {
      won_n: fsum("n", kindIs("won")),
      won_sum: fsum("amount", kindIs("won")),
      won_days: fsum("days", kindIs("won")),
      lost_n: fsum("n", kindIs("lost")),
    },
  },
  open: {
    basis: "close",
    kinds: ["open"],
    sums: Object.fromEntries(
      FORECAST_CATEGORIES.flatMap((c) => {
        const is = sql<boolean>`f.category = ${c}`;
        return [
          [`${c}_n`, fsum("n", is)],
          [`${c}_sum`, fsum("amount", is)],
          [`${c}_w`, fsum("weighted", is)],
        ];
      }),
    ),
  },
  created: { basis: "created", sums: { created_sum: fsum("amount") } },
  meetings: { basis: "activity", kinds: ["meeting"], sums: { n: fsum("n") } },
  calls: { basis: "activity", kinds: ["call"], sums: { n: fsum("n") } },
  activities: { basis: "activity", sums: { n: fsum("n") } },
};

type Row = { team_id: string | null; owner_id: string; b: number } & Record<string, unknown>;

const hasFilters = (f: MetricFilters | undefined) =>
  Object.values(f ?? {}).some((v) => v !== undefined && v !== null && v !== "");

/** The kept facts' sums per (team, owner, bucket) over whole months. */
async function factRows(
  q: Q,
  orgId: string,
  read: FactRead,
  parts: readonly string[],
  months: readonly CoveredMonth[],
): Promise<Row[]> {
  const bucketOf = new Map(months.map((m) => [m.month, m.bucket]));
  let qb = q
    .selectFrom("progress_facts as f")
    .where("f.org_id", "=", orgId)
    .where("f.basis", "=", read.basis)
    .where("f.month", "in", [...bucketOf.keys()]);
  if (read.kinds) qb = qb.where("f.kind", "in", read.kinds);
  const rows = await qb
    .select([
      "f.team_id",
      "f.owner_id",
      "f.month",
      ...parts.map((p) => (read.sums[p] ?? sql<number>`0`).as(p)),
    ])
    .groupBy(["f.team_id", "f.owner_id", "f.month"])
    .execute();
  return rows.map((r) => {
    const { team_id, owner_id, month, ...sums } = r as Record<string, unknown> & {
      team_id: string;
      owner_id: string;
      month: string;
    };
    return { ...sums, team_id: team_id === "" ? null : team_id, owner_id, b: bucketOf.get(month) ?? 0 };
  });
}

interface Ask {
  scope: MetricScope;
  window: MetricWindow;
}

const scopeKey = (s: MetricScope) =>
  JSON.stringify([[...(s.ownerIds ?? [])].sort(), [...(s.teamIds ?? [])].sort()]);

/**
 * Past this many owners and teams, the query reads the whole org instead of narrowing to the
 * scope: the groups are matched to each figure's scope in code anyway, and a long `team_id in (…)`
 * leads the planner to a team index and a table lookup per deal (4× slower than the covering
 * date index over the whole org, measured at a million deals).
 */
const NARROW_SCOPE_MAX = 32;

export const wholeOrg = (scope: MetricScope) => !scope.ownerIds?.length && !scope.teamIds?.length;

/** Whether a (team, owner) row counts for a scope: as computeMetric's `owner in … or team in …`. */
export function inScope(scope: MetricScope): (team: string | null, owner: string) => boolean {
  if (wholeOrg(scope)) return () => true;
  const owners = new Set(scope.ownerIds ?? []);
  const teams = new Set(scope.teamIds ?? []);
  return (team, owner) => owners.has(owner) || (team !== null && teams.has(team));
}

/** The union of the scopes: the whole org when any of them is. */
function unionScope(asks: readonly Ask[]): MetricScope {
  const owners = new Set<string>();
  const teams = new Set<string>();
  for (const { scope } of asks) {
    if (!scope.ownerIds?.length && !scope.teamIds?.length) return {};
    for (const o of scope.ownerIds ?? []) owners.add(o);
    for (const t of scope.teamIds ?? []) teams.add(t);
  }
  return { ownerIds: [...owners], teamIds: [...teams] };
}

/**
 * One family's sums per (team, owner, bucket), the buckets cut at `edges` (sorted, distinct), over
 * a scope — narrowed in SQL only; callers match rows to each figure's scope. The whole org,
 * unfiltered, reads whole months from the kept facts and the days of cut months raw.
 */
export async function familyRows(
  q: Q,
  engine: Engine,
  orgId: string,
  family: Family,
  filters: MetricFilters | undefined,
  scope: MetricScope,
  edges: readonly string[],
  only?: Iterable<string>,
): Promise<{ rows: Row[]; parts: string[] }> {
  const broad = (scope.ownerIds?.length ?? 0) + (scope.teamIds?.length ?? 0) > NARROW_SCOPE_MAX;
  if (broad) scope = {};
  const f = familyQuery(q, engine, family, orgId, scope, filters);
  const col = sql.ref<string>(f.date);
  const inner = edges.slice(1, -1);
  const bucket = inner.length
    ? sql<number>`case ${sql.join(
        inner.map((e, i) => sql`when ${col} < ${e} then ${sql.lit(i)}`),
        sql` `,
      )} else ${sql.lit(inner.length)} end`
    : sql<number>`0`;
  const wanted = only ? new Set(only) : null;
  const sums = Object.entries(f.sums as Record<string, RawBuilder<number>>).filter(
    ([p]) => !wanted || wanted.has(p),
  );
  const alias = f.date.split(".")[0] ?? "d";
  /** The raw rows' sums per (team, owner, bucket) over the days [from, to). */
  const raw = async (from: string, to: string) =>
    (await (f.qb as ReturnType<typeof dealBase>)
      .where(col, ">=", from)
      .where(col, "<", to)
      .select([
        sql.ref<string | null>(`${alias}.team_id`).as("team_id"),
        sql.ref<string>(`${alias}.owner_id`).as("owner_id"),
        bucket.as("b"),
        ...sums.map(([p, e]) => e.as(p)),
      ])
      .groupBy([sql`1`, sql`2`, sql`3`])
      .execute()) as unknown as Row[];

  const parts = sums.map(([p]) => p);
  const kept = FACTS[family];
  if (!kept || !wholeOrg(scope) || hasFilters(filters))
    return { rows: await raw(edges[0] as string, edges[edges.length - 1] as string), parts };
  const rows: Row[] = [];
  const { months, leftovers } = monthCover(edges);
  for (const r of leftovers) rows.push(...(await raw(r.from, r.to)));
  if (months.length > 0) rows.push(...(await factRows(q, orgId, kept, parts, months)));
  return { rows, parts };
}

/** One grouped query for every ask of one family and filters: each ask's sums. */
async function familySums(
  q: Q,
  engine: Engine,
  orgId: string,
  family: Family,
  filters: MetricFilters | undefined,
  asks: readonly Ask[],
  only?: ReadonlySet<string>,
): Promise<Sums[]> {
  const live = asks.filter((a) => a.window.from <= a.window.to);
  if (live.length === 0) return asks.map(() => ({}));
  // Bucket edges: every window's first day and the day after its last (dates compare as text,
  // and a timestamp "2026-03-31T…" sorts before the edge "2026-04-01").
  const edges = [...new Set(live.flatMap((a) => [a.window.from, nextDay(a.window.to)]))].sort();
  const { rows, parts } = await familyRows(q, engine, orgId, family, filters, unionScope(live), edges, only);

  // Per (team, owner): the sums per bucket, part by part (at part × width + bucket).
  const width = edges.length - 1;
  const groups = new Map<string, { team: string | null; owner: string; sums: Float64Array }>();
  for (const r of rows) {
    const key = `${r.team_id ?? ""}|${r.owner_id}`;
    let g = groups.get(key);
    if (!g) {
      g = { team: r.team_id, owner: r.owner_id, sums: new Float64Array(parts.length * width) };
      groups.set(key, g);
    }
    for (const [i, p] of parts.entries()) add(g.sums, i * width + Number(r.b), Number(r[p] ?? 0));
  }
  // Per scope asked: the groups it matches summed, then running sums over the buckets — at
  // (part × (width + 1) + b) the sum of buckets before b — so a window's sum is two lookups.
  const totals = new Map<string, Float64Array>();
  const totalOf = (scope: MetricScope) => {
    const key = scopeKey(scope);
    let t = totals.get(key);
    if (!t) {
      const counts = inScope(scope);
      t = new Float64Array(parts.length * (width + 1));
      for (const g of groups.values()) {
        if (!counts(g.team, g.owner)) continue;
        for (let i = 0; i < parts.length; i++)
          for (let b = 0; b < width; b++) add(t, i * (width + 1) + b + 1, g.sums[i * width + b] ?? 0);
      }
      for (let i = 0; i < parts.length; i++)
        for (let b = 1; b <= width; b++) add(t, i * (width + 1) + b, t[i * (width + 1) + b - 1] ?? 0);
      totals.set(key, t);
    }
    return t;
  };
  const at = new Map(edges.map((e, i) => [e, i]));
  return asks.map((a) => {
    const out: Sums = {};
    if (a.window.from > a.window.to) return out;
    const lo = at.get(a.window.from) ?? 0;
    const hi = at.get(nextDay(a.window.to)) ?? 0;
    const t = totalOf(a.scope);
    for (const [i, p] of parts.entries())
      out[p] = (t[i * (width + 1) + hi] ?? 0) - (t[i * (width + 1) + lo] ?? 0);
    return out;
  });
}

function add(a: Float64Array, at: number, v: number): void {
  a[at] = (a[at] ?? 0) + v;
}

const filtersKey = (f: MetricFilters | undefined) => JSON.stringify(f ?? {});

/** The memo key of one figure: the same query asked twice is the same figure. */
export function metricKey(m: Omit<MetricQuery, "orgId">): string {
  return JSON.stringify([
    m.key,
    filtersKey(m.filters),
    scopeKey(m.scope),
    m.window.from,
    m.window.to,
    m.objectiveId ?? null,
  ]);
}

/**
 * Many figures at once: the summed metrics by one grouped query per family and filters, the others
 * (distinct counts, check-ins) one by one. Values in the order asked.
 */
export async function computeMetrics(
  q: Q,
  engine: Engine,
  orgId: string,
  queries: readonly Omit<MetricQuery, "orgId">[],
): Promise<(number | null)[]> {
  const out: (number | null)[] = new Array<number | null>(queries.length).fill(null);
  const batches = new Map<
    string,
    { family: Family; filters?: MetricFilters; at: number[]; parts: Set<string> }
  >();
  for (const [i, m] of queries.entries()) {
    const summed = SUMMED[m.key];
    if (!summed) {
      out[i] = await computeMetric(q, engine, { ...m, orgId });
      continue;
    }
    const key = `${summed.family}|${filtersKey(m.filters)}`;
    const batch = batches.get(key) ?? {
      family: summed.family,
      filters: m.filters,
      at: [],
      parts: new Set<string>(),
    };
    batch.at.push(i);
    for (const p of summed.parts) batch.parts.add(p);
    batches.set(key, batch);
  }
  for (const b of batches.values()) {
    const asks = b.at.map((i) => queries[i] as Omit<MetricQuery, "orgId">);
    const sums = await familySums(q, engine, orgId, b.family, b.filters, asks, b.parts);
    for (const [j, i] of b.at.entries()) {
      const m = queries[i] as Omit<MetricQuery, "orgId">;
      out[i] = (SUMMED[m.key] as Summed).value(sums[j] ?? {});
    }
  }
  return out;
}

/** Open deals closing in each window, summed per forecast category: the pipeline forecast's input. */
export async function openPipelines(
  q: Q,
  engine: Engine,
  orgId: string,
  filters: MetricFilters | undefined,
  asks: readonly Ask[],
): Promise<OpenPipelineSum[][]> {
  const sums = await familySums(q, engine, orgId, "open", filters, asks);
  return sums.map((s) =>
    FORECAST_CATEGORIES.map((category) => ({
      category,
      deals: n(s, `${category}_n`),
      openMinor: n(s, `${category}_sum`),
      // Probability is stored in percent.
      weightedMinor: n(s, `${category}_w`) / 100,
    })),
  );
}

/** Whether a metric's figures can come from the grouped sums. */
export const isSummed = (key: string) => metricByKey(key) !== undefined && key in SUMMED;
