import { HhiTrendChart } from "@/components/charts/lazy";
import { Panel } from "@/components/dashboard/panel";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { noHistoryText } from "@/components/dashboard/history-text";
import { formatMonth, formatNumber } from "@/lib/format";
import type { MetricsView } from "@/lib/schemas/metrics";
import { findRule } from "@/components/dashboard/rule-status";
import { hhiChartBands } from "./hhi-band";

type Props = { metrics: MetricsView | undefined; loading: boolean; error: boolean; className?: string };

/**
 * HHI month by month over the complete months since the first record (the API's byMonth): is the income
 * getting more or less concentrated? The month in progress is not among them, so it cannot spike the line.
 */
export function HhiTrendPanel({ metrics, loading, error, className }: Props) {
  const months = metrics?.diversification.byMonth ?? [];
  const overall = metrics?.diversification.hhi ?? null;
  // The bands are the effective-streams rule's thresholds on the HHI scale (1 / effective streams).
  const bands = hhiChartBands(metrics ? findRule(metrics, "effective-streams") : undefined);
  const label = `HHI by month: ${months.map((m) => `${formatMonth(m.month)} ${m.hhi === null ? "no income" : formatNumber(m.hhi, 2)}`).join(", ")}.`;
  return (
    <Panel
      className={className}
      title="Concentration over time"
      description={`Each complete month's HHI; lower is more diversified. The bands follow your effective-streams rule. The dashed line is all of them together (${formatNumber(overall, 2)}); a gap is a month without income.`}
      loading={loading}
      error={error}
      empty={metrics && months.length === 0 ? noHistoryText(metrics) : undefined}
      textAlternative={
        metrics ? (
          <Table label="HHI by month">
            <TableHeader>
              <TableRow>
                <TableHead>Month</TableHead>
                <TableHead numeric>HHI</TableHead>
                <TableHead numeric>Effective streams</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {months.map((m) => (
                <TableRow key={m.month}>
                  <TableCell>{formatMonth(m.month)}</TableCell>
                  <TableCell numeric>{m.hhi === null ? "no income" : formatNumber(m.hhi, 2)}</TableCell>
                  <TableCell numeric>{formatNumber(m.effectiveStreams, 1)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : null
      }
    >
      <HhiTrendChart data={months} bands={bands} overall={overall} label={label} />
    </Panel>
  );
}
