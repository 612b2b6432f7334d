import { z } from "zod";
import { scheduleCadences } from "@/db/schema";
import { isCurrency, parseAmount } from "@/lib/metrics/money";
import { currencyCode, dateString, optionalText, timestamp } from "./common";
import { transactionKind } from "./transactions";

export const scheduleCadence = z.enum(scheduleCadences, { error: "Cadence is weekly, monthly, quarterly or yearly." });
export type ScheduleCadence = z.output<typeof scheduleCadence>;

/** A whole number sent as a JSON number or, from a form, as its digits. */
const wholeNumber = (min: number, max: number, what: string) =>
  z
    .union([z.number(), z.string().trim().regex(/^\d+$/, `${what} is a whole number.`).transform(Number)], {
      error: `${what} is a whole number.`,
    })
    .pipe(z.number().int(`${what} is a whole number.`).min(min, `${what} is at least ${min}.`).max(max, `${what} is at most ${max}.`));

/** true or false, also as a form sends it ("true", "false", "on"). */
const flag = z.union([z.boolean(), z.enum(["true", "false", "on"]).transform((v) => v !== "false")], {
  error: "Use true or false.",
});

const fields = {
  streamId: z.string().trim().min(1, "Choose the stream it belongs to.").meta({ description: "The stream the money is expected in." }),
  name: optionalText(80).meta({ description: "A label for people.", examples: ["Acme retainer"] }),
  counterparty: optionalText(120).meta({
    description: "Who is expected to pay: payments from them are suggested as settling it.",
    examples: ["Acme Inc."],
  }),
  kind: transactionKind.meta({ description: "`income` (the default) or `expense`." }),
  amount: z
    .union([z.string(), z.number()], { error: 'Give the amount as a decimal string like "3000.00".' })
    .meta({ description: "The amount expected each time, positive, in `currency`.", examples: ["3000.00"] }),
  currency: currencyCode
    .refine(isCurrency, "Not an ISO 4217 currency code.")
    .meta({ description: "ISO 4217 code; the base currency when left out.", examples: ["USD"] }),
  cadence: scheduleCadence.meta({ description: "How often: weekly, monthly, quarterly or yearly." }),
  interval: wholeNumber(1, 120, "The interval").meta({ description: "Every N cadences (every 2 weeks: weekly, 2). Default 1." }),
  startOn: dateString.meta({ description: "The first due date, YYYY-MM-DD; later ones keep its weekday or day of the month." }),
  endOn: dateString.nullish().meta({ description: "No occurrence after this date; null: open-ended." }),
  graceDays: wholeNumber(0, 365, "The grace period").meta({ description: "Days after the due date before it counts as late. Default 5." }),
  autoLog: flag.meta({ description: "Log the transaction by itself on each due date (once per occurrence)." }),
};

/** With a currency given, the amount is checked here (forms see it at once); without one, against the base currency by lib/data. */
function amountFits(v: { amount?: string | number; currency?: string }, ctx: z.RefinementCtx) {
  if (v.amount === undefined || v.currency === undefined) return;
  const parsed = parseAmount(v.amount, v.currency);
  if (!parsed.ok) ctx.addIssue({ code: "custom", path: ["amount"], message: parsed.message });
  else if (parsed.minor <= 0) ctx.addIssue({ code: "custom", path: ["amount"], message: POSITIVE_AMOUNT });
}

export const POSITIVE_AMOUNT = "The expected amount is positive (use kind expense for money going out).";

const endNotBeforeStart = (v: { startOn?: string; endOn?: string | null }) => !(v.startOn && v.endOn && v.endOn < v.startOn);
const END_MESSAGE = { message: "The end date is before the start date.", path: ["endOn"] };

export const createScheduleInput = z
  .object({
    ...fields,
    kind: fields.kind.default("income"),
    currency: fields.currency.optional(),
    interval: fields.interval.default(1),
    graceDays: fields.graceDays.default(5),
    autoLog: fields.autoLog.default(false),
  })
  .refine(endNotBeforeStart, END_MESSAGE)
  .superRefine(amountFits);
export type CreateScheduleInput = z.output<typeof createScheduleInput>;

