import crypto from "node:crypto";
import { problem } from "@/lib/http";
import { metricsEnabled, metricsText } from "@/lib/observability/metrics";

const digest = (s: string) => crypto.createHash("sha256").update(s).digest();

/**
 * Prometheus scrapes with `Authorization: Bearer <METRICS_TOKEN>`. Without the setting the endpoint does
 * not exist (404), so an install that did not ask for it exposes nothing.
 */
export async function metricsResponse(req: Request): Promise<Response> {
  if (!metricsEnabled()) return problem(404, "Not found", "Metrics are off: set METRICS_TOKEN to turn them on.");
  const given = /^Bearer (.+)$/.exec(req.headers.get("authorization") ?? "")?.[1] ?? "";
  // Compared as hashes: equal lengths for timingSafeEqual, and no timing hint of the token's length.
  if (!crypto.timingSafeEqual(digest(given), digest(process.env.METRICS_TOKEN!))) {
    const res = problem(401, "Unauthorized", "Send the metrics token as `Authorization: Bearer <METRICS_TOKEN>`.");
    res.headers.set("www-authenticate", 'Bearer realm="streamfolio-metrics"');
    return res;
  }
  const { contentType, body } = await metricsText();
  return new Response(body, { headers: { "content-type": contentType, "cache-control": "no-store" } });
}
