import { z } from "zod";
import { DEFAULT_HORIZON } from "@/lib/metrics/plan";

/** GET /api/v1/plan: the forecast's horizon and a salary to try, a decimal in the base currency. */
export const planQuery = z.object({
  horizon: z.coerce
    .number({ error: "horizon is a number of months." })
    .int("horizon is a whole number of months.")
    .min(1, "horizon is 1 to 24 months.")
    .max(24, "horizon is 1 to 24 months.")
    .default(DEFAULT_HORIZON)
    .meta({ description: "The months after the current one to forecast (1 to 24).", examples: [6] }),
  salary: z
    .string()
    .trim()
    .min(1)
    .optional()
    .meta({
      description: "A monthly salary to try, in the base currency; your essential monthly expenses when left out.",
      examples: ["4200.00"],
    }),
});

const ratio = z.number().nullable();
const forecastMonth = z.object({
  month: z.string(),
  expected: z.number().meta({ description: "The trend part plus the scheduled part, base minor units (unrounded)." }),
  low: ratio.meta({ description: "The 10th percentile of the history's misses around the trend; null below 3 months of history." }),
  high: ratio.meta({ description: "The 90th percentile; null below 3 months of history." }),
  scheduled: z.number().meta({ description: "Expected income from schedules due that month, not yet received." }),
});

/** GET /api/v1/plan: METRICS.md *Planning* (amounts in base minor units, unrounded). */
export const planResponse = z.object({
  today: z.string(),
  currency: z.string(),
  history: z.object({ from: z.string().nullable(), to: z.string().nullable(), months: z.number().int() }),
  forecast: z.object({
    months: z.array(forecastMonth),
    streams: z.array(z.object({ id: z.string(), name: z.string(), months: z.array(forecastMonth) })),
  }),
  salary: z.object({
    sustainable: ratio.meta({ description: "The largest monthly pay the history would have sustained without emptying the buffer." }),
    buffer: z.number().int().nullable(),
    target: z.number().int().nullable(),
    bufferNeeded: ratio.meta({ description: "The smallest starting buffer that pays `target` through the whole history." }),
    monthsCovered: z.number().int().nullable(),
  }),
  silentStreams: z.array(
    z.object({
      streamId: z.string(),
      name: z.string(),
      lastIncomeOn: z.string(),
      daysSinceLast: z.number().int(),
      expectedGapDays: z.number(),
      silent: z.boolean(),
    }),
  ),
  warnings: z.array(
    z.object({
      code: z.enum(["missing-fx-rate", "missing-fx-rate-scheduled", "total-too-large"]),
      currency: z.string(),
      count: z.number().int(),
    }),
  ),
});
export type PlanView = z.output<typeof planResponse>;
