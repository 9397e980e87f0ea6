// `oars attainment close|reopen|list|export` and `oars jobs run`: closing periods for commission
// work and running the scheduled work by hand, through the same services as the API.
import fs from "node:fs";
import { PeriodCloseCreate, formatMetricValue, type ObjectiveProgress } from "@oars/core";
import type { Command } from "commander";
import { createMailer } from "../mail";
import { runDueJobs } from "../modules/jobs/scheduler";
import { attainmentCsv } from "../modules/progress/attainment.export";
import { dashboard } from "../modules/progress/dashboard.service";
import { checkFacts, rebuildFacts } from "../modules/progress/facts";
import { planProgress } from "../modules/progress/progress.service";
import {
  closePeriod,
  closesForExport,
  listPeriodCloses,
  reopenPeriod,
} from "../modules/progress/closes.service";
import { cliContext, print, withDb } from "./context";

/** "FY2026-Q1" → a quarter, "2026-03" → a month, anything else → a tactical plan's id. */
function closeInput(period: string): PeriodCloseCreate {
  const input = /^FY\d{4}-Q[1-4]$/.test(period)
    ? { kind: "quarter", period }
    : /^\d{4}-\d{2}$/.test(period)
      ? { kind: "month", period }
      : { kind: "tactical_plan", tacticalPlanId: period };
  const parsed = PeriodCloseCreate.safeParse(input);
  if (!parsed.success) throw new Error(`--period: ${parsed.error.issues[0]?.message ?? "not a period"}`);
  return parsed.data;
}

const STATUS = { on_track: "on track", at_risk: "at risk", off_track: "off track" } as const;

/** One line per figure: status, attainment, actual of target, pace, title — the reason in words. */
function progressLine(
  p: ObjectiveProgress & { ownerName?: string; periodStart?: string; periodEnd?: string },
) {
  const v = (x: number | null) =>
    x === null ? "—" : formatMetricValue(x, p.unit ?? "count", { currency: p.currency });
  const pct = (x: number | null) => (x === null ? "—" : `${Math.round(x * 100)}%`);
  const who = p.ownerName ? ` · ${p.ownerName}, ${p.periodStart}..${p.periodEnd}` : "";
  return `${(p.status ? STATUS[p.status] : "no figure").padEnd(10)} ${pct(p.attainment).padStart(5)}  ${v(p.actual)} of ${v(p.target)} · pace ${pct(p.pace)}  ${p.title}${who}${p.reason ? ` — ${p.reason}` : ""}`;
}

