import "server-only";
import { loadPlanInput } from "@/lib/data/plan";
import { userBaseCurrency } from "@/lib/data/users";
import { unprocessable } from "@/lib/http-errors";
import { parseAmount } from "@/lib/metrics/money";
import { computePlan } from "@/lib/metrics/plan";
import { planQuery, planResponse, type PlanView } from "@/lib/schemas/plan";
import { defineOperation } from "./operation";

/** The plan read, as GET /api/v1/plan answers it: lib/data aggregates, lib/metrics computes, the schema shapes. */
export async function readPlan(userId: string, query: { horizon: number; salary?: string }): Promise<PlanView> {
  let salary: number | null = null;
  if (query.salary !== undefined) {
    const parsed = parseAmount(query.salary, await userBaseCurrency(userId));
    if (!parsed.ok) throw unprocessable("The salary is not an amount.", [{ path: "salary", message: parsed.message }]);
    if (parsed.minor < 0) throw unprocessable("The salary is not an amount.", [{ path: "salary", message: "Cannot be negative." }]);
    salary = parsed.minor;
  }
  return planResponse.parse(computePlan(await loadPlanInput(userId, query.horizon, salary)));
}

export const planOp = defineOperation({
  method: "GET",
  path: "/api/v1/plan",
  operationId: "getPlan",
  tag: "Metrics",
  summary: "The forecast with its range, the salary the income has sustained, and silent streams",
  description:
    "METRICS.md *Planning*, from the up to 12 complete months before this one since the first transaction. Expected income from schedules is part of the forecast once schedules exist; until then every forecast month is the trend alone.",
  access: "read",
  query: planQuery,
  status: 200,
  response: planResponse,
  handle: ({ userId, query }) => readPlan(userId, query),
});
