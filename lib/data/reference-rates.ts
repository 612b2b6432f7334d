import "server-only";
import { eq, lt, sql } from "drizzle-orm";
import { getDb, rowsOf } from "@/db/index";
import { jobRuns, referenceRates } from "@/db/schema";
import { repriceWithinLimits } from "@/lib/data/fx";
import { ApiError } from "@/lib/http-errors";
import { ECB_DAILY_URL, ECB_HISTORY_URL, parseEcbRates, type ReferenceRate } from "@/lib/fx/ecb";
import { errorFields, logLine } from "@/lib/log";

/**
 * Automatic exchange rates: the ECB's euro reference rates, fetched by a background job when the server
 * can reach them, kept once for everyone, and turned into each user's own dated rates (quoted in their
 * base currency: base per euro ÷ currency per euro, exact to 12 decimals) for the currencies they use.
 * They land in the user's rate table with source "ecb", so every figure follows METRICS.md's Money rule
 * unchanged; a rate the user entered for the same currency and date is never replaced (manual wins), and
 * one entered later replaces the fetched one.
 */

export const autoRatesEnabled = () => process.env.FX_RATES_AUTO !== "false";
/** How often the rates are fetched: the ECB publishes once a working day, around 16:00 CET. */
const FETCH_EVERY_HOURS = 6;
const RETRY_AFTER_HOURS = 1;

export async function storeReferenceRates(rows: readonly ReferenceRate[]): Promise<number> {
  const db = await getDb();
  for (let i = 0; i < rows.length; i += 5000) {
    await db
      .insert(referenceRates)
      .values(rows.slice(i, i + 5000).map((r) => ({ date: r.date, currency: r.currency, perEur: r.perEur })))
      .onConflictDoUpdate({ target: [referenceRates.date, referenceRates.currency], set: { perEur: sql`excluded.per_eur` } });
  }
  return rows.length;
}

/**
 * Adds the fetched cross rates a user lacks, for every currency of their transactions and schedules other
 * than the base, from a week before the first use on; then re-prices those currencies. Answers how many
 * rates were added.
 */
export async function applyReferenceRates(userId: string): Promise<number> {
  const db = await getDb();
  try {
    return await applyReferenceRatesIn(db, userId);
  } catch (err) {
    // Rates that would price the user's amounts beyond what can be added up exactly (lib/data/money-limits.ts)
    // are not added: nothing of it is kept, the user's figures stay as they were, and the job goes on.
    if (err instanceof ApiError && err.status === 422) {
      logLine("warn", "reference rates not applied: totals would exceed the limit", { userId });
      return 0;
    }
    throw err;
  }
}

async function applyReferenceRatesIn(db: Awaited<ReturnType<typeof getDb>>, userId: string): Promise<number> {
  return db.transaction(async (tx) => {
    // Locks the user's row like a manual rate change does: a base-currency switch waits for this.
    const [user] = rowsOf<{ base: string }>(await tx.execute(sql`select base_currency as base from users where id = ${userId} for update`));
    if (!user) return 0;
    const added = rowsOf<{ currency: string; n: number }>(
      await tx.execute(sql`
        with used as (
          select currency, min(since) as since from (
            select currency, min(occurred_on) as since from transactions where user_id = ${userId} group by currency
            union all
            select currency, least(min(start_on), current_date) from schedules where user_id = ${userId} group by currency
          ) u where currency <> ${user.base} group by currency
        ),
        ref as (
          select date, currency, per_eur from reference_rates
          union all
          select distinct date, 'EUR', 1::numeric from reference_rates
        ),
        inserted as (
          insert into fx_rates (user_id, base_currency, currency, date, rate, source)
          select ${userId}::uuid, ${user.base}, r.currency, r.date, round(b.per_eur / r.per_eur, 12), 'ecb'
          from used c
          join ref r on r.currency = c.currency and r.date >= c.since - 7
          join ref b on b.currency = ${user.base} and b.date = r.date
          where round(b.per_eur / r.per_eur, 12) > 0
          on conflict (user_id, base_currency, currency, date) do nothing
          returning currency
        )
        select currency, count(*)::int as n from inserted group by currency`),
    );
    if (added.length > 0)
      await repriceWithinLimits(
        tx,
        userId,
        user.base,
        "rate",
        added.map((a) => a.currency),
      );
    return added.reduce((sum, a) => sum + a.n, 0);
  });
}

