import { z } from "zod";
import { insightKinds } from "@/db/schema";
import { timestamp } from "./common";

export const insightResponse = z.object({
  id: z.string(),
  kind: z.enum(insightKinds),
  title: z.string(),
  body: z.string(),
  data: z
    .record(z.string(), z.unknown())
    .meta({ description: "The figures behind it, by kind (ids, dates, amounts in base minor units)." }),
  readAt: timestamp.nullable(),
  createdAt: timestamp,
});
export type InsightView = z.output<typeof insightResponse>;

export const insightsResponse = z.object({
  data: z.array(insightResponse),
  nextCursor: z.string().nullable(),
  unread: z.number().int().meta({ description: "How many insights are unread, in all." }),
});
export type InsightsView = z.output<typeof insightsResponse>;

export const insightsQuery = z.object({
  limit: z.coerce.number({ error: "limit is a number." }).int().min(1).max(100, "limit is at most 100.").default(30),
  cursor: z.string().max(200).optional(),
});

export const markReadInput = z.object({
  ids: z
    .array(z.string())
    .max(500, "At most 500 at a time.")
    .optional()
    .meta({ description: "The insights to mark read; left out: all of them." }),
});

export const unreadResponse = z.object({ unread: z.number().int() });
