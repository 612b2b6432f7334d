/**
 * METRICS.md *Tax set-aside*: each month, every stream's net income times its rate (its own, else the
 * user's default, else 0), summed, and never below zero: a loss in one stream offsets gains in another
 * within the month. Amounts are base minor units, not rounded.
 */

export interface TaxStream {
  /** The stream's own rate (0..1), or null for the default. */
  rate: number | null;
  income: readonly number[];
  expenses: readonly number[];
}

export interface Tax {
  setAside: number;
  afterTaxNet: number;
  byMonth: { month: string; setAside: number }[];
}

export function computeTax(months: readonly string[], streams: readonly TaxStream[], defaultRate: number | null, net: number): Tax {
  const byMonth = months.map((month, m) => {
    let owed = 0;
    for (const s of streams) owed += (s.rate ?? defaultRate ?? 0) * ((s.income[m] ?? 0) - (s.expenses[m] ?? 0));
    return { month, setAside: Math.max(0, owed) };
  });
  const setAside = byMonth.reduce((sum, m) => sum + m.setAside, 0);
  return { setAside, afterTaxNet: net - setAside, byMonth };
}
