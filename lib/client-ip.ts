/*
 * The client's address, as the server saw it. Next.js hands route handlers no socket, so every request is
 * stamped on arrival (lib/stamp-client-ip.ts, installed by instrumentation.ts) with this header, after any
 * copy the client sent is dropped. Behind proxies, TRUSTED_PROXY_HOPS says how many of the
 * X-Forwarded-For entries nearest the server were appended by proxies we run; the entry before those is
 * the client. With the default 0, X-Forwarded-For is ignored: a client cannot pick its own address.
 */
export const CLIENT_IP_HEADER = "x-streamfolio-client-ip";

export function trustedProxyHops(): number {
  const n = Number(process.env.TRUSTED_PROXY_HOPS ?? "0");
  return Number.isInteger(n) && n >= 0 && n <= 10 ? n : 0;
}

/** The address a request came from, given its socket's peer and its X-Forwarded-For, trusting `hops` proxies. */
export function resolveClientIp(socketAddress: string | undefined, forwardedFor: string | undefined, hops: number): string {
  const chain = [
    ...(forwardedFor ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
    socketAddress ?? "unknown",
  ];
  return normalize(chain[Math.max(0, chain.length - 1 - hops)]!);
}

/** IPv4 clients of a dual-stack socket arrive as ::ffff:a.b.c.d. */
function normalize(ip: string): string {
  return ip.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1").slice(0, 64);
}

/** The stamped address of a request (route handlers, server actions through next/headers); "unknown" when unstamped (tests). */
export function clientIp(headers: Headers | Record<string, unknown> | undefined): string {
  const value = headers instanceof Headers ? headers.get(CLIENT_IP_HEADER) : headers?.[CLIENT_IP_HEADER];
  return typeof value === "string" && value !== "" ? value : "unknown";
}
