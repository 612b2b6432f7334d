import { NextResponse } from "next/server";
import { type z } from "zod";
import { JsonBytes, Reply, type BodyFormat, type Operation } from "./api/operation";
import { audit } from "./audit";
import { authenticateRequest, type Caller } from "./auth-request";
import { clientIp } from "./client-ip";
import { parseCsv } from "./csv";
import { ApiError, pgCode, unprocessable } from "./http-errors";
import { errorFields, logLine } from "./log";
import { noteDatabaseFailure } from "./observability/health";
import { recordRequest } from "./observability/metrics";
import { withRequestContext } from "./observability/request-context";
import { requestIdOf } from "./observability/request-id";
import { rateLimitWindow } from "./rate-limit";
import { sameOriginVerdict, unsafeMethods } from "./same-origin";

export { ApiError, conflict, notFound, unprocessable } from "./http-errors";

const problemSlug: Record<number, string> = {
  400: "bad-request",
  401: "unauthorized",
  403: "forbidden",
  404: "not-found",
  409: "conflict",
  413: "payload-too-large",
  415: "unsupported-media-type",
  422: "validation",
  429: "rate-limited",
  500: "internal",
  503: "unavailable",
};

export function problem(status: number, title: string, detail?: string, errors?: { path: string; message: string }[]) {
  const body = { type: `urn:streamfolio:problem:${problemSlug[status] ?? "error"}`, title, status, detail, ...(errors ? { errors } : {}) };
  return new NextResponse(JSON.stringify(body), {
    status,
    headers: {
      ...privateHeaders,
      "content-type": "application/problem+json",
      ...(status === 401 ? { "www-authenticate": 'Bearer realm="streamfolio"' } : {}),
    },
  });
}

export function zodIssues(error: z.ZodError, prefix: (string | number)[] = []) {
  return error.issues.map((issue) => ({
    path: [...prefix, ...issue.path].map(String).join("."),
    message: issue.message,
  }));
}

/**
 * SQLSTATEs of data the database cannot hold: 22003 numeric out of range, 22008 datetime out of range,
 * 22007 invalid datetime format, 22P02 invalid text representation, 22021 invalid byte sequence (a NUL),
 * 22P05 untranslatable character (a \u0000 in jsonb), 54000 program limit exceeded (e.g. an index row too big).
 */
const inputDataErrors = new Set(["22003", "22008", "22007", "22P02", "22021", "22P05", "54000"]);

/**
 * The database cannot be reached (refused, reset, timed out, shutting down, too many connections): a
 * passing condition, answered 503 with Retry-After. Codes are postgres.js's and Node's socket errors,
 * and SQLSTATEs of classes 08 and 57P0x, and 53300.
 */
const unavailableCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "CONNECT_TIMEOUT",
  "CONNECTION_CLOSED",
  "CONNECTION_DESTROYED",
  "CONNECTION_ENDED",
  "57P01",
  "57P02",
  "57P03",
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
  "53300",
]);

/** The database could not be reached: a failure that passes, not a fault of this request or of the code. */
export function isDatabaseUnavailable(err: unknown): boolean {
  const sqlState = pgCode(err);
  return sqlState !== undefined && unavailableCodes.has(sqlState);
}

/** A deadlock or serialization failure that the data layer's retries (lib/data/retry.ts) did not get past. */
const busyCodes = new Set(["40P01", "40001"]);

function withRetryAfter(res: NextResponse, seconds: number) {
  res.headers.set("retry-after", String(seconds));
  return res;
}

/** Requests per minute per user across every instance; a setting so a load test or a busy automation can raise it. */
const apiLimitPerMinute = Number(process.env.API_RATE_LIMIT_PER_MINUTE) || 1200;

class RateLimited extends ApiError {
  constructor(
    limit: number,
    readonly retryAfterSeconds: number,
  ) {
    super(
      429,
      "Too many requests",
      `Slow down: at most ${limit.toLocaleString("en-US")} requests a minute. Try again in ${retryAfterSeconds} s.`,
    );
  }
}

