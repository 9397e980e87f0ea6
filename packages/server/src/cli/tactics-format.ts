// Plain-text tables and money for the tactical commands: amounts in minor units print in the
// currency's major unit (two decimals), counts as they are.
export function money(minor: number, currency: string): string {
  return `${currency} ${(minor / 100).toLocaleString("en", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** Parses "140000" or "140,000.50" in the major unit into integer minor units. */
export function parseMoney(text: string, flag: string): number {
  const n = Number(text.replace(/,/g, ""));
  if (!Number.isFinite(n) || n < 0)
    throw new Error(`${flag} must be an amount such as 140000 or 99.50, not ${text}`);
  return Math.round(n * 100);
}

export function parseNumber(text: string, flag: string): number {
  const n = Number(text);
  if (!Number.isFinite(n)) throw new Error(`${flag} must be a number, not ${text}`);
  return n;
}

/** A table with the first column left-aligned and the rest right-aligned. */
export function table(header: string[], rows: string[][]): string {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? "").length)));
  const line = (r: string[]) =>
    r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

export function csvLine(cells: (string | number)[]): string {
  return cells
    .map((c) => {
      const s = String(c);
      return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    })
    .join(",");
}

/** Repeatable options collect into an array. */
export const collect = (value: string, previous: string[] = []) => [...previous, value];
