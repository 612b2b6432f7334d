import { z } from "zod";
import { dateString, optionalText, timestamp } from "./common";

const HOURS = /^\d+(\.\d{1,2})?$/;
const hours = z
  .union([z.string(), z.number()])
  .refine((v) => HOURS.test(String(v)), "Hours like 1.5 (at most 2 decimals).")
  .transform(Number);

// A number, or digits as a form sends them.
const minutes = z.union([z.number().int("Minutes are whole numbers."), z.string().regex(/^\d+$/, "Minutes are whole numbers.").transform(Number)]);

export const createTimeEntryInput = z
  .object({
    streamId: z.string().trim().min(1, "Choose a stream."),
    occurredOn: dateString.meta({ description: "The day the time was spent, YYYY-MM-DD." }),
    hours: hours.optional().meta({ description: "Hours, at most 2 decimals (give hours or minutes).", examples: ["1.5"] }),
    minutes: minutes.optional().meta({ description: "Whole minutes (give hours or minutes).", examples: [90] }),
    note: optionalText(500),
  })
  .transform((v, ctx) => {
    if ((v.hours === undefined) === (v.minutes === undefined)) {
      ctx.addIssue({ code: "custom", path: ["hours"], message: "Give either hours or minutes." });
      return z.NEVER;
    }
    const minutes = v.minutes ?? Math.round((v.hours ?? 0) * 60);
    if (!(minutes > 0 && minutes <= 1440)) {
      ctx.addIssue({ code: "custom", path: [v.minutes === undefined ? "hours" : "minutes"], message: "Between 1 minute and 24 hours." });
      return z.NEVER;
    }
    return { streamId: v.streamId, occurredOn: v.occurredOn, minutes, note: v.note ?? null };
  });
export type CreateTimeEntryInput = z.output<typeof createTimeEntryInput>;

export const listTimeEntriesQuery = z.object({
  stream: z.string().trim().min(1).optional(),
  from: dateString.optional(),
  to: dateString.optional(),
  limit: z.coerce.number().int().min(1).max(500, "limit is at most 500.").default(100),
  cursor: z.string().max(200).optional(),
});

export const timeEntryResponse = z.object({
  id: z.string(),
  streamId: z.string(),
  occurredOn: z.string(),
  minutes: z.number().int(),
  hours: z.number(),
  note: z.string().nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type TimeEntryView = z.output<typeof timeEntryResponse>;
