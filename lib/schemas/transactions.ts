import { z } from "zod";
import { transactionKinds } from "@/db/schema";
import { isCurrency, parseAmount } from "@/lib/metrics/money";
import { currencyCode, dateString, optionalText, recordDate, timestamp } from "./common";

export const MAX_BATCH = 1000;

export const transactionKind = z.enum(transactionKinds, { error: "Kind is income or expense." });

const amountValue = z.union([z.string(), z.number()], { error: 'Give the amount as a decimal string like "1234.56" or a number.' });
const currency = currencyCode.refine(isCurrency, "Not an ISO 4217 currency code.");

/** A transaction after validation: the amount in exact minor units of `currency`. */
export interface TransactionInput {
  streamId?: string;
  stream?: string;
  kind: "income" | "expense";
  occurredOn: string;
  amountMinor: number;
  currency: string;
  counterparty: string | null;
  platform: string | null;
  description: string | null;
  externalId: string | null;
  /** The schedule whose occurrence it settles (absent: none). */
  scheduleId?: string | null;
}

const scheduleRef = z
  .string()
  .trim()
  .min(1)
  .nullish()
  .meta({ description: "The schedule (of the same stream and kind) whose expected occurrence this settles; null unlinks it." });

const transactionFields = z.object({
  streamId: z
    .string()
    .trim()
    .min(1, "Give a streamId or a stream name.")
    .optional()
    .meta({ description: "The stream's id; or give `stream`." }),
  stream: z
    .string()
    .trim()
    .min(1, "Give a streamId or a stream name.")
    .max(80)
    .optional()
    .meta({ description: "The stream's name (case-insensitive); it must exist.", examples: ["Etsy templates"] }),
  kind: transactionKind.default("income").meta({ description: "`income` (a refund is a negative income) or `expense`." }),
  occurredOn: recordDate.meta({ description: "The day it happened, YYYY-MM-DD (1970 to a year from today).", examples: ["2026-11-20"] }),
  amount: amountValue.meta({
    description: "A decimal string (or JSON number) with no more decimals than the currency has; negative for a refund.",
    examples: ["42.50", "-12.00"],
  }),
  currency: currency.optional().meta({ description: "ISO 4217 code; the base currency when left out.", examples: ["EUR"] }),
  counterparty: optionalText(120).meta({ description: "The client, customer or sponsor.", examples: ["Acme Inc."] }),
  platform: optionalText(80).meta({ description: "Where it came through; the stream's platform when left out.", examples: ["Stripe"] }),
  description: optionalText(500),
  externalId: z
    .string()
    .trim()
    .min(1)
    .max(200, "At most 200 characters.")
    .nullish()
    .meta({
      description: "Your own id for it: a known one is never inserted twice (counted under `duplicates`).",
      examples: ["etsy-8812"],
    }),
  scheduleId: scheduleRef,
});

type Issue = { path: (string | number)[]; message: string };

export const ZERO_AMOUNT = "An amount of 0 changes nothing: enter what was paid (negative for a refund).";

/**
 * Checks one transaction as sent by a form, an automation or a CSV row, reporting every problem of the
 * item at once: field errors, a missing stream reference and an amount with too many decimals for its
 * currency (read in the user's base currency when none is given).
 */
export function checkTransaction(
  raw: unknown,
  baseCurrency: string,
): { ok: true; value: TransactionInput } | { ok: false; issues: Issue[] } {
  const parsed = transactionFields.safeParse(raw);
  const issues: Issue[] = parsed.success
    ? []
    : parsed.error.issues.map((i) => ({ path: i.path as (string | number)[], message: i.message }));
  const obj = (typeof raw === "object" && raw !== null && !Array.isArray(raw) ? raw : null) as Record<string, unknown> | null;
  if (!obj) return { ok: false, issues };

  if (obj.streamId === undefined && obj.stream === undefined)
    issues.push({ path: ["streamId"], message: "Give a streamId or a stream name." });
  const failed = new Set(issues.map((i) => String(i.path[0])));
  let amountMinor: number | undefined;
  const cur = obj.currency === undefined ? baseCurrency : parsed.success ? parsed.data.currency : undefined;
  if (!failed.has("amount") && !failed.has("currency") && cur && (typeof obj.amount === "string" || typeof obj.amount === "number")) {
    const amount = parseAmount(obj.amount, cur);
    if (!amount.ok) issues.push({ path: ["amount"], message: amount.message });
    else if (amount.minor === 0) issues.push({ path: ["amount"], message: ZERO_AMOUNT });
    else amountMinor = amount.minor;
  }
  if (!parsed.success || issues.length > 0 || amountMinor === undefined) return { ok: false, issues };
  const v = parsed.data;
  return {
    ok: true,
    value: {
      streamId: v.streamId,
      stream: v.stream,
      kind: v.kind,
      occurredOn: v.occurredOn,
      amountMinor,
      currency: v.currency ?? baseCurrency,
      counterparty: v.counterparty ?? null,
      platform: v.platform ?? null,
      description: v.description ?? null,
      externalId: v.externalId ?? null,
      scheduleId: v.scheduleId ?? null,
    },
  };
}