export function registerProgressCommands(program: Command): void {
  program
    .command("progress")
    .description(
      "live progress: this period's goals and the objectives of your dashboard, or a plan's objectives",
    )
    .option("--plan <id>", "a strategic plan's objectives instead of the dashboard")
    .option("--as <email>", "read as this person (default: the first admin)")
    .option("--json", "print JSON")
    .action(async (o: { plan?: string; as?: string; json?: boolean }) => {
      await withDb(async (db, config) => {
        const ctx = await cliContext(db, config, o.as);
        if (o.plan) {
          const p = await planProgress(ctx, o.plan);
          print(Boolean(o.json), p, () => p.items.map(progressLine).join("\n") || "No objectives.");
          return;
        }
        const d = await dashboard(ctx);
        const out = {
          periodStart: d.periodStart,
          periodEnd: d.periodEnd,
          goals: d.goals,
          objectives: d.objectives,
        };
        print(Boolean(o.json), out, () =>
          [
            `Goals, ${d.periodStart} to ${d.periodEnd}:`,
            ...(d.goals.length ? d.goals.map((g) => `  ${progressLine(g)}`) : ["  none"]),
            "Objectives, at risk first:",
            ...(d.objectives.length ? d.objectives.map((x) => `  ${progressLine(x)}`) : ["  none"]),
          ].join("\n"),
        );
      });
    });

  const att = program.command("attainment").description("closed periods and their frozen attainment");
  att
    .command("close")
    .description("close a period, freezing the attainment of every milestone and objective in it")
    .requiredOption("--period <period>", "FY2026-Q1, 2026-03 or a tactical plan's id")
    .option("--as <email>", "act as this person (default: the first admin)")
    .option("--json", "print JSON")
    .action(async (o: { period: string; as?: string; json?: boolean }) => {
      await withDb(async (db, config) => {
        const c = await closePeriod(await cliContext(db, config, o.as), closeInput(o.period));
        print(
          Boolean(o.json),
          c,
          () => `Closed ${c.label} (${c.periodStart}..${c.periodEnd}): ${c.rows.length} figures frozen`,
        );
      });
    });
  att
    .command("reopen <id>")
    .description("reopen a closed period (admins only)")
    .option("--as <email>", "act as this person (default: the first admin)")
    .action(async (id: string, o: { as?: string }) => {
      await withDb(async (db, config) => {
        const ctx = await cliContext(db, config, o.as);
        if (ctx.actor.role !== "admin") throw new Error("Only an admin may reopen a period");
        const c = (await listPeriodCloses(ctx)).find((x) => x.id === id || x.periodKey === id);
        if (!c) throw new Error(`No closed period ${id}`);
        await reopenPeriod(ctx, c.id, c.version);
        process.stdout.write(`Reopened ${c.label}\n`);
      });
    });
  att
    .command("list")
    .description("list closed (and reopened) periods")
    .option("--json", "print JSON")
    .action(async (o: { json?: boolean }) => {
      await withDb(async (db, config) => {
        const items = await listPeriodCloses(await cliContext(db, config));
        print(Boolean(o.json), items, () =>
          items.length === 0
            ? "No closed periods."
            : items
                .map(
                  (c) =>
                    `${c.periodKey.padEnd(36)} ${c.status.padEnd(8)} ${c.periodStart}..${c.periodEnd}  ${c.label}`,
                )
                .join("\n"),
        );
      });
    });
  att
    .command("export")
    .description(
      "write the attainment of closed periods as CSV (people × periods: target, actual, attainment)",
    )
    .requiredOption(
      "--period <periods>",
      "closed periods, comma-separated: FY2026-Q1,2026-03 or tactical plan ids",
    )
    .option("--out <file>", "write to this file instead of standard output")
    .option("--as <email>", "read as this person (default: the first admin)")
    .action(async (o: { period: string; out?: string; as?: string }) => {
      await withDb(async (db, config) => {
        const ctx = await cliContext(db, config, o.as);
        const csv = await attainmentCsv(db.k, ctx.actor.orgId, await closesForExport(ctx, o.period));
        if (o.out) fs.writeFileSync(o.out, csv);
        else process.stdout.write(csv);
      });
    });

  const facts = program
    .command("facts")
    .description("the per-month totals live progress keeps of deals and activities (docs/decisions/011)");
  facts
    .command("check")
    .description("recompute the org's facts from its deals and activities; list differences, exit 1 if any")
    .option("--as <email>", "the org of this person (default: the first admin's)")
    .option("--json", "print JSON")
    .action(async (o: { as?: string; json?: boolean }) => {
      await withDb(async (db, config) => {
        const ctx = await cliContext(db, config, o.as);
        const r = await checkFacts(db, ctx.actor.orgId);
        print(Boolean(o.json), r, () =>
          r.differences.length === 0
            ? `Facts match the raw rows: ${r.rows} rows.`
            : [
                `${r.differences.length} of ${r.rows} rows differ (kept → raw); \`oars facts rebuild\` puts them right:`,
                ...r.differences
                  .slice(0, 20)
                  .map(
                    (d) =>
                      `  ${d.key.basis} ${d.key.month} ${d.key.kind || "-"} ${d.key.category || "-"} team ${d.key.team_id || "-"} owner ${d.key.owner_id}: n ${d.kept.n} → ${d.raw.n}, amount ${d.kept.amount} → ${d.raw.amount}`,
                  ),
                ...(r.differences.length > 20 ? [`  … and ${r.differences.length - 20} more`] : []),
              ].join("\n"),
        );
        if (r.differences.length > 0) process.exitCode = 1;
      });
    });
  facts
    .command("rebuild")
    .description("rewrite the org's facts from its deals and activities, in one transaction")
    .option("--as <email>", "the org of this person (default: the first admin's)")
    .action(async (o: { as?: string }) => {
      await withDb(async (db, config) => {
        const ctx = await cliContext(db, config, o.as);
        const r = await rebuildFacts(db, ctx.actor.orgId);
        process.stdout.write(`Rebuilt ${r.rows} fact rows.\n`);
      });
    });

  program
    .command("jobs")
    .description("scheduled work")
    .command("run")
    .description(
      "run the scheduled work that is due now (progress alerts, the weekly digest), once across instances",
    )
    .option("--json", "print JSON")
    .action(async (o: { json?: boolean }) => {
      await withDb(async (db, config) => {
        const done = await runDueJobs(
          { db, config, mailer: createMailer(config) },
          { instance: `cli-${process.pid}` },
        );
        print(Boolean(o.json), done, () =>
          done.length === 0
            ? "Nothing due (already run for this slot)."
            : done.map((d) => `${d.job} ${d.slot}: ${JSON.stringify(d.outcome)}`).join("\n"),
        );
      });
    });
}
