import "server-only";
import { createStream, deleteStream, getStream, listStreams, updateStream } from "@/lib/data/streams";
import { listResponse } from "@/lib/schemas/common";
import { createStreamInput, deleteStreamQuery, listStreamsQuery, streamResponse, updateStreamInput } from "@/lib/schemas/streams";
import { defineOperation } from "./operation";

export const streamList = listResponse(streamResponse);

/** The streams list as GET /api/v1/streams answers it; pages hydrate exactly this. */
export async function readStreams(userId: string, query: { status?: "active" | "paused" | "archived" } = {}) {
  return streamList.parse({ data: await listStreams(userId, query), nextCursor: null });
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
  handle: async ({ userId, body }) => streamResponse.parse(await createStream(userId, body)),
});

export const getStreamOp = defineOperation({
  method: "GET",
  path: "/api/v1/streams/{id}",
  operationId: "getStream",
  tag: "Streams",
  summary: "Get a stream",
  access: "read",
  status: 200,
  response: streamResponse,
  handle: async ({ userId, params }) => streamResponse.parse(await getStream(userId, params.id ?? "")),
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
  handle: async ({ userId, params, body }) => streamResponse.parse(await updateStream(userId, params.id ?? "", body)),
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
