import "server-only";
import { count, eq } from "drizzle-orm";
import { getDb } from "@/db/index";
import { fxRates, goals, schedules, streams, timeEntries, users } from "@/db/schema";
import { setStreamFeeds } from "@/lib/data/stream-feeds";
import { createStream } from "@/lib/data/streams";
import { createTransactions } from "@/lib/data/transactions";
import { conflict } from "@/lib/http-errors";
import { demoPortfolio } from "@/lib/demo/portfolio";

/**
 * Loads the demo portfolio into an empty account, all in one transaction: it either appears whole or
 * not at all. An account that already has streams is refused so real data is never mixed with it.
 */
export async function loadDemo(userId: string, today: string) {
  const db = await getDb();
  const demo = demoPortfolio(today);
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ n: count() }).from(streams).where(eq(streams.userId, userId));
    if (Number(existing?.n ?? 0) > 0) throw conflict("The demo portfolio loads only into an account with no streams yet.");
    await tx
      .update(users)
      // No streams means no transactions to re-price: switching the base to the demo's USD is free.
      .set({
        baseCurrency: "USD",
        essentialMonthlyExpenses: demo.settings.essentialMonthlyExpensesMinor,
        cashBuffer: demo.settings.cashBufferMinor,
        taxRate: demo.settings.taxRate,
      })
      .where(eq(users.id, userId));
    const ids = new Map<string, string>();
    for (const s of demo.streams) {
      const row = await createStream(userId, { ...s, status: "active", startedOn: null }, tx);
      ids.set(s.name, row.id);
    }
    await tx
      .insert(fxRates)
      .values(demo.rates.map((r) => ({ userId, baseCurrency: "USD", ...r })))
      .onConflictDoNothing();
    const scheduleIds = new Map<string, string>();
    for (const { stream, ...sc } of demo.schedules) {
      const [row] = await tx
        .insert(schedules)
        .values({ userId, streamId: ids.get(stream)!, ...sc })
        .returning({ id: schedules.id });
      scheduleIds.set(sc.name, row!.id);
    }
    for (const from of new Set(demo.feeds.map((f) => f.from))) {
      const to = demo.feeds.filter((f) => f.from === from).map((f) => ids.get(f.to)!);
      await setStreamFeeds(tx, userId, ids.get(from)!, to);
    }
    const result = await createTransactions(
      userId,
      demo.transactions.map(({ schedule, ...t }) => ({
        ...t,
        streamId: ids.get(t.stream),
        scheduleId: schedule ? scheduleIds.get(schedule)! : null,
      })),
      { db: tx },
    );
    await tx
      .insert(timeEntries)
      .values(
        demo.timeEntries.map((t) => ({ userId, streamId: ids.get(t.stream)!, occurredOn: t.occurredOn, minutes: t.minutes, note: t.note })),
      );
    await tx.insert(goals).values(
      demo.goals.map((g) => ({
        userId,
        streamId: g.stream ? ids.get(g.stream)! : null,
        targetMinor: g.targetMinor,
        effectiveFrom: g.effectiveFrom,
      })),
    );
    return { streams: demo.streams.length, transactions: result.inserted, timeEntries: demo.timeEntries.length, goals: demo.goals.length };
  });
}
