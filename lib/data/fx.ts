import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { getDb, rowsOf, type Executor } from "@/db/index";
import { fxRates } from "@/db/schema";
import { getBaseCurrency } from "@/lib/data/users";
import { convertMinor, currencyExponent, pickRate, type DatedRate } from "@/lib/metrics/money";

/**
 * The base-currency amount of each row (METRICS.md "Money"), or null when the user has no rate at all
 * for its currency under the current base. Loads the needed rates once per batch.
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
      .where(and(eq(fxRates.userId, userId), eq(fxRates.baseCurrency, baseCurrency), inArray(fxRates.currency, foreign)));
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

/**
 * Re-prices the user's transactions in `currencies` (all when omitted) after a rate or base-currency
 * change, in the database: the same rule as lib/metrics/money.ts convertMinor + pickRate (latest rate on
 * or before the date, else the earliest after; exact numeric product; ties to even), proven equal by
 * tests/integration/rollups.test.ts and settings-goals-fx.test.ts. Only rows whose value changes are written, so the rollup triggers do
 * the least work.
 */
export async function repriceTransactions(db: Executor, userId: string, baseCurrency: string, currencies?: readonly string[]) {
  const baseExp = currencyExponent(baseCurrency);
  if (baseExp === undefined) throw new RangeError(`unknown currency ${baseCurrency}`);
  const used = rowsOf<{ currency: string }>(
    await db.execute(sql`select distinct currency from transactions where user_id = ${userId}`),
  ).map((r) => r.currency);
  const targets = used.filter((c) => !currencies || currencies.includes(c));
  if (targets.length === 0) return;
  const exps = sql.join(
    targets.map((c) => sql`(${c}::text, ${currencyExponent(c) ?? 2}::int)`),
    sql`, `,
  );
  await db.execute(sql`
    with e(currency, exp) as (values ${exps}),
    priced as (
      select t.id,
        case when t.currency = ${baseCurrency} then t.amount_minor
        else (
          select case when x - trunc(x) in (0.5, -0.5) then 2 * round(x / 2) else round(x) end
          from (select t.amount_minor::numeric * r.rate * power(10::numeric, ${baseExp}::int - e.exp) as x) v
        )::bigint end as base
      from transactions t
      join e on e.currency = t.currency
      left join lateral (
        select coalesce(
          (select f.rate from fx_rates f where f.user_id = t.user_id and f.base_currency = ${baseCurrency}
             and f.currency = t.currency and f.date <= t.occurred_on order by f.date desc limit 1),
          (select f.rate from fx_rates f where f.user_id = t.user_id and f.base_currency = ${baseCurrency}
             and f.currency = t.currency and f.date > t.occurred_on order by f.date asc limit 1)
        ) as rate
      ) r on true
      where t.user_id = ${userId}
    )
    update transactions t set amount_base_minor = p.base
    from priced p
    where t.id = p.id and t.user_id = ${userId} and t.amount_base_minor is distinct from p.base
  `);
}

const rateColumns = {
  id: fxRates.id,
  baseCurrency: fxRates.baseCurrency,
  currency: fxRates.currency,
  date: fxRates.date,
  rate: fxRates.rate,
  createdAt: fxRates.createdAt,
  updatedAt: fxRates.updatedAt,
};


/** Rates quoted in the user's current base currency, by currency then date. */
export async function listRates(userId: string, filter: { currency?: string } = {}) {
  const db = await getDb();
  const base = await getBaseCurrency(db, userId);
  return db
    .select(rateColumns)
    .from(fxRates)
    .where(and(eq(fxRates.userId, userId), eq(fxRates.baseCurrency, base), filter.currency ? eq(fxRates.currency, filter.currency) : undefined))
    .orderBy(asc(fxRates.currency), asc(fxRates.date));
}

/** Adds or replaces dated rates (all-or-nothing) and re-prices the affected transactions in the same transaction. */
export async function upsertRates(userId: string, rates: readonly { currency: string; date: string; rate: string }[]) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const base = await getBaseCurrency(tx, userId, "update");
    const rows = await tx
      .insert(fxRates)
      .values(rates.map((r) => ({ userId, baseCurrency: base, currency: r.currency, date: r.date, rate: r.rate })))
      .onConflictDoUpdate({
        target: [fxRates.userId, fxRates.baseCurrency, fxRates.currency, fxRates.date],
        set: { rate: sql`excluded.rate`, updatedAt: sql`now()` },
      })
      .returning(rateColumns);
    await repriceTransactions(tx, userId, base, [...new Set(rates.map((r) => r.currency))]);
    return rows;
  });
}

export async function userBaseCurrencyForRates(userId: string) {
  return getBaseCurrency(await getDb(), userId);
}
