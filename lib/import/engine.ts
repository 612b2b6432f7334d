import "server-only";
import crypto from "node:crypto";
import type { Executor } from "@/db/index";
import { baseAmounts } from "@/lib/data/fx";
import { TOTAL_LIMIT_MESSAGE } from "@/lib/data/money-limits";
import {
  createImportRecord,
  createImportStreams,
  findStreamById,
  findStreamsByName,
  finishImportRecord,
  inImportTransaction,
  knownExternalIds,
  insertImportRows,
  type ImportRow,
} from "@/lib/data/imports";
import { loadMatchableSchedules } from "@/lib/data/schedules";
import { ApiError, unprocessable } from "@/lib/http-errors";
import { isUuid } from "@/lib/ids";
import { csvRecords, CsvFormatError, type CsvRecord } from "@/lib/import/csv-stream";
import type { ImportReader, ImportedTransaction, RecordOutcome } from "@/lib/import/types";
import { currencyExponent, formatMinor } from "@/lib/metrics/money";
import { autoMatch } from "@/lib/metrics/schedule-match";
import type { ImportError, ImportResult } from "@/lib/schemas/imports";
import {
  checkTextTransaction,
  checkTransaction,
  latestRecordDate,
  textTransactionInput,
  type TransactionInput,
} from "@/lib/schemas/transactions";

/**
 * The import engine: a CSV byte stream → records (lib/import/csv-stream.ts) → the reader's outcome per
 * record → each transaction checked exactly like the API checks one → streams found or created →
 * priced with the user's rates → inserted in chunks with one bulk statement each, all in ONE database
 * transaction. Memory holds one chunk, the first records (for the header and the preview), the errors
 * and one small counter per distinct record content without an id (for derived externalIds) — never
 * the file's rows.
 *
 * - All or nothing by default: any invalid record → 422 listing every problem with its line, nothing
 *   written. `skipInvalid` writes the valid records and lists the others in the answer.
 * - `dryRun` does all of it, then rolls back, so its counts, duplicates and streams are exact; it also
 *   answers the first records' preview. A dry run answers 200 even with invalid records: `inserted` is
 *   what `skipInvalid` would write, and `errors` what a plain import would refuse the file for.
 */

/**
 * A hook for the benchmark (scripts/bench.ts): called after each chunk is written, with how many records
 * have been read by then. Unset in the app.
 */
export const importProbe: { onChunk?: (rowsRead: number) => void } = {};

export interface ImportOptions {
  userId: string;
  reader: ImportReader;
  /** ?stream=: the stream (id or name) of rows that name none; null: the reader's default stream. */
  stream: string | null;
  dryRun: boolean;
  skipInvalid: boolean;
  fileName: string | null;
  /** Transactions per insert statement. */
  chunkSize?: number;
}

/** Records given to findHeader (title lines above the table are rare beyond a handful). */
export const HEADER_SEARCH_RECORDS = 20;
export const PREVIEW_RECORDS = 20;
/** Errors listed in an answer; `invalid` still counts every invalid record. */
export const MAX_LISTED_ERRORS = 10_000;
const MAX_SKIP_REASONS = 50;
// Each insert statement runs the rollup triggers once over its rows: 20,000 rows per statement imported
// 100,000 rows 15% faster on Postgres than 5,000 did, for a few MB more of memory (still one chunk).
const DEFAULT_CHUNK = 20_000;

/** Engine-side problems are named after the generic CSV's columns, the app's own file format. */
const COLUMN_OF: Record<string, string> = { occurredOn: "date", externalId: "external_id", streamId: "stream" };

const NO_STREAM = "Name the stream: a stream column, or one stream for the whole file (?stream=).";

interface Pending {
  value: TransactionInput & { stream: string; externalId: string };
}

type PreviewRow = NonNullable<ImportResult["preview"]>[number];
type TxView = PreviewRow["transactions"][number];

function sha256(cells: readonly string[]): string {
  return crypto.createHash("sha256").update(JSON.stringify(cells)).digest("hex");
}

