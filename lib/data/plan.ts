import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/index";
import { streams } from "@/db/schema";
import { baseAmounts } from "@/lib/data/fx";
import { getFirstMonth, missingRateWarnings, streamMonthRows } from "@/lib/data/metrics";
import { recentIncomeDates } from "@/lib/data/silence";
import { loadOccurrences, scheduledIncomeMonths } from "@/lib/data/schedules";
import { getUser } from "@/lib/data/users";
import { addMonths, daysInMonth } from "@/lib/metrics/months";
import type { PlanInput } from "@/lib/metrics/plan";
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

  const [firstMonth, streamRows, monthRows, dateRows, warnings] = await Promise.all([
    getFirstMonth(userId),
    db.select({ id: streams.id, name: streams.name, status: streams.status }).from(streams).where(eq(streams.userId, userId)),
    streamMonthRows(userId, addMonths(current, -12), lastMonth),
    recentIncomeDates(userId, today),
    missingRateWarnings(userId, from, to),
  ]);

  const horizonEnd = addMonths(current, horizon);
  const [scheduledMonths, scheduled] = await Promise.all([
    scheduledIncomeMonths(userId, from, to),
    scheduledAhead(
      userId,
      user.baseCurrency,
      today,
      `${addMonths(current, 1)}-01`,
      `${horizonEnd}-${String(daysInMonth(horizonEnd)).padStart(2, "0")}`,
    ),
  ]);

  return {
    today,
    currency: user.baseCurrency,
    firstMonth,
    horizon,
    streams: streamRows,
    streamMonths: monthRows,
    scheduledIncomeMonths: scheduledMonths,
    scheduledOccurrences: scheduled.occurrences,
    incomeDates: dateRows,
    cashBuffer: user.cashBuffer,
    salaryTarget: salary ?? user.essentialMonthlyExpenses,
    warnings: [...warnings, ...scheduled.warnings],
  };
}

/**
 * scheduled_s(k): the unsettled income occurrences due from `from` to `to`, each converted at the rate for
 * today (rounded half-even); one without a rate counts nowhere and is reported as a warning.
 */
async function scheduledAhead(userId: string, base: string, today: string, from: string, to: string) {
  const db = await getDb();
  const open = (await loadOccurrences(userId, { from, to }, db)).filter((o) => o.status !== "received" && o.schedule.kind === "income");
  const converted = await baseAmounts(
    db,
    userId,
    base,
    open.map((o) => ({ amountMinor: o.amountMinor, currency: o.currency, occurredOn: today })),
    // Beyond what can be represented in the base currency (an absurd rate): left out like an unpriced one.
    () => {},
  );
  const missing = new Map<string, number>();
  const occurrences = open.flatMap((o, i) => {
    const amount = converted[i];
    if (amount === null || amount === undefined) {
      missing.set(o.currency, (missing.get(o.currency) ?? 0) + 1);
      return [];
    }
    return [{ streamId: o.streamId, month: o.dueOn.slice(0, 7), amount }];
  });
  const warnings = [...missing].map(([currency, count]) => ({ code: "missing-fx-rate-scheduled" as const, currency, count }));
  return { occurrences, warnings };
}
