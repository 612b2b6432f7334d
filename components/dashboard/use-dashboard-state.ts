"use client";

import { useQuery } from "@tanstack/react-query";
import { useMetrics } from "@/components/dashboard/use-metrics";
import type { MetricsResult } from "@/lib/metrics/types";
import { streamsQuery } from "@/lib/queries";

/**
 * Why a dashboard has nothing to chart: the account has no streams at all (the ways in, the demo among
 * them), or its streams earned nothing in this window (a longer window, or logging income).
 */
export type EmptyReason = "no-streams" | "no-income";

export type DashboardState = {
  /** The window's metrics, or undefined while they load or when they failed. */
  metrics: MetricsResult | undefined;
  loading: boolean;
  /** The metrics failed and there is nothing to show; a failed background refetch keeps the figures on screen. */
  error: boolean;
  /** No income in the window (T+ = 0): the page shows why, and the ways on, instead of empty charts. */
  empty: EmptyReason | null;
};

/**
 * The metrics of the URL's window as the panels of a dashboard need them. useMetrics keeps the previous
 * window's numbers as placeholder data; these pages show skeletons instead, so a figure on screen is
 * always the figure of the window the picker shows.
 */
export function useDashboardState(today: string): DashboardState {
  const query = useMetrics(today);
  // The full list (archived streams too), hydrated by the dashboard pages: metrics only lists live streams.
  const streams = useQuery(streamsQuery());
  const loading = query.isPending || query.isPlaceholderData;
  const error = query.isError && query.data === undefined;
  const metrics = loading || error ? undefined : query.data;
  let empty: EmptyReason | null = null;
  if (metrics !== undefined && metrics.diversification.hhi === null) {
    const listed = streams.data ? streams.data.data.length : 0;
    empty = metrics.streams.length === 0 && listed === 0 ? "no-streams" : "no-income";
  }
  return { metrics, loading, error, empty };
}