/** formatMinor for a sum that may pass 2^53 (a total over a large file). */
function formatBigMinor(minor: bigint, currency: string): string {
  const exponent = currencyExponent(currency) ?? 2;
  const digits = (minor < 0n ? -minor : minor).toString().padStart(exponent + 1, "0");
  const sign = minor < 0n ? "-" : "";
  return exponent === 0 ? sign + digits : `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

function view(v: Pending["value"]): TxView {
  return {
    stream: v.stream,
    kind: v.kind,
    occurredOn: v.occurredOn,
    amount: formatMinor(v.amountMinor, v.currency),
    amountMinor: v.amountMinor,
    currency: v.currency,
    counterparty: v.counterparty,
    platform: v.platform,
    description: v.description,
    externalId: v.externalId,
  };
}

export async function runImport(bytes: AsyncIterable<Uint8Array>, opts: ImportOptions): Promise<ImportResult> {
  const { userId, reader, dryRun, skipInvalid } = opts;
  const chunkSize = opts.chunkSize ?? DEFAULT_CHUNK;

  return inImportTransaction(userId, dryRun, async (tx: Executor, base: string) => {
    // ── the stream of rows that name none ──
    const streamCache = new Map<string, { id: string; name: string }>();
    let importStream: string | null = reader.defaultStream;
    if (opts.stream !== null) {
      if (isUuid(opts.stream)) {
        const s = await findStreamById(tx, userId, opts.stream);
        if (!s) throw unprocessable("The stream to import into does not exist.", [{ path: "stream", message: "No such stream." }]);
        streamCache.set(s.name.toLowerCase(), s);
        importStream = s.name;
      } else {
        importStream = opts.stream;
      }
    }

    const importId = dryRun ? null : await createImportRecord(tx, userId, { fileName: opts.fileName, preset: reader.id });

    const latest = latestRecordDate();
    // Rows settle expected income by themselves when exactly one open occurrence fits (lib/metrics/schedule-match.ts).
    const schedules = await loadMatchableSchedules(tx, userId, latest);
    const counts = { rows: 0, inserted: 0, duplicates: 0, skipped: 0, invalid: 0 };
    const errors: ImportError[] = [];
    let problemCount = 0;
    const reasons = new Map<string, { count: number; firstRow: number }>();
    const totals = new Map<string, { kind: "income" | "expense"; currency: string; count: number; minor: bigint }>();
    const createdStreams: string[] = [];
    const preview: PreviewRow[] = [];
    const occurrences = new Map<string, number>();
    let pending: Pending[] = [];
    // An all-or-nothing import stops writing at its first invalid record, and keeps reading to list them all.
    let writing = true;
    let inflight: Promise<void> | null = null;

    // A dry run's preview says which of its records are already there: asked before anything of the file is written.
    let previewMarked = false;
    const markDuplicates = async () => {
      if (!dryRun || previewMarked) return;
      previewMarked = true;
      const shown = preview.filter((r) => r.outcome === "transactions" && r.transactions.length > 0);
      const known = await knownExternalIds(
        tx,
        userId,
        shown.flatMap((r) => r.transactions.map((t) => t.externalId)),
      );
      const earlier = new Set<string>();
      for (const r of shown) {
        if (r.transactions.every((t) => known.has(t.externalId) || earlier.has(t.externalId))) r.outcome = "duplicate";
        for (const t of r.transactions) earlier.add(t.externalId);
      }
    };

    const flush = async (batch: Pending[], readSoFar: number) => {
      await markDuplicates();
      // Streams: the ones named for the first time are looked up, then created when missing.
      const unknown = new Map<string, string>();
      for (const p of batch) {
        const key = p.value.stream.toLowerCase();
        if (!streamCache.has(key) && !unknown.has(key)) unknown.set(key, p.value.stream);
      }
      if (unknown.size > 0) {
        const found = await findStreamsByName(tx, userId, [...unknown.keys()]);
        for (const [key, s] of found) streamCache.set(key, s);
        const missing = [...unknown].filter(([key]) => !found.has(key)).map(([, name]) => name);
        const created = await createImportStreams(tx, userId, missing, reader.platform);
        for (const s of created) {
          streamCache.set(s.name.toLowerCase(), s);
          createdStreams.push(s.name);
        }
        // Created by a concurrent request meanwhile: use theirs.
        const raced = missing.filter((name) => !streamCache.has(name.toLowerCase()));
        if (raced.length)
          for (const [key, s] of await findStreamsByName(
            tx,
            userId,
            raced.map((n) => n.toLowerCase()),
          ))
            streamCache.set(key, s);
      }
      const priced = await baseAmounts(
        tx,
        userId,
        base,
        batch.map((p) => p.value),
        () => {
          throw unprocessable("An amount is too large in your base currency; nothing was imported.", [
            { path: "amount", message: TOTAL_LIMIT_MESSAGE },
          ]);
        },
      );
      const rows: ImportRow[] = batch.map((p, i) => ({
        streamId: streamCache.get(p.value.stream.toLowerCase())!.id,
        kind: p.value.kind,
        occurredOn: p.value.occurredOn,
        amountMinor: p.value.amountMinor,
        currency: p.value.currency,
        amountBaseMinor: priced[i] ?? null,
        counterparty: p.value.counterparty,
        platform: p.value.platform,
        description: p.value.description,
        externalId: p.value.externalId,
        scheduleId: null as string | null,
      }));
      if (schedules.length > 0) autoMatch(schedules, rows).forEach((id, i) => (rows[i]!.scheduleId = id));
      const inserted = await insertImportRows(tx, userId, importId, rows);
      counts.inserted += inserted;
      counts.duplicates += rows.length - inserted;
      importProbe.onChunk?.(readSoFar);
    };

    // One chunk is written while the next is parsed; a failed write surfaces at the next hand-over.
    const handOver = async () => {
      if (inflight) await inflight;
      inflight = null;
      if (!writing || pending.length === 0) {
        pending = [];
        return;
      }
      const batch = pending;
      pending = [];
      const readSoFar = counts.rows;
      inflight = flush(batch, readSoFar);
      // Keep a rejection from being "unhandled" while parsing goes on; it is awaited above or at the end.
      inflight.catch(() => {});
    };

    const invalidate = (line: number, problems: readonly { path: string; message: string }[], outcome: PreviewRow | null) => {
      counts.invalid += 1;
      if (!skipInvalid && !dryRun) writing = false;
      for (const p of problems) {
        problemCount += 1;
        if (errors.length < MAX_LISTED_ERRORS) errors.push({ row: line, path: p.path, message: p.message });
      }
      if (outcome) outcome.errors = [...problems];
    };

    /**
     * The externalId of a record's index-th transaction that has none: the reader's id, the record's
     * content and its occurrence in the file, so identical real payments both import and importing the
     * file again finds every one of them. A second transaction of the record gets a suffix.
     */
    const derivedIds = (cells: readonly string[]) => {
      let base: string | null = null;
      return (index: number) => {
        if (base === null) {
          const hash = sha256(cells);
          const key = hash.slice(0, 24);
          const occurrence = (occurrences.get(key) ?? 0) + 1;
          occurrences.set(key, occurrence);
          base = `${reader.id}:${hash}:${occurrence}`;
        }
        return index === 0 ? base : `${base}:${index + 1}`;
      };
    };

    const check = (
      t: ImportedTransaction,
      index: number,
      derivedId: (index: number) => string,
    ): { ok: true; value: Pending["value"] } | { ok: false; problems: { path: string; message: string }[] } => {
      const row = { ...t, stream: t.stream ?? importStream };
      let value = checkTextTransaction(row, base, latest);
      if (value === null) {
        // Something is off: the API's own check says exactly what.
        const checked = checkTransaction(textTransactionInput(row), base);
        if (!checked.ok) {
          return {
            ok: false,
            problems: checked.issues.map((issue) => {
              const field = String(issue.path[0] ?? "");
              if (field === "streamId") return { path: "stream", message: NO_STREAM };
              return { path: COLUMN_OF[field] ?? field, message: issue.message };
            }),
          };
        }
        value = checked.value;
      }
      const externalId = value.externalId ?? derivedId(index);
      return { ok: true, value: { ...value, stream: value.stream!, externalId } };
    };

    let header: string[] | null = null;

    const handle = (rec: CsvRecord) => {
      counts.rows += 1;
      const shown: PreviewRow | null =
        dryRun && preview.length < PREVIEW_RECORDS
          ? { line: rec.line, outcome: "transactions", transactions: [], reason: null, errors: [] }
          : null;
      if (shown) preview.push(shown);

      let outcome: RecordOutcome;
      if (rec.error) {
        outcome = { type: "invalid", errors: [{ path: "row", message: rec.error }] };
      } else if (rec.cells.some((c) => c.includes("\u0000"))) {
        // Postgres cannot store it; it is mostly a UTF-16 file that lost its byte order mark.
        outcome = {
          type: "invalid",
          errors: [
            {
              path: "row",
              message: "This row contains a NUL character (U+0000). Save the file as UTF-8 (a UTF-16 file needs its byte order mark).",
            },
          ],
        };
      } else if (rec.cells.length > header!.length && rec.cells.slice(header!.length).some((c) => c.trim() !== "")) {
        outcome = {
          type: "invalid",
          errors: [
            {
              path: "row",
              message: `This row has ${rec.cells.length} cells but the header has ${header!.length}: quote cells that contain the separator.`,
            },
          ],
        };
      } else {
        const record: Record<string, string> = Object.create(null) as Record<string, string>;
        const cells = rec.cells;
        for (let i = 0; i < header!.length; i++) {
          const name = header![i]!;
          if (!(name in record)) record[name] = cells[i] ?? "";
        }
        try {
          outcome = reader.read(record, rec.line);
        } catch (err) {
          // A reader bug must not turn one odd record into a 500 for the whole file.
          console.error(`import reader ${reader.id} failed on line ${rec.line}`, err);
          outcome = { type: "invalid", errors: [{ path: "row", message: "This row could not be read." }] };
        }
      }

      if (outcome.type === "skip") {
        counts.skipped += 1;
        const reason = reasons.size < MAX_SKIP_REASONS || reasons.has(outcome.reason) ? outcome.reason : "Other reasons";
        const r = reasons.get(reason);
        if (r) r.count += 1;
        else reasons.set(reason, { count: 1, firstRow: rec.line });
        if (shown) {
          shown.outcome = "skip";
          shown.reason = outcome.reason;
        }
        return;
      }
      if (outcome.type === "invalid") {
        if (shown) shown.outcome = "invalid";
        invalidate(rec.line, outcome.errors, shown);
        return;
      }
      // Every transaction of a record, or none of them (a sale without its fee would be a wrong figure).
      const values: Pending["value"][] = [];
      const problems: { path: string; message: string }[] = [];
      const derivedId = derivedIds(rec.cells);
      outcome.transactions.forEach((t, i) => {
        const checked = check(t, i, derivedId);
        if (checked.ok) values.push(checked.value);
        else problems.push(...checked.problems);
      });
      if (problems.length > 0) {
        if (shown) shown.outcome = "invalid";
        invalidate(rec.line, problems, shown);
        return;
      }
      for (const v of values) {
        const key = `${v.kind}:${v.currency}`;
        const t = totals.get(key);
        if (t) {
          t.count += 1;
          t.minor += BigInt(v.amountMinor);
        } else totals.set(key, { kind: v.kind, currency: v.currency, count: 1, minor: BigInt(v.amountMinor) });
        if (writing) pending.push({ value: v });
      }
      if (shown) shown.transactions = values.map(view);
    };

    // ── the header among the first records, then every record after it ──
    const head: CsvRecord[] = [];
    const findHeader = () => {
      if (head.length === 0) throw unprocessable("The file is empty.", [{ path: "file", message: "Send a CSV file with a header row." }]);
      const index = reader.findHeader(head.map((r) => r.cells));
      const found = index === null ? undefined : head[index];
      if (!found) {
        const expected = reader.requiredColumns.join(", ");
        throw unprocessable(
          `This is not a ${reader.name} file: no header row with the columns ${expected} among its first ${HEADER_SEARCH_RECORDS} rows.`,
          [{ path: "header", message: `Expected the columns ${expected}.` }],
        );
      }
      header = found.cells.map((c) => c.replace(/^\uFEFF/, "").trim());
      for (const rec of head.slice(index! + 1)) handle(rec);
      head.length = 0;
    };

    try {
      for await (const batch of csvRecords(bytes)) {
        for (const rec of batch) {
          if (header) handle(rec);
          else {
            head.push(rec);
            if (head.length >= HEADER_SEARCH_RECORDS) findHeader();
          }
        }
        if (pending.length >= chunkSize) await handOver();
      }
      if (!header) findHeader();
      await handOver();
      if (inflight) await inflight;
      await markDuplicates();
    } catch (err) {
      if (inflight) await (inflight as Promise<void>).catch(() => {});
      if (err instanceof CsvFormatError) {
        throw unprocessable(`The file could not be read as CSV: ${err.message}`, [{ path: "row", message: err.message, row: err.line }]);
      }
      throw err;
    }

    if (counts.invalid > 0 && !skipInvalid && !dryRun) {
      const listed =
        problemCount > errors.length
          ? ` The first ${errors.length.toLocaleString("en-US")} of ${problemCount.toLocaleString("en-US")} problems are listed.`
          : "";
      throw new ApiError(
        422,
        "Invalid input",
        `${counts.invalid.toLocaleString("en-US")} of ${counts.rows.toLocaleString("en-US")} rows cannot be imported, so nothing was imported. Fix them, or import with ?skipInvalid=true to leave them out.${listed}`,
        errors,
      );
    }
    if (importId) await finishImportRecord(tx, userId, importId, counts);

    return {
      importId,
      dryRun,
      reader: reader.id,
      fileName: opts.fileName,
      ...counts,
      skippedReasons: [...reasons].map(([reason, r]) => ({ reason, count: r.count, firstRow: r.firstRow })),
      streamsCreated: createdStreams.length,
      createdStreams,
      errors,
      totals: [...totals.values()]
        .sort((a, b) => a.kind.localeCompare(b.kind) || a.currency.localeCompare(b.currency))
        .map((t) => ({
          kind: t.kind,
          currency: t.currency,
          count: t.count,
          amount: formatBigMinor(t.minor, t.currency),
          amountMinor: Number(t.minor),
        })),
      ...(dryRun ? { preview } : {}),
    };
  });
}
