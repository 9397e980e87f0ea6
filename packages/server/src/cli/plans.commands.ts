// `oars plan list|show|export`: strategic plans from the command line, read as the org's first
// admin (or the person named with --as), through the same services and document as the API.
import { describeMetric, type StrategicPlan } from "@oars/core";
import fs from "node:fs";
import type { Command } from "commander";
import { loadPlanDocument, renderPlanMarkdown } from "../modules/plans/plans.document";
import { objectiveValue } from "../modules/plans/plans.markdown";
import { listPlans } from "../modules/plans/plans.service";
import type { Db } from "../db/database";
import { cliContext, print, withDb } from "./context";

export function registerPlanCommands(program: Command): void {
  const plan = program.command("plan").description("strategic plans");
  plan
    .command("list")
    .description("list the plans (archived ones with --status archived)")
    .option("--status <status>", "draft | active | closed | archived")
    .option("--as <email>", "read as this person (default: the first admin)")
    .option("--json", "print JSON")
    .action(async (o: { status?: string; as?: string; json?: boolean }) => {
      await withDb(async (db, config) => {
        const ctx = await cliContext(db, config, o.as);
        const status = o.status === undefined ? undefined : parseStatus(o.status);
        const all: StrategicPlan[] = [];
        let cursor: string | undefined;
        do {
          const res = await listPlans(ctx, { limit: 500, cursor, status });
          all.push(...res.items);
          cursor = res.next ?? undefined;
        } while (cursor);
        const names = await ownerNames(ctx.db, ctx.actor.orgId);
        print(Boolean(o.json), all, () =>
          all.length === 0
            ? "No plans yet."
            : all
                .map(
                  (p) =>
                    `${p.id}  ${p.status.padEnd(8)} ${p.horizonStart}..${p.horizonEnd}  ${(names.get(p.ownerId) ?? p.ownerId).padEnd(22)} ${p.title}`,
                )
                .join("\n"),
        );
      });
    });
  plan
    .command("show <id>")
    .description("show a plan: statement, objectives with targets and alignment, initiatives")
    .option("--as <email>", "read as this person (default: the first admin)")
    .option("--json", "print JSON (the plan document)")
    .action(async (id: string, o: { as?: string; json?: boolean }) => {
      await withDb(async (db, config) => {
        const doc = await loadPlanDocument(await cliContext(db, config, o.as), id);
        print(Boolean(o.json), doc, () =>
          [
            `${doc.plan.title}  [${doc.plan.status}]`,
            `Owner ${doc.ownerName} · ${doc.plan.horizonStart} to ${doc.plan.horizonEnd}`,
            "",
            doc.plan.statement,
            "",
            "Objectives:",
            ...doc.objectives.map(
              ({ objective: x, ownerName, parent }) =>
                `  - ${x.title} · ${describeMetric(x.metric) ?? "no metric"} · target ${objectiveValue(x, x.target, doc.currency)} by ${x.dueDate ?? "—"} · ${ownerName ?? "no owner"}${parent ? ` · under “${parent.title}”` : ""}`,
            ),
            "Initiatives:",
            ...doc.initiatives.map(
              ({ initiative: x, serves }) =>
                `  - ${x.title} (${x.status}) → ${serves.join("; ") || "serves nothing"}`,
            ),
          ].join("\n"),
        );
      });
    });
  plan
    .command("export <id>")
    .description("print the plan document")
    .option("--format <format>", "md (Markdown) or json", "md")
    .option("-o, --out <file>", "write to a file instead of standard output")
    .option("--as <email>", "read as this person (default: the first admin)")
    .action(async (id: string, o: { format: string; out?: string; as?: string }) => {
      if (o.format !== "md" && o.format !== "json")
        throw new Error(`--format must be md or json, not ${o.format}`);
      await withDb(async (db, config) => {
        const doc = await loadPlanDocument(await cliContext(db, config, o.as), id);
        const text = o.format === "md" ? renderPlanMarkdown(doc) : `${JSON.stringify(doc, null, 2)}\n`;
        if (o.out) fs.writeFileSync(o.out, text);
        else process.stdout.write(text);
      });
    });
}

function parseStatus(s: string): StrategicPlan["status"] {
  if (s === "draft" || s === "active" || s === "closed" || s === "archived") return s;
  throw new Error(`--status must be draft, active, closed or archived, not ${s}`);
}

async function ownerNames(db: Db, orgId: string) {
  const people = await db.k.selectFrom("people").select(["id", "name"]).where("org_id", "=", orgId).execute();
  const teams = await db.k.selectFrom("teams").select(["id", "name"]).where("org_id", "=", orgId).execute();
  return new Map([
    ...people.map((p) => [p.id, p.name] as const),
    ...teams.map((t) => [t.id, `${t.name} (team)`] as const),
  ]);
}
