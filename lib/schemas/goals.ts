import { z } from "zod";
import { monthString, timestamp } from "./common";

export const createGoalInput = z.object({
  streamId: z.string().trim().min(1).nullable().default(null),
  amount: z.union([z.string(), z.number()], { error: 'Give the target as a decimal string like "5000.00".' }),
  effectiveFrom: monthString,
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
