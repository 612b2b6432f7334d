import "server-only";
import { cache } from "react";
import { and, asc, count, eq, inArray, ne, sql } from "drizzle-orm";
import { getDb, type Executor } from "@/db/index";
import { streams, transactions } from "@/db/schema";
import { conflict, notFound, pgCode } from "@/lib/http-errors";
import { isUuid } from "@/lib/ids";
import type { CreateStreamInput, UpdateStreamInput } from "@/lib/schemas/streams";
import { pickStreamColor } from "@/lib/stream-colors";
import { setStreamFeeds } from "./stream-feeds";

export const streamColumns = {
  id: streams.id,
  name: streams.name,
  kind: streams.kind,
  role: streams.role,
  platform: streams.platform,
  status: streams.status,
  startedOn: streams.startedOn,
  color: streams.color,
  description: streams.description,
  // numeric(5,4) answered as the number the API gives (0.25), not the text "0.2500".
  taxRate: sql<number | null>`${streams.taxRate}::float8`,
  createdAt: streams.createdAt,
  updatedAt: streams.updatedAt,
};

function nameTaken(name: string) {
  return conflict(`You already have a stream named “${name}”.`, [{ path: "name", message: `You already have a stream named “${name}”.` }]);
}

const isUniqueViolation = (err: unknown) => pgCode(err) === "23505";

export async function listStreams(userId: string, filter: { status?: "active" | "paused" | "archived" } = {}) {
  const db = await getDb();
  return db
    .select(streamColumns)
    .from(streams)
    .where(and(eq(streams.userId, userId), filter.status ? eq(streams.status, filter.status) : undefined))
    .orderBy(asc(sql`lower(${streams.name})`), asc(streams.id));
}

async function getStreamUncached(userId: string, id: string, db?: Executor) {
  if (!isUuid(id)) throw notFound("Stream");
  const conn = db ?? (await getDb());
  const [row] = await conn
    .select(streamColumns)
    .from(streams)
    .where(and(eq(streams.id, id), eq(streams.userId, userId)))
    .limit(1);
  if (!row) throw notFound("Stream");
  return row;
}

/** Once per request in a server render: the stream page, its metadata and its loaders ask for the same stream. */
export const getStream = cache(getStreamUncached);

/** The colours of the user's streams (but `except`), for picking a new one. */
async function usedColors(conn: Executor, userId: string, except?: string) {
  const rows = await conn
    .select({ color: streams.color })
    .from(streams)
    .where(and(eq(streams.userId, userId), except ? ne(streams.id, except) : undefined));
  return rows.map((r) => r.color);
}

/**
 * Creates a stream. Its colour is fixed here: the one given, else the first preset none of the user's
 * streams uses (round-robin once all are taken), stored so that it never changes as streams come and go.
 */
export async function createStream(userId: string, input: CreateStreamInput, db?: Executor) {
  const conn = db ?? (await getDb());
  const color = input.color ?? pickStreamColor(await usedColors(conn, userId));
  const { feeds, ...values } = input;
  const insert = async (tx: Executor) => {
    const [row] = await tx
      .insert(streams)
      .values({ ...values, color, userId })
      .returning(streamColumns);
    if (feeds !== undefined) await setStreamFeeds(tx, userId, row!.id, feeds);
    return row!;
  };
  try {
    // With links, the stream and its links are one write: a wrong link leaves no stream behind.
    return feeds === undefined || db ? await insert(conn) : await conn.transaction(insert);
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken(input.name);
    throw err;
  }
}

/** Changes a stream; a colour set to null ("automatic") is picked again as for a new stream, never left empty. */
export async function updateStream(userId: string, id: string, patch: UpdateStreamInput) {
  if (!isUuid(id)) throw notFound("Stream");
  const db = await getDb();
  const { feeds, ...fields } = patch;
  const set = fields.color === null ? { ...fields, color: pickStreamColor(await usedColors(db, userId, id)) } : fields;
  try {
    return await db.transaction(async (tx) => {
      const [row] =
        Object.keys(set).length > 0
          ? await tx
              .update(streams)
              .set(set)
              .where(and(eq(streams.id, id), eq(streams.userId, userId)))
              .returning(streamColumns)
          : await tx
              .select(streamColumns)
              .from(streams)
              .where(and(eq(streams.id, id), eq(streams.userId, userId)));
      if (!row) throw notFound("Stream");
      if (feeds !== undefined) await setStreamFeeds(tx, userId, id, feeds);
      return row;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken(patch.name ?? "");
    throw err;
  }
}

export async function countStreamTransactions(userId: string, id: string): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .select({ n: count() })
    .from(transactions)
    .where(and(eq(transactions.userId, userId), eq(transactions.streamId, id)));
  return Number(row?.n ?? 0);
}

/**
 * Deletes a stream with its hours and goals. A stream with transactions is a 409 unless `cascade`,
 * because archiving is the normal way to retire one and money history should not vanish by accident.
 */
export async function deleteStream(userId: string, id: string, cascade: boolean, expectedTransactions?: number) {
  const stream = await getStream(userId, id);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ n: count() })
      .from(transactions)
      .where(and(eq(transactions.userId, userId), eq(transactions.streamId, id)));
    const n = Number(row?.n ?? 0);
    const rows = `${n} transaction${n === 1 ? "" : "s"}`;
    if (n > 0 && !cascade)
      throw conflict(`“${stream.name}” has ${rows}. Archive it instead, or delete with ?cascade=true to delete them too.`);
    // Rows logged after the user saw the count (another tab, an automation) are never deleted unseen.
    if (cascade && expectedTransactions !== undefined && expectedTransactions !== n) {
      throw conflict(`“${stream.name}” now has ${rows}, not ${expectedTransactions}. Nothing was deleted.`);
    }
    if (n > 0) await tx.delete(transactions).where(and(eq(transactions.userId, userId), eq(transactions.streamId, id)));
    await tx.delete(streams).where(and(eq(streams.id, id), eq(streams.userId, userId)));
    return { ...stream, deletedTransactions: n };
  });
}

/** Resolves stream references of a batch: ids must be the user's; names match case-insensitively. */
export async function resolveStreamRefs(db: Executor, userId: string, ids: string[], names: string[]) {
  const validIds = ids.filter(isUuid);
  const lowered = [...new Set(names.map((n) => n.toLowerCase()))];
  const rows =
    validIds.length + lowered.length === 0
      ? []
      : await db
          .select({ id: streams.id, name: streams.name })
          .from(streams)
          .where(
            and(
              eq(streams.userId, userId),
              sql`(${validIds.length ? inArray(streams.id, validIds) : sql`false`} or ${lowered.length ? inArray(sql`lower(${streams.name})`, lowered) : sql`false`})`,
            ),
          );
  return {
    byId: new Map(rows.map((r) => [r.id, r])),
    byName: new Map(rows.map((r) => [r.name.toLowerCase(), r])),
  };
}
