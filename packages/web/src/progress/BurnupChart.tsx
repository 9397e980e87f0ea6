// Burn-up: cumulative target (the milestone schedule, so the pace line follows seasonality) against
// cumulative actual, with the forecast for the end of the window and, for pipeline forecasts, a cone
// from the commit-only floor to the ceiling where every open deal closes.
import { useMemo } from "react";
import type { ObjectiveProgress } from "@oars/core";
import { useProgressChart, type ProgressChartOption } from "./charts";
import { compact, figure } from "./format";

export function BurnupChart({ progress: p }: { progress: ObjectiveProgress }) {
  const option = useMemo<ProgressChartOption | null>(() => {
    if (p.burnup.length === 0) return null;
    // The current period's actual stands at today, not at the period's end: a point of its own, on
    // the pace line's expected-by-now, from which the forecast and its cone run to the end.
    const points: { label: string; target: number | null; actual: number | null }[] = [
      { label: p.windowStart, target: 0, actual: 0 },
    ];
    for (const b of p.burnup) {
      if (b.actual !== null && b.periodEnd > p.today) {
        points.push({ label: p.today, target: p.expected, actual: b.actual });
        points.push({ label: b.periodEnd, target: b.target, actual: null });
      } else points.push({ label: b.periodEnd, target: b.target, actual: b.actual });
    }
    const labels = points.map((x) => x.label);
    const forecast = p.forecast?.forecast ?? null;
    const actuals = points.map((x) => x.actual);
    const lastActual = actuals.reduce<number>((last, v, i) => (v === null ? last : i), -1);
    const cats = p.forecast?.byCategory;
    const cone =
      cats && p.actual !== null
        ? {
            low: p.actual + cats.commit.totalMinor,
            high: p.actual + cats.commit.openMinor + cats.best_case.openMinor + cats.pipeline.openMinor,
          }
        : null;
    return {
      tooltip: { trigger: "axis", valueFormatter: (v) => figure(typeof v === "number" ? v : null, p) },
      legend: { bottom: 0 },
      grid: { left: 60, right: 20, top: 20, bottom: 80 },
      xAxis: { type: "category", data: labels },
      yAxis: { type: "value", axisLabel: { formatter: (v: number) => compact(v, p.unit) } },
      series: [
        {
          name: "Target (pace line)",
          type: "line",
          data: points.map((x) => x.target),
          connectNulls: true,
        },
        {
          name: "Actual",
          type: "line",
          data: actuals,
          areaStyle: { opacity: 0.15 },
        },
        ...(forecast !== null && lastActual >= 0
          ? [
              {
                name: "Forecast",
                type: "line" as const,
                lineStyle: { type: "dashed" as const },
                data: labels.map((_, i) =>
                  i === labels.length - 1 ? forecast : i === lastActual ? actuals[lastActual] : null,
                ),
                connectNulls: true,
              },
            ]
          : []),
        // The cone: from where the actual stands to the commit-only floor and the everything-closes
        // ceiling at the window's end (pipeline forecasts only).
        ...(cone && lastActual >= 0
          ? [
              {
                name: "Forecast range",
                type: "line" as const,
                stack: "cone",
                symbol: "none",
                lineStyle: { opacity: 0 },
                data: labels.map((_, i) =>
                  i === labels.length - 1 ? cone.low : i === lastActual ? actuals[lastActual] : null,
                ),
                connectNulls: true,
                tooltip: { show: false },
              },
              {
                name: "Forecast range",
                type: "line" as const,
                stack: "cone",
                symbol: "none",
                lineStyle: { opacity: 0 },
                areaStyle: { opacity: 0.18 },
                data: labels.map((_, i) =>
                  i === labels.length - 1 ? cone.high - cone.low : i === lastActual ? 0 : null,
                ),
                connectNulls: true,
                tooltip: { show: false },
              },
            ]
          : []),
      ],
    };
  }, [p]);
  const ref = useProgressChart(option);
  if (!option) return null;
  return <div ref={ref} className="progress-chart" role="img" aria-label={`Burn-up of ${p.title}`} />;
}
