// Correctness on a realistic CRM export: 300 deals over eight quarters (test/fixtures/crm-export.csv)
// go in through the real CSV import; the metrics engine's figures must equal, exactly, those of
// test/fixtures/crm-export.expected.py — a script that uses nothing of Oars — committed as
// crm-export.expected.json. Regenerate both with the two scripts beside them.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { closedPeriodRange } from "@oars/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildWorld, type World } from "../../../test/factory";
import { testApp, type TestApp } from "../../../test/harness";
import { importCsv } from "../../../test/import-helpers";
import { computeMetric, dealBase } from "./metrics";

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
