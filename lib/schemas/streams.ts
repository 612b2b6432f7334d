import { z } from "zod";
import { streamKinds, streamRoles, streamStatuses } from "@/db/schema";
import { optionalText, recordDate, taxRateInput, timestamp } from "./common";

export const streamKind = z.enum(streamKinds, { error: `Kind is one of: ${streamKinds.join(", ")}.` });
export const streamRole = z.enum(streamRoles, { error: "Role is anchor, growth or speculative." });
export const streamStatus = z.enum(streamStatuses, { error: "Status is active, paused or archived." });
export type StreamKind = z.output<typeof streamKind>;
export type StreamRole = z.output<typeof streamRole>;

export { STREAM_KIND_LABELS } from "@/lib/stream-kinds";

const fields = {
  name: z
    .string()
    .trim()
    .min(1, "Give the stream a name.")
    .max(80, "At most 80 characters.")
    .meta({ description: "Unique per user.", examples: ["Etsy templates"] }),
  kind: streamKind.meta({ description: "What kind of business line it is." }),
  role: streamRole.meta({ description: "Its role in the portfolio: a steady anchor, a growth bet or a speculative one." }),
  platform: optionalText(80).meta({ description: "Where its income comes through, for its transactions without one.", examples: ["Etsy"] }),
  status: streamStatus.meta({ description: "Archived streams leave the lists but keep their history." }),
  startedOn: recordDate.nullish().meta({ description: "When the stream began, YYYY-MM-DD (1970 to a year from today)." }),
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, "Use a colour like #3b82f6.")
    .transform((s) => s.toLowerCase())
    .nullish()
    .meta({
      description:
        "#rrggbb. Left out or null: a palette colour none of your streams uses is picked and stored, so it never changes as streams are added.",
      examples: ["#2166c4"],
    }),
  description: optionalText(1000),
  taxRate: taxRateInput.nullish().meta({ description: "This stream's tax set-aside rate, a fraction 0..1; null: your default rate." }),
  feeds: z
    .union(
      [
        z.array(z.string().trim()),
        // A form sends one field: the ids separated by commas.
        z.string().transform((s) =>
          s
            .split(",")
            .map((x) => x.trim())
            .filter((x) => x !== ""),
        ),
      ],
      { error: "feeds is a list of stream ids." },
    )
    .pipe(z.array(z.string()).max(50, "At most 50 linked streams."))
    .meta({
      description:
        "The ids of the streams this one feeds (the YouTube channel brings consulting clients): losing it threatens them. Replaces the whole list.",
    }),
};

export const createStreamInput = z.object({
  ...fields,
  kind: fields.kind.default("other"),
  role: fields.role.default("growth"),
  status: fields.status.default("active"),
  feeds: fields.feeds.optional(),
});
export type CreateStreamInput = z.output<typeof createStreamInput>;

export const updateStreamInput = z
  .object(fields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, "Send at least one field to change.");
export type UpdateStreamInput = z.output<typeof updateStreamInput>;

export const listStreamsQuery = z.object({
  status: streamStatus.optional(),
});

export const deleteStreamQuery = z.object({
  cascade: z
    .enum(["true", "false"], { error: "cascade is true or false." })
    .optional()
    .transform((v) => v === "true"),
  /** With cascade: the number of transactions the user agreed to delete; any other count is a 409. */
  expectedTransactions: z.coerce.number({ error: "expectedTransactions is a number." }).int().min(0).optional(),
});

export const streamResponse = z.object({
  id: z.string(),
  name: z.string(),
  kind: streamKind,
  role: streamRole,
  platform: z.string().nullable(),
  status: streamStatus,
  startedOn: z.string().nullable(),
  color: z.string().nullable(),
  description: z.string().nullable(),
  taxRate: z.number().nullable(),
  feeds: z.array(z.string()).meta({ description: "The streams this one feeds." }),
  fedBy: z.array(z.string()).meta({ description: "The streams that feed this one." }),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type StreamView = z.output<typeof streamResponse>;

/** GET /api/v1/streams/{id}: the stream and how many transactions it holds (what a delete would remove). */
export const streamDetailResponse = streamResponse.extend({ transactionCount: z.number().int() });
export type StreamDetailView = z.output<typeof streamDetailResponse>;

/** GET /api/v1/streams/silence: the monitor of METRICS.md *Silent streams*, as the plan's `silentStreams`. */
export const silenceResponse = z.object({
  today: z.string(),
  data: z.array(
    z.object({
      streamId: z.string(),
      name: z.string(),
      lastIncomeOn: z.string(),
      daysSinceLast: z.number().int(),
      expectedGapDays: z.number(),
      silent: z.boolean(),
    }),
  ),
});
export type SilenceView = z.output<typeof silenceResponse>;
