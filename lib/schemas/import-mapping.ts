import { z } from "zod";
import { isCurrency } from "@/lib/metrics/money";
import { currencyCode } from "./common";

/** The date formats a mapping can name (lib/import/values.ts reads them). */
export const importDateFormats = ["iso", "mdy", "dmy", "mon-d-y", "dd-mm-yyyy", "datetime"] as const;

const columnName = z
  .string({ error: "Name the file's column (its header, as written)." })
  .trim()
  .min(1, "Name the file's column (its header, as written).")
  .max(200, "A column name has at most 200 characters.");

const optionalColumn = columnName.optional();

/** Which of the file's columns fill which field of a transaction. */
export const importMappingColumns = z
  .object({
    date: columnName.meta({ description: "The column with the day it happened." }),
    amount: optionalColumn.meta({ description: "One signed amount column (the gross of a sale); or give debit and credit." }),
    fee: optionalColumn.meta({
      description: "A fee taken from the amount: imported as a second transaction, an expense of the same stream.",
    }),
    debit: optionalColumn.meta({ description: "Money out (an expense), with `credit`, instead of `amount`." }),
    credit: optionalColumn.meta({ description: "Money in (income), with `debit`, instead of `amount`." }),
    kind: optionalColumn.meta({ description: "income or expense (see `kindValues`)." }),
    currency: optionalColumn,
    stream: optionalColumn.meta({ description: "The stream by name; or name one fixed `stream` for every row." }),
    counterparty: optionalColumn,
    platform: optionalColumn,
    description: optionalColumn,
    externalId: optionalColumn.meta({ description: "The file's own id for the row: a known one is never imported twice." }),
  })
  .strict();

/**
 * A person's own column mapping (`?mapping=` on POST /api/v1/imports, and what a saved preset stores):
 * which header feeds which field, how dates and decimals are written, and the defaults for what the file
 * does not say.
 */
export const importMapping = z
  .object({
    columns: importMappingColumns,
    dateFormat: z.enum(importDateFormats, {
      error: `Choose the date format: ${importDateFormats.join(", ")}.`,
    }),
    decimal: z.enum([".", ","], { error: 'The decimal separator is "." or ",".' }).default("."),
    currency: currencyCode
      .refine(isCurrency, "Not an ISO 4217 currency code.")
      .optional()
      .meta({ description: "The currency of rows without a currency cell; the base currency when left out." }),
    stream: z
      .string()
      .trim()
      .min(1, "Name the stream, or leave it out.")
      .max(80, "A stream name has at most 80 characters.")
      .optional()
      .meta({ description: "One fixed stream for every row." }),
    kindValues: z
      .array(z.string().trim().min(1, "A kind value cannot be empty.").max(80), { error: "List the cell values that mean an expense." })
      .min(1, "List at least one cell value that means an expense.")
      .max(50)
      .optional()
      .meta({
        description:
          'The kind column\'s values that mean an expense (case-insensitive); every other value is income. Without it the column says "income" or "expense".',
      }),
  })
  .strict()
  .superRefine((m, ctx) => {
    const c = m.columns;
    const pair = c.debit !== undefined || c.credit !== undefined;
    if (c.amount !== undefined && pair) {
      ctx.addIssue({ code: "custom", path: ["columns", "amount"], message: "Use one amount column or a debit/credit pair, not both." });
    } else if (c.amount === undefined && !pair) {
      ctx.addIssue({ code: "custom", path: ["columns", "amount"], message: "Name the amount column, or a debit and a credit column." });
    } else if (pair && (c.debit === undefined || c.credit === undefined)) {
      const missing = c.debit === undefined ? "debit" : "credit";
      ctx.addIssue({
        code: "custom",
        path: ["columns", missing],
        message: `Name the ${missing} column too: debit and credit come as a pair.`,
      });
    }
    const money: [string, string | undefined][] = [
      ["amount", c.amount],
      ["fee", c.fee],
      ["debit", c.debit],
      ["credit", c.credit],
    ];
    const seen = new Map<string, string>();
    for (const [field, column] of money) {
      if (column === undefined) continue;
      const key = column.toLowerCase();
      const other = seen.get(key);
      if (other !== undefined)
        ctx.addIssue({ code: "custom", path: ["columns", field], message: `"${column}" is already the ${other} column.` });
      else seen.set(key, field);
    }
    if (c.date !== undefined && seen.has(c.date.toLowerCase())) {
      ctx.addIssue({ code: "custom", path: ["columns", "date"], message: `"${c.date}" cannot be both the date and an amount.` });
    }
    if (m.stream !== undefined && c.stream !== undefined) {
      ctx.addIssue({ code: "custom", path: ["stream"], message: "Take the stream from a column or name one fixed stream, not both." });
    }
    if (m.kindValues !== undefined && c.kind === undefined) {
      ctx.addIssue({ code: "custom", path: ["kindValues"], message: "kindValues reads the kind column: name it in columns.kind." });
    }
    if (c.kind !== undefined && pair) {
      ctx.addIssue({
        code: "custom",
        path: ["columns", "kind"],
        message: "With a debit/credit pair the kind comes from the column that has the amount: leave kind out.",
      });
    }
  });

export type ImportMapping = z.output<typeof importMapping>;
export type ImportMappingInput = z.input<typeof importMapping>;

/** A mapping saved as a person's own preset: a name to pick it by, and the mapping itself. */
export const savedImportMapping = z
  .object({
    version: z.literal(1, { error: "This saved mapping is from an unknown version." }).default(1),
    name: z.string().trim().min(1, "Give the mapping a name.").max(80, "At most 80 characters."),
    mapping: importMapping,
  })
  .strict();

export type SavedImportMapping = z.output<typeof savedImportMapping>;
