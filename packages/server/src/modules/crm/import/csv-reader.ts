// Streams a CSV file's data rows: decoded (UTF-8 or Windows-1252), split with csv-parse, numbered
// 1… after the header (malformed records keep their number, as a reject). Memory holds one row at
// a time; a quote that never closes is stopped at MAX_OPEN_QUOTE rather than read to the end.
import fs from "node:fs";
import { Transform, type TransformCallback } from "node:stream";
import { parse, type Parser } from "csv-parse";
import iconv from "iconv-lite";
import type { FileFacts } from "./detect";

const MAX_OPEN_QUOTE = 16 * 1024 * 1024;

export type CsvItem =
  | { row: number; line: number; cells: string[]; error?: undefined }
  | { row: number; line: number; cells?: undefined; error: string };

export interface ReadProgress {
  bytesRead: number;
}

/** Counts bytes read (progress) and stops a runaway quoted cell before memory does. */
class Watch extends Transform {
  bytes = 0;
  constructor(private readonly parser: () => Parser) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    const state = (
      this.parser() as unknown as { state?: { field?: { length?: number }; record_length?: number } }
    ).state;
    const open = (state?.field?.length ?? 0) + (state?.record_length ?? 0);
    if (open > MAX_OPEN_QUOTE)
      done(new Error(`a row runs on past ${MAX_OPEN_QUOTE / 1024 / 1024} MB: a quote that never closes?`));
    else done(null, chunk);
  }
}

export async function* readCsv(
  file: string,
  facts: FileFacts,
  progress: ReadProgress,
): AsyncGenerator<CsvItem> {
  const skips: { line: number; message: string }[] = [];
  const parser = parse({
    delimiter: facts.delimiter,
    bom: true,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    info: true,
  });
  parser.on("skip", (err: Error & { lines?: number }) =>
    skips.push({ line: err.lines ?? 0, message: err.message }),
  );
  const watch = new Watch(() => parser);
  const input = fs.createReadStream(file, { highWaterMark: 256 * 1024 });
  let source: NodeJS.ReadableStream = input.pipe(watch);
  if (facts.encoding === "windows-1252") source = source.pipe(iconv.decodeStream("win1252"));
  source.on("error", (err: Error) => parser.destroy(err));
  watch.on("error", (err: Error) => parser.destroy(err));
  source.pipe(parser);

  try {
    yield* rows(parser, skips, watch, progress);
  } finally {
    // A reader stopped early (a preview) must not leave the file open.
    input.destroy();
    parser.destroy();
  }
}

async function* rows(
  parser: Parser,
  skips: { line: number; message: string }[],
  watch: Watch,
  progress: ReadProgress,
): AsyncGenerator<CsvItem> {
  let seenHeader = false;
  let row = 0;
  const flushSkips = function* (beforeLine: number): Generator<CsvItem> {
    while (skips.length && (skips[0]?.line ?? 0) < beforeLine) {
      const s = skips.shift();
      if (s) yield { row: ++row, line: s.line, error: s.message.replace(/^[^:]*: /, "") };
    }
  };
  for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    progress.bytesRead = watch.bytes;
    if (!seenHeader) {
      seenHeader = true;
      skips.length = 0;
      continue;
    }
    yield* flushSkips(item.info.lines);
    yield { row: ++row, line: item.info.lines, cells: item.record };
  }
  progress.bytesRead = watch.bytes;
  yield* flushSkips(Number.MAX_SAFE_INTEGER);
}
