/**
 * What every platform reader (and the column mapping) shares: finding a header among a file's first
 * records, reading a record's cells by column name whatever their case, collecting every problem of a
 * record, and building transactions whose text fits the API's limits. Pure.
 */
import type { ImportedTransaction, RecordOutcome } from "../types";
import { parseAmountGuessingDecimal, parseImportAmount, parseImportDate, type ImportDateFormat, type ValueResult } from "../values";

/** A header cell as compared: no BOM, trimmed, inner whitespace collapsed, lower case. */
export function headerKey(cell: string): string {
  return cell
    .replace(/^\uFEFF/, "")
    .trim()
    .replace(/\s+/g, " ")
    .toLowerCase();
}

/** A column a reader needs: its name, or the names it goes by in different versions of the export. */
export type ColumnSpec = string | readonly string[];

function names(spec: ColumnSpec): readonly string[] {
  return typeof spec === "string" ? [spec] : spec;
}

/**
 * The index of the first of `firstRecords` that holds every one of `columns` (any of a column's names),
 * or null when none does: the file is not this reader's. Title lines above the header are passed over.
 */
export function findHeaderRow(firstRecords: readonly (readonly string[])[], columns: readonly ColumnSpec[], within = 30): number | null {
  const wanted = columns.map((spec) => names(spec).map(headerKey));
  const limit = Math.min(firstRecords.length, within);
  for (let i = 0; i < limit; i += 1) {
    const record = firstRecords[i];
    if (!record) continue;
    const cells = new Set(record.map(headerKey));
    if (wanted.every((alternatives) => alternatives.some((name) => cells.has(name)))) return i;
  }
  return null;
}

/** A record's cells, found by column name whatever the case or spacing of the file's header. */
export class Cells {
  private readonly byKey = new Map<string, { column: string; value: string }>();

  constructor(record: Readonly<Record<string, string>>) {
    for (const [column, value] of Object.entries(record)) {
      const key = headerKey(column);
      if (!this.byKey.has(key)) this.byKey.set(key, { column, value: (value ?? "").trim() });
    }
  }

  /** The trimmed value of the first of the named columns the record has; "" when it has none. */
  get(spec: ColumnSpec): string {
    for (const name of names(spec)) {
      const cell = this.byKey.get(headerKey(name));
      if (cell !== undefined) return cell.value;
    }
    return "";
  }

  /** The column's name as the file writes it (for error paths), or the first name asked for. */
  column(spec: ColumnSpec): string {
    for (const name of names(spec)) {
      const cell = this.byKey.get(headerKey(name));
      if (cell !== undefined) return cell.column;
    }
    return names(spec)[0] ?? "";
  }

  has(spec: ColumnSpec): boolean {
    return names(spec).some((name) => this.byKey.has(headerKey(name)));
  }

  /** Whether every cell of the record is empty. */
  get blank(): boolean {
    for (const { value } of this.byKey.values()) if (value !== "") return false;
    return true;
  }
}

/** Every problem of one record, by the file's column name. */
export class Problems {
  readonly errors: { path: string; message: string }[] = [];

  add(path: string, message: string): void {
    this.errors.push({ path, message });
  }

  get any(): boolean {
    return this.errors.length > 0;
  }

  /** The value of a parse, or undefined after recording its error under `path`. */
  take<T>(path: string, result: ValueResult<T>): T | undefined {
    if (result.ok) return result.value;
    this.add(path, result.message);
    return undefined;
  }
}

/** The longest text the API accepts in each field: longer cells are cut rather than failing the row. */
const LIMITS = { counterparty: 120, platform: 80, description: 500, externalId: 200 } as const;

function clip(value: string | null | undefined, max: number): string | null {
  if (value === null || value === undefined) return null;
  const text = value.replace(/\s+/g, " ").trim();
  if (text === "") return null;
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

export interface TransactionFields {
  occurredOn: string;
  kind: "income" | "expense";
  amount: string;
  currency: string | null;
  stream?: string | null;
  counterparty?: string | null;
  platform?: string | null;
  description?: string | null;
  externalId?: string | null;
}

/** A transaction with its text fitted to the API's limits and empty text as null. */
export function transaction(fields: TransactionFields): ImportedTransaction {
  const currency = fields.currency === null ? null : fields.currency.trim().toUpperCase() || null;
  const externalId = fields.externalId === undefined || fields.externalId === null ? null : fields.externalId.trim() || null;
  return {
    occurredOn: fields.occurredOn,
    kind: fields.kind,
    amount: fields.amount,
    currency,
    stream: clip(fields.stream, 80),
    counterparty: clip(fields.counterparty, LIMITS.counterparty),
    platform: clip(fields.platform, LIMITS.platform),
    description: clip(fields.description, LIMITS.description),
    externalId: externalId === null ? null : externalId.slice(0, LIMITS.externalId),
  };
}

export function produced(...transactions: ImportedTransaction[]): RecordOutcome {
  return { type: "transactions", transactions };
}

export function skip(reason: string): RecordOutcome {
  return { type: "skip", reason };
}

export function invalid(problems: Problems): RecordOutcome {
  return { type: "invalid", errors: problems.errors };
}

/** The first of `formats` that reads the cell; the first format's error when none does. */
export function readDate(cells: Cells, spec: ColumnSpec, formats: readonly ImportDateFormat[], problems: Problems): string | undefined {
  const raw = cells.get(spec);
  const path = cells.column(spec);
  if (raw === "") {
    problems.add(path, "The date is empty.");
    return undefined;
  }
  let first: ValueResult<string> | undefined;
  for (const format of formats) {
    const result = parseImportDate(raw, format);
    if (result.ok) return result.value;
    first ??= result;
  }
  return first ? problems.take(path, first) : undefined;
}

/**
 * An amount cell as an exact decimal string; null when empty (and `required` is false). `decimal: "auto"`
 * reads exports whose decimal separator follows the account's locale (see guessDecimal).
 */
export function readAmount(
  cells: Cells,
  spec: ColumnSpec,
  decimal: "." | "," | "auto",
  problems: Problems,
  options: { required?: boolean } = {},
): string | null | undefined {
  const raw = cells.get(spec);
  const path = cells.column(spec);
  const result = decimal === "auto" ? parseAmountGuessingDecimal(raw) : parseImportAmount(raw, { decimal });
  const value = problems.take(path, result);
  if (value === null && options.required) {
    problems.add(path, "The amount is empty.");
    return undefined;
  }
  return value;
}
