"use client";

import { MonthlyTotalsTable } from "@/components/charts/monthly-totals-table";
import { StreamMonthlyChart } from "@/components/charts/stream-monthly-chart";
import { Amount } from "@/components/transactions/amount";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { StreamSummary } from "@/lib/data/stream-summary";
import { formatMinutes, formatMoney, formatMonth, formatPercent } from "@/lib/format";

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

/** The 12-month totals, time and share; every figure comes computed from lib/data/stream-summary.ts. */
export function StreamStats({ summary }: { summary: StreamSummary }) {
  const { currency, totals } = summary;
  return (
    <dl className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
      <Stat label="Income" testId="stat-income">
        <Amount minor={totals.income} currency={currency} />
      </Stat>
      <Stat label="Expenses" testId="stat-expenses">
        {formatMoney(totals.expenses, currency)}
      </Stat>
      <Stat label="Net" testId="stat-net">
        <Amount minor={totals.net} currency={currency} />
      </Stat>
      <Stat label="Hours" testId="stat-hours">
        {formatMinutes(summary.minutes)}
      </Stat>
      <Stat label="Net per hour" testId="stat-hourly" hint={summary.hourlyRate === null ? "Log hours to see it" : undefined}>
        {summary.hourlyRate === null ? "—" : <Amount minor={summary.hourlyRate} currency={currency} />}
      </Stat>
      <Stat label="Share of your income" testId="stat-share" hint={summary.portfolioShare === null ? "No income in these months" : undefined}>
        {formatPercent(summary.portfolioShare, 1)}
      </Stat>
    </dl>
  );
}

/** Greys in the palette: expenses are drawn grey, unless the stream's own colour is grey. */
const GREYS = new Set(["var(--chart-8)", "#6b7280"]);

/** `color` is the stream's colour (the dot in the page header), so the income bars match it. */
export function StreamMonthlyCard({ summary, color }: { summary: StreamSummary; color?: string }) {
  const { currency, monthly, totals, window } = summary;
  return (
    <Card>
      <CardHeader>
        <CardTitle>By month</CardTitle>
        <CardDescription>
          Income, expenses and net, {formatMonth(window.from)} – {formatMonth(window.to)}, in {currency}.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <StreamMonthlyChart data={monthly} currency={currency} colors={color ? { income: color, expenses: GREYS.has(color.toLowerCase()) ? "var(--chart-2)" : "var(--chart-8)" } : undefined} />
        <details className="group">
          <summary className="cursor-pointer text-sm font-medium text-primary">Show the figures as a table</summary>
          <MonthlyTotalsTable
            rows={monthly}
            currency={currency}
            label="Income, expenses and net by month"
            total={{ label: "12 months", ...totals }}
            containerClassName="mt-3"
          />
        </details>
      </CardContent>
    </Card>
  );
}

export function TopClientsCard({ summary }: { summary: StreamSummary }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Top clients</CardTitle>
        <CardDescription>Income by counterparty over the same 12 months.</CardDescription>
      </CardHeader>
      <CardContent>
        {summary.topClients.length === 0 ? (
          <p className="text-sm text-muted-foreground">No counterparty on this stream’s income yet. Add one when you log a payment to see who pays you most.</p>
        ) : (
          <ol className="flex flex-col gap-3" aria-label="Top clients by income">
            {summary.topClients.map((c) => (
              <li key={c.name.toLowerCase()} className="flex flex-col gap-1.5">
                <div className="flex items-baseline justify-between gap-3 text-sm">
                  <span className="min-w-0 truncate font-medium">{c.name}</span>
                  <span className="shrink-0 text-muted-foreground">
                    <Amount minor={c.income} currency={summary.currency} className="font-medium text-foreground" /> · {formatPercent(c.share)}
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
