import "server-only";
import { and, asc, count, eq, inArray, ne, notExists, or, sql } from "drizzle-orm";
import { getDb, rowsOf, type Executor } from "@/db/index";
import { pgCode, unprocessable } from "@/lib/http-errors";
import { fxRates, transactions } from "@/db/schema";
import { assertTotalsFit, TOTAL_LIMIT_MESSAGE } from "@/lib/data/money-limits";
import { getBaseCurrency } from "@/lib/data/users";
import { AmountOverflowError, currencyExponent, toBaseMinor, type DatedRate } from "@/lib/metrics/money";

/**
 * The base-currency amount of each row (METRICS.md "Money"), or null when the user has no usable rate
 * for its currency under the current base, direct or inverse. Loads the needed rates once per batch.
 * A row whose converted amount is beyond MAX_TOTAL_MINOR is null too and reported to `overflow` (by
 * index); without `overflow` it throws AmountOverflowError.
 */
export async function baseAmounts(
  db: Executor,
  userId: string,
  baseCurrency: string,
  rows: readonly { amountMinor: number; currency: string; occurredOn: string }[],
  overflow?: (index: number) => void,
): Promise<(number | null)[]> {
  const foreign = [...new Set(rows.map((r) => r.currency).filter((c) => c !== baseCurrency))];
  const direct = new Map<string, DatedRate[]>();
  const inverse = new Map<string, DatedRate[]>();
  if (foreign.length > 0) {
    const rates = await db
      .select({ base: fxRates.baseCurrency, currency: fxRates.currency, date: fxRates.date, rate: fxRates.rate })
      .from(fxRates)
      .where(
        and(
          eq(fxRates.userId, userId),
          or(
            and(eq(fxRates.baseCurrency, baseCurrency), inArray(fxRates.currency, foreign)),
            and(inArray(fxRates.baseCurrency, foreign), eq(fxRates.currency, baseCurrency)),
          ),
        ),
      );
    for (const r of rates) {
      // A rate quoted in the base prices its currency; one for the base quoted in C prices C inverted.
      const [byCurrency, currency] = r.base === baseCurrency ? [direct, r.currency] : [inverse, r.base];
      const list = byCurrency.get(currency) ?? [];
      list.push({ date: r.date, rate: r.rate });
      byCurrency.set(currency, list);
    }
  }
  return rows.map((r, i) => {
    try {
      return toBaseMinor(r, baseCurrency, { direct: direct.get(r.currency) ?? [], inverse: inverse.get(r.currency) ?? [] });
    } catch (err) {
      if (!(err instanceof AmountOverflowError) || !overflow) throw err;
      overflow(i);
      return null;
    }
  });
}

