// The load run: the built app (`next start`, production) under autocannon on GET /api/v1/metrics, while
// GET /api/health is sampled on its own connection and the server's event-loop delay is recorded by a
// preloaded probe (event-loop-probe.cjs), so no app code changes for the measurement.
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import { summarize, type Summary } from "./stats";

export interface LoadRun {
  connections: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  /** autocannon's latency percentiles, ms. */
  latency: { p50: number; p99: number; max: number };
  /** Answers other than 2xx (a 429 would count here: the run raises the rate limit so none should come). */
  non2xx: number;
  /** Socket errors and timeouts. */
  errors: number;
  health: Summary & { p99: number; failed: number };
  eventLoop: { p50Ms: number; p99Ms: number; maxMs: number; meanMs: number } | null;
  serverPeakRssMb: number | null;
  /** CPU time the server process spent per answered request (ms; PGlite runs inside it, Postgres does not). */
  serverCpuMsPerRequest: number | null;
  loadAvg: number;
}

export interface LoadOptions {
  /** DATABASE_URL or PGLITE_DIR for the server. */
  dbEnv: { DATABASE_URL: string } | { PGLITE_DIR: string };
  token: string;
  connections: number;
  seconds: number;
  log: (msg: string) => void;
  /** More settings for the server (METRICS_CACHE_MB=0: every answer computed). */
  env?: Record<string, string>;
  /** What is loaded: GET /api/v1/metrics unless said (/api/health/live: no work, the machine's ceiling). */
  path?: string;
}

const NEXT_BIN = path.join("node_modules", "next", "dist", "bin", "next");
const PROBE = path.resolve("scripts", "bench", "event-loop-probe.cjs");
const HEALTH_EVERY_MS = 100;
const WARMUP_SECONDS = 3;

export function appIsBuilt(): boolean {
  return fs.existsSync(path.join(".next", "BUILD_ID"));
}

