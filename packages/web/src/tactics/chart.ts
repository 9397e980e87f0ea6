// ECharts, imported piece by piece (custom series, grid, tooltip, mark line, SVG renderer) so the
// timeline costs only what it uses; one hook binds a chart to an element and keeps it sized.
import { useEffect, useRef } from "react";
import { CustomChart, type CustomSeriesOption } from "echarts/charts";
import {
  GridComponent,
  MarkLineComponent,
  TooltipComponent,
  type GridComponentOption,
  type MarkLineComponentOption,
  type TooltipComponentOption,
} from "echarts/components";
import { init, use as registerCharts, type ComposeOption, type EChartsType } from "echarts/core";
import { SVGRenderer } from "echarts/renderers";

registerCharts([CustomChart, GridComponent, TooltipComponent, MarkLineComponent, SVGRenderer]);

export type ChartOption = ComposeOption<
  CustomSeriesOption | GridComponentOption | TooltipComponentOption | MarkLineComponentOption
>;

/** A theme colour as the browser resolved it: custom properties hold light-dark() pairs, not colours. */
export function cssColor(name: string, fallback: string): string {
  const probe = document.createElement("span");
  probe.style.color = `var(${name})`;
  probe.style.display = "none";
  document.body.append(probe);
  const color = getComputedStyle(probe).color;
  probe.remove();
  return color || fallback;
}

export function useChart(option: ChartOption | null) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const c = init(el, undefined, { renderer: "svg" });
    chart.current = c;
    const observer = new ResizeObserver(() => c.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    if (option) chart.current?.setOption(option, true);
  }, [option]);
  return ref;
}