/**
 * Re-prices the user's transactions in `currencies` (all when omitted) after a rate or base-currency
 * change, in the database: the same rule as lib/metrics/money.ts toBaseMinor (a rate quoted in the base
 * if the currency has any, else the inverse of one for the base quoted in the currency; latest on or
 * before the date, else the earliest after; exact numerics, ties to even), proven equal by
 * tests/integration/rollups.test.ts and settings-goals-fx.test.ts. Only rows whose value changes are
 * written, so the rollup triggers do the least work.
 *
 * A rate upsert only ever adds rates quoted in the current base, which price their own currency only
 * (and can switch it from inverse to direct), so the caller re-prices exactly those currencies.
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
  // base = num / den rounded half-even with exact div/mod (numeric "/" rounds the quotient to a finite
  // scale, which can fake or hide a tie): num = amount × 10^shift × rate and den = 1 for a direct rate,
  // num = amount × 10^shift and den = rate for an inverse one; num is null without either.
  await db.execute(sql`
    with e(currency, exp) as (values ${exps}),
    priced as (
      select t.id,
        case when t.currency = ${baseCurrency} then t.amount_minor
        else (h.q + case when 2 * abs(h.m) > x.den or (2 * abs(h.m) = x.den and mod(h.q, 2) <> 0) then sign(x.num) else 0 end)::bigint
        end as base
      from transactions t
      join e on e.currency = t.currency
      left join lateral (
        select coalesce(
          (select f.rate from fx_rates f where f.user_id = t.user_id and f.base_currency = ${baseCurrency}
             and f.currency = t.currency and f.date <= t.occurred_on order by f.date desc limit 1),
          (select f.rate from fx_rates f where f.user_id = t.user_id and f.base_currency = ${baseCurrency}
             and f.currency = t.currency and f.date > t.occurred_on order by f.date asc limit 1)
        ) as rate
        where t.currency <> ${baseCurrency}
      ) d on true
      left join lateral (
        select coalesce(
          (select f.rate from fx_rates f where f.user_id = t.user_id and f.base_currency = t.currency
             and f.currency = ${baseCurrency} and f.date <= t.occurred_on order by f.date desc limit 1),
          (select f.rate from fx_rates f where f.user_id = t.user_id and f.base_currency = t.currency
             and f.currency = ${baseCurrency} and f.date > t.occurred_on order by f.date asc limit 1)
        ) as rate
        where t.currency <> ${baseCurrency} and d.rate is null
      ) i on true
      cross join lateral (
        select t.amount_minor::numeric * power(10::numeric, ${baseExp}::int - e.exp)
            * case when d.rate is not null then d.rate when i.rate is not null then 1 end as num,
          coalesce(i.rate, 1) as den
      ) x
      cross join lateral (select div(x.num, x.den) as q, mod(x.num, x.den) as m) h
      where t.user_id = ${userId}
    )
    update transactions t set amount_base_minor = p.base
    from priced p
    where t.id = p.id and t.user_id = ${userId} and t.amount_base_minor is distinct from p.base
  `);
}

/**
 * Re-prices (repriceTransactions) after a rate or base-currency change the user made, then checks the
 * totals (lib/data/money-limits.ts): a rate that prices an amount beyond what a bigint holds (the
 * database refuses the cast, 22003) or totals beyond the limit are a 422 naming `path`, and the caller's
 * transaction rolls back.
 */
export async function repriceWithinLimits(
  db: Executor,
  userId: string,
  baseCurrency: string,
  path: string,
  currencies?: readonly string[],
) {
  try {
    await repriceTransactions(db, userId, baseCurrency, currencies);
  } catch (err) {
    if (pgCode(err) === "22003")
      throw unprocessable("Nothing was saved: a transaction would be worth more than can be stored in the base currency.", [
        { path, message: TOTAL_LIMIT_MESSAGE },
      ]);
    throw err;
  }
  await assertTotalsFit(db, userId, path);
}

const rateColumns = {
  id: fxRates.id,
  baseCurrency: fxRates.baseCurrency,
  currency: fxRates.currency,
  date: fxRates.date,
  rate: fxRates.rate,
  source: fxRates.source,
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
    .where(
      and(eq(fxRates.userId, userId), eq(fxRates.baseCurrency, base), filter.currency ? eq(fxRates.currency, filter.currency) : undefined),
    )
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
        // A rate entered by hand replaces a fetched one for the same date: manual rates always win.
        set: { rate: sql`excluded.rate`, source: "manual", updatedAt: sql`now()` },
      })
      .returning(rateColumns);
    await repriceWithinLimits(tx, userId, base, rates.length === 1 ? "rate" : "", [...new Set(rates.map((r) => r.currency))]);
    return rows;
  });
}

/**
 * Per currency, the user's transactions that would have no usable rate under `baseCurrency`: none quoted
 * in it for their currency and none for it quoted in theirs, on any date. What switching to it leaves out.
 */
export async function listUnpricedUnder(userId: string, baseCurrency: string) {
  const db = await getDb();
  const usableRate = db
    .select({ id: fxRates.id })
    .from(fxRates)
    .where(
      and(
        eq(fxRates.userId, userId),
        or(
          and(eq(fxRates.baseCurrency, baseCurrency), eq(fxRates.currency, transactions.currency)),
          and(eq(fxRates.baseCurrency, transactions.currency), eq(fxRates.currency, baseCurrency)),
        ),
      ),
    );
  const rows = await db
    .select({ currency: transactions.currency, n: count() })
    .from(transactions)
    .where(and(eq(transactions.userId, userId), ne(transactions.currency, baseCurrency), notExists(usableRate)))
    .groupBy(transactions.currency)
    .orderBy(asc(transactions.currency));
  return rows.map((r) => ({ currency: r.currency, count: r.n }));
}
