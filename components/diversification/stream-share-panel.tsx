"use client";

import { DonutChart } from "@/components/charts/lazy";
import { ShareBars } from "@/components/charts/share-bars";
import { noHistoryText } from "@/components/dashboard/history-text";
import { Panel } from "@/components/dashboard/panel";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatMoney, formatPercent } from "@/lib/format";
import type { MetricsView } from "@/lib/schemas/metrics";
import { useStreamColors } from "@/components/dashboard/use-stream-colors";

type Props = { metrics: MetricsView | undefined; loading: boolean; error: boolean; className?: string };

/** Share of income by stream: a ring for the proportions, bars beside it for the exact figures. */
export function StreamSharePanel({ metrics, loading, error, className }: Props) {
  const colors = useStreamColors(metrics?.streams);
  const earning = metrics?.streams.filter((s) => s.share !== null) ?? [];
  const idle = metrics?.streams.filter((s) => s.share === null) ?? [];
  const top = earning[0];
  const currency = metrics?.currency ?? "USD";
  const slices = earning.map((s) => ({
    key: s.id,
    label: s.name,
    value: s.share ?? 0,
    valueText: formatPercent(s.share),
    color: colors.get(s.id) ?? "var(--chart-8)",
  }));

  return (
    <Panel
      className={className}
      title="Income by stream"
      description={top ? `${top.name} is the largest slice at ${formatPercent(top.share)} of your income in this window.` : undefined}
      loading={loading}
      error={error}
      empty={metrics && metrics.history.analysisMonths === 0 ? noHistoryText(metrics) : undefined}
      textAlternative={
        metrics ? (
          <Table label="Income by stream">
            <TableHeader>
              <TableRow>
                <TableHead>Stream</TableHead>
                <TableHead numeric>Income</TableHead>
                <TableHead numeric>Share</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {metrics.streams.map((s) => (
                <TableRow key={s.id}>
                  <TableCell>{s.name}</TableCell>
                  <TableCell numeric>{formatMoney(s.income, currency)}</TableCell>
                  <TableCell numeric>{formatPercent(s.share, 1)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : null
      }
    >
      <div className="flex flex-col items-center gap-6 md:flex-row md:items-center">
        <DonutChart
          slices={slices}
          label={`Share of income by stream: ${slices.map((s) => `${s.label} ${s.valueText}`).join(", ")}.`}
          center={{ value: String(earning.length), caption: earning.length === 1 ? "stream earning" : "streams earning" }}
        />
        <ShareBars
          className="w-full flex-1"
          label="Share of income by stream"
          items={earning.map((s) => ({
            key: s.id,
            label: s.name,
            value: s.share,
            valueText: formatPercent(s.share),
            detail: formatMoney(s.income, currency, { compact: true }),
            color: colors.get(s.id),
          }))}
        />
      </div>
      {idle.length > 0 ? (
        <p className="text-sm text-muted-foreground">
          No income in the complete months of this window from {idle.map((s) => s.name).join(", ")}.
        </p>
      ) : null}
    </Panel>
  );
}
