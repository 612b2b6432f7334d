import { FigureCard } from "@/components/dashboard/figure-card";
import { findRule, formatRuleValue, RuleBadge } from "@/components/dashboard/rule-status";
import { formatMoney, formatMonth, formatNumber, formatPercent } from "@/lib/format";
import { noHistoryShort } from "@/components/dashboard/history-text";
import type { MetricsView } from "@/lib/schemas/metrics";

type Props = { metrics: MetricsView | undefined; loading: boolean; error: boolean };

/** Volatility, worst month, maximum drawdown and the diversification ratio, each with what it means. */
export function RiskFigures({ metrics, loading, error }: Props) {
  const skeleton = loading || (!metrics && !error);
  const risk = metrics?.risk;
  const currency = metrics?.currency ?? "USD";
  const money = (v: number) => formatMoney(v, currency);
  const volatility = metrics ? findRule(metrics, "income-volatility") : undefined;
  const ratio = risk?.diversificationRatio ?? null;
  const ratioText = ratio === null ? "—" : `${formatNumber(ratio, 1)}×`;
  // The ratio is never below 1; shown as 1.0× the streams do not cushion each other at all.
  const together = ratio !== null && Math.round(ratio * 10) <= 10;
  // Every figure here is over the complete months since the first record; without one, each says when.
  const noHistory = metrics && metrics.history.analysisMonths === 0 ? noHistoryShort(metrics) : null;
  const worst = risk?.worstMonth ?? null;
  const mean = risk?.mean ?? null;

  return (
    <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
      <FigureCard
        testId="volatility"
        title="Volatility"
        value={formatPercent(risk?.cv)}
        badge={<RuleBadge rule={volatility} />}
        loading={skeleton}
        error={error}
      >
        {noHistory ??
          (risk && risk.stdev === 0 && mean !== null ? (
            <>
              Every complete month brought the same {money(mean)}
              {volatility ? `; the rule passes at ${formatRuleValue(volatility, volatility.pass)} or less` : ""}.
            </>
          ) : risk && risk.stdev !== null && mean !== null ? (
            <>
              A typical month lands within {money(risk.stdev)} of your {money(mean)} average
              {volatility ? `; the rule passes at ${formatRuleValue(volatility, volatility.pass)} or less` : ""}.
            </>
          ) : (
            "Needs at least two complete months of income."
          ))}
      </FigureCard>
      <FigureCard testId="worst-month" title="Worst month" value={worst ? formatMonth(worst.month) : "—"} loading={skeleton} error={error}>
        {noHistory ??
          (worst && metrics?.history.analysisMonths === 1 ? (
            <>
              Your only complete month so far: you earned <strong className="font-semibold text-foreground">{money(worst.income)}</strong>.
            </>
          ) : worst && mean !== null ? (
            <>
              You earned <strong className="font-semibold text-foreground">{money(worst.income)}</strong>
              {mean > worst.income
                ? `, ${money(mean - worst.income)} below your average complete month.`
                : ", as much as every other complete month: none fell short."}
            </>
          ) : null)}
      </FigureCard>
      <FigureCard testId="max-drawdown" title="Maximum drawdown" value={formatPercent(risk?.maxDrawdown)} loading={skeleton} error={error}>
        {noHistory ??
          (risk?.maxDrawdown != null && risk.maxDrawdown > 0
            ? `At its deepest, a month's income fell ${formatPercent(risk.maxDrawdown)} below the best month before it.`
            : "No complete month fell below an earlier month's income.")}
      </FigureCard>
      <FigureCard testId="diversification-ratio" title="Diversification ratio" value={ratioText} loading={skeleton} error={error}>
        {noHistory ??
          (ratio === null || !risk || risk.stdev === null || risk.streamsStdevSum === null ? (
            "Needs at least two complete months in which your income changed."
          ) : together ? (
            <>
              Your streams rise and fall together, so they do not cushion each other: the portfolio swings {money(risk.stdev)} a month, as
              much as its parts add up to ({money(risk.streamsStdevSum)}).
            </>
          ) : (
            <>
              Your streams&rsquo; ups and downs offset each other: the portfolio swings {ratioText} less than its parts would if they moved
              together ({money(risk.stdev)} a month instead of {money(risk.streamsStdevSum)}).
            </>
          ))}
      </FigureCard>
    </div>
  );
}
