import "server-only";
import crypto from "node:crypto";
import { and, asc, count, eq, gt, sql } from "drizzle-orm";
import { getDb, type Executor } from "@/db/index";
import {
  fxRates,
  goals,
  importMappings,
  imports,
  schedules,
  streamFeeds,
  streams,
  timeEntries,
  transactions,
  users,
  webhooks,
} from "@/db/schema";
import { baseAmounts } from "@/lib/data/fx";
import { assertTotalsFit, TOTAL_LIMIT_MESSAGE } from "@/lib/data/money-limits";
import { conflict, notFound, unprocessable } from "@/lib/http-errors";
import { formatMinor, parseRate } from "@/lib/metrics/money";
import type { Backup } from "@/lib/schemas/backup";
import { scheduleColumns } from "@/lib/data/schedules";
import { assertPublicWebhookUrls, newSecret } from "@/lib/data/webhooks";

/**
 * The SQL of export, backup and restore. Reads run in one read-only REPEATABLE READ transaction, so a
 * file streamed page by page is one consistent snapshot (no transaction whose stream is missing);
 * restore is one transaction that either brings everything or nothing.
 */

/** Runs `work` on one snapshot of the database. */
export async function inSnapshot<T>(work: (tx: Executor) => Promise<T>): Promise<T> {
  const db = await getDb();
  return db.transaction(work, { isolationLevel: "repeatable read", accessMode: "read only" });
}

const iso = (d: Date) => d.toISOString();
const canonicalRate = (rate: string) => {
  const parsed = parseRate(rate);
  return parsed.ok ? parsed.value : rate;
};

/** A rate as numeric(5,4) takes it. */
const rateText = (rate: number | null | undefined) => (rate === null || rate === undefined ? null : rate.toFixed(4));

/**
 * Everything but the transactions and hours (which are paged): settings, streams, imports, goals, rates,
 * mappings, schedules, links and webhook endpoints (their URL and events; never the signing secret).
 */
