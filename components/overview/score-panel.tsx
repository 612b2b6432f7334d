"use client";

import Link from "next/link";
import { Panel } from "@/components/dashboard/panel";
import { useWindow } from "@/components/dashboard/use-window";
import { scoreBand } from "@/components/resilience/score-band";
import { Badge } from "@/components/ui/badge";
import { Skeleton } from "@/components/ui/skeleton";
import type { MetricsResult } from "@/lib/metrics/types";
import { previousWindowName } from "./previous-window";
import { usePreviousMetrics } from "./use-previous-metrics";

type Props = { metrics: MetricsResult | undefined; loading: boolean; error: boolean; today: string; className?: string };

/** The resilience score with its band, how it moved against the previous window, and the rule tally. */
export function ScorePanel({ metrics, loading, error, today, className }: Props) {
  const { window, query } = useWindow(today);
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
        <Link href={query ? `/resilience?${query}` : "/resilience"} className="shrink-0 text-sm font-medium text-primary underline-offset-4 hover:underline">
          Checklist
        </Link>
      }
    >
      {score === null || band === null ? (
        <p className="text-sm text-muted-foreground">No score yet: none of the rules can be checked without income in this window.</p>
      ) : (
        <div className="flex flex-col gap-3">
          <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
            <p className="money text-4xl font-semibold tracking-tight text-foreground">
              <span data-testid="resilience-score">{score}</span>
              <span className="text-base font-normal text-muted-foreground"> / 100</span>
            </p>
            <Badge tone={band.tone}>{band.label}</Badge>
          </div>
          <ScoreMove score={score} today={today} windowName={previousWindowName(window)} />
          <p className="text-sm text-muted-foreground">
            {band.label}: {band.meaning}. {count("pass")} pass, {count("warn")} warn, {count("fail")} fail
            {count("n/a") > 0 ? `, ${count("n/a")} can't be checked yet` : ""}.
          </p>
        </div>
      )}
    </Panel>
  );
}

/** "Up 6 from 80 in the previous 12 months": the difference of two scores the API returned. */
function ScoreMove({ score, today, windowName }: { score: number; today: string; windowName: string }) {
  const previous = usePreviousMetrics(today);
  if (previous.isPending) return <Skeleton className="h-5 w-56" />;
  const before = previous.data?.resilienceScore ?? null;
  if (previous.isError || before === null) {
    return <p className="text-sm text-muted-foreground">No score for {windowName} to compare with.</p>;
  }
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
