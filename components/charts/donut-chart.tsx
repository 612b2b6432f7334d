"use client";

import { Cell, Pie, PieChart, Tooltip } from "recharts";
import { tooltipStyle } from "./chart-style";

export type DonutSlice = {
  key: string;
  label: string;
  /** The slice's size, e.g. a share of income from the API. */
  value: number;
  /** The value as the tooltip shows it ("47%"). */
  valueText: string;
  /** Any CSS colour, a var(--chart-n) token by default. */
  color: string;
};

export type DonutChartProps = {
  slices: readonly DonutSlice[];
  /** What the chart shows, with its figures: the accessible name of the picture. */
  label: string;
  /** A figure in the hole, e.g. { value: "3.3", caption: "effective streams" }. */
  center?: { value: string; caption: string };
  size?: number;
};

/**
 * A ring of shares. A fixed size keeps it in the server-rendered first paint (a measured chart would
 * only appear after hydration); the legend with the figures lives next to it, in HTML.
 */
export function DonutChart({ slices, label, center, size = 208 }: DonutChartProps) {
  return (
    <div className="relative shrink-0" style={{ width: size, height: size }}>
      <PieChart width={size} height={size} role="img" aria-label={label} accessibilityLayer={false}>
        <Pie
          data={[...slices]}
          dataKey="value"
          nameKey="label"
          innerRadius={size * 0.33}
          outerRadius={size / 2 - 4}
          paddingAngle={slices.length > 1 ? 1 : 0}
          startAngle={90}
          endAngle={-270}
          stroke="var(--surface)"
          strokeWidth={2}
          isAnimationActive={false}
          // The ring is a picture (role="img" with the figures in its name); a focus stop on it would say nothing more.
          rootTabIndex={-1}
        >
          {slices.map((s) => (
            <Cell key={s.key} fill={s.color} />
          ))}
        </Pie>
        <Tooltip
          contentStyle={tooltipStyle.contentStyle}
          itemStyle={{ color: "var(--foreground)" }}
          formatter={(_value, _name, item) => {
            const slice = item.payload as DonutSlice | undefined;
            return [slice?.valueText ?? "", slice?.label ?? ""];
          }}
        />
      </PieChart>
      {center ? (
        <div aria-hidden="true" className="pointer-events-none absolute inset-0 flex flex-col items-center justify-center text-center">
          <span className="money text-2xl font-semibold text-foreground">{center.value}</span>
          <span className="max-w-[7rem] text-xs leading-tight text-muted-foreground">{center.caption}</span>
        </div>
      ) : null}
    </div>
  );
}
