import { NextResponse } from "next/server";
import { type z } from "zod";
import { authenticateRequest, type Caller } from "./auth-request";
import { ApiError, pgCode, unprocessable } from "./http-errors";
import { rateLimit } from "./rate-limit";

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

export function toProblem(err: unknown): NextResponse {
  if (err instanceof ApiError) return problem(err.status, err.title, err.detail, err.errors);
  // Input is validated through parseOrThrow/unprocessable; a ZodError that escapes is a response that
  // did not match its schema: our bug, logged as a 500 like any other.
  if (pgCode(err) === "23505") return problem(409, "Conflict", "That would duplicate an existing record.");
  // A row removed by a concurrent request (e.g. the stream a transaction is being logged to).
  if (pgCode(err) === "23503") return problem(409, "Conflict", "A record this refers to was changed or removed at the same time. Try again.");
  console.error(err);
  return problem(500, "Internal error", "Something went wrong on our side.");
}

/** Every answer is one user's data: never stored by a shared cache. */
const privateHeaders = { "cache-control": "private, no-store" };

export function json(data: unknown, status = 200): NextResponse {
  return NextResponse.json(data, { status, headers: privateHeaders });
}

type Access = "read" | "write" | "session";

interface RouteOptions<Q extends z.ZodType, B extends z.ZodType> {
  /** "read": any caller; "write": session or write token; "session": browser session only (token management). Default: read for GET, write otherwise. */
  access?: Access;
  query?: Q;
  body?: B;
  maxBodyBytes?: number;
}

export interface RouteContext<Q, B> {
  caller: Caller;
  userId: string;
  query: Q;
  body: B;
  params: Record<string, string>;
  req: Request;
}

type NextContext = { params: Promise<Record<string, string | string[] | undefined>> };

const DEFAULT_MAX_BODY = 2 * 1024 * 1024;

export async function readBodyText(req: Request, maxBytes: number): Promise<string> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new ApiError(413, "Payload too large", `The body is larger than ${maxBytes} bytes.`);
  const buf = await req.arrayBuffer();
  if (buf.byteLength > maxBytes) throw new ApiError(413, "Payload too large", `The body is larger than ${maxBytes} bytes.`);
  return new TextDecoder().decode(buf);
}

async function readJson(req: Request, maxBytes: number): Promise<unknown> {
  const text = await readBodyText(req, maxBytes);
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError(400, "Malformed JSON", "The request body is not valid JSON.");
  }
}

/**
 * The one wrapper every API route goes through: authenticate → rate-limit → parse input → handle.
 * Every error, thrown anywhere below, leaves as problem+json.
 */
export function route<Q extends z.ZodType = z.ZodUndefined, B extends z.ZodType = z.ZodUndefined>(
  options: RouteOptions<Q, B>,
  handler: (ctx: RouteContext<z.output<Q>, z.output<B>>) => Promise<unknown>,
) {
  return async (req: Request, context: NextContext): Promise<Response> => {
    try {
      const caller = await authenticateRequest(req);
      if (!caller) throw new ApiError(401, "Unauthorized", "Sign in, or send a valid API token as `Authorization: Bearer <token>`.");
      // A route that forgets to say is safe by default: only reads are open to read tokens.
      const access = options.access ?? (req.method === "GET" || req.method === "HEAD" ? "read" : "write");
      if (access === "session" && caller.via === "token")
        throw new ApiError(403, "Forbidden", "API tokens cannot manage tokens; use a signed-in browser session.");
      if (access === "write" && caller.via === "token" && caller.scope !== "write")
        throw new ApiError(403, "Forbidden", "This token has the read scope; writing needs a write token.");
      if (!rateLimit(`api:${caller.userId}`, 1200, 60_000))
        throw new ApiError(429, "Too many requests", "Slow down: at most 1,200 requests a minute.");

      const rawParams = (await context.params) ?? {};
      const params: Record<string, string> = {};
      for (const [k, v] of Object.entries(rawParams)) if (typeof v === "string") params[k] = v;

      const url = new URL(req.url);
      const query = options.query ? parseOrThrow(options.query, Object.fromEntries(url.searchParams), "query") : undefined;
      const body = options.body
        ? parseOrThrow(options.body, await readJson(req, options.maxBodyBytes ?? DEFAULT_MAX_BODY), "body")
        : undefined;

      const result = await handler({
        caller,
        userId: caller.userId,
        query: query as z.output<Q>,
        body: body as z.output<B>,
        params,
        req,
      });
      return result instanceof Response ? result : json(result);
    } catch (err) {
      return toProblem(err);
    }
  };
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
