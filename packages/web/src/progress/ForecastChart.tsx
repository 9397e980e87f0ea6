// Forecast against target for this period's goals: for each, the target, what is won so far and
// where the forecast lands (weighted pipeline or run rate); a click opens the goal.
import { useMemo } from "react";
import { useNavigate } from "@tanstack/react-router";
import type { MilestoneProgress } from "@oars/core";
import { useProgressChart, type ProgressChartOption } from "./charts";
import { compact, figure } from "./format";

export function ForecastChart({ goals }: { goals: MilestoneProgress[] }) {
  const navigate = useNavigate();
  const shown = goals.filter((g) => g.computed && g.unit === "money");
  const option = useMemo<ProgressChartOption | null>(() => {
    const first = shown[0];
    if (!first) return null;
    const names = shown.map((g) => g.ownerName);
    return {
      tooltip: { trigger: "axis", valueFormatter: (v) => figure(typeof v === "number" ? v : null, first) },
      legend: { bottom: 0 },
      grid: { left: 60, right: 16, top: 16, bottom: 56 },
      xAxis: { type: "category", data: names },
      yAxis: { type: "value", axisLabel: { formatter: (v: number) => compact(v, "money") } },
      series: [
        { name: "Target", type: "bar", data: shown.map((g) => g.target) },
        { name: "Won", type: "bar", data: shown.map((g) => g.actual) },
        { name: "Forecast", type: "bar", data: shown.map((g) => g.forecast?.forecast ?? null) },
      ],
    };
  }, [shown]);
  const ref = useProgressChart(option, (name) => {
    const g = shown.find((x) => x.ownerName === name);
    if (g) void navigate({ to: "/milestones/$milestoneId/progress", params: { milestoneId: g.milestoneId } });
  });
  if (!option) return <p className="muted small">No revenue goal for this period yet.</p>;
  return (
    <div
      ref={ref}
      className="progress-chart"
      role="img"
      aria-label={`Forecast against target: ${shown
        .map((g) => `${g.ownerName} ${figure(g.forecast?.forecast ?? null, g)} of ${figure(g.target, g)}`)
        .join("; ")}`}
    />
  );
}
