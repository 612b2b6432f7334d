import { Badge } from "@/components/ui/badge";
import { formatNumber, formatPercent } from "@/lib/format";
import type { MetricsResult } from "@/lib/metrics/types";
import { FigureCard } from "@/components/dashboard/figure-card";
import { HHI_BAND_COPY, HHI_CONCENTRATED, HHI_DIVERSIFIED, hhiBand } from "./hhi-band";
import { findRule, formatRuleValue, RuleBadge } from "@/components/dashboard/rule-status";

/** The three headline figures of the page: effective streams, HHI with its band, the largest stream. */
export function DiversificationFigures({ metrics, loading }: { metrics: MetricsResult | undefined; loading: boolean }) {
  const d = metrics?.diversification;
  const earning = metrics?.streams.filter((s) => s.share !== null).length ?? 0;
  const band = d?.hhi === null || d?.hhi === undefined ? null : HHI_BAND_COPY[hhiBand(d.hhi)];
  const largestId = metrics?.resilience.lossOfLargestStream.key;
  const largest = metrics?.streams.find((s) => s.id === largestId);
  const streamRule = metrics ? findRule(metrics, "stream-concentration") : undefined;
  const effectiveRule = metrics ? findRule(metrics, "effective-streams") : undefined;
  const skeleton = loading || !metrics;

  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      <FigureCard testId="effective-streams" title="Effective streams" value={formatNumber(d?.effectiveStreams, 1)} badge={<RuleBadge rule={effectiveRule} />} loading={skeleton}>
        Your income behaves like <strong className="font-semibold text-foreground">{formatNumber(d?.effectiveStreams, 1)} equal streams</strong>
        {earning > 0 ? `, from ${earning} that earned` : ""}. The closer the two, the more evenly it is spread
        {effectiveRule ? `; aim for ${formatRuleValue(effectiveRule, effectiveRule.pass)} or more` : ""}.
      </FigureCard>
      <FigureCard testId="hhi" title="Concentration index (HHI)" value={formatNumber(d?.hhi, 2)} badge={band ? <Badge tone={band.tone}>{band.label}</Badge> : null} loading={skeleton}>
        {band ? `${band.meaning}. ` : ""}
        The sum of squared shares: below {formatNumber(HHI_DIVERSIFIED, 2)} is diversified, {formatNumber(HHI_DIVERSIFIED, 2)}–{formatNumber(HHI_CONCENTRATED, 2)}{" "}
        moderate, above {formatNumber(HHI_CONCENTRATED, 2)} concentrated.
      </FigureCard>
      <FigureCard testId="top-stream-share" title="Largest stream" value={formatPercent(d?.topStreamShare)} badge={<RuleBadge rule={streamRule} />} loading={skeleton}>
        {largest ? (
          <>
            <strong className="font-semibold text-foreground">{largest.name}</strong> brings in {formatPercent(d?.topStreamShare)} of your income
          </>
        ) : (
          "Your largest stream's share of income"
        )}
        {streamRule ? `; the rule passes at ${formatRuleValue(streamRule, streamRule.pass)} or less.` : "."}
      </FigureCard>
    </div>
  );
}
