import { NextResponse, type NextRequest } from "next/server";
import { logLine } from "@/lib/log";
import { databaseKnownDown } from "@/lib/observability/database-verdict";
import { OUTAGE_RETRY_SECONDS, outagePage } from "@/lib/observability/outage-page";
import { requestIdOf } from "@/lib/observability/request-id";
import { sameOriginVerdict, unsafeMethods } from "@/lib/same-origin";
import { contentSecurityPolicy, securityHeaders } from "@/lib/security-headers";

/*
 * Runs before every page and server action (not the API, nor static assets): refuses cross-site writes
 * made with the session cookie, and sets the security headers with a fresh CSP nonce. It is not the
 * authorization gate: requireUser() and each server action check the caller themselves.
 */
export function proxy(request: NextRequest) {
  // Next.js would fail its routing on this path with a bare 500 and nothing logged.
  if (!decodable(request.nextUrl.pathname)) return badPath(request);
  const headers = request.headers;
  const bearer = headers.has("authorization");
  const cookie = headers.has("cookie");
  // Server actions carry Next-Action; Next.js accepts one with no Origin at all, so it is refused here.
  const action = headers.has("next-action");
  if (unsafeMethods.has(request.method) && !bearer && (cookie || action)) {
    const verdict = sameOriginVerdict(headers, request.url);
    if (!verdict.ok) {
      logLine("warn", "audit", { event: "csrf.refused", method: request.method, path: request.nextUrl.pathname, reason: verdict.reason });
      return new NextResponse(
        JSON.stringify({
          type: "urn:streamfolio:problem:forbidden",
          title: "Cross-site request refused",
          status: 403,
          detail: "Writes made with a signed-in browser must come from Streamfolio's own pages.",
        }),
        { status: 403, headers: { "content-type": "application/problem+json", ...securityHeaders(isHttps(request)) } },
      );
    }
  }

  const nonce = btoa(crypto.randomUUID());
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  // A page cannot render without the database: while it is known to be away, say so at once with a 503.
  if ((request.method === "GET" || request.method === "HEAD") && databaseKnownDown()) {
    return new NextResponse(request.method === "HEAD" ? null : outagePage(nonce), {
      status: 503,
      headers: {
        "content-type": "text/html; charset=utf-8",
        "cache-control": "no-store",
        "retry-after": String(OUTAGE_RETRY_SECONDS),
        "x-request-id": requestIdOf(headers),
        "content-security-policy": csp,
        ...securityHeaders(isHttps(request)),
      },
    });
  }
  const forwarded = new Headers(headers);
  // Next.js reads the nonce for its own scripts from the request's policy; the layout reads x-nonce.
  forwarded.set("x-nonce", nonce);
  forwarded.set("content-security-policy", csp);
  // The page's id, for the log line of an error it throws (instrumentation.ts onRequestError).
  const requestId = requestIdOf(headers);
  forwarded.set("x-request-id", requestId);
  const response = NextResponse.next({ request: { headers: forwarded } });
  response.headers.set("x-request-id", requestId);
  response.headers.set("content-security-policy", csp);
  for (const [k, v] of Object.entries(securityHeaders(isHttps(request)))) response.headers.set(k, v);
  return response;
}

function decodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/** A path with a "%" that is not percent-encoding of UTF-8 ("%ff", "%zz", a cut "%E0%A4%A"). */
function badPath(request: NextRequest) {
  const detail = 'The address is not valid: a "%" in it is not followed by the hex code of UTF-8 text.';
  const api = request.nextUrl.pathname.startsWith("/api/");
  return new NextResponse(
    api
      ? JSON.stringify({ type: "urn:streamfolio:problem:bad-request", title: "Bad request", status: 400, detail })
      : `Bad request. ${detail}\n`,
    {
      status: 400,
      headers: {
        "content-type": api ? "application/problem+json" : "text/plain; charset=utf-8",
        "x-request-id": requestIdOf(request.headers),
        ...securityHeaders(isHttps(request)),
      },
    },
  );
}

function isHttps(request: NextRequest): boolean {
  if (process.env.NEXTAUTH_URL) return process.env.NEXTAUTH_URL.startsWith("https://");
  return request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
}

export const config = {
  /*
   * Pages and server actions only. The API is left out on purpose: with a proxy in front, Next.js buffers
   * every request body in memory (up to proxyClientMaxBodySize, then truncates it), which would undo the
   * streaming size limits and cut 50 MB imports short. route() does the API's origin check itself, and
   * next.config.ts and route() give API answers their headers.
   */
  matcher: [
    "/((?!api/|_next/static|_next/image|icon.svg|apple-icon.png|favicon.ico).*)",
    // An API path with a "%" (ids never have one): only to answer one Next.js cannot route with a 400.
    "/api/(.*%.*)",
  ],
};
