// The timeline (Gantt) of a tactical plan: a bar per action from start to due, a dot per date of a
// recurring one, arrows from what an action waits for, the milestone targets per period above,
// and today's line.
import { useMemo } from "react";
import { useQuery } from "@tanstack/react-query";
import type { CustomSeriesRenderItem } from "echarts";
import type { TacticalPlan, Timeline } from "@oars/core";
import { useSession } from "../auth/session";
import { Empty, ErrorNotice, Loading } from "../ui/Status";
import { formatDate } from "../ui/format";
import { cssColor, useChart, type ChartOption } from "./chart";
import { ACTION_STATUS_LABELS } from "./labels";
import { timelineQuery } from "./queries";

const DAY = 86_400_000;

/** The height of one category row, in pixels. */
function bandHeight(api: Parameters<CustomSeriesRenderItem>[1]): number {
  const size = api.size?.([0, 1]);
  return Array.isArray(size) ? (size[1] ?? 20) : (size ?? 20);
}
const ms = (date: string) => Date.parse(`${date}T00:00:00Z`);

export function TimelineTab({ plan }: { plan: TacticalPlan }) {
  const timeline = useQuery(timelineQuery(plan.id));
  if (timeline.isPending) return <Loading />;
  if (timeline.isError) return <ErrorNotice error={timeline.error} onRetry={() => void timeline.refetch()} />;
  if (timeline.data.actions.length === 0)
    return <Empty title="Nothing on the timeline yet">Actions with dates show here.</Empty>;
  return <Gantt data={timeline.data} />;
}

