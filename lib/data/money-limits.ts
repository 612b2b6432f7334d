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
  "(90 trillion in a currency with cents), as entered and in your base currency.";

/**
 * Refuses (422, naming `path`) a write that left the user's transactions adding up to more than
 * MAX_TOTAL_MINOR, as entered or in the base currency. Call it last in the write's own database
 * transaction, so the refusal rolls the whole write back. A per-user advisory lock, held to the end of
 * the transaction, makes two concurrent writes check one after the other: the second one's sum (a new
 * snapshot under READ COMMITTED) sees the first one's rows.
 */
export async function assertTotalsFit(db: Executor, userId: string, path: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`streamfolio:totals:${userId}`}, 0))`);
  const [row] = rowsOf<{ entered: string; base: string }>(
    await db.execute(sql`
      select coalesce(sum(abs(amount_minor)), 0)::text as entered, coalesce(sum(abs(amount_base_minor)), 0)::text as base
      from transactions where user_id = ${userId}`),
  );
  const limit = BigInt(MAX_TOTAL_MINOR);
  if (row && (BigInt(row.entered) > limit || BigInt(row.base) > limit))
    throw unprocessable("Nothing was saved: it would take your totals beyond what can be added up exactly.", [
      { path, message: TOTAL_LIMIT_MESSAGE },
    ]);
}
