/**
 * The contract between the import engine (lib/import/engine.ts: streaming CSV, validation, bulk insert)
 * and the readers of each file format (lib/import/presets/*: a platform's export, the generic CSV, or a
 * user's own column mapping). A reader is pure: it sees one parsed CSV record at a time and says what it
 * becomes; it never touches the database, the clock or the file as a whole.
 */

/** A transaction as a reader produces it, before the engine checks it like any API input. */
export interface ImportedTransaction {
  /** YYYY-MM-DD, as the file states it (a date-time with an offset is taken as written, its date part). */
  occurredOn: string;
  kind: "income" | "expense";
  /** A decimal string in `currency`, e.g. "-12.50": the engine parses it exactly by the currency's exponent. */
  amount: string;
  /** ISO 4217, as the file states it for this row; null: the user's base currency. */
  currency: string | null;
  /** The stream by name: null means the import's stream (?stream=, the page's picker, or the preset's default). */
  stream: string | null;
  counterparty: string | null;
  platform: string | null;
  description: string | null;
  /**
   * The platform's row id where the export has one, made unique per produced transaction (a sale and its
   * fee: "txn_123" and "txn_123:fee"). null: the engine derives one from the record's content and its
   * occurrence count within the file, so two identical real payments both import and a re-import adds nothing.
   */
  externalId: string | null;
}

/** What one CSV record becomes. */
export type RecordOutcome =
  | { type: "transactions"; transactions: ImportedTransaction[] }
  /** Not income or expense of a stream (a payout, a transfer to your bank, a currency conversion, a total): counted as skipped, with why. */
  | { type: "skip"; reason: string }
  /** The record cannot be read: every problem by the file's column name (or the field it would fill). */
  | { type: "invalid"; errors: { path: string; message: string }[] };

/** A reader of one file format. */
export interface ImportReader {
  /** "stripe", "paypal", …, "generic", or "mapping" for a user's own column mapping. */
  id: string;
  /** The name shown to people: "PayPal activity download". */
  name: string;
  /** Which export, where to find it in the platform, and what is skipped. */
  description: string;
  /** The platform every row comes through (the transactions' `platform`), or null (generic files). */
  platform: string | null;
  /** The stream name used when the import names none (?stream= absent), e.g. "PayPal"; null: rows must name theirs. */
  defaultStream: string | null;
  /**
   * Where the header is: files with title lines above the table (a report name, a date range) return the
   * index of the header among the first records; most return 0. `null` when this is not the reader's file
   * (the engine then answers 422 saying which columns were expected).
   */
  findHeader(firstRecords: readonly (readonly string[])[]): number | null;
  /** The columns this reader needs, for the error when the header is not found and for the page's hints. */
  requiredColumns: readonly string[];
  /**
   * One record, keyed by the header's cells exactly as written in the file (trimmed; a BOM removed).
   * `line` is the file's line number of the record (1-based, as a spreadsheet shows it).
   */
  read(record: Readonly<Record<string, string>>, line: number): RecordOutcome;
}
