import "server-only";
import { and, eq, gt, gte, lte } from "drizzle-orm";
import { getDb } from "@/db/index";
import { streams, transactions } from "@/db/schema";
import { getUser } from "@/lib/data/users";
import { addDays } from "@/lib/metrics/days";
import { silentCheck, SILENT_LOOKBACK_DAYS } from "@/lib/metrics/silent";
import { compareText } from "@/lib/metrics/order";
import { todayIn } from "@/lib/today";

/** Each stream's distinct dates with positive income in the 180 days ending `today` (METRICS.md *Silent streams*). */
export async function recentIncomeDates(userId: string, today: string) {
  const db = await getDb();
  return db
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
    );
}

/** The monitor of GET /api/v1/streams/silence: every monitored active stream, by name, as the plan's `silentStreams`. */
export async function loadSilence(userId: string, now = new Date()) {
  const db = await getDb();
  const today = todayIn((await getUser(userId)).timeZone, now);
  const [active, dates] = await Promise.all([
    db
      .select({ id: streams.id, name: streams.name })
      .from(streams)
      .where(and(eq(streams.userId, userId), eq(streams.status, "active"))),
    recentIncomeDates(userId, today),
  ]);
  const byStream = new Map<string, string[]>();
  for (const d of dates) (byStream.get(d.streamId) ?? byStream.set(d.streamId, []).get(d.streamId)!).push(d.date);
  return {
    today,
    data: active
      .sort((a, b) => compareText(a.name, b.name))
      .flatMap((s) => {
        const check = silentCheck(byStream.get(s.id) ?? [], today);
        return check ? [{ streamId: s.id, name: s.name, ...check }] : [];
      }),
  };
}
