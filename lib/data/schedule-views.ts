import "server-only";
import { and, eq, gte, inArray, isNull, lte } from "drizzle-orm";
import { getDb } from "@/db/index";
import { schedules, transactions } from "@/db/schema";
import { baseAmounts } from "@/lib/data/fx";
import { loadOccurrences, ruleOf } from "@/lib/data/schedules";
import { getUser } from "@/lib/data/users";
import { addDays, daysBetween } from "@/lib/metrics/days";
import { daysInMonth } from "@/lib/metrics/months";
import { fittingOccurrences, matchWindowDays, type MatchableSchedule } from "@/lib/metrics/schedule-match";
import { formatMinor } from "@/lib/metrics/money";
import { todayIn } from "@/lib/today";

/** How far back unsettled occurrences are offered a match: a payment older than this is history, not news. */
const SUGGEST_BACK_DAYS = 180;

/**
 * Payments already logged that look like an unsettled occurrence (GET /api/v1/schedules/suggestions):
 * each occurrence due in the last 180 days or the next 31 gets at most one, its nearest fitting
 * unlinked payment, and each payment is offered for one occurrence only. Settling is a PATCH of the
 * transaction's scheduleId.
 */
export async function scheduleSuggestions(userId: string, filter: { stream?: string } = {}, now = new Date()) {
  const db = await getDb();
  const today = todayIn((await getUser(userId)).timeZone, now);
  const from = addDays(today, -SUGGEST_BACK_DAYS);
  const to = addDays(today, 31);
  const occurrences = (await loadOccurrences(userId, { from, to, stream: filter.stream }, db, now)).filter((o) => o.status !== "received");
  if (occurrences.length === 0) return [];

  const byId = new Map<string, MatchableSchedule>();
  for (const o of occurrences) {
    const s = o.schedule;
    const entry = byId.get(s.id) ?? { ...s, rule: ruleOf(s), open: [] as string[] };
    (entry.open as string[]).push(o.dueOn);
    byId.set(s.id, entry);
  }
  const matchable = [...byId.values()];
  const reach = Math.max(...matchable.map((s) => matchWindowDays(s.rule)));
  const candidates = await db
    .select({
      id: transactions.id,
      streamId: transactions.streamId,
      kind: transactions.kind,
      occurredOn: transactions.occurredOn,
      amountMinor: transactions.amountMinor,
      currency: transactions.currency,
      counterparty: transactions.counterparty,
    })
    .from(transactions)
    .where(
      and(
        eq(transactions.userId, userId),
        isNull(transactions.scheduleId),
        inArray(transactions.streamId, [...new Set(matchable.map((s) => s.streamId))]),
        inArray(transactions.amountMinor, [...new Set(matchable.map((s) => s.amountMinor))]),
        gte(transactions.occurredOn, addDays(from, -reach)),
        lte(transactions.occurredOn, addDays(to, reach)),
      ),
    )
    .limit(1000);

  const pairs = candidates.flatMap((t) =>
    fittingOccurrences(matchable, t).map((fit) => ({ ...fit, transaction: t, distance: Math.abs(daysBetween(fit.dueOn, t.occurredOn)) })),
  );
  pairs.sort((a, b) => a.distance - b.distance || (a.transaction.occurredOn < b.transaction.occurredOn ? -1 : 1));
  const takenOccurrence = new Set<string>();
  const takenPayment = new Set<string>();
  const out = [];
  for (const p of pairs) {
    const key = `${p.scheduleId}|${p.dueOn}`;
    if (takenOccurrence.has(key) || takenPayment.has(p.transaction.id)) continue;
    takenOccurrence.add(key);
    takenPayment.add(p.transaction.id);
    const t = p.transaction;
    out.push({
      scheduleId: p.scheduleId,
      dueOn: p.dueOn,
      transaction: {
        id: t.id,
        occurredOn: t.occurredOn,
        amount: formatMinor(t.amountMinor, t.currency),
        amountMinor: t.amountMinor,
        currency: t.currency,
        counterparty: t.counterparty,
      },
    });
  }
  return out.sort((a, b) => (a.dueOn !== b.dueOn ? (a.dueOn < b.dueOn ? -1 : 1) : a.scheduleId < b.scheduleId ? -1 : 1));
}

/** How far back late occurrences are counted: a year of broken promises is plenty to act on. */
const LATE_BACK_DAYS = 365;

/**
 * Expected income for the Overview (GET /api/v1/schedules/summary): what is still to come this month
 * (unsettled income occurrences due this month that are not late) and what is late (over the last year),
 * in the base currency at today's rate (METRICS.md's Money rule with occurredOn = today, as the plan's
 * scheduled part); occurrences in a currency without a rate count nowhere and are reported.
 */
export async function scheduleSummary(userId: string, now = new Date()) {
  const db = await getDb();
  const user = await getUser(userId);
  const today = todayIn(user.timeZone, now);
  const month = today.slice(0, 7);
  const monthEnd = `${month}-${String(daysInMonth(month)).padStart(2, "0")}`;
  const all = await loadOccurrences(userId, { from: addDays(today, -LATE_BACK_DAYS), to: monthEnd }, db, now);
  const income = all.filter((o) => o.schedule.kind === "income" && o.status !== "received");
  const converted = await baseAmounts(
    db,
    userId,
    user.baseCurrency,
    income.map((o) => ({ amountMinor: o.amountMinor, currency: o.currency, occurredOn: today })),
    // Beyond what can be represented in the base currency (an absurd rate): left out like an unpriced one.
    () => {},
  );
  const missing = new Map<string, number>();
  let tooLarge = 0;
  const expected = { amountMinor: 0, count: 0 };
  const late = { amountMinor: 0, count: 0 };
  const lateItems: {
    scheduleId: string;
    name: string | null;
    streamId: string;
    dueOn: string;
    amount: string;
    currency: string;
    daysLate: number;
  }[] = [];
  income.forEach((o, i) => {
    const base = converted[i];
    const isLate = o.status === "late";
    if (!isLate && o.dueOn < `${month}-01`) return;
    if (base === null || base === undefined) {
      missing.set(o.currency, (missing.get(o.currency) ?? 0) + 1);
      return;
    }
    const bucket = isLate ? late : expected;
    // Sums stay exact: an occurrence that would take one past 2^53 is left out and reported.
    if (!Number.isSafeInteger(bucket.amountMinor + base)) {
      tooLarge += 1;
      return;
    }
    bucket.amountMinor += base;
    bucket.count += 1;
    if (isLate)
      lateItems.push({
        scheduleId: o.scheduleId,
        name: o.schedule.name,
        streamId: o.streamId,
        dueOn: o.dueOn,
        amount: o.amount,
        currency: o.currency,
        daysLate: daysBetween(o.dueOn, today),
      });
  });
  const money = (b: { amountMinor: number; count: number }) => ({ ...b, amount: formatMinor(b.amountMinor, user.baseCurrency) });
  const [hasAny] = await db.select({ id: schedules.id }).from(schedules).where(eq(schedules.userId, userId)).limit(1);
  return {
    today,
    month,
    currency: user.baseCurrency,
    hasSchedules: hasAny !== undefined,
    expected: money(expected),
    late: { ...money(late), items: lateItems.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0)).slice(0, 20) },
    warnings: [
      ...[...missing].map(([currency, count]) => ({ code: "missing-fx-rate" as const, currency, count })),
      ...(tooLarge > 0 ? [{ code: "total-too-large" as const, currency: user.baseCurrency, count: tooLarge }] : []),
    ],
  };
}
