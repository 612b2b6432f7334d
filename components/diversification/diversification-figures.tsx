import { Badge } from "@/components/ui/badge";
import { formatNumber, formatPercent } from "@/lib/format";
import type { MetricsView } from "@/lib/schemas/metrics";
import { FigureCard } from "@/components/dashboard/figure-card";
import { noHistoryShort } from "@/components/dashboard/history-text";
import { hhiBand, hhiEdges } from "@/lib/metrics/bands";
import { HHI_BAND_COPY } from "./hhi-band";
import { findRule, formatRuleValue, RuleBadge } from "@/components/dashboard/rule-status";

/** The three headline figures of the page: effective streams, HHI with its band, the largest stream. */
export function DiversificationFigures({
  metrics,
  loading,
  error,
}: {
  metrics: MetricsView | undefined;
  loading: boolean;
  error: boolean;
}) {
  const d = metrics?.diversification;
  const earning = metrics?.streams.filter((s) => s.share !== null).length ?? 0;
  const largestId = metrics?.resilience.lossOfLargestStream.key;
  const largest = metrics?.streams.find((s) => s.id === largestId);
  const streamRule = metrics ? findRule(metrics, "stream-concentration") : undefined;
  const effectiveRule = metrics ? findRule(metrics, "effective-streams") : undefined;
  // HHI is 1 / effective streams, so the effective-streams rule is its reading too.
  const bandName = d?.hhi == null ? null : hhiBand(effectiveRule?.status);
  const band = bandName ? HHI_BAND_COPY[bandName] : null;
  const edges = effectiveRule ? hhiEdges(effectiveRule) : null;
  const skeleton = loading || (!metrics && !error);
  // Shares are over the complete months since the first record; without one, each card says when.
  const noHistory = metrics && metrics.history.analysisMonths === 0 ? noHistoryShort(metrics) : null;

  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      <FigureCard
        testId="effective-streams"
        title="Effective streams"
        value={formatNumber(d?.effectiveStreams, 1)}
        badge={<RuleBadge rule={effectiveRule} />}
        loading={skeleton}
        error={error}
      >
        {noHistory ?? (
          <>
            Your income behaves like{" "}
            <strong className="font-semibold text-foreground">{formatNumber(d?.effectiveStreams, 1)} equal streams</strong>
            {earning > 0 ? `, from ${earning} that earned` : ""}. The closer the two, the more evenly it is spread
            {effectiveRule ? `; aim for ${formatRuleValue(effectiveRule, effectiveRule.pass)} or more` : ""}.
          </>
        )}
      </FigureCard>
      <FigureCard
        testId="hhi"
        title="Concentration index (HHI)"
        value={formatNumber(d?.hhi, 2)}
        badge={band ? <Badge tone={band.tone}>{band.label}</Badge> : null}
        loading={skeleton}
        error={error}
      >
        {noHistory ? `${noHistory} ` : band ? `${band.meaning}. ` : ""}
        The sum of squared shares, and 1 ÷ your effective streams
        {edges && effectiveRule
          ? `: with your rule (pass at ${formatRuleValue(effectiveRule, effectiveRule.pass)} effective streams, warn at ${formatRuleValue(effectiveRule, effectiveRule.warn)}), up to ${formatNumber(edges.diversified, 2)} is diversified, up to ${formatNumber(edges.concentrated, 2)} moderate, above that concentrated.`
          : "."}
      </FigureCard>
      <FigureCard
        testId="top-stream-share"
        title="Largest stream"
        value={formatPercent(d?.topStreamShare)}
        badge={<RuleBadge rule={streamRule} />}
        loading={skeleton}
        error={error}
      >
        {noHistory ?? (
          <>
            {largest ? (
              <>
                <strong className="font-semibold text-foreground">{largest.name}</strong> brings in {formatPercent(d?.topStreamShare)} of
                your income
              </>
            ) : (
              "Your largest stream's share of income"
            )}
            {streamRule ? `; the rule passes at ${formatRuleValue(streamRule, streamRule.pass)} or less.` : "."}
          </>
        )}
      </FigureCard>
    </div>
  );
}
