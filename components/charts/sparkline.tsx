export type SparklineProps = {
  values: readonly number[];
  /** The text alternative: what the line shows, with its figures (e.g. every month's formatted amount). */
  label: string;
  /** Any CSS colour; a var(--chart-n) token by default. */
  color?: string;
  width?: number;
  height?: number;
};

const PAD = { x: 2, y: 3 };

/**
 * A small trend line with no axes or tooltip, drawn as plain SVG: it is in the server-rendered first paint
 * and costs the page no chart library (a stream list shows a dozen of them).
 */
export function Sparkline({ values, label, color = "var(--chart-1)", width = 132, height = 36 }: SparklineProps) {
  // The axis starts at zero (or below, for a month of net refunds) so a small dip doesn't look like a
  // collapse, and a flat zero line sits on the bottom edge: "nothing yet" reads as nothing.
  const low = Math.min(0, ...values);
  const high = Math.max(...values, low + 1);
  const x = (i: number) => PAD.x + (values.length > 1 ? (i / (values.length - 1)) * (width - 2 * PAD.x) : (width - 2 * PAD.x) / 2);
  const y = (v: number) => PAD.y + (1 - (v - low) / (high - low)) * (height - 2 * PAD.y);
  const points = values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`);
  const base = y(Math.max(low, 0)).toFixed(1);
  return (
    <div role="img" aria-label={label} className="shrink-0" style={{ width, height }}>
      {points.length > 0 ? (
        <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden="true">
          <polygon
            points={`${x(0).toFixed(1)},${base} ${points.join(" ")} ${x(values.length - 1).toFixed(1)},${base}`}
            fill={color}
            fillOpacity={0.12}
          />
          <polyline points={points.join(" ")} fill="none" stroke={color} strokeWidth={2} strokeLinejoin="round" strokeLinecap="round" />
        </svg>
      ) : null}
    </div>
  );
}
