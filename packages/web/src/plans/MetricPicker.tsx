// Choosing what an objective measures: a metric of the catalogue (what counts, which date places
// it), narrowed by segment, product, region, tier or new vs existing business where it allows, or
// a manual metric with its own unit.
import { METRICS, metricByKey } from "@oars/core";
import type { MetricKey, MetricRef } from "@oars/core";

const NARROWING_LABELS = {
  segment: "Segment",
  product: "Product",
  region: "Region",
  tier: "Account tier",
  businessType: "New or existing business",
} as const;

interface Props {
  id: string;
  value: MetricRef | null;
  onChange: (value: MetricRef | null) => void;
  error?: string;
}

export function MetricPicker({ id, value, onChange, error }: Props) {
  const metric = value ? metricByKey(value.key) : undefined;
  const setFilter = (name: keyof typeof NARROWING_LABELS, v: string) => {
    if (!value) return;
    const filters = { ...value.filters, [name]: v || undefined };
    const kept = Object.fromEntries(Object.entries(filters).filter(([, x]) => x !== undefined));
    onChange({ ...value, filters: Object.keys(kept).length > 0 ? kept : undefined });
  };
  return (
    <div className="metric-picker">
      <select
        id={id}
        className="input"
        aria-invalid={Boolean(error)}
        value={value?.key ?? ""}
        onChange={(e) => {
          const key = e.target.value as MetricKey | "";
          if (!key) return onChange(null);
          onChange(metricByKey(key).ownUnit ? { key, unit: value?.unit ?? "" } : { key });
        }}
      >
        <option value="">No metric yet</option>
        <optgroup label="Computed from sales data">
          {METRICS.filter((m) => !m.ownUnit).map((m) => (
            <option key={m.key} value={m.key}>
              {m.label} ({m.kind === "ratio" ? "ratio" : m.unit === "money" ? "money" : "count"})
            </option>
          ))}
        </optgroup>
        <optgroup label="Reported by check-in">
          <option value="manual">Manual metric, with its own unit</option>
        </optgroup>
      </select>
      {metric ? (
        <p className="field-hint">
          {metric.description}
          {metric.kind === "ratio"
            ? " A ratio is computed over the owner's scope; it is never split or summed."
            : null}
        </p>
      ) : null}
      {metric?.ownUnit && value ? (
        <label className="field">
          <span className="label">What is counted</span>
          <input
            className="input"
            placeholder="e.g. training modules completed"
            value={value.unit ?? ""}
            maxLength={60}
            onChange={(e) => onChange({ ...value, unit: e.target.value })}
          />
        </label>
      ) : null}
      {metric && value && metric.narrowings.length > 0 ? (
        <details
          className="narrowings"
          open={Boolean(value.filters && Object.keys(value.filters).length > 0)}
        >
          <summary>Narrow the metric</summary>
          <div className="field-row">
            {metric.narrowings.map((n) =>
              n === "businessType" ? (
                <label key={n} className="field">
                  <span className="label">{NARROWING_LABELS[n]}</span>
                  <select
                    className="input"
                    value={value.filters?.businessType ?? ""}
                    onChange={(e) => setFilter(n, e.target.value)}
                  >
                    <option value="">Both</option>
                    <option value="new">New business</option>
                    <option value="existing">Existing accounts</option>
                  </select>
                </label>
              ) : (
                <label key={n} className="field">
                  <span className="label">{NARROWING_LABELS[n]}</span>
                  <input
                    className="input"
                    value={value.filters?.[n] ?? ""}
                    maxLength={100}
                    onChange={(e) => setFilter(n, e.target.value)}
                  />
                </label>
              ),
            )}
          </div>
        </details>
      ) : null}
      {error ? <p className="field-error">{error}</p> : null}
    </div>
  );
}
