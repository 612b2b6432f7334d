import "server-only";
import { metricsStamp, type MetricsStamp } from "@/lib/data/data-versions";
import { loadMetricsInput } from "@/lib/data/metrics";
import { cachedMetrics, jsonBytesOf, metricsCacheKey } from "@/lib/metrics-cache";
import { computeMetrics } from "@/lib/metrics/compute-metrics";
import { metricsQuery, metricsResponse, type MetricsView } from "@/lib/schemas/metrics";
import { todayIn } from "@/lib/today";
import { defineOperation, JsonBytes } from "./operation";

/**
 * The one read of every figure: lib/data aggregates, lib/metrics computes, the response schema shapes.
 * GET /api/v1/metrics answers it and every dashboard page hydrates it, so both are the same bytes. Kept
 * per data version (lib/metrics-cache.ts): reading it again before anything changed costs no query when
 * the caller's credential brought the `stamp`, and one otherwise.
 */
export async function readMetrics(userId: string, window?: { from: string; to: string }, stamp?: MetricsStamp): Promise<MetricsView> {
  const now = new Date();
  const { dataVersion, timeZone } = stamp ?? (await metricsStamp(userId));
  const key = metricsCacheKey({ userId, dataVersion, today: todayIn(timeZone, now), window });
  return cachedMetrics(key, async () => metricsResponse.parse(computeMetrics(await loadMetricsInput(userId, window, now))));
}

export const metricsOp = defineOperation({
  method: "GET",
  path: "/api/v1/metrics",
  operationId: "getMetrics",
  tag: "Metrics",
  summary: "Every figure of the portfolio for a window of months",
  description:
    "Without `from`/`to`: the 12 complete months before the current one (in the user's time zone), starting no earlier than the first month with a transaction. Money uses every month of the window; diversification, concentration, risk, resilience, rules and the score use its complete months since the first transaction (`history`).",
  access: "read",
  query: metricsQuery,
  status: 200,
  response: metricsResponse,
  handle: async ({ caller, query }) =>
    new JsonBytes(
      jsonBytesOf(await readMetrics(caller.userId, query.from && query.to ? { from: query.from, to: query.to } : undefined, caller.stamp)),
    ),
});
