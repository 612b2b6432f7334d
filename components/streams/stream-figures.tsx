"use client";

import { MonthlyTotalsTable } from "@/components/charts/monthly-totals-table";
import { StreamMonthlyChart } from "@/components/charts/lazy";
import { Amount } from "@/components/transactions/amount";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatHours, formatMoney, formatMonth, formatPercent } from "@/lib/format";
import type { StreamClientsView, StreamMetricsView } from "@/lib/schemas/metrics";

function Stat({ label, children, hint, testId }: { label: string; children: React.ReactNode; hint?: string; testId?: string }) {
  return (
    <div className="flex min-w-0 flex-col gap-1 rounded-xl border border-border bg-surface p-4 shadow-xs">
      <dt className="text-xs font-medium text-muted-foreground">{label}</dt>
      <dd className="money truncate text-xl font-semibold" data-testid={testId}>
        {children}
      </dd>
      {hint ? <dd className="text-xs text-muted-foreground">{hint}</dd> : null}
    </div>
  );
}

/**
 * The stream's money, time and share over the window, as GET /api/v1/metrics gives them for it; a stream
 * the metrics do not list (archived, nothing in the window) has none of these yet.
 */
export function StreamStats({ stream, currency }: { stream: StreamMetricsView | undefined; currency: string }) {
  return (
    <dl className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
      <Stat label="Income" testId="stat-income">
        <Amount minor={stream?.income ?? 0} currency={currency} />
      </Stat>
      <Stat label="Expenses" testId="stat-expenses">
        {formatMoney(stream?.expenses ?? 0, currency)}
      </Stat>
      <Stat label="Net" testId="stat-net">
        <Amount minor={stream?.net ?? 0} currency={currency} />
      </Stat>
      <Stat label="Hours" testId="stat-hours">
        {formatHours(stream?.hours ?? 0)}
      </Stat>
      <Stat label="Net per hour" testId="stat-hourly" hint={stream?.hourlyRate == null ? "Log hours to see it" : undefined}>
        {stream?.hourlyRate == null ? "—" : <Amount minor={stream.hourlyRate} currency={currency} />}
      </Stat>
      <Stat
        label="Share of your income"
        testId="stat-share"
        hint={stream?.share == null ? "No income in its complete months" : "Over the complete months"}
      >
        {formatPercent(stream?.share ?? null, 1)}
      </Stat>
    </dl>
  );
}

/** Greys in the palette: expenses are drawn grey, unless the stream's own colour is grey. */
const GREYS = new Set(["var(--chart-8)", "#6b7280"]);

/** `color` is the stream's colour (the dot in the page header), so the income bars match it. */
export function StreamMonthlyCard({
  stream,
  window,
  currency,
  color,
}: {
  stream: StreamMetricsView;
  window: { from: string; to: string; months: number };
  currency: string;
  color?: string;
}) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>By month</CardTitle>
        <CardDescription>
          Income, expenses and net, {formatMonth(window.from)} – {formatMonth(window.to)}, in {currency}.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <StreamMonthlyChart
          data={stream.monthly}
          currency={currency}
          colors={color ? { income: color, expenses: GREYS.has(color.toLowerCase()) ? "var(--chart-2)" : "var(--chart-8)" } : undefined}
        />
        <details className="group">
          <summary className="cursor-pointer text-sm font-medium text-primary">Show the figures as a table</summary>
          <MonthlyTotalsTable
            rows={stream.monthly}
            currency={currency}
            label="Income, expenses and net by month"
            total={{ label: `${window.months} months`, income: stream.income, expenses: stream.expenses, net: stream.net }}
            containerClassName="mt-3"
          />
        </details>
      </CardContent>
    </Card>
  );
}

/** Who pays this stream, as GET /api/v1/streams/{id}/clients gives it. */
export function TopClientsCard({ clients, currency }: { clients: StreamClientsView; currency: string }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Top clients</CardTitle>
        <CardDescription>Income by counterparty over the same months.</CardDescription>
      </CardHeader>
      <CardContent>
        {clients.data.length === 0 ? (
          <p className="text-sm text-muted-foreground">
            No counterparty on this stream’s income yet. Add one when you log a payment to see who pays you most.
          </p>
        ) : (
          <ol className="flex flex-col gap-3" aria-label="Top clients by income">
            {clients.data.map((c) => (
              <li key={c.key.toLowerCase()} className="flex flex-col gap-1.5">
                <div className="flex items-baseline justify-between gap-3 text-sm">
                  <span className="min-w-0 truncate font-medium">{c.key}</span>
                  <span className="shrink-0 text-muted-foreground">
                    <Amount minor={c.income} currency={currency} className="font-medium text-foreground" /> · {formatPercent(c.share)}
                  </span>
                </div>
                {/* The bar repeats the percentage next to it, so it is hidden from assistive tech. */}
                <div aria-hidden="true" className="h-1.5 overflow-hidden rounded-full bg-muted">
                  <div className="h-full rounded-full bg-primary" style={{ width: `${Math.max(0, Math.min(1, c.share ?? 0)) * 100}%` }} />
                </div>
              </li>
            ))}
          </ol>
        )}
      </CardContent>
    </Card>
  );
}
