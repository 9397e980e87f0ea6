// How a split is shaped: what the rows are, the columns, the weighting over rows, the shape over
// time (working days or learned seasonality), what ramps hold back, and headroom.
import type { SplitGrain, SplitRowKind, SplitSetup, SplitWeighting } from "@oars/core";
import type { GridSettings } from "./gridModel";

const WEIGHTINGS: Record<SplitWeighting, string> = {
  equal: "Equally",
  capacity: "By capacity",
  potential: "By account potential",
  lastShare: "By last period's share",
};
const GRAINS: Record<SplitGrain, string> = {
  week: "Weeks",
  month: "Months",
  quarter: "Quarters",
  whole: "Whole range",
};

interface Props {
  setup: SplitSetup;
  settings: GridSettings;
  rowKinds: Record<SplitRowKind, string>;
  readOnly: boolean;
  onRowKind: (kind: SplitRowKind) => void;
  onChange: (patch: Partial<GridSettings>) => void;
}

export function GridSettingsBar({ setup, settings, rowKinds, readOnly, onRowKind, onChange }: Props) {
  return (
    <div className="toolbar grid-settings" aria-label="How to split">
      <label className="field-inline">
        <span>Rows</span>
        <select
          className="input input-small"
          value={setup.rowKind}
          disabled={readOnly}
          onChange={(e) => onRowKind(e.target.value as SplitRowKind)}
        >
          {(Object.keys(rowKinds) as SplitRowKind[]).map((k) => (
            <option key={k} value={k}>
              {rowKinds[k]}
            </option>
          ))}
        </select>
      </label>
      <label className="field-inline">
        <span>Columns</span>
        <select
          className="input input-small"
          data-testid="grain-select"
          value={settings.grain}
          disabled={readOnly}
          onChange={(e) => onChange({ grain: e.target.value as SplitGrain })}
        >
          {(Object.keys(GRAINS) as SplitGrain[]).map((g) => (
            <option key={g} value={g}>
              {GRAINS[g]}
            </option>
          ))}
        </select>
      </label>
      <label className="field-inline">
        <span>Over rows</span>
        <select
          className="input input-small"
          value={settings.weighting}
          disabled={readOnly}
          onChange={(e) => onChange({ weighting: e.target.value as SplitWeighting })}
        >
          {(Object.keys(WEIGHTINGS) as SplitWeighting[]).map((w) => (
            <option key={w} value={w}>
              {WEIGHTINGS[w]}
            </option>
          ))}
        </select>
      </label>
      <label className="field-inline">
        <span>Over time</span>
        <select
          className="input input-small"
          value={settings.season}
          disabled={readOnly}
          onChange={(e) => onChange({ season: e.target.value as "even" | "learned" })}
        >
          <option value="even">By working days</option>
          <option value="learned">
            Seasonal (
            {setup.seasonality.source === "history"
              ? `${setup.seasonality.yearsOfHistory.toFixed(1)} years of history`
              : "no history yet"}
            )
          </option>
        </select>
      </label>
      <label className="field-inline">
        <span>Ramps</span>
        <select
          className="input input-small"
          value={settings.rampMode}
          disabled={readOnly}
          onChange={(e) => onChange({ rampMode: e.target.value as GridSettings["rampMode"] })}
        >
          <option value="redistribute">Others carry it</option>
          <option value="acceptGap">Accept a gap</option>
        </select>
      </label>
      <label className="field-inline">
        <span>Headroom %</span>
        <input
          className="input input-small grid-headroom"
          type="number"
          min={0}
          max={100}
          value={settings.headroomPct}
          disabled={readOnly}
          onChange={(e) => onChange({ headroomPct: Math.max(0, Number(e.target.value) || 0) })}
        />
      </label>
    </div>
  );
}