function Gantt({ data }: { data: Timeline }) {
  const session = useSession();
  const currency = session.org.currency;
  const from = ms(data.periodStart);
  const to = ms(data.periodEnd) + DAY;
  const inside = data.milestones.filter(
    (m) => m.periodEnd >= data.periodStart && m.periodStart <= data.periodEnd,
  );
  const outside = data.milestones.length - inside.length;
  // On a phone the names get less room and the dots shrink, so the bars keep most of the width.
  const narrow = window.matchMedia("(max-width: 700px)").matches;
  const option = useMemo<ChartOption>(() => {
    const colors = {
      todo: cssColor("--accent", "#4f46e5"),
      doing: cssColor("--warn", "#9a5b00"),
      done: cssColor("--success", "#17804a"),
      blocked: cssColor("--danger", "#c62a2a"),
      cancelled: cssColor("--text-faint", "#8a91a0"),
      text: cssColor("--text", "#161a22"),
      muted: cssColor("--text-muted", "#5d6575"),
      line: cssColor("--border-strong", "#cdd2db"),
    };
    const rows = [...(inside.length > 0 ? ["Targets"] : []), ...data.actions.map((a) => a.title)];
    const offset = inside.length > 0 ? 1 : 0;
    const rowOf = new Map(data.actions.map((a, i) => [a.id, i + offset]));
    const bars = data.actions.flatMap((a, i) => {
      if (a.occurrences.length > 0) return [];
      const start = a.startDate ?? a.dueDate;
      const end = a.dueDate ?? a.startDate;
      if (!start || !end) return [];
      return [
        {
          value: [i + offset, ms(start), ms(end) + DAY],
          itemStyle: { color: colors[a.status] },
          name: a.title,
          status: a.status,
        },
      ];
    });
    const dots = data.actions.flatMap((a, i) =>
      a.occurrences.map((d) => ({
        value: [i + offset, ms(d)],
        itemStyle: { color: colors[a.status] },
        name: a.title,
      })),
    );
    const endOf = new Map(bars.map((b) => [b.value[0], b.value[2] ?? 0]));
    const startOf = new Map(bars.map((b) => [b.value[0], b.value[1] ?? 0]));
    // A recurring action finishes with its last date and starts with its first.
    data.actions.forEach((a, i) => {
      const first = a.occurrences[0];
      const last = a.occurrences.at(-1);
      if (first && last) {
        startOf.set(i + offset, ms(first));
        endOf.set(i + offset, ms(last) + DAY);
      }
    });
    const links = data.actions.flatMap((a) =>
      a.dependsOn.flatMap((dep) => {
        const fromRow = rowOf.get(dep);
        const toRow = rowOf.get(a.id);
        if (fromRow === undefined || toRow === undefined) return [];
        return [{ value: [fromRow, endOf.get(fromRow) ?? from, toRow, startOf.get(toRow) ?? from] }];
      }),
    );
    const targets = inside.map((m) => ({
      value: [0, Math.max(ms(m.periodStart), from), Math.min(ms(m.periodEnd) + DAY, to)],
      label: `${m.periodKey}: ${(m.target / 100).toLocaleString(undefined, { maximumFractionDigits: 0 })}`,
    }));

    const barItem: CustomSeriesRenderItem = (params, api) => {
      const row = Number(api.value(0));
      const a = api.coord([Number(api.value(1)), row]);
      const b = api.coord([Number(api.value(2)), row]);
      const h = bandHeight(api) * 0.5;
      const x = a[0] ?? 0;
      const y = (a[1] ?? 0) - h / 2;
      return {
        type: "rect",
        shape: { x, y, width: Math.max(2, (b[0] ?? 0) - x), height: h, r: 3 },
        style: api.style(),
      };
    };
    const dotItem: CustomSeriesRenderItem = (_params, api) => {
      const p = api.coord([Number(api.value(1)) + DAY / 2, Number(api.value(0))]);
      return {
        type: "circle",
        shape: { cx: p[0] ?? 0, cy: p[1] ?? 0, r: narrow ? 2.5 : 4 },
        style: api.style(),
      };
    };
    const linkItem: CustomSeriesRenderItem = (_params, api) => {
      const a = api.coord([Number(api.value(1)), Number(api.value(0))]);
      const b = api.coord([Number(api.value(3)), Number(api.value(2))]);
      const [ax = 0, ay = 0] = a;
      const [bx = 0, by = 0] = b;
      const mid = Math.max(ax + 6, bx - 6);
      return {
        type: "group",
        children: [
          {
            type: "polyline",
            shape: {
              points: [
                [ax, ay],
                [mid, ay],
                [mid, by],
                [bx, by],
              ],
            },
            style: { stroke: colors.muted, fill: "none", lineWidth: 1.2 },
          },
          {
            type: "polygon",
            shape: {
              points: [
                [bx, by],
                [bx - 6, by - 4],
                [bx - 6, by + 4],
              ],
            },
            style: { fill: colors.muted },
          },
        ],
      };
    };
    const targetItem: CustomSeriesRenderItem = (params, api) => {
      const a = api.coord([Number(api.value(1)), 0]);
      const b = api.coord([Number(api.value(2)), 0]);
      const h = bandHeight(api) * 0.6;
      const x = a[0] ?? 0;
      const label = targets[params.dataIndex]?.label ?? "";
      return {
        type: "group",
        children: [
          {
            type: "rect",
            shape: {
              x: x + 1,
              y: (a[1] ?? 0) - h / 2,
              width: Math.max(2, (b[0] ?? 0) - x - 2),
              height: h,
              r: 3,
            },
            style: { fill: "transparent", stroke: colors.line },
          },
          {
            type: "text",
            style: {
              x: x + 6,
              y: a[1] ?? 0,
              text: label,
              fill: colors.text,
              fontSize: 11,
              verticalAlign: "middle",
            },
          },
        ],
      };
    };
    return {
      animation: false,
      grid: { left: 8, right: 16, top: 28, bottom: 24, containLabel: true },
      tooltip: { trigger: "item", confine: true },
      xAxis: {
        type: "time",
        min: from,
        max: to,
        axisLabel: { color: colors.muted, hideOverlap: true },
        splitLine: { show: true, lineStyle: { color: colors.line, opacity: 0.4 } },
      },
      yAxis: {
        type: "category",
        data: rows,
        inverse: true,
        axisTick: { show: false },
        axisLabel: { color: colors.text, width: narrow ? 96 : 180, overflow: "truncate" },
      },
      series: [
        {
          type: "custom",
          name: "Actions",
          renderItem: barItem,
          encode: { x: [1, 2], y: 0 },
          data: bars,
          tooltip: { formatter: (p) => `${p.name}` },
          markLine: {
            silent: true,
            symbol: "none",
            label: { formatter: "Today", color: colors.blocked, position: "start" },
            lineStyle: { color: colors.blocked, type: "solid", width: 1.5 },
            data: [{ xAxis: ms(data.today) + DAY / 2 }],
          },
        },
        { type: "custom", name: "Recurring", renderItem: dotItem, encode: { x: 1, y: 0 }, data: dots },
        {
          type: "custom",
          name: "Waits for",
          renderItem: linkItem,
          encode: { x: [1, 3], y: [0, 2] },
          data: links,
          silent: true,
          z: 1,
        },
        {
          type: "custom",
          name: "Targets",
          renderItem: targetItem,
          encode: { x: [1, 2], y: 0 },
          data: targets.map((t) => ({ value: t.value })),
          silent: true,
        },
      ],
    };
  }, [data, from, to, inside, narrow]);
  const ref = useChart(option);
  const height = 60 + (data.actions.length + (inside.length > 0 ? 1 : 0)) * 34;

  return (
    <div className="stack">
      <div className="timeline-legend muted small">
        {(["todo", "doing", "done", "blocked"] as const).map((s) => (
          <span key={s} className={`legend legend-${s}`}>
            {ACTION_STATUS_LABELS[s]}
          </span>
        ))}
        <span>
          ● a date of a recurring action · arrows: waits for · red line: today ({formatDate(data.today)})
        </span>
      </div>
      <section className="card timeline-card" aria-label="Timeline">
        <div
          ref={ref}
          className="timeline-chart"
          style={{ height }}
          data-testid="timeline-chart"
          role="img"
          aria-label={`Timeline of ${data.actions.length} actions from ${formatDate(data.periodStart)} to ${formatDate(data.periodEnd)}`}
        />
      </section>
      {outside > 0 ? (
        <p className="muted small">
          {outside} milestone {outside === 1 ? "target falls" : "targets fall"} outside this plan's period (a
          split may cover the objective's whole window); the targets tab shows them. Amounts in {currency}.
        </p>
      ) : null}
      {data.conflicts.length > 0 ? (
        <ul className="findings">
          {data.conflicts.map((c) => (
            <li key={`${c.actionId}${c.dependsOnId}`} className="hint-warn">
              {c.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
