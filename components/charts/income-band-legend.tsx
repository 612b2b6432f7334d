/** The key of the income band chart, in HTML under the plot where it cannot collide with the line. */
export function IncomeBandLegend({ mean, band, highlight }: { mean: string; band: boolean; highlight: boolean }) {
  return (
    <ul aria-hidden="true" className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted-foreground">
      <li className="flex items-center gap-1.5">
        <span className="inline-block h-0.5 w-4 rounded bg-chart-1" />
        Income
      </li>
      <li className="flex items-center gap-1.5">
        <span className="inline-block w-4 border-t-2 border-dashed border-foreground/70" />
        Average {mean}
      </li>
      {band ? (
        <li className="flex items-center gap-1.5">
          <span className="inline-block h-3 w-4 rounded-sm bg-chart-1/15" />
          Typical range (± 1 stdev)
        </li>
      ) : null}
      {highlight ? (
        <li className="flex items-center gap-1.5">
          <span className="inline-block size-2.5 rounded-full bg-negative" />
          Worst month
        </li>
      ) : null}
    </ul>
  );
}
