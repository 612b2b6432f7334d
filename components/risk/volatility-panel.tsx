"use client";

import { ShareBars } from "@/components/charts/share-bars";
import { Panel } from "@/components/dashboard/panel";
import { useStreamColors } from "@/components/dashboard/use-stream-colors";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { noHistoryText } from "@/components/dashboard/history-text";
import { formatMoney, formatPercent } from "@/lib/format";
import { comparedWithUsFamilies, US_FAMILY_INCOME_CV } from "@/lib/metrics/reference";
import type { MetricsView } from "@/lib/schemas/metrics";

type Props = { metrics: MetricsView | undefined; loading: boolean; error: boolean; className?: string };

/** Each stream's coefficient of variation, most volatile first, against the portfolio's own. */
export function VolatilityPanel({ metrics, loading, error, className }: Props) {
  const currency = metrics?.currency ?? "USD";
  const colors = useStreamColors(metrics?.streams);
  // Sorting is ordering, not computing: the values are the API's. Streams without a cv go last.
  const streams = [...(metrics?.streams ?? [])].sort((a, b) => (b.cv ?? -1) - (a.cv ?? -1));
  const portfolio = metrics?.risk.cv ?? null;
  const reference = US_FAMILY_INCOME_CV.value;
  const max = Math.max(portfolio ?? 0, reference, ...streams.map((s) => s.cv ?? 0));
  const top = streams[0];
  return (
    <Panel
      className={className}
      title="Volatility by stream"
      description={
        <>
          How far each stream&rsquo;s complete months stray from their own average (coefficient of variation).
          {top?.cv != null && top.cv > 0 ? ` ${top.name} is the most volatile at ${formatPercent(top.cv)}.` : ""}
          {top?.cv === 0 ? " No stream's income changed from one complete month to the next." : ""}
          <span data-testid="volatility-reference">
            {portfolio !== null
              ? ` Your whole portfolio's is ${formatPercent(portfolio)}, ${comparedWithUsFamilies(portfolio)} the median US family's ${formatPercent(reference)} `
              : ` The median US family's income varies by ${formatPercent(reference)} `}
            (
            <a
              href={US_FAMILY_INCOME_CV.url}
              className="font-medium text-primary underline-offset-4 hover:underline"
              rel="noreferrer"
              target="_blank"
            >
              {US_FAMILY_INCOME_CV.source}
            </a>
            ); the dashed {portfolio !== null ? "lines mark both" : "line marks it"}.
          </span>
        </>
      }
      loading={loading}
      error={error}
      empty={metrics && metrics.history.analysisMonths === 0 ? noHistoryText(metrics) : undefined}
      textAlternative={
        metrics ? (
          <Table label="Volatility by stream">
            <TableHeader>
              <TableRow>
                <TableHead>Stream</TableHead>
                <TableHead numeric>Volatility (cv)</TableHead>
                <TableHead numeric>Average month</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {streams.map((s) => (
                <TableRow key={s.id}>
                  <TableCell>{s.name}</TableCell>
                  <TableCell numeric>{s.cv === null ? "n/a" : formatPercent(s.cv)}</TableCell>
                  <TableCell numeric>{s.mean === null ? "—" : formatMoney(s.mean, currency)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : null
      }
    >
      <ShareBars
        label="Volatility by stream"
        max={max}
        markers={[
          ...(portfolio !== null ? [{ value: portfolio, label: `Portfolio ${formatPercent(portfolio)}` }] : []),
          { value: reference, label: `US families ${formatPercent(reference)}` },
        ]}
        items={streams.map((s) => ({
          key: s.id,
          label: s.name,
          value: s.cv,
          valueText: s.cv === null ? "n/a" : formatPercent(s.cv),
          detail: s.mean === null ? undefined : `avg ${formatMoney(s.mean, currency, { compact: true })}/mo`,
          color: colors.get(s.id),
        }))}
      />
    </Panel>
  );
}