export const updateScheduleInput = z
  .object(fields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, "Send at least one field to change.")
  .refine(endNotBeforeStart, END_MESSAGE);
export type UpdateScheduleInput = z.output<typeof updateScheduleInput>;

export const scheduleResponse = z.object({
  id: z.string(),
  streamId: z.string(),
  name: z.string().nullable(),
  counterparty: z.string().nullable(),
  kind: transactionKind,
  amount: z.string(),
  amountMinor: z.number().int(),
  currency: z.string(),
  cadence: scheduleCadence,
  interval: z.number().int(),
  startOn: z.string(),
  endOn: z.string().nullable(),
  graceDays: z.number().int(),
  autoLog: z.boolean(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type ScheduleView = z.output<typeof scheduleResponse>;

export const listSchedulesQuery = z.object({
  stream: z.uuid({ error: "stream is a stream's id." }).optional().meta({ description: "Only this stream's schedules." }),
});

/** The longest span one occurrences request may cover: ten years, some 520 weekly occurrences per schedule. */
export const MAX_OCCURRENCE_SPAN_DAYS = 3660;

export const occurrencesQuery = z
  .object({
    from: dateString.meta({ description: "The first due date to include, YYYY-MM-DD." }),
    to: dateString.meta({ description: "The last due date to include, YYYY-MM-DD (at most ten years after `from`)." }),
    stream: z.uuid({ error: "stream is a stream's id." }).optional().meta({ description: "Only this stream's occurrences." }),
    status: z
      .enum(["received", "upcoming", "due", "late"], { error: "status is received, upcoming, due or late." })
      .optional()
      .meta({ description: "Only occurrences with this status today." }),
    limit: z.coerce.number({ error: "limit is a number." }).int().min(1).max(500, "limit is at most 500.").default(100),
    cursor: z.string().max(200).optional(),
  })
  .refine((q) => q.from <= q.to, { message: "`to` is before `from`.", path: ["to"] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= MAX_OCCURRENCE_SPAN_DAYS * 86_400_000, {
    message: "Ask for at most ten years at a time.",
    path: ["to"],
  });
export type OccurrencesQuery = z.output<typeof occurrencesQuery>;

export const occurrenceResponse = z.object({
  scheduleId: z.string(),
  streamId: z.string(),
  dueOn: z.string(),
  amount: z.string(),
  amountMinor: z.number().int(),
  currency: z.string(),
  status: z.enum(["received", "upcoming", "due", "late"]),
  transactionId: z.string().nullable(),
});
export type OccurrenceView = z.output<typeof occurrenceResponse>;

export const scheduleSuggestionsResponse = z.object({
  data: z.array(
    z.object({
      scheduleId: z.string(),
      dueOn: z.string(),
      transaction: z.object({
        id: z.string(),
        occurredOn: z.string(),
        amount: z.string(),
        amountMinor: z.number().int(),
        currency: z.string(),
        counterparty: z.string().nullable(),
      }),
    }),
  ),
});
export type ScheduleSuggestionsView = z.output<typeof scheduleSuggestionsResponse>;

const baseMoney = z.object({ amount: z.string(), amountMinor: z.number().int(), count: z.number().int() });

export const scheduleSummaryResponse = z.object({
  today: z.string(),
  month: z.string(),
  currency: z.string(),
  hasSchedules: z.boolean(),
  expected: baseMoney.meta({ description: "Unsettled income due this month that is not late, in the base currency at today's rate." }),
  late: baseMoney.extend({
    items: z.array(
      z.object({
        scheduleId: z.string(),
        name: z.string().nullable(),
        streamId: z.string(),
        dueOn: z.string(),
        amount: z.string(),
        currency: z.string(),
        daysLate: z.number().int(),
      }),
    ),
  }),
  /** missing-fx-rate: occurrences in a currency without a rate; total-too-large: occurrences left out because the sum would pass 2^53 minor units (it stays exact). */
  warnings: z.array(z.object({ code: z.enum(["missing-fx-rate", "total-too-large"]), currency: z.string(), count: z.number().int() })),
});
export type ScheduleSummaryView = z.output<typeof scheduleSummaryResponse>;
