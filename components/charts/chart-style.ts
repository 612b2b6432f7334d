// The look every recharts chart shares, from the theme's CSS variables, so light and dark follow the
import { formatMoney, formatMonth } from "@/lib/format";
// tokens and no chart styles its axes or tooltips by hand.
export const axisTick = { fill: "var(--muted-foreground)", fontSize: 12 };

export const tooltipStyle = {
  contentStyle: {
    background: "var(--surface)",
    border: "1px solid var(--border)",
    borderRadius: 8,
    color: "var(--foreground)",
    fontSize: 13,
  },
  labelStyle: { color: "var(--foreground)", fontWeight: 600 },
} as const;

/** The x axis of every monthly chart: "Nov" ticks, thinned out when they would collide. */
export const monthAxis = {
  dataKey: "month",
  tickFormatter: (m: string) => formatMonth(m, { short: true }),
  tick: axisTick,
  tickLine: false,
  axisLine: { stroke: "var(--border)" },
  interval: "preserveStartEnd",
  minTickGap: 8,
} as const;

/** A money y axis in compact whole units ("$12K"). */
export const moneyAxis = (currency: string) =>
  ({
    tickFormatter: (v: number) => formatMoney(v, currency, { compact: true }),
    tick: axisTick,
    tickLine: false,
    axisLine: false,
    width: 56,
  }) as const;
