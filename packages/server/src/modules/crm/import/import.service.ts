// The web's import flow: upload a file (stored in the data folder), preview its first rows with
// each row's problems, run it (or dry-run it) in the background, poll the job, cancel it, and
// download the rejected rows as CSV. The CLI drives the same jobs and runner.
import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { Readable, Transform } from "node:stream";
import type { ImportEntity, ImportJob, ImportOptions, ImportPreview, Page } from "@oars/core";
import type { SignedInCtx } from "../../../http/context";
import { AppError, forbidden, invalid, notFound } from "../../../http/errors";
import { mayImport } from "../../../policies/crm.policy";
import { loadScope } from "../../../policies/scope";
import { recordAudit } from "../../audit/audit.record";
import type { ImportJobsTable } from "../crm.schema";
import { csvLine } from "../csv-export";
import { prepareImport } from "./context";
import { readCsv } from "./csv-reader";
import { IMPORTERS } from "./importers";
import { createJob, factsOf, leaseOwnerName, loadJob, presentJob } from "./jobs";
import { columnPlan, toSource } from "./plan";
import { beginJob } from "./runner";
import type { RowResult, SourceRow } from "./upsert";

/** Imports the server is running now; tests and shutdown wait for them. */
export const backgroundImports = new Set<Promise<unknown>>();
const MAX_UPLOAD_BYTES = 2 * 1024 ** 3;

export const uploadDir = (ctx: SignedInCtx) => path.join(ctx.config.dataDir, "imports");

async function assertMay(ctx: SignedInCtx, entity: ImportEntity): Promise<void> {
  if (!mayImport(await loadScope(ctx.db.k, ctx.actor), entity))
    throw forbidden(`You may not import ${entity}`);
}

/** A job is its creator's; admins see every job of the org. Others get 404. */
async function ownJob(ctx: SignedInCtx, id: string): Promise<ImportJobsTable> {
  const job = await loadJob(ctx.db.k, ctx.actor.orgId, id);
  if (job.created_by !== ctx.actor.personId && ctx.actor.role !== "admin") throw notFound("Import");
  return job;
}

