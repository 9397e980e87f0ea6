import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, isoDateOfDayNumber, dayNumberOf } from "./dates";
import { monthCover } from "./month-cover";

/** Sorted distinct ISO dates over a few years, so months are both whole and cut. */
const edges = fc
  .uniqueArray(fc.integer({ min: 20_000, max: 21_200 }), { minLength: 1, maxLength: 12 })
  .map((ns) => [...ns].sort((a, b) => a - b).map(isoDateOfDayNumber));

const bucketOf = (es: readonly string[], day: string) => {
  let b = 0;
  while (b + 1 < es.length - 1 && (es[b + 1] as string) <= day) b++;
  return b;
};

describe("monthCover", () => {
  it("covers every day of the buckets exactly once, each whole month inside its bucket", () => {
    fc.assert(
      fc.property(edges, (es) => {
        const { months, leftovers } = monthCover(es);
        const first = es[0] as string;
        const last = es[es.length - 1] as string;
        const seen = new Map<string, number>();
        const mark = (d: string) => seen.set(d, (seen.get(d) ?? 0) + 1);
        for (const m of months) {
          for (let d = `${m.month}-01`; d.startsWith(m.month); d = addDays(d, 1)) {
            mark(d);
            expect(bucketOf(es, d), `${d} of ${m.month}`).toBe(m.bucket);
          }
        }
        for (const r of leftovers) {
          expect(r.from < r.to).toBe(true);
          for (let d = r.from; d < r.to; d = addDays(d, 1)) mark(d);
        }
        const days = first < last ? dayNumberOf(last) - dayNumberOf(first) : 0;
        expect(seen.size).toBe(days);
        for (const [d, n] of seen) {
          expect(n, d).toBe(1);
          expect(d >= first && d < last, d).toBe(true);
        }
        // Leftovers never touch each other (they are merged), and each lies in no whole month.
        for (let i = 1; i < leftovers.length; i++)
          expect((leftovers[i - 1] as { to: string }).to < (leftovers[i] as { from: string }).from).toBe(
            true,
          );
      }),
    );
  });

  it("reads a quarter cut by a week as two whole months and the cut one", () => {
    expect(monthCover(["2026-10-01", "2026-11-23", "2026-11-30", "2027-01-01"])).toEqual({
      months: [
        { month: "2026-10", bucket: 0 },
        { month: "2026-12", bucket: 2 },
      ],
      leftovers: [{ from: "2026-11-01", to: "2026-12-01" }],
    });
    expect(monthCover(["2025-11-28", "2026-11-28"])).toEqual({
      months: [
        { month: "2025-12", bucket: 0 },
        ...["01", "02", "03", "04", "05", "06", "07", "08", "09", "10"].map((m) => ({
          month: `2026-${m}`,
          bucket: 0,
        })),
      ],
      leftovers: [
        { from: "2025-11-28", to: "2025-12-01" },
        { from: "2026-11-01", to: "2026-11-28" },
      ],
    });
    expect(monthCover(["2026-03-05"])).toEqual({ months: [], leftovers: [] });
  });
});
