// The segmentation grid: rows (people, teams or segments) × periods, every cell typed into, row and
// column totals. Arrow keys, Enter and Tab move like a spreadsheet; a block copied from one pastes
// into the grid from the focused cell on; Escape puts a cell back as it was.
import { memo, useCallback, useEffect, useId, useRef, useState } from "react";
import type { ClipboardEvent, KeyboardEvent } from "react";
import type { GridRow, Period } from "@oars/core";
import { cellKey, formatAmount, parseAmount, parsePaste, type Cells, type RampChoice, type Totals } from "./gridModel";

interface SplitGridProps {
  rows: readonly GridRow[];
  periods: readonly Period[];
  cells: Cells;
  totals: Totals;
  isMoney: boolean;
  readOnly: boolean;
  /** Rows of people may ramp; null hides the column (teams, segments). */
  ramps: Readonly<Record<string, RampChoice>> | null;
  onRamp: (rowId: string, ramp: RampChoice) => void;
  onEdit: (updates: readonly (readonly [string, number])[]) => void;
}

export function SplitGrid(props: SplitGridProps) {
  const { rows, periods, cells, totals, isMoney, readOnly, ramps } = props;
  const gridId = useId();
  const table = useRef<HTMLTableElement>(null);
  const { onEdit } = props;

  const focusCell = useCallback((r: number, c: number) => {
    const input = table.current?.querySelector<HTMLInputElement>(`input[data-r="${r}"][data-c="${c}"]`);
    input?.focus();
  }, []);

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
    <div className="grid-scroll" role="region" aria-label="Target grid" tabIndex={-1}>
      <table ref={table} className="split-grid" data-testid="split-grid" id={gridId}>
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
              <th key={p.key} scope="col" className="grid-num" title={`${p.start} to ${p.end}, ${p.workingDays} working days`}>
                {p.label}
              </th>
            ))}
            <th scope="col" className="grid-num grid-total">
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={row.id} data-row={row.label}>
              <th scope="row" className="grid-row-head">
                <span className="grid-row-label">{row.label}</span>
                {row.isNew ? <span className="tag tag-accent">new</span> : null}
              </th>
              {ramps ? (
                <td className="grid-ramp">
                  <select
                    className="input input-small"
                    aria-label={`Ramp for ${row.label}`}
                    value={ramps[row.id] ?? "none"}
                    disabled={readOnly || row.hireDate === null}
                    onChange={(e) => props.onRamp(row.id, e.target.value as RampChoice)}
                  >
                    <option value="none">Full target</option>
                    <option value="standard">Ramp: 5 months</option>
                    <option value="enterprise">Ramp: 8 months</option>
                  </select>
                </td>
              ) : null}
              {periods.map((p, c) => (
                <GridCell
                  key={p.key}
                  r={r}
                  c={c}
                  cellId={cellKey(row.id, p.key)}
                  value={cells.get(cellKey(row.id, p.key)) ?? 0}
                  label={`${row.label}, ${p.label}`}
                  isMoney={isMoney}
                  readOnly={readOnly}
                  onCommit={onEdit}
                  onMove={focusCell}
                  onPaste={onPaste}
                />
              ))}
              <td className="grid-num grid-total" data-testid={`row-total-${r}`}>
                {formatAmount(totals.rows.get(row.id) ?? 0, isMoney)}
              </td>
            </tr>
          ))}
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

interface GridCellProps {
  r: number;
  c: number;
  cellId: string;
  value: number;
  label: string;
  isMoney: boolean;
  readOnly: boolean;
  onCommit: (updates: readonly (readonly [string, number])[]) => void;
  onMove: (r: number, c: number) => void;
  onPaste: (r: number, c: number, text: string) => void;
}

// Memoised: an edit re-renders the one cell that changed and the totals, not the whole grid.
const GridCell = memo(function GridCell({ r, c, cellId, value, label, isMoney, readOnly, onCommit, onMove, onPaste }: GridCellProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);
  const skipCommit = useRef(false);
  useEffect(() => setDraft(null), [value]);

  const commit = () => {
    if (draft === null) return true;
    const amount = parseAmount(draft, isMoney);
    if (amount === null) {
      setInvalid(true);
      return false;
    }
    setInvalid(false);
    setDraft(null);
    if (amount !== value) onCommit([[cellId, amount]]);
    return true;
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const whole = input.selectionStart === 0 && input.selectionEnd === input.value.length;
    const moves: Record<string, [number, number] | undefined> = {
      ArrowUp: [r - 1, c],
      ArrowDown: [r + 1, c],
      Enter: e.shiftKey ? [r - 1, c] : [r + 1, c],
      ArrowLeft: whole || input.selectionStart === 0 ? [r, c - 1] : undefined,
      ArrowRight: whole || input.selectionEnd === input.value.length ? [r, c + 1] : undefined,
    };
    if (e.key === "Escape") {
      e.preventDefault();
      skipCommit.current = true;
      setDraft(null);
      setInvalid(false);
      input.blur();
      return;
    }
    const to = moves[e.key];
    if (!to) return;
    e.preventDefault();
    if (commit()) onMove(to[0], to[1]);
  };

  return (
    <td className={invalid ? "grid-num grid-cell grid-invalid" : "grid-num grid-cell"}>
      <input
        className="grid-input"
        inputMode="decimal"
        aria-label={label}
        aria-invalid={invalid}
        data-r={r}
        data-c={c}
        readOnly={readOnly}
        value={draft ?? formatAmount(value, isMoney)}
        onFocus={(e) => e.currentTarget.select()}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => {
          if (skipCommit.current) skipCommit.current = false;
          else commit();
        }}
        onPaste={(e: ClipboardEvent<HTMLInputElement>) => {
          const text = e.clipboardData.getData("text/plain");
          // A single value pastes like typing; a block from a spreadsheet fills cells from here on.
          if (!/[\t\n;]/.test(text.trim()) || readOnly) return;
          e.preventDefault();
          setDraft(null);
          onPaste(r, c, text);
        }}
      />
    </td>
  );
});
