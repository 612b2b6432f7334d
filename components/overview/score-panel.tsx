"use client";

import Link from "next/link";
import { scorePendingText } from "@/components/dashboard/history-text";
import { Panel } from "@/components/dashboard/panel";
import { useWindow } from "@/components/dashboard/use-window";
import { withWindow } from "@/components/dashboard/window-memory";
import { scoreBand } from "@/components/resilience/score-band";
import { Badge } from "@/components/ui/badge";
import { Skeleton } from "@/components/ui/skeleton";
import { MIN_SCORE_MONTHS } from "@/lib/metrics/rules";
import type { MetricsView } from "@/lib/schemas/metrics";
import { previousWindowName } from "./previous-window";
import { usePreviousMetrics } from "./use-previous-metrics";

type Props = { metrics: MetricsView | undefined; loading: boolean; error: boolean; className?: string };

/**
 * The resilience score with its band, how it moved against the previous window, and the rule tally. With
 * fewer than three complete months there is no number: the card says when the score will appear.
 */
export function ScorePanel({ metrics, loading, error, className }: Props) {
  const { window, query, today } = useWindow();
  const score = metrics?.resilienceScore ?? null;
  const band = score === null ? null : scoreBand(score);
  const rules = metrics?.rules ?? [];
  const count = (status: string) => rules.filter((r) => r.status === status).length;
  return (
    <Panel
      className={className}
      title="Resilience score"
      description="How your income holds up against the seven rules: a pass counts fully, a warning half."
      loading={loading}
      error={error}
      actions={
        <Link
          href={withWindow("/resilience", query)}
          className="shrink-0 text-sm font-medium text-primary underline-offset-4 hover:underline"
        >
          Checklist
        </Link>
      }
    >
      {!metrics ? null : score === null || band === null ? (
        <p className="text-sm text-muted-foreground" data-testid="score-pending">
          {scorePendingText(metrics, today)}
        </p>
      ) : (
        <div className="flex flex-col gap-3">
          <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
            <p className="money text-4xl font-semibold tracking-tight text-foreground">
              <span data-testid="resilience-score">{score}</span>
              <span className="text-base font-normal text-muted-foreground"> / 100</span>
            </p>
            <Badge tone={band.tone}>{band.label}</Badge>
          </div>
          <ScoreMove score={score} windowName={previousWindowName(window)} />
          <p className="text-sm text-muted-foreground">
            {band.label}: {band.meaning}. {count("pass")} pass, {count("warn")} warn, {count("fail")} fail
            {count("n/a") > 0 ? `, ${count("n/a")} can't be checked yet` : ""}.
          </p>
        </div>
      )}
    </Panel>
  );
}

/**
 * "Up 6 from 80 in the previous 12 months": the difference of two scores the API returned. Only against a
 * window with a score of its own (three complete months or more): a window before the first record, or too
 * short, has nothing to compare with, and nothing is said.
 */
function ScoreMove({ score, windowName }: { score: number; windowName: string }) {
  const previous = usePreviousMetrics();
  if (previous.previous === null) return null;
  if (previous.isPending) return <Skeleton className="h-5 w-56" />;
  const data = previous.data;
  const before = data && data.history.analysisMonths >= MIN_SCORE_MONTHS ? data.resilienceScore : null;
  if (previous.isError || before === null) return null;
  const delta = score - before;
  const arrow = delta > 0 ? "▲" : delta < 0 ? "▼" : "■";
  const tone = delta > 0 ? "text-positive" : delta < 0 ? "text-negative" : "text-muted-foreground";
  return (
    <p className="text-sm text-foreground" data-testid="score-move">
      <span aria-hidden="true" className={tone}>
        {arrow}{" "}
      </span>
      <span className="font-medium">{delta === 0 ? "Unchanged" : `${delta > 0 ? "Up" : "Down"} ${Math.abs(delta)}`}</span>
      <span className="text-muted-foreground">{delta === 0 ? ` from ${windowName}` : ` from ${before} in ${windowName}`}</span>
    </p>
  );
}
