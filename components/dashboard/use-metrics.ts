"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { metricsQuery } from "@/lib/queries";
import { useWindow } from "./use-window";

/** The metrics of the URL's window; the previous window's numbers stay on screen while a new one loads. */
export function useMetrics() {
  const { window } = useWindow();
  const query = useQuery({ ...metricsQuery(window), placeholderData: keepPreviousData });
  return { window, ...query };
}