/** Claims a periodic job for this process when it last ran over `hours` ago (an atomic upsert: one process wins). */
async function claimRun(name: string, hours: number, now: Date): Promise<boolean> {
  const db = await getDb();
  const claimed = await db
    .insert(jobRuns)
    .values({ name, ranAt: now })
    .onConflictDoUpdate({
      target: jobRuns.name,
      set: { ranAt: now },
      setWhere: lt(jobRuns.ranAt, new Date(now.getTime() - hours * 3_600_000)),
    })
    .returning({ name: jobRuns.name });
  return claimed.length > 0;
}

/**
 * The background fetch: at most every 6 hours across all processes; the whole history the first time,
 * the last 90 days after. A failure (offline, a blocked network) is logged and retried in an hour; the
 * app keeps working on manual rates. Then every user with foreign currencies gets the new rates; given
 * `userIds` (tests on a shared database), only those of them.
 */
export async function runRateFetch(now = new Date(), userIds?: readonly string[]): Promise<{ fetched: number; users: number } | null> {
  if (!autoRatesEnabled() || !(await claimRun("fx.reference-rates", FETCH_EVERY_HOURS, now))) return null;
  const db = await getDb();
  const [any] = await db.select({ date: referenceRates.date }).from(referenceRates).limit(1);
  const url = any
    ? (process.env.FX_RATES_URL ?? ECB_DAILY_URL)
    : (process.env.FX_RATES_HISTORY_URL ?? process.env.FX_RATES_URL ?? ECB_HISTORY_URL);
  let rows: ReferenceRate[];
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(30_000) });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    rows = parseEcbRates(await res.text());
    if (rows.length === 0) throw new Error("no rates in the file");
  } catch (err) {
    logLine("error", "exchange rate fetch failed", { url, ...errorFields(err) });
    await db
      .update(jobRuns)
      .set({ ranAt: new Date(now.getTime() - (FETCH_EVERY_HOURS - RETRY_AFTER_HOURS) * 3_600_000) })
      .where(eq(jobRuns.name, "fx.reference-rates"));
    return { fetched: 0, users: 0 };
  }
  await storeReferenceRates(rows);
  if (userIds?.length === 0) return { fetched: rows.length, users: 0 };
  const only = userIds
    ? sql`and u.id in (${sql.join(
        userIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`
    : sql``;
  const users = rowsOf<{ id: string }>(
    await db.execute(sql`select u.id from users u where (exists (select 1 from transactions t where t.user_id = u.id and t.currency <> u.base_currency)
      or exists (select 1 from schedules s where s.user_id = u.id and s.currency <> u.base_currency)) ${only}`),
  );
  for (const u of users) await applyReferenceRates(u.id);
  return { fetched: rows.length, users: users.length };
}

/**
 * Between fetches: users with transactions the stored rates could price but that have no base amount yet
 * (a new currency, a base-currency switch) get them within a minute.
 */
export async function applyForUnpriced(limit = 20): Promise<number> {
  if (!autoRatesEnabled()) return 0;
  const db = await getDb();
  const [any] = await db.select({ date: referenceRates.date }).from(referenceRates).limit(1);
  if (!any) return 0;
  // Only what the stored rates can price: both the currency and the user's base are euro or in the ECB's list.
  const known = (currency: ReturnType<typeof sql>) =>
    sql`(${currency} = 'EUR' or exists (select 1 from reference_rates r where r.currency = ${currency}))`;
  const users = rowsOf<{ id: string }>(
    await db.execute(sql`
      select distinct t.user_id as id from transactions t join users u on u.id = t.user_id
      where t.amount_base_minor is null and ${known(sql`t.currency`)} and ${known(sql`u.base_currency`)}
      limit ${limit}`),
  );
  let added = 0;
  for (const u of users) added += await applyReferenceRates(u.id);
  return added;
}
