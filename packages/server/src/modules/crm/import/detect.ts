// What a CSV file is before reading it: its hash (the resume key), size, encoding (UTF-8 with or
// without BOM when every byte is valid UTF-8, else Windows-1252), delimiter and header. One pass
// over the file; memory holds a 64 KB sample.
import { createHash } from "node:crypto";
import fs from "node:fs";
import type { ImportDetected } from "@oars/core";
import { parse } from "csv-parse/sync";
import iconv from "iconv-lite";
import { invalid } from "../../../http/errors";

const SAMPLE_BYTES = 64 * 1024;
const DELIMITERS = [",", ";", "\t"] as const;
type Delimiter = (typeof DELIMITERS)[number];

export interface FileFacts {
  hash: string;
  bytes: number;
  encoding: "utf-8" | "windows-1252";
  bom: boolean;
  delimiter: Delimiter;
  header: string[];
}

export async function inspectFile(
  file: string,
  force: { encoding?: FileFacts["encoding"]; delimiter?: Delimiter } = {},
) {
  const hash = createHash("sha256");
  const utf8 = new TextDecoder("utf-8", { fatal: true });
  let validUtf8 = true;
  let bytes = 0;
  const sample: Buffer[] = [];
  let sampled = 0;
  for await (const chunk of fs.createReadStream(file)) {
    const buf = chunk as Buffer;
    hash.update(buf);
    bytes += buf.length;
    if (sampled < SAMPLE_BYTES) {
      sample.push(buf.subarray(0, SAMPLE_BYTES - sampled));
      sampled += Math.min(buf.length, SAMPLE_BYTES - sampled);
    }
    if (validUtf8)
      try {
        utf8.decode(buf, { stream: true });
      } catch {
        validUtf8 = false;
      }
  }
  if (validUtf8)
    try {
      utf8.decode();
    } catch {
      validUtf8 = false;
    }
  if (bytes === 0) throw invalid("file", "is empty");
  const head = Buffer.concat(sample);
  const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  const encoding = force.encoding ?? (validUtf8 ? "utf-8" : "windows-1252");
  const text = decodeSample(head, encoding, bom);
  const delimiter = force.delimiter ?? detectDelimiter(text);
  return { hash: hash.digest("hex"), bytes, encoding, bom, delimiter, header: readHeader(text, delimiter) };
}

function decodeSample(head: Buffer, encoding: FileFacts["encoding"], bom: boolean): string {
  if (encoding === "windows-1252") return iconv.decode(head, "win1252");
  // The sample may end inside a character; a lenient decode only loses that last one.
  return new TextDecoder("utf-8").decode(bom ? head.subarray(3) : head);
}

/** The delimiter that splits the first lines into the same number (> 1) of cells most often. */
export function detectDelimiter(text: string): Delimiter {
  const lines = text
    .split(/\r?\n/)
    .slice(0, 20)
    .filter((l) => l.trim() !== "");
  let best: { d: Delimiter; score: number } = { d: ",", score: -1 };
  for (const d of DELIMITERS) {
    const counts = lines.map((l) => countOutsideQuotes(l, d));
    const first = counts[0] ?? 0;
    if (first === 0) continue;
    const score = counts.filter((c) => c === first).length * 1000 + first;
    if (score > best.score) best = { d, score };
  }
  return best.d;
}

function countOutsideQuotes(line: string, d: string): number {
  let n = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === d && !quoted) n++;
  }
  return n;
}

function readHeader(text: string, delimiter: Delimiter): string[] {
  let rows: string[][];
  try {
    rows = parse(text, { delimiter, to: 1, relax_quotes: true, relax_column_count: true, bom: true });
  } catch {
    throw invalid("file", "has no readable header line");
  }
  const header = (rows[0] ?? []).map((h) => h.trim());
  if (header.length === 0 || header.every((h) => h === "")) throw invalid("file", "has no header line");
  if (header.length > 500) throw invalid("file", "has more than 500 columns");
  return header;
}

export function detectedOf(
  f: FileFacts,
  preset: ImportDetected["preset"],
  columns: Record<string, string>,
): ImportDetected {
  return { encoding: f.encoding, bom: f.bom, delimiter: f.delimiter, header: f.header, preset, columns };
}
