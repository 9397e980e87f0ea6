// `oars plan list|show|export` as a user runs them: a real process on a database seeded with the demo.
import type { PlanDocument, StrategicPlan } from "@oars/core";
import { describe, expect, it } from "vitest";
import { demoCli } from "../../test/demo-cli";

const cli = demoCli("plan");
const oars = cli.oars;

describe("oars plan", () => {
  it("lists the demo's cascade of plans, and only what a member may see with --as", async () => {
    const all = JSON.parse((await oars(["plan", "list", "--json"])).stdout) as StrategicPlan[];
    expect(all.map((p) => p.title).sort()).toEqual([
      "Alan's major accounts this year",
      "Central: our part of the overhaul",
      "East: our part of the overhaul",
      "Nina's first year",
      "Northwind Sales: two-year overhaul",
      "West: our part of the overhaul",
    ]);
    const nina = JSON.parse(
      (await oars(["plan", "list", "--json", "--as", "nina@northwind.example"])).stdout,
    ) as StrategicPlan[];
    expect(nina.map((p) => p.title).sort()).toEqual([
      "East: our part of the overhaul",
      "Nina's first year",
      "Northwind Sales: two-year overhaul",
    ]);
    const text = await oars(["plan", "list"]);
    expect(text.stdout).toMatch(
      /active\s+\d{4}-\d\d-\d\d\.\.\d{4}-\d\d-\d\d\s+Sales \(team\)\s+Northwind Sales/,
    );
  });

  it("shows a plan and exports its document as Markdown", async () => {
    const all = JSON.parse((await oars(["plan", "list", "--json"])).stdout) as StrategicPlan[];
    const dept = all.find((p) => p.title.startsWith("Northwind"));
    const nina = all.find((p) => p.title.startsWith("Nina"));
    if (!dept || !nina) throw new Error("demo plans missing");
    const show = await oars(["plan", "show", nina.id]);
    expect(show.stdout).toContain("Nina's first year  [active]");
    expect(show.stdout).toMatch(
      /Win USD 420,000 in the first year · Revenue won · target USD 420,000\.00 by .* · under “East: win USD 4\.1M a year”/,
    );
    const doc = JSON.parse((await oars(["plan", "show", dept.id, "--json"])).stdout) as PlanDocument;
    expect(doc.refinement.every((r) => r.answer !== null)).toBe(true);
    const md = await oars(["plan", "export", dept.id, "--format", "md"]);
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/^# Northwind Sales: two-year overhaul\n/);
    expect(md.stdout).toContain("## Where we want to be");
    expect(md.stdout).toContain("### What will we stop doing?\n\nDiscounting to close small deals");
    expect(md.stdout).toContain(
      "| 1 | Grow revenue by 25% to USD 11,250,000 a year | Revenue won | USD 9,000,000.00 | USD 11,250,000.00 |",
    );
    expect(md.stdout).toContain("| Training and development programme | Sales (team) |");
    const missing = await oars(["plan", "export", "no-such-plan", "--format", "md"]);
    expect([missing.code, missing.stderr]).toEqual([1, "oars: Plan not found\n"]);
    const format = await oars(["plan", "export", dept.id, "--format", "pdf"]);
    expect(format.stderr).toMatch(/--format must be md or json/);
  });
});
