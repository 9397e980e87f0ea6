// `oars targets` and `oars funnel` as a user runs them: a real process on a database seeded with the demo.
import fs from "node:fs";
import path from "node:path";
import type { FunnelComparison, TargetGridResult } from "@oars/core";
import { describe, expect, it } from "vitest";
import { demoCli } from "../../test/demo-cli";

const cli = demoCli("tactics", ["seed", "--demo", "--today", "2026-11-27"]);
const oars = cli.oars;

describe("oars targets", () => {
  it("lists the tactical plans and splits a region's revenue over quarters and reps, with a ramp", async () => {
    const plans = await oars(["targets", "plans"]);
    expect(plans.stdout).toContain("East · Q4 FY2026");
    const csv = path.join(cli.dataDir, "east.csv");
    const res = await oars([
      "targets",
      "split",
      "--plan",
      "East",
      "--grain",
      "quarter",
      "--ramp",
      "Nina Patel=standard",
      "--csv",
      csv,
    ]);
    expect(res.stderr).toBe("");
    expect(res.stdout).toContain("gap USD 0.00");
    const lines = fs.readFileSync(csv, "utf8").trim().split("\n");
    expect(lines[0]).toBe("row,Q1 FY2026,Q2 FY2026,Q3 FY2026,Q4 FY2026,Total");
    expect(lines.at(-1)).toMatch(/^Total,.*,4100000\.00$/);
    const nina = lines.find((l) => l.startsWith("Nina Patel"))?.split(",") ?? [];
    const omar = lines.find((l) => l.startsWith("Omar Haddad"))?.split(",") ?? [];
    expect(Number(nina[1])).toBeLessThan(Number(omar[1]));
  });

  it("saves the grid as milestones with --save, and refuses a ramp above 100 %", async () => {
    const json = await oars(["targets", "split", "--plan", "Central", "--by", "equal", "--save", "--json"]);
    const grid = JSON.parse(json.stdout) as TargetGridResult;
    expect(grid).toMatchObject({ grandTotal: 375_000_000, gapToTarget: 0 });
    expect(grid.rows).toHaveLength(3);
    const again = await oars(["targets", "split", "--plan", "Central", "--by", "equal", "--save"]);
    expect(again.stdout).toContain("Saved as milestones.");
    const bad = await oars(["targets", "split", "--plan", "Central", "--ramp", "Jamal Carter=0.5,1.5"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/settings\.rampCurves\.[\w-]+\[1\]/);
  });
});

describe("oars funnel", () => {
  it("works the example through: 14 deals at 40 % need 35 proposals, at 50 % 70 meetings", async () => {
    const res = await oars([
      "funnel",
      "--revenue",
      "140000",
      "--deal-size",
      "10000",
      "--stage",
      "meeting=0.5",
      "--stage",
      "proposal=0.4",
      "--activity",
      "calls:meeting=8",
      "--people",
      "2",
      "--from",
      "2026-01-01",
      "--to",
      "2026-03-31",
      "--scenario",
      "Win rate drops:proposal=0.2",
      "--json",
    ]);
    const c = JSON.parse(res.stdout) as FunnelComparison;
    const need = (name: string) => c.base.steps.find((s) => s.name === name)?.needed;
    expect([need("won"), need("proposal"), need("meeting"), need("calls")]).toEqual([14, 35, 70, 560]);
    expect(c.variants[0]?.deltas.find((d) => d.name === "meeting")?.variant).toBe(140);
    const text = await oars(["funnel", "--plan", "Northwind"]);
    expect(text.stdout).toContain("! Plan conversion from Negotiation 95 %");
    const bad = await oars(["funnel", "--revenue", "1000", "--deal-size", "100", "--stage", "meeting=1.5"]);
    expect([bad.code, bad.stderr.trim()]).toEqual([
      1,
      "oars: base.stages[0].conversionToNext: must be a share above 0 and at most 1",
    ]);
  });
});
