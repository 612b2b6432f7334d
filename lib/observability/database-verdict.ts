/*
 * What this process last learned of the database: the readiness probe's pings, and every request that
 * found it unreachable. Kept on globalThis under a registered symbol, so proxy.ts (bundled apart from the
 * routes, in the same process) reads the same record. Imports nothing: the proxy takes it as is.
 */

export interface Verdict {
  ok: boolean;
  checkedAt: number;
}

const globalKey = Symbol.for("streamfolio.database-verdict");
type GlobalWithVerdict = typeof globalThis & { [globalKey]?: { last: Verdict | null } };

function state() {
  const g = globalThis as GlobalWithVerdict;
  return (g[globalKey] ??= { last: null });
}

export function lastVerdict(): Verdict | null {
  return state().last;
}

export function recordVerdict(ok: boolean, now = Date.now()): Verdict {
  const verdict = { ok, checkedAt: now };
  state().last = verdict;
  return verdict;
}

/** How long a failure is believed without news: the outage page and load balancers probe every 5 s. */
const BELIEVED_MS = 10_000;

/** The database failed within the last 10 s and has not answered since. */
export function databaseKnownDown(now = Date.now()): boolean {
  const last = state().last;
  return last !== null && !last.ok && now - last.checkedAt < BELIEVED_MS;
}
