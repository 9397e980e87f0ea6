// `oars import <teams|people|products|accounts|contacts|deals|activities> FILE.csv`: the same
// import jobs and runner as the web upload, with a progress bar. Killed or crashed, the same
// command on the same file resumes after the last committed batch.
import fs from "node:fs";
import path from "node:path";
import { ImportEntity, ImportOptions, type ImportJob } from "@oars/core";
import cliProgress from "cli-progress";
import type { Command } from "commander";
import type { Db } from "../db/database";
import type { SignedInCtx } from "../http/context";
import { inspectFile } from "../modules/crm/import/detect";
import { previewImport, rejectRows } from "../modules/crm/import/import.service";
import { createJob, leaseOwnerName, unfinishedJob } from "../modules/crm/import/jobs";
import { beginJob, type Progress } from "../modules/crm/import/runner";
import { nameKey } from "../modules/crm/text";
import { cliContext, print, withDb } from "./context";

interface ImportFlags {
  preset?: string;
  map: string[];
  mapping?: string;
  dateFormat: string;
  decimal: string;
  encoding?: string;
  delimiter?: string;
  owner: string[];
  stage: string[];
  saveMaps?: boolean;
  defaultOwner?: string;
  createMissingAccounts?: boolean;
  batchSize: string;
  dryRun?: boolean;
  preview?: boolean;
  rejects?: string;
  as?: string;
  json?: boolean;
  progress: boolean;
}

const collect = (value: string, list: string[]) => [...list, value];
const pair = (text: string, flag: string): [string, string] => {
  const at = text.lastIndexOf("=");
  if (at <= 0) throw new Error(`${flag} takes "FROM=TO", got "${text}"`);
  return [text.slice(0, at).trim(), text.slice(at + 1).trim()];
};

