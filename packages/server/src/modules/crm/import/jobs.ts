// Import jobs in the database: one row per file import holding the file's hash, the options, the
// checkpoint (data rows committed), counts and a lease, so a killed import resumes where its last
// batch committed and two processes never run the same job at once.
import os from "node:os";
import type { ImportDetected, ImportEntity, ImportJob, ImportOptions } from "@oars/core";
import { newId } from "../../../db/ids";
import type { Q } from "../../../db/tx";
import { conflict, notFound } from "../../../http/errors";
import type { ImportJobsTable } from "../crm.schema";
import { detectedOf, inspectFile, type FileFacts } from "./detect";
import { detectPreset, suggestColumns } from "./mapping";

export const LEASE_MS = 30_000;

export function presentJob(j: ImportJobsTable): ImportJob {
  const detected = JSON.parse(j.detected) as ImportDetected;
  return {
    id: j.id,
    entity: j.entity as ImportEntity,
    fileName: j.file_name,
    fileBytes: j.file_bytes,
    status: j.status,
    dryRun: j.dry_run === 1,
    detected,
    progress: {
      rowsDone: j.rows_done,
      bytesDone: j.bytes_done,
      percent: j.file_bytes ? Math.min(100, Math.round((j.bytes_done / j.file_bytes) * 1000) / 10) : 0,
      rowsPerSecond: Math.round(j.rows_per_second),
    },
    counts: {
      created: j.created_count,
      updated: j.updated_count,
      unchanged: j.unchanged_count,
      rejected: j.rejected_count,
    },
    error: j.error,
    createdBy: j.created_by,
    createdAt: j.created_at,
    startedAt: j.started_at,
    finishedAt: j.finished_at,
  };
}

export function factsOf(j: ImportJobsTable): FileFacts {
  const d = JSON.parse(j.detected) as ImportDetected;
  return {
    hash: j.file_hash,
    bytes: j.file_bytes,
    encoding: d.encoding,
    bom: d.bom,
    delimiter: d.delimiter,
    header: d.header,
  };
}

export async function loadJob(q: Q, orgId: string, id: string): Promise<ImportJobsTable> {
  const job = await q
    .selectFrom("import_jobs")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("id", "=", id)
    .executeTakeFirst();
  if (!job) throw notFound("Import");
  return job;
}

/** Reads the file once (hash, encoding, delimiter, header) and records a job ready to preview. */
export async function createJob(
  q: Q,
  orgId: string,
  by: string | null,
  input: {
    entity: ImportEntity;
    filePath: string;
    fileName: string;
    force?: Pick<ImportOptions, "encoding" | "delimiter">;
    /** Already read (the CLI reads the file once to find a job to resume). */
    facts?: FileFacts;
  },
): Promise<ImportJobsTable> {
  const facts = input.facts ?? (await inspectFile(input.filePath, input.force ?? {}));
  const preset = detectPreset(input.entity, facts.header);
  const now = new Date().toISOString();
  const job: ImportJobsTable = {
    id: newId(),
    org_id: orgId,
    entity: input.entity,
    file_name: input.fileName,
    file_path: input.filePath,
    file_hash: facts.hash,
    file_bytes: facts.bytes,
    status: "uploaded",
    dry_run: 0,
    options: "{}",
    detected: JSON.stringify(detectedOf(facts, preset, suggestColumns(input.entity, facts.header, preset))),
    rows_done: 0,
    bytes_done: 0,
    created_count: 0,
    updated_count: 0,
    unchanged_count: 0,
    rejected_count: 0,
    rows_per_second: 0,
    lease_owner: null,
    lease_until: null,
    error: null,
    created_by: by,
    started_at: null,
    finished_at: null,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  await q.insertInto("import_jobs").values(job).execute();
  return job;
}

/** The unfinished real (not dry) import of this same file, to resume rather than start over. */
export async function unfinishedJob(q: Q, orgId: string, entity: ImportEntity, hash: string) {
  return q
    .selectFrom("import_jobs")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("entity", "=", entity)
    .where("file_hash", "=", hash)
    .where("dry_run", "=", 0)
    .where("status", "in", ["running", "failed", "cancelled"])
    .orderBy("id", "desc")
    .executeTakeFirst();
}

export const leaseOwnerName = () => `${os.hostname()}:${process.pid}:${newId().slice(-8)}`;

/** A lease is free when it expired, or when its holder was a process on this host that is gone. */
function leaseFree(job: ImportJobsTable, now: number): boolean {
  if (!job.lease_owner || !job.lease_until || Date.parse(job.lease_until) < now) return true;
  const [host, pid] = job.lease_owner.split(":");
  if (host !== os.hostname() || !pid) return false;
  try {
    process.kill(Number(pid), 0);
    return Number(pid) === process.pid && !activeLeases.has(job.lease_owner);
  } catch {
    return true;
  }
}
/** Leases this process holds right now (a job it is running). */
export const activeLeases = new Set<string>();

export async function claimJob(q: Q, job: ImportJobsTable, owner: string): Promise<void> {
  if (job.status === "done")
    throw conflict("This import has finished; upload the file again to import it again");
  if (!leaseFree(job, Date.now()))
    throw conflict("This import is running elsewhere; wait for it or cancel it");
  const until = new Date(Date.now() + LEASE_MS).toISOString();
  // Compare-and-set on the version: of two processes claiming at once, one wins.
  const res = await q
    .updateTable("import_jobs")
    .set({ lease_owner: owner, lease_until: until, version: job.version + 1, status: "running", error: null })
    .where("id", "=", job.id)
    .where("version", "=", job.version)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw conflict("Another process claimed this import first");
  activeLeases.add(owner);
}

/**
 * A dry run that ended (done, failed or cancelled) leaves counts, a checkpoint and rejects that
 * describe no written row: running the job again — for real, or dry with other options — starts
 * it over from the first row. Compare-and-set on the version, as a claim is.
 */
export async function resetDryRun(q: Q, job: ImportJobsTable): Promise<ImportJobsTable> {
  if (job.dry_run !== 1 || job.status === "running" || job.status === "uploaded") return job;
  await q.deleteFrom("import_rejects").where("job_id", "=", job.id).execute();
  const fresh = {
    status: "uploaded" as const,
    dry_run: 0 as const,
    rows_done: 0,
    bytes_done: 0,
    created_count: 0,
    updated_count: 0,
    unchanged_count: 0,
    rejected_count: 0,
    rows_per_second: 0,
    error: null,
    started_at: null,
    finished_at: null,
    version: job.version + 1,
    updated_at: new Date().toISOString(),
  };
  const res = await q
    .updateTable("import_jobs")
    .set(fresh)
    .where("id", "=", job.id)
    .where("version", "=", job.version)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw conflict("Another process claimed this import first");
  return { ...job, ...fresh };
}
