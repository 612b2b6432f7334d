"use client";

import Link from "next/link";
import { FigureCard } from "@/components/dashboard/figure-card";
import { noHistoryShort, scorePendingText } from "@/components/dashboard/history-text";
import { inlineLink } from "@/components/dashboard/labels";
import { findRule, RuleBadge } from "@/components/dashboard/rule-status";
import { useWindowScope } from "@/components/dashboard/window-scope";
import { Badge } from "@/components/ui/badge";
import { formatCount, formatMoney, formatNumber, formatPercent } from "@/lib/format";
import type { MetricsView } from "@/lib/schemas/metrics";
import { scoreBand } from "./score-band";

const strong = "font-semibold text-foreground";
const settingsLink = (text: string) => (
  <Link href="/settings#general" className={inlineLink}>
    {text}
  </Link>
);

/**
 * The score, what the anchors cover, and how long the buffer lasts if the largest stream stops. All of it
 * rests on the complete months since the first record: without three there is no score, and the card says
 * when it will appear.
 */
export function ResilienceSummary({ metrics, loading, error }: { metrics: MetricsView | undefined; loading: boolean; error: boolean }) {
  const { today } = useWindowScope();
  const r = metrics?.resilience;
  const currency = metrics?.currency ?? "USD";
  const money = (v: number) => formatMoney(v, currency);
  const score = metrics?.resilienceScore ?? null;
  const band = score === null ? null : scoreBand(score);
  const essential = r?.essentialMonthlyExpenses ?? null;
  const largest = metrics?.streams.find((s) => s.id === r?.lossOfLargestStream.key)?.name ?? "your largest stream";
  const skeleton = loading || (!metrics && !error);
  const noHistory = metrics && metrics.history.analysisMonths === 0 ? noHistoryShort(metrics) : null;
  const months = metrics ? formatCount(metrics.history.analysisMonths, "complete month") : "";

  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
      <FigureCard
        title="Resilience score"
        value={score === null ? "—" : <span data-testid="resilience-score">{score}</span>}
        badge={band ? <Badge tone={band.tone}>{band.label}</Badge> : null}
        loading={skeleton}
        error={error}
      >
        {band ? (
          `Out of 100: ${band.meaning}.`
        ) : metrics ? (
          <span data-testid="score-pending">{scorePendingText(metrics, today)}</span>
        ) : null}
      </FigureCard>
      <FigureCard title="Monthly income" value={r?.monthlyIncome != null ? money(r.monthlyIncome) : "—"} loading={skeleton} error={error}>
        {noHistory ?? (
          <>
            On average over {metrics?.history.analysisMonths === 1 ? "your one complete month" : `your ${months}`},{" "}
            {essential === null ? (
              <>against essential expenses you have not set yet. {settingsLink("Set them")} to check coverage.</>
            ) : (
              <>
                against <strong className={strong}>{money(essential)}</strong> of essential expenses a month.
              </>
            )}
          </>
        )}
      </FigureCard>
      <FigureCard
        title="Anchor coverage"
        value={formatPercent(r?.anchorCoverage)}
        badge={metrics ? <RuleBadge rule={findRule(metrics, "anchor-coverage")} /> : null}
        loading={skeleton}
        error={error}
      >
        {r?.anchorCoverage == null ? (
          noHistory && essential !== null ? (
            noHistory
          ) : (
            <>
              The share of your essential expenses your anchor streams cover.{" "}
              {essential === null ? settingsLink("Set your expenses") : "Mark your steady streams as anchors"} to see it.
            </>
          )
        ) : (
          <>
            Your anchor streams alone cover <strong className={strong}>{formatPercent(r.anchorCoverage)}</strong> of your essential
            expenses.
          </>
        )}
      </FigureCard>
      <FigureCard
        title="Runway"
        value={runwayValue(metrics)}
        badge={r?.sustainable ? <Badge tone="success">Sustainable</Badge> : null}
        loading={skeleton}
        error={error}
      >
        {noHistory && essential !== null ? (
          noHistory
        ) : r?.sustainable === true ? (
          <>Even without {largest}, your other income covers your essential expenses: the buffer is never touched.</>
        ) : r?.sustainable === false && r.runwayMonths !== null ? (
          <>
            If {largest} stopped, your cash buffer would cover the shortfall for{" "}
            <strong className={strong}>{formatNumber(r.runwayMonths, 1)} months</strong>.
          </>
        ) : r?.sustainable === false ? (
          <>
            Without {largest} your income falls short of your expenses. {settingsLink("Set your cash buffer")} to see how long it would
            last.
          </>
        ) : (
          <>
            How long your cash buffer lasts if {largest} stops. {settingsLink("Set your essential expenses")} to see it.
          </>
        )}
      </FigureCard>
    </div>
  );
}

function runwayValue(metrics: MetricsView | undefined): string {
  const r = metrics?.resilience;
  if (metrics?.history.analysisMonths === 0) return "—";
  if (r?.sustainable === true) return "No limit";
  if (r?.runwayMonths != null) return `${formatNumber(r.runwayMonths, 1)} mo`;
  return "—";
}