export async function runLoad(o: LoadOptions): Promise<LoadRun> {
  if (!appIsBuilt()) throw new Error("the load run needs the built app: run `npm run build` first");
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "streamfolio-load-"));
  const probeFile = path.join(tmp, "event-loop.json");
  const logFile = path.join(tmp, "server.log");
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ["DATABASE_URL", "PGLITE_DIR", "NODE_OPTIONS", "EVENT_LOOP_PROBE_TAKEN"]) delete env[k];
  Object.assign(env, o.dbEnv, {
    NODE_ENV: "production",
    PORT: String(port),
    NEXTAUTH_SECRET: crypto.randomBytes(32).toString("hex"),
    NEXTAUTH_URL: base,
    // The run measures the metrics path, not the limiter refusing it: one user at ~1,000 requests/s.
    API_RATE_LIMIT_PER_MINUTE: String(1_000_000_000),
    // No internet here: the reference-rate fetch would only add failing background requests.
    FX_RATES_AUTO: "false",
    NODE_OPTIONS: `--require ${PROBE}`,
    EVENT_LOOP_PROBE_FILE: probeFile,
    ...o.env,
  });
  const out = fs.openSync(logFile, "w");
  // BENCH_CPU_PROF_DIR=dir: the server also writes a V8 CPU profile there when it exits (where does the time go?).
  const profDir = process.env.BENCH_CPU_PROF_DIR;
  const profile = profDir ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(profDir)}`] : [];
  const server = spawn(process.execPath, [...profile, NEXT_BIN, "start", "-p", String(port), "--keepAliveTimeout", "65000"], {
    env,
    stdio: ["ignore", out, out],
  });
  try {
    await waitForHealth(base, server, 90_000);
    o.log(`server up on ${base} (pid ${server.pid}); warming up ${WARMUP_SECONDS} s`);
    const loaded = o.path ?? "/api/v1/metrics";
    const target = { url: `${base}${loaded}`, headers: { authorization: `Bearer ${o.token}` } };
    const warm = await autocannon({ ...target, connections: o.connections, duration: WARMUP_SECONDS });
    if (warm.non2xx > 0 || warm["2xx"] === 0) throw new Error(`warm-up: ${warm.non2xx} non-2xx of ${warm.requests.total}; see ${logFile}`);

    server.kill("SIGUSR2"); // the probe's window 1 ends: start-up and warm-up stay out of the figures
    o.log(`autocannon: ${o.connections} connections, ${o.seconds} s on GET ${loaded}`);
    const health = healthSampler(base);
    const loadAvg = [os.loadavg()[0] ?? 0];
    const cpuBefore = cpuMs(server.pid);
    // autocannon in a worker thread, so this thread's health samples do not queue behind its sockets.
    const result = await autocannon({ ...target, connections: o.connections, duration: o.seconds, workers: 1 });
    loadAvg.push(os.loadavg()[0] ?? 0);
    const cpuAfter = cpuMs(server.pid);
    server.kill("SIGUSR2");
    const healthTimes = await health.stop();
    const serverPeakRssMb = peakRssMb(server.pid);
    const eventLoop = await readWhenWritten(`${probeFile}.2`);
    const h = summarize(healthTimes.ok);
    return {
      connections: o.connections,
      seconds: result.duration,
      requests: result.requests.total,
      requestsPerSecond: result["2xx"] / result.duration,
      latency: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
      non2xx: result.non2xx,
      errors: result.errors + result.timeouts,
      health: { ...h, p99: percentile99(healthTimes.ok), failed: healthTimes.failed },
      eventLoop,
      serverPeakRssMb,
      serverCpuMsPerRequest: cpuBefore !== null && cpuAfter !== null && result["2xx"] > 0 ? (cpuAfter - cpuBefore) / result["2xx"] : null,
      loadAvg: Math.max(...loadAvg),
    };
  } catch (err) {
    o.log(`server log (${logFile}):\n${fs.readFileSync(logFile, "utf8").slice(-3000)}`);
    throw err;
  } finally {
    await stop(server);
    fs.closeSync(out);
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

function get(url: string, agent?: http.Agent): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent, timeout: 5000 }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", reject);
  });
}

async function waitForHealth(base: string, server: ChildProcess, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (server.exitCode !== null) throw new Error(`next start exited with ${server.exitCode}`);
    if (await get(`${base}/api/health`).catch(() => 0)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server did not answer /api/health within ${timeoutMs / 1000} s`);
}

/** GET /api/health every 100 ms on one kept-alive socket of its own: how a liveness probe sees the server under load. */
function healthSampler(base: string) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const ok: number[] = [];
  let failed = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const t0 = performance.now();
      const status = await get(`${base}/api/health`, agent).catch(() => 0);
      const took = performance.now() - t0;
      if (status === 200) ok.push(took);
      else failed++;
      await new Promise((r) => setTimeout(r, Math.max(0, HEALTH_EVERY_MS - took)));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      agent.destroy();
      return { ok, failed };
    },
  };
}

function percentile99(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(0.99 * sorted.length) - 1)] ?? Number.NaN;
}

async function readWhenWritten(file: string): Promise<LoadRun["eventLoop"]> {
  for (let i = 0; i < 50 && !fs.existsSync(file); i++) await new Promise((r) => setTimeout(r, 100));
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as LoadRun["eventLoop"]) : null;
}

/** The server's peak resident set (VmHWM) from /proc, where there is one. */
function peakRssMb(pid: number | undefined): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
    return kb ? Math.round(Number(kb) / 1024) : null;
  } catch {
    return null;
  }
}

/** User + system CPU time of a process so far, from /proc (Linux), in ms. */
function cpuMs(pid: number | undefined): number | null {
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks of 10 ms (USER_HZ on Linux)
  } catch {
    return null;
  }
}

/** SIGTERM (Next exits cleanly and the probe writes its last figures), SIGKILL after 10 s. */
async function stop(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((r) => server.once("exit", r));
  server.kill("SIGTERM");
  const timer = setTimeout(() => server.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}
