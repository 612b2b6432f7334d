import "server-only";
import { and, desc, eq, gte, lte, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/index";
import { timeEntries } from "@/db/schema";
import { decodeCursor, pageOf } from "@/lib/data/cursor";
import { getStream } from "@/lib/data/streams";
import { ApiError, notFound, unprocessable } from "@/lib/http-errors";
import { isUuid } from "@/lib/ids";
import type { CreateTimeEntryInput, UpdateTimeEntryInput } from "@/lib/schemas/time-entries";

const columns = {
  id: timeEntries.id,
  streamId: timeEntries.streamId,
  occurredOn: timeEntries.occurredOn,
  minutes: timeEntries.minutes,
  note: timeEntries.note,
  createdAt: timeEntries.createdAt,
  updatedAt: timeEntries.updatedAt,
};

const present = <T extends { minutes: number }>(row: T) => ({ ...row, hours: row.minutes / 60 });

/** The stream must be the caller's: another user's id reads as missing, reported on the field. */
async function requireOwnStream(userId: string, streamId: string) {
  try {
    await getStream(userId, streamId);
  } catch (err) {
    if (err instanceof ApiError && err.status === 404)
      throw unprocessable("The time entry did not pass validation.", [{ path: "streamId", message: "No such stream." }]);
    throw err;
  }
}

export async function createTimeEntry(userId: string, input: CreateTimeEntryInput) {
  await requireOwnStream(userId, input.streamId);
  const db = await getDb();
  const [row] = await db
    .insert(timeEntries)
    .values({ userId, streamId: input.streamId, occurredOn: input.occurredOn, minutes: input.minutes, note: input.note })
    .returning(columns);
  return present(row!);
}

export async function listTimeEntries(userId: string, q: { stream?: string; from?: string; to?: string; limit: number; cursor?: string }) {
  const db = await getDb();
  const where: (SQL | undefined)[] = [eq(timeEntries.userId, userId)];
  if (q.stream) {
    // A stream id, or a stream's name as the transactions list accepts it.
    where.push(
      isUuid(q.stream)
        ? eq(timeEntries.streamId, q.stream)
        : sql`${timeEntries.streamId} in (select id from streams where user_id = ${userId} and lower(name) = ${q.stream.toLowerCase()})`,
    );
  }
  if (q.from) where.push(gte(timeEntries.occurredOn, q.from));
  if (q.to) where.push(lte(timeEntries.occurredOn, q.to));
  if (q.cursor) {
    const after = decodeCursor(q.cursor);
    where.push(sql`(${timeEntries.occurredOn}, ${timeEntries.id}) < (${after.occurredOn}::date, ${after.id}::uuid)`);
  }
  const rows = await db
    .select(columns)
    .from(timeEntries)
    .where(and(...where))
    .orderBy(desc(timeEntries.occurredOn), desc(timeEntries.id))
    .limit(q.limit + 1);
  const { page, nextCursor } = pageOf(rows, q.limit);
  return { data: page.map(present), nextCursor };
}

export async function updateTimeEntry(userId: string, id: string, patch: UpdateTimeEntryInput) {
  if (!isUuid(id)) throw notFound("Time entry");
  if (patch.streamId !== undefined) await requireOwnStream(userId, patch.streamId);
  const db = await getDb();
  const [row] = await db
    .update(timeEntries)
    .set({
      ...(patch.streamId !== undefined ? { streamId: patch.streamId } : {}),
      ...(patch.occurredOn !== undefined ? { occurredOn: patch.occurredOn } : {}),
      ...(patch.minutes !== undefined ? { minutes: patch.minutes } : {}),
      ...(patch.note !== undefined ? { note: patch.note } : {}),
    })
    .where(and(eq(timeEntries.id, id), eq(timeEntries.userId, userId)))
    .returning(columns);
  if (!row) throw notFound("Time entry");
  return present(row);
}

export async function deleteTimeEntry(userId: string, id: string) {
  if (!isUuid(id)) throw notFound("Time entry");
  const db = await getDb();
  const [row] = await db
    .delete(timeEntries)
    .where(and(eq(timeEntries.id, id), eq(timeEntries.userId, userId)))
    .returning(columns);
  if (!row) throw notFound("Time entry");
  return present(row);
}
