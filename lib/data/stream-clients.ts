import "server-only";
import { and, eq, gte, isNotNull, isNull, lte, sql } from "drizzle-orm";
import { getDb } from "@/db/index";
import { streamMonthTotals, transactions } from "@/db/schema";
import { getStream } from "@/lib/data/streams";
import { daysInMonth } from "@/lib/metrics/months";
import type { MonthRange } from "@/lib/metrics/window";

const firstDay = (month: string) => `${month}-01`;
const lastDay = (month: string) => `${month}-${String(daysInMonth(month)).padStart(2, "0")}`;

/**
 * Who pays one stream over a window, aggregated in the database: its income (the denominator of each
 * client's share), each client's income and number of payments (clients keyed like METRICS.md's
 * concentration: trimmed, case-insensitive; shown in the latest spelling), and the transactions left
 * out for want of an exchange rate. Another user's stream is the same 404 as a missing one.
 */
export async function loadStreamClients(userId: string, streamId: string, window: MonthRange) {
  await getStream(userId, streamId);
  const db = await getDb();
  const inWindow = and(
    eq(transactions.userId, userId),
    eq(transactions.streamId, streamId),
    gte(transactions.occurredOn, firstDay(window.from)),
    lte(transactions.occurredOn, lastDay(window.to)),
  );
  const key = sql<string>`lower(btrim(${transactions.counterparty}))`;
  const [income, clients, missing] = await Promise.all([
    db
      .select({ income: sql<string>`coalesce(sum(${streamMonthTotals.income}), 0)` })
      .from(streamMonthTotals)
      .where(
        and(
          eq(streamMonthTotals.userId, userId),
          eq(streamMonthTotals.streamId, streamId),
          gte(streamMonthTotals.month, firstDay(window.from)),
          lte(streamMonthTotals.month, firstDay(window.to)),
        ),
      ),
    db
      .select({
        key,
        display: sql<string>`(array_agg(btrim(${transactions.counterparty}) order by ${transactions.occurredOn} desc, ${transactions.createdAt} desc, ${transactions.id} desc))[1]`,
        income: sql<string>`sum(${transactions.amountBaseMinor})`,
        payments: sql<string>`count(*)`,
      })
      .from(transactions)
      .where(
        and(
          inWindow,
          eq(transactions.kind, "income"),
          isNotNull(transactions.amountBaseMinor),
          sql`btrim(${transactions.counterparty}) <> ''`,
        ),
      )
      .groupBy(key),
    db
      .select({ currency: transactions.currency, count: sql<string>`count(*)` })
      .from(transactions)
      .where(and(inWindow, isNull(transactions.amountBaseMinor)))
      .groupBy(transactions.currency),
  ]);
  return {
    streamIncome: Number(income[0]?.income ?? 0),
    clients: clients.map((c) => ({ key: c.key, display: c.display, income: Number(c.income), payments: Number(c.payments) })),
    missing: missing.map((m) => ({ currency: m.currency, count: Number(m.count) })),
  };
}
