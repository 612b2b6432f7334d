import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { authOptions, withSignInResponse } from "@/lib/auth";
import { readBodyText, toProblem } from "@/lib/http";
import { throttledSeconds } from "@/lib/sign-in-throttle";

type Ctx = { params: Promise<{ nextauth: string[] }> };

/** Sign-in and sign-out forms are a few hundred bytes; anything past this is refused while it streams in. */
const MAX_AUTH_BODY = 16 * 1024;

async function handler(req: Request, ctx: Ctx) {
  let request = req;
  if (req.method === "POST") {
    try {
      const body = await readBodyText(req, MAX_AUTH_BODY);
      request = new NextRequest(req.url, { method: "POST", headers: req.headers, body });
    } catch (err) {
      return toProblem(err);
    }
  }
  const res = await withSignInResponse(() => NextAuth(request as never, ctx as never, authOptions()) as Promise<Response>);
  return throttledAnswer(res);
}

/**
 * next-auth answers every refused sign-in alike (401, or a redirect to its error page), with authorize()'s
 * error in the URL's `error` parameter. A throttled one ("Throttled:<seconds>") becomes 429 with
 * Retry-After, so clients can tell "wait" from "wrong password".
 */
async function throttledAnswer(res: Response): Promise<Response> {
  if (res.status !== 401 && res.status !== 302) return res;
  let url = res.headers.get("location");
  if (!url && res.headers.get("content-type")?.startsWith("application/json")) {
    url = ((await res.clone().json()) as { url?: string } | null)?.url ?? null;
  }
  let seconds: number | null = null;
  try {
    seconds = url ? throttledSeconds(new URL(url, "http://x").searchParams.get("error")) : null;
  } catch {
    seconds = null;
  }
  if (seconds === null) return res;
  const headers = new Headers(res.headers);
  headers.delete("location");
  headers.set("content-type", "application/json");
  headers.set("retry-after", String(seconds));
  return new Response(JSON.stringify({ url }), { status: 429, headers });
}

export { handler as GET, handler as POST };
