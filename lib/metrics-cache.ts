import "server-only";
import { LRUCache } from "lru-cache";

/*
 * Computed metrics answers, kept in this process. The key holds everything an answer depends on: the
 * user, their data version (user_data_versions, bumped in the same transaction as any write to what the
 * metrics read: migration 0012), today's date in their time zone, and the window. So an answer is never
 * stale, whichever instance wrote: a changed key simply misses. Bounded by size (METRICS_CACHE_MB,
 * default 64; 0 turns it off), least recently used first out. Concurrent misses on one key share one
 * computation, so a burst on a dashboard nobody has read yet computes it once.
 */

type Answer = object;

interface State {
  answers: LRUCache<string, Answer> | null;
  /** Each answer's JSON, encoded once (when it is kept, or on its first API read) and sent as is after. */
  bytes: WeakMap<Answer, Uint8Array>;
  pending: Map<string, Promise<Answer>>;
  hits: number;
  misses: number;
}

const megabytes = Number(process.env.METRICS_CACHE_MB ?? 64);

const globalKey = Symbol.for("streamfolio.metrics-cache");
type GlobalWithCache = typeof globalThis & { [globalKey]?: State };

// Route handlers and pages are bundled apart and may each load this module: one cache per process.
function state(): State {
  const g = globalThis as GlobalWithCache;
  return (g[globalKey] ??= {
    answers:
      Number.isFinite(megabytes) && megabytes > 0
        ? new LRUCache<string, Answer>({
            maxSize: Math.round(megabytes * 1024 * 1024),
            // Its encoded JSON, and about twice that for the object in V8: one serialization per miss, which
            // the API's reads then send as is.
            sizeCalculation: (answer) => 3 * jsonBytesOf(answer).byteLength,
          })
        : null,
    bytes: new WeakMap(),
    pending: new Map(),
    hits: 0,
    misses: 0,
  });
}

export function metricsCacheKey(parts: {
  userId: string;
  dataVersion: number;
  today: string;
  window?: { from: string; to: string };
}): string {
  return [parts.userId, parts.dataVersion, parts.today, parts.window?.from ?? "", parts.window?.to ?? ""].join(" ");
}

/** The cached answer for `key`, or `compute()`'s, frozen, since every later caller shares the object. */
export async function cachedMetrics<T extends Answer>(key: string, compute: () => Promise<T>): Promise<T> {
  const s = state();
  if (!s.answers) return compute();
  const found = s.answers.get(key);
  if (found) {
    s.hits++;
    return found as T;
  }
  const inFlight = s.pending.get(key);
  if (inFlight) {
    s.hits++;
    return inFlight as Promise<T>;
  }
  s.misses++;
  const computing = compute().then(deepFreeze);
  s.pending.set(key, computing);
  try {
    const answer = await computing;
    s.answers.set(key, answer);
    return answer;
  } finally {
    s.pending.delete(key);
  }
}

/** The answer's JSON as UTF-8, encoded once per answer (answers are frozen, so it cannot go stale). */
export function jsonBytesOf(answer: Answer): Uint8Array {
  const s = state();
  let bytes = s.bytes.get(answer);
  if (!bytes) {
    bytes = new TextEncoder().encode(JSON.stringify(answer));
    s.bytes.set(answer, bytes);
  }
  return bytes;
}

export function metricsCacheStats() {
  const s = state();
  return {
    enabled: s.answers !== null,
    hits: s.hits,
    misses: s.misses,
    entries: s.answers?.size ?? 0,
    bytes: s.answers?.calculatedSize ?? 0,
  };
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
