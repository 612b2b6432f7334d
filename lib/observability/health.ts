import { pingDb } from "@/db/index";

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

interface Verdict {
  ok: boolean;
  checkedAt: number;
}

const globalKey = Symbol.for("streamfolio.readiness");
type GlobalWithReadiness = typeof globalThis & { [globalKey]?: { last: Verdict | null; pinging: Promise<Verdict> | null } };

function state() {
  const g = globalThis as GlobalWithReadiness;
  return (g[globalKey] ??= { last: null, pinging: null });
}

function ping(): Promise<Verdict> {
  const s = state();
  s.pinging ??= pingDb()
    .then(
      () => ({ ok: true, checkedAt: Date.now() }),
      () => ({ ok: false, checkedAt: Date.now() }),
    )
    .then((verdict) => {
      s.last = verdict;
      s.pinging = null;
      return verdict;
    });
  return s.pinging;
}

export async function readiness({ fresh = false } = {}): Promise<Verdict> {
  const { last } = state();
  const age = last ? Date.now() - last.checkedAt : Infinity;
  if (fresh || !last?.ok || age >= STALE_MS) return ping();
  if (age >= FRESH_MS) void ping();
  return last!;
}

const startedAt = Date.now();

export function liveness() {
  return { status: "ok" as const, uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) };
}
