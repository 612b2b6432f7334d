import { NetIncomeChart } from "@/components/charts/lazy";
import { Panel } from "@/components/dashboard/panel";
import { MonthlyTotalsTable } from "@/components/charts/monthly-totals-table";
import { formatMoney } from "@/lib/format";
import type { MetricsView } from "@/lib/schemas/metrics";

type Props = { metrics: MetricsView | undefined; loading: boolean; error: boolean; className?: string };

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
        metrics ? <MonthlyTotalsTable rows={monthly} currency={currency} label="Income, expenses and net income by month" /> : null
      }
    >
      <NetIncomeChart
        data={monthly}
        currency={currency}
        label={'Net income by month. The table under "Show the numbers" lists every figure.'}
      />
    </Panel>
  );
}
