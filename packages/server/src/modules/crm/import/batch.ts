// One batch of an import, in one transaction: its rows applied a chunk at a time (so only a
// chunk's worth of row objects is alive at once), its rejects, the job's checkpoint and counts,
// and an audit entry with the row counts. A dry run does the same reading and matching on the
// database without a transaction, and writes only the checkpoint, counts and rejects.
import type { ImportEntity } from "@oars/core";
import { newId } from "../../../db/ids";
import type { Q } from "../../../db/tx";
import { recordAudit } from "../../audit/audit.record";
import type { ImportJobsTable } from "../crm.schema";
import type { ImportCtx } from "./context";
import type { CsvItem } from "./csv-reader";
import { IMPORTERS } from "./importers";
import { LEASE_MS } from "./jobs";
import type { ColumnPlan } from "./mapping";
import { toSource } from "./plan";
import { settle, type RowResult, type SourceRow } from "./upsert";

const CHUNK = 1000;

export interface Tally {
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

/** Raised when the job was cancelled or taken over since the last batch: the batch rolls back. */
export class Cancelled extends Error {}

const KEY = { create: "created", update: "updated", unchanged: "unchanged", reject: "rejected" } as const;

async function saveRejects(q: Q, ic: ImportCtx, jobId: string, rejects: RowResult[]): Promise<void> {
  for (let i = 0; i < rejects.length; i += 500)
    await q
      .insertInto("import_rejects")
      .values(
        rejects.slice(i, i + 500).map((r) => ({
          id: newId(),
          org_id: ic.org.id,
          job_id: jobId,
          row_number: r.row,
          line: r.line,
          field: r.problems[0]?.field ?? null,
          reason: r.problems.map((p) => (p.field ? `${p.field}: ${p.message}` : p.message)).join("; "),
          cells: JSON.stringify(r.cells),
        })),
      )
      .execute();
}

export async function commitBatch(
  ic: ImportCtx,
  job: ImportJobsTable,
  items: CsvItem[],
  plan: ColumnPlan,
  run: { dryRun: boolean; lease: string; bytes: number; rate: number },
): Promise<Tally> {
  const header = JSON.parse(job.detected).header as string[];
  const apply = IMPORTERS[job.entity as ImportEntity];
  const writeAll = async (q: Q): Promise<Tally> => {
    const tally: Tally = { created: 0, updated: 0, unchanged: 0, rejected: 0 };
    for (let i = 0; i < items.length; i += CHUNK) {
      const chunk = items.slice(i, i + CHUNK).map((item) => toSource(item, plan, header));
      const sources = chunk.filter((b): b is SourceRow => "values" in b);
      const results = chunk.filter((b): b is RowResult => "outcome" in b);
      if (sources.length) results.push(...(await apply(q, ic, sources, !run.dryRun)));
      for (const r of results) tally[KEY[r.outcome]]++;
      await saveRejects(
        q,
        ic,
        job.id,
        results.filter((r) => r.outcome === "reject"),
      );
    }
    await settle(q);
    const last = items[items.length - 1]?.row ?? job.rows_done;
    const moved = await q
      .updateTable("import_jobs")
      .set((eb) => ({
        rows_done: last,
        bytes_done: run.bytes,
        created_count: eb("created_count", "+", tally.created),
        updated_count: eb("updated_count", "+", tally.updated),
        unchanged_count: eb("unchanged_count", "+", tally.unchanged),
        rejected_count: eb("rejected_count", "+", tally.rejected),
        rows_per_second: run.rate,
        lease_until: new Date(Date.now() + LEASE_MS).toISOString(),
        version: eb("version", "+", 1),
        updated_at: new Date().toISOString(),
      }))
      .where("id", "=", job.id)
      .where("lease_owner", "=", run.lease)
      .where("status", "=", "running")
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) throw new Cancelled("The import was cancelled or taken over");
    if (!run.dryRun)
      await recordAudit(q, ic.ctx, ic.org.id, {
        entity: "import",
        entityId: job.id,
        action: "import-batch",
        after: { entity: job.entity, rows: [items[0]?.row ?? 0, last], ...tally },
      });
    return tally;
  };
  // An insert sent without waiting (upsert.ts sendInserts) that failed is the batch's error, not
  // the "transaction is aborted" of a statement after it.
  const write = async (q: Q): Promise<Tally> => {
    try {
      return await writeAll(q);
    } catch (err) {
      await settle(q);
      throw err;
    }
  };
  return run.dryRun ? write(ic.ctx.db.k) : ic.ctx.db.k.transaction().execute(write);
}
