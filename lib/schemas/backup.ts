import { z } from "zod";
import { scheduleCadences, streamKinds, streamRoles, streamStatuses, transactionKinds, webhookEvents } from "@/db/schema";
import { formatMinor, isCurrency, MAX_AMOUNT_MINOR, parseRate } from "@/lib/metrics/money";
import { dateString, monthString, timestamp, timeZone } from "./common";
import { importMappingValue } from "./imports";
import { targetMixInput, thresholdsInput } from "./settings";
import { createWebhookInput, MAX_WEBHOOKS, webhookEvent } from "./webhooks";

/**
 * The versioned JSON backup of everything a user owns (GET /api/v1/export?format=json) and what
 * POST /api/v1/restore takes back. Money is integer minor units (`amountMinor`), with the decimal
 * `amount` beside it for people reading the file; restore checks the two agree. Ids are the original
 * account's: restore gives every record a new id and keeps every relationship. No secrets: API tokens
 * (and their hashes), passwords, sessions and webhook signing secrets are never in it (a restored
 * webhook endpoint gets a new secret).
 */

export const BACKUP_VERSION = 1;

const id = z.uuid({ error: "An id (UUID)." }).transform((s) => s.toLowerCase());
const currency = z.string().refine(isCurrency, "Not an ISO 4217 currency code.");
const minor = z
  .number()
  .int("Whole minor units.")
  .refine((n) => Math.abs(n) <= MAX_AMOUNT_MINOR, "The amount is too large.");
const text = (max: number) => z.string().max(max, `At most ${max} characters.`).nullable();
const times = { createdAt: timestamp, updatedAt: timestamp };
const taxRate = z.number().min(0).max(1).nullable();

const settings = z.object({
  baseCurrency: currency,
  timeZone,
  essentialMonthlyExpenses: z.string().nullable().optional(),
  essentialMonthlyExpensesMinor: minor.min(0).nullable(),
  cashBuffer: z.string().nullable().optional(),
  cashBufferMinor: minor.min(0).nullable(),
  /** Left out by backups made before tax rates existed. */
  taxRate: taxRate.optional(),
  /** Only the thresholds the user changed. */
  thresholds: thresholdsInput,
  targetMix: targetMixInput.nullable(),
});

const stream = z.object({
  id,
  name: z.string().trim().min(1).max(80),
  kind: z.enum(streamKinds),
  role: z.enum(streamRoles),
  platform: text(80),
  status: z.enum(streamStatuses),
  startedOn: dateString.nullable(),
  color: z
    .string()
    .regex(/^#[0-9a-f]{6}$/i)
    .nullable(),
  description: text(1000),
  taxRate: taxRate.optional(),
  ...times,
});

const importRecord = z.object({
  id,
  fileName: text(255),
  preset: z.string().min(1).max(60),
  rows: z.number().int().min(0),
  inserted: z.number().int().min(0),
  duplicates: z.number().int().min(0),
  skipped: z.number().int().min(0),
  invalid: z.number().int().min(0),
  createdAt: timestamp,
});

const transaction = z.object({
  id,
  streamId: id,
  importId: id.nullable(),
  kind: z.enum(transactionKinds),
  occurredOn: dateString,
  amount: z.string().optional(),
  amountMinor: minor.refine((n) => n !== 0, "An amount of 0 is not a transaction."),
  currency,
  counterparty: text(120),
  platform: text(80),
  description: text(500),
  externalId: z.string().min(1).max(200).nullable(),
  /** Left out by backups made before schedules existed. */
  scheduleId: id.nullable().default(null),
  ...times,
});

const schedule = z
  .object({
    id,
    streamId: id,
    name: text(80),
    counterparty: text(120),
    kind: z.enum(transactionKinds),
    amount: z.string().optional(),
    amountMinor: minor.min(1, "An expected amount is positive."),
    currency,
    cadence: z.enum(scheduleCadences),
    interval: z.number().int().min(1).max(120),
    startOn: dateString,
    endOn: dateString.nullable(),
    graceDays: z.number().int().min(0).max(365),
    autoLog: z.boolean(),
    ...times,
  })
  .refine((s) => s.endOn === null || s.endOn >= s.startOn, { message: "The end date is before the start date.", path: ["endOn"] });

/** An outgoing webhook endpoint: where and what, never its signing secret. */
const webhook = z.object({
  url: createWebhookInput.shape.url,
  events: z
    .array(webhookEvent)
    .min(1, "Choose at least one event.")
    .max(webhookEvents.length)
    .transform((events) => [...new Set(events)]),
  ...times,
});

const streamFeed = z.object({ fromStreamId: id, toStreamId: id });

const timeEntry = z.object({
  id,
  streamId: id,
  occurredOn: dateString,
  minutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  note: text(500),
  ...times,
});

const goal = z.object({
  streamId: id.nullable(),
  amount: z.string().optional(),
  amountMinor: minor.min(0),
  effectiveFrom: monthString,
  ...times,
});

const fxRate = z.object({
  baseCurrency: currency,
  currency,
  date: dateString,
  rate: z.string().refine((r) => parseRate(r).ok, "A positive decimal rate."),
  /** Left out by backups made before fetched rates existed. */
  source: z.enum(["manual", "ecb"]).default("manual"),
  ...times,
});

const importMapping = z.object({
  name: z.string().trim().min(1).max(80),
  mapping: importMappingValue,
  ...times,
});

type Ctx = z.RefinementCtx;

function unique<T>(ctx: Ctx, items: readonly T[], key: (item: T) => string, path: string, what: string) {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const k = key(item);
    if (seen.has(k)) ctx.addIssue({ code: "custom", path: [path, i], message: `${what} appears twice.` });
    seen.add(k);
  });
}

