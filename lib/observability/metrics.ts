import "server-only";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { databaseStats, type DatabaseStats } from "@/lib/data/operations";
import { errorFields, logLine } from "@/lib/log";
import { metricsCacheStats } from "@/lib/metrics-cache";
import { readiness } from "@/lib/observability/health";

/*
 * What /api/metrics exposes in Prometheus' text format: the API's requests by route template, method and
 * status with their latencies, the database (reachable, its pool, this instance's connections by state),
 * the background work's queue (webhook deliveries due, waiting for a retry, failed), the metrics cache,
 * and Node's own metrics (event-loop delay, heap, GC). Off, and nothing recorded, unless METRICS_TOKEN is set.
 */

export const metricsEnabled = () => Boolean(process.env.METRICS_TOKEN);

interface Instruments {
  registry: Registry;
  requests: Counter<"method" | "route" | "status">;
  duration: Histogram<"method" | "route">;
}

// Next.js may load this module more than once in a process; one registry holds every count.
const globalKey = Symbol.for("streamfolio.metrics");
type GlobalWithMetrics = typeof globalThis & { [globalKey]?: Instruments };

function instruments(): Instruments {
  const g = globalThis as GlobalWithMetrics;
  if (g[globalKey]) return g[globalKey];
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: "streamfolio_http_requests_total",
    help: "API requests answered, by method, route template and status.",
    labelNames: ["method", "route", "status"] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: "streamfolio_http_request_duration_seconds",
    help: "Time to answer an API request, by method and route template.",
    labelNames: ["method", "route"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  new Gauge({
    name: "streamfolio_db_up",
    help: "1 when the database answers a ping, else 0.",
    registers: [registry],
    async collect() {
      this.set((await readiness({ fresh: true })).ok ? 1 : 0);
    },
  });
  // The three database gauges read one set of figures per scrape (registry.metrics() collects them at once).
  let scrape: { at: number; stats: Promise<DatabaseStats | null> } | null = null;
  const stats = () => {
    if (!scrape || Date.now() - scrape.at > 1_000)
      scrape = {
        at: Date.now(),
        stats: databaseStats().catch((err: unknown) => {
          logLine("error", "metrics: database figures failed", errorFields(err));
          return null;
        }),
      };
    return scrape.stats;
  };
  new Gauge({
    name: "streamfolio_db_pool_size",
    help: "Connections this instance may open to the database.",
    registers: [registry],
    async collect() {
      const s = await stats();
      this.set(s?.poolSize ?? 0);
    },
  });
  new Gauge({
    name: "streamfolio_db_connections",
    help: "This instance's open database connections, by state (Postgres' pg_stat_activity).",
    labelNames: ["state"] as const,
    registers: [registry],
    async collect() {
      const s = await stats();
      this.reset();
      for (const [state, count] of Object.entries(s?.connections ?? {})) this.set({ state }, count);
    },
  });
  new Gauge({
    name: "streamfolio_jobs_queue_depth",
    help: "Webhook deliveries by state: due now, waiting for a retry, given up.",
    labelNames: ["state"] as const,
    registers: [registry],
    async collect() {
      const s = await stats();
      this.reset();
      for (const [state, count] of Object.entries(s?.deliveries ?? {})) this.set({ state }, count);
    },
  });
  new Gauge({
    name: "streamfolio_metrics_cache",
    help: "The metrics cache of this instance: answers served from it (hits), computed (misses), kept (entries) and their estimated bytes.",
    labelNames: ["figure"] as const,
    registers: [registry],
    collect() {
      const c = metricsCacheStats();
      for (const figure of ["hits", "misses", "entries", "bytes"] as const) this.set({ figure }, c[figure]);
    },
  });
  g[globalKey] = { registry, requests, duration };
  return g[globalKey];
}

/** Counts one answered API request; `route` is its template ("/api/v1/streams/{id}"), never the raw path. */
export function recordRequest(method: string, route: string, status: number, seconds: number) {
  if (!metricsEnabled()) return;
  const { requests, duration } = instruments();
  requests.inc({ method, route, status: String(status) });
  duration.observe({ method, route }, seconds);
}

export async function metricsText(): Promise<{ contentType: string; body: string }> {
  const { registry } = instruments();
  return { contentType: registry.contentType, body: await registry.metrics() };
}
