import "server-only";
import { and, eq, gte, isNotNull, isNull, lt, lte, sql } from "drizzle-orm";
import { getDb } from "@/db/index";
import { streamMonthTotals, timeEntries, transactions } from "@/db/schema";
import { getStream } from "@/lib/data/streams";
import { getUser } from "@/lib/data/users";
import { positiveIncomeTotal, shareOf } from "@/lib/metrics/diversification";
import { addMonths, defaultWindow, monthRange, type MonthWindow } from "@/lib/metrics/months";
import { hourlyRate, hoursFromMinutes } from "@/lib/metrics/time";
import { todayIn } from "@/lib/today";

// Stream figures for the streams pages, aggregated in the database over base-currency amounts; rows
// without an FX rate have a null base amount, are left out of every sum, and are counted so the page
// can say what is missing.

/** Rows left out of the figures because their currency has no exchange rate yet. */
export interface MissingFx {
  currency: string;
  count: number;
}

export interface StreamIncomeOverview {
  currency: string;
  /** The window's months, oldest first; every series below is aligned with it. */
  months: string[];
  /** Gross income (refunds netted) per month, base minor units, keyed by stream id; streams without income are absent. */
  incomeByStream: Record<string, number[]>;
  missingFx: MissingFx[];
}

export interface StreamMonth {
  month: string;
  income: number;
  expenses: number;
  net: number;
}

export interface ClientIncome {
  /** The spelling used most recently. */
  name: string;
  income: number;
  /** Share of this stream's positive income in the window; null when the stream earned nothing. */
  share: number | null;
  transactions: number;
}

export interface StreamSummary {
  streamId: string;
  currency: string;
  window: MonthWindow;
  monthly: StreamMonth[];
  totals: { income: number; expenses: number; net: number };
  minutes: number;
  hours: number;
  /** Net per hour in base minor units (METRICS.md "Time"); null without logged time. */
  hourlyRate: number | null;
  /** I_s / T+ over the window (METRICS.md "Diversification"); null when this stream's income is not positive. */
  portfolioShare: number | null;
  topClients: ClientIncome[];
  missingFx: MissingFx[];
}

/** The 12 months ending with the current month in the user's time zone (METRICS.md's default window). */
export function trailingYear(timeZone: string, now?: Date): MonthWindow {
  return defaultWindow(todayIn(timeZone, now));
}

/** Date bounds of a month window: [first day of `from`, first day of the month after `to`). */
function dateBounds(window: MonthWindow) {
  return { start: `${window.from}-01`, end: `${addMonths(window.to, 1)}-01` };
}

// Monthly sums come from the trigger-kept rollups, so a card or a stream page costs the same with a
// million transactions as with ten.
const rollupMonth = sql<string>`to_char(${streamMonthTotals.month}, 'YYYY-MM')`;
const rollupInWindow = (window: MonthWindow) =>
  and(gte(streamMonthTotals.month, `${window.from}-01`), lte(streamMonthTotals.month, `${window.to}-01`));

function inWindow(window: MonthWindow) {
  const { start, end } = dateBounds(window);
  return and(gte(transactions.occurredOn, start), lt(transactions.occurredOn, end));
}

async function missingFx(userId: string, window: MonthWindow, streamId?: string): Promise<MissingFx[]> {
  const db = await getDb();
  const rows = await db
    .select({ currency: transactions.currency, n: sql<string>`count(*)` })
    .from(transactions)
    .where(
      and(
        eq(transactions.userId, userId),
        streamId ? eq(transactions.streamId, streamId) : undefined,
        inWindow(window),
        isNull(transactions.amountBaseMinor),
      ),
    )
    .groupBy(transactions.currency)
    .orderBy(transactions.currency);
  return rows.map((r) => ({ currency: r.currency, count: Number(r.n) }));
}

/** Monthly income of every stream over the window, for the stream cards' sparklines and "this month". */
export async function listStreamIncome(userId: string, window: MonthWindow): Promise<StreamIncomeOverview> {
  const db = await getDb();
  const [user, rows, missing] = await Promise.all([
    getUser(userId),
    db
      .select({ streamId: streamMonthTotals.streamId, month: rollupMonth, income: streamMonthTotals.income })
      .from(streamMonthTotals)
      .where(and(eq(streamMonthTotals.userId, userId), rollupInWindow(window))),
    missingFx(userId, window),
  ]);
  const months = monthRange(window.from, window.to);
  const index = new Map(months.map((m, i) => [m, i]));
  const incomeByStream: Record<string, number[]> = {};
  for (const row of rows) {
    const i = index.get(row.month);
    if (i === undefined) continue;
    const series = (incomeByStream[row.streamId] ??= months.map(() => 0));
    series[i] = Number(row.income);
  }
  return { currency: user.baseCurrency, months, incomeByStream, missingFx: missing };
}

