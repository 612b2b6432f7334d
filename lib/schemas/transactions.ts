import { z } from "zod";
import { transactionKinds } from "@/db/schema";
import { isCurrency, parseAmount } from "@/lib/metrics/money";
import { currencyCode, dateString, optionalText, timestamp } from "./common";

export const MAX_BATCH = 1000;

export const transactionKind = z.enum(transactionKinds, { error: "Kind is income or expense." });

const amountValue = z.union([z.string(), z.number()], { error: 'Give the amount as a decimal string like "1234.56" or a number.' });
const currency = currencyCode.refine(isCurrency, "Not an ISO 4217 currency code.");

/**
 * One transaction as sent by a form, an automation or a CSV row. The amount is checked against the
 * currency's exponent here, so `baseCurrency` (the default currency) makes this a factory.
 */
export function transactionInput(baseCurrency: string) {
  return z
    .object({
      streamId: z.string().trim().optional(),
      stream: z.string().trim().min(1).max(80).optional(),
      kind: transactionKind.default("income"),
      occurredOn: dateString,
      amount: amountValue,
      currency: currency.optional(),
      counterparty: optionalText(120),
      platform: optionalText(80),
      description: optionalText(500),
      externalId: z.string().trim().min(1).max(200, "At most 200 characters.").nullish(),
    })
    .superRefine((v, ctx) => {
      if (!v.streamId && !v.stream) ctx.addIssue({ code: "custom", path: ["streamId"], message: "Give a streamId or a stream name." });
    })
    .transform((v, ctx) => {
      const cur = v.currency ?? baseCurrency;
      const parsed = parseAmount(v.amount, cur);
      if (!parsed.ok) {
        ctx.addIssue({ code: "custom", path: ["amount"], message: parsed.message });
        return z.NEVER;
      }
      return {
        streamId: v.streamId,
        stream: v.stream,
        kind: v.kind,
        occurredOn: v.occurredOn,
        amountMinor: parsed.minor,
        currency: cur,
        counterparty: v.counterparty ?? null,
        platform: v.platform ?? null,
        description: v.description ?? null,
        externalId: v.externalId ?? null,
      };
    });
}
export type TransactionInput = z.output<ReturnType<typeof transactionInput>>;

/** PATCH: every field optional; an amount is re-read in the (new or current) currency by the data layer. */
export const updateTransactionInput = z
  .object({
    streamId: z.string().trim().optional(),
    stream: z.string().trim().min(1).max(80).optional(),
    kind: transactionKind.optional(),
    occurredOn: dateString.optional(),
    amount: amountValue.optional(),
    currency: currency.optional(),
    counterparty: optionalText(120),
    platform: optionalText(80),
    description: optionalText(500),
    externalId: z.string().trim().min(1).max(200).nullish(),
  })
  .refine((v) => Object.keys(v).length > 0, "Send at least one field to change.");
export type UpdateTransactionInput = z.output<typeof updateTransactionInput>;

export const listTransactionsQuery = z.object({
  stream: z.string().trim().min(1).optional(),
  kind: transactionKind.optional(),
  from: dateString.optional(),
  to: dateString.optional(),
  q: z.string().trim().max(100).optional(),
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

/**
 * Validates every item of a batch and reports every problem at once, each path led by the item's
 * place (`prefix(i)`), so one call tells an automation everything it has to fix.
 */
export function parseTransactionItems(
  raw: readonly unknown[],
  baseCurrency: string,
  prefix: (i: number) => string,
): { ok: true; items: TransactionInput[] } | { ok: false; errors: { path: string; message: string }[] } {
  const schema = transactionInput(baseCurrency);
  const items: TransactionInput[] = [];
  const errors: { path: string; message: string }[] = [];
  raw.forEach((item, i) => {
    const parsed = schema.safeParse(item);
    if (parsed.success) items.push(parsed.data);
    else for (const issue of parsed.error.issues) errors.push({ path: prefix(i) + issue.path.map(String).join("."), message: issue.message });
  });
  return errors.length ? { ok: false, errors } : { ok: true, items };
}
