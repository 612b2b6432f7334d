import http from "node:http";
import { CLIENT_IP_HEADER, resolveClientIp, trustedProxyHops } from "@/lib/client-ip";

let installed = false;

/**
 * Stamps every incoming request with the client's address before Next.js sees it: Next hands route
 * handlers and server actions no socket, and a header set here reaches them through the request's
 * headers. Patching the server's emit (rather than a custom server) keeps `next start` and the
 * standalone server as they are.
 */
export function stampClientIp() {
  if (installed) return;
  installed = true;
  const hops = trustedProxyHops();
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string, ...args: unknown[]) {
    if (event === "request") {
      const req = args[0] as http.IncomingMessage;
      const forwarded = req.headers["x-forwarded-for"];
      req.headers[CLIENT_IP_HEADER] = resolveClientIp(
        req.socket.remoteAddress,
        Array.isArray(forwarded) ? forwarded.join(",") : forwarded,
        hops,
      );
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof emit;
}
