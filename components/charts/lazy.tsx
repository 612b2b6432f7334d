"use client";

import dynamic from "next/dynamic";
import type { ComponentType } from "react";
import type { DonutChartProps } from "./donut-chart";
import type { ForecastFanChartProps } from "./forecast-fan-chart";
import type { HhiTrendChartProps } from "./hhi-trend-chart";
import type { IncomeBandChartProps } from "./income-band-chart";
import type { NetIncomeChartProps } from "./net-income-chart";
import type { StackedIncomeChartProps } from "./stacked-income-chart";
import type { StreamMonthlyChartProps } from "./stream-monthly-chart";
import { useInView } from "./use-in-view";

/** The chart's box before it is drawn: a quiet shape where it will be, instead of a blank. */
function Placeholder() {
  return <div aria-hidden="true" className="size-full rounded-md bg-muted/50" />;
}

/**
 * recharts is the largest library a page ships (about 95 KB compressed), and a responsive chart draws
 * nothing until it has measured itself in the browser anyway. So a chart is loaded and drawn only once its
 * box (already of its final size: no layout shift) nears the viewport, after the page has hydrated: the
 * figures, text and tables around it are interactive first, and a phone never pays for charts it is not
 * scrolled to.
 */
function lazyChart<P>(load: () => Promise<ComponentType<P>>, box: (props: P) => { width?: number | string; height: number }) {
  const Chart = dynamic(load, { ssr: false, loading: Placeholder });
  function LazyChart(props: P & React.JSX.IntrinsicAttributes) {
    const { width = "100%", height } = box(props);
    const [ref, inView] = useInView<HTMLDivElement>();
    return (
      <div ref={ref} className="min-w-0" style={{ width, height }}>
        {inView ? <Chart {...props} /> : <Placeholder />}
      </div>
    );
  }
  return LazyChart;
}

export const NetIncomeChart = lazyChart<NetIncomeChartProps>(
  () => import("./net-income-chart").then((m) => m.NetIncomeChart),
  (p) => ({ height: p.height ?? 240 }),
);
export const StackedIncomeChart = lazyChart<StackedIncomeChartProps>(
  () => import("./stacked-income-chart").then((m) => m.StackedIncomeChart),
  (p) => ({ height: p.height ?? 280 }),
);
export const IncomeBandChart = lazyChart<IncomeBandChartProps>(
  () => import("./income-band-chart").then((m) => m.IncomeBandChart),
  (p) => ({ height: p.height ?? 240 }),
);
export const HhiTrendChart = lazyChart<HhiTrendChartProps>(
  () => import("./hhi-trend-chart").then((m) => m.HhiTrendChart),
  (p) => ({ height: p.height ?? 260 }),
);
export const DonutChart = lazyChart<DonutChartProps>(
  () => import("./donut-chart").then((m) => m.DonutChart),
  (p) => ({ width: p.size ?? 208, height: p.size ?? 208 }),
);
export const StreamMonthlyChart = lazyChart<StreamMonthlyChartProps>(
  () => import("./stream-monthly-chart").then((m) => m.StreamMonthlyChart),
  (p) => ({ height: p.height ?? 280 }),
);
export const ForecastFanChart = lazyChart<ForecastFanChartProps>(
  () => import("./forecast-fan-chart").then((m) => m.ForecastFanChart),
  (p) => ({ height: p.height ?? 260 }),
);
