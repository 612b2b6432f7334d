import { NetIncomeChart } from "@/components/charts/net-income-chart";
import { Panel } from "@/components/dashboard/panel";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatMoney, formatMonth } from "@/lib/format";
import type { MetricsResult } from "@/lib/metrics/types";

type Props = { metrics: MetricsResult | undefined; loading: boolean; error: boolean; className?: string };

const strong = "font-semibold text-foreground";

/** What the user kept each month after the streams' own expenses. */
export function NetIncomePanel({ metrics, loading, error, className }: Props) {
  const currency = metrics?.currency ?? "USD";
  const money = (v: number) => formatMoney(v, currency);
  const monthly = metrics?.monthly ?? [];
  const losing = monthly.filter((m) => m.net < 0).length;
  return (
    <Panel
      className={className}
      title="Net income"
      description={
        metrics ? (
          <>
            After <strong className={strong}>{money(metrics.totals.expenses)}</strong> of stream expenses you kept{" "}
            <strong className={strong}>{money(metrics.totals.net)}</strong>
            {losing > 0 ? `; ${losing} month${losing === 1 ? "" : "s"} cost more than ${losing === 1 ? "it" : "they"} brought in.` : "."}
          </>
        ) : undefined
      }
      loading={loading}
      error={error}
      textAlternative={
        metrics ? (
          <Table label="Income, expenses and net income by month">
            <TableHeader>
              <TableRow>
                <TableHead>Month</TableHead>
                <TableHead numeric>Income</TableHead>
                <TableHead numeric>Expenses</TableHead>
                <TableHead numeric>Net</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {monthly.map((m) => (
                <TableRow key={m.month}>
                  <TableHead scope="row" className="normal-case">
                    {formatMonth(m.month)}
                  </TableHead>
                  <TableCell numeric>{money(m.income)}</TableCell>
                  <TableCell numeric>{money(m.expenses)}</TableCell>
                  <TableCell numeric className="font-medium">
                    {money(m.net)}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : null
      }
    >
      <NetIncomeChart data={monthly} currency={currency} label={'Net income by month. The table under "Show the numbers" lists every figure.'} />
    </Panel>
  );
}
