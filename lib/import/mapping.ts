/**
 * A person's own column mapping as a reader: which header is the date (and how it is written), the amount
 * (or a debit/credit pair), a fee taken from it, the kind, currency, stream and the rest.
 *
 * - A fee cell becomes a second transaction: an expense of the same stream and day, in the same currency,
 *   with the row's id suffixed ":fee" when the file has ids. A fee is a cost whatever its sign in the file.
 * - With a debit/credit pair, a credit is income and a debit an expense (their signs are ignored: the column
 *   says which way the money went).
 * - With one amount column, the sign is kept: a negative amount of kind income is a refund (negative income),
 *   as in the generic CSV. Without a kind column every row is income.
 */
import { importMapping, type ImportMapping } from "@/lib/schemas/import-mapping";
import { Cells, Problems, findHeaderRow, invalid, produced, readAmount, readDate, skip, transaction } from "./presets/kit";
import type { ImportReader, ImportedTransaction, RecordOutcome } from "./types";
import { absDecimal, signOfDecimal } from "./values";

/** The columns a mapping names, in the order a person would check them. */
function mappedColumns(mapping: ImportMapping): string[] {
  const c = mapping.columns;
  const list = [
    c.date,
    c.amount,
    c.debit,
    c.credit,
    c.fee,
    c.kind,
    c.currency,
    c.stream,
    c.counterparty,
    c.platform,
    c.description,
    c.externalId,
  ];
  return [...new Set(list.filter((name): name is string => name !== undefined))];
}

function kindOf(cell: string, mapping: ImportMapping): { kind: "income" | "expense" } | { error: string } {
  const value = cell.trim().toLowerCase();
  if (mapping.kindValues !== undefined) {
    const expense = mapping.kindValues.some((v) => v.trim().toLowerCase() === value);
    return { kind: expense ? "expense" : "income" };
  }
  if (value === "" || value === "income") return { kind: "income" };
  if (value === "expense") return { kind: "expense" };
  return { error: `"${cell}" is neither income nor expense: list the values that mean an expense in the mapping's kindValues.` };
}

/** The reader of a file through a person's own mapping (validated with `importMapping`). */
export function mappingReader(mapping: ImportMapping): ImportReader {
  const c = mapping.columns;
  const required = mappedColumns(mapping);

  function read(record: Readonly<Record<string, string>>): RecordOutcome {
    const cells = new Cells(record);
    if (required.every((column) => cells.get(column) === "")) return skip("An empty row.");

    const problems = new Problems();
    const occurredOn = readDate(cells, c.date, [mapping.dateFormat], problems);

    let kind: "income" | "expense" = "income";
    let amount: string | null | undefined;
    if (c.amount !== undefined) {
      amount = readAmount(cells, c.amount, mapping.decimal, problems, { required: true });
      if (c.kind !== undefined) {
        const k = kindOf(cells.get(c.kind), mapping);
        if ("error" in k) problems.add(cells.column(c.kind), k.error);
        else kind = k.kind;
      }
    } else if (c.debit !== undefined && c.credit !== undefined) {
      const debit = readAmount(cells, c.debit, mapping.decimal, problems);
      const credit = readAmount(cells, c.credit, mapping.decimal, problems);
      const hasDebit = debit !== null && debit !== undefined && signOfDecimal(debit) !== 0;
      const hasCredit = credit !== null && credit !== undefined && signOfDecimal(credit) !== 0;
      if (debit !== undefined && credit !== undefined) {
        if (hasDebit && hasCredit) {
          problems.add(
            cells.column(c.debit),
            `Both "${cells.column(c.debit)}" and "${cells.column(c.credit)}" have an amount: a row is money in or money out.`,
          );
        } else if (hasDebit) {
          kind = "expense";
          amount = absDecimal(debit);
        } else if (hasCredit) {
          kind = "income";
          amount = absDecimal(credit);
        } else {
          problems.add(cells.column(c.credit), `Neither "${cells.column(c.debit)}" nor "${cells.column(c.credit)}" has an amount.`);
        }
      }
    }

    const fee = c.fee !== undefined ? readAmount(cells, c.fee, mapping.decimal, problems) : null;
    const currencyCell = c.currency !== undefined ? cells.get(c.currency) : "";
    if (currencyCell !== "" && !/^[A-Za-z]{3}$/.test(currencyCell)) {
      problems.add(cells.column(c.currency ?? ""), `"${currencyCell}" is not a three-letter currency code such as EUR.`);
    }
    if (problems.any || occurredOn === undefined || amount === undefined || amount === null) return invalid(problems);

    const currency = currencyCell !== "" ? currencyCell.toUpperCase() : (mapping.currency ?? null);
    const stream = c.stream !== undefined ? cells.get(c.stream) || null : (mapping.stream ?? null);
    const externalId = c.externalId !== undefined ? cells.get(c.externalId) || null : null;
    const shared = {
      occurredOn,
      currency,
      stream,
      counterparty: c.counterparty !== undefined ? cells.get(c.counterparty) : null,
      platform: c.platform !== undefined ? cells.get(c.platform) : null,
    };
    const description = c.description !== undefined ? cells.get(c.description) || null : null;
    const transactions: ImportedTransaction[] = [transaction({ ...shared, kind, amount, description, externalId })];
    if (fee !== null && fee !== undefined && signOfDecimal(fee) !== 0) {
      transactions.push(
        transaction({
          ...shared,
          kind: "expense",
          amount: absDecimal(fee),
          description: description ? `Fee: ${description}` : "Fee",
          externalId: externalId === null ? null : `${externalId}:fee`,
        }),
      );
    }
    return produced(...transactions);
  }

  return {
    id: "mapping",
    name: "Your column mapping",
    description:
      "Any CSV read through your own column mapping: the date and its format, the amount (or a debit and a credit column), a fee column that becomes an expense, and optional kind, currency, stream, counterparty, platform, description and id columns.",
    platform: null,
    defaultStream: mapping.stream ?? null,
    requiredColumns: required,
    findHeader: (firstRecords) => findHeaderRow(firstRecords, required),
    read: (record) => read(record),
  };
}

export type ParsedMapping = { ok: true; mapping: ImportMapping } | { ok: false; errors: { path: string; message: string }[] };

/** A mapping as sent in `?mapping=` (JSON text) or stored: validated, with every problem by its path. */
export function parseImportMapping(input: string | unknown): ParsedMapping {
  let value: unknown = input;
  if (typeof input === "string") {
    try {
      value = JSON.parse(input);
    } catch {
      return { ok: false, errors: [{ path: "mapping", message: "The mapping is not valid JSON." }] };
    }
  }
  const parsed = importMapping.safeParse(value);
  if (parsed.success) return { ok: true, mapping: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((issue) => ({ path: ["mapping", ...issue.path.map(String)].join("."), message: issue.message })),
  };
}

export type { ImportMapping };
