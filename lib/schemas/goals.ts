import { z } from "zod";
import { monthString, timestamp } from "./common";

export const createGoalInput = z.object({
  streamId: z.string().trim().min(1).nullable().default(null).meta({ description: "The stream, or null for the whole portfolio." }),
  amount: z
    .union([z.string(), z.number()], { error: 'Give the target as a decimal string like "5000.00".' })
    .meta({ description: "The monthly income target in the base currency; 0 ends the goal from that month.", examples: ["5000.00"] }),
  effectiveFrom: monthString.meta({
    description: "The first month it applies to, YYYY-MM; it holds until a later goal of the same owner.",
    examples: ["2026-12"],
  }),
});
export type CreateGoalInput = z.output<typeof createGoalInput>;

export const goalResponse = z.object({
  id: z.string(),
  streamId: z.string().nullable(),
  amount: z.string(),
  amountMinor: z.number().int(),
  currency: z.string(),
  effectiveFrom: z.string(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type GoalView = z.output<typeof goalResponse>;
