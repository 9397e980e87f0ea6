// `oars attainment …` and `oars jobs run` as a user runs them: a real process on the demo database.
import fs from "node:fs";
import path from "node:path";
import { addDays, addMonths, todayIn } from "@oars/core";
import { describe, expect, it } from "vitest";
import { demoCli } from "../../test/demo-cli";

const cli = demoCli("progress");
const oars = cli.oars;

describe("oars progress", () => {
  it("prints a person's goals and objectives with status and reason, and a plan's objectives", async () => {
    const nina = await oars(["progress", "--as", "nina@northwind.example"]);
    expect(nina.stderr).toBe("");
    expect(nina.stdout).toMatch(/^Goals, \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}:/);
    expect(nina.stdout).toMatch(
      /(on track|at risk|off track) +\d+% {2}USD [\d,.]+ of USD [\d,.]+ · pace \d+% {2}Win USD 420,000 in the first year · Nina Patel/,
    );
    const json = JSON.parse(
      (await oars(["progress", "--as", "dana@northwind.example", "--json"])).stdout,
    ) as {
      goals: { ownerName: string; actual: number }[];
      objectives: { title: string; planId: string; status: string | null }[];
    };
    expect(json.goals.map((g) => g.ownerName).sort()).toEqual(["Central", "East", "West"]);
    const dept = json.objectives.find((x) => x.title.startsWith("Grow revenue by 25%"));
    expect(dept?.status).not.toBeNull();
    const plan = await oars(["progress", "--plan", dept?.planId ?? "", "--as", "dana@northwind.example"]);
    expect(plan.stdout).toContain("Grow revenue by 25% to USD 11,250,000 a year");
    expect((await oars(["progress", "--plan", "no-such-plan"])).code).not.toBe(0);
  });
});

// Last month in the demo org's time zone, and the month before it (still open).
const firstOfThisMonth = `${todayIn("America/New_York", new Date()).slice(0, 7)}-01`;
const last = addMonths(firstOfThisMonth, -1).slice(0, 7);
const lastEnd = addDays(firstOfThisMonth, -1);
const before = addMonths(firstOfThisMonth, -2).slice(0, 7);
const label = new Date(`${last}-01T00:00:00Z`).toLocaleString("en-US", {
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});

describe("oars attainment", () => {
  it("closes a month, exports its frozen attainment as CSV, refuses an open one, reopens", async () => {
    const close = await oars(["attainment", "close", "--period", last]);
    expect(close.stderr).toBe("");
    expect(close.stdout).toMatch(
      new RegExp(`^Closed ${label} \\(${last}-01\\.\\.${lastEnd}\\): \\d+ figures frozen`),
    );
    const out = path.join(cli.dataDir, "attainment.csv");
    expect((await oars(["attainment", "export", "--period", last, "--out", out])).code).toBe(0);
    const lines = fs
      .readFileSync(out, "utf8")
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe(
      "Period,Period start,Period end,Owner type,Owner,Email,Team,Goal,Kind,Metric,Goal start,Goal end,Target,Actual,Attainment (%)",
    );
    const nina = lines.find((l) => l.includes(",Nina Patel,nina@northwind.example,"));
    expect(nina).toMatch(
      new RegExp(
        `^${label},${last}-01,${lastEnd},person,Nina Patel,.*,revenue_won,${last}-01,${lastEnd},[\\d.]+,[\\d.]+,[\\d.]+$`,
      ),
    );

    const open = await oars(["attainment", "export", "--period", before]);
    expect(open.code).toBe(1);
    expect(open.stderr).toContain(`Closed period ${before} not found`);
    const again = await oars(["attainment", "close", "--period", last]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("already closed");
    const list = JSON.parse((await oars(["attainment", "list", "--json"])).stdout) as {
      periodKey: string;
      status: string;
    }[];
    expect(list).toMatchObject([{ periodKey: last, status: "closed" }]);
    expect((await oars(["attainment", "reopen", last])).stdout).toBe(`Reopened ${label}\n`);
  }, 180_000);
});

describe("oars jobs run", () => {
  it("runs what is due once: a second run in the same slot finds nothing new", async () => {
    const first = JSON.parse((await oars(["jobs", "run", "--json"])).stdout) as {
      job: string;
      slot: string;
    }[];
    expect(first.map((r) => r.job)).toContain("progress-alerts");
    const second = JSON.parse((await oars(["jobs", "run", "--json"])).stdout) as {
      job: string;
      slot: string;
    }[];
    const seen = new Set(first.map((r) => `${r.job} ${r.slot}`));
    expect(second.filter((r) => seen.has(`${r.job} ${r.slot}`))).toEqual([]);
  }, 60_000);
});

describe("oars facts", () => {
  it("checks the kept facts against the raw rows, finds a drift, and rebuilds", async () => {
    const ok = await oars(["facts", "check"]);
    expect(ok.stderr).toBe("");
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^Facts match the raw rows: \d+ rows\.\n$/);
    await cli.sql("update progress_facts set n = n + 1 where basis = 'activity'");
    const drift = await oars(["facts", "check"]);
    expect(drift.code).toBe(1);
    expect(drift.stdout).toMatch(/^\d+ of \d+ rows differ \(kept → raw\)/);
    expect(drift.stdout).toMatch(/activity \d{4}-\d{2} (call|meeting|email|demo|task|note) - team /);
    expect((await oars(["facts", "rebuild"])).stdout).toMatch(/^Rebuilt \d+ fact rows\.\n$/);
    expect((await oars(["facts", "check"])).code).toBe(0);
  }, 120_000);
});
