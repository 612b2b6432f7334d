"use client";

import { useQuery } from "@tanstack/react-query";
import { useWindow } from "@/components/dashboard/use-window";
import { metricsQuery } from "@/lib/queries";
import { comparableWindow } from "@/lib/metrics/window";

/**
 * The metrics of the window just before the URL's one, for "how the score moved"; not fetched at all when
 * that window lies before the first record (`previous` is then null). No placeholder data: a delta
 * against the wrong window would be a wrong number, so it waits (with a skeleton) instead.
 */
export function usePreviousMetrics() {
  const { window, firstMonth } = useWindow();
  const previous = comparableWindow(window, firstMonth);
  const query = useQuery({ ...metricsQuery(previous ?? window), enabled: previous !== null });
  return { previous, ...query };
}
