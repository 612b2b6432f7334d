import "server-only";
import { cache } from "react";
import { and, eq, gte, isNotNull, isNull, lte, or, sql } from "drizzle-orm";
import { getDb, rowsOf } from "@/db/index";
import { goals, keyMonthTotals, streamFeeds, streamMonthTotals, streams, timeEntries, transactions, users } from "@/db/schema";
import { notFound } from "@/lib/http-errors";
import { targetFor } from "@/lib/metrics/goals";
import { dayOfMonth, daysInMonth, monthOf } from "@/lib/metrics/months";
import type { GoalInput, KeyIncomeRow, MetricsInput, MetricsWarning, Thresholds } from "@/lib/metrics/types";
import { analysisRange, defaultWindow, projectionMonths } from "@/lib/metrics/window";
import { todayIn } from "@/lib/today";

const firstDay = (month: string) => `${month}-01`;
const lastDay = (month: string) => `${month}-${String(daysInMonth(month)).padStart(2, "0")}`;

/**
 * Everything computeMetrics needs for one user and window, aggregated in the database: monthly
 * totals come from the trigger-maintained rollups, so the cost grows with streams × months, never
 * with the number of transactions.
 */
export async function loadMetricsInput(userId: string, requested?: { from: string; to: string }, now = new Date()): Promise<MetricsInput> {
  const db = await getDb();
  const [user] = await db
    .select({
      baseCurrency: users.baseCurrency,
      timeZone: users.timeZone,
      essential: users.essentialMonthlyExpenses,
      buffer: users.cashBuffer,
      taxRate: sql<number | null>`${users.taxRate}::float8`,
      thresholds: users.thresholds,
    })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  if (!user) throw notFound("User");
  const today = todayIn(user.timeZone, now);
  const firstMonth = await getFirstMonth(userId);
  const window = requested ?? defaultWindow(today, firstMonth);
  const from = firstDay(window.from);
  const to = lastDay(window.to);
  const analysis = analysisRange(window, firstMonth, today);

  const streamRows = await db
    .select({
      id: streams.id,
      name: streams.name,
      kind: streams.kind,
      role: streams.role,
      platform: streams.platform,
      status: streams.status,
      color: streams.color,
      taxRate: sql<number | null>`${streams.taxRate}::float8`,
    })
    .from(streams)
    .where(eq(streams.userId, userId));

  const monthRows = await streamMonthRows(userId, window.from, window.to);

  // Clients and platforms count over the analysis months only, like every concentration figure.
  const keyRows = analysis
    ? await db
        .select({ dim: keyMonthTotals.dim, key: keyMonthTotals.key, income: sql<string>`sum(${keyMonthTotals.income})` })
        .from(keyMonthTotals)
        .where(
          and(
            eq(keyMonthTotals.userId, userId),
            gte(keyMonthTotals.month, firstDay(analysis.from)),
            lte(keyMonthTotals.month, firstDay(analysis.to)),
          ),
        )
        .groupBy(keyMonthTotals.dim, keyMonthTotals.key)
        .having(sql`sum(${keyMonthTotals.income}) <> 0`)
    : [];

  const displays = await displaySpellings(userId, keyRows);
  const toKeyRows = (dim: "client" | "platform"): KeyIncomeRow[] =>
    keyRows
      .filter((r) => r.dim === dim)
      .map((r) => ({ key: r.key, display: displays.get(`${dim}:${r.key}`) ?? r.key, income: Number(r.income) }));

  const minutes = await db
    .select({ streamId: timeEntries.streamId, minutes: sql<string>`sum(${timeEntries.minutes})` })
    .from(timeEntries)
    .where(and(eq(timeEntries.userId, userId), gte(timeEntries.occurredOn, from), lte(timeEntries.occurredOn, to)))
    .groupBy(timeEntries.streamId);

  const goalRows = await db
    .select({ streamId: goals.streamId, targetMinor: goals.targetMinor, effectiveFrom: goals.effectiveFrom })
    .from(goals)
    .where(eq(goals.userId, userId));

  const warnings = await missingRateWarnings(userId, from, to);
  const feedLinks = await db
    .select({ from: streamFeeds.fromStreamId, to: streamFeeds.toStreamId })
    .from(streamFeeds)
    .where(eq(streamFeeds.userId, userId))
    .orderBy(streamFeeds.fromStreamId, streamFeeds.toStreamId);

  return {
    window,
    today,
    firstMonth,
    incomeAfterToday: needsProjection(window, today, goalRows) ? await incomeAfterToday(userId, firstMonth, today) : [],
    settings: {
      baseCurrency: user.baseCurrency,
      essentialMonthlyExpenses: user.essential,
      cashBuffer: user.buffer,
      taxRate: user.taxRate,
      thresholds: user.thresholds as Thresholds,
    },
    streams: streamRows.map((s) => ({
      id: s.id,
      name: s.name,
      kind: s.kind,
      role: s.role,
      platform: s.platform,
      archived: s.status === "archived",
      color: s.color,
      taxRate: s.taxRate,
    })),
    streamMonths: monthRows.map((r) => ({ streamId: r.streamId, month: r.month, income: r.income, expenses: r.expenses })),
    clients: toKeyRows("client"),
    platforms: toKeyRows("platform"),
    minutes: minutes.map((m) => ({ streamId: m.streamId, minutes: Number(m.minutes) })),
    goals: goalRows,
    warnings,
    feedLinks,
  };
}

