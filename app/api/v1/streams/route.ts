import { createStream, listStreams } from "@/lib/data/streams";
import { json, route } from "@/lib/http";
import { createStreamInput, listStreamsQuery, streamResponse } from "@/lib/schemas/streams";

export const GET = route({ query: listStreamsQuery }, async ({ userId, query }) => ({
  data: (await listStreams(userId, query)).map((s) => streamResponse.parse(s)),
  nextCursor: null,
}));

export const POST = route({ access: "write", body: createStreamInput }, async ({ userId, body }) =>
  json(streamResponse.parse(await createStream(userId, body)), 201),
);
