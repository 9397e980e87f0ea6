// Cutting a run of date buckets into whole calendar months and the leftover day ranges: a sum over
// the buckets can then read kept per-month totals for the whole months and the raw rows only for
// the leftovers (docs/decisions/011).
import { addMonths } from "./dates";

/** A whole month ("YYYY-MM") lying inside one bucket. */
export interface CoveredMonth {
  month: string;
  /** The bucket it lies in: buckets are [edges[i], edges[i + 1]). */
  bucket: number;
}

/** A day range [from, to) read from the raw rows: parts of months cut by an edge. */
export interface LeftoverRange {
  from: string;
  to: string;
}

const firstOfMonth = (date: string) => `${date.slice(0, 7)}-01`;

/**
 * Splits [edges[0], edges[last]) — edges sorted ascending, distinct ISO dates — into the whole
 * months no inner edge cuts, each with its bucket, and the leftover ranges (merged where they
 * touch), so that together they cover every day exactly once.
 */
export function monthCover(edges: readonly string[]): { months: CoveredMonth[]; leftovers: LeftoverRange[] } {
  const months: CoveredMonth[] = [];
  const leftovers: LeftoverRange[] = [];
  const first = edges[0];
  const last = edges[edges.length - 1];
  if (first === undefined || last === undefined || first >= last) return { months, leftovers };
  const leftover = (from: string, to: string) => {
    const prev = leftovers[leftovers.length - 1];
    if (prev && prev.to === from) prev.to = to;
    else leftovers.push({ from, to });
  };
  let bucket = 0;
  for (let start = firstOfMonth(first); start < last;) {
    const end = addMonths(start, 1);
    const from = start < first ? first : start;
    const to = end > last ? last : end;
    // The bucket holding `from`: the last edge at or before it.
    while (bucket + 1 < edges.length - 1 && (edges[bucket + 1] as string) <= from) bucket++;
    const cut = from !== start || to !== end || (edges[bucket + 1] as string) < end;
    if (cut) leftover(from, to);
    else months.push({ month: start.slice(0, 7), bucket });
    start = end;
  }
  return { months, leftovers };
}
