import { pingDb } from "@/db/index";
import { lastVerdict, recordVerdict, type Verdict } from "./database-verdict";

/*
 * Liveness: the process serves requests (nothing else is asked, so a database outage never gets a healthy
 * instance restarted). Readiness: it can do its work, i.e. the database answers.
 *
 * Readiness is answered from the last successful ping at once: one over a second old is refreshed in the
 * background (one ping in flight per process), and only a verdict older than STALE_MS, a failed one, or
 * none is waited for. So a probe never queues behind a busy pool or PGlite's single connection, an outage
 * shows within a second plus the ping's own bound, the connect timeout (db/index.ts), about 4 s, and the
 * database's return shows at the next probe.
 */

const FRESH_MS = 1_000;
const STALE_MS = 5_000;

const globalKey = Symbol.for("streamfolio.readiness");
type GlobalWithPing = typeof globalThis & { [globalKey]?: { pinging: Promise<Verdict> | null } };

function state() {
  const g = globalThis as GlobalWithPing;
  return (g[globalKey] ??= { pinging: null });
}

function ping(): Promise<Verdict> {
  const s = state();
  s.pinging ??= pingDb()
    .then(
      () => recordVerdict(true),
      () => recordVerdict(false),
    )
    .finally(() => {
      s.pinging = null;
    });
  return s.pinging;
}

/**
 * A request found the database unreachable: pages answer 503 from now on (proxy.ts), and a ping checks at
 * once, so a one-off (a connection the server closed) is cleared in milliseconds, not at the next probe.
 */
export function noteDatabaseFailure() {
  recordVerdict(false);
  void ping();
}

export async function readiness({ fresh = false } = {}): Promise<Verdict> {
  const last = lastVerdict();
  const age = last ? Date.now() - last.checkedAt : Infinity;
  if (fresh || !last?.ok || age >= STALE_MS) return ping();
  if (age >= FRESH_MS) void ping();
  return last!;
}

const startedAt = Date.now();

export function liveness() {
  return { status: "ok" as const, uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) };
}
