import "server-only";
import type { z } from "zod";
import { createTimeEntry, deleteTimeEntry, listTimeEntries, updateTimeEntry } from "@/lib/data/time-entries";
import { listResponse } from "@/lib/schemas/common";
import { createTimeEntryInput, listTimeEntriesQuery, timeEntryResponse, updateTimeEntryInput } from "@/lib/schemas/time-entries";
import { defineOperation } from "./operation";

const timeEntryList = listResponse(timeEntryResponse);

/** A page of time entries, as GET /api/v1/time-entries answers it. */
export async function readTimeEntries(userId: string, query: z.output<typeof listTimeEntriesQuery>) {
  return timeEntryList.parse(await listTimeEntries(userId, query));
}

export const listTimeEntriesOp = defineOperation({
  method: "GET",
  path: "/api/v1/time-entries",
  operationId: "listTimeEntries",
  tag: "Time",
  summary: "List time entries, newest first",
  access: "read",
  query: listTimeEntriesQuery,
  status: 200,
  response: timeEntryList,
  handle: ({ userId, query }) => readTimeEntries(userId, query),
});

export const createTimeEntryOp = defineOperation({
  method: "POST",
  path: "/api/v1/time-entries",
  operationId: "createTimeEntry",
  tag: "Time",
  summary: "Log time on a stream (hours or minutes)",
  access: "write",
  body: createTimeEntryInput,
  status: 201,
  response: timeEntryResponse,
  handle: async ({ userId, body }) => timeEntryResponse.parse(await createTimeEntry(userId, body)),
});

export const updateTimeEntryOp = defineOperation({
  method: "PATCH",
  path: "/api/v1/time-entries/{id}",
  operationId: "updateTimeEntry",
  tag: "Time",
  summary: "Change a time entry",
  access: "write",
  body: updateTimeEntryInput,
  status: 200,
  response: timeEntryResponse,
  handle: async ({ userId, params, body }) => timeEntryResponse.parse(await updateTimeEntry(userId, params.id ?? "", body)),
});

export const deleteTimeEntryOp = defineOperation({
  method: "DELETE",
  path: "/api/v1/time-entries/{id}",
  operationId: "deleteTimeEntry",
  tag: "Time",
  summary: "Delete a time entry (answers it, so a client can undo)",
  access: "write",
  status: 200,
  response: timeEntryResponse,
  handle: async ({ userId, params }) => timeEntryResponse.parse(await deleteTimeEntry(userId, params.id ?? "")),
});
