import { cx } from "@/components/ui/cx";

export type ProgressBarProps = {
  /** Actual / target, as the API returns it (`goals.months[].progress`). */
  progress: number;
  /** The target, in the same unit as `projected` (base minor units); only used to place the projection marker. */
  target: number;
  /** The month-end projection (`goals.months[].projected`: so far plus what usually still arrives); null or omitted draws no marker. */
  projected?: number | null;
  /** The accessible name, e.g. "Portfolio, November 2026". */
  label: string;
  /** What a screen reader hears for the value, e.g. "$8,314.68 of $10,000.00 (83%)". */
  valueText: string;
  /** Fill colour: a CSS colour, var(--primary) by default. */
  color?: string;
  className?: string;
};

// The track runs to 125% of the goal, so the goal tick sits at 80% on every bar and a month heading past
// its goal has room to show it. Only income itself beyond that stretches the scale (up to 300%, after which
// the goal tick would be squeezed against the left edge).
const BASE_SCALE = 1.25;
const MAX_SCALE = 3;

/**
 * A goal bar: the fill is the month's income so far, a tick marks the goal, a dashed segment runs on to the
 * month-end projection (clipped at the end of the track). The projection does not stretch the scale: it is an
 * estimate, and a bar scaled to it would shrink the income actually received.
 * Positions are presentation arithmetic on the API's ratios.
 */
export function ProgressBar({ progress, target, projected, label, valueText, color = "var(--primary)", className }: ProgressBarProps) {
  const projectedRatio = projected !== null && projected !== undefined && target > 0 ? projected / target : null;
  const scale = Math.min(MAX_SCALE, Math.max(BASE_SCALE, progress));
  const at = (ratio: number) => `${(Math.min(Math.max(ratio, 0), scale) / scale) * 100}%`;
  const showProjection = projectedRatio !== null && projectedRatio > progress;

  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(Math.min(progress, 1) * 100)}
      aria-valuetext={valueText}
      className={cx("relative h-3 w-full rounded-full bg-muted", className)}
    >
      {showProjection ? (
        <div
          aria-hidden="true"
          className="absolute inset-y-0 left-0 rounded-full border border-dashed opacity-70"
          style={{ width: at(projectedRatio), borderColor: color }}
        />
      ) : null}
      <div aria-hidden="true" className="absolute inset-y-0 left-0 rounded-full" style={{ width: at(progress), backgroundColor: color }} />
      {showProjection ? (
        <div
          aria-hidden="true"
          className="absolute -inset-y-1 w-0.5 -translate-x-1/2 rounded-full"
          style={{ left: at(projectedRatio), backgroundColor: color }}
        />
      ) : null}
      {/* The goal: a tick in the foreground colour, visible over the fill and the track in both themes. */}
      <div aria-hidden="true" className="absolute -inset-y-1.5 w-0.5 -translate-x-1/2 rounded-full bg-foreground" style={{ left: at(1) }} />
    </div>
  );
}