export function toProblem(err: unknown): NextResponse {
  if (err instanceof RateLimited) return withRetryAfter(problem(err.status, err.title, err.detail), err.retryAfterSeconds);
  if (err instanceof ApiError) return problem(err.status, err.title, err.detail, err.errors);
  if (isDatabaseUnavailable(err)) {
    noteDatabaseFailure();
    logLine("error", "database unavailable", errorFields(err));
    return withRetryAfter(problem(503, "Database unavailable", "The database cannot be reached right now. Try again shortly."), 5);
  }
  const sqlState = pgCode(err);
  if (sqlState !== undefined && busyCodes.has(sqlState)) {
    logLine("warn", "write conflict not resolved by retries", errorFields(err));
    return withRetryAfter(problem(503, "Busy", "Concurrent changes got in the way. Try again."), 1);
  }
  // Input is validated through parseOrThrow/unprocessable; a ZodError that escapes is a response that
  // did not match its schema: our bug, logged as a 500 like any other.
  if (pgCode(err) === "23505") return problem(409, "Conflict", "That would duplicate an existing record.");
  // A row removed by a concurrent request (e.g. the stream a transaction is being logged to).
  if (pgCode(err) === "23503")
    return problem(409, "Conflict", "A record this refers to was changed or removed at the same time. Try again.");
  // A safety net: these data errors can only come from a value the caller sent (the schemas should have
  // refused it with a field message first). Logged, since each one is a missing check to add.
  const code = pgCode(err);
  if (code !== undefined && inputDataErrors.has(code)) {
    logLine("warn", "input refused by the database", errorFields(err));
    return problem(422, "Invalid input", "A value in the request is out of the range the database can store.");
  }
  logLine("error", "request failed", errorFields(err));
  return problem(500, "Internal error", "Something went wrong on our side.");
}

/** Every answer is one user's data: never stored by a shared cache. */
const privateHeaders: Record<string, string> = {
  "cache-control": "private, no-store",
  // Pages send HSTS from proxy.ts; API answers (which skip it) send it here, when the app is on https.
  ...(process.env.NEXTAUTH_URL?.startsWith("https://") ? { "strict-transport-security": "max-age=31536000; includeSubDomains" } : {}),
};

export function json(data: unknown, status = 200): NextResponse {
  return NextResponse.json(data, { status, headers: privateHeaders });
}

type NextContext = { params: Promise<Record<string, string | string[] | undefined>> };

const DEFAULT_MAX_BODY = 2 * 1024 * 1024;

/** One JSON line per API request (off with LOG_REQUESTS=false; off in tests, which make tens of thousands). */
const logRequests = process.env.LOG_REQUESTS !== "false" && process.env.NODE_ENV !== "test";

const tooLarge = (maxBytes: number) => new ApiError(413, "Payload too large", `The body is larger than ${maxBytes} bytes.`);

/**
 * The body as text, counting bytes as they arrive: a body without Content-Length (chunked) is cut off
 * at the limit instead of being read whole first.
 */
export async function readBodyText(req: Request, maxBytes: number): Promise<string> {
  if (Number(req.headers.get("content-length") ?? "0") > maxBytes) throw tooLarge(maxBytes);
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

function parseJson(text: string): unknown {
  if (text.trim() === "") throw unprocessable("The request body is empty.", [{ path: "", message: "Send a JSON body." }]);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError(400, "Malformed JSON", "The request body is not valid JSON.");
  }
}

/** A form-encoded object: empty fields are left out, as if the tool had not sent them. */
function parseForm(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(text)) if (value !== "") out[key] = value;
  return out;
}

function parseCsvBody(text: string): Record<string, string>[] {
  const csv = parseCsv(text);
  if (csv.errors.length)
    throw unprocessable(
      "The CSV could not be read.",
      csv.errors.map((e) => ({ path: `row ${e.row}`, message: e.message })),
    );
  return csv.rows;
}

type Unstorable = "nul" | "surrogate";

