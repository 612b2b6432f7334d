import { FigureCard } from "@/components/dashboard/figure-card";
import { findRule, formatRuleValue, RuleBadge } from "@/components/dashboard/rule-status";
import { formatMoney, formatMonth, formatNumber, formatPercent } from "@/lib/format";
import type { MetricsResult } from "@/lib/metrics/types";

/** Volatility, worst month, maximum drawdown and the diversification ratio, each with what it means. */
export function RiskFigures({ metrics, loading, today }: { metrics: MetricsResult | undefined; loading: boolean; today: string }) {
  const skeleton = loading || !metrics;
  const risk = metrics?.risk;
  const currency = metrics?.currency ?? "USD";
  const money = (v: number) => formatMoney(v, currency);
  const volatility = metrics ? findRule(metrics, "income-volatility") : undefined;
  // Presentation arithmetic on the API's figures: the band's bounds, the gap to the average, and the
  // swing the streams would add up to in lockstep (ratio × portfolio stdev = sum of stream stdevs).
  const lockstep = risk?.diversificationRatio != null && risk.stdev != null ? risk.diversificationRatio * risk.stdev : null;

  return (
    <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
      <FigureCard testId="volatility" title="Volatility" value={formatPercent(risk?.cv)} badge={<RuleBadge rule={volatility} />} loading={skeleton}>
        {risk && risk.stdev !== null ? (
          <>
            A typical month lands within {money(risk.stdev)} of your {money(risk.mean)} average
            {volatility ? `; the rule passes at ${formatRuleValue(volatility, volatility.pass)} or less` : ""}.
          </>
        ) : (
          "Needs at least two months of income."
        )}
      </FigureCard>
      <FigureCard testId="worst-month" title="Worst month" value={risk ? formatMonth(risk.worstMonth.month) : "—"} loading={skeleton}>
        {risk ? (
          <>
            You earned <strong className="font-semibold text-foreground">{money(risk.worstMonth.income)}</strong>, {money(Math.max(0, risk.mean - risk.worstMonth.income))} below your
            average month{risk.worstMonth.month === today.slice(0, 7) ? " (and the month is not over yet)" : ""}.
          </>
        ) : null}
      </FigureCard>
      <FigureCard testId="max-drawdown" title="Maximum drawdown" value={formatPercent(risk?.maxDrawdown)} loading={skeleton}>
        {risk && risk.maxDrawdown > 0
          ? `At its deepest, a month's income fell ${formatPercent(risk.maxDrawdown)} below the best month before it.`
          : "No month fell below an earlier month's income."}
      </FigureCard>
      <FigureCard testId="diversification-ratio" title="Diversification ratio" value={risk?.diversificationRatio == null ? "—" : `${formatNumber(risk.diversificationRatio, 1)}×`} loading={skeleton}>
        {risk?.diversificationRatio != null && risk.stdev !== null && lockstep !== null ? (
          <>
            Your streams&rsquo; ups and downs offset each other: the portfolio swings {formatNumber(risk.diversificationRatio, 1)}× less than its parts would if they
            moved together ({money(risk.stdev)} a month instead of {money(lockstep)}).
          </>
        ) : (
          "Needs at least two months in which your income changed."
        )}
      </FigureCard>
    </div>
  );
}
