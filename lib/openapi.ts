// The OpenAPI 3.1 description of /api/v1, generated from the operation registrations that route() serves
// (paths, verbs, access, statuses) and from the zod schemas that validate requests and shape responses,
// so the document cannot drift from the code. Named schemas become $ref components.
import "server-only";
import { z } from "zod";
import type { Operation } from "@/lib/api/operation";
import { operations } from "@/lib/api/registry";
import { backupSchema } from "@/lib/schemas/backup";
import { problemResponse } from "@/lib/schemas/common";
import { importResponse } from "@/lib/schemas/imports";
import { fxRateInput, fxRateResponse } from "@/lib/schemas/fx-rates";
import { createGoalInput, goalResponse } from "@/lib/schemas/goals";
import { metricsResponse } from "@/lib/schemas/metrics";
import { settingsResponse, updateSettingsInput } from "@/lib/schemas/settings";
import { createStreamInput, streamResponse, updateStreamInput } from "@/lib/schemas/streams";
import { createTimeEntryInput, timeEntryResponse, updateTimeEntryInput } from "@/lib/schemas/time-entries";
import { createdTokenResponse, createTokenInput, tokenResponse } from "@/lib/schemas/tokens";
import { batchResponse, transactionInputSchema, transactionResponse, updateTransactionInput } from "@/lib/schemas/transactions";
import { meResponse } from "@/lib/schemas/users";

type JsonSchema = Record<string, unknown>;

/** The resources' own names; an operation's other bodies and answers are named after the operation. */
const NAMED_OUTPUTS: [z.ZodType, string][] = [
  [streamResponse, "Stream"],
  [transactionResponse, "Transaction"],
  [batchResponse, "TransactionBatchResult"],
  [timeEntryResponse, "TimeEntry"],
  [goalResponse, "Goal"],
  [fxRateResponse, "FxRate"],
  [settingsResponse, "Settings"],
  [tokenResponse, "Token"],
  [createdTokenResponse, "CreatedToken"],
  [metricsResponse, "Metrics"],
  [meResponse, "Me"],
  [backupSchema, "Backup"],
  [importResponse, "ImportResult"],
  [problemResponse, "Problem"],
];
const NAMED_INPUTS: [z.ZodType, string][] = [
  [createStreamInput, "StreamInput"],
  [updateStreamInput, "StreamPatch"],
  [transactionInputSchema, "TransactionInput"],
  [updateTransactionInput, "TransactionPatch"],
  [createTimeEntryInput, "TimeEntryInput"],
  [updateTimeEntryInput, "TimeEntryPatch"],
  [createGoalInput, "GoalInput"],
  [fxRateInput, "FxRateInput"],
  [updateSettingsInput, "SettingsPatch"],
  [createTokenInput, "TokenInput"],
];

const pascal = (id: string) => id.charAt(0).toUpperCase() + id.slice(1);
const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

/** Registers what the operations use under a component name each; answers the name of every schema. */
function registries(ops: readonly Operation[]) {
  const input = z.registry<{ id: string }>();
  const output = z.registry<{ id: string }>();
  const names = new Map<z.ZodType, string>();
  const add = (registry: typeof input, schema: z.ZodType, id: string) => {
    if (names.has(schema)) return;
    names.set(schema, id);
    registry.add(schema, { id });
  };
  for (const [schema, id] of NAMED_OUTPUTS) add(output, schema, id);
  for (const [schema, id] of NAMED_INPUTS) add(input, schema, id);
  for (const op of ops) {
    if (op.response) add(output, op.response, `${pascal(op.operationId)}Response`);
    const body = op.bodyDocument ?? op.body;
    if (body) add(input, body, `${pascal(op.operationId)}Body`);
  }
  return { input, output, names };
}

/** Components as OpenAPI wants them: no $schema/$id per component; answers may grow (METRICS.md). */
function components(registry: z.core.$ZodRegistry<{ id: string }>, io: "input" | "output"): Record<string, JsonSchema> {
  const { schemas } = z.toJSONSchema(registry, {
    io,
    unrepresentable: "any",
    target: "draft-2020-12",
    uri: (id) => `#/components/schemas/${id}`,
  }) as { schemas: Record<string, JsonSchema> };
  const clean = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(clean);
    if (node === null || typeof node !== "object") return node;
    const out: JsonSchema = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === "$schema" || key === "$id") continue;
      if (io === "output" && key === "additionalProperties" && value === false) continue;
      out[key] = clean(value);
    }
    return out;
  };
  return Object.fromEntries(Object.entries(schemas).map(([id, schema]) => [id, clean(schema) as JsonSchema]));
}

function queryParameters(schema: z.ZodType) {
  const js = z.toJSONSchema(schema, { io: "input", unrepresentable: "any", target: "draft-2020-12" }) as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  return Object.entries(js.properties ?? {}).map(([name, s]) => {
    const { description, ...rest } = s;
    return { name, in: "query", required: js.required?.includes(name) ?? false, ...(description ? { description } : {}), schema: rest };
  });
}

