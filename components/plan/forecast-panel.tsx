import { ForecastFanChart } from "@/components/charts/lazy";
import { Panel } from "@/components/dashboard/panel";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatMoney, formatMonth } from "@/lib/format";
import type { PlanView } from "@/lib/schemas/plan";

type Props = { plan: PlanView | undefined; loading: boolean; error: boolean };

const strong = "font-semibold text-foreground";

/** The months ahead: the expected income with its range, for the portfolio and stream by stream. */
export function ForecastPanel({ plan, loading, error }: Props) {
  const currency = plan?.currency ?? "USD";
  const money = (v: number) => formatMoney(v, currency, { whole: true });
  const months = plan?.forecast.months ?? [];
  const next = months[0];
  const n = plan?.history.months ?? 0;
  const range = (low: number | null, high: number | null) => (low !== null && high !== null ? `${money(low)} – ${money(high)}` : "—");
  return (
    <Panel
      title={`The next ${months.length} months`}
      description={
        plan && next && n > 0 ? (
          <span data-testid="forecast-text">
            In {formatMonth(next.month)} your active streams should bring about <strong className={strong}>{money(next.expected)}</strong>
            {next.low !== null && next.high !== null ? (
              <>
                : between <strong className={strong}>{money(next.low)}</strong> and <strong className={strong}>{money(next.high)}</strong>{" "}
                in 8 of 10 months like your last {n}.
              </>
            ) : (
              `. A range needs 3 complete months of history; you have ${n}.`
            )}
            {next.scheduled > 0 ? (
              <>
                {" "}
                <strong className={strong}>{money(next.scheduled)}</strong> of it is expected payments not yet received; the rest follows
                the trend of your other income.
              </>
            ) : null}
          </span>
        ) : undefined
      }
      loading={loading}
      error={error}
      empty={plan && n === 0 ? "The forecast starts from complete months: it appears once a whole month of income is in." : undefined}
      textAlternative={
        plan ? (
          <Table label="Forecast by month">
            <TableHeader>
              <TableRow>
                <TableHead>Month</TableHead>
                <TableHead numeric>Expected</TableHead>
                <TableHead numeric>Range</TableHead>
                <TableHead numeric>Scheduled</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {months.map((m) => (
                <TableRow key={m.month}>
                  <TableCell>{formatMonth(m.month)}</TableCell>
                  <TableCell numeric>{money(m.expected)}</TableCell>
                  <TableCell numeric>{range(m.low, m.high)}</TableCell>
                  <TableCell numeric>{money(m.scheduled)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : null
      }
    >
      <ForecastFanChart
        data={months}
        currency={currency}
        label={`Forecast: ${months.map((m) => `${formatMonth(m.month)} ${money(m.expected)}`).join(", ")}. The table under "Show the numbers" lists the ranges.`}
      />
      <FanLegend scheduled={months.some((m) => m.scheduled > 0)} />
      {plan && plan.forecast.streams.length > 0 ? (
        <Table label="Next month by stream">
          <TableHeader>
            <TableRow>
              <TableHead>Stream</TableHead>
              <TableHead numeric>{next ? formatMonth(next.month) : "Next month"}</TableHead>
              <TableHead numeric>Range</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {plan.forecast.streams.map((s) => (
              <TableRow key={s.id}>
                <TableCell>{s.name}</TableCell>
                <TableCell numeric>
                  {money(s.months[0]?.expected ?? 0)}
                  {s.months[0] && s.months[0].scheduled > 0 ? (
                    <span className="block text-xs text-muted-foreground">{money(s.months[0].scheduled)} expected payments</span>
                  ) : null}
                </TableCell>
                <TableCell numeric>{range(s.months[0]?.low ?? null, s.months[0]?.high ?? null)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </Panel>
  );
}

/** The chart's key: what the line, the band and the dashed line are. */
function FanLegend({ scheduled }: { scheduled: boolean }) {
  return (
    <ul aria-hidden="true" className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted-foreground">
      <li className="flex items-center gap-1.5">
        <span className="inline-block h-0.5 w-4 bg-chart-1" />
        Expected
      </li>
      <li className="flex items-center gap-1.5">
        <span className="inline-block size-2.5 rounded-sm bg-chart-1/15" />
        Range (8 months in 10)
      </li>
      {scheduled ? (
        <li className="flex items-center gap-1.5">
          <span className="inline-block w-4 border-t-[1.5px] border-dashed border-muted-foreground" />
          Expected payments (scheduled)
        </li>
      ) : null}
    </ul>
  );
}
