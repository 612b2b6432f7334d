import "server-only";
import { and, asc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { getDb, type Executor } from "@/db/index";
import { schedules, streams, transactions } from "@/db/schema";
import { decodeCursor, encodeCursor } from "@/lib/data/cursor";
import { getUser } from "@/lib/data/users";
import { notFound, unprocessable, type FieldError } from "@/lib/http-errors";
import { isUuid } from "@/lib/ids";
import { addDays } from "@/lib/metrics/days";
import { formatMinor, parseAmount } from "@/lib/metrics/money";
import type { MatchableSchedule } from "@/lib/metrics/schedule-match";
import { scheduleOccurrences, type LinkedTransaction, type ScheduleRule } from "@/lib/metrics/schedules";
import {
  POSITIVE_AMOUNT,
  type CreateScheduleInput,
  type OccurrencesQuery,
  type OccurrenceView,
  type UpdateScheduleInput,
} from "@/lib/schemas/schedules";
import { todayIn } from "@/lib/today";

/** A schedule as every reader selects it (the API, the backup, the self-logging job): never user_id. */
export const scheduleColumns = {
  id: schedules.id,
  streamId: schedules.streamId,
  name: schedules.name,
  counterparty: schedules.counterparty,
  kind: schedules.kind,
  amountMinor: schedules.amountMinor,
  currency: schedules.currency,
  cadence: schedules.cadence,
  interval: schedules.interval,
  startOn: schedules.startOn,
  endOn: schedules.endOn,
  graceDays: schedules.graceDays,
  autoLog: schedules.autoLog,
  createdAt: schedules.createdAt,
  updatedAt: schedules.updatedAt,
};

export type ScheduleRow = Awaited<ReturnType<typeof selectSchedules>>[number];

/** The wire shape: `amount` as a decimal string next to the integer `amountMinor`. */
export const presentSchedule = (row: ScheduleRow) => ({ ...row, amount: formatMinor(row.amountMinor, row.currency) });

function selectSchedules(db: Executor, userId: string, filter: { ids?: readonly string[]; streamId?: string } = {}) {
  return db
    .select(scheduleColumns)
    .from(schedules)
    .where(
      and(
        eq(schedules.userId, userId),
        filter.ids ? inArray(schedules.id, [...filter.ids]) : undefined,
        filter.streamId ? eq(schedules.streamId, filter.streamId) : undefined,
      ),
    )
    .orderBy(asc(schedules.startOn), asc(schedules.id));
}

export async function listSchedules(userId: string, filter: { stream?: string } = {}) {
  const db = await getDb();
  return (await selectSchedules(db, userId, { streamId: filter.stream })).map(presentSchedule);
}

export async function getSchedule(userId: string, id: string, db?: Executor) {
  if (!isUuid(id)) throw notFound("Schedule");
  const [row] = await selectSchedules(db ?? (await getDb()), userId, { ids: [id] });
  if (!row) throw notFound("Schedule");
  return presentSchedule(row);
}

/** The caller's stream by id, or a field error: a schedule names its stream in the body, so a wrong one is a 422. */
async function streamErrors(db: Executor, userId: string, streamId: string): Promise<FieldError[]> {
  if (!isUuid(streamId)) return [{ path: "streamId", message: "No such stream." }];
  const [row] = await db
    .select({ id: streams.id })
    .from(streams)
    .where(and(eq(streams.userId, userId), eq(streams.id, streamId)))
    .limit(1);
  return row ? [] : [{ path: "streamId", message: "No such stream." }];
}

function amountOf(amount: string | number, currency: string, errors: FieldError[]): number {
  const parsed = parseAmount(amount, currency);
  if (!parsed.ok) errors.push({ path: "amount", message: parsed.message });
  else if (parsed.minor <= 0) errors.push({ path: "amount", message: POSITIVE_AMOUNT });
  return parsed.ok ? parsed.minor : 0;
}

export async function createSchedule(userId: string, input: CreateScheduleInput) {
  const db = await getDb();
  const currency = input.currency ?? (await getUser(userId)).baseCurrency;
  const errors = await streamErrors(db, userId, input.streamId);
  const amountMinor = amountOf(input.amount, currency, errors);
  if (errors.length) throw unprocessable("The schedule did not pass validation; nothing was saved.", errors);
  const { amount: _amount, ...rest } = input;
  const [row] = await db
    .insert(schedules)
    .values({ ...rest, currency, amountMinor, userId })
    .returning({ id: schedules.id });
  return getSchedule(userId, row!.id, db);
}

export async function updateSchedule(userId: string, id: string, patch: UpdateScheduleInput) {
  const db = await getDb();
  // Read before the transaction: a query on the pool inside it waits forever on PGlite's one connection.
  const timeZone = patch.autoLog === true ? (await getUser(userId)).timeZone : null;
  return db.transaction(async (tx) => {
    const current = await getSchedule(userId, id, tx);
    const errors = patch.streamId !== undefined ? await streamErrors(tx, userId, patch.streamId) : [];
    const currency = patch.currency ?? current.currency;
    const amountMinor =
      patch.amount !== undefined || currency !== current.currency
        ? amountOf(patch.amount ?? current.amount, currency, errors)
        : current.amountMinor;
    const startOn = patch.startOn ?? current.startOn;
    const endOn = patch.endOn !== undefined ? patch.endOn : current.endOn;
    if (endOn !== null && endOn < startOn) errors.push({ path: "endOn", message: "The end date is before the start date." });
    if (errors.length) throw unprocessable("The change did not pass validation.", errors);
    const { amount: _amount, ...rest } = patch;
    // Switched on now: from today on, not every occurrence since the schedule was created.
    const autoLogFrom =
      patch.autoLog === true && !current.autoLog && timeZone !== null ? { autoLoggedThrough: addDays(todayIn(timeZone), -1) } : {};
    await tx
      .update(schedules)
      .set({ ...rest, ...autoLogFrom, currency, amountMinor })
      .where(and(eq(schedules.id, id), eq(schedules.userId, userId)));
    return getSchedule(userId, id, tx);
  });
}

/** Deletes the schedule; its payments stay, unlinked (the foreign key sets their schedule_id to null). */
export async function deleteSchedule(userId: string, id: string) {
  if (!isUuid(id)) throw notFound("Schedule");
  const db = await getDb();
  const deleted = await db
    .delete(schedules)
    .where(and(eq(schedules.id, id), eq(schedules.userId, userId)))
    .returning({ id: schedules.id });
  if (deleted.length === 0) throw notFound("Schedule");
}

/**
 * The problems with the `scheduleId`s of a batch: each must be the caller's schedule, on the item's
 * stream and of its kind. `items[i].streamId` is the resolved stream.
 */
export async function scheduleRefErrors(
  db: Executor,
  userId: string,
  items: readonly { scheduleId?: string | null; streamId: string | undefined; kind: "income" | "expense" }[],
  prefix: (i: number) => string,
): Promise<FieldError[]> {
  const ids = [...new Set(items.flatMap((t) => (t.scheduleId && isUuid(t.scheduleId) ? [t.scheduleId] : [])))];
  const found = new Map(
    ids.length
      ? (
          await db
            .select({ id: schedules.id, streamId: schedules.streamId, kind: schedules.kind })
            .from(schedules)
            .where(and(eq(schedules.userId, userId), inArray(schedules.id, ids)))
        ).map((s) => [s.id, s])
      : [],
  );
  return items.flatMap((t, i): FieldError[] => {
    if (!t.scheduleId) return [];
    const s = found.get(t.scheduleId);
    if (!s) return [{ path: `${prefix(i)}scheduleId`, message: "No such schedule." }];
    if (t.streamId !== undefined && s.streamId !== t.streamId)
      return [{ path: `${prefix(i)}scheduleId`, message: "That schedule belongs to another stream." }];
    if (s.kind !== t.kind) return [{ path: `${prefix(i)}scheduleId`, message: `That schedule expects ${s.kind}, not ${t.kind}.` }];
    return [];
  });
}

export const ruleOf = (s: ScheduleRow): ScheduleRule => ({
  cadence: s.cadence,
  interval: s.interval,
  startOn: s.startOn,
  endOn: s.endOn,
  graceDays: s.graceDays,
});

/** Each schedule's linked transactions, in settlement order (occurredOn, then creation, then id). */
export async function linkedTransactions(db: Executor, userId: string, scheduleIds: readonly string[]) {
  const byId = new Map<string, LinkedTransaction[]>(scheduleIds.map((id) => [id, []]));
  if (scheduleIds.length === 0) return byId;
  const rows = await db
    .select({ id: transactions.id, scheduleId: transactions.scheduleId, occurredOn: transactions.occurredOn })
    .from(transactions)
    .where(and(eq(transactions.userId, userId), isNotNull(transactions.scheduleId), inArray(transactions.scheduleId, [...scheduleIds])))
    .orderBy(asc(transactions.occurredOn), asc(transactions.createdAt), asc(transactions.id));
  rows.forEach((r, i) => byId.get(r.scheduleId!)?.push({ id: r.id, occurredOn: r.occurredOn, createdOrder: i }));
  return byId;
}

/**
 * The caller's schedules with the due dates of their unsettled occurrences up to `until`, for matching
 * payments to them (lib/metrics/schedule-match.ts). Empty, after one cheap query, for users without schedules.
 */
export async function loadMatchableSchedules(db: Executor, userId: string, until: string): Promise<MatchableSchedule[]> {
  const rows = await selectSchedules(db, userId);
  if (rows.length === 0) return [];
  const linked = await linkedTransactions(
    db,
    userId,
    rows.map((s) => s.id),
  );
  return rows.map((s) => ({
    id: s.id,
    streamId: s.streamId,
    kind: s.kind,
    currency: s.currency,
    amountMinor: s.amountMinor,
    counterparty: s.counterparty,
    rule: ruleOf(s),
    // Status does not matter here, only whether an occurrence is settled: `today` is any date.
    open: scheduleOccurrences(ruleOf(s), linked.get(s.id) ?? [], until, until)
      .filter((o) => o.transactionId === null)
      .map((o) => o.dueOn),
  }));
}

export interface LoadedOccurrence extends OccurrenceView {
  schedule: ScheduleRow;
}

/**
 * Every occurrence of the caller's schedules due from `from` to `to` (inclusive), settled from scratch
 * and with its status on the user's today, ordered by due date, then schedule.
 */
export async function loadOccurrences(
  userId: string,
  range: { from: string; to: string; stream?: string },
  db?: Executor,
  now = new Date(),
): Promise<LoadedOccurrence[]> {
  const conn = db ?? (await getDb());
  const user = await getUser(userId);
  const today = todayIn(user.timeZone, now);
  const rows = await selectSchedules(conn, userId, { streamId: range.stream });
  const linked = await linkedTransactions(
    conn,
    userId,
    rows.map((s) => s.id),
  );
  const out: LoadedOccurrence[] = [];
  for (const s of rows) {
    for (const o of scheduleOccurrences(ruleOf(s), linked.get(s.id) ?? [], today, range.to)) {
      if (o.dueOn < range.from || o.dueOn > range.to) continue;
      out.push({
        schedule: s,
        scheduleId: s.id,
        streamId: s.streamId,
        dueOn: o.dueOn,
        amount: formatMinor(s.amountMinor, s.currency),
        amountMinor: s.amountMinor,
        currency: s.currency,
        status: o.status,
        transactionId: o.transactionId,
      });
    }
  }
  return out.sort((a, b) => (a.dueOn !== b.dueOn ? (a.dueOn < b.dueOn ? -1 : 1) : a.scheduleId < b.scheduleId ? -1 : 1));
}

/** GET /api/v1/schedules/occurrences: a page of occurrences after the cursor's (dueOn, scheduleId). */
export async function listOccurrences(userId: string, q: OccurrencesQuery) {
  const after = q.cursor ? decodeCursor(q.cursor) : null;
  const all = (await loadOccurrences(userId, q)).filter(
    (o) =>
      (!q.status || o.status === q.status) &&
      (!after || o.dueOn > after.occurredOn || (o.dueOn === after.occurredOn && o.scheduleId > after.id)),
  );
  const page = all.slice(0, q.limit).map(({ schedule: _s, ...o }) => o);
  const last = page[page.length - 1];
  return { data: page, nextCursor: all.length > q.limit && last ? encodeCursor({ occurredOn: last.dueOn, id: last.scheduleId }) : null };
}

/** The sum that links a stream's income to schedules, per history month: what the plan's trend leaves out. */
export async function scheduledIncomeMonths(userId: string, from: string, to: string) {
  const db = await getDb();
  const month = sql<string>`to_char(${transactions.occurredOn}, 'YYYY-MM')`;
  const rows = await db
    .select({ streamId: transactions.streamId, month, income: sql<string>`sum(${transactions.amountBaseMinor})` })
    .from(transactions)
    .where(
      and(
        eq(transactions.userId, userId),
        isNotNull(transactions.scheduleId),
        eq(transactions.kind, "income"),
        isNotNull(transactions.amountBaseMinor),
        sql`${transactions.occurredOn} between ${from}::date and ${to}::date`,
      ),
    )
    .groupBy(transactions.streamId, month);
  return rows.map((r) => ({ streamId: r.streamId, month: r.month, income: Number(r.income) }));
}
