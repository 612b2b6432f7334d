"use client";

import { StackedIncomeChart } from "@/components/charts/lazy";
import { SeriesLegend } from "@/components/charts/series-legend";
import { Panel } from "@/components/dashboard/panel";
import { useStreamColors } from "@/components/dashboard/use-stream-colors";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatCount, formatMoney, formatMonth, formatPercent } from "@/lib/format";
import type { MetricsView } from "@/lib/schemas/metrics";

type Props = {
  metrics: MetricsView | undefined;
  loading: boolean;
  error: boolean;
  className?: string;
};

const strong = "font-semibold text-foreground";

/** Income by month stacked by stream: which streams carry the portfolio, and how steadily. */
export function IncomeByStreamPanel({ metrics, loading, error, className }: Props) {
  const currency = metrics?.currency ?? "USD";
  const money = (v: number) => formatMoney(v, currency);
  const months = metrics?.monthly.map((m) => m.month) ?? [];
  // Streams that earned nothing in the window would only add empty legend entries.
  const earning = (metrics?.streams ?? []).filter((s) => s.monthly.some((m) => m.income !== 0));
  const colors = useStreamColors(metrics?.streams);
  const series = earning.map((s) => ({
    id: s.id,
    name: s.name,
    color: colors.get(s.id) ?? "var(--chart-8)",
    values: s.monthly.map((m) => m.income),
  }));
  const top = metrics?.streams[0];
  const first = months[0];
  const last = months.at(-1);
  const span = first && last ? `, ${formatMonth(first)} to ${formatMonth(last)}` : "";
  const label = `Income by month, stacked by stream${span}. The table under "Show the numbers" lists every figure.`;

  return (
    <Panel
      className={className}
      title="Income by stream"
      description={
        metrics ? (
          <>
            You earned <strong className={strong}>{money(metrics.totals.income)}</strong>{" "}
            {metrics.window.months === 1 ? `in ${formatMonth(metrics.window.from)}` : `over these ${metrics.window.months} months`}
            <Average metrics={metrics} money={money} />
            {top && top.share !== null ? (
              <>
                ; {top.name} brought the most ({formatPercent(top.share)}).
              </>
            ) : (
              "."
            )}
          </>
        ) : undefined
      }
      loading={loading}
      error={error}
      textAlternative={
        metrics ? (
          <Table label="Income by month and stream">
            <TableHeader>
              <TableRow>
                <TableHead>Month</TableHead>
                {series.map((s) => (
                  <TableHead key={s.id} numeric>
                    {s.name}
                  </TableHead>
                ))}
                <TableHead numeric>Total</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {metrics.monthly.map((m, i) => (
                <TableRow key={m.month}>
                  <TableHead scope="row" className="normal-case">
                    {formatMonth(m.month)}
                  </TableHead>
                  {series.map((s) => (
                    <TableCell key={s.id} numeric>
                      {money(s.values[i] ?? 0)}
                    </TableCell>
                  ))}
                  <TableCell numeric className="font-medium">
                    {money(m.income)}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : null
      }
    >
      <div className="flex flex-col gap-3">
        <StackedIncomeChart months={months} series={series} currency={currency} label={label} />
        <SeriesLegend series={series} />
      </div>
    </Panel>
  );
}

/**
 * The average month is over the complete months since the first record (the API's monthlyIncome): said as
 * "a month on average" when those are the window's months, named when they are fewer, left out without any.
 */
function Average({ metrics, money }: { metrics: MetricsView; money: (v: number) => string }) {
  const average = metrics.resilience.monthlyIncome;
  const { analysisMonths } = metrics.history;
  if (average === null) return null;
  if (analysisMonths === metrics.window.months) {
    return (
      <>
        , <strong className={strong}>{money(average)}</strong> a month on average
      </>
    );
  }
  return (
    <>
      ; {analysisMonths === 1 ? "your one complete month brought" : `your ${formatCount(analysisMonths, "complete month")} averaged`}{" "}
      <strong className={strong}>{money(average)}</strong>
    </>
  );
}
