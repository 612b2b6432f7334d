"use client";

import { useEffect, useRef } from "react";
import { Panel } from "@/components/dashboard/panel";
import { cx } from "@/components/ui/cx";
import { formatMoney, formatMonth, formatPercent } from "@/lib/format";
import type { GoalMonthView, MetricsView } from "@/lib/schemas/metrics";
import type { StreamView } from "@/lib/schemas/streams";
import { ownersIn } from "./owners";

type Props = {
  metrics: MetricsView | undefined;
  loading: boolean;
  error: boolean;
  streams: readonly StreamView[] | undefined;
  currentMonth: string;
  className?: string;
};

const strong = "font-semibold text-foreground";

/** Month by month, did each owner reach its goal? A compact grid, with the window's hit rate. */
export function GoalHistoryPanel({ metrics, loading, error, streams, currentMonth, className }: Props) {
  const currency = metrics?.currency ?? "USD";
  const months = metrics?.monthly.map((m) => m.month) ?? [];
  const entries = metrics?.goals.months ?? [];
  const owners = ownersIn(entries, streams);
  const byKey = new Map(entries.map((g) => [`${g.streamId ?? ""}|${g.month}`, g]));
  const scroller = useRef<HTMLDivElement>(null);
  // On a phone the grid scrolls sideways: start at the latest months, the ones that matter now.
  const last = months.at(-1);
  useEffect(() => {
    if (scroller.current) scroller.current.scrollLeft = scroller.current.scrollWidth;
  }, [last, months.length]);
  return (
    <Panel
      className={className}
      title="Hit and missed months"
      description={
        metrics?.goals.hitRate != null ? (
          <>
            You reached{" "}
            <strong className={strong} data-testid="hit-rate">
              {formatPercent(metrics.goals.hitRate)}
            </strong>{" "}
            of your monthly goals in this window
            {months.includes(currentMonth) ? `; ${formatMonth(currentMonth)} counts once it is over` : ""}.
          </>
        ) : (
          "Whether each month reached its goal."
        )
      }
      loading={loading}
      error={error}
      empty={metrics && entries.length === 0 ? "No goal applied to any month of this window. Set one to start a history." : undefined}
    >
      {/* relative: the cells' sr-only text is absolutely positioned and would otherwise widen the page, not this box. */}
      <div
        ref={scroller}
        className="relative w-full max-w-full min-w-0 overflow-x-auto"
        role="region"
        aria-label="Goal history by month"
        tabIndex={0}
      >
        <table className="border-separate border-spacing-1 text-sm">
          <thead>
            <tr>
              <th scope="col" className="sticky left-0 z-10 bg-surface pr-2 text-left text-xs font-medium text-muted-foreground">
                Goal
              </th>
              {months.map((m) => (
                <th key={m} scope="col" className="min-w-8 text-center text-xs font-medium text-muted-foreground">
                  <abbr title={formatMonth(m)} className="no-underline">
                    {formatMonth(m, { short: true })}
                  </abbr>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {owners.map((o) => (
              <tr key={o.streamId ?? "portfolio"}>
                <th
                  scope="row"
                  className="sticky left-0 z-10 max-w-40 bg-surface pr-2 text-left font-medium whitespace-nowrap text-foreground"
                >
                  <span className="flex items-center gap-2">
                    <span aria-hidden="true" className="inline-block size-2.5 shrink-0 rounded-full" style={{ backgroundColor: o.color }} />
                    <span className="truncate">{o.name}</span>
                  </span>
                </th>
                {months.map((m) => (
                  <MonthCell
                    key={m}
                    entry={byKey.get(`${o.streamId ?? ""}|${m}`)}
                    month={m}
                    current={m === currentMonth}
                    currency={currency}
                  />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul aria-hidden="true" className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted-foreground">
        <li className="flex items-center gap-1.5">
          <span className="text-success">✓</span> Reached
        </li>
        <li className="flex items-center gap-1.5">
          <span className="text-danger">✗</span> Missed
        </li>
        {months.includes(currentMonth) ? (
          <li className="flex items-center gap-1.5">
            <span className="inline-block size-3 rounded-sm ring-2 ring-primary" /> This month (… until it is over)
          </li>
        ) : null}
        <li className="flex items-center gap-1.5">· No goal</li>
      </ul>
    </Panel>
  );
}

/** ✓ or ✗ with the figures in words for screen readers and in a tooltip for the pointer. */
function MonthCell({
  entry,
  month,
  current,
  currency,
}: {
  entry: GoalMonthView | undefined;
  month: string;
  current: boolean;
  currency: string;
}) {
  const base = "h-8 min-w-8 rounded-md text-center align-middle";
  if (!entry) {
    return (
      <td className={cx(base, "text-muted-foreground")}>
        <span aria-hidden="true">·</span>
        <span className="sr-only">{formatMonth(month)}: no goal</span>
      </td>
    );
  }
  // The API says hit or missed for a finished month, current for today's, future after it: a month
  // still running has not been missed yet.
  const { status } = entry;
  const hit = status === "hit";
  const open = status === "current" || status === "future";
  const figures = `${formatMoney(entry.actual, currency)} of ${formatMoney(entry.target, currency)}`;
  const verdict = hit
    ? "reached"
    : status === "missed"
      ? "missed"
      : status === "future"
        ? "not started"
        : entry.progress >= 1
          ? "reached already"
          : "not reached yet";
  const text = `${formatMonth(month)}: ${figures}, ${verdict}${current ? " (so far)" : ""}`;
  return (
    <td
      title={text}
      className={cx(
        base,
        "font-semibold",
        open ? "bg-muted text-muted-foreground" : hit ? "bg-success/10 text-success" : "bg-danger/10 text-danger",
        current && "ring-2 ring-primary ring-inset",
      )}
    >
      <span aria-hidden="true">{open ? "…" : hit ? "✓" : "✗"}</span>
      <span className="sr-only">{text}</span>
    </td>
  );
}
