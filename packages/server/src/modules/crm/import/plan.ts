// From a job and its options to the plan of the file's columns, and from a CSV item to a row of
// fields: cells the row cannot use (too long, too many) are problems of that row, never crashes.
import type { ImportEntity, ImportOptions } from "@oars/core";
import type { Q } from "../../../db/tx";
import { AppError } from "../../../http/errors";
import type { ImportJobsTable } from "../crm.schema";
import type { CsvItem } from "./csv-reader";
import { factsOf } from "./jobs";
import { planColumns, type ColumnPlan } from "./mapping";
import { savedColumns } from "./mappings.service";
import type { RowResult, SourceRow } from "./upsert";
import { MAX_CELL } from "./values";

/** The CSV item as a row of fields; cells the row cannot use are problems, not crashes. */
export function toSource(item: CsvItem, plan: ColumnPlan, header: string[]): SourceRow | RowResult {
  if (item.error !== undefined)
    return {
      row: item.row,
      line: item.line,
      cells: [],
      outcome: "reject",
      problems: [{ field: null, message: `malformed CSV: ${item.error}` }],
    };
  const problems = [];
  if (item.cells.length > header.length)
    problems.push({
      field: null,
      message: `has ${item.cells.length} cells but the header has ${header.length} (an unquoted delimiter?)`,
    });
  const values = new Map<string, string>();
  for (const [i, cell] of item.cells.entries()) {
    if (cell.length > MAX_CELL)
      problems.push({
        field: plan.byIndex[i] ?? header[i] ?? null,
        message: `cell of ${cell.length.toLocaleString("en")} characters; at most ${MAX_CELL.toLocaleString("en")}`,
      });
    const field = plan.byIndex[i];
    if (field) values.set(field, cell);
  }
  const cells = item.cells.map((c) => (c.length > 1000 ? `${c.slice(0, 1000)}…` : c));
  if (problems.length) return { row: item.row, line: item.line, cells, outcome: "reject", problems };
  return { row: item.row, line: item.line, cells, values };
}

export async function columnPlan(q: Q, job: ImportJobsTable, options: ImportOptions): Promise<ColumnPlan> {
  const facts = factsOf(job);
  const detected = JSON.parse(job.detected) as { preset: ImportOptions["preset"] | null };
  const saved = options.mappingId
    ? await savedColumns(q, job.org_id, options.mappingId, job.entity as ImportEntity)
    : undefined;
  return planColumns(
    job.entity as ImportEntity,
    facts.header,
    options.preset ?? detected.preset ?? null,
    saved,
    options.columns,
  );
}

export function assertPlan(plan: ColumnPlan): void {
  if (plan.problems[0])
    throw new AppError("invalid", `options.columns: ${plan.problems[0]}`, "options.columns");
  if (plan.missing.length)
    throw new AppError(
      "invalid",
      `options.columns: no column for ${plan.missing.join(", ")}`,
      "options.columns",
    );
}
