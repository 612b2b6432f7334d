import "server-only";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { getDb, rowsOf, type Executor } from "@/db/index";
import { imports, streams, transactions } from "@/db/schema";
import { getBaseCurrency } from "@/lib/data/users";
import { notFound, unprocessable } from "@/lib/http-errors";
import { isUuid } from "@/lib/ids";
import { transactionIdOf } from "@/lib/import/own-ids";
import { isCursorTimestamp } from "@/lib/data/cursor";
import { assertTotalsFit } from "@/lib/data/money-limits";
import { upsertRollupsInKeyOrder, writeTransaction } from "@/lib/data/retry";

/**
 * The SQL of CSV imports (lib/import/engine.ts drives it): one database transaction per import, streams
 * found or created by name, rows inserted in bulk statements so the statement-level rollup triggers
 * run once per chunk, and the import's record with its counts.
 */

export interface ImportCounts {
  rows: number;
  inserted: number;
  duplicates: number;
  skipped: number;
  invalid: number;
}

/** A checked, priced row ready for insertion. */
export interface ImportRow {
  streamId: string;
  kind: "income" | "expense";
  occurredOn: string;
  amountMinor: number;
  currency: string;
  amountBaseMinor: number | null;
  counterparty: string | null;
  platform: string | null;
  description: string | null;
  externalId: string;
  /** The schedule whose occurrence it settles (matched automatically), or null. */
  scheduleId: string | null;
}

class Rollback<T> extends Error {
  constructor(readonly value: T) {
    super("rollback");
  }
}

/**
 * Runs `work` in one database transaction that prices against the user's base currency (read with a
 * share lock, like every write that prices transactions). With `rollback`, everything is undone after
 * `work` answers (a dry run): every count, duplicate and stream it reports is what a real import does.
 */
export async function inImportTransaction<T>(
  userId: string,
  rollback: boolean,
  work: (tx: Executor, baseCurrency: string) => Promise<T>,
): Promise<T> {
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      // One import at a time per user, queued in arrival order. Two imports of overlapping files would
      // otherwise each wait on the other's uncommitted rows of the unique (user_id, external_id) index
      // and one would die in a deadlock; one after the other, the second finds the first's rows as
      // duplicates. Released with the transaction.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`streamfolio:import:${userId}`}))`);
      await upsertRollupsInKeyOrder(tx);
      const base = await getBaseCurrency(tx, userId, "share");
      const value = await work(tx, base);
      if (rollback) throw new Rollback(value);
      // The whole file at once: an import that would take the user's totals beyond the limit saves nothing.
      await assertTotalsFit(tx, userId, "file");
      return value;
    });
  } catch (err) {
    if (err instanceof Rollback) return err.value as T;
    throw err;
  }
}

/** The user's stream with this id, or null. */
export async function findStreamById(tx: Executor, userId: string, id: string) {
  if (!isUuid(id)) return null;
  const [row] = await tx
    .select({ id: streams.id, name: streams.name })
    .from(streams)
    .where(and(eq(streams.id, id), eq(streams.userId, userId)))
    .limit(1);
  return row ?? null;
}

/** The user's streams with these names (compared lower-cased), keyed by the lower-cased name. */
export async function findStreamsByName(tx: Executor, userId: string, lowerNames: readonly string[]) {
  const out = new Map<string, { id: string; name: string }>();
  if (lowerNames.length === 0) return out;
  const rows = await tx
    .select({ id: streams.id, name: streams.name })
    .from(streams)
    .where(and(eq(streams.userId, userId), inArray(sql`lower(${streams.name})`, [...lowerNames])));
  for (const r of rows) out.set(r.name.toLowerCase(), r);
  return out;
}

/**
 * Creates streams an import names that do not exist yet, as API.md's generic CSV says: kind other, role
 * growth (and the reader's platform, for a preset). A concurrent request creating the same name wins
 * quietly: its stream is used and not reported as created here.
 */
export async function createImportStreams(tx: Executor, userId: string, names: readonly string[], platform: string | null) {
  if (names.length === 0) return [];
  return tx
    .insert(streams)
    .values(names.map((name) => ({ userId, name, kind: "other" as const, role: "growth" as const, platform })))
    .onConflictDoNothing()
    .returning({ id: streams.id, name: streams.name });
}

/**
 * Inserts a chunk with one statement (rows travel as one JSON parameter, so no parameter limit and one
 * run of the rollup triggers); a row whose externalId the user already has, or that repeats one in the
 * file, is left out by the unique index, and so is a row of the app's own export naming a transaction the
 * user has. Answers how many were inserted.
 */
export async function insertImportRows(tx: Executor, userId: string, importId: string | null, all: readonly ImportRow[]): Promise<number> {
  const rows = await withoutOwnTransactions(tx, userId, all);
  if (rows.length === 0) return 0;
  const payload = JSON.stringify(
    rows.map((r) => ({
      s: r.streamId,
      k: r.kind,
      d: r.occurredOn,
      a: r.amountMinor,
      c: r.currency,
      b: r.amountBaseMinor,
      cp: r.counterparty,
      p: r.platform,
      ds: r.description,
      x: r.externalId,
      sc: r.scheduleId,
    })),
  );
  const result = await tx.execute(sql`
    with inserted as (
      insert into transactions
        (user_id, stream_id, kind, occurred_on, amount_minor, currency, amount_base_minor, counterparty, platform, description, external_id, import_id, schedule_id)
      select ${userId}::uuid, r.s, r.k, r.d, r.a, r.c, r.b, r.cp, r.p, r.ds, r.x, ${importId}::uuid, r.sc
      from json_to_recordset(${payload}::json)
        as r(s uuid, k text, d date, a bigint, c text, b bigint, cp text, p text, ds text, x text, sc uuid)
      on conflict (user_id, external_id) do nothing
      returning 1
    )
    select count(*)::int as n from inserted`);
  return Number(rowsOf<{ n: number }>(result)[0]?.n ?? 0);
}

