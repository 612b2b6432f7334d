// Helpers for integration tests: real users in the real database, real route handlers, real requests.
import crypto from "node:crypto";
import { encode } from "next-auth/jwt";
import { createSession } from "@/lib/data/sessions";
import { createUser } from "@/lib/data/users";
import { createToken } from "@/lib/data/tokens";
import { authSecret } from "@/lib/secret";

process.env.NEXTAUTH_SECRET ??= "integration-test-secret-integration-test-secret";

export interface TestUser {
  id: string;
  email: string;
  cookie: string;
  writeToken: string;
  readToken: string;
}

export async function makeUser(name = "Test User"): Promise<TestUser> {
  const email = `${crypto.randomUUID()}@example.test`;
  // A fixed, pre-computed hash would hide nothing here; sign-in itself is covered by the e2e suite.
  const user = await createUser({ name, email, passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$placeholder$placeholder" });
  const sid = await createSession(user.id, { ip: "test", userAgent: null });
  const jwt = await encode({ token: { uid: user.id, sv: user.sessionVersion, sid, name, email }, secret: authSecret() });
  const write = await createToken(user.id, { name: "write", scope: "write" });
  const read = await createToken(user.id, { name: "read", scope: "read" });
  return { id: user.id, email, cookie: `next-auth.session-token=${jwt}`, writeToken: write.token, readToken: read.token };
}

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

export interface CallOptions {
  method?: string;
  auth?: { cookie: string } | { token: string } | null;
  body?: unknown;
  /** A body as is: text, a FormData (multipart) or a stream (sent chunked, without a Content-Length). */
  rawBody?: string | FormData | ReadableStream<Uint8Array> | Uint8Array;
  headers?: Record<string, string>;
  params?: Record<string, string>;
  query?: Record<string, string>;
}

export async function call(handler: Handler, path: string, opts: CallOptions = {}) {
  const url = new URL(path, "http://localhost");
  for (const [k, v] of Object.entries(opts.query ?? {})) url.searchParams.set(k, v);
  const headers = new Headers(opts.headers);
  if (opts.auth && "cookie" in opts.auth) {
    headers.set("cookie", opts.auth.cookie);
    // What a browser sends from the app's own pages; a test of cross-site requests sets its own.
    if (!headers.has("sec-fetch-site") && !headers.has("origin")) headers.set("sec-fetch-site", "same-origin");
  }
  if (opts.auth && "token" in opts.auth) headers.set("authorization", `Bearer ${opts.auth.token}`);
  let body: string | FormData | ReadableStream<Uint8Array> | Uint8Array | undefined = opts.rawBody;
  if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers.set("content-type", "application/json");
  }
  const init: RequestInit & { duplex?: "half" } = { method: opts.method ?? "GET", headers, body: body as BodyInit | undefined };
  if (body instanceof ReadableStream) init.duplex = "half";
  const res = await handler(new Request(url, init), {
    params: Promise.resolve(opts.params ?? {}),
  });
  const text = await res.text();
  const contentType = res.headers.get("content-type");
  // Every API answer is JSON but a download (CSV export) or a Prometheus scrape.
  const json = text && !contentType?.startsWith("text/") ? (JSON.parse(text) as unknown) : undefined;
  return { status: res.status, contentType, json: json as Record<string, unknown> & unknown, text, res };
}
