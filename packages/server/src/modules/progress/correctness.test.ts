// Correctness on a realistic CRM export: 300 deals over eight quarters (test/fixtures/crm-export.csv)
// go in through the real CSV import; the metrics engine's figures must equal, exactly, those of
// test/fixtures/crm-export.expected.py — a script that uses nothing of Oars — committed as
// crm-export.expected.json. Regenerate both with the two scripts beside them.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { closedPeriodRange, METRICS, type MetricKey } from "@oars/core";
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildWorld, type World } from "../../../test/factory";
import { testApp, type TestApp } from "../../../test/harness";
import { importCsv } from "../../../test/import-helpers";
import { computeMetric, dealBase, type MetricScope } from "./metrics";
import { computeMetrics, openPipelines } from "./metrics-grouped";

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../test/fixtures");
const csv = fs.readFileSync(path.join(FIXTURES, "crm-export.csv"), "utf8");
const expected = JSON.parse(fs.readFileSync(path.join(FIXTURES, "crm-export.expected.json"), "utf8")) as {
  revenueByPersonQuarter: Record<string, number>;
  revenueByQuarter: Record<string, number>;
  winRateByTeam: Record<"a" | "b" | "dept", { won: number; lost: number; percent: string }>;
  openPipelineByStage: Record<string, number>;
};

