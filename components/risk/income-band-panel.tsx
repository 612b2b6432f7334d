import { IncomeBandChart } from "@/components/charts/income-band-chart";
import { Panel } from "@/components/dashboard/panel";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatMoney, formatMonth } from "@/lib/format";
import { monthOf } from "@/lib/metrics/months";
import type { MetricsResult } from "@/lib/metrics/types";

type Props = { metrics: MetricsResult | undefined; loading: boolean; error: boolean; today: string; className?: string };

/** Monthly income against its own typical range: which months were unusual, and how unusual. */
export function IncomeBandPanel({ metrics, loading, error, today, className }: Props) {
  const currency = metrics?.currency ?? "USD";
  const money = (v: number) => formatMoney(v, currency);
  const risk = metrics?.risk;
  const monthly = metrics?.monthly ?? [];
  const worst = risk?.worstMonth.month;
  const current = monthOf(today);
  const inProgress = monthly.some((m) => m.month === current);
  const band = risk && risk.stdev !== null ? `${money(Math.max(0, risk.mean - risk.stdev))} to ${money(risk.mean + risk.stdev)}` : null;
  const label = `Monthly income: ${monthly.map((m) => `${formatMonth(m.month)} ${money(m.income)}`).join(", ")}. Average ${risk ? money(risk.mean) : "—"}${band ? `, typical range ${band}` : ""}.`;

  return (
    <Panel
      className={className}
      title="Monthly income"
      description={
        <>
          {band ? `The shaded band is your typical month, ${band} (average ± one standard deviation); months outside it are unusual. ` : ""}
          {worst ? `The red dot is the worst month, ${formatMonth(worst)}.` : ""}
          {inProgress ? ` ${formatMonth(current)} is still in progress.` : ""}
        </>
      }
      loading={loading}
      error={error}
      textAlternative={
        metrics ? (
          <Table label="Monthly income">
            <TableHeader>
              <TableRow>
                <TableHead>Month</TableHead>
                <TableHead numeric>Income</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {monthly.map((m) => (
                <TableRow key={m.month}>
                  <TableCell>
                    {formatMonth(m.month)}
                    {m.month === worst ? " (worst)" : ""}
                    {m.month === current ? " (in progress)" : ""}
                  </TableCell>
                  <TableCell numeric>{money(m.income)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : null
      }
    >
      {risk ? <IncomeBandChart data={monthly} currency={currency} mean={risk.mean} stdev={risk.stdev} highlight={worst} label={label} /> : null}
    </Panel>
  );
}
