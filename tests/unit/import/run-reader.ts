/**
 * Runs a reader over a fixture the way the engine does: papaparse (RFC 4180, quoted newlines), the header
 * found by the reader among the first records, each later record keyed by the header's cells (trimmed,
 * BOM removed) with the file line it starts on, blank lines left out.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import Papa from "papaparse";
import type { ImportReader, ImportedTransaction, RecordOutcome } from "@/lib/import/types";

export function fixture(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../../fixtures/imports/${name}`, import.meta.url)), "utf8");
}

interface Row {
  line: number;
  cells: string[];
}

function rows(text: string): Row[] {
  const out: Row[] = [];
  let previous = 0;
  Papa.parse<string[]>(text, {
    step: (result) => {
      let start = previous;
      while (text[start] === "\r" || text[start] === "\n") start += 1;
      previous = result.meta.cursor;
      const cells = result.data;
      if (cells.every((c) => c.trim() === "")) return;
      let line = 1;
      for (let i = 0; i < start; i += 1) if (text[i] === "\n") line += 1;
      out.push({ line, cells });
    },
  });
  return out;
}

export interface ReaderRun {
  headerLine: number | null;
  outcomes: { line: number; outcome: RecordOutcome }[];
}

export function runReader(reader: ImportReader, text: string): ReaderRun {
  const all = rows(text);
  const index = reader.findHeader(all.slice(0, 30).map((r) => r.cells));
  if (index === null) return { headerLine: null, outcomes: [] };
  const headerRow = all[index];
  if (!headerRow) throw new Error("findHeader pointed past the records");
  const header = headerRow.cells.map((c) => c.replace(/^\uFEFF/, "").trim());
  const outcomes = all.slice(index + 1).map(({ line, cells }) => {
    const record: Record<string, string> = {};
    header.forEach((name, i) => {
      if (!(name in record)) record[name] = cells[i] ?? "";
    });
    return { line, outcome: reader.read(record, line) };
  });
  return { headerLine: headerRow.line, outcomes };
}

/** The transactions of a run, each with the line it came from. */
export function transactionsOf(run: ReaderRun): (ImportedTransaction & { line: number })[] {
  return run.outcomes.flatMap(({ line, outcome }) =>
    outcome.type === "transactions" ? outcome.transactions.map((t) => ({ line, ...t })) : [],
  );
}

export function skipsOf(run: ReaderRun): { line: number; reason: string }[] {
  return run.outcomes.flatMap(({ line, outcome }) => (outcome.type === "skip" ? [{ line, reason: outcome.reason }] : []));
}

export function invalidsOf(run: ReaderRun): { line: number; errors: { path: string; message: string }[] }[] {
  return run.outcomes.flatMap(({ line, outcome }) => (outcome.type === "invalid" ? [{ line, errors: outcome.errors }] : []));
}

/** A transaction as the tests write them out: every field, the defaults filled in. */
export function expected(
  line: number,
  fields: Pick<ImportedTransaction, "occurredOn" | "kind" | "amount"> & Partial<ImportedTransaction>,
): ImportedTransaction & { line: number } {
  return { line, currency: null, stream: null, counterparty: null, platform: null, description: null, externalId: null, ...fields };
}
