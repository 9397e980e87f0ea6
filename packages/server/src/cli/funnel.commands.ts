// `oars funnel`: the reverse funnel calculator — from a revenue target, a deal size and stage
// conversion rates to the deals, meetings and calls needed, with what-if scenarios side by side;
// or, with --plan, a tactical plan's own funnel with what history says about its assumptions.
import type { FunnelCalculate, FunnelComparison, TacticalFunnel } from "@oars/core";
import type { Command } from "commander";
import { calculateFunnel, tacticalFunnel } from "../modules/tactics/funnel.service";
import { listTacticalPlans } from "../modules/tactics/tactical-plans.service";
import { cliContext, print, withDb } from "./context";
import { collect, money, parseMoney, parseNumber, table } from "./tactics-format";

interface FunnelOptions {
  plan?: string;
  revenue?: string;
  dealSize?: string;
  stage?: string[];
  activity?: string[];
  people: string;
  from?: string;
  to?: string;
  grain: string;
  scenario?: string[];
  currency: string;
  json?: boolean;
  as?: string;
}

/** "meeting=0.5" → a stage converting half its deals to the next. */
function stageOf(spec: string) {
  const [name = "", rate = ""] = spec.split("=");
  return { name: name.trim(), conversionToNext: parseNumber(rate, `--stage ${spec}`) };
}

/** "calls:meeting=8" → eight calls per meeting. */
function activityOf(spec: string) {
  const m = /^([^:]+):([^=]+)=(.+)$/.exec(spec);
  if (!m) throw new Error(`--activity must look like calls:meeting=8, not ${spec}`);
  return {
    activity: (m[1] ?? "").trim(),
    perStage: (m[2] ?? "").trim(),
    count: parseNumber(m[3] ?? "", "--activity"),
  };
}

/** "Win rate drops:proposal=0.2,dealSize=12000" → a named scenario. */
function scenarioOf(spec: string): FunnelCalculate["scenarios"][number] {
  const at = spec.indexOf(":");
  if (at < 1) throw new Error(`--scenario must look like "name:stage=rate,dealSize=12000", not ${spec}`);
  const changes: { averageDealSizeMinor?: number; revenueTargetMinor?: number; peopleCount?: number } = {};
  const conversionByStage: Record<string, number> = {};
  for (const part of spec.slice(at + 1).split(",")) {
    const [key = "", value = ""] = part.split("=").map((x) => x.trim());
    if (key === "dealSize") changes.averageDealSizeMinor = parseMoney(value, "--scenario dealSize");
    else if (key === "revenue") changes.revenueTargetMinor = parseMoney(value, "--scenario revenue");
    else if (key === "people") changes.peopleCount = parseNumber(value, "--scenario people");
    else conversionByStage[key] = parseNumber(value, `--scenario ${key}`);
  }
  return { name: spec.slice(0, at).trim(), changes, conversionByStage };
}

const round1 = (x: number) => (Math.round(x * 10) / 10).toLocaleString("en");

function comparisonText(c: FunnelComparison, currency: string): string {
  const names = c.base.steps.map((s) => s.name);
  const header = [
    "Step",
    "Needed",
    "Per person per week",
    ...c.periods.map((p) => p.label),
    ...c.variants.map((v) => v.name),
  ];
  const rows = c.base.steps.map((s) => [
    s.name,
    String(s.needed),
    round1(s.perPersonPerWeek),
    ...s.perPeriod.map((p) => String(p.needed)),
    ...c.variants.map((v) => {
      const d = v.deltas.find((x) => x.name === s.name && x.kind === s.kind);
      return d?.variant === null || d === undefined
        ? "—"
        : `${d.variant} (${d.delta >= 0 ? "+" : ""}${d.delta})`;
    }),
  ]);
  const extra = c.variants.flatMap((v) =>
    v.deltas.filter((d) => !names.includes(d.name)).map((d) => `${v.name}: ${d.name} ${d.variant ?? "—"}`),
  );
  return [
    `Revenue target ${money(c.base.revenueTargetMinor, currency)}: ${c.base.dealsWon} deals won over ${round1(c.base.weeks)} weeks`,
    "",
    table(header, rows),
    ...extra,
  ].join("\n");
}

