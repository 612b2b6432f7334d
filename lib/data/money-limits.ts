import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/index";
import { unprocessable } from "@/lib/http-errors";
import { MAX_TOTAL_MINOR } from "@/lib/metrics/money";

/**
 * The limit behind every money figure (lib/metrics/money.ts MAX_TOTAL_MINOR): what a write that would
 * pass it is told, naming the field the caller sent.
 */
export const TOTAL_LIMIT_MESSAGE =
  "Too large: the amounts of all your transactions may add up to at most 9,000,000,000,000,000 minor units " +
  "(90 trillion in a currency with cents) in your base currency.";

/**
 * Refuses (422, naming `path`) a write that left the user's figures adding up to more than
 * MAX_TOTAL_MINOR. Every figure a read sums comes from the monthly rollups (per stream, per client and
 * platform), which the triggers have already brought up to date inside the write's transaction; so the
 * check adds up the magnitudes of those few hundred rows, not of the user's transactions (a sum over a
 * million rows on every write would cost more than the write). Call it last in the write's own database
 * transaction, so a refusal rolls the whole write back. A per-user advisory lock, held to the end of the
 * transaction, makes two concurrent writes check one after the other.
 */
export async function assertTotalsFit(db: Executor, userId: string, path: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`streamfolio:totals:${userId}`}, 0))`);
  const [row] = rowsOf<{ streams: string; keys: string }>(
    await db.execute(sql`
      select
        (select coalesce(sum(abs(income) + abs(expenses)), 0) from stream_month_totals where user_id = ${userId})::text as streams,
        (select coalesce(max(total), 0) from (
          select sum(abs(income)) as total from key_month_totals where user_id = ${userId} group by dim
        ) by_dim)::text as keys`),
  );
  const limit = BigInt(MAX_TOTAL_MINOR);
  if (row && (BigInt(row.streams) > limit || BigInt(row.keys) > limit))
    throw unprocessable("Nothing was saved: it would take your totals beyond what can be added up exactly.", [
      { path, message: TOTAL_LIMIT_MESSAGE },
    ]);
}
