"use client";

import { Area, AreaChart, YAxis } from "recharts";

export type SparklineProps = {
  values: readonly number[];
  /** The text alternative: what the line shows, with its figures (e.g. every month's formatted amount). */
  label: string;
  /** Any CSS colour; a var(--chart-n) token by default. */
  color?: string;
  width?: number;
  height?: number;
};

/**
 * A small trend line with no axes or tooltip. A fixed size keeps it in the server-rendered first paint
 * (a measured, responsive chart would only appear after hydration).
 */
export function Sparkline({ values, label, color = "var(--chart-1)", width = 132, height = 36 }: SparklineProps) {
  const data = values.map((value, i) => ({ i, value }));
  // The axis starts at zero (or below, for a month of net refunds) so a small dip doesn't look like a
  // collapse, and a flat zero line sits on the bottom edge: "nothing yet" reads as nothing.
  const allZero = values.every((v) => v === 0);
  return (
    <div role="img" aria-label={label} className="shrink-0" style={{ width, height }}>
      {/* No accessibility layer: it would make the picture a focus stop (role="application") inside role="img". */}
      <AreaChart width={width} height={height} data={data} margin={{ top: 3, right: 2, bottom: 3, left: 2 }} aria-hidden="true" accessibilityLayer={false}>
        <YAxis hide domain={allZero ? [0, 1] : [(min: number) => Math.min(0, min), "dataMax"]} />
        <Area
          type="monotone"
          dataKey="value"
          stroke={color}
          strokeWidth={2}
          fill={color}
          fillOpacity={0.12}
          isAnimationActive={false}
          dot={false}
          activeDot={false}
        />
      </AreaChart>
    </div>
  );
}