/** A transaction as a file row gives it: every field a string, or null when the row leaves it out. */
export interface TextTransaction {
  stream: string | null;
  kind: "income" | "expense";
  occurredOn: string;
  amount: string;
  currency: string | null;
  counterparty: string | null;
  platform: string | null;
  description: string | null;
  externalId: string | null;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const CODE = /^[A-Z]{3}$/;

/** The last day recordDate accepts today (a year ahead, with a day of slack). */
export function latestRecordDate(now = new Date()): string {
  return new Date(Date.parse(`${now.toISOString().slice(0, 10)}T00:00:00Z`) + 366 * 86_400_000).toISOString().slice(0, 10);
}

const isRealDate = (s: string) => {
  const y = Number(s.slice(0, 4));
  const m = Number(s.slice(5, 7));
  const d = Number(s.slice(8, 10));
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
};

const optional = (value: string | null, max: number): string | null | undefined => {
  if (value === null) return null;
  if (value.length > max) return undefined;
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
};

/** The object checkTransaction reads for a text row: fields the row leaves out are left out. */
export function textTransactionInput(row: TextTransaction): Record<string, unknown> {
  const raw: Record<string, unknown> = {
    kind: row.kind,
    occurredOn: row.occurredOn,
    amount: row.amount,
    counterparty: row.counterparty,
    platform: row.platform,
    description: row.description,
  };
  if (row.currency !== null) raw.currency = row.currency;
  if (row.stream !== null) raw.stream = row.stream;
  if (row.externalId !== null) raw.externalId = row.externalId;
  return raw;
}

/**
 * checkTransaction's answer for a row that passes every check, without zod: the import engine checks a
 * hundred thousand rows a second this way. Answers null whenever anything is off, and the caller then
 * asks checkTransaction itself for the exact problems, so the rules and messages stay the API's own
 * (tests/unit/import/check.test.ts proves the two agree on random rows). `latest` is latestRecordDate().
 */
export function checkTextTransaction(row: TextTransaction, baseCurrency: string, latest: string): TransactionInput | null {
  if (row.stream === null) return null;
  const stream = row.stream.trim();
  if (stream === "" || stream.length > 80) return null;
  if (row.kind !== "income" && row.kind !== "expense") return null;
  const date = row.occurredOn;
  if (!DATE.test(date) || !isRealDate(date) || date < "1970-01-01" || date > latest) return null;
  let currency = baseCurrency;
  if (row.currency !== null) {
    currency = row.currency.trim().toUpperCase();
    if (!CODE.test(currency) || !isCurrency(currency)) return null;
  }
  const amount = parseAmount(row.amount, currency);
  if (!amount.ok || amount.minor === 0) return null;
  const counterparty = optional(row.counterparty, 120);
  const platform = optional(row.platform, 80);
  const description = optional(row.description, 500);
  if (counterparty === undefined || platform === undefined || description === undefined) return null;
  let externalId: string | null = null;
  if (row.externalId !== null) {
    externalId = row.externalId.trim();
    if (externalId === "" || externalId.length > 200) return null;
  }
  return {
    streamId: undefined,
    stream,
    kind: row.kind,
    occurredOn: date,
    amountMinor: amount.minor,
    currency,
    counterparty,
    platform,
    description,
    externalId,
    scheduleId: null,
  };
}

/** The shape of a transaction for the OpenAPI document (the amount is checked by checkTransaction). */
export const transactionInputSchema = transactionFields;

/** checkTransaction as a zod schema, for forms: `transactionInput("USD").safeParse(values)`. */
export function transactionInput(baseCurrency: string) {
  return z.unknown().transform((raw, ctx): TransactionInput => {
    const checked = checkTransaction(raw, baseCurrency);
    if (checked.ok) return checked.value;
    for (const issue of checked.issues) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
    return z.NEVER;
  });
}

/** PATCH: every field optional; an amount is re-read in the (new or current) currency by the data layer. */
export const updateTransactionInput = z
  .object({
    streamId: z.string().trim().min(1, "Give a stream id.").optional(),
    stream: z.string().trim().min(1).max(80).optional(),
    kind: transactionKind.optional(),
    occurredOn: recordDate.optional(),
    amount: amountValue.optional(),
    currency: currency.optional(),
    counterparty: optionalText(120),
    platform: optionalText(80),
    description: optionalText(500),
    externalId: z.string().trim().min(1).max(200).nullish(),
    scheduleId: scheduleRef,
  })
  .refine((v) => Object.keys(v).length > 0, "Send at least one field to change.");
export type UpdateTransactionInput = z.output<typeof updateTransactionInput>;

export const listTransactionsQuery = z.object({
  stream: z.string().trim().min(1).optional(),
  kind: transactionKind.optional(),
  from: dateString.optional(),
  to: dateString.optional(),
  q: z.string().trim().max(100).optional(),
  importId: z
    .uuid({ error: "importId is an import's id." })
    .optional()
    .meta({ description: "Only the transactions one CSV import brought in (GET /api/v1/imports)." }),
  limit: z.coerce.number({ error: "limit is a number." }).int().min(1).max(500, "limit is at most 500.").default(50),
  cursor: z.string().max(200).optional(),
});
export type ListTransactionsQuery = z.output<typeof listTransactionsQuery>;

export const transactionResponse = z.object({
  id: z.string(),
  streamId: z.string(),
  streamName: z.string(),
  kind: transactionKind,
  occurredOn: z.string(),
  amount: z.string(),
  amountMinor: z.number().int(),
  currency: z.string(),
  /** The amount in the user's base currency; null while no FX rate covers this currency. */
  baseAmountMinor: z.number().int().nullable(),
  counterparty: z.string().nullable(),
  platform: z.string().nullable(),
  description: z.string().nullable(),
  externalId: z.string().nullable(),
  scheduleId: z.string().nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type TransactionView = z.output<typeof transactionResponse>;

export const batchResponse = z.object({
  inserted: z.number().int(),
  duplicates: z.number().int(),
  data: z.array(transactionResponse),
});

export const suggestionsResponse = z.object({
  counterparties: z.array(z.string()),
  platforms: z.array(z.string()),
});

/** A stream reference of an item, kept even when other fields failed, so unknown streams are reported too. */
export interface StreamRef {
  index: number;
  streamId?: string;
  stream?: string;
}

/**
 * Validates every item of a batch and reports every problem at once, each path led by the item's
 * place (`prefix(i)`), so one call tells an automation everything it has to fix.
 */
export function parseTransactionItems(
  raw: readonly unknown[],
  baseCurrency: string,
  prefix: (i: number) => string,
): { items: TransactionInput[]; refs: StreamRef[]; errors: { path: string; message: string }[] } {
  const items: TransactionInput[] = [];
  const refs: StreamRef[] = [];
  const errors: { path: string; message: string }[] = [];
  raw.forEach((item, i) => {
    const checked = checkTransaction(item, baseCurrency);
    if (checked.ok) items.push(checked.value);
    else for (const issue of checked.issues) errors.push({ path: joinPath(prefix(i), issue.path), message: issue.message });
    const o = (typeof item === "object" && item !== null ? item : {}) as Record<string, unknown>;
    const streamId = typeof o.streamId === "string" && o.streamId.trim() ? o.streamId.trim() : undefined;
    const stream = typeof o.stream === "string" && o.stream.trim() ? o.stream.trim() : undefined;
    if (streamId || stream) refs.push({ index: i, ...(streamId ? { streamId } : { stream }) });
  });
  return { items, refs, errors };
}

/** "3." + ["amount"] → "3.amount"; "3." + [] → "3"; "" + ["amount"] → "amount". */
export function joinPath(prefix: string, path: readonly (string | number | symbol)[]): string {
  const rest = path.map(String).join(".");
  return rest ? prefix + rest : prefix.replace(/\.$/, "");
}
