import { ShareBars } from "@/components/charts/share-bars";
import { noHistoryText } from "@/components/dashboard/history-text";
import { Panel } from "@/components/dashboard/panel";
import { formatMoney, formatPercent } from "@/lib/format";
import type { MetricsView } from "@/lib/schemas/metrics";
import { kindLabel } from "@/components/dashboard/labels";
import { ShareTable } from "./share-table";

type Props = { metrics: MetricsView | undefined; loading: boolean; error: boolean };

/** Share of income by kind of work: several streams of one kind are one bet (two retainers are still freelancing). */
export function KindSharePanel({ metrics, loading, error }: Props) {
  const items = metrics?.diversification.byKind ?? [];
  const top = items[0];
  const currency = metrics?.currency ?? "USD";
  return (
    <Panel
      title="Income by kind"
      description={
        top
          ? `${kindLabel(top.key)} brings ${formatPercent(top.share)} of your income. Streams of the same kind tend to rise and fall together.`
          : undefined
      }
      loading={loading}
      error={error}
      empty={metrics && metrics.history.analysisMonths === 0 ? noHistoryText(metrics) : undefined}
      textAlternative={
        metrics ? (
          <ShareTable
            label="Income by kind"
            keyHeader="Kind"
            currency={currency}
            rows={items.map((i) => ({ key: i.key, label: kindLabel(i.key), income: i.income, share: i.share }))}
          />
        ) : null
      }
    >
      <ShareBars
        label="Share of income by kind"
        swatches={false}
        items={items.map((i) => ({
          key: i.key,
          label: kindLabel(i.key),
          value: i.share,
          valueText: formatPercent(i.share),
          detail: formatMoney(i.income, currency, { compact: true }),
          color: "var(--chart-5)",
        }))}
      />
    </Panel>
  );
}
