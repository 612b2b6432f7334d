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
 * The correlation matrix as a real table: screen readers announce row and column names for every cell.
 * Columns are numbered to stay narrow and share the width (a fixed table layout), so five to seven
 * streams fit a 390 px phone without scrolling sideways. In a narrow container the rows are numbered too,
 * with a numbered key of the names above; from 28rem up the rows carry their names. Only a matrix too
 * wide even so (many streams) scrolls, inside its own focusable box, with the row headers stuck left.
 */
export function CorrelationHeatmap({ names, matrix, caption }: CorrelationHeatmapProps) {
  return (
    <div className="@container flex min-w-0 flex-col gap-3">
      <ol aria-hidden="true" className="grid grid-cols-2 gap-x-4 gap-y-1 text-xs text-muted-foreground @md:hidden">
        {names.map((name, i) => (
          <li key={name + i} className="flex min-w-0 items-baseline gap-1.5">
            <span className="money w-4 shrink-0 text-right font-semibold text-foreground">{i + 1}</span>
            <span className="truncate" title={name}>
              {name}
            </span>
          </li>
        ))}
      </ol>
      {/* `relative` keeps the sr-only names inside the scroll box; otherwise they escape it and widen the page. */}
      <div role="region" aria-label={caption} tabIndex={0} className="relative w-full max-w-full min-w-0 overflow-x-auto rounded-md">
        <table
          className="w-full table-fixed border-separate border-spacing-0.5 text-sm"
          // Never narrower than 2.5rem a column: "−0.35" stays readable; more streams than fit scroll instead.
          style={{ minWidth: `calc(1.75rem + ${names.length} * 2.5rem)` }}
        >
          <caption className="sr-only">{caption}</caption>
          <colgroup>
            <col className="w-7 @md:w-36" />
            {names.map((name, j) => (
              <col key={name + j} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <td className="sticky left-0 z-10 bg-surface" />
              {names.map((name, j) => (
                <th key={name + j} scope="col" title={name} className="h-8 px-0.5 text-center text-xs font-medium text-muted-foreground">
                  <span aria-hidden="true">{j + 1}</span>
                  <span className="sr-only">{name}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {names.map((row, i) => (
              <tr key={row + i}>
                <th
                  scope="row"
                  title={row}
                  className="sticky left-0 z-10 bg-surface pr-1 text-left text-xs font-medium whitespace-nowrap text-foreground @md:pr-3"
                >
                  <span aria-hidden="true" className="money inline-block w-4 text-right text-muted-foreground @md:mr-1.5">
                    {i + 1}
                  </span>
                  <span className="sr-only @md:not-sr-only @md:inline-block @md:max-w-28 @md:truncate @md:align-bottom">{row}</span>
                </th>
                {names.map((col, j) => {
                  const r = matrix[i]?.[j] ?? null;
                  const same = i === j;
                  return (
                    <td
                      key={col + j}
                      title={same ? row : `${row} and ${col}: ${formatCorrelation(r)} (${correlationMeaning(r)})`}
                      className={`money h-10 rounded-sm px-0.5 text-center text-xs ${same ? "bg-muted text-muted-foreground" : "font-medium text-foreground"}`}
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
        style={{
          background: `linear-gradient(to right, color-mix(in oklab, ${NEGATIVE} ${MAX_MIX}%, var(--surface)), var(--surface), color-mix(in oklab, ${POSITIVE} ${MAX_MIX}%, var(--surface)))`,
          boxShadow: "inset 0 0 0 1px var(--border)",
        }}
      />
      <div className="flex w-full max-w-sm justify-between">
        <span>−1 opposite</span>
        <span>0 unrelated</span>
        <span>+1 together</span>
      </div>
      <div className="flex items-center gap-1.5">
        <span
          aria-hidden="true"
          className="inline-block size-3 rounded-sm"
          style={{ backgroundImage: HATCH, boxShadow: "inset 0 0 0 1px var(--border)" }}
        />
        n/a: not enough months, or a stream whose income never changed
      </div>
    </div>
  );
}
