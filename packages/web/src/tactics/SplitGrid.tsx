// The segmentation grid: rows (people, teams or segments) × periods, every cell typed into, row and
// column totals. Arrow keys, Enter and Tab move like a spreadsheet; a block copied from one pastes
// into the grid from the focused cell on; Escape puts a cell back as it was.
import { useCallback, useId, useRef } from "react";
import type { CSSProperties } from "react";
import { useVirtualizer } from "@tanstack/react-virtual";
import type { GridRow, Period } from "@oars/core";
import {
  cellKey,
  formatAmount,
  parseAmount,
  parsePaste,
  type Cells,
  type RampCurve,
  type Totals,
} from "./gridModel";
import { GridRowView } from "./GridRow";

// Rows are this tall (an input and its padding); the virtualiser measures nothing.
const ROW_HEIGHT = 37;

interface SplitGridProps {
  rows: readonly GridRow[];
  periods: readonly Period[];
  cells: Cells;
  totals: Totals;
  isMoney: boolean;
  readOnly: boolean;
  /** Rows of people may ramp; null hides the column (teams, segments). */
  ramps: Readonly<Record<string, RampCurve>> | null;
  onRamp: (rowId: string, ramp: RampCurve | null) => void;
  onEditRamp: (rowId: string) => void;
  onEdit: (updates: readonly (readonly [string, number])[]) => void;
}

export function SplitGrid(props: SplitGridProps) {
  const { rows, periods, cells, totals, isMoney, readOnly, ramps } = props;
  const gridId = useId();
  const table = useRef<HTMLTableElement>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const { onEdit } = props;
  // Only the rows near the viewport are in the page: 2,000 people stay as quick to edit as 20.
  const virtual = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const items = virtual.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = virtual.getTotalSize() - (items.at(-1)?.end ?? 0);

  const focusCell = useCallback(
    (r: number, c: number) => {
      const find = () =>
        table.current?.querySelector<HTMLInputElement>(`input[data-r="${r}"][data-c="${c}"]`);
      const input = find();
      if (input) return input.focus();
      if (r < 0 || r >= rows.length) return;
      // The row is scrolled out of the page: bring it in, then focus it once rendered.
      virtual.scrollToIndex(r, { align: "auto" });
      requestAnimationFrame(() => requestAnimationFrame(() => find()?.focus()));
    },
    [rows.length, virtual],
  );

  const onPaste = useCallback(
    (r: number, c: number, text: string) => {
      const block = parsePaste(text);
      const updates: [string, number][] = [];
      block.forEach((line, i) =>
        line.forEach((cellText, j) => {
          const row = rows[r + i];
          const period = periods[c + j];
          const amount = parseAmount(cellText, isMoney);
          if (row && period && amount !== null) updates.push([cellKey(row.id, period.key), amount]);
        }),
      );
      if (updates.length > 0) onEdit(updates);
    },
    [rows, periods, isMoney, onEdit],
  );

  return (
    <div className="grid-scroll" role="region" aria-label="Target grid" tabIndex={-1} ref={scroller}>
      <table
        ref={table}
        className="split-grid"
        data-testid="split-grid"
        id={gridId}
        aria-rowcount={rows.length + 2}
        // A fixed layout (widths in tactics.css from these counts) sizes the columns once, so typing
        // in one cell never re-measures the whole grid.
        style={{ "--periods": periods.length + 1, "--ramp": ramps ? 1 : 0 } as CSSProperties}
      >
        <thead>
          <tr>
            <th scope="col" className="grid-row-head">
              {rows.length} {rows.length === 1 ? "row" : "rows"}
            </th>
            {ramps ? (
              <th scope="col" className="grid-ramp">
                Ramp
              </th>
            ) : null}
            {periods.map((p) => (
              <th
                key={p.key}
                scope="col"
                className="grid-num"
                title={`${p.start} to ${p.end}, ${p.workingDays} working days`}
              >
                {p.label}
              </th>
            ))}
            <th scope="col" className="grid-num grid-total">
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {before > 0 ? <tr style={{ height: before }} aria-hidden="true" /> : null}
          {items.map(({ index: r }) => {
            const row = rows[r];
            if (!row) return null;
            return (
              <GridRowView
                key={row.id}
                row={row}
                r={r}
                periods={periods}
                cells={cells}
                total={totals.rows.get(row.id) ?? 0}
                isMoney={isMoney}
                readOnly={readOnly}
                rampColumn={ramps !== null}
                ramp={ramps?.[row.id]}
                onRamp={props.onRamp}
                onEditRamp={props.onEditRamp}
                onEdit={onEdit}
                onMove={focusCell}
                onPaste={onPaste}
              />
            );
          })}
          {after > 0 ? <tr style={{ height: after }} aria-hidden="true" /> : null}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" className="grid-row-head">
              Total
            </th>
            {ramps ? <td className="grid-ramp" /> : null}
            {periods.map((p) => (
              <td key={p.key} className="grid-num grid-total">
                {formatAmount(totals.columns.get(p.key) ?? 0, isMoney)}
              </td>
            ))}
            <td className="grid-num grid-total grid-grand" data-testid="grid-grand-total">
              {formatAmount(totals.grand, isMoney)}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
