"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  Rectangle,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type BarShapeProps,
} from "recharts";
import { formatMoney, formatMonth } from "@/lib/format";
import { moneyAxis, monthAxis, tooltipStyle } from "./chart-style";

export type NetPoint = { month: string; net: number };

export type NetIncomeChartProps = {
  data: readonly NetPoint[];
  currency: string;
  /** The accessible name of the chart. */
  label: string;
  height?: number;
};

/** Net income (income − expenses) by month: bars above zero in the positive colour, a loss-making month below in the negative one. */
export function NetIncomeChart({ data, currency, label, height = 240 }: NetIncomeChartProps) {
  return (
    <div className="w-full min-w-0" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={[...data]} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer aria-label={label}>
          <CartesianGrid vertical={false} stroke="var(--border)" />
          <XAxis {...monthAxis} />
          <YAxis {...moneyAxis(currency)} />
          <ReferenceLine y={0} stroke="var(--muted-foreground)" />
          <Tooltip
            cursor={{ fill: "var(--muted)" }}
            contentStyle={tooltipStyle.contentStyle}
            labelStyle={tooltipStyle.labelStyle}
            labelFormatter={(m) => formatMonth(String(m))}
            formatter={(value) => [formatMoney(Number(value), currency), "Net income"]}
          />
          <Bar
            dataKey="net"
            name="Net income"
            radius={[3, 3, 0, 0]}
            maxBarSize={56}
            isAnimationActive={false}
            shape={(bar: BarShapeProps) => (
              <Rectangle {...bar} fill={(data[bar.index]?.net ?? 0) < 0 ? "var(--negative)" : "var(--positive)"} />
            )}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