/** A decimal `amount` beside `amountMinor` must say the same (a hand-edited file is caught, not half-read). */
function sameAmount(ctx: Ctx, value: { amount?: string | null; amountMinor: number | null }, cur: string, path: (string | number)[]) {
  if (value.amount === undefined || value.amount === null || value.amountMinor === null) return;
  // Zod runs this refinement over fields it has already refused: those answer with their own message.
  if (!isCurrency(cur) || !Number.isSafeInteger(value.amountMinor) || Math.abs(value.amountMinor) > MAX_AMOUNT_MINOR) return;
  if (formatMinor(value.amountMinor, cur) !== value.amount)
    ctx.addIssue({ code: "custom", path, message: `${value.amount} is not ${value.amountMinor} minor units of ${cur}.` });
}

export const backupSchema = z
  .object({
    version: z.literal(BACKUP_VERSION, { error: `This backup's version is not ${BACKUP_VERSION}.` }),
    exportedAt: timestamp,
    settings,
    streams: z.array(stream),
    imports: z.array(importRecord).default([]),
    goals: z.array(goal),
    fxRates: z.array(fxRate),
    importMappings: z.array(importMapping).default([]),
    timeEntries: z.array(timeEntry),
    /** Left out by backups made before schedules and stream links existed. */
    schedules: z.array(schedule).default([]),
    streamFeeds: z.array(streamFeed).default([]),
    /** Left out by backups made before webhooks existed. */
    webhooks: z.array(webhook).max(MAX_WEBHOOKS, `At most ${MAX_WEBHOOKS} webhooks.`).default([]),
    transactions: z.array(transaction),
  })
  .superRefine((b, ctx) => {
    unique(ctx, b.streams, (s) => s.id, "streams", "This id");
    unique(ctx, b.streams, (s) => s.name.toLowerCase(), "streams", "This stream name");
    unique(ctx, b.imports, (s) => s.id, "imports", "This id");
    unique(ctx, b.transactions, (t) => t.id, "transactions", "This id");
    unique(
      ctx,
      b.transactions.filter((t) => t.externalId !== null),
      (t) => t.externalId!,
      "transactions",
      "This externalId",
    );
    unique(ctx, b.timeEntries, (t) => t.id, "timeEntries", "This id");
    unique(ctx, b.goals, (g) => `${g.streamId}:${g.effectiveFrom}`, "goals", "A goal for this owner and month");
    unique(ctx, b.fxRates, (r) => `${r.baseCurrency}:${r.currency}:${r.date}`, "fxRates", "This rate");
    unique(ctx, b.importMappings, (m) => m.name.toLowerCase(), "importMappings", "This mapping name");
    unique(ctx, b.schedules, (s) => s.id, "schedules", "This id");
    unique(ctx, b.streamFeeds, (f) => `${f.fromStreamId}:${f.toStreamId}`, "streamFeeds", "This link");
    const streamIds = new Set(b.streams.map((s) => s.id));
    const importIds = new Set(b.imports.map((i) => i.id));
    const scheduleOf = new Map(b.schedules.map((s) => [s.id, s]));
    b.schedules.forEach((s, i) => {
      if (!streamIds.has(s.streamId))
        ctx.addIssue({ code: "custom", path: ["schedules", i, "streamId"], message: "Not a stream of this backup." });
      sameAmount(ctx, s, s.currency, ["schedules", i, "amount"]);
    });
    b.streamFeeds.forEach((f, i) => {
      for (const key of ["fromStreamId", "toStreamId"] as const)
        if (!streamIds.has(f[key]))
          ctx.addIssue({ code: "custom", path: ["streamFeeds", i, key], message: "Not a stream of this backup." });
      if (f.fromStreamId === f.toStreamId)
        ctx.addIssue({ code: "custom", path: ["streamFeeds", i, "toStreamId"], message: "A stream does not feed itself." });
    });
    b.transactions.forEach((t, i) => {
      const sched = t.scheduleId === null ? null : scheduleOf.get(t.scheduleId);
      if (sched === undefined)
        ctx.addIssue({ code: "custom", path: ["transactions", i, "scheduleId"], message: "Not a schedule of this backup." });
      // A transaction whose stream is missing is reported once, under streamId.
      else if (sched !== null && streamIds.has(t.streamId) && (sched.streamId !== t.streamId || sched.kind !== t.kind))
        ctx.addIssue({ code: "custom", path: ["transactions", i, "scheduleId"], message: "The schedule is of another stream or kind." });
      if (!streamIds.has(t.streamId))
        ctx.addIssue({ code: "custom", path: ["transactions", i, "streamId"], message: "Not a stream of this backup." });
      if (t.importId !== null && !importIds.has(t.importId))
        ctx.addIssue({ code: "custom", path: ["transactions", i, "importId"], message: "Not an import of this backup." });
      sameAmount(ctx, t, t.currency, ["transactions", i, "amount"]);
    });
    b.timeEntries.forEach((t, i) => {
      if (!streamIds.has(t.streamId))
        ctx.addIssue({ code: "custom", path: ["timeEntries", i, "streamId"], message: "Not a stream of this backup." });
    });
    b.goals.forEach((g, i) => {
      if (g.streamId !== null && !streamIds.has(g.streamId))
        ctx.addIssue({ code: "custom", path: ["goals", i, "streamId"], message: "Not a stream of this backup." });
      sameAmount(ctx, g, b.settings.baseCurrency, ["goals", i, "amount"]);
    });
    sameAmount(
      ctx,
      { amount: b.settings.essentialMonthlyExpenses, amountMinor: b.settings.essentialMonthlyExpensesMinor },
      b.settings.baseCurrency,
      ["settings", "essentialMonthlyExpenses"],
    );
    sameAmount(ctx, { amount: b.settings.cashBuffer, amountMinor: b.settings.cashBufferMinor }, b.settings.baseCurrency, [
      "settings",
      "cashBuffer",
    ]);
  });
export type Backup = z.output<typeof backupSchema>;

/** The answer of a restore: what was created. */
export const restoreResponse = z.object({
  streams: z.number().int(),
  transactions: z.number().int(),
  timeEntries: z.number().int(),
  goals: z.number().int(),
  fxRates: z.number().int(),
  importMappings: z.number().int(),
  imports: z.number().int(),
  schedules: z.number().int(),
  /** Endpoints restored, each with a new signing secret: delete and register one again to see a secret. */
  webhooks: z.number().int(),
});

export const exportQuery = z.object({
  format: z.enum(["csv", "json"], { error: "format is csv or json." }).default("csv").meta({
    description:
      "`csv`: every transaction as the generic CSV (which POST /api/v1/imports takes back); `json`: the versioned backup of everything you own.",
  }),
});
