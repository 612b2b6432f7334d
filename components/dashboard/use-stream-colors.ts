"use client";

import { useQuery } from "@tanstack/react-query";
import { streamsQuery } from "@/lib/queries";
import { streamColorMap } from "./labels";

/**
 * The dashboards' stream colours, the same as on the streams pages (see streamColorMap). The dashboard
 * pages hydrate the streams list, so the first paint already has the right colours.
 */
export function useStreamColors(streams: readonly { id: string; color?: string | null }[] | undefined): Map<string, string> {
  const list = useQuery(streamsQuery());
  return streamColorMap(list.data?.data, streams);
}
