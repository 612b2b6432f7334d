// The OpenAPI 3.1 description of /api/v1, generated from the zod schemas that validate the requests
// and shape the responses (zod's own JSON Schema output), so the document cannot drift from the code.
import { z } from "zod";
import { problemResponse } from "@/lib/schemas/common";
import { fxRateInput, fxRateResponse, listFxRatesQuery } from "@/lib/schemas/fx-rates";
import { createGoalInput, goalResponse } from "@/lib/schemas/goals";
import { metricsQuery, metricsResponse } from "@/lib/schemas/metrics";
import { settingsResponse, updateSettingsInput } from "@/lib/schemas/settings";
import { createStreamInput, deleteStreamQuery, listStreamsQuery, streamResponse, updateStreamInput } from "@/lib/schemas/streams";
import { createTimeEntryInput, listTimeEntriesQuery, timeEntryResponse } from "@/lib/schemas/time-entries";
import { createdTokenResponse, createTokenInput, tokenResponse } from "@/lib/schemas/tokens";
import {
  batchResponse,
  listTransactionsQuery,
  suggestionsResponse,
  transactionInputSchema,
  transactionResponse,
  updateTransactionInput,
} from "@/lib/schemas/transactions";
import { meResponse } from "@/lib/schemas/users";

type Schema = z.ZodType;
type Method = "get" | "post" | "patch" | "delete";

interface Operation {
  summary: string;
  tag: string;
  query?: Schema;
  body?: Schema;
  bodyDescription?: string;
  csv?: boolean;
  ok: number;
  response?: Schema;
  /** "session": browser session only (tokens); "write": a write token or the session. */
  access?: "read" | "write" | "session";
}

const list = (item: Schema) => z.object({ data: z.array(item), nextCursor: z.string().nullable() });
const json = (schema: Schema, io: "input" | "output") => z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" });
const idParam = [{ name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } }];

const routes: Record<string, Partial<Record<Method, Operation>>> = {
  "/api/v1/me": { get: { summary: "The caller (how an automation checks its token)", tag: "Account", ok: 200, response: meResponse } },
  "/api/v1/tokens": {
    get: { summary: "List API tokens", tag: "Account", ok: 200, response: list(tokenResponse), access: "session" },
    post: { summary: "Create an API token (the secret is in this answer only)", tag: "Account", body: createTokenInput, ok: 201, response: createdTokenResponse, access: "session" },
  },
  "/api/v1/tokens/{id}": { delete: { summary: "Revoke an API token", tag: "Account", ok: 200, response: tokenResponse, access: "session" } },
  "/api/v1/settings": {
    get: { summary: "Settings", tag: "Account", ok: 200, response: settingsResponse },
    patch: { summary: "Change settings (a new base currency re-prices everything)", tag: "Account", body: updateSettingsInput, ok: 200, response: settingsResponse, access: "write" },
  },
  "/api/v1/streams": {
    get: { summary: "List streams", tag: "Streams", query: listStreamsQuery, ok: 200, response: list(streamResponse) },
    post: { summary: "Create a stream", tag: "Streams", body: createStreamInput, ok: 201, response: streamResponse, access: "write" },
  },
  "/api/v1/streams/{id}": {
    get: { summary: "Get a stream", tag: "Streams", ok: 200, response: streamResponse },
    patch: { summary: "Change a stream (archive with status)", tag: "Streams", body: updateStreamInput, ok: 200, response: streamResponse, access: "write" },
    delete: { summary: "Delete a stream (409 while it has transactions unless cascade=true)", tag: "Streams", query: deleteStreamQuery, ok: 204, access: "write" },
  },
  "/api/v1/transactions": {
    get: { summary: "List transactions, newest first, keyset-paginated", tag: "Transactions", query: listTransactionsQuery, ok: 200, response: list(transactionResponse) },
    post: {
      summary: "Log one transaction, or a batch of up to 1,000 (all-or-nothing; known externalIds count as duplicates)",
      tag: "Transactions",
      body: z.union([transactionInputSchema, z.array(transactionInputSchema).max(1000)]),
      bodyDescription: "One object (answered with the object) or an array (answered with { inserted, duplicates, data }).",
      ok: 201,
      response: z.union([transactionResponse, batchResponse]),
      access: "write",
    },
  },
  "/api/v1/transactions/suggestions": { get: { summary: "Counterparties and platforms used before", tag: "Transactions", ok: 200, response: suggestionsResponse } },
  "/api/v1/transactions/{id}": {
    get: { summary: "Get a transaction", tag: "Transactions", ok: 200, response: transactionResponse },
    patch: { summary: "Change a transaction", tag: "Transactions", body: updateTransactionInput, ok: 200, response: transactionResponse, access: "write" },
    delete: { summary: "Delete a transaction (answers it, so a client can undo)", tag: "Transactions", ok: 200, response: transactionResponse, access: "write" },
  },
  "/api/v1/time-entries": {
    get: { summary: "List time entries", tag: "Time", query: listTimeEntriesQuery, ok: 200, response: list(timeEntryResponse) },
    post: { summary: "Log time (hours or minutes)", tag: "Time", body: createTimeEntryInput, ok: 201, response: timeEntryResponse, access: "write" },
  },
  "/api/v1/time-entries/{id}": { delete: { summary: "Delete a time entry", tag: "Time", ok: 200, response: timeEntryResponse, access: "write" } },
  "/api/v1/goals": {
    get: { summary: "List goals", tag: "Goals", ok: 200, response: list(goalResponse) },
    post: { summary: "Set a monthly goal from a month on (the same owner and month replaces it: 200)", tag: "Goals", body: createGoalInput, ok: 201, response: goalResponse, access: "write" },
  },
  "/api/v1/goals/{id}": { delete: { summary: "Delete a goal", tag: "Goals", ok: 200, response: goalResponse, access: "write" } },
  "/api/v1/fx-rates": {
    get: { summary: "List exchange rates quoted in the base currency", tag: "FX rates", query: listFxRatesQuery, ok: 200, response: list(fxRateResponse) },
    post: {
      summary: "Add or replace dated rates: one, an array, or a CSV (currency,date,rate); all-or-nothing",
      tag: "FX rates",
      body: z.union([fxRateInput, z.array(fxRateInput)]),
      csv: true,
      ok: 201,
      response: z.union([fxRateResponse, z.object({ inserted: z.number().int(), data: z.array(fxRateResponse) })]),
      access: "write",
    },
  },
  "/api/v1/metrics": { get: { summary: "Every figure of METRICS.md for a window (default: the last 12 months)", tag: "Metrics", query: metricsQuery, ok: 200, response: metricsResponse } },
  "/api/v1/demo": { post: { summary: "Fill an empty account with the demo portfolio", tag: "Account", ok: 201, access: "write" } },
};

