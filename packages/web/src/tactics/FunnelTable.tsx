// The funnel's two halves of a comparison: one what-if scenario's inputs, and the table of what the
// plan and each scenario ask for — per period and per person per week.
import { ceilCount, type compareScenarios } from "@oars/core";

export interface Variant {
  name: string;
  conversion: Record<string, string>;
  dealSize: string;
  people: string;
}

const num = (x: number) => x.toLocaleString(undefined, { maximumFractionDigits: 1 });

export function ScenarioEditor(props: {
  variant: Variant;
  stages: string[];
  currency: string;
  onChange: (patch: Partial<Variant>) => void;
  onRemove: () => void;
  onApply: (() => void) | null;
}) {
  const { variant: v, onChange } = props;
  return (
    <fieldset className="scenario" aria-label={v.name}>
      <input
        className="input input-small scenario-name"
        aria-label="Scenario name"
        value={v.name}
        onChange={(e) => onChange({ name: e.target.value })}
      />
      {props.stages.map((stage) => (
        <label key={stage} className="scenario-field">
          <span>{stage} %</span>
          <input
            className="input input-small"
            inputMode="decimal"
            value={v.conversion[stage] ?? ""}
            onChange={(e) => onChange({ conversion: { ...v.conversion, [stage]: e.target.value } })}
          />
        </label>
      ))}
      <label className="scenario-field">
        <span>Deal size ({props.currency})</span>
        <input
          className="input input-small"
          inputMode="decimal"
          value={v.dealSize}
          onChange={(e) => onChange({ dealSize: e.target.value })}
        />
      </label>
      <label className="scenario-field">
        <span>People</span>
        <input
          className="input input-small"
          inputMode="numeric"
          value={v.people}
          onChange={(e) => onChange({ people: e.target.value })}
        />
      </label>
      <div className="scenario-actions">
        {props.onApply ? (
          <button type="button" className="button button-small" onClick={props.onApply}>
            Apply to the plan
          </button>
        ) : null}
        <button type="button" className="link-button small" onClick={props.onRemove}>
          Remove
        </button>
      </div>
    </fieldset>
  );
}

interface FunnelTableProps {
  labels: ReadonlyMap<string, string>;
  result: ReturnType<typeof compareScenarios>;
}

export function FunnelTable({ labels, result }: FunnelTableProps) {
  return (
    <div className="table-wrap">
      <table className="table funnel-table" data-testid="funnel-table">
        <thead>
          <tr>
            <th>Step</th>
            <th className="grid-num">Needed</th>
            <th className="grid-num">Per person a week</th>
            {result.base.steps[0]?.perPeriod.map((p) => (
              <th key={p.periodKey} className="grid-num">
                {labels.get(p.periodKey) ?? p.periodKey}
              </th>
            ))}
            {result.variants.map((v, i) => (
              <th key={i} className="grid-num funnel-variant">
                {v.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {result.base.steps.map((s) => (
            <tr key={`${s.kind}${s.name}`}>
              <td data-label="Step" className={s.kind === "won" ? "strong" : undefined}>
                {s.kind === "won" ? "Deals won" : s.name}
              </td>
              <td data-label="Needed" className="grid-num strong">
                {s.needed.toLocaleString()}
              </td>
              <td data-label="Per person a week" className="grid-num">
                <span className="strong">{ceilCount(s.perPersonPerWeek)}</span>{" "}
                <span className="muted small">({num(s.perPersonPerWeek)})</span>
              </td>
              {s.perPeriod.map((p) => (
                <td
                  key={p.periodKey}
                  data-label={labels.get(p.periodKey) ?? p.periodKey}
                  className="grid-num"
                >
                  {p.needed.toLocaleString()}
                </td>
              ))}
              {result.variants.map((v, i) => {
                const d = v.deltas.find((x) => x.name === s.name && x.kind === s.kind);
                return (
                  <td key={i} data-label={v.name} className="grid-num funnel-variant">
                    {d?.variant?.toLocaleString() ?? "—"}{" "}
                    <span className={d && d.delta > 0 ? "delta-up" : "delta-down"}>
                      {d && d.delta !== 0 ? `${d.delta > 0 ? "+" : ""}${d.delta}` : ""}
                    </span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
