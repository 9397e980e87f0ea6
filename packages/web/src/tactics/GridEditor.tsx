// The grid editor: the split's settings recompute the grid instantly in the browser (the core's own
// splitTargetGrid), hand edits and pasted blocks change cells, undo and redo step through both,
// and the gap to the target is always in view. Saving writes the grid as the plan's milestones.
import { useCallback, useMemo, useRef, useState } from "react";
import type { KeyboardEvent } from "react";
import { useMutation } from "@tanstack/react-query";
import type { SplitRowKind, SplitSetup, TacticalPlan, TargetSplit } from "@oars/core";
import { isApiError, request } from "../api/client";
import { errorMessage } from "../api/errors";
import { useToast } from "../ui/Toast";
import { formatDate } from "../ui/format";
import {
  cellKey,
  computeGrid,
  formatAmount,
  gridPeriods,
  initialSettings,
  saveBody,
  totalsOf,
  type Computed,
  type GridSettings,
  type RampCurve,
} from "./gridModel";
import { CommitmentsPanel } from "./CommitmentsPanel";
import { GridSettingsBar } from "./GridSettingsBar";
import { RampCurveDialog } from "./RampCurveDialog";
import { RampNote } from "./RampNote";
import { useRefreshTactics } from "./queries";
import { SplitGrid } from "./SplitGrid";
import { useGridHistory } from "./useGridHistory";

interface GridEditorProps {
  plan: TacticalPlan;
  setup: SplitSetup;
  rowKinds: Record<SplitRowKind, string>;
  onRowKind: (kind: SplitRowKind) => void;
}

