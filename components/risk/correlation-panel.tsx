import { CorrelationHeatmap } from "@/components/charts/correlation-heatmap";
import { formatCorrelation } from "@/components/charts/correlation-words";
import { correlationBand } from "@/lib/metrics/bands";
import { Panel } from "@/components/dashboard/panel";
import { noHistoryText } from "@/components/dashboard/history-text";
import { formatCount } from "@/lib/format";
import type { MetricsView } from "@/lib/schemas/metrics";

type Props = { metrics: MetricsView | undefined; loading: boolean; error: boolean; className?: string };

type Pair = { a: string; b: string; r: number };

/** Correlations of fewer monthly points than this swing wildly; the panel says so. */
const ROUGH_BELOW = 12;

/** The most extreme pair in each direction: picked from the API's matrix, not computed. */
function extremes(names: readonly string[], matrix: readonly (readonly (number | null)[])[]) {
  let together: Pair | null = null;
  let opposite: Pair | null = null;
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) {
      const r = matrix[i]?.[j] ?? null;
      if (r === null) continue;
      const pair = { a: names[i] ?? "", b: names[j] ?? "", r };
      if (!together || r > together.r) together = pair;
      if (!opposite || r < opposite.r) opposite = pair;
    }
  }
  return { together, opposite };
}

/** Correlations are over the complete months (n >= 3, METRICS.md); the reason there are none to show. */
function emptyReason(metrics: MetricsView, streams: number): string | undefined {
  const n = metrics.history.analysisMonths;
  if (n === 0) return noHistoryText(metrics);
  if (streams < 2) return "Correlations need at least two streams.";
  if (n < 3) return `Correlations need at least three complete months; this window has ${formatCount(n, "complete month")}.`;
  return undefined;
}

/** Which streams rise and fall together: the heatmap, with the strongest pairs in words. */
export function CorrelationPanel({ metrics, loading, error, className }: Props) {
  const ids = metrics?.risk.correlations.streamIds ?? [];
  const names = ids.map((id) => metrics?.streams.find((s) => s.id === id)?.name ?? "Unknown stream");
  const matrix = metrics?.risk.correlations.matrix ?? [];
  const { together, opposite } = extremes(names, matrix);
  // Worded with the heatmap's own cut-offs, so the sentence and the cells agree.
  const togetherBand = together ? correlationBand(together.r) : "n/a";
  const oppositeBand = opposite ? correlationBand(opposite.r) : "n/a";
  return (
    <Panel
      className={className}
      title="Which streams move together"
      description={
        <>
          Correlation of monthly income between streams: +1 rise and fall together, −1 offset each other.
          {together && togetherBand === "together"
            ? ` ${together.a} and ${together.b} move together the most (${formatCorrelation(together.r)}).`
            : ""}
          {opposite && oppositeBand === "opposite"
            ? ` ${opposite.a} and ${opposite.b} offset each other the most (${formatCorrelation(opposite.r)}).`
            : ""}
          {opposite && oppositeBand === "loosely-opposite"
            ? ` ${opposite.a} and ${opposite.b} offset each other a little (${formatCorrelation(opposite.r)}).`
            : ""}
          {metrics && metrics.history.analysisMonths >= 3 && metrics.history.analysisMonths < ROUGH_BELOW
            ? ` Over ${formatCount(metrics.history.analysisMonths, "complete month")} these are rough; a longer window is steadier.`
            : ""}
        </>
      }
      loading={loading}
      error={error}
      empty={metrics ? emptyReason(metrics, ids.length) : undefined}
    >
      <CorrelationHeatmap names={names} matrix={matrix} caption="Correlation of monthly income between streams" />
    </Panel>
  );
}
