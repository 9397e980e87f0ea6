// Progress figures in words: money in the org's currency, percents, status labels.
import { formatMetricValue, type ObjectiveProgress } from "@oars/core";

export const STATUS_LABELS = { on_track: "On track", at_risk: "At risk", off_track: "Off track" } as const;

export function figure(value: number | null, p: Pick<ObjectiveProgress, "unit" | "currency">): string {
  if (value === null) return "—";
  return formatMetricValue(value, p.unit ?? "count", { currency: p.currency });
}

export function money(minor: number, currency: string): string {
  return formatMetricValue(minor, "money", { currency });
}

export const pct = (share: number | null) => (share === null ? "—" : `${Math.round(share * 100)}%`);

/** Axis labels: money in major units, short ("950", "120k", "1.2M"); other values as they are. */
export function compact(value: number, unit: ObjectiveProgress["unit"]): string {
  if (unit !== "money") return value.toLocaleString("en", { maximumFractionDigits: 1 });
  const major = value / 100;
  const short = (n: number, suffix: string) =>
    `${n.toLocaleString("en", { maximumFractionDigits: 1 })}${suffix}`;
  if (Math.abs(major) >= 1_000_000) return short(major / 1_000_000, "M");
  if (Math.abs(major) >= 1000) return short(Math.round(major / 1000), "k");
  return String(Math.round(major));
}
