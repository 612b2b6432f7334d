import { loadMetricsInput } from "@/lib/data/metrics";
import { route } from "@/lib/http";
import { computeMetrics } from "@/lib/metrics/compute-metrics";
import { metricsQuery, metricsResponse } from "@/lib/schemas/metrics";

/** Every figure of METRICS.md for a window (default: the last 12 months in the user's time zone). */
export const GET = route({ query: metricsQuery }, async ({ userId, query }) => {
  const input = await loadMetricsInput(userId, query.from && query.to ? { from: query.from, to: query.to } : undefined);
  return metricsResponse.parse(computeMetrics(input));
});