export async function uploadImport(
  ctx: SignedInCtx,
  entity: ImportEntity,
  fileName: string,
  body: Readable,
): Promise<ImportJob> {
  await assertMay(ctx, entity);
  if (!(body instanceof Readable))
    throw invalid("file", "send the CSV file itself as the body (content-type text/csv)");
  const dir = uploadDir(ctx);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${Date.now()}-${Math.random().toString(36).slice(2)}.csv`);
  let bytes = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      done(
        bytes > MAX_UPLOAD_BYTES ? new AppError("too_large", "The file is larger than 2 GB") : null,
        chunk,
      );
    },
  });
  try {
    await pipeline(body, limit, fs.createWriteStream(file));
    const job = await createJob(ctx.db.k, ctx.actor.orgId, ctx.actor.personId, {
      entity,
      filePath: file,
      fileName,
    });
    await recordAudit(ctx.db.k, ctx, ctx.actor.orgId, {
      entity: "import",
      entityId: job.id,
      action: "upload",
      after: { entity, fileName, bytes: job.file_bytes },
    });
    return presentJob(job);
  } catch (err) {
    fs.rmSync(file, { force: true });
    throw err;
  }
}

export async function listImports(
  ctx: SignedInCtx,
  limit: number,
  cursor: string | undefined,
): Promise<Page<ImportJob>> {
  let q = ctx.db.k.selectFrom("import_jobs").selectAll().where("org_id", "=", ctx.actor.orgId);
  if (ctx.actor.role !== "admin") q = q.where("created_by", "=", ctx.actor.personId);
  if (cursor) q = q.where("id", "<", cursor);
  const rows = await q
    .orderBy("id", "desc")
    .limit(limit + 1)
    .execute();
  const items = rows.slice(0, limit).map(presentJob);
  return { items, next: rows.length > limit ? (items[items.length - 1]?.id ?? null) : null };
}

export const getImport = async (ctx: SignedInCtx, id: string) => presentJob(await ownJob(ctx, id));

export async function previewImport(
  ctx: SignedInCtx,
  id: string,
  options: ImportOptions,
  rows: number,
): Promise<ImportPreview> {
  const job = await ownJob(ctx, id);
  const entity = job.entity as ImportEntity;
  await assertMay(ctx, entity);
  const facts = factsOf(job);
  const plan = await columnPlan(ctx.db.k, job, options);
  const items: (SourceRow | RowResult)[] = [];
  for await (const item of readCsv(job.file_path, facts, { bytesRead: 0 })) {
    items.push(toSource(item, plan, facts.header));
    if (items.length >= rows) break;
  }
  const ic = await prepareImport(ctx.db.k, ctx, entity, options, job.id);
  const sources = items.filter((i): i is SourceRow => "values" in i);
  const results = new Map((await IMPORTERS[entity](ctx.db.k, ic, sources, false)).map((r) => [r.row, r]));
  const warnings = [...plan.problems];
  if (plan.missing.length)
    warnings.push(`No column for ${plan.missing.join(", ")}: required to create ${entity}`);
  if (
    ["deals", "activities"].includes(entity) &&
    !Object.values(plan.columns).some((f) => f === "externalId" || f === "id")
  )
    warnings.push("No external id column: importing this file again would create its rows again");
  return {
    header: facts.header,
    columns: plan.columns,
    unmapped: plan.unmapped,
    missing: plan.missing,
    warnings,
    rows: items.map((item) => {
      const r = "outcome" in item ? item : results.get(item.row);
      const values =
        "values" in item ? Object.fromEntries([...item.values].map(([k, v]) => [k, v.slice(0, 200)])) : {};
      return {
        row: item.row,
        line: item.line,
        action: r?.outcome === "reject" || !r ? "reject" : r.outcome === "create" ? "create" : "update",
        values,
        problems: r?.problems ?? [],
      };
    }),
  };
}

/** Claims the job, then runs it in the background; the web polls GET /imports/:id. */
export async function startImport(
  ctx: SignedInCtx,
  id: string,
  options: ImportOptions,
  dryRun: boolean,
): Promise<ImportJob> {
  const job = await ownJob(ctx, id);
  const started = await beginJob(ctx, job.id, leaseOwnerName(), options, dryRun);
  const running = started
    .run()
    .then((end) => {
      // An uploaded copy is not needed once the import is through: the rejects keep their cells.
      if (end.status === "done" && !end.dryRun && job.file_path.startsWith(uploadDir(ctx)))
        fs.rmSync(job.file_path, { force: true });
    })
    .catch(() => {
      // The job row holds the error for the web to show; nothing else to do here.
    })
    .finally(() => backgroundImports.delete(running));
  backgroundImports.add(running);
  return presentJob(await loadJob(ctx.db.k, ctx.actor.orgId, id));
}

export async function cancelImport(ctx: SignedInCtx, id: string): Promise<ImportJob> {
  const job = await ownJob(ctx, id);
  await ctx.db.k
    .updateTable("import_jobs")
    .set({ status: "cancelled", updated_at: new Date().toISOString() })
    .where("id", "=", job.id)
    .where("status", "in", ["uploaded", "running"])
    .execute();
  await recordAudit(ctx.db.k, ctx, ctx.actor.orgId, { entity: "import", entityId: job.id, action: "cancel" });
  return presentJob(await loadJob(ctx.db.k, ctx.actor.orgId, id));
}

/** The rejected rows as CSV: the file's own columns, then the row, line and reasons. The job is
 * checked before the first byte goes out, so a 404 is still a 404. */
export async function rejectsCsv(ctx: SignedInCtx, id: string): Promise<AsyncGenerator<string>> {
  return rejectRows(ctx, await ownJob(ctx, id));
}

export async function* rejectRows(
  ctx: { db: SignedInCtx["db"] },
  job: ImportJobsTable,
): AsyncGenerator<string> {
  const header = factsOf(job).header;
  yield `\uFEFF${csvLine([...header, "Row", "Line", "Reason"])}`;
  let after = 0;
  for (;;) {
    const rows = await ctx.db.k
      .selectFrom("import_rejects")
      .select(["row_number", "line", "reason", "cells"])
      .where("job_id", "=", job.id)
      .where("row_number", ">", after)
      .orderBy("row_number")
      .limit(1000)
      .execute();
    if (rows.length === 0) return;
    yield rows
      .map((r) => {
        const cells = JSON.parse(r.cells) as string[];
        return csvLine([...header.map((_, i) => cells[i] ?? ""), r.row_number, r.line, r.reason]);
      })
      .join("");
    after = rows[rows.length - 1]?.row_number ?? after;
  }
}