/** A NUL, or half of a UTF-16 surrogate pair (JSON's "\ud800"), which would be stored as U+FFFD, making two texts one. */
const unstorable = (text: string): Unstorable | null => (text.includes("\u0000") ? "nul" : text.isWellFormed() ? null : "surrogate");

/**
 * Where the first text that Postgres cannot store as sent is in a parsed input, or null: a NUL character
 * (U+0000), which text cannot hold, or a lone surrogate. Refused here with its field named instead of
 * failing the insert, or of being stored changed.
 */
function unstorablePath(value: unknown, path: string): { path: string; kind: Unstorable } | null {
  if (typeof value === "string") {
    const kind = unstorable(value);
    return kind ? { path, kind } : null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = unstorablePath(value[i], path === "" ? String(i) : `${path}.${i}`);
      if (found !== null) return found;
    }
    return null;
  }
  if (value !== null && typeof value === "object") {
    for (const [key, v] of Object.entries(value)) {
      const found = unstorablePath(key, path) ?? unstorablePath(v, path === "" ? key : `${path}.${key}`);
      if (found !== null) return found;
    }
  }
  return null;
}

function refuseUnstorable(value: unknown, where: "body" | "query") {
  const found = unstorablePath(value, "");
  if (found?.kind === "nul")
    throw unprocessable(`The ${where} contains a NUL character (U+0000).`, [
      { path: found.path, message: "Text cannot contain the NUL character." },
    ]);
  if (found?.kind === "surrogate")
    throw unprocessable(`The ${where} contains half of a UTF-16 surrogate pair.`, [
      { path: found.path, message: "Text cannot contain a lone surrogate (\\uD800 to \\uDFFF without its pair)." },
    ]);
}

/**
 * The body in the format its content type names, among those the operation takes; anything else is read
 * as JSON (what most clients send, with or without the header). A form-typed body that is plainly JSON
 * (curl -d '{…}' without a content type) is read as JSON too.
 */