/** Every stream's income and expenses by month (the trigger-kept rollups), for the months `from`..`to`. */
export async function streamMonthRows(userId: string, from: string, to: string) {
  const db = await getDb();
  return db
    .select({
      streamId: streamMonthTotals.streamId,
      month: sql<string>`to_char(${streamMonthTotals.month}, 'YYYY-MM')`,
      income: streamMonthTotals.income,
      expenses: streamMonthTotals.expenses,
    })
    .from(streamMonthTotals)
    .where(
      and(eq(streamMonthTotals.userId, userId), gte(streamMonthTotals.month, firstDay(from)), lte(streamMonthTotals.month, firstDay(to))),
    );
}

/** Per currency, the transactions dated `from`..`to` without an exchange rate: they count in no figure. */
export async function missingRateWarnings(userId: string, from: string, to: string): Promise<MetricsWarning[]> {
  const db = await getDb();
  const rows = await db
    .select({ currency: transactions.currency, count: sql<string>`count(*)` })
    .from(transactions)
    .where(
      and(
        eq(transactions.userId, userId),
        isNull(transactions.amountBaseMinor),
        gte(transactions.occurredOn, from),
        lte(transactions.occurredOn, to),
      ),
    )
    .groupBy(transactions.currency);
  return rows.map((m) => ({ code: "missing-fx-rate" as const, currency: m.currency, count: Number(m.count) }));
}

/** F: the month of the user's earliest transaction (one probe of transactions_user_date_idx); null without any. */
async function getFirstMonthUncached(userId: string): Promise<string | null> {
  const db = await getDb();
  const [row] = await db
    .select({ first: sql<string | null>`to_char(min(${transactions.occurredOn}), 'YYYY-MM')` })
    .from(transactions)
    .where(eq(transactions.userId, userId));
  return row?.first ?? null;
}

/** Once per request in a server render: the page resolves its window with it, and loadMetricsInput asks again. */
export const getFirstMonth = cache(getFirstMonthUncached);

/** The projection is read only for the current month's goal entries: skip its query when there are none. */
function needsProjection(window: { from: string; to: string }, today: string, goalRows: readonly GoalInput[]): boolean {
  const current = monthOf(today);
  if (current < window.from || current > window.to) return false;
  return goalRows.some((goal) => targetFor(goalRows, goal.streamId, current) !== undefined);
}

/**
 * Each stream's income dated after today's day of the month in the projection months (up to 6 complete
 * months since F): what usually still arrives in the rest of a month. Each month is read on its shorter
 * side of that day: the days after it directly, or the days up to it subtracted from the month's rollup
 * total (the rollup's income is the same sum: income rows with a base amount). A range scan of at most
 * half of each month on transactions_user_date_idx, and a tenth early in the month, instead of whole
 * months (a tenth of a five-year history); unpriced rows count as in every figure: not at all.
 */
