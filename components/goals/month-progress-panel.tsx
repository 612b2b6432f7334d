"use client";

import { ProgressBar } from "@/components/charts/progress-bar";
import { Panel } from "@/components/dashboard/panel";
import { useWindow } from "@/components/dashboard/use-window";
import { formatMoney, formatMonth, formatPercent } from "@/lib/format";
import type { MetricsResult } from "@/lib/metrics/types";
import type { StreamView } from "@/lib/schemas/streams";
import { focusMonth } from "./focus-month";
import { ownerOf, ownerOrder } from "./owners";

type Props = {
  metrics: MetricsResult | undefined;
  loading: boolean;
  error: boolean;
  streams: readonly StreamView[] | undefined;
  today: string;
  className?: string;
};

/** This month's progress of every owner with a goal, and where each will end at today's pace. */
export function MonthProgressPanel({ metrics, loading, error, streams, today, className }: Props) {
  const focus = focusMonth(useWindow(today).window, today);
  const { month } = focus;
  const currency = metrics?.currency ?? "USD";
  const money = (v: number) => formatMoney(v, currency);
  const entries = (metrics?.goals.months ?? [])
    .filter((g) => g.month === month)
    .sort((a, b) => ownerOrder(a.streamId, streams) - ownerOrder(b.streamId, streams));
  return (
    <Panel
      className={className}
      title={focus.title}
      description={
        focus.current
          ? "Income so far against each goal. The dashed line runs on to where the month ends at today's pace; the tick is the goal."
          : "This window ends before this month, so here is how its last month did against each goal; the tick is the goal."
      }
      loading={loading}
      error={error}
      empty={metrics && entries.length === 0 ? `No goal applies to ${formatMonth(month)}. Set one for the portfolio or a stream.` : undefined}
    >
      <ul className="flex flex-col gap-5" data-testid="month-progress">
        {entries.map((g) => {
          const owner = ownerOf(g.streamId, streams);
          return (
            <li key={g.streamId ?? "portfolio"} className="flex flex-col gap-2">
              <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-0.5">
                <h3 className="flex min-w-0 items-center gap-2 text-sm font-semibold text-foreground">
                  <span aria-hidden="true" className="inline-block size-2.5 shrink-0 rounded-full" style={{ backgroundColor: owner.color }} />
                  <span className="truncate">{owner.name}</span>
                </h3>
                <p className="text-sm text-muted-foreground">
                  <span className="money font-medium text-foreground">{money(g.actual)}</span> of <span className="money">{money(g.target)}</span> ·{" "}
                  <span className="money">{formatPercent(g.progress)}</span>
                </p>
              </div>
              <ProgressBar
                progress={g.progress}
                target={g.target}
                projected={g.projected}
                color={owner.color}
                label={`${owner.name}, ${formatMonth(month)}`}
                valueText={`${money(g.actual)} of ${money(g.target)} (${formatPercent(g.progress)})`}
              />
              <p className="text-xs text-muted-foreground">
                {g.status === "hit" ? (
                  "Goal reached."
                ) : g.status === "missed" ? (
                  "Goal missed."
                ) : g.projected === null ? (
                  "Not reached yet; the month is not over."
                ) : (
                  <>
                    Heading for <span className="money font-medium text-foreground">{money(g.projected)}</span>,{" "}
                    {g.projected >= g.target ? "above the goal." : "short of the goal."}
                  </>
                )}
              </p>
            </li>
          );
        })}
      </ul>
    </Panel>
  );
}
