import { restoreFormula } from "@/lib/csv";
import type { ImportReader, RecordOutcome } from "@/lib/import/types";

/**
 * The generic CSV (API.md "Generic CSV"): what GET /api/v1/export?format=csv writes and the format any
 * spreadsheet can be saved in.
 *
 *   date,stream,kind,amount,currency,counterparty,platform,description,external_id
 *
 * Columns are matched case-insensitively and in any order; only `date` and `amount` must be there
 * (`stream` too unless the import names one with ?stream=). Empty cells mean "not given": kind income,
 * the base currency, no counterparty. The engine checks every value like the API does.
 */
export const GENERIC_COLUMNS = [
  "date",
  "stream",
  "kind",
  "amount",
  "currency",
  "counterparty",
  "platform",
  "description",
  "external_id",
] as const;

const REQUIRED = ["date", "amount"] as const;

const normalised = new Map<string, string>();
/** A header cell as the columns are matched: no BOM, trimmed, lower-cased (remembered: every row has the same keys). */
const normalise = (cell: string) => {
  let name = normalised.get(cell);
  if (name === undefined) {
    name = cell
      .replace(/^\uFEFF/, "")
      .trim()
      .toLowerCase();
    if (normalised.size < 1000) normalised.set(cell, name);
  }
  return name;
};

const text = (value: string | undefined) => {
  const v = (value ?? "").trim();
  // The export neutralises formula-like text with an apostrophe; reading it back takes it off.
  return v === "" ? null : restoreFormula(v);
};

export const genericReader: ImportReader = {
  id: "generic",
  name: "Generic CSV",
  description:
    "Streamfolio's own CSV, as Export writes it: date (YYYY-MM-DD), stream, kind (income or expense), amount (a decimal with a dot, negative for a refund), currency, counterparty, platform, description, external_id. Only date and amount are required, plus stream unless you pick one stream for the whole file. Unknown streams are created.",
  platform: null,
  defaultStream: null,
  requiredColumns: REQUIRED,
  findHeader(firstRecords) {
    const index = firstRecords.findIndex((cells) => {
      const names = new Set(cells.map(normalise));
      return REQUIRED.every((c) => names.has(c));
    });
    return index === -1 ? null : index;
  },
  read(record): RecordOutcome {
    const cell: Record<string, string> = Object.create(null) as Record<string, string>;
    for (const key in record) {
      const name = normalise(key);
      // The first of two columns with the same name wins, as a spreadsheet's lookup would.
      if (!(name in cell)) cell[name] = record[key] ?? "";
    }
    const kind = (cell.kind ?? "").trim().toLowerCase();
    if (kind !== "" && kind !== "income" && kind !== "expense") {
      return { type: "invalid", errors: [{ path: "kind", message: "Kind is income or expense (empty means income)." }] };
    }
    const currency = (cell.currency ?? "").trim();
    return {
      type: "transactions",
      transactions: [
        {
          occurredOn: (cell.date ?? "").trim(),
          kind: kind === "expense" ? "expense" : "income",
          amount: (cell.amount ?? "").trim(),
          currency: currency === "" ? null : currency.toUpperCase(),
          stream: text(cell.stream),
          counterparty: text(cell.counterparty),
          platform: text(cell.platform),
          description: text(cell.description),
          externalId: text(cell.external_id),
        },
      ],
    };
  },
};
