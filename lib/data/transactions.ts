import "server-only";
import { and, desc, eq, gte, ilike, inArray, lte, or, sql, type SQL } from "drizzle-orm";
import { getDb, type Executor } from "@/db/index";
import { streams, transactions } from "@/db/schema";
import { decodeCursor, pageOf } from "@/lib/data/cursor";
import { baseAmounts } from "@/lib/data/fx";
import { assertTotalsFit, TOTAL_LIMIT_MESSAGE } from "@/lib/data/money-limits";
import { scheduleRefErrors } from "@/lib/data/schedules";
import { enqueueEvents } from "@/lib/data/webhooks";
import { upsertRollupsInKeyOrder, writeTransaction } from "@/lib/data/retry";
import { resolveStreamRefs } from "@/lib/data/streams";
import { getBaseCurrency } from "@/lib/data/users";
import { notFound, unprocessable, type FieldError } from "@/lib/http-errors";
import { isUuid } from "@/lib/ids";
import { formatMinor, parseAmount } from "@/lib/metrics/money";
import {
  ZERO_AMOUNT,
  type ListTransactionsQuery,
  type StreamRef,
  type TransactionInput,
  type TransactionView,
  type UpdateTransactionInput,
} from "@/lib/schemas/transactions";

const columns = {
  id: transactions.id,
  streamId: transactions.streamId,
  streamName: streams.name,
  kind: transactions.kind,
  occurredOn: transactions.occurredOn,
  amountMinor: transactions.amountMinor,
  currency: transactions.currency,
  baseAmountMinor: transactions.amountBaseMinor,
  counterparty: transactions.counterparty,
  platform: transactions.platform,
  description: transactions.description,
  externalId: transactions.externalId,
  scheduleId: transactions.scheduleId,
  createdAt: transactions.createdAt,
  updatedAt: transactions.updatedAt,
};

type Row = Omit<TransactionView, "amount" | "createdAt" | "updatedAt"> & { createdAt: Date; updatedAt: Date };

/** The wire shape: `amount` as a decimal string next to the integer `amountMinor`. */
export function present(row: Row) {
  return { ...row, amount: formatMinor(row.amountMinor, row.currency) };
}

/**
 * Inserts a batch all-or-nothing. Stream references are resolved first and every item's problems are
 * reported together (paths prefixed by `pathPrefix(i)`). Rows whose externalId the user already has
 * (or that repeat one inside the batch) are skipped by the unique index and counted as duplicates,
 * which also holds when two identical batches race.
 */
export async function createTransactions(
  userId: string,
  items: readonly TransactionInput[],
  opts: { pathPrefix?: (i: number) => string; db?: Executor } = {},
) {
  const prefix = opts.pathPrefix ?? ((i: number) => `${i}.`);
  const run = async (tx: Executor) => {
    await upsertRollupsInKeyOrder(tx);
    const refs = await resolveStreamRefs(
      tx,
      userId,
      items.flatMap((t) => (t.streamId ? [t.streamId] : [])),
      items.flatMap((t) => (!t.streamId && t.stream ? [t.stream] : [])),
    );
    const errors: FieldError[] = [];
    const streamOf = items.map((t, i) => {
      const s = t.streamId ? refs.byId.get(t.streamId) : refs.byName.get((t.stream ?? "").toLowerCase());
      if (!s) {
        errors.push(
          t.streamId
            ? { path: `${prefix(i)}streamId`, message: "No such stream." }
            : { path: `${prefix(i)}stream`, message: `No stream named “${t.stream}”. Create it first.` },
        );
      }
      return s;
    });
    errors.push(
      ...(await scheduleRefErrors(
        tx,
        userId,
        items.map((t, i) => ({ scheduleId: t.scheduleId, streamId: streamOf[i]?.id, kind: t.kind })),
        prefix,
      )),
    );
    if (errors.length > 0) throw unprocessable("Some items did not pass validation; nothing was saved.", errors);

    const base = await getBaseCurrency(tx, userId, "share");
    const tooLarge: FieldError[] = [];
    const converted = await baseAmounts(tx, userId, base, items, (i) =>
      tooLarge.push({ path: `${prefix(i)}amount`, message: TOTAL_LIMIT_MESSAGE }),
    );
    if (tooLarge.length > 0) throw unprocessable("Some amounts are too large in your base currency; nothing was saved.", tooLarge);
    const values = items.map((t, i) => ({
      userId,
      streamId: streamOf[i]!.id,
      kind: t.kind,
      occurredOn: t.occurredOn,
      amountMinor: t.amountMinor,
      currency: t.currency,
      amountBaseMinor: converted[i] ?? null,
      counterparty: t.counterparty,
      platform: t.platform,
      description: t.description,
      externalId: t.externalId,
      scheduleId: t.scheduleId ?? null,
    }));
    const inserted: { id: string }[] = [];
    // Postgres caps a statement at 65,535 parameters; 1,000 rows of 11 columns stays well below.
    for (let i = 0; i < values.length; i += 1000) {
      const chunk = values.slice(i, i + 1000);
      if (chunk.length === 0) continue;
      inserted.push(
        ...(await tx
          .insert(transactions)
          .values(chunk)
          .onConflictDoNothing({ target: [transactions.userId, transactions.externalId] })
          .returning({ id: transactions.id })),
      );
    }
    const names = new Map(streamOf.map((s) => [s!.id, s!.name]));
    const rows = inserted.length
      ? await tx
          .select(columns)
          .from(transactions)
          .innerJoin(streams, eq(streams.id, transactions.streamId))
          .where(
            and(
              eq(transactions.userId, userId),
              inArray(
                transactions.id,
                inserted.map((r) => r.id),
              ),
            ),
          )
      : [];
    // A batch as a whole (one item: its amount) must keep the user's totals exact.
    if (inserted.length > 0) await assertTotalsFit(tx, userId, prefix(0) === "" ? "amount" : "");
    const order = new Map(inserted.map((r, i) => [r.id, i]));
    rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
    const data = rows.map((r) => present({ ...r, streamName: names.get(r.streamId) ?? r.streamName }));
    await enqueueEvents(tx, userId, "transaction.created", data);
    return { inserted: rows.length, duplicates: items.length - rows.length, data };
  };
  if (opts.db) return run(opts.db);
  return writeTransaction(run);
}