let t: TestApp;
let w: World;
let dataDir: string;
beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "oars-correctness-"));
  t = await testApp({ config: { dataDir } });
  w = await buildWorld(t.app, t.db);
});
afterEach(async () => {
  await t.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const PEOPLE = {
  "Mia Member": "memberA",
  "Mo Member": "memberA2",
  "Max Manager": "managerA",
  "Ben Member": "memberB",
  "Dora Director": "director",
} as const;
const QUARTERS = ["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"];
const calendar = { fiscalYearStartMonth: 1, weekStartsOn: 1, workingDays: [1, 2, 3, 4, 5], holidays: [] };
const windowOf = (q: string) => {
  const r = closedPeriodRange(calendar, `FY${q.slice(0, 4)}-${q.slice(5)}`);
  if (!r) throw new Error(q);
  return { from: r.start, to: r.end };
};

describe("correctness on a realistic CRM export", () => {
  it("revenue per person and quarter, win rate per team, open pipeline per stage match the independent script", async () => {
    const job = await importCsv(w.as.admin, "deals", csv);
    expect(job).toMatchObject({ status: "done", counts: { created: 300, rejected: 0 } });
    const metric = (key: "revenue_won" | "win_rate", scope: object, window: { from: string; to: string }) =>
      computeMetric(t.db.k, t.db.engine, { orgId: w.orgId, key, scope, window });

    const revenue: Record<string, number> = {};
    for (const [name, key] of Object.entries(PEOPLE))
      for (const q of QUARTERS) {
        const v = await metric("revenue_won", { ownerIds: [w.people[key].id] }, windowOf(q));
        if (v) revenue[`${name}|${q}`] = v;
      }
    expect(revenue).toEqual(expected.revenueByPersonQuarter);

    const byQuarter: Record<string, number> = {};
    for (const q of QUARTERS) byQuarter[q] = (await metric("revenue_won", {}, windowOf(q))) ?? 0;
    expect(byQuarter).toEqual(expected.revenueByQuarter);

    const all = { from: "2025-01-01", to: "2026-12-31" };
    for (const team of ["a", "b", "dept"] as const) {
      const v = await metric("win_rate", { teamIds: [...subtree(team)] }, all);
      expect(v?.toFixed(6), `win rate of team ${team}`).toBe(expected.winRateByTeam[team].percent);
    }

    const open = await dealBase(t.db.k, { orgId: w.orgId, scope: {} })
      .innerJoin("pipeline_stages as s", "s.id", "d.stage_id")
      .where("d.status", "=", "open")
      .select((eb) => ["s.name", eb.fn.sum<number>("d.amount_org_minor").as("minor")])
      .groupBy("s.name")
      .orderBy("s.name")
      .execute();
    expect(Object.fromEntries(open.map((r) => [r.name, Number(r.minor)]))).toEqual(
      expected.openPipelineByStage,
    );
  });
});

function subtree(team: "a" | "b" | "dept"): string[] {
  return team === "dept" ? [w.teams.dept, w.teams.a, w.teams.b] : [w.teams[team]];
}

describe("the grouped figures (docs/decisions/010)", () => {
  it("equal every figure computed alone, for any metric, scope and window", async () => {
    await importCsv(w.as.admin, "deals", csv);
    // Activities of every type and status across the quarters, for the activity metrics.
    const owners = ["memberA", "memberA2", "managerA", "memberB"] as const;
    const types = ["call", "email", "meeting", "demo"] as const;
    for (const key of owners) {
      const create = Array.from({ length: 40 }, (_, i) => ({
        type: types[i % types.length],
        subject: `touch ${i}`,
        ownerId: w.people[key].id,
        occurredAt: `${2025 + (i % 2)}-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + ((i * 7) % 28)).padStart(2, "0")}T${String(i % 24).padStart(2, "0")}:30:00Z`,
        status: i % 5 === 0 ? "planned" : "done",
      }));
      const res = await w.as.admin.post("/api/v1/activities/bulk", { create });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
    const scopes: MetricScope[] = [
      {},
      { ownerIds: [w.people.memberA.id] },
      { ownerIds: [w.people.memberB.id, w.people.managerA.id] },
      { teamIds: subtree("a") },
      { teamIds: subtree("dept") },
      { ownerIds: [w.people.director.id], teamIds: subtree("b") },
    ];
    const day = fc.integer({ min: 0, max: 800 }).map((n) => {
      const d = new Date(Date.UTC(2024, 11, 1 + n));
      return d.toISOString().slice(0, 10);
    });
    const summed: MetricKey[] = METRICS.map((m) => m.key).filter(
      (k) => k !== "manual" && k !== "quota_attainment",
    );
    const figure = fc.record({
      key: fc.constantFrom(...summed),
      scope: fc.constantFrom(...scopes),
      window: fc.tuple(day, day).map(([a, b]) => (a <= b ? { from: a, to: b } : { from: b, to: a })),
      filters: fc.constantFrom(undefined, { businessType: "new" as const }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(figure, { minLength: 1, maxLength: 12 }), async (figures) => {
        const grouped = await computeMetrics(t.db.k, t.db.engine, w.orgId, figures);
        for (const [i, f] of figures.entries()) {
          const alone = await computeMetric(t.db.k, t.db.engine, { ...f, orgId: w.orgId });
          const g = grouped[i] ?? null;
          if (alone === null || g === null) expect(g, `${f.key} ${JSON.stringify(f)}`).toBe(alone);
          else expect(g, `${f.key} ${JSON.stringify(f)}`).toBeCloseTo(alone, 6);
        }
      }),
      { numRuns: 40 },
    );

    // The grouped revenue per person and quarter is the independent script's too.
    const asks = Object.entries(PEOPLE).flatMap(([name, key]) =>
      QUARTERS.map((q) => ({
        name,
        q,
        key: "revenue_won" as const,
        scope: { ownerIds: [w.people[key].id] },
        window: windowOf(q),
      })),
    );
    const values = await computeMetrics(t.db.k, t.db.engine, w.orgId, asks);
    const revenue: Record<string, number> = {};
    for (const [i, a] of asks.entries()) if (values[i]) revenue[`${a.name}|${a.q}`] = values[i] ?? 0;
    expect(revenue).toEqual(expected.revenueByPersonQuarter);

    // Open pipeline by forecast category: the same sums as the open deals listed one by one.
    const [open] = await openPipelines(t.db.k, t.db.engine, w.orgId, undefined, [
      { scope: {}, window: { from: "2000-01-01", to: "2999-12-31" } },
    ]);
    const deals = await dealBase(t.db.k, { orgId: w.orgId, scope: {} })
      .where("d.status", "=", "open")
      .select(["d.forecast_category", "d.amount_org_minor", "d.probability"])
      .execute();
    for (const c of open ?? []) {
      const mine = deals.filter((d) => d.forecast_category === c.category);
      expect(c.deals).toBe(mine.length);
      expect(c.openMinor).toBe(mine.reduce((n, d) => n + Number(d.amount_org_minor), 0));
      expect(c.weightedMinor).toBeCloseTo(
        mine.reduce((n, d) => n + (Number(d.amount_org_minor) * d.probability) / 100, 0),
        6,
      );
    }
    expect(open?.reduce((n, c) => n + c.deals, 0)).toBe(deals.length);
    expect(deals.length).toBeGreaterThan(0);
  });
});
