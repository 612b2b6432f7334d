"use client";

import { CartesianGrid, Line, LineChart, ReferenceArea, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatMonth, formatNumber } from "@/lib/format";
import { axisTick, monthAxis, tooltipStyle } from "./chart-style";

export type HhiPoint = { month: string; hhi: number | null; effectiveStreams: number | null };

/** A band of the index (diversified, moderate, concentrated), tinted behind the line. */
export type HhiBand = { from: number; to: number; label: string; color: string };

export type HhiTrendChartProps = {
  data: readonly HhiPoint[];
  bands: readonly HhiBand[];
  /** The window's own HHI, drawn as a dashed reference line. */
  overall?: number | null;
  /** The accessible name of the chart. */
  label: string;
  height?: number;
};

/** Room above the highest month, on a round tenth, and never so tight that the bands collapse. */
function topOf(data: readonly HhiPoint[], bands: readonly HhiBand[]) {
  const highest = Math.max(0, ...data.map((d) => d.hhi ?? 0));
  const lastBandStart = Math.max(0, ...bands.map((b) => b.from));
  return Math.min(1, Math.ceil((Math.max(highest, lastBandStart + 0.1) + 0.05) * 10) / 10);
}

/** Ticks on the band edges, so the axis names the thresholds the bands stand for. */
function ticksOf(bands: readonly HhiBand[], top: number) {
  const edges = new Set([0, ...bands.map((b) => b.from).filter((v) => v < top), top]);
  return [...edges].sort((a, b) => a - b);
}

/**
 * The Herfindahl index month by month over tinted bands. A month with no income has no index: the line
 * breaks there instead of pretending it was zero (a zero would read as "perfectly diversified").
 */
export function HhiTrendChart({ data, bands, overall, label, height = 260 }: HhiTrendChartProps) {
  const top = topOf(data, bands);
  return (
    <div className="w-full min-w-0" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={[...data]} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer aria-label={label}>
          {bands.map((b) => (
            <ReferenceArea
              key={b.label}
              y1={b.from}
              y2={Math.min(b.to, top)}
              fill={b.color}
              fillOpacity={0.08}
              strokeOpacity={0}
              ifOverflow="hidden"
              label={{ value: b.label, position: "insideTopRight", fill: "var(--muted-foreground)", fontSize: 11 }}
            />
          ))}
          <CartesianGrid vertical={false} stroke="var(--border)" />
          <XAxis {...monthAxis} minTickGap={12} />
          <YAxis
            domain={[0, top]}
            ticks={ticksOf(bands, top)}
            tickFormatter={(v: number) => formatNumber(v, 2)}
            tick={axisTick}
            tickLine={false}
            axisLine={false}
            width={40}
          />
          {overall !== null && overall !== undefined ? (
            <ReferenceLine y={overall} stroke="var(--muted-foreground)" strokeDasharray="4 4" ifOverflow="extendDomain" />
          ) : null}
          <Tooltip
            cursor={{ stroke: "var(--border)" }}
            contentStyle={tooltipStyle.contentStyle}
            labelStyle={tooltipStyle.labelStyle}
            itemStyle={{ color: "var(--foreground)" }}
            labelFormatter={(m) => formatMonth(String(m))}
            formatter={(value, _name, item) => {
              const point = item.payload as HhiPoint | undefined;
              if (value === null || value === undefined) return ["no income", "HHI"];
              return [`${formatNumber(Number(value), 2)} (like ${formatNumber(point?.effectiveStreams, 1)} equal streams)`, "HHI"];
            }}
          />
          <Line
            dataKey="hhi"
            name="HHI"
            type="linear"
            stroke="var(--chart-1)"
            strokeWidth={2}
            dot={{ r: 3, fill: "var(--chart-1)", strokeWidth: 0 }}
            activeDot={{ r: 5 }}
            connectNulls={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
