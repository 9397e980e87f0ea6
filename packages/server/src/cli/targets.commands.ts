// `oars targets plans|split`: find tactical plans and split an objective's target over people or
// teams and periods from the command line — the same services as the grid editor, printed as a
// table or written as CSV; --save stores the milestones.
import fs from "node:fs";
import {
  RAMP_PRESETS,
  type SplitSave,
  type SplitSetup,
  type TacticalPlan,
  type TargetGridResult,
} from "@oars/core";
import type { Command } from "commander";
import type { SignedInCtx } from "../http/context";
import { loadObjectiveRow } from "../modules/plans/objectives.service";
import { previewSplit, saveSplit, splitSetup } from "../modules/tactics/splits.service";
import { listTacticalPlans } from "../modules/tactics/tactical-plans.service";
import { cliContext, print, withDb } from "./context";
import { collect, csvLine, money, parseNumber, table } from "./tactics-format";

interface SplitOptions {
  plan: string;
  objective?: string;
  parent?: string;
  rows?: string;
  row?: string[];
  grain?: string;
  by?: string;
  season?: string;
  ramp?: string[];
  rampMode?: string;
  headroom?: string;
  from?: string;
  to?: string;
  csv?: string;
  json?: boolean;
  save?: boolean;
  as?: string;
}

const oneOf = <T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  flag: string,
): T | undefined => {
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new Error(`${flag} must be one of ${allowed.join(", ")}, not ${value}`);
};

async function allPlans(ctx: SignedInCtx): Promise<TacticalPlan[]> {
  const all: TacticalPlan[] = [];
  let cursor: string | undefined;
  do {
    const page = await listTacticalPlans(ctx, { limit: 500, cursor });
    all.push(...page.items);
    cursor = page.next ?? undefined;
  } while (cursor);
  return all;
}

/** A plan by id, or by a piece of its title when exactly one matches. */
async function findPlan(ctx: SignedInCtx, ref: string): Promise<TacticalPlan> {
  const plans = await allPlans(ctx);
  const byId = plans.find((p) => p.id === ref);
  if (byId) return byId;
  const matches = plans.filter((p) => p.title.toLowerCase().includes(ref.toLowerCase()));
  if (matches.length === 1 && matches[0]) return matches[0];
  throw new Error(
    matches.length === 0
      ? `No tactical plan you can see matches "${ref}" (oars targets plans lists them)`
      : `"${ref}" matches ${matches.length} plans: ${matches.map((p) => p.title).join("; ")}`,
  );
}

async function findObjective(ctx: SignedInCtx, plan: TacticalPlan, ref: string | undefined): Promise<string> {
  const objectives = await Promise.all(
    plan.objectiveIds.map((id) => loadObjectiveRow(ctx.db.k, ctx.actor.orgId, id)),
  );
  const pick = ref
    ? objectives.filter((o) => o.id === ref || o.title.toLowerCase().includes(ref.toLowerCase()))
    : objectives.filter((o) => o.metric_key === "revenue_won").slice(0, 1);
  if (pick.length === 1 && pick[0]) return pick[0].id;
  throw new Error(`Name one objective with --objective: ${objectives.map((o) => `"${o.title}"`).join(", ")}`);
}

function rampCurve(text: string): number[] {
  if (text in RAMP_PRESETS) return [...RAMP_PRESETS[text as keyof typeof RAMP_PRESETS]];
  return text.split(",").map((x) => parseNumber(x.trim(), "--ramp"));
}

function request(setup: SplitSetup, objectiveId: string, o: SplitOptions): SplitSave {
  const rowIds = o.row ?? setup.saved?.settings.rows.map((r) => r.id) ?? setup.rows.map((r) => r.id);
  const byLabel = (ref: string) =>
    setup.rows.find((r) => r.id === ref || r.label.toLowerCase() === ref.toLowerCase())?.id ?? ref;
  const rampCurves = Object.fromEntries(
    (o.ramp ?? []).map((spec) => {
      const [who = "", curve = "standard"] = spec.split("=");
      return [byLabel(who), rampCurve(curve)];
    }),
  );
  const by = oneOf(o.by, ["equal", "capacity", "potential", "lastShare"] as const, "--by") ?? "equal";
  return {
    objectiveId,
    parentMilestoneId: setup.parent?.id ?? null,
    settings: {
      grain: oneOf(o.grain, ["week", "month", "quarter", "whole"] as const, "--grain") ?? setup.grain,
      start: o.from ?? setup.start,
      end: o.to ?? setup.end,
      rowKind: setup.rowKind,
      rows: rowIds.map((id) => ({ id: byLabel(id) })),
      ownerMethod: { kind: by },
      periodMethod: o.season === "learned" ? { kind: "learned" } : { kind: "even" },
      rampCurves,
      rampMode: oneOf(o.rampMode, ["redistribute", "acceptGap"] as const, "--ramp-mode") ?? "redistribute",
      headroomPct: o.headroom === undefined ? 0 : parseNumber(o.headroom, "--headroom"),
    },
    version: setup.saved?.version,
  };
}