export async function readBackupHead(tx: Executor, userId: string) {
  const [user] = await tx
    .select({
      baseCurrency: users.baseCurrency,
      timeZone: users.timeZone,
      essential: users.essentialMonthlyExpenses,
      buffer: users.cashBuffer,
      taxRate: sql<number | null>`${users.taxRate}::float8`,
      thresholds: users.thresholds,
      targetMix: users.targetMix,
    })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  if (!user) throw notFound("User");
  const base = user.baseCurrency;
  const streamRows = await tx
    .select({
      id: streams.id,
      name: streams.name,
      kind: streams.kind,
      role: streams.role,
      platform: streams.platform,
      status: streams.status,
      startedOn: streams.startedOn,
      color: streams.color,
      description: streams.description,
      taxRate: sql<number | null>`${streams.taxRate}::float8`,
      createdAt: streams.createdAt,
      updatedAt: streams.updatedAt,
    })
    .from(streams)
    .where(eq(streams.userId, userId))
    .orderBy(asc(streams.id));
  const importRows = await tx
    .select({
      id: imports.id,
      fileName: imports.fileName,
      preset: imports.preset,
      rows: imports.rows,
      inserted: imports.inserted,
      duplicates: imports.duplicates,
      skipped: imports.skipped,
      invalid: imports.invalid,
      createdAt: imports.createdAt,
    })
    .from(imports)
    .where(eq(imports.userId, userId))
    .orderBy(asc(imports.createdAt), asc(imports.id));
  const goalRows = await tx
    .select({
      streamId: goals.streamId,
      targetMinor: goals.targetMinor,
      effectiveFrom: goals.effectiveFrom,
      createdAt: goals.createdAt,
      updatedAt: goals.updatedAt,
    })
    .from(goals)
    .where(eq(goals.userId, userId))
    .orderBy(asc(goals.effectiveFrom), asc(goals.id));
  const rateRows = await tx
    .select({
      baseCurrency: fxRates.baseCurrency,
      currency: fxRates.currency,
      date: fxRates.date,
      rate: fxRates.rate,
      source: fxRates.source,
      createdAt: fxRates.createdAt,
      updatedAt: fxRates.updatedAt,
    })
    .from(fxRates)
    .where(eq(fxRates.userId, userId))
    .orderBy(asc(fxRates.baseCurrency), asc(fxRates.currency), asc(fxRates.date));
  const mappingRows = await tx
    .select({
      name: importMappings.name,
      mapping: importMappings.mapping,
      createdAt: importMappings.createdAt,
      updatedAt: importMappings.updatedAt,
    })
    .from(importMappings)
    .where(eq(importMappings.userId, userId))
    .orderBy(asc(importMappings.name));
  const scheduleRows = await tx.select(scheduleColumns).from(schedules).where(eq(schedules.userId, userId)).orderBy(asc(schedules.id));
  const feedRows = await tx
    .select({ fromStreamId: streamFeeds.fromStreamId, toStreamId: streamFeeds.toStreamId })
    .from(streamFeeds)
    .where(eq(streamFeeds.userId, userId))
    .orderBy(asc(streamFeeds.fromStreamId), asc(streamFeeds.toStreamId));
  // Named columns, and the secret is not one of them: a backup file is no place for a signing key.
  const webhookRows = await tx
    .select({ url: webhooks.url, events: webhooks.events, createdAt: webhooks.createdAt, updatedAt: webhooks.updatedAt })
    .from(webhooks)
    .where(eq(webhooks.userId, userId))
    .orderBy(asc(webhooks.createdAt), asc(webhooks.id));
  return {
    settings: {
      baseCurrency: base,
      timeZone: user.timeZone,
      essentialMonthlyExpenses: user.essential === null ? null : formatMinor(user.essential, base),
      essentialMonthlyExpensesMinor: user.essential,
      cashBuffer: user.buffer === null ? null : formatMinor(user.buffer, base),
      cashBufferMinor: user.buffer,
      taxRate: user.taxRate,
      thresholds: user.thresholds ?? {},
      targetMix: user.targetMix ?? null,
    },
    streams: streamRows.map((s) => ({ ...s, createdAt: iso(s.createdAt), updatedAt: iso(s.updatedAt) })),
    imports: importRows.map((i) => ({ ...i, createdAt: iso(i.createdAt) })),
    goals: goalRows.map((g) => ({
      streamId: g.streamId,
      amount: formatMinor(g.targetMinor, base),
      amountMinor: g.targetMinor,
      effectiveFrom: g.effectiveFrom,
      createdAt: iso(g.createdAt),
      updatedAt: iso(g.updatedAt),
    })),
    fxRates: rateRows.map((r) => ({ ...r, rate: canonicalRate(r.rate), createdAt: iso(r.createdAt), updatedAt: iso(r.updatedAt) })),
    importMappings: mappingRows.map((m) => ({ ...m, createdAt: iso(m.createdAt), updatedAt: iso(m.updatedAt) })),
    schedules: scheduleRows.map((x) => ({
      ...x,
      amount: formatMinor(x.amountMinor, x.currency),
      createdAt: iso(x.createdAt),
      updatedAt: iso(x.updatedAt),
    })),
    streamFeeds: feedRows,
    webhooks: webhookRows.map((w) => ({ ...w, createdAt: iso(w.createdAt), updatedAt: iso(w.updatedAt) })),
  };
}

