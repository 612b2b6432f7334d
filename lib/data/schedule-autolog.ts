import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/index";
import { schedules, transactions, users } from "@/db/schema";
import { baseAmounts } from "@/lib/data/fx";
import { assertTotalsFit, TOTAL_LIMIT_MESSAGE } from "@/lib/data/money-limits";
import { getTransaction } from "@/lib/data/transactions";
import { enqueueEvents } from "@/lib/data/webhooks";
import { ApiError, unprocessable } from "@/lib/http-errors";
import { addDays } from "@/lib/metrics/days";
import { occurrencesThrough } from "@/lib/metrics/schedules";
import { todayIn } from "@/lib/today";
import { scheduleColumns } from "@/lib/data/schedules";
import { logLine } from "@/lib/log";

/** The externalId of an auto-logged payment: the unique index makes a second one for the same occurrence impossible. */
export const autoLogExternalId = (scheduleId: string, dueOn: string) => `schedule:${scheduleId}:${dueOn}`;

/**
 * Logs the transactions of `autoLog` schedules whose occurrences fell due since they were last logged
 * (since the schedule was created, the first time), up to each user's today, and moves the mark.
 *
 * Once per occurrence whatever happens: the schedules are locked FOR UPDATE SKIP LOCKED (a second app
 * process skips what the first holds), the mark moves in the same transaction as the inserts, and each
 * payment carries an externalId per occurrence that the unique index refuses twice. A payment the user
 * deletes stays deleted: the mark is past it. Answers how many transactions were logged.
 */
export async function logDueSchedules(opts: { userId?: string; now?: Date } = {}): Promise<number> {
  const now = opts.now ?? new Date();
  const db = await getDb();
  return db.transaction(async (tx) => {
    const due = await tx
      .select({
        ...scheduleColumns,
        userId: schedules.userId,
        through: schedules.autoLoggedThrough,
        timeZone: users.timeZone,
        baseCurrency: users.baseCurrency,
      })
      .from(schedules)
      .innerJoin(users, eq(users.id, schedules.userId))
      .where(and(eq(schedules.autoLog, true), opts.userId ? eq(schedules.userId, opts.userId) : undefined))
      .orderBy(schedules.id)
      .for("update", { of: schedules, skipLocked: true });

    let logged = 0;
    for (const s of due) {
      const today = todayIn(s.timeZone, now);
      if (s.through !== null && s.through >= today) continue;
      const since = s.through !== null ? addDays(s.through, 1) : todayIn(s.timeZone, s.createdAt);
      const occurrences = occurrencesThrough(s, today).filter((o) => o.dueOn >= since);
      if (occurrences.length > 0) {
        try {
          // A savepoint per schedule: payments that would take the user's totals beyond the limit
          // (lib/data/money-limits.ts) are not logged, and the other schedules' are.
          logged += await tx.transaction(async (sp) => {
            const rows = occurrences.map((o) => ({ amountMinor: s.amountMinor, currency: s.currency, occurredOn: o.dueOn }));
            const priced = await baseAmounts(sp, s.userId, s.baseCurrency, rows, () => {
              throw unprocessable("An amount is too large in the base currency.", [{ path: "amount", message: TOTAL_LIMIT_MESSAGE }]);
            });
            const inserted = await sp
              .insert(transactions)
              .values(
                occurrences.map((o, i) => ({
                  userId: s.userId,
                  streamId: s.streamId,
                  scheduleId: s.id,
                  kind: s.kind,
                  occurredOn: o.dueOn,
                  amountMinor: s.amountMinor,
                  currency: s.currency,
                  amountBaseMinor: priced[i] ?? null,
                  counterparty: s.counterparty,
                  description: s.name ?? "Logged by its schedule",
                  externalId: autoLogExternalId(s.id, o.dueOn),
                })),
              )
              .onConflictDoNothing({ target: [transactions.userId, transactions.externalId] })
              .returning({ id: transactions.id });
            if (inserted.length > 0) {
              await assertTotalsFit(sp, s.userId, "amount");
              await enqueueEvents(
                sp,
                s.userId,
                "transaction.created",
                await Promise.all(inserted.map((r) => getTransaction(s.userId, r.id, sp))),
              );
            }
            return inserted.length;
          });
        } catch (err) {
          if (!(err instanceof ApiError && err.status === 422)) throw err;
          logLine("warn", "schedule payments not logged: totals would exceed the limit", { scheduleId: s.id });
        }
      }
      await tx
        .update(schedules)
        .set({ autoLoggedThrough: today, updatedAt: sql`${schedules.updatedAt}` })
        .where(and(eq(schedules.id, s.id), eq(schedules.userId, s.userId)));
    }
    return logged;
  });
}