/**
 * One stream's business-line view over the window. Throws the same 404 for another user's stream as
 * for a missing one (getStream).
 */
export async function getStreamSummary(userId: string, streamId: string, window: MonthWindow): Promise<StreamSummary> {
  await getStream(userId, streamId);
  const db = await getDb();
  const { start, end } = dateBounds(window);
  const ofStream = and(eq(transactions.userId, userId), eq(transactions.streamId, streamId), inWindow(window));
  const clientKey = sql<string>`lower(trim(${transactions.counterparty}))`;

  const [user, monthRows, incomeByStream, minuteRows, clientRows, missing] = await Promise.all([
    getUser(userId),
    db
      .select({ month: rollupMonth, income: streamMonthTotals.income, expenses: streamMonthTotals.expenses })
      .from(streamMonthTotals)
      .where(and(eq(streamMonthTotals.userId, userId), eq(streamMonthTotals.streamId, streamId), rollupInWindow(window))),
    // Every stream's window income: the denominator T+ of this stream's share.
    db
      .select({ streamId: streamMonthTotals.streamId, income: sql<string>`sum(${streamMonthTotals.income})` })
      .from(streamMonthTotals)
      .where(and(eq(streamMonthTotals.userId, userId), rollupInWindow(window)))
      .groupBy(streamMonthTotals.streamId),
    db
      .select({ minutes: sql<string>`coalesce(sum(${timeEntries.minutes}), 0)` })
      .from(timeEntries)
      .where(
        and(
          eq(timeEntries.userId, userId),
          eq(timeEntries.streamId, streamId),
          gte(timeEntries.occurredOn, start),
          lt(timeEntries.occurredOn, end),
        ),
      ),
    // Clients keyed case-insensitively (METRICS.md "Concentration"); shown in their latest spelling.
    db
      .select({
        name: sql<string>`(array_agg(trim(${transactions.counterparty}) order by ${transactions.occurredOn} desc, ${transactions.createdAt} desc))[1]`,
        income: sql<string>`coalesce(sum(${transactions.amountBaseMinor}), 0)`,
        n: sql<string>`count(*)`,
      })
      .from(transactions)
      .where(and(ofStream, eq(transactions.kind, "income"), isNotNull(transactions.counterparty), sql`trim(${transactions.counterparty}) <> ''`))
      .groupBy(clientKey)
      // Only clients that brought income take part (METRICS.md "Concentration").
      .having(sql`coalesce(sum(${transactions.amountBaseMinor}), 0) > 0`)
      .orderBy(sql`coalesce(sum(${transactions.amountBaseMinor}), 0) desc`, clientKey)
      .limit(5),
    missingFx(userId, window, streamId),
  ]);

  const byMonth = new Map(monthRows.map((r) => [r.month, r]));
  const monthly = monthRange(window.from, window.to).map((month) => {
    const row = byMonth.get(month);
    const income = Number(row?.income ?? 0);
    const expenses = Number(row?.expenses ?? 0);
    return { month, income, expenses, net: income - expenses };
  });
  const income = monthly.reduce((sum, m) => sum + m.income, 0);
  const expenses = monthly.reduce((sum, m) => sum + m.expenses, 0);
  const net = income - expenses;
  const minutes = Number(minuteRows[0]?.minutes ?? 0);
  const positiveTotal = positiveIncomeTotal(incomeByStream.map((r) => Number(r.income)));

  return {
    streamId,
    currency: user.baseCurrency,
    window,
    monthly,
    totals: { income, expenses, net },
    minutes,
    hours: hoursFromMinutes(minutes),
    hourlyRate: hourlyRate(net, minutes),
    portfolioShare: shareOf(income, positiveTotal),
    topClients: clientRows.map((r) => ({
      name: r.name,
      income: Number(r.income),
      share: shareOf(Number(r.income), income),
      transactions: Number(r.n),
    })),
    missingFx: missing,
  };
}