async function incomeAfterToday(userId: string, firstMonth: string | null, today: string) {
  const day = dayOfMonth(today);
  const sides = projectionMonths(firstMonth, today).flatMap((month) => {
    const last = daysInMonth(month);
    if (day >= last) return []; // nothing is dated after the month's last day
    const late = last - day <= day;
    const from = late ? `${month}-${String(day + 1).padStart(2, "0")}` : firstDay(month);
    const to = late ? lastDay(month) : `${month}-${String(day).padStart(2, "0")}`;
    return [{ month, late, from, to }];
  });
  const first = sides[0];
  const last = sides[sides.length - 1];
  if (first === undefined || last === undefined) return [];
  const db = await getDb();
  const read = await db
    .select({
      streamId: transactions.streamId,
      month: sql<string>`to_char(${transactions.occurredOn}, 'YYYY-MM')`,
      income: sql<string>`sum(${transactions.amountBaseMinor})`,
    })
    .from(transactions)
    .where(
      and(
        eq(transactions.userId, userId),
        eq(transactions.kind, "income"),
        isNotNull(transactions.amountBaseMinor),
        or(...sides.map((r) => and(gte(transactions.occurredOn, r.from), lte(transactions.occurredOn, r.to)))),
      ),
    )
    .groupBy(transactions.streamId, sql`2`);
  const lateMonths = new Set(sides.filter((r) => r.late).map((r) => r.month));
  const out = read.filter((r) => lateMonths.has(r.month)).map((r) => ({ streamId: r.streamId, month: r.month, income: Number(r.income) }));
  const early = sides.filter((r) => !r.late).map((r) => r.month);
  if (early.length > 0) {
    const upToDay = new Map(read.map((r) => [`${r.streamId} ${r.month}`, Number(r.income)]));
    const totals = await streamMonthRows(userId, early[0]!, early[early.length - 1]!);
    for (const t of totals) {
      if (!early.includes(t.month)) continue;
      out.push({ streamId: t.streamId, month: t.month, income: Number(t.income) - (upToDay.get(`${t.streamId} ${t.month}`) ?? 0) });
    }
  }
  return out;
}

const textArray = (xs: readonly string[]) =>
  sql`array[${sql.join(
    xs.map((x) => sql`${x}`),
    sql`, `,
  )}]::text[]`;

/**
 * The display spelling of each client and platform key: the one used most recently (by date, then by
 * entry), over the user's whole history. A transaction that names no platform uses its stream's, so a
 * stream's spelling competes with the explicit ones through its newest such transaction. One index
 * probe per key (transactions_user_client_idx, …_platform_idx, …_stream_inherited_platform_idx):
 * the cost follows the number of keys, never the number of transactions.
 */
async function displaySpellings(userId: string, keys: readonly { dim: string; key: string }[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const clientKeys = keys.filter((k) => k.dim === "client").map((k) => k.key);
  const platformKeys = keys.filter((k) => k.dim === "platform").map((k) => k.key);
  const db = await getDb();
  if (clientKeys.length) {
    const rows = rowsOf<{ key: string; display: string }>(
      await db.execute(sql`
        select k.key, d.display from unnest(${textArray(clientKeys)}) as k(key)
        cross join lateral (
          select btrim(t.counterparty) as display from transactions t
          where t.user_id = ${userId} and lower(btrim(t.counterparty)) = k.key
          order by t.occurred_on desc, t.created_at desc, t.id desc limit 1
        ) d`),
    );
    for (const r of rows) out.set(`client:${r.key}`, r.display);
  }
  if (platformKeys.length) {
    const rows = rowsOf<{ key: string; display: string }>(
      await db.execute(sql`
        select distinct on (key) key, display from (
          select k.key, x.display, x.occurred_on, x.created_at, x.id from unnest(${textArray(platformKeys)}) as k(key)
          cross join lateral (
            select btrim(t.platform) as display, t.occurred_on, t.created_at, t.id from transactions t
            where t.user_id = ${userId} and lower(btrim(t.platform)) = k.key
            order by t.occurred_on desc, t.created_at desc, t.id desc limit 1
          ) x
          union all
          select lower(btrim(s.platform)), btrim(s.platform), y.occurred_on, y.created_at, y.id from streams s
          cross join lateral (
            select t.occurred_on, t.created_at, t.id from transactions t
            where t.user_id = ${userId} and t.stream_id = s.id and nullif(btrim(t.platform), '') is null
            order by t.occurred_on desc, t.created_at desc, t.id desc limit 1
          ) y
          where s.user_id = ${userId} and lower(btrim(s.platform)) = any(${textArray(platformKeys)})
        ) c
        order by key, occurred_on desc, created_at desc, id desc`),
    );
    for (const r of rows) out.set(`platform:${r.key}`, r.display);
  }
  return out;
}
