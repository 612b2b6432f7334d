import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/index";
import { fxRates } from "@/db/schema";
import { convertMinor, pickRate, type DatedRate } from "@/lib/metrics/money";

/**
 * The base-currency amount of each row (METRICS.md "Money"), or null when the user has no rate at all
 * for its currency. Loads the user's rates for the currencies involved once per batch.
 */
export async function baseAmounts(
  db: Executor,
  userId: string,
  baseCurrency: string,
  rows: readonly { amountMinor: number; currency: string; occurredOn: string }[],
): Promise<(number | null)[]> {
  const foreign = [...new Set(rows.map((r) => r.currency).filter((c) => c !== baseCurrency))];
  const byCurrency = new Map<string, DatedRate[]>();
  if (foreign.length > 0) {
    const rates = await db
      .select({ currency: fxRates.currency, date: fxRates.date, rate: fxRates.rate })
      .from(fxRates)
      .where(and(eq(fxRates.userId, userId), inArray(fxRates.currency, foreign)));
    for (const r of rates) {
      const list = byCurrency.get(r.currency) ?? [];
      list.push({ date: r.date, rate: r.rate });
      byCurrency.set(r.currency, list);
    }
  }
  return rows.map((r) => {
    if (r.currency === baseCurrency) return r.amountMinor;
    const rate = pickRate(byCurrency.get(r.currency) ?? [], r.occurredOn);
    return rate === undefined ? null : convertMinor(r.amountMinor, rate, r.currency, baseCurrency);
  });
}
