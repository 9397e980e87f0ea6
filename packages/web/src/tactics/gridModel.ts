// The segmentation grid's model, pure: periods in the org's calendar, the split computed in the
// browser by the same core function the server uses (so a preview is instant and matches what is
// saved), totals, parsing what is typed or pasted, and the request that saves the grid.
import {
  periodsBetween,
  RAMP_PRESETS,
  splitTargetGrid,
  workingDaysBetween,
  type GridRow,
  type OrgCalendar,
  type Period,
  type SplitGrain,
  type SplitSave,
  type SplitSetup,
  type SplitWeighting,
} from "@oars/core";

/** A ramp curve as the grid edits it: a share of a full target (0..1) per month of tenure. */
export type RampCurve = readonly number[];
export type RampPreset = "none" | "standard" | "enterprise";

export interface GridSettings {
  grain: SplitGrain;
  weighting: SplitWeighting;
  /** Rows set by hand (agreed bottom-up numbers); the rest share what is left by the weighting. */
  overrides: Readonly<Record<string, number>>;
  season: "even" | "learned";
  /** Row id → ramp curve; rows without one carry a full target from the start. */
  ramps: Readonly<Record<string, RampCurve>>;
  rampMode: "redistribute" | "acceptGap";
  headroomPct: number;
}

/** Cell amounts keyed `${rowId}|${periodKey}`, in minor units or a count. */
export type Cells = ReadonlyMap<string, number>;
export const cellKey = (rowId: string, periodKey: string) => `${rowId}|${periodKey}`;

export function calendarOf(setup: SplitSetup): OrgCalendar {
  return setup.calendar;
}

export function gridPeriods(setup: SplitSetup, grain: SplitGrain): Period[] {
  const cal = calendarOf(setup);
  if (grain === "whole")
    return [
      {
        key: `${setup.start}~${setup.end}`,
        label: "Whole range",
        start: setup.start,
        end: setup.end,
        workingDays: workingDaysBetween(cal, setup.start, setup.end),
      },
    ];
  return periodsBetween(cal, setup.start, setup.end, grain);
}

/** The starting settings: the saved split's, else the setup's defaults with a ramp for new hires. */
export function initialSettings(setup: SplitSetup): GridSettings {
  const saved = setup.saved?.settings;
  const ramps: Record<string, RampCurve> = {};
  for (const row of setup.rows) {
    const curve = saved?.rampCurves[row.id];
    if (curve) ramps[row.id] = curve;
    else if (!saved && row.isNew) ramps[row.id] = RAMP_PRESETS.standard;
  }
  const method = saved?.ownerMethod;
  const weighting = method ? (method.kind === "manual" ? method.rebalanceBy : method.kind) : "equal";
  return {
    grain: saved?.grain ?? setup.grain,
    weighting,
    overrides: method?.kind === "manual" ? method.overrides : {},
    season: saved?.periodMethod.kind === "learned" ? "learned" : "even",
    ramps,
    rampMode: saved?.rampMode ?? "redistribute",
    headroomPct: saved?.headroomPct ?? 0,
  };
}

/** The preset a curve is, or "custom" when it was edited by hand. */
export function rampPresetOf(curve: RampCurve | undefined): RampPreset | "custom" {
  if (!curve || (curve.length > 0 && curve.every((step) => step === 1))) return "none";
  for (const name of ["standard", "enterprise"] as const) {
    const preset: readonly number[] = RAMP_PRESETS[name];
    if (preset.length === curve.length && preset.every((step, i) => step === curve[i])) return name;
  }
  return "custom";
}

export const rampCurveOfPreset = (preset: RampPreset): RampCurve | null =>
  preset === "none" ? null : RAMP_PRESETS[preset];

/** "0 · 25 · 50 · 75 · 100 %": a curve in percentages, for labels. */
export const rampPercentages = (curve: RampCurve) =>
  `${curve.map((step) => String(Math.round(step * 1000) / 10)).join(" · ")} %`;

/**
 * A curve typed as percentages, month by month, checked as the server checks it (0 to 100, never
 * lower than the month before): the curve as shares, or the first problem by month.
 */
export function parseRampPercentages(
  texts: readonly string[],
): { curve: number[] } | { month: number; message: string } {
  if (texts.length === 0) return { month: 0, message: "A ramp needs at least one month." };
  const curve: number[] = [];
  for (const [i, text] of texts.entries()) {
    const pct = Number(text.trim().replace(",", ".").replace(/%$/, ""));
    if (text.trim() === "" || !Number.isFinite(pct) || pct < 0 || pct > 100)
      return { month: i, message: `Month ${i + 1} must be a percentage from 0 to 100.` };
    const step = Math.round(pct * 10) / 1000;
    const before = curve[i - 1];
    if (before !== undefined && step < before)
      return {
        month: i,
        message: `Month ${i + 1} must not be lower than month ${i} (${Math.round(before * 1000) / 10} %): a ramp never decreases.`,
      };
    curve.push(step);
  }
  return { curve };
}

