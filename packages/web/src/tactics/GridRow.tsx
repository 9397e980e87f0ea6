// One row of the segmentation grid and its cells. A row re-renders only when one of its own cells,
// its total or its ramp changed; a cell commits on Enter, Tab, an arrow or leaving it, reverts on
// Escape, and hands a pasted block to the grid.
import { memo, useEffect, useRef, useState } from "react";
import type { ClipboardEvent, KeyboardEvent } from "react";
import type { GridRow, Period } from "@oars/core";
import {
  cellKey,
  formatAmount,
  parseAmount,
  rampCurveOfPreset,
  rampPercentages,
  rampPresetOf,
  type Cells,
  type RampCurve,
  type RampPreset,
} from "./gridModel";

interface GridRowProps {
  row: GridRow;
  r: number;
  periods: readonly Period[];
  cells: Cells;
  total: number;
  isMoney: boolean;
  readOnly: boolean;
  /** Whether the ramp column shows (rows of people); `ramp` is this row's curve, if any. */
  rampColumn: boolean;
  ramp: RampCurve | undefined;
  onRamp: (rowId: string, ramp: RampCurve | null) => void;
  /** Opens the month-by-month editor of this row's curve. */
  onEditRamp: (rowId: string) => void;
  onEdit: (updates: readonly (readonly [string, number])[]) => void;
  onMove: (r: number, c: number) => void;
  onPaste: (r: number, c: number, text: string) => void;
}

/** Re-renders only when something of its own row changed: an edit touches one row of 200. */
function sameRow(a: GridRowProps, b: GridRowProps): boolean {
  if (
    a.row !== b.row ||
    a.r !== b.r ||
    a.periods !== b.periods ||
    a.total !== b.total ||
    a.ramp !== b.ramp ||
    a.rampColumn !== b.rampColumn ||
    a.onEditRamp !== b.onEditRamp ||
    a.readOnly !== b.readOnly ||
    a.isMoney !== b.isMoney ||
    a.onRamp !== b.onRamp ||
    a.onEdit !== b.onEdit ||
    a.onPaste !== b.onPaste
  )
    return false;
  return a.periods.every(
    (p) => a.cells.get(cellKey(a.row.id, p.key)) === b.cells.get(cellKey(b.row.id, p.key)),
  );
}

export const GridRowView = memo(function GridRowView(props: GridRowProps) {
  const { row, r, periods, cells, isMoney, readOnly, ramp } = props;
  const preset = rampPresetOf(ramp);
  return (
    <tr data-row={row.label} aria-rowindex={r + 2}>
      <th scope="row" className="grid-row-head">
        <span className="grid-row-label">{row.label}</span>
        {row.isNew ? <span className="tag tag-accent">new</span> : null}
      </th>
      {props.rampColumn ? (
        <td className="grid-ramp">
          <span className="grid-ramp-pick">
            <select
              className="input input-small"
              aria-label={`Ramp for ${row.label}`}
              title={ramp ? rampPercentages(ramp) : "A full target from the start"}
              value={preset}
              disabled={readOnly || row.hireDate === null}
              onChange={(e) => {
                const choice = e.target.value as RampPreset | "custom";
                if (choice === "custom") props.onEditRamp(row.id);
                else props.onRamp(row.id, rampCurveOfPreset(choice));
              }}
            >
              <option value="none">Full target</option>
              <option value="standard">5-month ramp</option>
              <option value="enterprise">8-month ramp</option>
              <option value="custom">{preset === "custom" ? "Custom" : "Custom…"}</option>
            </select>
            {row.hireDate !== null && !readOnly ? (
              <button
                type="button"
                className="icon-button grid-ramp-edit"
                aria-label={`Edit the ramp curve of ${row.label}`}
                title="Edit month by month"
                onClick={() => props.onEditRamp(row.id)}
              >
                <span aria-hidden="true">✎</span>
              </button>
            ) : null}
          </span>
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
          onCommit={props.onEdit}
          onMove={props.onMove}
          onPaste={props.onPaste}
        />
      ))}
      <td className="grid-num grid-total" data-testid={`row-total-${r}`}>
        {formatAmount(props.total, isMoney)}
      </td>
    </tr>
  );
}, sameRow);

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
const GridCell = memo(function GridCell({
  r,
  c,
  cellId,
  value,
  label,
  isMoney,
  readOnly,
  onCommit,
  onMove,
  onPaste,
}: GridCellProps) {
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
