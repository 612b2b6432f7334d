import type { z } from "zod";
import type { Caller } from "@/lib/auth-request";

/**
 * One API operation, declared once: what route() enforces (access, query, body, limits) and what the
 * OpenAPI document says (path, operationId, statuses, schemas) come from the same object, so the two
 * cannot drift. app/api/v1/<path>/route.ts exports `route(operation)` per verb and nothing else.
 */

export type Method = "GET" | "POST" | "PATCH" | "DELETE";
/** "read": any caller; "write": session or write token; "session": browser session only (token management). */
export type Access = "read" | "write" | "session";
/** How a request body may arrive: JSON, an HTML-form / no-code-tool encoding of one object, or a CSV file. */
export type BodyFormat = "json" | "form" | "csv";

export interface OperationContext<Q, B> {
  caller: Caller;
  userId: string;
  query: Q;
  body: B;
  params: Record<string, string>;
  /** How the body arrived (json for operations without one). */
  format: BodyFormat;
  req: Request;
}

export interface Operation<Q extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType> {
  method: Method;
  /** OpenAPI path template: "/api/v1/streams/{id}". */
  path: string;
  operationId: string;
  tag: string;
  summary: string;
  description?: string;
  access: Access;
  query?: Q;
  body?: B;
  /**
   * The body as documented, when `body` cannot check all of it without the caller (a batch's items are
   * checked against the user's base currency and streams by the handler, so every item's errors come back).
   */
  bodyDocument?: z.ZodType;
  /** Default ["json", "form"]: every write that takes one object also takes a form encoding (API.md). */
  bodyFormats?: readonly BodyFormat[];
  maxBodyBytes?: number;
  /**
   * The handler streams the body itself from `req` (a file upload: route() reads none); documented as
   * these media types. An operation has `body` or `rawBody`, not both.
   */
  rawBody?: { media: readonly ("text/csv" | "multipart/form-data")[]; description: string };
  /** Answers in other media types than JSON (the handler returns a Response), e.g. a CSV download. */
  alsoMedia?: Record<string, string>;
  /** The success status of a plain return value, and the schema its body follows (none for 204). */
  status: number;
  response?: z.ZodType;
  /** Other success statuses the handler answers with reply(), e.g. 200 for an idempotent repeat. */
  alsoStatus?: Record<number, string>;
  /** Problem statuses this operation answers beyond the ones every operation can (401, 403, 404, 413, 422, 429). */
  conflicts?: string;
  handle: (ctx: OperationContext<z.output<Q>, z.output<B>>) => Promise<unknown>;
}

/** Keeps the generics of one declaration: `query` and `body` type the handler's context. */
export function defineOperation<Q extends z.ZodType = z.ZodUndefined, B extends z.ZodType = z.ZodUndefined>(
  op: Operation<Q, B>,
): Operation<Q, B> {
  return op;
}

/** A handler's answer with a status other than the operation's default. */
export class Reply {
  constructor(
    readonly body: unknown,
    readonly status: number,
  ) {}
}

export const reply = (body: unknown, status: number) => new Reply(body, status);

/** A JSON answer serialized once and sent as these bytes (a cached answer read again), with the operation's status. */
export class JsonBytes {
  constructor(readonly bytes: Uint8Array) {}
}
