import { z } from "zod";
import { importMapping } from "./import-mapping";
import { transactionKind } from "./transactions";
import { listResponse, timestamp } from "./common";

const flag = (description: string) =>
  z
    .enum(["true", "false"], { error: "Use true or false." })
    .optional()
    .transform((v) => v === "true")
    .meta({ description });

export const importQuery = z.object({
  preset: z.string().trim().min(1).max(60).default("generic").meta({
    description: "The reader: `generic` (the default), a preset id from GET /api/v1/imports/presets, or `mapping` with `mapping`.",
  }),
  mapping: z
    .string()
    .max(20_000)
    .optional()
    .meta({ description: "With `preset=mapping`: the column mapping as JSON, or the id of a saved mapping." }),
  stream: z
    .string()
    .trim()
    .min(1)
    .max(80)
    .optional()
    .meta({ description: "The stream (id or name) for rows that name none; a new name is created as kind other, role growth." }),
  dryRun: flag("Do everything, then undo it: exact counts, the streams it would create, a preview of the first 20 records."),
  skipInvalid: flag("Import the valid rows and list the invalid ones, instead of refusing the whole file."),
  fileName: z
    .string()
    .trim()
    .min(1)
    .max(255)
    .optional()
    .meta({ description: "The file's name for the import history (a multipart upload's own name otherwise)." }),
});
export type ImportQuery = z.output<typeof importQuery>;

/** One problem of one record: `row` is the file's line number (1-based, as a spreadsheet shows it). */
export const importError = z.object({
  row: z.number().int(),
  path: z.string().meta({ description: "The file's column (or the field it fills) that is wrong." }),
  message: z.string(),
});
export type ImportError = z.output<typeof importError>;

/** A transaction as the import makes it (or would, in a dry run). */
export const importedTransactionView = z.object({
  stream: z.string(),
  kind: transactionKind,
  occurredOn: z.string(),
  amount: z.string(),
  amountMinor: z.number().int(),
  currency: z.string(),
  counterparty: z.string().nullable(),
  platform: z.string().nullable(),
  description: z.string().nullable(),
  externalId: z.string(),
});

export const importPreviewRow = z.object({
  line: z.number().int(),
  outcome: z
    .enum(["transactions", "duplicate", "skip", "invalid"])
    .meta({ description: "transactions: new; duplicate: every transaction of the record is already there (or earlier in the file)." }),
  transactions: z.array(importedTransactionView),
  reason: z.string().nullable().meta({ description: "Why a skipped record is skipped." }),
  errors: z.array(z.object({ path: z.string(), message: z.string() })),
});

export const importResponse = z.object({
  importId: z.string().nullable().meta({ description: "The import's id in the history (null for a dry run)." }),
  dryRun: z.boolean(),
  reader: z.string().meta({ description: "The reader's id: generic, a preset, or mapping." }),
  fileName: z.string().nullable(),
  rows: z.number().int().meta({ description: "Data records read (after the header; blank lines are not counted)." }),
  inserted: z.number().int().meta({ description: "Transactions written (in a dry run: that would be)." }),
  duplicates: z
    .number()
    .int()
    .meta({ description: "Transactions whose externalId was already there (or repeated in the file): not inserted again." }),
  skipped: z.number().int().meta({ description: "Records that are not income or expense (payouts, transfers, totals)." }),
  skippedReasons: z.array(z.object({ reason: z.string(), count: z.number().int(), firstRow: z.number().int() })),
  invalid: z.number().int().meta({ description: "Records that could not be imported; `errors` lists their problems." }),
  streamsCreated: z.number().int(),
  createdStreams: z.array(z.string()),
  errors: z.array(importError).meta({ description: "Every problem of every invalid record, in file order (at most 10,000 entries)." }),
  totals: z
    .array(
      z.object({ kind: transactionKind, currency: z.string(), count: z.number().int(), amount: z.string(), amountMinor: z.number().int() }),
    )
    .meta({ description: "The valid transactions of the file by kind and currency (duplicates included)." }),
  preview: z.array(importPreviewRow).optional().meta({ description: "Dry runs: the first 20 records and what each becomes." }),
});
export type ImportResult = z.output<typeof importResponse>;

export const importHistoryItem = z.object({
  id: z.string(),
  fileName: z.string().nullable(),
  preset: z.string(),
  rows: z.number().int(),
  inserted: z.number().int(),
  duplicates: z.number().int(),
  skipped: z.number().int(),
  invalid: z.number().int(),
  transactions: z.number().int().meta({ description: "How many of its transactions are still there." }),
  createdAt: timestamp,
});
export const importHistoryResponse = listResponse(importHistoryItem);

export const importHistoryQuery = z.object({
  limit: z.coerce.number({ error: "limit is a number." }).int().min(1).max(100, "limit is at most 100.").default(50),
  cursor: z.string().max(200).optional(),
});

export const deletedImportResponse = importHistoryItem.omit({ transactions: true }).extend({
  deletedTransactions: z.number().int(),
});

export const readerView = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  platform: z.string().nullable(),
  defaultStream: z.string().nullable(),
  requiredColumns: z.array(z.string()),
});

/** A saved mapping is checked like `?mapping=`: the same schema. */
export const importMappingValue = importMapping;

export const importMappingInput = z.object({
  name: z.string().trim().min(1, "Give the mapping a name.").max(80, "At most 80 characters."),
  mapping: importMappingValue.meta({ description: "Column → field, the date and decimal formats: what `?mapping=` takes." }),
});
export type ImportMappingInput = z.output<typeof importMappingInput>;

export const importMappingResponse = z.object({
  id: z.string(),
  name: z.string(),
  mapping: z.record(z.string(), z.unknown()),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export const importMappingList = listResponse(importMappingResponse);

export const presetsResponse = z.object({
  data: z.array(readerView).meta({ description: "The built-in readers: the generic CSV and one per platform." }),
  mappings: z
    .array(importMappingResponse)
    .meta({ description: "The caller's saved column mappings (use with preset=mapping&mapping=<id>)." }),
});
