// CSV out: every list exports with its current filters, page by page (memory stays flat however
// long the list). A cell that starts with = + - @ (or a tab or carriage return) is prefixed with
// an apostrophe, so a spreadsheet shows it as text instead of running it as a formula (OWASP
// "CSV injection").
import { Readable } from "node:stream";
import type { Page } from "@oars/core";
import type { FastifyReply } from "fastify";

export type Cell = string | number | null;

export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function csvCell(value: Cell): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  const text = neutralise(value);
  return /[",\r\n;]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (cells: Cell[]) => `${cells.map(csvCell).join(",")}\r\n`;

export interface ExportColumn<T> {
  header: string;
  value: (item: T, refs: Refs) => Cell;
}

/** Names of what records point at (owners, teams, accounts, stages), looked up once per page. */
export interface Refs {
  orgCurrency: string;
  name(kind: "person" | "team" | "account" | "stage" | "contact" | "deal", id: string | null): string | null;
}

/** Amounts leave as decimal major units ("1234.50"), the way a spreadsheet expects money. */
export function majorUnits(minor: number | null, digits: number): string | null {
  if (minor === null) return null;
  if (digits === 0) return String(minor);
  const sign = minor < 0 ? "-" : "";
  const abs = Math.abs(minor);
  const unit = 10 ** digits;
  return `${sign}${Math.floor(abs / unit)}.${String(abs % unit).padStart(digits, "0")}`;
}

export async function* csvPages<T>(
  columns: ExportColumn<T>[],
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>,
  refsFor: (items: T[]) => Promise<Refs>,
): AsyncGenerator<string> {
  // A byte-order mark tells Excel the file is UTF-8; without it accents come out garbled.
  yield `\uFEFF${csvLine(columns.map((c) => c.header))}`;
  let cursor: string | undefined;
  do {
    const page = await fetchPage(cursor);
    const refs = await refsFor(page.items);
    yield page.items.map((item) => csvLine(columns.map((c) => c.value(item, refs)))).join("");
    cursor = page.next ?? undefined;
  } while (cursor);
}

export function sendCsv(reply: FastifyReply, fileName: string, chunks: AsyncIterable<string>) {
  return reply
    .header("content-type", "text/csv; charset=utf-8")
    .header("content-disposition", `attachment; filename="${fileName}"`)
    .send(Readable.from(chunks));
}
