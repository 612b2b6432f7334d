import "server-only";
import { loadSilence } from "@/lib/data/silence";
import { loadStreamClients } from "@/lib/data/stream-clients";
import { withLinks } from "@/lib/data/stream-feeds";
import { countStreamTransactions, createStream, deleteStream, getStream, listStreams, updateStream } from "@/lib/data/streams";
import { getUser } from "@/lib/data/users";
import { streamClients } from "@/lib/metrics/concentration";
import { recentWindow, type MonthRange } from "@/lib/metrics/window";
import { listResponse } from "@/lib/schemas/common";
import { streamClientsQuery, streamClientsResponse, type StreamClientsView } from "@/lib/schemas/metrics";
import {
  createStreamInput,
  deleteStreamQuery,
  listStreamsQuery,
  streamDetailResponse,
  silenceResponse,
  streamResponse,
  updateStreamInput,
} from "@/lib/schemas/streams";
import { todayIn } from "@/lib/today";
import { defineOperation } from "./operation";

export const streamList = listResponse(streamResponse);

/** The streams list as GET /api/v1/streams answers it; pages hydrate exactly this. */
export async function readStreams(userId: string, query: { status?: "active" | "paused" | "archived" } = {}) {
  return streamList.parse({ data: await withLinks(userId, await listStreams(userId, query)), nextCursor: null });
}

export const listStreamsOp = defineOperation({
  method: "GET",
  path: "/api/v1/streams",
  operationId: "listStreams",
  tag: "Streams",
  summary: "List streams",
  description: "Every stream of the caller, archived ones included unless filtered by status.",
  access: "read",
  query: listStreamsQuery,
  status: 200,
  response: streamList,
  handle: ({ userId, query }) => readStreams(userId, query),
});

export const createStreamOp = defineOperation({
  method: "POST",
  path: "/api/v1/streams",
  operationId: "createStream",
  tag: "Streams",
  summary: "Create a stream",
  access: "write",
  body: createStreamInput,
  status: 201,
  response: streamResponse,
  conflicts: "A stream with this name already exists.",
  handle: async ({ userId, body }) => streamResponse.parse((await withLinks(userId, [await createStream(userId, body)]))[0]),
});

/** One stream and how many transactions it holds. */
export async function readStream(userId: string, id: string) {
  const stream = await getStream(userId, id);
  const [linked] = await withLinks(userId, [stream]);
  return streamDetailResponse.parse({ ...linked, transactionCount: await countStreamTransactions(userId, stream.id) });
}

export const getStreamOp = defineOperation({
  method: "GET",
  path: "/api/v1/streams/{id}",
  operationId: "getStream",
  tag: "Streams",
  summary: "Get a stream, with its number of transactions",
  access: "read",
  status: 200,
  response: streamDetailResponse,
  handle: ({ userId, params }) => readStream(userId, params.id ?? ""),
});

/** The window of the stream pages when none is asked for: the last 12 months, this one included. */
export async function streamPagesWindow(userId: string): Promise<MonthRange> {
  const user = await getUser(userId);
  return recentWindow(todayIn(user.timeZone));
}

/** Who pays one stream over a window, as GET /api/v1/streams/{id}/clients answers it. */
export async function readStreamClients(
  userId: string,
  streamId: string,
  query: { from?: string; to?: string; limit: number },
): Promise<StreamClientsView> {
  const window = query.from && query.to ? { from: query.from, to: query.to } : await streamPagesWindow(userId);
  const { streamIncome, clients, missing } = await loadStreamClients(userId, streamId, window);
  return streamClientsResponse.parse({
    window,
    income: streamIncome,
    data: streamClients(clients, streamIncome).slice(0, query.limit),
    warnings: missing.map((m) => ({ code: "missing-fx-rate", ...m })).sort((a, b) => (a.currency < b.currency ? -1 : 1)),
  });
}

export const streamClientsOp = defineOperation({
  method: "GET",
  path: "/api/v1/streams/{id}/clients",
  operationId: "listStreamClients",
  tag: "Streams",
  summary: "Who pays one stream: its largest clients and their share of its income",
  description:
    "Clients are counterparties of the stream's income, trimmed and compared case-insensitively, shown in their latest spelling; only those with positive income in the window. Default window: the last 12 months, the current one included.",
  access: "read",
  query: streamClientsQuery,
  status: 200,
  response: streamClientsResponse,
  handle: ({ userId, params, query }) => readStreamClients(userId, params.id ?? "", query),
});

export const updateStreamOp = defineOperation({
  method: "PATCH",
  path: "/api/v1/streams/{id}",
  operationId: "updateStream",
  tag: "Streams",
  summary: "Change a stream (archive it with status)",
  access: "write",
  body: updateStreamInput,
  status: 200,
  response: streamResponse,
  conflicts: "A stream with this name already exists.",
  handle: async ({ userId, params, body }) =>
    streamResponse.parse((await withLinks(userId, [await updateStream(userId, params.id ?? "", body)]))[0]),
});

export const deleteStreamOp = defineOperation({
  method: "DELETE",
  path: "/api/v1/streams/{id}",
  operationId: "deleteStream",
  tag: "Streams",
  summary: "Delete a stream",
  description:
    "409 while the stream has transactions, unless `cascade=true`; with `expectedTransactions=N` the delete is refused (409) when the stream no longer has exactly the N transactions the user agreed to delete. Archiving is the normal path.",
  access: "write",
  query: deleteStreamQuery,
  status: 204,
  conflicts: "The stream has transactions (or not the expected number of them).",
  handle: async ({ userId, params, query }) => {
    await deleteStream(userId, params.id ?? "", query.cascade, query.expectedTransactions);
    return null;
  },
});

/** The silence monitor as GET /api/v1/streams/silence answers it. */
export async function readSilence(userId: string) {
  return silenceResponse.parse(await loadSilence(userId));
}

export const streamSilenceOp = defineOperation({
  method: "GET",
  path: "/api/v1/streams/silence",
  operationId: "getStreamSilence",
  tag: "Streams",
  summary: "Which streams have gone silent: no income for well over their usual gap",
  description:
    "Every active stream with income on at least 6 days in the 180 ending today, by name: its last income, the 90th percentile of its gaps between income days, and `silent` when the days since the last exceed max(3, 2 × that gap). The same figures as the plan's `silentStreams`.",
  access: "read",
  status: 200,
  response: silenceResponse,
  handle: ({ userId }) => readSilence(userId),
});
