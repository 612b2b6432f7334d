"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from "recharts";
import { formatMoney, formatMonth } from "@/lib/format";
import { axisTick, monthAxis, tooltipStyle } from "./chart-style";

export type MonthlyPoint = { month: string; income: number; expenses: number; net: number };

export type StreamMonthlyChartProps = {
  data: readonly MonthlyPoint[];
  currency: string;
  /** Series colours; CSS colours, var(--chart-n) tokens by default so both themes apply. */
  colors?: { income?: string; expenses?: string; net?: string };
  height?: number;
};

/**
 * Income and expenses as bars, net as a line, by month. The chart is a picture for sighted users:
 * callers render the same figures as a table next to it (aria-hidden here avoids reading both).
 */
export function StreamMonthlyChart({ data, currency, colors = {}, height = 280 }: StreamMonthlyChartProps) {
  const income = colors.income ?? "var(--chart-1)";
  const expenses = colors.expenses ?? "var(--chart-2)";
  const net = colors.net ?? "var(--foreground)";
  return (
    <div aria-hidden="true" className="w-full min-w-0" style={{ height }}>
      <ComposedChart
        responsive
        style={{ width: "100%", height }}
        data={[...data]}
        margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
        accessibilityLayer={false}
      >
        <CartesianGrid vertical={false} stroke="var(--border)" />
        <XAxis {...monthAxis} />
        <YAxis
          tickFormatter={(v: number) => formatMoney(v, currency, { compact: true })}
          tick={axisTick}
          tickLine={false}
          axisLine={false}
          width={64}
        />
        <Tooltip
          cursor={{ fill: "var(--muted)" }}
          contentStyle={tooltipStyle.contentStyle}
          labelStyle={tooltipStyle.labelStyle}
          labelFormatter={(m) => formatMonth(String(m))}
          formatter={(value, name) => [formatMoney(Number(value), currency), name]}
        />
        <Legend itemSorter={null} wrapperStyle={{ fontSize: 12, color: "var(--muted-foreground)" }} />
        <Bar dataKey="income" name="Income" fill={income} radius={[3, 3, 0, 0]} isAnimationActive={false} />
        <Bar dataKey="expenses" name="Expenses" fill={expenses} radius={[3, 3, 0, 0]} isAnimationActive={false} />
        <Line dataKey="net" name="Net" type="linear" stroke={net} strokeWidth={2} dot={{ r: 2.5, fill: net }} isAnimationActive={false} />
      </ComposedChart>
    </div>
  );
}
