// Burn-up: cumulative target (the milestone schedule, so the pace line follows seasonality) against
// cumulative actual, with the forecast for the end of the window.
import { useMemo } from "react";
import type { ObjectiveProgress } from "@oars/core";
import { useProgressChart, type ProgressChartOption } from "./charts";
import { compact, figure } from "./format";

export function BurnupChart({ progress: p }: { progress: ObjectiveProgress }) {
  const option = useMemo<ProgressChartOption | null>(() => {
    if (p.burnup.length === 0) return null;
    const labels = [p.windowStart, ...p.burnup.map((b) => b.periodEnd)];
    const forecast = p.forecast?.forecast ?? null;
    return {
      tooltip: { trigger: "axis", valueFormatter: (v) => figure(typeof v === "number" ? v : null, p) },
      legend: { bottom: 0 },
      grid: { left: 60, right: 20, top: 20, bottom: 80 },
      xAxis: { type: "category", data: labels },
      yAxis: { type: "value", axisLabel: { formatter: (v: number) => compact(v, p.unit) } },
      series: [
        { name: "Target (pace line)", type: "line", data: [0, ...p.burnup.map((b) => b.target)] },
        {
          name: "Actual",
          type: "line",
          data: [0, ...p.burnup.map((b) => b.actual)],
          areaStyle: { opacity: 0.15 },
        },
        ...(forecast !== null
          ? [
              {
                name: "Forecast",
                type: "line" as const,
                lineStyle: { type: "dashed" as const },
                data: labels.map((_, i) => (i === labels.length - 1 ? forecast : null)),
                connectNulls: true,
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