/** The user's transactions among those the app's own export names by these external ids (lib/import/own-ids.ts). */
async function ownTransactionsNamed(tx: Executor, userId: string, externalIds: readonly string[]): Promise<Set<string>> {
  const named = [...new Set(externalIds.map(transactionIdOf).filter((id): id is string => id !== null))];
  if (named.length === 0) return new Set();
  const found = await tx
    .select({ id: transactions.id })
    .from(transactions)
    .where(and(eq(transactions.userId, userId), inArray(transactions.id, named)));
  return new Set(found.map((t) => t.id));
}

/** Rows of the app's own export naming a transaction the user has are already there. */
async function withoutOwnTransactions(tx: Executor, userId: string, rows: readonly ImportRow[]): Promise<readonly ImportRow[]> {
  const mine = await ownTransactionsNamed(
    tx,
    userId,
    rows.map((r) => r.externalId),
  );
  return mine.size === 0 ? rows : rows.filter((r) => !mine.has(transactionIdOf(r.externalId) ?? ""));
}

/** Which of these external ids the user already has: their own, or (the export's) naming one of their transactions. */
export async function knownExternalIds(tx: Executor, userId: string, externalIds: readonly string[]): Promise<Set<string>> {
  if (externalIds.length === 0) return new Set();
  const rows = await tx
    .select({ x: transactions.externalId })
    .from(transactions)
    .where(and(eq(transactions.userId, userId), inArray(transactions.externalId, [...new Set(externalIds)])));
  const known = new Set(rows.map((r) => r.x!));
  const mine = await ownTransactionsNamed(tx, userId, externalIds);
  for (const x of externalIds) if (mine.has(transactionIdOf(x) ?? "")) known.add(x);
  return known;
}

export async function createImportRecord(tx: Executor, userId: string, input: { fileName: string | null; preset: string }) {
  const [row] = await tx.insert(imports).values({ userId, fileName: input.fileName, preset: input.preset }).returning({ id: imports.id });
  return row!.id;
}

export async function finishImportRecord(tx: Executor, userId: string, id: string, counts: ImportCounts) {
  await tx
    .update(imports)
    .set(counts)
    .where(and(eq(imports.id, id), eq(imports.userId, userId)));
}

const historyColumns = {
  id: imports.id,
  fileName: imports.fileName,
  preset: imports.preset,
  rows: imports.rows,
  inserted: imports.inserted,
  duplicates: imports.duplicates,
  skipped: imports.skipped,
  invalid: imports.invalid,
  createdAt: imports.createdAt,
};

function encodeHistoryCursor(row: { createdAt: Date; id: string }) {
  return Buffer.from(JSON.stringify([row.createdAt.toISOString(), row.id])).toString("base64url");
}

function decodeHistoryCursor(cursor: string): { createdAt: string; id: string } {
  try {
    const v = JSON.parse(Buffer.from(cursor, "base64url").toString()) as unknown;
    if (Array.isArray(v) && typeof v[0] === "string" && isCursorTimestamp(v[0]) && typeof v[1] === "string" && isUuid(v[1])) {
      return { createdAt: v[0], id: v[1] };
    }
  } catch {
    // not base64url JSON: the same answer as any other bad cursor
  }
  throw unprocessable("The cursor is not valid.", [{ path: "cursor", message: "Use the nextCursor of a previous page." }]);
}

/** The user's imports, newest first, with how many of each import's transactions are still there. */
export async function listImports(userId: string, q: { limit: number; cursor?: string }) {
  const db = await getDb();
  const after = q.cursor ? decodeHistoryCursor(q.cursor) : null;
  const rows = await db
    .select({
      ...historyColumns,
      // Spelled out: drizzle writes a bare "id" for the outer table's columns, which the subquery would take as its own.
      transactions: sql<number>`(select count(*)::int from transactions t where t.user_id = imports.user_id and t.import_id = imports.id)`,
    })
    .from(imports)
    .where(
      and(
        eq(imports.userId, userId),
        after ? sql`(${imports.createdAt}, ${imports.id}) < (${after.createdAt}::timestamptz, ${after.id}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(imports.createdAt), desc(imports.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return { data: page, nextCursor: rows.length > q.limit && last ? encodeHistoryCursor(last) : null };
}

/** Deletes an import's transactions (the rollups follow through their triggers) and its record. */
export async function deleteImport(userId: string, id: string) {
  if (!isUuid(id)) throw notFound("Import");
  return writeTransaction(async (tx) => {
    const [record] = await tx
      .select(historyColumns)
      .from(imports)
      .where(and(eq(imports.id, id), eq(imports.userId, userId)))
      .for("update");
    if (!record) throw notFound("Import");
    const deleted = rowsOf<{ n: number }>(
      await tx.execute(sql`
        with d as (delete from transactions where user_id = ${userId} and import_id = ${id} returning 1)
        select count(*)::int as n from d`),
    );
    await tx.delete(imports).where(and(eq(imports.id, id), eq(imports.userId, userId)));
    return { ...record, deletedTransactions: Number(deleted[0]?.n ?? 0) };
  });
}
