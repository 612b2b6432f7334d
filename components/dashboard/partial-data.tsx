"use client";

import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import type { MetricsView } from "@/lib/schemas/metrics";
import { figuresAppear, noHistoryText } from "./history-text";
import { useWindow } from "./use-window";
import { withWindow } from "./window-memory";

/**
 * A page whose every figure rests on complete months, for a window with income but none complete yet
 * (a newcomer's first month): one explanation instead of a row of empty panels, and the way to what can
 * be seen now (this month's money, on the Overview).
 */
export function PartialData({ metrics, topic, why }: { metrics: MetricsView; topic: string; why: string }) {
  const { query } = useWindow();
  const appears = figuresAppear(metrics);
  return (
    <EmptyState
      title={appears ? `Your ${topic} appear in ${appears}` : `Your ${topic} need a complete month`}
      description={`${appears ? why : noHistoryText(metrics)} Until then, the Overview shows what you have earned so far.`}
      action={
        <>
          <Link href={withWindow("/overview", query)} className={buttonClasses()}>
            See this month so far
          </Link>
          <Link href="/transactions" className={buttonClasses({ variant: "secondary" })}>
            Log income
          </Link>
        </>
      }
    />
  );
}
