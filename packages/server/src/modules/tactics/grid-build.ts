// Building the grid itself: the core's splitTargetGrid on the rows and periods, or the cells as
// typed by hand checked and totalled — with the core's field names mapped to the request's.
import {
  DomainError,
  splitTargetGrid,
  validateRampCurve,
  type GridRow,
  type Period,
  type PeriodSplitMethod,
  type SplitCell,
  type SplitSettings,
  type TargetGridResult,
} from "@oars/core";
import { invalid } from "../../http/errors";

/** The grid as computed by the core from the settings, or the hand-typed cells checked and totalled. */
export function buildGrid(
  input: {
    total: number;
    target: number | null;
    metricKind: "additive" | "ratio";
    settings: SplitSettings;
    periods: Period[];
    rows: GridRow[];
    periodMethod: PeriodSplitMethod;
  },
  cells: readonly SplitCell[] | undefined,
): TargetGridResult {
  const { settings, periods, rows } = input;
  const periodView = periods.map((p) => ({
    key: p.key,
    label: p.label,
    start: p.start,
    end: p.end,
    workingDays: p.workingDays,
  }));
  if (cells === undefined) {
    if (input.metricKind === "ratio")
      throw invalid(
        "cells",
        "a ratio target (win rate, deal size) is set per owner, not split: give each row's target",
      );
    const grid = splitTargetGrid({
      total: input.total,
      owners: rows.map((r) => ({
        id: r.id,
        capacityHoursPerWeek: r.capacityHoursPerWeek,
        accountPotentialMinor: r.accountPotentialMinor ?? undefined,
        lastPeriodActual: r.lastPeriodActual ?? undefined,
        hireDate: r.hireDate ?? undefined,
      })),
      ownerMethod: settings.ownerMethod,
      periods,
      periodMethod: input.periodMethod,
      ramp: { curves: settings.rampCurves },
      rampMode: settings.rampMode,
      headroomPct: settings.headroomPct,
    });
    const headroom = grid.assignedTotal - input.total;
    return {
      total: input.total,
      target: input.target,
      periods: periodView,
      rows,
      cells: grid.cells.map((c) => ({ rowId: c.ownerId, periodKey: c.periodKey, amount: c.amount })),
      rowTotals: grid.rowTotals.map((r) => ({ rowId: r.ownerId, amount: r.amount })),
      columnTotals: grid.columnTotals,
      assignedTotal: grid.assignedTotal,
      grandTotal: grid.grandTotal,
      gapToTarget: (input.target ?? input.total) + headroom - grid.grandTotal,
      heldBackByRamp: grid.heldBackByRamp,
    };
  }
  // Cells typed by hand still keep their ramp curves with the split: check them as the core would.
  const rowIds = new Set(rows.map((r) => r.id));
  for (const [rowId, curve] of Object.entries(settings.rampCurves)) {
    if (!rowIds.has(rowId)) throw invalid(`settings.rampCurves.${rowId}`, "is not one of the rows");
    validateRampCurve(curve, `settings.rampCurves.${rowId}`);
  }
  return totalsOf(input, periodView, cells);
}

function totalsOf(
  input: {
    total: number;
    target: number | null;
    metricKind: "additive" | "ratio";
    rows: GridRow[];
    settings: SplitSettings;
  },
  periods: TargetGridResult["periods"],
  cells: readonly SplitCell[],
): TargetGridResult {
  const rowIndex = new Map(input.rows.map((r, i) => [r.id, i]));
  const periodIndex = new Map(periods.map((p, i) => [p.key, i]));
  const amounts = input.rows.map(() => periods.map(() => 0));
  const seen = new Set<string>();
  cells.forEach((c, i) => {
    const r = rowIndex.get(c.rowId);
    const p = periodIndex.get(c.periodKey);
    if (r === undefined) throw invalid(`cells[${i}].rowId`, "must be one of the rows");
    if (p === undefined) throw invalid(`cells[${i}].periodKey`, "must be one of the periods of the range");
    if (seen.has(`${r}|${p}`)) throw invalid(`cells[${i}]`, "repeats a cell");
    seen.add(`${r}|${p}`);
    const whole = input.metricKind === "additive";
    if (!Number.isFinite(c.amount) || c.amount < 0 || (whole && !Number.isSafeInteger(c.amount)))
      throw invalid(
        `cells[${i}].amount`,
        whole
          ? "must be a whole, non-negative number (minor units or a count)"
          : "must be a number, 0 or more",
      );
    const row = amounts[r];
    if (row) row[p] = c.amount;
  });
  const rowTotals = input.rows.map((r, i) => ({
    rowId: r.id,
    amount: (amounts[i] ?? []).reduce((s, a) => s + a, 0),
  }));
  const columnTotals = periods.map((p, k) => ({
    periodKey: p.key,
    amount: amounts.reduce((s, row) => s + (row[k] ?? 0), 0),
  }));
  const ratio = input.metricKind === "ratio";
  const grandTotal = ratio ? 0 : rowTotals.reduce((s, r) => s + r.amount, 0);
  const assignedTotal = Math.round((input.total * (100 + input.settings.headroomPct)) / 100);
  return {
    total: input.total,
    target: input.target,
    periods,
    rows: input.rows,
    cells: input.rows.flatMap((r, i) =>
      periods.map((p, k) => ({ rowId: r.id, periodKey: p.key, amount: amounts[i]?.[k] ?? 0 })),
    ),
    rowTotals,
    columnTotals,
    assignedTotal,
    grandTotal,
    // Ratio targets never add up to anything, so they never leave a gap.
    gapToTarget: ratio ? 0 : (input.target ?? input.total) + (assignedTotal - input.total) - grandTotal,
    heldBackByRamp: 0,
  };
}

/** The core names fields after its own arguments; the API names them after the request's. */
export function requestField(field: string): string {
  const rules: [RegExp, string][] = [
    [/^method\.overrides/, "settings.ownerMethod.overrides"],
    [/^method\./, "settings.periodMethod."],
    [/^ramp\.curves/, "settings.rampCurves"],
    [/^owners\[(\d+)\]/, "settings.rows[$1]"],
    [/^owners\.\w+$/, "settings.ownerMethod"],
    [/^owners$/, "settings.rows"],
    [/^headroomPct$/, "settings.headroomPct"],
    [/^periods(\.\w+)?$/, "settings.grain"],
    [/^(start|end)$/, "settings.$1"],
    [/^metricKind$/, "objectiveId"],
  ];
  for (const [pattern, replacement] of rules)
    if (pattern.test(field)) return field.replace(pattern, replacement);
  return field;
}

export function withRequestFields<T>(run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof DomainError) throw invalid(requestField(e.field), e.message.slice(e.field.length + 2));
    throw e;
  }
}
