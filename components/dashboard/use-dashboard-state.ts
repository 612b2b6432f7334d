"use client";

import { useQuery } from "@tanstack/react-query";
import { useMetrics } from "@/components/dashboard/use-metrics";
import type { MetricsView } from "@/lib/schemas/metrics";
import { streamsQuery } from "@/lib/queries";

/**
 * Why a dashboard has nothing to chart: the account has no streams at all (the ways in, the demo among
 * them), or its streams earned nothing in this window (a longer window, or logging income).
 */
export type EmptyReason = "no-streams" | "no-income";

export type DashboardState = {
  /** The window's metrics, or undefined while they load or when they failed. */
  metrics: MetricsView | undefined;
  loading: boolean;
  /** The metrics failed and there is nothing to show; a failed background refetch keeps the figures on screen. */
  error: boolean;
  /** No income anywhere in the window: the page shows why, and the ways on, instead of empty charts. */
  empty: EmptyReason | null;
  /**
   * Income in the window but no complete month since the first record (a newcomer's first month): the
   * money so far is shown, the figures about steadiness and spread say when they will appear.
   */
  partial: boolean;
};

/**
 * The metrics of the URL's window as the panels of a dashboard need them. useMetrics keeps the previous
 * window's numbers as placeholder data; these pages show skeletons instead, so a figure on screen is
 * always the figure of the window the picker shows.
 *
 * Emptiness is decided on the whole window's money, not on the figures over the analysis months: in their
 * first month a newcomer has income but no complete month, and is not told they earned nothing.
 */
export function useDashboardState(): DashboardState {
  const query = useMetrics();
  // The full list (archived streams too), hydrated by the dashboard pages: metrics only lists live streams.
  const streams = useQuery(streamsQuery());
  const loading = query.isPending || query.isPlaceholderData;
  const error = query.isError && query.data === undefined;
  const metrics = loading || error ? undefined : query.data;
  let empty: EmptyReason | null = null;
  if (metrics !== undefined && metrics.totals.income <= 0 && !metrics.streams.some((s) => s.income > 0)) {
    const listed = streams.data ? streams.data.data.length : 0;
    empty = metrics.streams.length === 0 && listed === 0 ? "no-streams" : "no-income";
  }
  const partial = metrics !== undefined && empty === null && metrics.history.analysisMonths === 0;
  return { metrics, loading, error, empty, partial };
}
