// Operations' view of a running instance: the two health probes, the request id on answers and log lines,
// and the Prometheus endpoint (off without METRICS_TOKEN, then behind it).
import { afterEach, describe, expect, it, vi } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { GET as live } from "@/app/api/health/live/route";
import { GET as ready } from "@/app/api/health/ready/route";
import { GET as metrics } from "@/app/api/metrics/route";
import { GET as getMetrics } from "@/app/api/v1/metrics/route";
import { GET as listStreams, POST as createStream } from "@/app/api/v1/streams/route";
import { call, makeUser } from "../support/api";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

const scrape = (token?: string) => call(metrics as never, "/api/metrics", token ? { headers: { authorization: `Bearer ${token}` } } : {});

/** The value of one sample line of the exposition ("name{labels} value"), or undefined. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split("\n")) {
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{([^}]*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = (m[2] ?? "").split(",");
    if (wanted.every((w) => have.includes(w))) return Number(m[3]);
  }
  return undefined;
}

describe("health probes", () => {
  it("answers liveness without the database and readiness with it; /api/health is readiness as API.md says", async () => {
    const l = await call(live as never, "/api/health/live");
    expect(l.status).toBe(200);
    expect(l.json).toMatchObject({ status: "ok" });
    expect(l.json.uptimeSeconds).toBeGreaterThanOrEqual(0);
    for (const probe of [ready, health]) {
      const r = await call(probe as never, "/api/health/ready");
      expect(r.status).toBe(200);
      expect(r.json).toEqual({ status: "ok", db: "ok" });
    }
  });
});

describe("request ids", () => {
  it("sends one on every API answer, keeps a proxy's own, and writes it on the request's log lines", async () => {
    const u = await makeUser();
    const fresh = await call(listStreams as never, "/api/v1/streams", { auth: { token: u.readToken } });
    expect(fresh.res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const other = await call(listStreams as never, "/api/v1/streams", { auth: { token: u.readToken } });
    expect(other.res.headers.get("x-request-id")).not.toBe(fresh.res.headers.get("x-request-id"));

    const lines: string[] = [];
    vi.spyOn(console, "log").mockImplementation((line: string) => void lines.push(line));
    vi.spyOn(console, "error").mockImplementation((line: string) => void lines.push(line));
    // A refused call is audited while it is served: its log line carries the id nginx sent.
    const refused = await call(listStreams as never, "/api/v1/streams", { headers: { "x-request-id": "nginx-4f1c2d9e8a7b" } });
    expect(refused.status).toBe(401);
    expect(refused.res.headers.get("x-request-id")).toBe("nginx-4f1c2d9e8a7b");
    const logged = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(logged.some((l) => l.requestId === "nginx-4f1c2d9e8a7b")).toBe(true);

    // An id that is not a plain token (a header injection, a 10 kB string) is replaced, not echoed.
    const odd = await call(listStreams as never, "/api/v1/streams", {
      auth: { token: u.readToken },
      headers: { "x-request-id": "a b<script>" },
    });
    expect(odd.res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("/api/metrics", () => {
  it("does not exist unless METRICS_TOKEN is set", async () => {
    vi.stubEnv("METRICS_TOKEN", "");
    const r = await scrape("anything");
    expect(r.status).toBe(404);
    expect(r.contentType).toBe("application/problem+json");
  });

  it("needs the token, then counts requests by route template and status, and reports the database and the queue", async () => {
    vi.stubEnv("METRICS_TOKEN", "scrape-secret-0123456789");
    for (const token of [undefined, "wrong", "scrape-secret-012345678"]) {
      const r = await scrape(token);
      expect(r.status).toBe(401);
      expect(r.contentType).toBe("application/problem+json");
    }

    const u = await makeUser();
    const before = (await scrape("scrape-secret-0123456789")).text;
    // The first scrape already has the database's figures (they are collected with it, not after it).
    expect(sample(before, "streamfolio_db_pool_size")).toBeGreaterThanOrEqual(1);
    const count = (text: string, labels: Record<string, string>) => sample(text, "streamfolio_http_requests_total", labels) ?? 0;
    const okLabels = { method: "GET", route: "/api/v1/streams", status: "200" };
    const badLabels = { method: "POST", route: "/api/v1/streams", status: "422" };
    for (let i = 0; i < 3; i++)
      expect((await call(listStreams as never, "/api/v1/streams", { auth: { token: u.readToken } })).status).toBe(200);
    expect(
      (await call(createStream as never, "/api/v1/streams", { method: "POST", auth: { token: u.writeToken }, body: { name: "" } })).status,
    ).toBe(422);

    // The metrics cache: the first read of a portfolio computes it, the second is served from the cache.
    for (let i = 0; i < 2; i++)
      expect((await call(getMetrics as never, "/api/v1/metrics", { auth: { token: u.readToken } })).status).toBe(200);

    const r = await scrape("scrape-secret-0123456789");
    expect(r.status).toBe(200);
    const cache = (text: string, figure: string) => sample(text, "streamfolio_metrics_cache", { figure }) ?? 0;
    expect(cache(r.text, "misses") - cache(before, "misses")).toBe(1);
    expect(cache(r.text, "hits") - cache(before, "hits")).toBe(1);
    expect(cache(r.text, "entries")).toBeGreaterThanOrEqual(1);
    expect(r.res.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(count(r.text, okLabels) - count(before, okLabels)).toBe(3);
    expect(count(r.text, badLabels) - count(before, badLabels)).toBe(1);
    // The latency histogram counts the same requests; its label is the template, never a raw path with an id.
    const observed = (text: string) =>
      sample(text, "streamfolio_http_request_duration_seconds_count", { method: "GET", route: "/api/v1/streams" }) ?? 0;
    expect(observed(r.text) - observed(before)).toBe(3);
    expect(r.text).not.toMatch(/route="\/api\/v1\/streams\/[0-9a-f]{8}-/);
    expect(sample(r.text, "streamfolio_db_up")).toBe(1);
    expect(sample(r.text, "streamfolio_db_pool_size")).toBeGreaterThanOrEqual(1);
    expect(sample(r.text, "streamfolio_jobs_queue_depth", { state: "due" })).toBeGreaterThanOrEqual(0);
    expect(sample(r.text, "streamfolio_jobs_queue_depth", { state: "failed" })).toBeGreaterThanOrEqual(0);
    // Node's own: the event loop's delay, which a blocking query on the embedded database would show.
    expect(sample(r.text, "nodejs_eventloop_lag_p99_seconds")).toBeGreaterThanOrEqual(0);
    if (process.env.DATABASE_URL) expect(sample(r.text, "streamfolio_db_connections", { state: "active" })).toBeGreaterThanOrEqual(1);
  });
});
