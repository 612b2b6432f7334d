"use client";

import { useMetrics } from "@/components/dashboard/use-metrics";
import type { MetricsResult } from "@/lib/metrics/types";

export type DashboardState = {
  /** The window's metrics, or undefined while they load or when they failed. */
  metrics: MetricsResult | undefined;
  loading: boolean;
  error: boolean;
  /** No income in the window (T+ = 0): the page shows the ways in instead of empty charts. */
  empty: boolean;
};

/**
 * The metrics of the URL's window as the panels of a dashboard need them. useMetrics keeps the previous
 * window's numbers as placeholder data; these pages show skeletons instead, so a figure on screen is
 * always the figure of the window the picker shows.
 */
export function useDashboardState(today: string): DashboardState {
  const query = useMetrics(today);
  const loading = query.isPending || query.isPlaceholderData;
  const error = query.isError && !loading;
  const metrics = loading || error ? undefined : query.data;
  return { metrics, loading, error, empty: metrics !== undefined && metrics.diversification.hhi === null };
}
