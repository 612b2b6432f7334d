"use client";

import { CartesianGrid, Line, LineChart, ReferenceArea, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatMoney, formatMonth } from "@/lib/format";
import { axisTick, monthAxis, tooltipStyle } from "./chart-style";

export type IncomePoint = { month: string; income: number };

export type IncomeBandChartProps = {
  data: readonly IncomePoint[];
  currency: string;
  /** The average month (API `risk.mean`), drawn as a dashed line. */
  mean: number;
  /** The typical range (lib/metrics/bands typicalRange); null draws no band. */
  range: { low: number; high: number } | null;
  /** A month to call out, e.g. the worst one: its dot is drawn larger in the negative colour. */
  highlight?: string;
  /** The accessible name of the chart. */
  label: string;
  height?: number;
};

type DotProps = { cx?: number; cy?: number; payload?: IncomePoint };

/**
 * Monthly income as a line over its typical range (mean ± one standard deviation), so a month outside it
 * is an unusual one. The axis starts at zero: a cut-off axis would make a 10% dip look like a collapse.
 */
export function IncomeBandChart({ data, currency, mean, range, highlight, label, height = 240 }: IncomeBandChartProps) {
  const lower = range?.low ?? null;
  const upper = range?.high ?? null;
  const money = (v: number) => formatMoney(v, currency, { compact: true });
  const dot = ({ cx, cy, payload }: DotProps) => {
    if (cx === undefined || cy === undefined || !payload) return <g key={`dot-${cx}`} />;
    const worst = payload.month === highlight;
    return (
      <circle
        key={payload.month}
        cx={cx}
        cy={cy}
        r={worst ? 5 : 3}
        fill={worst ? "var(--negative)" : "var(--chart-1)"}
        stroke="var(--surface)"
        strokeWidth={worst ? 2 : 0}
      />
    );
  };
  return (
    <div className="w-full min-w-0" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={[...data]} margin={{ top: 12, right: 12, bottom: 0, left: 0 }} accessibilityLayer aria-label={label}>
          <CartesianGrid vertical={false} stroke="var(--border)" />
          {lower !== null && upper !== null ? (
            <ReferenceArea y1={lower} y2={upper} fill="var(--chart-1)" fillOpacity={0.12} strokeOpacity={0} ifOverflow="extendDomain" />
          ) : null}
          <ReferenceLine y={mean} stroke="var(--foreground)" strokeOpacity={0.7} strokeDasharray="5 4" />
          <XAxis {...monthAxis} minTickGap={12} />
          <YAxis domain={[0, "auto"]} tickFormatter={money} tick={axisTick} tickLine={false} axisLine={false} width={56} />
          <Tooltip
            cursor={{ stroke: "var(--border)" }}
            contentStyle={tooltipStyle.contentStyle}
            labelStyle={tooltipStyle.labelStyle}
            itemStyle={{ color: "var(--foreground)" }}
            labelFormatter={(m) => formatMonth(String(m))}
            formatter={(value) => [formatMoney(Number(value), currency), "Income"]}
          />
          <Line
            dataKey="income"
            name="Income"
            type="linear"
            stroke="var(--chart-1)"
            strokeWidth={2}
            dot={dot}
            activeDot={{ r: 5 }}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
