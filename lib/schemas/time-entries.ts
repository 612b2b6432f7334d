import { z } from "zod";
import { dateString, optionalText, recordDate, timestamp } from "./common";

/**
 * Hours as people type them: "1.5", "1,5", "1.5 h", "1:30", "1h 30m", "90m"; whole minutes, or null
 * when it is none of these.
 */
export function parseDurationMinutes(text: string): number | null {
  const s = text.trim().toLowerCase();
  let m = /^(\d{1,3})(?:[.,](\d{1,2}))?\s*(?:h|hr|hrs|hours?)?$/.exec(s);
  if (m) return Math.round(Number(`${m[1]}.${m[2] ?? "0"}`) * 60);
  m = /^(\d{1,3}):([0-5]\d)$/.exec(s) ?? /^(\d{1,3})\s*h\s*(\d{1,2})\s*(?:m|min|mins|minutes?)?$/.exec(s);
  if (m) return Number(m[1]) * 60 + Number(m[2]);
  m = /^(\d{1,4})\s*(?:m|min|mins|minutes?)$/.exec(s);
  return m ? Number(m[1]) : null;
}

const hours = z.union([z.string(), z.number()], { error: "Hours like 1.5, 1:30 or 90m." }).transform((v, ctx) => {
  const minutes = parseDurationMinutes(String(v));
  if (minutes === null) {
    ctx.addIssue({ code: "custom", message: "Hours like 1.5, 1:30 or 90m." });
    return z.NEVER;
  }
  return minutes / 60;
});

// A number, or digits as a form sends them.
const minutes = z.union(
  [z.number().int("Minutes are whole numbers."), z.string().regex(/^\d+$/, "Minutes are whole numbers.").transform(Number)],
  {
    error: "Minutes are whole numbers.",
  },
);

const MAX_MINUTES = 24 * 60;

/** Hours or minutes (exactly one) as whole minutes between 1 and 24 hours, reported on the field given. */
function toMinutes(v: { hours?: number; minutes?: number }, ctx: z.RefinementCtx): number | undefined {
  if (v.hours !== undefined && v.minutes !== undefined) {
    ctx.addIssue({ code: "custom", path: ["hours"], message: "Give either hours or minutes, not both." });
    return undefined;
  }
  const minutes = v.minutes ?? (v.hours === undefined ? undefined : Math.round(v.hours * 60));
  if (minutes !== undefined && !(minutes > 0 && minutes <= MAX_MINUTES)) {
    ctx.addIssue({ code: "custom", path: [v.minutes === undefined ? "hours" : "minutes"], message: "Between 1 minute and 24 hours." });
    return undefined;
  }
  return minutes;
}

const entryFields = {
  streamId: z.string().trim().min(1, "Choose a stream."),
  occurredOn: recordDate.meta({ description: "The day the time was spent, YYYY-MM-DD." }),
  hours: hours.optional().meta({ description: "Hours, at most 2 decimals (give hours or minutes).", examples: ["1.5"] }),
  minutes: minutes.optional().meta({ description: "Whole minutes (give hours or minutes).", examples: [90] }),
  note: optionalText(500),
};

export const createTimeEntryInput = z.object(entryFields).transform((v, ctx) => {
  if (v.hours === undefined && v.minutes === undefined) {
    ctx.addIssue({ code: "custom", path: ["hours"], message: "Give either hours or minutes." });
    return z.NEVER;
  }
  const minutes = toMinutes(v, ctx);
  if (minutes === undefined) return z.NEVER;
  return { streamId: v.streamId, occurredOn: v.occurredOn, minutes, note: v.note ?? null };
});
export type CreateTimeEntryInput = z.output<typeof createTimeEntryInput>;

/** PATCH: any of the fields; hours or minutes replace the duration. */
export const updateTimeEntryInput = z
  .object(entryFields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, "Send at least one field to change.")
  .transform((v, ctx) => {
    const minutes = toMinutes(v, ctx);
    if (minutes === undefined && (v.hours !== undefined || v.minutes !== undefined)) return z.NEVER;
    return { streamId: v.streamId, occurredOn: v.occurredOn, minutes, note: v.note };
  });
export type UpdateTimeEntryInput = z.output<typeof updateTimeEntryInput>;

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
