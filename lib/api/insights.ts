import "server-only";
import { listInsights, markInsightsRead } from "@/lib/data/insights";
import { insightsQuery, insightsResponse, markReadInput, unreadResponse } from "@/lib/schemas/insights";
import { defineOperation } from "./operation";

/** The feed's first page as GET /api/v1/insights answers it. */
export async function readInsights(userId: string, query: { limit: number; cursor?: string } = { limit: 30 }) {
  return insightsResponse.parse(await listInsights(userId, query));
}

export const listInsightsOp = defineOperation({
  method: "GET",
  path: "/api/v1/insights",
  operationId: "listInsights",
  tag: "Insights",
  summary: "The feed of what changed, newest first, with the unread count",
  description:
    "Each raised once: a scheduled payment gone late (`schedule.late`), a stream gone silent (`stream.silent`, once per silence), a goal reached this month (`goal.reached`), a resilience rule that changed status when a month closed (`rule.changed`), and the month-closed summary (`month.closed`: its income, the change against the average month before it, the largest mover). Checked about every 10 minutes.",
  access: "read",
  query: insightsQuery,
  status: 200,
  response: insightsResponse,
  handle: ({ userId, query }) => readInsights(userId, query),
});

export const markInsightsReadOp = defineOperation({
  method: "POST",
  path: "/api/v1/insights/read",
  operationId: "markInsightsRead",
  tag: "Insights",
  summary: "Mark insights read (all of them without `ids`)",
  access: "write",
  body: markReadInput,
  status: 200,
  response: unreadResponse,
  handle: async ({ userId, body }) => unreadResponse.parse({ unread: await markInsightsRead(userId, body.ids ?? null) }),
});