function render(
  grid: TargetGridResult,
  isMoney: boolean,
  currency: string,
  rampMode: "redistribute" | "acceptGap",
) {
  const fmt = (n: number) => (isMoney ? (n / 100).toFixed(2) : String(n));
  const cell = new Map(grid.cells.map((c) => [`${c.rowId}|${c.periodKey}`, c.amount]));
  const rowTotal = new Map(grid.rowTotals.map((r) => [r.rowId, r.amount]));
  const header = ["", ...grid.periods.map((p) => p.label), "Total"];
  const rows = grid.rows.map((r) => [
    r.label,
    ...grid.periods.map((p) => fmt(cell.get(`${r.id}|${p.key}`) ?? 0)),
    fmt(rowTotal.get(r.id) ?? 0),
  ]);
  const totals = ["Total", ...grid.columnTotals.map((c) => fmt(c.amount)), fmt(grid.grandTotal)];
  const money_ = (n: number) => (isMoney ? money(n, currency) : String(n));
  const text = [
    table(header, [...rows, totals]),
    "",
    `Target ${money_(grid.target ?? grid.total)} · assigned ${money_(grid.grandTotal)} · gap ${money_(grid.gapToTarget)}` +
      (grid.heldBackByRamp > 0
        ? ` · held back by ramps ${money_(grid.heldBackByRamp)}, ${rampMode === "acceptGap" ? "accepted as a gap" : "carried by the others"}`
        : ""),
  ].join("\n");
  const csv = [csvLine(header.map((h, i) => (i === 0 ? "row" : h))), ...[...rows, totals].map(csvLine)].join(
    "\n",
  );
  return { text, csv };
}

export function registerTargetCommands(program: Command): void {
  const targets = program.command("targets").description("target segmentation of tactical plans");
  targets
    .command("plans")
    .description("list the tactical plans you can see, with their ids")
    .option("--as <email>", "read as this person (default: the first admin)")
    .option("--json", "print JSON")
    .action(async (o: { as?: string; json?: boolean }) => {
      await withDb(async (db, config) => {
        const plans = await allPlans(await cliContext(db, config, o.as));
        print(Boolean(o.json), plans, () =>
          plans.length === 0
            ? "No tactical plans yet."
            : plans
                .map((p) => `${p.id}  ${p.status.padEnd(7)} ${p.periodStart}..${p.periodEnd}  ${p.title}`)
                .join("\n"),
        );
      });
    });
  targets
    .command("split")
    .description("split an objective's target over people or teams and periods (prints the grid)")
    .requiredOption("--plan <plan>", "tactical plan id, or a piece of its title")
    .option(
      "--objective <objective>",
      "objective id or a piece of its title (default: the revenue objective)",
    )
    .option("--parent <milestone>", "split this milestone further (a team's part of a higher split)")
    .option("--rows <kind>", "person | team | segment | product | businessType (default: the plan's)")
    .option(
      "--row <id>",
      "a row id or name; repeat for each (default: the team's reps or sub-teams)",
      collect,
    )
    .option("--grain <grain>", "week | month | quarter | whole")
    .option("--by <weighting>", "equal | capacity | potential | lastShare", "equal")
    .option("--season <season>", "even (by working days) | learned (from past won revenue)", "even")
    .option(
      "--ramp <row=curve>",
      "ramp a new hire: name=standard, name=enterprise or name=0,0.25,0.5,1",
      collect,
    )
    .option("--ramp-mode <mode>", "redistribute (the team total holds) | acceptGap")
    .option("--headroom <percent>", "assign this much more than the target")
    .option("--from <date>", "first day of the range")
    .option("--to <date>", "last day of the range")
    .option("--csv <file>", "write the grid as CSV to a file")
    .option("--json", "print the grid as JSON")
    .option("--save", "save the grid as the plan's milestones")
    .option("--as <email>", "act as this person (default: the first admin)")
    .action(async (o: SplitOptions) => {
      await withDb(async (db, config) => {
        const ctx = await cliContext(db, config, o.as);
        const plan = await findPlan(ctx, o.plan);
        const objectiveId = await findObjective(ctx, plan, o.objective);
        const rowKind = oneOf(
          o.rows,
          ["person", "team", "segment", "product", "businessType"] as const,
          "--rows",
        );
        const setup = await splitSetup(ctx, plan.id, { objectiveId, parentMilestoneId: o.parent, rowKind });
        const body = request(setup, objectiveId, o);
        const grid = await previewSplit(ctx, plan.id, body);
        if (o.save) await saveSplit(ctx, plan.id, body);
        const isMoney = setup.objective.unit === setup.currency;
        const out = render(grid, isMoney, setup.currency, body.settings.rampMode);
        if (o.csv) fs.writeFileSync(o.csv, `${out.csv}\n`);
        print(Boolean(o.json), grid, () =>
          [`${plan.title} — ${setup.objective.title}`, "", out.text, o.save ? "Saved as milestones." : ""]
            .join("\n")
            .trimEnd(),
        );
      });
    });
}