async function readInput(req: Request, op: Operation): Promise<{ format: BodyFormat; value: unknown }> {
  const formats = op.bodyFormats ?? ["json", "form"];
  const text = await readBodyText(req, op.maxBodyBytes ?? DEFAULT_MAX_BODY);
  const type = (req.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type === "text/csv" && formats.includes("csv")) return { format: "csv", value: parseCsvBody(text) };
  if (type === "application/x-www-form-urlencoded" && formats.includes("form") && !/^\s*[[{]/.test(text))
    return { format: "form", value: parseForm(text) };
  return { format: "json", value: parseJson(text) };
}

/**
 * The one wrapper every API route goes through: authenticate → check access → rate-limit → parse input →
 * handle. Every error, thrown anywhere below, leaves as problem+json. The operation is attached to the
 * handler so the OpenAPI test can check that what is served is what is documented.
 */
export function route<Q extends z.ZodType, B extends z.ZodType>(op: Operation<Q, B>) {
  const answer = async (req: Request, context: NextContext, seen: { caller: Caller | null }): Promise<Response> => {
    let caller: Caller | null = null;
    try {
      caller = seen.caller = await authenticateRequest(req);
      if (!caller) throw new ApiError(401, "Unauthorized", "Sign in, or send a valid API token as `Authorization: Bearer <token>`.");
      if (op.access === "session" && caller.via === "token")
        throw new ApiError(403, "Forbidden", "API tokens cannot manage tokens; use a signed-in browser session.");
      if (op.access === "write" && caller.via === "token" && caller.scope !== "write")
        throw new ApiError(403, "Forbidden", "This token has the read scope; writing needs a write token.");
      if (caller.via === "session" && unsafeMethods.has(req.method)) refuseCrossSite(req, op);
      const limit = await rateLimitWindow(`api:${caller.userId}`, apiLimitPerMinute, 60_000);
      if (!limit.allowed) throw new RateLimited(apiLimitPerMinute, limit.retryAfterSeconds);

      const params: Record<string, string> = {};
      for (const [k, v] of Object.entries((await context.params) ?? {})) if (typeof v === "string") params[k] = v;
      const rawQuery = Object.fromEntries(new URL(req.url).searchParams);
      refuseUnstorable(rawQuery, "query");
      const query = op.query ? parseOrThrow(op.query, rawQuery, "query") : undefined;
      const input = op.body ? await readInput(req, op) : { format: "json" as const, value: undefined };
      refuseUnstorable(input.value, "body");
      const body = op.body ? parseOrThrow(op.body, input.value, "body") : undefined;

      const result = await op.handle({
        caller,
        userId: caller.userId,
        query: query as z.output<Q>,
        body: body as z.output<B>,
        params,
        format: input.format,
        req,
      });
      // A streamed answer (an export) is built by the handler itself.
      if (result instanceof Response) return result;
      if (result instanceof JsonBytes)
        return new NextResponse(result.bytes as BodyInit, {
          status: op.status,
          headers: { ...privateHeaders, "content-type": "application/json" },
        });
      if (result instanceof Reply)
        return result.status === 204 ? new Response(null, { status: 204, headers: privateHeaders }) : json(result.body, result.status);
      return op.status === 204 ? new Response(null, { status: 204, headers: privateHeaders }) : json(result, op.status);
    } catch (err) {
      if (err instanceof ApiError && (err.status === 401 || err.status === 403))
        await audit({
          kind: err.title === crossSiteTitle ? "csrf.refused" : "authz.denied",
          userId: caller?.userId,
          ip: clientIp(req.headers),
          detail: { method: req.method, path: new URL(req.url).pathname, status: err.status },
        });
      return toProblem(err);
    }
  };
  const handler = async (req: Request, context: NextContext): Promise<Response> => {
    const requestId = requestIdOf(req.headers);
    const started = performance.now();
    const seen: { caller: Caller | null } = { caller: null };
    const res = await withRequestContext({ requestId }, () => answer(req, context, seen));
    res.headers.set("x-request-id", requestId);
    const ms = performance.now() - started;
    recordRequest(req.method, op.path, res.status, ms / 1000);
    if (logRequests)
      withRequestContext({ requestId }, () =>
        logLine(res.status >= 500 ? "error" : "info", "request", {
          method: req.method,
          route: op.path,
          status: res.status,
          ms: Math.round(ms * 10) / 10,
          ...(seen.caller ? { userId: seen.caller.userId, via: seen.caller.via } : {}),
        }),
      );
    return res;
  };
  return Object.assign(handler, { operation: op as Operation });
}

const crossSiteTitle = "Cross-site request refused";

const mediaOf: Record<BodyFormat, string> = { json: "application/json", form: "application/x-www-form-urlencoded", csv: "text/csv" };

/**
 * A write made with the session cookie must come from this app's own pages (lib/same-origin.ts), and its
 * body in a content type the operation takes: a cross-site form can only send text/plain, form or
 * multipart bodies, and a JSON body sent as text/plain is not read as JSON. Token callers never reach
 * here: a bearer token is not something another site's page can make the browser send.
 */
function refuseCrossSite(req: Request, op: Operation) {
  const verdict = sameOriginVerdict(req.headers, req.url);
  if (!verdict.ok)
    throw new ApiError(403, "Cross-site request refused", "Writes made with a signed-in browser must come from Streamfolio's own pages.");
  // A body with no content type at all cannot come from another site's form or no-cors fetch.
  if (!op.body || !req.headers.has("content-type")) return;
  const type = req.headers.get("content-type")!.split(";")[0]!.trim().toLowerCase();
  const accepted = (op.bodyFormats ?? ["json", "form"]).map((f) => mediaOf[f]);
  if (!accepted.includes(type) && !(type.endsWith("+json") && accepted.includes(mediaOf.json)))
    throw new ApiError(415, "Unsupported media type", `Send the body as ${accepted.join(" or ")}.`);
}

function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, where: "query" | "body"): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw unprocessable(
      where === "query" ? "The query string did not pass validation." : "The request body did not pass validation.",
      zodIssues(parsed.error),
    );
  }
  return parsed.data;
}
