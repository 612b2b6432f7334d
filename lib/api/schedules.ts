import "server-only";
import { scheduleSuggestions, scheduleSummary } from "@/lib/data/schedule-views";
import { createSchedule, deleteSchedule, getSchedule, listOccurrences, listSchedules, updateSchedule } from "@/lib/data/schedules";
import { listResponse } from "@/lib/schemas/common";
import {
  createScheduleInput,
  listSchedulesQuery,
  occurrenceResponse,
  occurrencesQuery,
  type OccurrencesQuery,
  scheduleResponse,
  scheduleSuggestionsResponse,
  scheduleSummaryResponse,
  updateScheduleInput,
} from "@/lib/schemas/schedules";
import { defineOperation } from "./operation";

const scheduleList = listResponse(scheduleResponse);
const occurrenceList = listResponse(occurrenceResponse);

/** The schedules list as GET /api/v1/schedules answers it. */
export async function readSchedules(userId: string, query: { stream?: string } = {}) {
  return scheduleList.parse({ data: await listSchedules(userId, query), nextCursor: null });
}

export const listSchedulesOp = defineOperation({
  method: "GET",
  path: "/api/v1/schedules",
  operationId: "listSchedules",
  tag: "Schedules",
  summary: "List schedules (expected income and expenses)",
  access: "read",
  query: listSchedulesQuery,
  status: 200,
  response: scheduleList,
  handle: ({ userId, query }) => readSchedules(userId, query),
});

export const createScheduleOp = defineOperation({
  method: "POST",
  path: "/api/v1/schedules",
  operationId: "createSchedule",
  tag: "Schedules",
  summary: "Expect money on a stream: a retainer, a subscription, a payout",
  description:
    "Occurrences follow METRICS.md *Schedules*: weekly ones every 7 × interval days from `startOn`; monthly, quarterly and yearly ones on `startOn`'s day of the month, or the month's last day when it is shorter.",
  access: "write",
  body: createScheduleInput,
  status: 201,
  response: scheduleResponse,
  handle: async ({ userId, body }) => scheduleResponse.parse(await createSchedule(userId, body)),
});

export const getScheduleOp = defineOperation({
  method: "GET",
  path: "/api/v1/schedules/{id}",
  operationId: "getSchedule",
  tag: "Schedules",
  summary: "Get a schedule",
  access: "read",
  status: 200,
  response: scheduleResponse,
  handle: async ({ userId, params }) => scheduleResponse.parse(await getSchedule(userId, params.id ?? "")),
});

export const updateScheduleOp = defineOperation({
  method: "PATCH",
  path: "/api/v1/schedules/{id}",
  operationId: "updateSchedule",
  tag: "Schedules",
  summary: "Change a schedule",
  description: "Its linked payments settle its occurrences again from scratch.",
  access: "write",
  body: updateScheduleInput,
  status: 200,
  response: scheduleResponse,
  handle: async ({ userId, params, body }) => scheduleResponse.parse(await updateSchedule(userId, params.id ?? "", body)),
});

export const deleteScheduleOp = defineOperation({
  method: "DELETE",
  path: "/api/v1/schedules/{id}",
  operationId: "deleteSchedule",
  tag: "Schedules",
  summary: "Delete a schedule",
  description: "The payments that settled it are kept, no longer linked to a schedule.",
  access: "write",
  status: 204,
  handle: async ({ userId, params }) => {
    await deleteSchedule(userId, params.id ?? "");
    return null;
  },
});

/** A page of occurrences as GET /api/v1/schedules/occurrences answers it. */
export async function readOccurrences(userId: string, query: OccurrencesQuery) {
  return occurrenceList.parse(await listOccurrences(userId, query));
}

export const listOccurrencesOp = defineOperation({
  method: "GET",
  path: "/api/v1/schedules/occurrences",
  operationId: "listOccurrences",
  tag: "Schedules",
  summary: "Expected versus received: the occurrences due in a date range",
  description:
    "Ordered by due date, then schedule; each `received` (settled by the linked payment `transactionId`), `upcoming`, `due` (within its grace days) or `late`, on the caller's today. Amounts are the schedule's, in its currency.",
  access: "read",
  query: occurrencesQuery,
  status: 200,
  response: occurrenceList,
  handle: ({ userId, query }) => readOccurrences(userId, query),
});

/** What the stream page offers to settle with one click. */
export async function readScheduleSuggestions(userId: string, query: { stream?: string } = {}) {
  return scheduleSuggestionsResponse.parse({ data: await scheduleSuggestions(userId, query) });
}

export const scheduleSuggestionsOp = defineOperation({
  method: "GET",
  path: "/api/v1/schedules/suggestions",
  operationId: "listScheduleSuggestions",
  tag: "Schedules",
  summary: "Logged payments that look like an unsettled occurrence",
  description:
    "A payment fits an occurrence when it is on the schedule's stream, of its kind, currency and amount, from its counterparty (when the schedule names one), and within half the time between two occurrences of the due date (at least the grace days). Each occurrence due in the last 180 days or the next 31 gets its nearest fitting unlinked payment. Settle one with PATCH /api/v1/transactions/{id} `{ scheduleId }`.",
  access: "read",
  query: listSchedulesQuery,
  status: 200,
  response: scheduleSuggestionsResponse,
  handle: ({ userId, query }) => readScheduleSuggestions(userId, query),
});

/** The Overview's expected-income line. */
export async function readScheduleSummary(userId: string) {
  return scheduleSummaryResponse.parse(await scheduleSummary(userId));
}

export const scheduleSummaryOp = defineOperation({
  method: "GET",
  path: "/api/v1/schedules/summary",
  operationId: "getScheduleSummary",
  tag: "Schedules",
  summary: "Expected income still to come this month, and what is late",
  description:
    "In the base currency at today's rate; late occurrences over the last year. Occurrences in a currency without a rate are counted under `warnings` instead.",
  access: "read",
  status: 200,
  response: scheduleSummaryResponse,
  handle: ({ userId }) => readScheduleSummary(userId),
});
