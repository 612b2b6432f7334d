import "server-only";
import { and, desc, eq, gt, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { getDb } from "@/db/index";
import { insightChecks, insights, streams, users } from "@/db/schema";
import { loadMetricsInput } from "@/lib/data/metrics";
import { loadOccurrences } from "@/lib/data/schedules";
import { loadSilence } from "@/lib/data/silence";
import { getUser } from "@/lib/data/users";
import { enqueueEvents } from "@/lib/data/webhooks";
import { emailConfigured, sendMail } from "@/lib/email";
import { formatMoney, formatMonth } from "@/lib/format";
import { unprocessable } from "@/lib/http-errors";
import { isUuid } from "@/lib/ids";
import { isCursorTimestamp } from "@/lib/data/cursor";
import { computeMetrics } from "@/lib/metrics/compute-metrics";
import { addDays, daysBetween } from "@/lib/metrics/days";
import { detectInsights, type ClosedMonth, type InsightDraft } from "@/lib/metrics/insights";
import { parseAmount } from "@/lib/metrics/money";
import { addMonths } from "@/lib/metrics/months";
import { todayIn } from "@/lib/today";
import { errorFields, logLine } from "@/lib/log";

/** How often one user's feed is checked. */
export const CHECK_EVERY_MINUTES = 10;
/** Late payments older than this are not news when a feed is first checked. */
const LATE_NEWS_DAYS = 30;

/** The month that closed before `current` and its summary figures, or null when the history does not reach it. */
async function closedMonth(userId: string, current: string, now: Date): Promise<ClosedMonth | null> {
  const month = addMonths(current, -1);
  const after = computeMetrics(await loadMetricsInput(userId, { from: addMonths(month, -11), to: month }, now));
  if (after.history.firstMonth === null || after.history.firstMonth > month) return null;
  const before = computeMetrics(await loadMetricsInput(userId, { from: addMonths(month, -12), to: addMonths(month, -1) }, now));
  const last = after.monthly.length - 1;
  return {
    month,
    income: after.monthly[last]?.income ?? 0,
    average: before.history.analysisMonths > 0 ? before.resilience.monthlyIncome : null,
    streams: after.streams.map((s) => ({
      id: s.id,
      name: s.name,
      income: s.monthly[last]?.income ?? 0,
      previous: s.monthly[last - 1]?.income ?? 0,
    })),
    rulesBefore: before.history.analysisMonths > 0 ? before.rules : [],
    rulesAfter: after.rules,
  };
}

/** The drafts of everything that is news for this user now (already-raised ones are dropped on insert). */
async function draftsFor(userId: string, now: Date): Promise<InsightDraft[]> {
  const db = await getDb();
  const user = await getUser(userId);
  const today = todayIn(user.timeZone, now);
  const current = today.slice(0, 7);
  const [late, silence, thisMonth, names, closedKnown] = await Promise.all([
    loadOccurrences(userId, { from: addDays(today, -LATE_NEWS_DAYS), to: today }, db, now),
    loadSilence(userId, now),
    loadMetricsInput(userId, { from: current, to: current }, now).then(computeMetrics),
    db.select({ id: streams.id, name: streams.name }).from(streams).where(eq(streams.userId, userId)),
    db
      .select({ id: insights.id })
      .from(insights)
      .where(and(eq(insights.userId, userId), eq(insights.key, `month.closed:${addMonths(current, -1)}`)))
      .limit(1),
  ]);
  const nameOf = new Map(names.map((s) => [s.id, s.name]));
  const closed = closedKnown.length > 0 ? null : await closedMonth(userId, current, now);
  const money = (minor: number) => formatMoney(minor, user.baseCurrency);
  const decimal = (amount: string, currency: string) => {
    const parsed = parseAmount(amount, currency);
    return parsed.ok ? formatMoney(parsed.minor, currency) : `${amount} ${currency}`;
  };
  return detectInsights(
    {
      late: late
        .filter((o) => o.status === "late")
        .map((o) => ({
          scheduleId: o.scheduleId,
          streamId: o.streamId,
          name: o.schedule.name,
          streamName: nameOf.get(o.streamId) ?? "a stream",
          dueOn: o.dueOn,
          amount: o.amount,
          currency: o.currency,
          daysLate: daysBetween(o.dueOn, today),
        })),
      silent: silence.data.filter((s) => s.silent),
      goals: thisMonth.goals.months
        .filter((g) => g.month === current)
        .map((g) => ({
          streamId: g.streamId,
          streamName: g.streamId ? (nameOf.get(g.streamId) ?? null) : null,
          month: g.month,
          target: g.target,
          actual: g.actual,
        })),
      closed,
    },
    money,
    decimal,
    (m) => formatMonth(m),
  );
}

const WEBHOOK_EVENT = {
  "schedule.late": "schedule.late",
  "stream.silent": "stream.silent",
  "goal.reached": "goal.reached",
  "rule.changed": "rule.changed",
} as const;

/**
 * Checks one user's feed: raises what is new (once per key, in one transaction with its webhook
 * deliveries), then mails what has not been mailed yet when SMTP is set up. Answers how many were new.
 */
export async function checkInsights(userId: string, now = new Date()): Promise<number> {
  const drafts = await draftsFor(userId, now);
  const db = await getDb();
  const created = drafts.length
    ? await db.transaction(async (tx) => {
        const rows = await tx
          .insert(insights)
          .values(drafts.map((d) => ({ userId, ...d })))
          .onConflictDoNothing({ target: [insights.userId, insights.key] })
          .returning({
            id: insights.id,
            kind: insights.kind,
            title: insights.title,
            body: insights.body,
            data: insights.data,
            createdAt: insights.createdAt,
          });
        for (const row of rows) {
          if (row.kind === "month.closed") continue;
          await enqueueEvents(tx, userId, WEBHOOK_EVENT[row.kind], [{ id: row.id, title: row.title, body: row.body, ...row.data }], now);
        }
        return rows.length;
      })
    : 0;
  if (emailConfigured()) await mailUnsent(userId, now);
  return created;
}

/** One mail with every insight not mailed yet (of the last two days); marked only once the server took it. */
async function mailUnsent(userId: string, now: Date) {
  const db = await getDb();
  const unsent = await db
    .select({ id: insights.id, title: insights.title, body: insights.body })
    .from(insights)
    .where(and(eq(insights.userId, userId), isNull(insights.emailedAt), gt(insights.createdAt, new Date(now.getTime() - 2 * 86_400_000))))
    .orderBy(insights.createdAt, insights.id)
    .limit(50);
  if (unsent.length === 0) return;
  const [user] = await db.select({ email: users.email, name: users.name }).from(users).where(eq(users.id, userId));
  if (!user) return;
  await sendMail({
    to: user.email,
    subject: unsent.length === 1 ? unsent[0]!.title : `${unsent.length} things changed in your income`,
    text: `Hi ${user.name},\n\n${unsent.map((i) => `• ${i.title}\n  ${i.body}`).join("\n\n")}\n\nThe feed in Streamfolio has them all.\n`,
  });
  await db
    .update(insights)
    .set({ emailedAt: now })
    .where(
      and(
        eq(insights.userId, userId),
        inArray(
          insights.id,
          unsent.map((i) => i.id),
        ),
      ),
    );
}

/**
 * The background check: each user whose feed was last checked over 10 minutes ago, claimed by an atomic
 * upsert (another process that tries the same user gets nothing back and skips it). Answers how many
 * users were checked.
 */
export async function runInsightChecks(now = new Date(), limit = 20): Promise<number> {
  const db = await getDb();
  const due = await db
    .select({ id: users.id })
    .from(users)
    .leftJoin(insightChecks, eq(insightChecks.userId, users.id))
    .where(or(isNull(insightChecks.checkedAt), lt(insightChecks.checkedAt, new Date(now.getTime() - CHECK_EVERY_MINUTES * 60_000))))
    .limit(limit);
  let checked = 0;
  for (const { id } of due) {
    const claimed = await db
      .insert(insightChecks)
      .values({ userId: id, checkedAt: now })
      .onConflictDoUpdate({
        target: insightChecks.userId,
        set: { checkedAt: now },
        setWhere: lt(insightChecks.checkedAt, new Date(now.getTime() - CHECK_EVERY_MINUTES * 60_000)),
      })
      .returning({ userId: insightChecks.userId });
    if (claimed.length === 0) continue;
    try {
      await checkInsights(id, now);
      checked += 1;
    } catch (err) {
      logLine("error", "insight check failed", { userId: id, ...errorFields(err) });
    }
  }
  return checked;
}

// ── The feed's reads ──────────────────────────────────────────────────────────────────────────────

const feedColumns = {
  id: insights.id,
  kind: insights.kind,
  title: insights.title,
  body: insights.body,
  data: insights.data,
  readAt: insights.readAt,
  createdAt: insights.createdAt,
};

// To the microsecond: insights raised by one check share a created_at, and a Date would round it.
const exactCreatedAt = sql<string>`to_char(${insights.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
const feedCursor = (row: { at: string; id: string }) => Buffer.from(JSON.stringify([row.at, row.id])).toString("base64url");

function readFeedCursor(cursor: string): { at: string; id: string } {
  try {
    const v = JSON.parse(Buffer.from(cursor, "base64url").toString()) as unknown;
    if (Array.isArray(v) && typeof v[0] === "string" && isCursorTimestamp(v[0]) && typeof v[1] === "string" && isUuid(v[1]))
      return { at: v[0], id: v[1] };
  } catch {
    // not base64url JSON: the same answer as a forged one
  }
  throw unprocessable("The cursor is not valid.", [{ path: "cursor", message: "Use the nextCursor of a previous page." }]);
}

/** Newest first, keyset-paginated on (createdAt, id); with the unread count. */
export async function listInsights(userId: string, q: { limit: number; cursor?: string }) {
  const db = await getDb();
  const after = q.cursor ? readFeedCursor(q.cursor) : null;
  const rows = await db
    .select({ ...feedColumns, at: exactCreatedAt })
    .from(insights)
    .where(
      and(
        eq(insights.userId, userId),
        after ? sql`(${insights.createdAt}, ${insights.id}) < (${after.at}::timestamptz, ${after.id}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(insights.createdAt), desc(insights.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  const [unread] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(insights)
    .where(and(eq(insights.userId, userId), isNull(insights.readAt)));
  return {
    data: page.map(({ at: _at, ...row }) => row),
    nextCursor: rows.length > q.limit && last ? feedCursor(last) : null,
    unread: unread?.n ?? 0,
  };
}

export async function unreadInsights(userId: string): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(insights)
    .where(and(eq(insights.userId, userId), isNull(insights.readAt)));
  return row?.n ?? 0;
}

/** Marks the given insights (or all) read; answers the unread count after. */
export async function markInsightsRead(userId: string, ids: readonly string[] | null, now = new Date()) {
  const db = await getDb();
  await db
    .update(insights)
    .set({ readAt: now })
    .where(and(eq(insights.userId, userId), isNull(insights.readAt), ids ? inArray(insights.id, ids.filter(isUuid)) : undefined));
  return unreadInsights(userId);
}
