import "server-only";
import { z } from "zod";
import { loadDemo } from "@/lib/data/demo";
import { getSettings, updateSettings } from "@/lib/data/settings";
import { createToken, listTokens, revokeToken } from "@/lib/data/tokens";
import { getUser } from "@/lib/data/users";
import { listResponse } from "@/lib/schemas/common";
import { settingsResponse, updateSettingsInput } from "@/lib/schemas/settings";
import { createdTokenResponse, createTokenInput, tokenResponse } from "@/lib/schemas/tokens";
import { meResponse } from "@/lib/schemas/users";
import { todayIn } from "@/lib/today";
import { defineOperation } from "./operation";

const tokenList = listResponse(tokenResponse);
const demoResponse = z.object({
  streams: z.number().int(),
  transactions: z.number().int(),
  timeEntries: z.number().int(),
  goals: z.number().int(),
});

/** Settings as GET /api/v1/settings answers them. */
export async function readSettings(userId: string) {
  return settingsResponse.parse(await getSettings(userId));
}

/** The tokens list, as GET /api/v1/tokens answers it. */
export async function readTokens(userId: string) {
  return tokenList.parse({ data: await listTokens(userId), nextCursor: null });
}

export const meOp = defineOperation({
  method: "GET",
  path: "/api/v1/me",
  operationId: "getMe",
  tag: "Account",
  summary: "The caller",
  description: "How an automation checks its token: the account it acts for, with its base currency and time zone.",
  access: "read",
  status: 200,
  response: meResponse,
  handle: async ({ userId }) => meResponse.parse(await getUser(userId)),
});

export const getSettingsOp = defineOperation({
  method: "GET",
  path: "/api/v1/settings",
  operationId: "getSettings",
  tag: "Account",
  summary: "Settings",
  access: "read",
  status: 200,
  response: settingsResponse,
  handle: ({ userId }) => readSettings(userId),
});

export const updateSettingsOp = defineOperation({
  method: "PATCH",
  path: "/api/v1/settings",
  operationId: "updateSettings",
  tag: "Account",
  summary: "Change settings",
  description: "A new base currency re-prices every transaction with the rates quoted in it (or their exact inverse).",
  access: "write",
  body: updateSettingsInput,
  status: 200,
  response: settingsResponse,
  handle: async ({ userId, body }) => settingsResponse.parse(await updateSettings(userId, body)),
});

export const listTokensOp = defineOperation({
  method: "GET",
  path: "/api/v1/tokens",
  operationId: "listTokens",
  tag: "Account",
  summary: "List API tokens",
  description: "Browser session only: a token cannot list, mint or revoke tokens.",
  access: "session",
  status: 200,
  response: tokenList,
  handle: ({ userId }) => readTokens(userId),
});

export const createTokenOp = defineOperation({
  method: "POST",
  path: "/api/v1/tokens",
  operationId: "createToken",
  tag: "Account",
  summary: "Create an API token",
  description: "The secret `token` is in this answer only; the server keeps its SHA-256 hash.",
  access: "session",
  body: createTokenInput,
  status: 201,
  response: createdTokenResponse,
  handle: async ({ userId, body }) => createdTokenResponse.parse(await createToken(userId, body)),
});

export const revokeTokenOp = defineOperation({
  method: "DELETE",
  path: "/api/v1/tokens/{id}",
  operationId: "revokeToken",
  tag: "Account",
  summary: "Revoke an API token",
  access: "session",
  status: 200,
  response: tokenResponse,
  handle: async ({ userId, params }) => tokenResponse.parse(await revokeToken(userId, params.id ?? "")),
});

export const loadDemoOp = defineOperation({
  method: "POST",
  path: "/api/v1/demo",
  operationId: "loadDemo",
  tag: "Account",
  summary: "Fill an empty account with the demo portfolio",
  access: "write",
  bodyFormats: [],
  status: 201,
  response: demoResponse,
  conflicts: "The account already has streams.",
  handle: async ({ userId }) => {
    const user = await getUser(userId);
    return demoResponse.parse(await loadDemo(userId, todayIn(user.timeZone)));
  },
});
