"use client";

import { Area, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatMoney, formatMonth } from "@/lib/format";
import { moneyAxis, monthAxis, tooltipStyle } from "./chart-style";

export type FanPoint = { month: string; expected: number; low: number | null; high: number | null; scheduled: number };

export type ForecastFanChartProps = {
  data: readonly FanPoint[];
  currency: string;
  /** The accessible name of the chart. */
  label: string;
  height?: number;
};

/**
 * The forecast as a fan: the expected line over its low–high band (the 10th to 90th percentile of how far
 * past months strayed from the trend), and the part already scheduled as a dashed line under it.
 */
export function ForecastFanChart({ data, currency, label, height = 260 }: ForecastFanChartProps) {
  // The band is drawn as a transparent base (low) with the spread (high − low) stacked on it.
  const rows = data.map((d) => ({
    ...d,
    base: d.low ?? undefined,
    spread: d.low !== null && d.high !== null ? d.high - d.low : undefined,
  }));
  return (
    <div className="w-full min-w-0" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer aria-label={label}>
          <CartesianGrid vertical={false} stroke="var(--border)" />
          <XAxis {...monthAxis} />
          <YAxis {...moneyAxis(currency)} />
          <Tooltip
            contentStyle={tooltipStyle.contentStyle}
            labelStyle={tooltipStyle.labelStyle}
            labelFormatter={(m) => formatMonth(String(m))}
            formatter={(value, name, item) => {
              const p = item.payload as FanPoint;
              if (name === "spread")
                return [
                  p.low !== null && p.high !== null ? `${formatMoney(p.low, currency)} – ${formatMoney(p.high, currency)}` : "—",
                  "Range",
                ];
              if (name === "base") return [null, null];
              return [formatMoney(Number(value), currency), name === "expected" ? "Expected" : "Scheduled"];
            }}
          />
          <Area dataKey="base" stackId="band" stroke="none" fill="transparent" isAnimationActive={false} legendType="none" />
          <Area dataKey="spread" stackId="band" stroke="none" fill="var(--chart-1)" fillOpacity={0.15} isAnimationActive={false} />
          <Line
            dataKey="scheduled"
            stroke="var(--muted-foreground)"
            strokeDasharray="4 4"
            strokeWidth={1.5}
            dot={false}
            isAnimationActive={false}
          />
          <Line dataKey="expected" stroke="var(--chart-1)" strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