export function GridEditor({ plan, setup, rowKinds, onRowKind }: GridEditorProps) {
  const notify = useToast();
  const refresh = useRefreshTactics();
  const ratio = setup.objective.metricKind === "ratio";
  const isMoney = setup.objective.unit === setup.currency;
  const readOnly = !plan.canEdit;
  const [settings, setSettings] = useState<GridSettings>(() => {
    const s = initialSettings(setup);
    return ratio ? { ...s, grain: "whole" } : s;
  });
  const periods = useMemo(() => gridPeriods(setup, settings.grain), [setup, settings.grain]);
  const rows = setup.rows;
  const [problem, setProblem] = useState<string | null>(null);

  const compute = useCallback(
    (s: GridSettings): Computed => {
      if (ratio)
        return {
          cells: new Map(
            rows.map((r) => [cellKey(r.id, gridPeriods(setup, "whole")[0]?.key ?? ""), setup.total ?? 0]),
          ),
          heldBackByRamp: 0,
        };
      return computeGrid(setup, rows, gridPeriods(setup, s.grain), s);
    },
    [ratio, rows, setup],
  );
  const initial = useMemo(() => {
    const saved = setup.saved;
    let computed: Computed = { cells: new Map<string, number>(), heldBackByRamp: 0 };
    try {
      computed = compute(settings);
    } catch {
      // A rule the core refuses: the grid starts empty (or as saved) and the settings show it on change.
    }
    if (saved && saved.settings.grain === settings.grain)
      return {
        cells: new Map(saved.grid.cells.map((c) => [cellKey(c.rowId, c.periodKey), c.amount])),
        hand: saved.handEdited,
        heldBack: computed.heldBackByRamp,
      };
    return { cells: computed.cells, hand: false, heldBack: computed.heldBackByRamp };
    // Only the first render's settings seed the grid; later changes recompute through `change`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const grid = useGridHistory(initial.cells, initial.hand);
  // What the ramps hold back under the current settings: computed with the grid, never per edit.
  const [heldBack, setHeldBack] = useState(initial.heldBack);

  /** New settings recompute the grid — one undo step; a rule the core refuses is shown, not thrown. */
  const change = (patch: Partial<GridSettings>) => {
    const next = { ...settings, ...patch };
    setSettings(next);
    try {
      const computed = compute(next);
      grid.push(computed.cells, false);
      setHeldBack(computed.heldBackByRamp);
      setProblem(null);
    } catch (e) {
      setProblem(errorMessage(e));
    }
  };

  const totals = useMemo(() => totalsOf(rows, periods, grid.cells), [rows, periods, grid.cells]);
  const [rampRowId, setRampRowId] = useState<string | null>(null);
  const rampRow = rampRowId === null ? undefined : rows.find((r) => r.id === rampRowId);
  const total = setup.total ?? 0;
  const target = setup.parent?.target ?? setup.objective.target ?? total;
  const headroom = Math.round((total * settings.headroomPct) / 100);
  const gap = ratio ? 0 : target + headroom - totals.grand;

  const save = useMutation({
    mutationFn: () =>
      request<TargetSplit>("PUT", `/api/v1/tactical-plans/${plan.id}/splits`, {
        body: saveBody(setup, rows, periods, settings, grid.cells, grid.handEdited || ratio),
      }),
    onSuccess: (split) => {
      notify(`Saved ${split.milestoneCount} milestones.`, "info");
      refresh();
    },
    onError: (e) => {
      setProblem(errorMessage(e));
      if (isApiError(e) && e.status === 409) refresh();
    },
  });

  const root = useRef<HTMLDivElement>(null);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const mod = e.ctrlKey || e.metaKey;
    if (!mod) return;
    if (e.key.toLowerCase() === "z" && !e.shiftKey) {
      e.preventDefault();
      grid.undo();
    } else if (e.key.toLowerCase() === "y" || (e.key.toLowerCase() === "z" && e.shiftKey)) {
      e.preventDefault();
      grid.redo();
    }
  };
  // Stable handlers: the grid's rows re-render only when their own cells change.
  const changeRef = useRef(change);
  changeRef.current = change;
  const settingsRef = useRef(settings);
  settingsRef.current = settings;
  const onUseAgreed = useCallback(
    (overrides: Record<string, number>) => changeRef.current({ overrides }),
    [],
  );
  const onRamp = useCallback((rowId: string, ramp: RampCurve | null) => {
    const { [rowId]: _old, ...rest } = settingsRef.current.ramps;
    changeRef.current({ ramps: ramp ? { ...rest, [rowId]: ramp } : rest });
  }, []);
  const { edit } = grid;
  const onEdit = useCallback(
    (updates: readonly (readonly [string, number])[]) => {
      setProblem(null);
      edit(updates);
    },
    [edit],
  );

  return (
    <div className="grid-editor" ref={root} onKeyDown={onKeyDown}>
      <p className="muted small">
        Splitting {formatAmount(total, isMoney)} {isMoney ? setup.currency : setup.objective.unit} of “
        {setup.objective.title}”
        {setup.parent ? ` (${setup.parent.ownerName}'s part for ${setup.parent.periodKey})` : ""} from{" "}
        {formatDate(setup.start)} to {formatDate(setup.end)}.
      </p>
      {ratio ? (
        <p className="notice">
          A ratio target (win rate, deal size) is set per owner, never divided: type each row's target.
        </p>
      ) : (
        <GridSettingsBar
          setup={setup}
          settings={settings}
          rowKinds={rowKinds}
          readOnly={readOnly}
          onRowKind={onRowKind}
          onChange={change}
        />
      )}

      <div
        className={gap === 0 ? "gap-bar gap-zero" : "gap-bar gap-off"}
        data-testid="gap-bar"
        aria-live="polite"
      >
        <span>
          Target <strong>{formatAmount(target, isMoney)}</strong>
          {headroom > 0 ? ` + ${formatAmount(headroom, isMoney)} headroom` : ""}
        </span>
        <span>
          Assigned <strong>{formatAmount(totals.grand, isMoney)}</strong>
        </span>
        <span>
          Gap <strong data-testid="gap-value">{formatAmount(gap, isMoney)}</strong>
        </span>
        {grid.handEdited ? <span className="tag tag-warn">Edited by hand</span> : null}
        {Object.keys(settings.overrides).length > 0 ? (
          <span className="tag tag-accent">
            {Object.keys(settings.overrides).length} rows at their agreed numbers{" "}
            <button
              type="button"
              className="link-button"
              disabled={readOnly}
              onClick={() => change({ overrides: {} })}
            >
              clear
            </button>
          </span>
        ) : null}
        <span className="gap-actions">
          <button
            type="button"
            className="button button-small"
            disabled={!grid.canUndo}
            onClick={grid.undo}
            aria-keyshortcuts="Control+Z"
          >
            Undo
          </button>
          <button
            type="button"
            className="button button-small"
            disabled={!grid.canRedo}
            onClick={grid.redo}
            aria-keyshortcuts="Control+Y"
          >
            Redo
          </button>
          {!ratio ? (
            <button
              type="button"
              className="button button-small"
              disabled={readOnly || !grid.handEdited}
              onClick={() => change({})}
            >
              Recompute
            </button>
          ) : null}
          {!readOnly ? (
            <button
              type="button"
              className="button button-small button-primary"
              data-testid="save-grid"
              disabled={save.isPending}
              onClick={() => save.mutate()}
            >
              {save.isPending ? "Saving…" : setup.saved ? "Save changes" : "Save milestones"}
            </button>
          ) : null}
        </span>
      </div>
      {heldBack > 0 ? (
        <RampNote
          heldBack={heldBack}
          mode={settings.rampMode}
          isMoney={isMoney}
          ramped={rows.filter((r) => settings.ramps[r.id]).map((r) => r.label)}
          readOnly={readOnly}
          onMode={(rampMode) => change({ rampMode })}
        />
      ) : null}
      {problem ? (
        <p className="notice notice-error" role="alert">
          {problem}
        </p>
      ) : null}
      <SplitGrid
        rows={rows}
        periods={periods}
        cells={grid.cells}
        totals={totals}
        isMoney={isMoney}
        readOnly={readOnly}
        ramps={setup.rowKind === "person" && !ratio ? settings.ramps : null}
        onRamp={onRamp}
        onEditRamp={setRampRowId}
        onEdit={onEdit}
      />
      {rampRow ? (
        <RampCurveDialog
          row={rampRow}
          curve={settings.ramps[rampRow.id]}
          onClose={() => setRampRowId(null)}
          onSave={(curve) => {
            onRamp(rampRow.id, curve);
            setRampRowId(null);
          }}
        />
      ) : null}
      <p className="muted small">
        Type into any cell; arrows, Enter and Tab move; paste a block copied from a spreadsheet; Ctrl+Z
        undoes.
      </p>
      {!ratio ? (
        <CommitmentsPanel
          plan={plan}
          objectiveId={setup.objective.id}
          rows={rows}
          isMoney={isMoney}
          unit={isMoney ? setup.currency : setup.objective.unit}
          onUseAgreed={onUseAgreed}
        />
      ) : null}
    </div>
  );
}