/** One page of the backup's transactions, by id. */
export async function backupTransactionPage(tx: Executor, userId: string, afterId: string | null, limit: number) {
  const rows = await tx
    .select({
      id: transactions.id,
      streamId: transactions.streamId,
      importId: transactions.importId,
      kind: transactions.kind,
      occurredOn: transactions.occurredOn,
      amountMinor: transactions.amountMinor,
      currency: transactions.currency,
      counterparty: transactions.counterparty,
      platform: transactions.platform,
      description: transactions.description,
      externalId: transactions.externalId,
      scheduleId: transactions.scheduleId,
      // To the microsecond: same-day entries are ordered by when they were logged (a client's display
      // spelling), and a Date would round two of them within a millisecond into a tie.
      createdAt: sql<string>`to_char(${transactions.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
      updatedAt: sql<string>`to_char(${transactions.updatedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    })
    .from(transactions)
    .where(and(eq(transactions.userId, userId), afterId ? gt(transactions.id, afterId) : undefined))
    .orderBy(asc(transactions.id))
    .limit(limit);
  return rows.map((t) => ({
    id: t.id,
    streamId: t.streamId,
    importId: t.importId,
    kind: t.kind,
    occurredOn: t.occurredOn,
    amount: formatMinor(t.amountMinor, t.currency),
    amountMinor: t.amountMinor,
    currency: t.currency,
    counterparty: t.counterparty,
    platform: t.platform,
    description: t.description,
    externalId: t.externalId,
    scheduleId: t.scheduleId,
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
  }));
}

/** One page of the backup's time entries, by id. */
export async function backupTimeEntryPage(tx: Executor, userId: string, afterId: string | null, limit: number) {
  const rows = await tx
    .select({
      id: timeEntries.id,
      streamId: timeEntries.streamId,
      occurredOn: timeEntries.occurredOn,
      minutes: timeEntries.minutes,
      note: timeEntries.note,
      createdAt: timeEntries.createdAt,
      updatedAt: timeEntries.updatedAt,
    })
    .from(timeEntries)
    .where(and(eq(timeEntries.userId, userId), afterId ? gt(timeEntries.id, afterId) : undefined))
    .orderBy(asc(timeEntries.id))
    .limit(limit);
  return rows.map((t) => ({ ...t, createdAt: iso(t.createdAt), updatedAt: iso(t.updatedAt) }));
}

/** One page of the CSV export: oldest first, with the stream's name. */
export async function exportCsvPage(tx: Executor, userId: string, after: { occurredOn: string; id: string } | null, limit: number) {
  return tx
    .select({
      id: transactions.id,
      occurredOn: transactions.occurredOn,
      stream: streams.name,
      kind: transactions.kind,
      amountMinor: transactions.amountMinor,
      currency: transactions.currency,
      counterparty: transactions.counterparty,
      platform: transactions.platform,
      description: transactions.description,
      externalId: transactions.externalId,
    })
    .from(transactions)
    .innerJoin(streams, eq(streams.id, transactions.streamId))
    .where(
      and(
        eq(transactions.userId, userId),
        after ? sql`(${transactions.occurredOn}, ${transactions.id}) > (${after.occurredOn}::date, ${after.id}::uuid)` : undefined,
      ),
    )
    .orderBy(asc(transactions.occurredOn), asc(transactions.id))
    .limit(limit);
}

/**
 * New ids for a backup's records that sort like the old ones: ties that the database breaks by id (the
 * display spelling of a client among same-day entries, streams of equal income) come out the same, so
 * the restored account's figures equal the original's to the last character.
 */
function remapIds(ids: readonly string[]): Map<string, string> {
  const fresh = ids.map(() => crypto.randomUUID()).sort();
  const sorted = [...ids].sort();
  return new Map(sorted.map((id, i) => [id, fresh[i]!]));
}

const RESTORE_CHUNK = 5_000;

/**
 * Restores a (validated) backup into an account with no streams, all or nothing. The account's own
 * settings, rates, goals, saved mappings and import history are replaced by the backup's; base amounts
 * are priced again with the restored rates (the same rule, so the same values), and the rollups follow
 * through their triggers. Webhook endpoints come back with the backup's URL and events and a new signing
 * secret each (the file has none): receivers need it again, from deleting and registering the endpoint
 * anew in Settings, since a secret is shown only when an endpoint is created. Endpoints the account
 * already had are replaced, like its rates and goals.
 */
export async function restoreBackup(userId: string, backup: Backup) {
  assertPublicWebhookUrls(backup.webhooks.map((w, i) => ({ url: w.url, path: `webhooks.${i}.url` })));
  const db = await getDb();
  return db.transaction(async (tx) => {
    // Locks the user row: pricing and base-currency changes wait for the restore.
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).limit(1).for("update");
    if (!user) throw notFound("User");
    const [existing] = await tx.select({ n: count() }).from(streams).where(eq(streams.userId, userId));
    if (Number(existing?.n ?? 0) > 0)
      throw conflict("A backup restores only into an account with no streams: use a new account, or delete the streams first.");

    const s = backup.settings;
    const base = s.baseCurrency;
    await tx
      .update(users)
      .set({
        baseCurrency: base,
        timeZone: s.timeZone,
        essentialMonthlyExpenses: s.essentialMonthlyExpensesMinor,
        cashBuffer: s.cashBufferMinor,
        taxRate: rateText(s.taxRate),
        thresholds: s.thresholds as Record<string, { pass: number; warn: number }>,
        targetMix: s.targetMix,
      })
      .where(eq(users.id, userId));
    // No streams means no transactions: whatever else the account held is replaced.
    await tx.delete(fxRates).where(eq(fxRates.userId, userId));
    await tx.delete(goals).where(eq(goals.userId, userId));
    await tx.delete(importMappings).where(eq(importMappings.userId, userId));
    await tx.delete(imports).where(eq(imports.userId, userId));
    await tx.delete(webhooks).where(eq(webhooks.userId, userId));

    const streamIds = remapIds(backup.streams.map((x) => x.id));
    const importIds = remapIds(backup.imports.map((x) => x.id));
    const date = (v: string) => new Date(v);

    for (let i = 0; i < backup.fxRates.length; i += 1000) {
      await tx.insert(fxRates).values(
        backup.fxRates.slice(i, i + 1000).map((r) => ({
          userId,
          baseCurrency: r.baseCurrency,
          currency: r.currency,
          date: r.date,
          rate: r.rate,
          source: r.source,
          createdAt: date(r.createdAt),
          updatedAt: date(r.updatedAt),
        })),
      );
    }
    if (backup.streams.length) {
      await tx.insert(streams).values(
        backup.streams.map((x) => ({
          id: streamIds.get(x.id)!,
          userId,
          name: x.name,
          kind: x.kind,
          role: x.role,
          platform: x.platform,
          status: x.status,
          startedOn: x.startedOn,
          color: x.color,
          description: x.description,
          taxRate: rateText(x.taxRate),
          createdAt: date(x.createdAt),
          updatedAt: date(x.updatedAt),
        })),
      );
    }
    if (backup.imports.length) {
      await tx.insert(imports).values(
        backup.imports.map((x) => ({
          id: importIds.get(x.id)!,
          userId,
          fileName: x.fileName,
          preset: x.preset,
          rows: x.rows,
          inserted: x.inserted,
          duplicates: x.duplicates,
          skipped: x.skipped,
          invalid: x.invalid,
          createdAt: date(x.createdAt),
        })),
      );
    }

    const scheduleIds = remapIds(backup.schedules.map((x) => x.id));
    if (backup.schedules.length) {
      await tx.insert(schedules).values(
        backup.schedules.map((x) => ({
          id: scheduleIds.get(x.id)!,
          userId,
          streamId: streamIds.get(x.streamId)!,
          name: x.name,
          counterparty: x.counterparty,
          kind: x.kind,
          amountMinor: x.amountMinor,
          currency: x.currency,
          cadence: x.cadence,
          interval: x.interval,
          startOn: x.startOn,
          endOn: x.endOn,
          graceDays: x.graceDays,
          autoLog: x.autoLog,
          createdAt: date(x.createdAt),
          updatedAt: date(x.updatedAt),
        })),
      );
    }
    if (backup.streamFeeds.length) {
      await tx.insert(streamFeeds).values(
        backup.streamFeeds.map((f) => ({
          userId,
          fromStreamId: streamIds.get(f.fromStreamId)!,
          toStreamId: streamIds.get(f.toStreamId)!,
        })),
      );
    }

    const txIds = remapIds(backup.transactions.map((t) => t.id));
    for (let i = 0; i < backup.transactions.length; i += RESTORE_CHUNK) {
      const chunk = backup.transactions.slice(i, i + RESTORE_CHUNK);
      const priced = await baseAmounts(tx, userId, base, chunk, (j) => {
        throw unprocessable("An amount of the backup is too large in the base currency; nothing was restored.", [
          { path: `transactions.${i + j}.amountMinor`, message: TOTAL_LIMIT_MESSAGE },
        ]);
      });
      const payload = JSON.stringify(
        chunk.map((t, j) => ({
          id: txIds.get(t.id),
          s: streamIds.get(t.streamId),
          im: t.importId === null ? null : importIds.get(t.importId),
          k: t.kind,
          d: t.occurredOn,
          a: t.amountMinor,
          c: t.currency,
          b: priced[j] ?? null,
          cp: t.counterparty,
          p: t.platform,
          ds: t.description,
          x: t.externalId,
          sc: t.scheduleId === null ? null : scheduleIds.get(t.scheduleId),
          ca: t.createdAt,
          ua: t.updatedAt,
        })),
      );
      await tx.execute(sql`
        insert into transactions
          (id, user_id, stream_id, import_id, kind, occurred_on, amount_minor, currency, amount_base_minor, counterparty, platform, description, external_id, schedule_id, created_at, updated_at)
        select r.id, ${userId}::uuid, r.s, r.im, r.k, r.d, r.a, r.c, r.b, r.cp, r.p, r.ds, r.x, r.sc, r.ca, r.ua
        from json_to_recordset(${payload}::json)
          as r(id uuid, s uuid, im uuid, k text, d date, a bigint, c text, b bigint, cp text, p text, ds text, x text, sc uuid, ca timestamptz, ua timestamptz)`);
    }

    await assertTotalsFit(tx, userId, "transactions");

    const entryIds = remapIds(backup.timeEntries.map((t) => t.id));
    for (let i = 0; i < backup.timeEntries.length; i += 1000) {
      await tx.insert(timeEntries).values(
        backup.timeEntries.slice(i, i + 1000).map((t) => ({
          id: entryIds.get(t.id)!,
          userId,
          streamId: streamIds.get(t.streamId)!,
          occurredOn: t.occurredOn,
          minutes: t.minutes,
          note: t.note,
          createdAt: date(t.createdAt),
          updatedAt: date(t.updatedAt),
        })),
      );
    }
    if (backup.goals.length) {
      await tx.insert(goals).values(
        backup.goals.map((g) => ({
          userId,
          streamId: g.streamId === null ? null : streamIds.get(g.streamId)!,
          targetMinor: g.amountMinor,
          effectiveFrom: g.effectiveFrom,
          createdAt: date(g.createdAt),
          updatedAt: date(g.updatedAt),
        })),
      );
    }
    if (backup.importMappings.length) {
      await tx.insert(importMappings).values(
        backup.importMappings.map((m) => ({
          userId,
          name: m.name,
          mapping: m.mapping,
          createdAt: date(m.createdAt),
          updatedAt: date(m.updatedAt),
        })),
      );
    }
    if (backup.webhooks.length) {
      await tx.insert(webhooks).values(
        backup.webhooks.map((w) => ({
          userId,
          url: w.url,
          events: w.events,
          secret: newSecret(),
          createdAt: date(w.createdAt),
          updatedAt: date(w.updatedAt),
        })),
      );
    }
    return {
      streams: backup.streams.length,
      transactions: backup.transactions.length,
      timeEntries: backup.timeEntries.length,
      goals: backup.goals.length,
      fxRates: backup.fxRates.length,
      importMappings: backup.importMappings.length,
      imports: backup.imports.length,
      schedules: backup.schedules.length,
      webhooks: backup.webhooks.length,
    };
  });
}

/** Rows a streamed export reads per query. */
export const EXPORT_PAGE = 5_000;
