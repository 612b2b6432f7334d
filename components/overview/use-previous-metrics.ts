"use client";

import { useQuery } from "@tanstack/react-query";
import { useWindow } from "@/components/dashboard/use-window";
import { metricsQuery } from "@/lib/queries";
import { previousWindow } from "./previous-window";

/**
 * The metrics of the window just before the URL's one, for "how the score moved". No placeholder data:
 * a delta against the wrong window would be a wrong number, so it waits (with a skeleton) instead.
 */
export function usePreviousMetrics(today: string) {
  const { window } = useWindow(today);
  const previous = previousWindow(window);
  return { previous, ...useQuery(metricsQuery(previous)) };
}
