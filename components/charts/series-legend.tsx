import type { StackedSeries } from "./stacked-income-chart";

/** The key of a chart with one colour per series: under the plot, in HTML, so it wraps on a phone. */
export function SeriesLegend({ series }: { series: readonly Pick<StackedSeries, "id" | "name" | "color">[] }) {
  return (
    <ul aria-hidden="true" className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted-foreground">
      {series.map((s) => (
        <li key={s.id} className="flex items-center gap-1.5">
          <span className="inline-block size-2.5 shrink-0 rounded-sm" style={{ backgroundColor: s.color }} />
          {s.name}
        </li>
      ))}
    </ul>
  );
}
