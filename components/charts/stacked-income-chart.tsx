"use client";

import { Bar, BarChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatMoney, formatMonth } from "@/lib/format";
import { moneyAxis, monthAxis, tooltipStyle } from "./chart-style";

export type StackedSeries = {
  /** The data key: a stream id. */
  id: string;
  name: string;
  /** Any CSS colour: the stream's own colour or a var(--chart-n) token. */
  color: string;
  /** Income by month, aligned with `months`. */
  values: readonly number[];
};

export type StackedIncomeChartProps = {
  months: readonly string[];
  series: readonly StackedSeries[];
  currency: string;
  /** The accessible name of the chart. */
  label: string;
  height?: number;
};

/**
 * Income by month, one stacked bar segment per stream, in the order given (largest first, so it sits at the
 * bottom and the small, volatile streams ride on top). A stream whose refunds outweigh its income in a month
 * draws below the zero line (stackOffset="sign" stacks negatives downwards) instead of eating into the others.
 */
export function StackedIncomeChart({ months, series, currency, label, height = 280 }: StackedIncomeChartProps) {
  const data = months.map((month, i) => Object.fromEntries([["month", month], ...series.map((s) => [s.id, s.values[i] ?? 0])]));
  const names = new Map(series.map((s) => [s.id, s.name]));
  return (
    <div className="w-full min-w-0" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} stackOffset="sign" margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer aria-label={label}>
          <CartesianGrid vertical={false} stroke="var(--border)" />
          <XAxis {...monthAxis} />
          <YAxis {...moneyAxis(currency)} />
          <ReferenceLine y={0} stroke="var(--border)" />
          <Tooltip
            cursor={{ fill: "var(--muted)" }}
            contentStyle={tooltipStyle.contentStyle}
            labelStyle={tooltipStyle.labelStyle}
            labelFormatter={(m) => formatMonth(String(m))}
            formatter={(value, key) => [formatMoney(Number(value), currency), names.get(String(key)) ?? String(key)]}
            // Largest stream first in the tooltip too, matching the legend.
            itemSorter={(item) => series.findIndex((s) => s.id === item.dataKey)}
          />
          {series.map((s) => (
            <Bar key={s.id} dataKey={s.id} name={s.name} stackId="income" fill={s.color} maxBarSize={56} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
