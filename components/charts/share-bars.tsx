import type { CSSProperties, ReactNode } from "react";
import { cx } from "@/components/ui/cx";

export type ShareBar = {
  key: string;
  label: ReactNode;
  /** Where the bar ends, on the scale 0…max; null draws no bar (the value text says why, e.g. "n/a"). */
  value: number | null;
  /** The figure as the reader should see it ("47%", "cv 25%"); already formatted. */
  valueText: string;
  /** A second figure after the value, e.g. the income behind a share. */
  detail?: ReactNode;
  /** Any CSS colour, a var(--chart-n) token by default. */
  color?: string;
  /** Income nobody is named for (unattributed): a hatched, muted bar so it never reads as one more client. */
  hatched?: boolean;
  /** A goal for this row (the target mix), drawn as a tick on the track. */
  target?: { value: number; text: string };
};

/** A threshold drawn across every track (e.g. the pass and warn shares of a rule), labelled on an axis above. */
export type ShareMarker = { value: number; label: string };

export type ShareBarsProps = {
  items: readonly ShareBar[];
  /** The value of a full track; 1 for shares. */
  max?: number;
  markers?: readonly ShareMarker[];
  /** Names the list for screen readers, e.g. "Share of income by kind". */
  label: string;
  /** Colour dots before the labels; off when every bar has the same colour and the dot would say nothing. */
  swatches?: boolean;
  className?: string;
};

const HATCH =
  "repeating-linear-gradient(135deg, color-mix(in oklab, var(--muted-foreground) 70%, transparent) 0 1.5px, transparent 1.5px 5px)";

const at = (value: number, max: number) => `${Math.min(100, Math.max(0, (value / max) * 100))}%`;

/**
 * Horizontal bars in plain HTML: they render on the server (first paint has them), wrap on phones, and
 * their labels and values are real text, so the list is its own text alternative; only the tracks are
 * decorative.
 */
export function ShareBars({ items, max = 1, markers = [], label, swatches = true, className }: ShareBarsProps) {
  const scale = max > 0 ? max : 1;
  return (
    <div className={cx("flex min-w-0 flex-col gap-2", className)}>
      {markers.length > 0 ? <MarkerAxis markers={markers} max={scale} /> : null}
      <ul aria-label={label} className="flex min-w-0 flex-col gap-3">
        {items.map((item) => (
          <li key={item.key} className="min-w-0">
            <div className="flex items-baseline justify-between gap-3 text-sm">
              <span className="flex min-w-0 items-center gap-2">
                {swatches || item.hatched ? <Swatch color={item.color} hatched={item.hatched} /> : null}
                <span className="truncate">{item.label}</span>
              </span>
              <span className="money shrink-0 text-right font-medium">
                {item.valueText}
                {item.detail ? <span className="font-normal text-muted-foreground"> · {item.detail}</span> : null}
              </span>
            </div>
            <div aria-hidden="true" className="relative mt-1.5 h-2.5 rounded-full bg-muted">
              {item.value !== null && item.value > 0 ? (
                <div
                  className="h-full min-w-1 rounded-full"
                  style={{ width: at(item.value, scale), background: item.hatched ? HATCH : (item.color ?? "var(--chart-1)") }}
                />
              ) : null}
              {markers.map((m) => (
                <span
                  key={m.label}
                  className="absolute -top-1 -bottom-1 border-l border-dashed border-muted-foreground/70"
                  style={{ left: at(m.value, scale) }}
                />
              ))}
              {item.target ? (
                <span
                  className="absolute -top-1.5 -bottom-1.5 w-1 -translate-x-1/2 rounded-full bg-foreground ring-2 ring-surface"
                  style={{ left: at(item.target.value, scale) }}
                />
              ) : null}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Swatch({ color, hatched }: { color?: string; hatched?: boolean }) {
  return (
    <span
      aria-hidden="true"
      className="inline-block size-2.5 shrink-0 rounded-full"
      style={{
        background: hatched ? HATCH : (color ?? "var(--chart-1)"),
        ...(hatched ? { boxShadow: "inset 0 0 0 1px var(--muted-foreground)" } : {}),
      }}
    />
  );
}

/**
 * The markers' labels, each above its line. Near an edge a label hangs inward so it never widens the
 * page; two close markers hang away from each other (left one leftwards), or, when the left one sits at
 * the left edge and cannot, the right one's label takes a second row, so labels never overlap.
 */
function MarkerAxis({ markers, max }: { markers: readonly ShareMarker[]; max: number }) {
  const sorted = [...markers].sort((a, b) => a.value - b.value);
  const close = (a: ShareMarker | undefined, b: ShareMarker | undefined) =>
    a !== undefined && b !== undefined && Math.abs(b.value - a.value) / max < 0.2;
  const xOf = (m: ShareMarker) => Math.min(1, Math.max(0, m.value / max));
  const layout = sorted.map((m, i) => {
    const x = xOf(m);
    const before = sorted[i - 1];
    let shift = x < 0.12 ? "0%" : x > 0.88 ? "-100%" : "-50%";
    if (close(m, sorted[i + 1]) && x >= 0.12) shift = "-100%";
    if (close(before, m) && x <= 0.88) shift = "0%";
    const row = close(before, m) && before !== undefined && xOf(before) < 0.12 ? 1 : 0;
    return { m, shift, row };
  });
  const rows = Math.max(0, ...layout.map((l) => l.row)) + 1;
  return (
    <div aria-hidden="true" className="relative text-xs text-muted-foreground" style={{ height: `${rows}rem` }}>
      {layout.map(({ m, shift, row }) => {
        const style: CSSProperties = { left: at(m.value, max), top: `${row}rem`, transform: `translateX(${shift})` };
        return (
          <span key={m.label} className="absolute px-1 whitespace-nowrap" style={style}>
            {m.label}
          </span>
        );
      })}
    </div>
  );
}
