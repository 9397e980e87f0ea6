// Runs an import job: streams the file, skips the rows an earlier run committed, and applies the
// rest in batches — each batch one transaction with its rejects, the job's checkpoint and an audit
// entry, so a crash or kill loses nothing acknowledged and leaves no half-imported row. A dry run
// does all the reading, checking and matching and writes only the counts and rejects.
import { ImportOptions, type ImportEntity, type ImportJob } from "@oars/core";
import type { SignedInCtx } from "../../../http/context";
import { conflict, forbidden } from "../../../http/errors";
import { mayImport } from "../../../policies/crm.policy";
import { loadScope } from "../../../policies/scope";
import { recordAudit } from "../../audit/audit.record";
import type { ImportJobsTable } from "../crm.schema";
import { prepareImport, type ImportCtx } from "./context";
import { Cancelled, commitBatch } from "./batch";
import { readCsv, type CsvItem } from "./csv-reader";
import { collectGarbage } from "./memory";
import { plannerStatistics } from "./statistics";
import { activeLeases, claimJob, factsOf, loadJob, presentJob, resetDryRun } from "./jobs";
import type { ColumnPlan } from "./mapping";
import { saveValueMaps } from "./mappings.service";
import { assertPlan, columnPlan } from "./plan";

export interface Progress {
  rowsDone: number;
  bytesDone: number;
  bytesTotal: number;
  rowsPerSecond: number;
  counts: { created: number; updated: number; unchanged: number; rejected: number };
}

export interface RunHooks {
  onProgress?: (p: Progress) => void;
}

export interface StartedImport {
  job: ImportJobsTable;
  /** Streams the file to the end (or to a cancel); resolves with the job as it ended. */
  run(hooks?: RunHooks): Promise<ImportJob>;
}

/**
 * Checks the importer may import this, that the columns cover what the entity needs, and claims
 * the job's lease; the caller then runs it (the CLI in the foreground, the server in the
 * background). A resumed job keeps the options it started with: the rows already in used them.
 */
export async function beginJob(
  ctx: SignedInCtx,
  jobId: string,
  leaseOwner: string,
  given: ImportOptions | null,
  dryRun: boolean,
): Promise<StartedImport> {
  const db = ctx.db;
  const loaded = await loadJob(db.k, ctx.actor.orgId, jobId);
  const entity = loaded.entity as ImportEntity;
  if (!mayImport(await loadScope(db.k, ctx.actor), entity)) throw forbidden(`You may not import ${entity}`);
  // After a dry run, the real run (or another dry run) reads the file from its first row again.
  const job = await db.k.transaction().execute((tx) => resetDryRun(tx, loaded));
  const resuming = job.rows_done > 0 && job.status !== "done";
  const options = resuming || given === null ? ImportOptions.parse(JSON.parse(job.options)) : given;
  if (resuming && dryRun !== (job.dry_run === 1))
    throw conflict("Finish this import the way it started (dry run or not)");
  const plan = await columnPlan(db.k, job, options);
  assertPlan(plan);
  await claimJob(db.k, job, leaseOwner);
  await db.k
    .updateTable("import_jobs")
    .set({
      options: JSON.stringify(options),
      dry_run: dryRun ? 1 : 0,
      started_at: job.started_at ?? new Date().toISOString(),
    })
    .where("id", "=", job.id)
    .execute();
  await recordAudit(db.k, ctx, ctx.actor.orgId, {
    entity: "import",
    entityId: job.id,
    action: dryRun ? "dry-run" : resuming ? "resume" : "start",
    after: { entity, fileName: job.file_name, fromRow: job.rows_done + 1 },
  });
  const run = async (hooks: RunHooks = {}): Promise<ImportJob> => {
    try {
      if (options.saveValueMaps && !dryRun) await saveValueMaps(db.k, ctx.actor.orgId, options);
      const ic = await prepareImport(db.k, ctx, entity, options, job.id);
      await stream(ic, await loadJob(db.k, ctx.actor.orgId, jobId), plan, dryRun, leaseOwner, hooks);
      await finish(ctx, job.id, leaseOwner, "done", null);
    } catch (err) {
      const cancelled = err instanceof Cancelled;
      const message = err instanceof Error ? err.message : String(err);
      await finish(ctx, job.id, leaseOwner, cancelled ? "cancelled" : "failed", cancelled ? null : message);
      if (!cancelled) throw err;
    } finally {
      activeLeases.delete(leaseOwner);
    }
    return presentJob(await loadJob(db.k, ctx.actor.orgId, jobId));
  };
  return { job, run };
}

async function stream(
  ic: ImportCtx,
  job: ImportJobsTable,
  plan: ColumnPlan,
  dryRun: boolean,
  lease: string,
  hooks: RunHooks,
) {
  const facts = factsOf(job);
  const started = performance.now();
  const read = { bytesRead: 0 };
  const counts = {
    created: job.created_count,
    updated: job.updated_count,
    unchanged: job.unchanged_count,
    rejected: job.rejected_count,
  };
  let rowsDone = job.rows_done;
  let rowsThisRun = 0;
  // The batch holds only the raw cells; rows become objects a chunk at a time inside it.
  let batch: CsvItem[] = [];
  const stats = plannerStatistics(ic.ctx.db, job.entity as ImportEntity);
  if (!dryRun) await stats.atStart();
  const flush = async () => {
    const seconds = (performance.now() - started) / 1000;
    const rate = seconds > 0 ? (rowsThisRun + batch.length) / seconds : 0;
    const tally = await commitBatch(ic, job, batch, plan, { dryRun, lease, bytes: read.bytesRead, rate });
    for (const k of Object.keys(counts) as (keyof typeof counts)[]) counts[k] += tally[k];
    rowsDone += batch.length;
    rowsThisRun += batch.length;
    batch = [];
    collectGarbage();
    if (!dryRun) await stats.afterBatch(rowsThisRun);
    const now = (performance.now() - started) / 1000;
    hooks.onProgress?.({
      rowsDone,
      bytesDone: read.bytesRead,
      bytesTotal: facts.bytes,
      rowsPerSecond: now > 0 ? rowsThisRun / now : 0,
      counts: { ...counts },
    });
  };
  for await (const item of readCsv(job.file_path, facts, read)) {
    if (item.row <= job.rows_done) continue;
    batch.push(item);
    if (batch.length >= ic.options.batchSize) await flush();
  }
  if (batch.length) await flush();
  await stats.finish();
}

async function finish(
  ctx: SignedInCtx,
  jobId: string,
  lease: string,
  status: "done" | "failed" | "cancelled",
  error: string | null,
) {
  await ctx.db.k
    .updateTable("import_jobs")
    .set({
      status,
      error,
      finished_at: new Date().toISOString(),
      lease_owner: null,
      lease_until: null,
      updated_at: new Date().toISOString(),
    })
    .where("id", "=", jobId)
    .where((eb) => eb.or([eb("lease_owner", "=", lease), eb("status", "=", "cancelled")]))
    .execute();
}
