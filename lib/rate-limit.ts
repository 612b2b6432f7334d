import { lt, sql } from "drizzle-orm";
import { getDb } from "@/db/index";
import { rateLimitWindows } from "@/db/schema";

/** The longest window a limit may use: rows older than this are pruned (pruneRateLimitWindows). */
export const MAX_WINDOW_MS = 60 * 60_000;

/**
 * A fixed-window counter per key, kept in the database so every app process counts toward one limit:
 * one statement per call, an upsert that counts this call and answers the window's total. Windows are
 * aligned to multiples of `windowMs` on the database's clock, so instances with skewed clocks agree.
 * `allowed` while the count is within `limit`; `retryAfterSeconds` is when the window ends.
 */
export async function rateLimitWindow(
  key: string,
  limit: number,
  windowMs: number,
): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  if (!Number.isInteger(windowMs) || windowMs <= 0 || windowMs > MAX_WINDOW_MS)
    throw new Error(`rateLimit: the window must be 1 ms to ${MAX_WINDOW_MS} ms`);
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

export async function rateLimit(key: string, limit: number, windowMs: number): Promise<boolean> {
  return (await rateLimitWindow(key, limit, windowMs)).allowed;
}

/** Drops windows that have ended (the background jobs call it every minute). */
export async function pruneRateLimitWindows(): Promise<void> {
  const db = await getDb();
  await db.delete(rateLimitWindows).where(lt(rateLimitWindows.windowStart, sql`now() - make_interval(secs => ${MAX_WINDOW_MS / 1000})`));
}
