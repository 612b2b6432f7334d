"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { Panel } from "@/components/dashboard/panel";
import { inlineLink } from "@/components/dashboard/labels";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatMoney, formatMonth, formatMonthRange } from "@/lib/format";
import { metricsQuery } from "@/lib/queries";

const strong = "font-semibold text-foreground";

/** What to put aside for taxes, month by month, over the default window (the metrics' tax block). */
export function TaxPanel({ window }: { window: { from: string; to: string } }) {
  const metrics = useQuery(metricsQuery(window));
  const m = metrics.data;
  const money = (v: number) => formatMoney(v, m?.currency ?? "USD", { whole: true });
  const net = new Map(m?.monthly.map((x) => [x.month, x.net]));
  return (
    <Panel
      title="Taxes"
      description={
        m ? (
          m.tax.setAside > 0 ? (
            <span data-testid="tax-text">
              Over {formatMonthRange(m.window.from, m.window.to)} set aside <strong className={strong}>{money(m.tax.setAside)}</strong>;
              after tax you kept <strong className={strong}>{money(m.tax.afterTaxNet)}</strong> of your {money(m.totals.net)} net income.
            </span>
          ) : (
            <span data-testid="tax-text">
              Nothing to set aside: no tax rate is set, or no month made money.{" "}
              <Link href="/settings" className={inlineLink}>
                Set a rate in Settings
              </Link>{" "}
              or on a stream.
            </span>
          )
        ) : undefined
      }
      loading={metrics.isPending}
      error={metrics.isError}
    >
      {m && m.tax.setAside > 0 ? (
        <Table label="Tax set-aside by month">
          <TableHeader>
            <TableRow>
              <TableHead>Month</TableHead>
              <TableHead numeric>Net income</TableHead>
              <TableHead numeric>Set aside</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {m.tax.byMonth.map((row) => (
              <TableRow key={row.month}>
                <TableCell>{formatMonth(row.month)}</TableCell>
                <TableCell numeric>{money(net.get(row.month) ?? 0)}</TableCell>
                <TableCell numeric>{money(row.setAside)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </Panel>
  );
}
