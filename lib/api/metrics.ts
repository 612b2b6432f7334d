import "server-only";
import { loadMetricsInput } from "@/lib/data/metrics";
import { computeMetrics } from "@/lib/metrics/compute-metrics";
import { metricsQuery, metricsResponse, type MetricsView } from "@/lib/schemas/metrics";
import { defineOperation } from "./operation";

/**
 * The one read of every figure: lib/data aggregates, lib/metrics computes, the response schema shapes.
 * GET /api/v1/metrics answers it and every dashboard page hydrates it, so both are the same bytes.
 */
export async function readMetrics(userId: string, window?: { from: string; to: string }): Promise<MetricsView> {
  return metricsResponse.parse(computeMetrics(await loadMetricsInput(userId, window)));
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
  handle: ({ userId, query }) => readMetrics(userId, query.from && query.to ? { from: query.from, to: query.to } : undefined),
});
