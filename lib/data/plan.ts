import "server-only";
import { and, eq, gt, gte, isNull, lte, sql } from "drizzle-orm";
import { getDb } from "@/db/index";
import { streamMonthTotals, streams, transactions } from "@/db/schema";
import { getFirstMonth } from "@/lib/data/metrics";
import { getUser } from "@/lib/data/users";
import { addDays } from "@/lib/metrics/days";
import { addMonths, daysInMonth } from "@/lib/metrics/months";
import type { PlanInput } from "@/lib/metrics/plan";
import { SILENT_LOOKBACK_DAYS } from "@/lib/metrics/silent";
import { todayIn } from "@/lib/today";

/**
 * What computePlan needs for one user: the monthly rollups of the 12 months before this one (the history is
 * picked from them in lib/metrics), and each stream's distinct income dates of the last 180 days for the
 * silence monitor. `salary` is the ?salary= amount in base minor units, already parsed.
 */
export async function loadPlanInput(userId: string, horizon: number, salary: number | null, now = new Date()): Promise<PlanInput> {
  const db = await getDb();
  const user = await getUser(userId);
  const today = todayIn(user.timeZone, now);
  const current = today.slice(0, 7);
  const from = `${addMonths(current, -12)}-01`;
  const lastMonth = addMonths(current, -1);
  const to = `${lastMonth}-${String(daysInMonth(lastMonth)).padStart(2, "0")}`;

  const [firstMonth, streamRows, monthRows, dateRows, missing] = await Promise.all([
    getFirstMonth(userId),
    db.select({ id: streams.id, name: streams.name, status: streams.status }).from(streams).where(eq(streams.userId, userId)),
    db
      .select({
        streamId: streamMonthTotals.streamId,
        month: sql<string>`to_char(${streamMonthTotals.month}, 'YYYY-MM')`,
        income: streamMonthTotals.income,
        expenses: streamMonthTotals.expenses,
      })
      .from(streamMonthTotals)
      .where(
        and(eq(streamMonthTotals.userId, userId), gte(streamMonthTotals.month, from), lte(streamMonthTotals.month, `${lastMonth}-01`)),
      ),
    db
      .selectDistinct({ streamId: transactions.streamId, date: transactions.occurredOn })
      .from(transactions)
      .where(
        and(
          eq(transactions.userId, userId),
          eq(transactions.kind, "income"),
          gt(transactions.amountMinor, 0),
          gte(transactions.occurredOn, addDays(today, -(SILENT_LOOKBACK_DAYS - 1))),
          lte(transactions.occurredOn, today),
        ),
      ),
    db
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
      .groupBy(transactions.currency),
  ]);

  return {
    today,
    currency: user.baseCurrency,
    firstMonth,
    horizon,
    streams: streamRows,
    streamMonths: monthRows,
    scheduledIncomeMonths: [],
    scheduledOccurrences: [],
    incomeDates: dateRows,
    cashBuffer: user.cashBuffer,
    salaryTarget: salary ?? user.essentialMonthlyExpenses,
    warnings: missing.map((m) => ({ code: "missing-fx-rate" as const, currency: m.currency, count: Number(m.count) })),
  };
}
