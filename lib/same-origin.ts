/*
 * Cross-site request forgery: a browser sends the session cookie with requests that other pages start,
 * including pages on another port of this host or a sibling subdomain (SameSite=Lax sees those as the
 * same site). A cookie-authenticated write is accepted only when the browser says it came from this
 * app's own origin: Sec-Fetch-Site "same-origin", or else an Origin header naming this origin. A
 * request carrying neither is refused too (every browser this app supports sends at least one).
 */

/** The origins this app answers on: NEXTAUTH_URL's when set, else the one the request was addressed to. */
function ownOrigins(headers: Headers, requestUrl: string): Set<string> {
  const origins = new Set<string>();
  if (process.env.NEXTAUTH_URL) {
    try {
      origins.add(new URL(process.env.NEXTAUTH_URL).origin);
    } catch {
      // A malformed NEXTAUTH_URL is next-auth's to report; the request's own origin still counts.
    }
  }
  const url = new URL(requestUrl);
  const host = headers.get("host");
  origins.add(url.origin);
  if (host) {
    origins.add(`http://${host}`);
    origins.add(`https://${host}`);
  }
  return origins;
}

export type OriginVerdict = { ok: true } | { ok: false; reason: string };

/** Whether a request that writes with the session cookie came from this app's own pages. */
export function sameOriginVerdict(headers: Headers, requestUrl: string): OriginVerdict {
  const site = headers.get("sec-fetch-site");
  if (site !== null) return site === "same-origin" ? { ok: true } : { ok: false, reason: `Sec-Fetch-Site: ${site}` };
  const origin = headers.get("origin");
  if (origin === null) return { ok: false, reason: "no Origin or Sec-Fetch-Site header" };
  return ownOrigins(headers, requestUrl).has(origin) ? { ok: true } : { ok: false, reason: `Origin: ${origin.slice(0, 100)}` };
}

export const unsafeMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);
