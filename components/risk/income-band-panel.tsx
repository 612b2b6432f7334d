import { IncomeBandLegend } from "@/components/charts/income-band-legend";
import { IncomeBandChart } from "@/components/charts/lazy";
import { noHistoryText } from "@/components/dashboard/history-text";
import { Panel } from "@/components/dashboard/panel";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatCount, formatMoney, formatMonth, formatMonthRange } from "@/lib/format";
import { typicalRange } from "@/lib/metrics/bands";
import type { MetricsView } from "@/lib/schemas/metrics";

type Props = { metrics: MetricsView | undefined; loading: boolean; error: boolean; className?: string };

/**
 * Monthly income against its own typical range: which months were unusual, and how unusual. Only the
 * analysis months are plotted (complete months since the first record), the months the average, the band
 * and the worst month are computed over: no zero months before the user started, no month in progress.
 */
export function IncomeBandPanel({ metrics, loading, error, className }: Props) {
  const currency = metrics?.currency ?? "USD";
  const money = (v: number) => formatMoney(v, currency);
  const risk = metrics?.risk;
  const history = metrics?.history;
  const from = history?.from ?? null;
  const to = history?.to ?? null;
  const monthly = from !== null && to !== null ? (metrics?.monthly ?? []).filter((m) => from <= m.month && m.month <= to) : [];
  const mean = risk?.mean ?? null;
  // A series that never changed (stdev 0) has no band and no month worse than another; one month has no stdev.
  const swings = risk?.stdev != null && risk.stdev > 0;
  const worst = swings ? risk?.worstMonth?.month : undefined;
  const range = typicalRange(mean, risk?.stdev ?? null);
  const band = range ? `${money(range.low)} to ${money(range.high)}` : null;
  const label = `Monthly income: ${monthly.map((m) => `${formatMonth(m.month)} ${money(m.income)}`).join(", ")}. Average ${mean !== null ? money(mean) : "—"}${band ? `, typical range ${band}` : ""}.`;
  const span = from !== null && to !== null ? `${formatCount(monthly.length, "complete month")}, ${formatMonthRange(from, to)}` : "";

  return (
    <Panel
      className={className}
      title="Monthly income"
      description={
        monthly.length > 0 ? (
          <>
            Your {span}.{" "}
            {band
              ? `The shaded band is your typical month, ${band} (average ± one standard deviation); months outside it are unusual. `
              : ""}
            {worst ? `The red dot is the worst month, ${formatMonth(worst)}.` : ""}
            {risk?.stdev === 0 && mean !== null ? `Every one of them brought ${money(mean)}: no swing at all.` : ""}
          </>
        ) : undefined
      }
      loading={loading}
      error={error}
      empty={metrics && (monthly.length === 0 || mean === null) ? noHistoryText(metrics) : undefined}
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
                  </TableCell>
                  <TableCell numeric>{money(m.income)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : null
      }
    >
      {mean !== null ? (
        <div className="flex flex-col gap-2">
          <IncomeBandChart data={monthly} currency={currency} mean={mean} range={range} highlight={worst} label={label} />
          <IncomeBandLegend mean={formatMoney(mean, currency, { compact: true })} band={range !== null} highlight={worst !== undefined} />
        </div>
      ) : null}
    </Panel>
  );
}