/** Turns the command line into import options; people and stages are named, not given by id. */
async function optionsOf(db: Db, ctx: SignedInCtx, o: ImportFlags): Promise<ImportOptions> {
  const people = await db.k
    .selectFrom("people")
    .select(["id", "email", "name"])
    .where("org_id", "=", ctx.actor.orgId)
    .execute();
  const person = (who: string) => {
    const p = people.find(
      (x) => x.email === who.toLowerCase() || x.id === who || nameKey(x.name) === nameKey(who),
    );
    if (!p) throw new Error(`No person "${who}" in this organisation`);
    return p.id;
  };
  const stages = await db.k
    .selectFrom("pipeline_stages")
    .select(["id", "name"])
    .where("org_id", "=", ctx.actor.orgId)
    .execute();
  const stage = (name: string) => {
    const s = stages.find((x) => nameKey(x.name) === nameKey(name) || x.id === name);
    if (!s) throw new Error(`No stage "${name}" in this pipeline`);
    return s.id;
  };
  const mappingId = o.mapping
    ? (
        await db.k
          .selectFrom("import_mappings")
          .select("id")
          .where("org_id", "=", ctx.actor.orgId)
          .where("name", "=", o.mapping)
          .executeTakeFirst()
      )?.id
    : undefined;
  if (o.mapping && !mappingId) throw new Error(`No saved mapping named "${o.mapping}"`);
  const parsed = ImportOptions.safeParse({
    preset: o.preset,
    mappingId,
    columns: Object.fromEntries(o.map.map((m) => pair(m, "--map"))),
    dateFormat: o.dateFormat,
    decimalSeparator: o.decimal,
    encoding: o.encoding,
    delimiter: o.delimiter === "tab" ? "\t" : o.delimiter,
    ownerMap: Object.fromEntries(
      o.owner.map((m) => pair(m, "--owner")).map(([from, to]) => [from, person(to)]),
    ),
    stageMap: Object.fromEntries(
      o.stage.map((m) => pair(m, "--stage")).map(([from, to]) => [from, stage(to)]),
    ),
    saveValueMaps: Boolean(o.saveMaps),
    defaultOwnerId: o.defaultOwner ? person(o.defaultOwner) : undefined,
    createMissingAccounts: Boolean(o.createMissingAccounts),
    batchSize: Number(o.batchSize),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Bad option ${issue?.path.join(".") ?? ""}: ${issue?.message ?? "invalid"}`);
  }
  return parsed.data;
}

function progressBar(enabled: boolean) {
  if (!enabled) return { update: (_p: Progress) => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    {
      format: "{bar} {percentage}% | {rows} rows | {rate} rows/s | {rejected} rejected",
      stream: process.stderr,
      noTTYOutput: true,
      notTTYSchedule: 2000,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(p: Progress) {
      const payload = {
        rows: p.rowsDone.toLocaleString("en"),
        rate: Math.round(p.rowsPerSecond).toLocaleString("en"),
        rejected: p.counts.rejected,
      };
      if (!started) bar.start(p.bytesTotal, 0, payload);
      started = true;
      bar.update(p.bytesDone, payload);
    },
    stop: () => started && bar.stop(),
  };
}

const summary = (j: ImportJob) =>
  `${j.dryRun ? "Dry run of" : "Imported"} ${j.fileName}: ${j.counts.created} created, ${j.counts.updated} updated, ` +
  `${j.counts.unchanged} unchanged, ${j.counts.rejected} rejected (${j.progress.rowsDone} rows, ${j.progress.rowsPerSecond} rows/s)`;

export function registerCrmCommands(program: Command): void {
  const importCommand =
    program.commands.find((c) => c.name() === "import") ??
    program.command("import").description("import data");
  for (const entity of ImportEntity.options)
    importCommand
      .command(`${entity} <file>`)
      .description(`import ${entity} from a CSV file (resumes an interrupted import of the same file)`)
      .option(
        "--preset <crm>",
        "read the header as oars, salesforce, hubspot or pipedrive names (default: detected)",
      )
      .option(
        "--map <header=field>",
        'map a column to a field ("Header=" ignores it); repeatable',
        collect,
        [],
      )
      .option("--mapping <name>", "use a saved mapping")
      .option("--date-format <order>", "iso, us (month/day) or eu (day/month)", "iso")
      .option("--decimal <separator>", "decimal separator of amounts: . or ,", ".")
      .option("--encoding <name>", "utf-8 or windows-1252 (default: detected)")
      .option("--delimiter <char>", ", ; or tab (default: detected)")
      .option(
        "--owner <crm=person>",
        "map a CRM owner id or name to a person (email or name); repeatable",
        collect,
        [],
      )
      .option(
        "--stage <crm=stage>",
        "map a CRM stage name to a stage of this pipeline; repeatable",
        collect,
        [],
      )
      .option("--save-maps", "remember --owner and --stage maps for later imports")
      .option("--default-owner <person>", "owner of rows without one (default: you)")
      .option(
        "--create-missing-accounts",
        "deals, contacts: create an account named in a row when none matches",
      )
      .option("--batch-size <rows>", "rows per transaction", "10000")
      .option("--dry-run", "read, check and match everything; write nothing but the report")
      .option("--preview", "show what the first rows would do, and stop")
      .option("--rejects <file>", "where to write rejected rows (default: FILE.rejects.csv)")
      .option("--as <email>", "import as this person (default: the first admin)")
      .option("--json", "print the job as JSON")
      .option("--no-progress", "no progress bar")
      .action(async (file: string, o: ImportFlags) => {
        const full = path.resolve(file);
        if (!fs.existsSync(full)) throw new Error(`No file ${file}`);
        await withDb(async (db, config) => {
          const ctx = await cliContext(db, config, o.as);
          const options = await optionsOf(db, ctx, o);
          const facts = await inspectFile(full, { encoding: options.encoding, delimiter: options.delimiter });
          const resumable =
            o.preview || o.dryRun
              ? undefined
              : await unfinishedJob(db.k, ctx.actor.orgId, entity, facts.hash);
          if (resumable)
            process.stderr.write(`Resuming import ${resumable.id} after row ${resumable.rows_done}\n`);
          const job =
            resumable ??
            (await createJob(db.k, ctx.actor.orgId, ctx.actor.personId, {
              entity,
              filePath: full,
              fileName: path.basename(full),
              facts,
            }));
          if (o.preview) {
            const preview = await previewImport(ctx, job.id, options, 20);
            print(Boolean(o.json), preview, () =>
              [
                `Columns: ${Object.entries(preview.columns)
                  .map(([h, f]) => `${h} → ${f}`)
                  .join(", ")}`,
                ...(preview.unmapped.length ? [`Ignored: ${preview.unmapped.join(", ")}`] : []),
                ...preview.warnings.map((w) => `Warning: ${w}`),
                ...preview.rows.map(
                  (r) =>
                    `row ${r.row}: ${r.action}${r.problems.length ? ` — ${r.problems.map((p) => (p.field ? `${p.field}: ${p.message}` : p.message)).join("; ")}` : ""}`,
                ),
              ].join("\n"),
            );
            return;
          }
          const started = await beginJob(ctx, job.id, leaseOwnerName(), options, Boolean(o.dryRun));
          const bar = progressBar(o.progress && !o.json);
          const end = await started.run({ onProgress: (p) => bar.update(p) }).finally(() => bar.stop());
          if (end.counts.rejected > 0) {
            const out = o.rejects ?? `${full.replace(/\.csv$/i, "")}.rejects.csv`;
            const stream = fs.createWriteStream(out);
            for await (const chunk of rejectRows(ctx, started.job)) stream.write(chunk);
            await new Promise((resolve) => stream.end(resolve));
            process.stderr.write(`Rejected rows and their reasons: ${out}\n`);
          }
          print(Boolean(o.json), end, () => summary(end));
          if (end.status !== "done") throw new Error(end.error ?? `import ${end.status}`);
        });
      });
}