/** Problems with the stream references of a batch (unknown ids or names), by item, for reporting with field errors. */
export async function streamRefErrors(userId: string, refs: readonly StreamRef[], prefix: (i: number) => string): Promise<FieldError[]> {
  if (refs.length === 0) return [];
  const db = await getDb();
  const found = await resolveStreamRefs(
    db,
    userId,
    refs.flatMap((r) => (r.streamId ? [r.streamId] : [])),
    refs.flatMap((r) => (!r.streamId && r.stream ? [r.stream] : [])),
  );
  return refs.flatMap((r) => {
    if (r.streamId) return found.byId.has(r.streamId) ? [] : [{ path: `${prefix(r.index)}streamId`, message: "No such stream." }];
    return found.byName.has((r.stream ?? "").toLowerCase())
      ? []
      : [{ path: `${prefix(r.index)}stream`, message: `No stream named “${r.stream}”. Create it first.` }];
  });
}

/** The existing transaction with this externalId (what a repeated single POST answers). */
export async function findByExternalId(userId: string, externalId: string) {
  const db = await getDb();
  const [row] = await db
    .select(columns)
    .from(transactions)
    .innerJoin(streams, eq(streams.id, transactions.streamId))
    .where(and(eq(transactions.userId, userId), eq(transactions.externalId, externalId)))
    .limit(1);
  return row ? present(row) : null;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Newest first, keyset-paginated on (occurredOn, id) so deep pages cost the same as the first. */
export async function listTransactions(userId: string, q: ListTransactionsQuery) {
  const db = await getDb();
  const where: (SQL | undefined)[] = [eq(transactions.userId, userId)];
  if (q.stream) {
    where.push(isUuid(q.stream) ? eq(transactions.streamId, q.stream) : sql`lower(${streams.name}) = ${q.stream.toLowerCase()}`);
  }
  if (q.kind) where.push(eq(transactions.kind, q.kind));
  if (q.importId) where.push(eq(transactions.importId, q.importId));
  if (q.from) where.push(gte(transactions.occurredOn, q.from));
  if (q.to) where.push(lte(transactions.occurredOn, q.to));
  if (q.q) {
    const pattern = `%${escapeLike(q.q)}%`;
    where.push(
      or(
        ilike(transactions.description, pattern),
        ilike(transactions.counterparty, pattern),
        ilike(transactions.platform, pattern),
        ilike(streams.name, pattern),
      ),
    );
  }
  if (q.cursor) {
    const after = decodeCursor(q.cursor);
    where.push(sql`(${transactions.occurredOn}, ${transactions.id}) < (${after.occurredOn}::date, ${after.id}::uuid)`);
  }
  const rows = await db
    .select(columns)
    .from(transactions)
    .innerJoin(streams, eq(streams.id, transactions.streamId))
    .where(and(...where))
    .orderBy(desc(transactions.occurredOn), desc(transactions.id))
    .limit(q.limit + 1);
  const { page, nextCursor } = pageOf(rows, q.limit);
  return { data: page.map(present), nextCursor };
}

export async function getTransaction(userId: string, id: string, db?: Executor) {
  if (!isUuid(id)) throw notFound("Transaction");
  const conn = db ?? (await getDb());
  const [row] = await conn
    .select(columns)
    .from(transactions)
    .innerJoin(streams, eq(streams.id, transactions.streamId))
    .where(and(eq(transactions.id, id), eq(transactions.userId, userId)))
    .limit(1);
  if (!row) throw notFound("Transaction");
  return present(row);
}

export async function updateTransaction(userId: string, id: string, patch: UpdateTransactionInput) {
  return writeTransaction(async (tx) => {
    const current = await getTransaction(userId, id, tx);
    const errors: FieldError[] = [];
    let streamId = current.streamId;
    if (patch.streamId !== undefined || patch.stream !== undefined) {
      const byId = patch.streamId !== undefined;
      const refs = await resolveStreamRefs(tx, userId, byId ? [patch.streamId!] : [], byId ? [] : [patch.stream!]);
      const s = byId ? refs.byId.get(patch.streamId!) : refs.byName.get(patch.stream!.toLowerCase());
      if (s) streamId = s.id;
      else
        errors.push(
          byId ? { path: "streamId", message: "No such stream." } : { path: "stream", message: `No stream named “${patch.stream}”.` },
        );
    }
    const currency = patch.currency ?? current.currency;
    let amountMinor = current.amountMinor;
    if (patch.amount !== undefined || currency !== current.currency) {
      const parsed = parseAmount(patch.amount ?? current.amount, currency);
      if (!parsed.ok) errors.push({ path: "amount", message: parsed.message });
      else if (parsed.minor === 0) errors.push({ path: "amount", message: ZERO_AMOUNT });
      else amountMinor = parsed.minor;
    }
    const kind = patch.kind ?? current.kind;
    const scheduleId = patch.scheduleId !== undefined ? patch.scheduleId : current.scheduleId;
    // A move to another stream or kind must still fit the schedule it settles.
    errors.push(...(await scheduleRefErrors(tx, userId, [{ scheduleId, streamId, kind }], () => "")));
    if (errors.length) throw unprocessable("The change did not pass validation.", errors);
    const occurredOn = patch.occurredOn ?? current.occurredOn;
    const base = await getBaseCurrency(tx, userId, "share");
    const [amountBaseMinor] = await baseAmounts(tx, userId, base, [{ amountMinor, currency, occurredOn }], () => {
      throw unprocessable("The change did not pass validation.", [{ path: "amount", message: TOTAL_LIMIT_MESSAGE }]);
    });
    await tx
      .update(transactions)
      .set({
        streamId,
        kind,
        scheduleId,
        occurredOn,
        amountMinor,
        currency,
        amountBaseMinor: amountBaseMinor ?? null,
        ...(patch.counterparty !== undefined ? { counterparty: patch.counterparty } : {}),
        ...(patch.platform !== undefined ? { platform: patch.platform } : {}),
        ...(patch.description !== undefined ? { description: patch.description } : {}),
        ...(patch.externalId !== undefined ? { externalId: patch.externalId } : {}),
      })
      .where(and(eq(transactions.id, id), eq(transactions.userId, userId)));
    await assertTotalsFit(tx, userId, "amount");
    const updated = await getTransaction(userId, id, tx);
    await enqueueEvents(tx, userId, "transaction.updated", [updated]);
    return updated;
  });
}

/** Answers the deleted transaction, so a client can offer undo by posting it back. */
export async function deleteTransaction(userId: string, id: string) {
  return writeTransaction(async (tx) => {
    const current = await getTransaction(userId, id, tx);
    await tx.delete(transactions).where(and(eq(transactions.id, id), eq(transactions.userId, userId)));
    await enqueueEvents(tx, userId, "transaction.deleted", [current]);
    return current;
  });
}

/** Earlier counterparties and platforms, most recently used first, for the quick-add form. */
export async function transactionSuggestions(userId: string) {
  const db = await getDb();
  const recent = (column: typeof transactions.counterparty | typeof transactions.platform) =>
    db
      .select({
        value: sql<string>`(array_agg(btrim(${column}) order by ${transactions.occurredOn} desc, ${transactions.createdAt} desc))[1]`,
      })
      .from(transactions)
      .where(and(eq(transactions.userId, userId), sql`nullif(btrim(${column}), '') is not null`))
      .groupBy(sql`lower(btrim(${column}))`)
      .orderBy(sql`max(${transactions.occurredOn}) desc`)
      .limit(50);
  const counterparties = await recent(transactions.counterparty);
  const platforms = await recent(transactions.platform);
  return { counterparties: counterparties.map((r) => r.value), platforms: platforms.map((r) => r.value) };
}