export function rampCurves(settings: GridSettings): Record<string, number[]> {
  return Object.fromEntries(Object.entries(settings.ramps).map(([rowId, curve]) => [rowId, [...curve]]));
}

export function ownerMethodOf(s: GridSettings) {
  return Object.keys(s.overrides).length > 0
    ? { kind: "manual" as const, overrides: { ...s.overrides }, rebalanceBy: s.weighting }
    : { kind: s.weighting };
}

export interface Computed {
  cells: Map<string, number>;
  heldBackByRamp: number;
}

/** The grid the settings produce, exactly as the server computes it. */
export function computeGrid(
  setup: SplitSetup,
  rows: readonly GridRow[],
  periods: readonly Period[],
  s: GridSettings,
): Computed {
  const total = setup.total ?? 0;
  const grid = splitTargetGrid({
    total,
    owners: rows.map((r) => ({
      id: r.id,
      capacityHoursPerWeek: r.capacityHoursPerWeek,
      accountPotentialMinor: r.accountPotentialMinor ?? undefined,
      lastPeriodActual: r.lastPeriodActual ?? undefined,
      hireDate: r.hireDate ?? undefined,
    })),
    ownerMethod: ownerMethodOf(s),
    periods,
    periodMethod:
      s.season === "learned"
        ? {
            kind: "seasonal",
            by: "calendarMonth",
            weights: setup.seasonality.byCalendarMonth,
            calendar: calendarOf(setup),
          }
        : { kind: "even" },
    ramp: { curves: rampCurves(s) },
    rampMode: s.rampMode,
    headroomPct: s.headroomPct,
  });
  return {
    cells: new Map(grid.cells.map((c) => [cellKey(c.ownerId, c.periodKey), c.amount])),
    heldBackByRamp: grid.heldBackByRamp,
  };
}

export interface Totals {
  rows: Map<string, number>;
  columns: Map<string, number>;
  grand: number;
}

export function totalsOf(rows: readonly GridRow[], periods: readonly Period[], cells: Cells): Totals {
  const rowTotals = new Map<string, number>();
  const columns = new Map<string, number>();
  let grand = 0;
  for (const r of rows) {
    let sum = 0;
    for (const p of periods) {
      const v = cells.get(cellKey(r.id, p.key)) ?? 0;
      sum += v;
      columns.set(p.key, (columns.get(p.key) ?? 0) + v);
    }
    rowTotals.set(r.id, sum);
    grand += sum;
  }
  return { rows: rowTotals, columns, grand };
}

const moneyFormat = new Intl.NumberFormat(undefined, { minimumFractionDigits: 0, maximumFractionDigits: 2 });
const countFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

/** Minor units shown in the currency's unit; counts as they are. */
export function formatAmount(amount: number, isMoney: boolean): string {
  return isMoney ? moneyFormat.format(amount / 100) : countFormat.format(amount);
}

/** "12,500.50", "12 500,50" or "12500" back to minor units (or a count); null when not a number. */
export function parseAmount(text: string, isMoney: boolean): number | null {
  let t = text
    .trim()
    .replace(/[\s\u00a0'’]/g, "")
    .replace(/[^\d.,-]/g, "");
  if (t === "") return 0;
  const at = Math.max(t.lastIndexOf(","), t.lastIndexOf("."));
  // The last separator is the decimal mark when one or two digits follow it; the others group thousands.
  t =
    at >= 0 && t.length - at - 1 <= 2
      ? `${t.slice(0, at).replace(/[.,]/g, "")}.${t.slice(at + 1)}`
      : t.replace(/[.,]/g, "");
  const n = Number(t);
  if (!Number.isFinite(n) || n < 0) return null;
  return isMoney ? Math.round(n * 100) : Math.round(n);
}

/** A block pasted from a spreadsheet: rows by line, cells by tab (or semicolon). */
export function parsePaste(text: string): string[][] {
  return text
    .replace(/\r/g, "")
    .split("\n")
    .filter((line, i, all) => line !== "" || i < all.length - 1)
    .map((line) => line.split(line.includes("\t") ? "\t" : ";"));
}

export function saveBody(
  setup: SplitSetup,
  rows: readonly GridRow[],
  periods: readonly Period[],
  s: GridSettings,
  cells: Cells,
  handEdited: boolean,
): SplitSave {
  return {
    objectiveId: setup.objective.id,
    parentMilestoneId: setup.parent?.id ?? null,
    settings: {
      grain: s.grain,
      start: setup.start,
      end: setup.end,
      rowKind: setup.rowKind,
      rows: rows.map((r) => ({ id: r.id, label: r.label })),
      ownerMethod: ownerMethodOf(s),
      periodMethod: s.season === "learned" ? { kind: "learned" } : { kind: "even" },
      rampCurves: rampCurves(s),
      rampMode: s.rampMode,
      headroomPct: s.headroomPct,
    },
    cells: handEdited
      ? rows.flatMap((r) =>
          periods.map((p) => ({
            rowId: r.id,
            periodKey: p.key,
            amount: cells.get(cellKey(r.id, p.key)) ?? 0,
          })),
        )
      : undefined,
    version: setup.saved?.version,
  };
}
