import type { CSSProperties } from "react";
import { correlationMeaning, formatCorrelation } from "./correlation-words";

export type CorrelationHeatmapProps = {
  /** Row and column names, in the order of the matrix. */
  names: readonly string[];
  /** Pearson correlations from the API; null where undefined (too few months, or a flat series). */
  matrix: readonly (readonly (number | null)[])[];
  /** Read out as the table's caption. */
  caption: string;
};

// A diverging scale built from two palette colours (blue = together, orange = opposite) mixed into the
// surface. The mix stops at 55% so the figure printed in the cell keeps 4.5:1 contrast in both themes.
const POSITIVE = "var(--chart-1)";
const NEGATIVE = "var(--chart-6)";
const MAX_MIX = 55;
const HATCH = "repeating-linear-gradient(135deg, var(--border) 0 2px, transparent 2px 7px)";

function cellStyle(r: number | null): CSSProperties {
  if (r === null) return { backgroundImage: HATCH };
  const mix = Math.round(Math.min(1, Math.abs(r)) * MAX_MIX);
  return { background: `color-mix(in oklab, ${r >= 0 ? POSITIVE : NEGATIVE} ${mix}%, var(--surface))` };
}

/**
 * The correlation matrix as a real table: screen readers announce row and column names for every cell,
 * and it scrolls inside its own focusable box on a phone. Columns are numbered to stay narrow; the
 * numbers match the rows, and the full names are in each column header for assistive tech. The row
 * names stick to the left edge so a phone user scrolling sideways still knows which row is which.
 */
export function CorrelationHeatmap({ names, matrix, caption }: CorrelationHeatmapProps) {
  return (
    <div className="flex min-w-0 flex-col gap-3">
      {/* `relative` keeps the sr-only names inside the scroll box; otherwise they escape it and widen the page. */}
      <div role="region" aria-label={caption} tabIndex={0} className="relative w-full max-w-full min-w-0 overflow-x-auto rounded-md">
        <table className="border-separate border-spacing-0.5 text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr>
              <td className="sticky left-0 z-10 bg-surface" />
              {names.map((name, j) => (
                <th key={name + j} scope="col" title={name} className="h-8 min-w-12 px-1 text-center text-xs font-medium text-muted-foreground">
                  <span aria-hidden="true">{j + 1}</span>
                  <span className="sr-only">{name}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {names.map((row, i) => (
              <tr key={row + i}>
                <th scope="row" className="sticky left-0 z-10 bg-surface pr-3 text-left text-xs font-medium whitespace-nowrap text-foreground">
                  <span aria-hidden="true" className="mr-1.5 inline-block w-4 text-right text-muted-foreground">
                    {i + 1}
                  </span>
                  <span title={row} className="inline-block max-w-24 truncate align-bottom sm:max-w-36">{row}</span>
                </th>
                {names.map((col, j) => {
                  const r = matrix[i]?.[j] ?? null;
                  const same = i === j;
                  return (
                    <td
                      key={col + j}
                      title={same ? row : `${row} and ${col}: ${formatCorrelation(r)} (${correlationMeaning(r)})`}
                      className={`money h-10 min-w-12 rounded-sm px-1 text-center text-xs ${same ? "bg-muted text-muted-foreground" : "font-medium text-foreground"}`}
                      style={same ? undefined : cellStyle(r)}
                    >
                      {r === null ? <span className="text-muted-foreground">n/a</span> : formatCorrelation(r)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Legend />
    </div>
  );
}

function Legend() {
  return (
    <div className="flex flex-col gap-1 text-xs text-muted-foreground">
      <div
        aria-hidden="true"
        className="h-2 w-full max-w-sm rounded-full"
        style={{ background: `linear-gradient(to right, color-mix(in oklab, ${NEGATIVE} ${MAX_MIX}%, var(--surface)), var(--surface), color-mix(in oklab, ${POSITIVE} ${MAX_MIX}%, var(--surface)))`, boxShadow: "inset 0 0 0 1px var(--border)" }}
      />
      <div className="flex w-full max-w-sm justify-between">
        <span>−1 opposite</span>
        <span>0 unrelated</span>
        <span>+1 together</span>
      </div>
      <div className="flex items-center gap-1.5">
        <span aria-hidden="true" className="inline-block size-3 rounded-sm" style={{ backgroundImage: HATCH, boxShadow: "inset 0 0 0 1px var(--border)" }} />
        n/a: not enough months, or a stream whose income never changed
      </div>
    </div>
  );
}
