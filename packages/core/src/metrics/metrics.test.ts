import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { METRIC_KEYS, METRICS, isMetricKey, metricByKey } from "./catalogue";
import { formatMetricValue } from "./format";
import { MetricRef } from "./ref";

describe("metric catalogue", () => {
  it("describes every key exactly once", () => {
    expect(METRICS.map((m) => m.key)).toEqual([...METRIC_KEYS]);
    for (const m of METRICS) {
      expect(m.label.length).toBeGreaterThan(0);
      expect(m.description.length).toBeGreaterThan(20);
      expect(metricByKey(m.key)).toBe(m);
    }
  });

  it("knows the shape of the metrics the plan checks and pace rely on", () => {
    expect(metricByKey("revenue_won")).toMatchObject({ unit: "money", kind: "additive", growth: "up" });
    expect(metricByKey("win_rate")).toMatchObject({ unit: "percent", kind: "ratio" });
    expect(metricByKey("sales_cycle_length")).toMatchObject({ unit: "days", kind: "ratio", growth: "down" });
    expect(metricByKey("manual")).toMatchObject({ ownUnit: true, kind: "additive" });
    expect(METRICS.filter((m) => m.ownUnit).map((m) => m.key)).toEqual(["manual"]);
  });

  it("forecasts won money from the pipeline, other additive metrics from their rate, ratios not at all", () => {
    for (const m of METRICS) {
      if (m.kind === "ratio") expect(m.forecast).toBe("none");
      else
        expect(m.forecast).toBe(
          m.key === "revenue_won" || m.key === "revenue_retained" ? "pipeline" : "run_rate",
        );
    }
  });

  it("writes values in their unit, money from minor units", () => {
    expect(formatMetricValue(1_250_00, "money", { currency: "EUR" })).toBe("EUR 1,250.00");
    expect(formatMetricValue(1_250, "money", { currency: "JPY" })).toBe("JPY 1,250");
    expect(formatMetricValue(12.34, "percent")).toBe("12.3%");
    expect(formatMetricValue(45, "days")).toBe("45 days");
    expect(formatMetricValue(12, "count", { unitLabel: "meetings" })).toBe("12 meetings");
  });

  it("answers undefined for an unknown key", () => {
    expect(metricByKey("revenue_lost")).toBeUndefined();
    expect(isMetricKey("revenue_lost")).toBe(false);
    expect(isMetricKey("deals_won")).toBe(true);
  });
});

describe("MetricRef", () => {
  it("accepts a key with allowed narrowings", () => {
    const ref = MetricRef.parse({
      key: "revenue_won",
      filters: { segment: "Enterprise", businessType: "new" },
    });
    expect(ref).toEqual({ key: "revenue_won", filters: { segment: "Enterprise", businessType: "new" } });
  });

  it("refuses an unknown key with a message naming metric.key", () => {
    const result = MetricRef.safeParse({ key: "revenue_lost" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain("metric.key");
    expect(result.error?.issues[0]?.path).toEqual(["key"]);
  });

  it("refuses any string that is not a catalogue key", () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !isMetricKey(s)),
        (key) => {
          const result = MetricRef.safeParse({ key });
          expect(result.success).toBe(false);
          expect(result.error?.issues[0]?.message).toContain("metric.key");
        },
      ),
    );
  });

  it("wants an own unit for manual metrics and none for the others", () => {
    expect(MetricRef.safeParse({ key: "manual", unit: "training modules completed" }).success).toBe(true);
    const missing = MetricRef.safeParse({ key: "manual" });
    expect(missing.error?.issues[0]?.path).toEqual(["unit"]);
    const extra = MetricRef.safeParse({ key: "deals_won", unit: "deals" });
    expect(extra.error?.issues[0]?.message).toContain("metric.unit");
  });

  it("refuses a narrowing the metric does not allow, and unknown narrowings", () => {
    const bad = MetricRef.safeParse({ key: "meetings_held", filters: { product: "Widgets" } });
    expect(bad.error?.issues[0]?.path).toEqual(["filters", "product"]);
    expect(MetricRef.safeParse({ key: "revenue_won", filters: { colour: "red" } }).success).toBe(false);
    expect(MetricRef.safeParse({ key: "revenue_won", filters: { businessType: "old" } }).success).toBe(false);
  });
});