const problem = (description: string) => ({ description, content: { "application/problem+json": { schema: ref("Problem") } } });

/** The problem answers an operation can give, from what route() does with its registration. */
function problems(op: Operation): Record<string, unknown> {
  const out: Record<string, unknown> = { 401: problem("No credentials, or a bad or revoked token.") };
  if (op.access !== "read") out[403] = problem(op.access === "session" ? "API tokens cannot manage tokens." : "A read token cannot write.");
  if (op.path.includes("{")) out[404] = problem("No such resource for this caller (another user's id answers the same).");
  if (op.conflicts) out[409] = problem(op.conflicts);
  if (op.body) {
    out[400] = problem("The body is not valid JSON.");
    out[413] = problem("The body is too large.");
  }
  if (op.rawBody) out[413] = problem("The file is too large.");
  if (op.query || op.body || op.rawBody) out[422] = problem("Invalid input: `errors` lists every field's problem by path.");
  out[429] = problem("Too many requests.");
  return out;
}

const MEDIA: Record<string, string> = { json: "application/json", form: "application/x-www-form-urlencoded", csv: "text/csv" };

export function openApiDocument() {
  const { input, output, names } = registries(operations);
  const named = (schema: z.ZodType) => ref(names.get(schema)!);
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const body = op.bodyDocument ?? op.body;
    const formats = op.bodyFormats ?? ["json", "form"];
    const media = Object.fromEntries(
      Object.entries(op.alsoMedia ?? {}).map(([type, description]) => [type, { schema: { type: "string", description } }]),
    );
    const ok =
      op.status === 204 || !op.response
        ? { description: "Done." }
        : { description: "OK", content: { "application/json": { schema: named(op.response) }, ...media } };
    const also = Object.fromEntries(
      Object.entries(op.alsoStatus ?? {}).map(([status, description]) => [
        status,
        op.response ? { description, content: { "application/json": { schema: named(op.response) } } } : { description },
      ]),
    );
    (paths[op.path] ??= {})[op.method.toLowerCase()] = {
      operationId: op.operationId,
      tags: [op.tag],
      summary: op.summary,
      ...(op.description ? { description: op.description } : {}),
      ...(op.access === "session" ? { security: [{ session: [] }] } : {}),
      "x-access": op.access,
      parameters: [
        ...(op.path.includes("{id}") ? [{ name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } }] : []),
        ...(op.query ? queryParameters(op.query) : []),
      ],
      ...(op.rawBody
        ? {
            requestBody: {
              required: true,
              description: op.rawBody.description,
              content: Object.fromEntries(
                op.rawBody.media.map((m) => [
                  m,
                  m === "multipart/form-data"
                    ? { schema: ref("FileUpload") }
                    : { schema: { type: "string", description: "The CSV file itself." } },
                ]),
              ),
            },
          }
        : {}),
      ...(body && formats.length > 0
        ? {
            requestBody: {
              required: true,
              content: Object.fromEntries(
                formats.map((f) => [
                  MEDIA[f],
                  f === "csv" ? { schema: { type: "string", description: "A CSV file with a header row." } } : { schema: named(body) },
                ]),
              ),
            },
          }
        : {}),
      responses: { [op.status]: ok, ...also, ...problems(op) },
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Streamfolio API",
      version: "1.0.0",
      description:
        "Log income, expenses and hours from your automations, and read the portfolio figures. Money on the wire: `amount` as a decimal string (or JSON number) with no more decimals than the currency has; answers give both `amount` and the integer `amountMinor`. Write operations that take one object also take `application/x-www-form-urlencoded`. Errors are `application/problem+json` (RFC 9457).",
    },
    servers: [{ url: "/" }],
    security: [{ bearer: [] }, { session: [] }],
    tags: [...new Set([...operations.map((op) => op.tag), "Health"])].map((name) => ({ name })),
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "An API token from Settings → API tokens (read or write scope)." },
        session: { type: "apiKey", in: "cookie", name: "next-auth.session-token", description: "The signed-in browser session." },
      },
      schemas: {
        ...components(output, "output"),
        ...components(input, "input"),
        FileUpload: {
          type: "object",
          required: ["file"],
          properties: { file: { type: "string", contentMediaType: "text/csv", description: "The CSV file (at most 50 MB)." } },
        },
      },
    },
    paths: {
      "/api/health": {
        get: {
          operationId: "getHealth",
          tags: ["Health"],
          summary: "Liveness and database check",
          security: [],
          responses: { 200: { description: "The app and its database answer." }, 503: problem("The database is unreachable.") },
        },
      },
      "/api/v1/openapi.json": {
        get: {
          operationId: "getOpenApi",
          tags: ["Health"],
          summary: "This document",
          security: [],
          responses: { 200: { description: "OK" } },
        },
      },
      ...paths,
    },
  };
}