function queryParameters(schema: Schema) {
  const js = json(schema, "input") as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(js.properties ?? {}).map(([name, s]) => ({ name, in: "query", required: js.required?.includes(name) ?? false, schema: s }));
}

const problem = { description: "Problem details (RFC 9457)", content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } } };

export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [path, ops] of Object.entries(routes)) {
    paths[path] = {};
    for (const [method, op] of Object.entries(ops) as [Method, Operation][]) {
      const responses: Record<string, unknown> = {
        [op.ok]: op.response ? { description: "OK", content: { "application/json": { schema: json(op.response, "output") } } } : { description: "OK" },
        401: problem,
        422: problem,
        429: problem,
      };
      if (path.includes("{id}")) responses[404] = problem;
      if (op.access === "write" || op.access === "session") responses[403] = problem;
      if (op.body) responses[413] = problem;
      if (method === "post" || method === "delete") responses[409] = problem;
      paths[path][method] = {
        summary: op.summary,
        tags: [op.tag],
        ...(op.access === "session" ? { security: [{ session: [] }] } : {}),
        parameters: [...(path.includes("{id}") ? idParam : []), ...(op.query ? queryParameters(op.query) : [])],
        ...(op.body
          ? {
              requestBody: {
                required: true,
                description: op.bodyDescription,
                content: {
                  "application/json": { schema: json(op.body, "input") },
                  ...(op.csv ? { "text/csv": { schema: { type: "string" } } } : {}),
                },
              },
            }
          : {}),
        responses,
      };
    }
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Streamfolio API",
      version: "1.0.0",
      description:
        "Log income, expenses and hours from your automations, and read the portfolio figures. Money on the wire: `amount` as a decimal string (or JSON number) with no more decimals than the currency has; responses give both `amount` and integer `amountMinor`.",
    },
    servers: [{ url: "/" }],
    security: [{ bearer: [] }, { session: [] }],
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "An API token from Settings (read or write scope)." },
        session: { type: "apiKey", in: "cookie", name: "next-auth.session-token", description: "The signed-in browser session." },
      },
      schemas: { Problem: json(problemResponse, "output") },
    },
    paths: {
      "/api/health": { get: { summary: "Liveness and database check", tags: ["Health"], security: [], responses: { 200: { description: "OK" }, 503: problem } } },
      "/api/v1/openapi.json": { get: { summary: "This document", tags: ["Health"], security: [], responses: { 200: { description: "OK" } } } },
      ...paths,
    },
  };
}
