import { deleteStream, getStream, updateStream } from "@/lib/data/streams";
import { route } from "@/lib/http";
import { deleteStreamQuery, streamResponse, updateStreamInput } from "@/lib/schemas/streams";

export const GET = route({}, async ({ userId, params }) => streamResponse.parse(await getStream(userId, params.id ?? "")));

export const PATCH = route({ access: "write", body: updateStreamInput }, async ({ userId, params, body }) =>
  streamResponse.parse(await updateStream(userId, params.id ?? "", body)),
);

export const DELETE = route({ access: "write", query: deleteStreamQuery }, async ({ userId, params, query }) => {
  await deleteStream(userId, params.id ?? "", query.cascade, query.expectedTransactions);
  return new Response(null, { status: 204 });
});
