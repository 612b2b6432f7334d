import { createToken, listTokens } from "@/lib/data/tokens";
import { json, route } from "@/lib/http";
import { createdTokenResponse, createTokenInput, tokenResponse } from "@/lib/schemas/tokens";

export const GET = route({ access: "session" }, async ({ userId }) => ({
  data: (await listTokens(userId)).map((t) => tokenResponse.parse(t)),
  nextCursor: null,
}));

export const POST = route({ access: "session", body: createTokenInput }, async ({ userId, body }) =>
  json(createdTokenResponse.parse(await createToken(userId, body)), 201),
);