function planText(f: TacticalFunnel, currency: string): string {
  const comparison: FunnelComparison = { periods: f.periods, base: f.result, variants: [] };
  const learned = f.learned;
  return [
    comparisonText(comparison, currency),
    "",
    `Assumptions from ${f.source === "plan" ? "the plan" : f.source === "org" ? "the org's defaults" : "the pipeline"}, ${f.peopleCount} people; deal size ${money(f.assumptions.averageDealSizeMinor, currency)}.`,
    learned
      ? `History (${f.dealCount} deals): win rate ${learned.winRate.value === null ? "—" : `${Math.round(learned.winRate.value * 100)} %`} over ${learned.winRate.sampleSize} closed deals.`
      : "No deal history to compare with yet.",
    ...f.gaps.map((g) => `! ${g.message}`),
  ].join("\n");
}

export function registerFunnelCommands(program: Command): void {
  program
    .command("funnel")
    .description("reverse funnel: the deals, meetings and calls a revenue target needs")
    .option("--plan <plan>", "show a tactical plan's funnel (id or a piece of its title)")
    .option("--revenue <amount>", "revenue target, in the currency's unit (e.g. 140000)")
    .option("--deal-size <amount>", "average deal size, in the currency's unit")
    .option(
      "--stage <name=rate>",
      "a stage and its conversion to the next, first touch first; repeat",
      collect,
    )
    .option("--activity <name:stage=count>", "activities per stage, e.g. calls:meeting=8; repeat", collect)
    .option("--people <n>", "people sharing the work", "1")
    .option("--from <date>", "first day (default: today)")
    .option("--to <date>", "last day (default: 90 days on)")
    .option("--grain <grain>", "week | month | quarter", "month")
    .option(
      "--scenario <name:changes>",
      'a what-if, e.g. "Win rate drops:proposal=0.2,dealSize=12000"; repeat',
      collect,
    )
    .option("--currency <code>", "for display", "USD")
    .option("--json", "print JSON")
    .option("--as <email>", "act as this person (default: the first admin)")
    .action(async (o: FunnelOptions) => {
      await withDb(async (db, config) => {
        const ctx = await cliContext(db, config, o.as);
        if (o.plan) {
          const ref = o.plan.toLowerCase();
          const plans = (await listTacticalPlans(ctx, { limit: 500 })).items.filter(
            (p) => p.id === o.plan || p.title.toLowerCase().includes(ref),
          );
          if (plans.length !== 1 || !plans[0])
            throw new Error(`--plan must name one tactical plan; ${plans.length} match`);
          const funnel = await tacticalFunnel(ctx, plans[0].id);
          print(Boolean(o.json), funnel, () => planText(funnel, o.currency));
          return;
        }
        if (!o.revenue || !o.dealSize || !o.stage)
          throw new Error("Give --revenue, --deal-size and at least one --stage (or --plan)");
        const from = o.from ?? new Date().toISOString().slice(0, 10);
        const to =
          o.to ?? new Date(Date.parse(`${from}T00:00:00Z`) + 89 * 86_400_000).toISOString().slice(0, 10);
        const grain = o.grain === "week" || o.grain === "quarter" ? o.grain : "month";
        const comparison = await calculateFunnel(ctx, {
          base: {
            revenueTargetMinor: parseMoney(o.revenue, "--revenue"),
            averageDealSizeMinor: parseMoney(o.dealSize, "--deal-size"),
            stages: o.stage.map(stageOf),
            activityRatios: (o.activity ?? []).map(activityOf),
            peopleCount: parseNumber(o.people, "--people"),
            start: from,
            end: to,
            grain,
          },
          scenarios: (o.scenario ?? []).map(scenarioOf),
        });
        print(Boolean(o.json), comparison, () => comparisonText(comparison, o.currency));
      });
    });
}
