import { lt, sql } from "drizzle-orm";
import { databaseKind, getDb } from "@/db/index";
import { rateLimitWindows } from "@/db/schema";

/** The longest window a limit may use: rows older than this are pruned (pruneRateLimitWindows). */
export const MAX_WINDOW_MS = 60 * 60_000;

type Window = { allowed: boolean; retryAfterSeconds: number };

/**
 * A fixed-window counter per key, counted where every app process sees it: in the database on Postgres
 * (one statement per call, an upsert that counts this call and answers the window's total), in this
 * process on the embedded database, which only this process can open (no write per request there).
 * Windows are aligned to multiples of `windowMs` on the database's clock, so instances with skewed
 * clocks agree. `allowed` while the count is within `limit`; `retryAfterSeconds` is when the window ends.
 */
export async function rateLimitWindow(key: string, limit: number, windowMs: number): Promise<Window> {
  if (!Number.isInteger(windowMs) || windowMs <= 0 || windowMs > MAX_WINDOW_MS)
    throw new Error(`rateLimit: the window must be 1 ms to ${MAX_WINDOW_MS} ms`);
  if ((await databaseKind()) === "pglite") return countInProcess(key, limit, windowMs);
  const db = await getDb();
  const windowStart = sql`to_timestamp(floor(extract(epoch from statement_timestamp()) * 1000 / ${windowMs}::int) * ${windowMs}::int / 1000.0)`;
  const [row] = await db
    .insert(rateLimitWindows)
    .values({ key, windowStart })
    .onConflictDoUpdate({
      target: [rateLimitWindows.key, rateLimitWindows.windowStart],
      set: { count: sql`${rateLimitWindows.count} + 1` },
    })
    .returning({
      count: rateLimitWindows.count,
      retryAfter: sql<number>`ceil(extract(epoch from ${rateLimitWindows.windowStart} - statement_timestamp()) + ${windowMs / 1000}::float8)::int`,
    });
  return { allowed: (row?.count ?? 1) <= limit, retryAfterSeconds: Math.max(1, Number(row?.retryAfter ?? 1)) };
}

// The embedded database's counters: keyed like the table (key and window start), on globalThis because
// route handlers and server actions are bundled apart and each may load this module.
const globalKey = Symbol.for("streamfolio.rate-limit-windows");
type GlobalWithWindows = typeof globalThis & { [globalKey]?: Map<string, { end: number; count: number }> };
const inProcess = () => ((globalThis as GlobalWithWindows)[globalKey] ??= new Map());

function countInProcess(key: string, limit: number, windowMs: number, now = Date.now()): Window {
  const start = Math.floor(now / windowMs) * windowMs;
  const counters = inProcess();
  // The background jobs prune every minute; without them (BACKGROUND_JOBS=false) a flood of keys is pruned here.
  // Each counter knows when its window ends, so ended windows go at once (the table's rows wait an hour).
  if (counters.size > 10_000) pruneInProcess(now);
  const id = `${key}\u0000${start}`;
  const counter = counters.get(id) ?? { end: start + windowMs, count: 0 };
  counter.count++;
  counters.set(id, counter);
  return { allowed: counter.count <= limit, retryAfterSeconds: Math.max(1, Math.ceil((start + windowMs - now) / 1000)) };
}

function pruneInProcess(now: number) {
  const counters = inProcess();
  for (const [id, { end }] of counters) if (end <= now) counters.delete(id);
}

export async function rateLimit(key: string, limit: number, windowMs: number): Promise<boolean> {
  return (await rateLimitWindow(key, limit, windowMs)).allowed;
}

/** Drops windows that have ended (the background jobs call it every minute). */
export async function pruneRateLimitWindows(): Promise<void> {
  pruneInProcess(Date.now());
  const db = await getDb();
  await db.delete(rateLimitWindows).where(lt(rateLimitWindows.windowStart, sql`now() - make_interval(secs => ${MAX_WINDOW_MS / 1000})`));
}
