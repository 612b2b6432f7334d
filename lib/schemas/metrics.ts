import { z } from "zod";
import { MAX_WINDOW_MONTHS } from "@/lib/metrics/window";
import { monthString } from "./common";

export { MAX_WINDOW_MONTHS };

export const metricsQuery = z
  .object({ from: monthString.optional(), to: monthString.optional() })
  // Runs only when both months are well-formed, so a bad month is reported once, on its own field.
  .superRefine((v, ctx) => {
    if ((v.from === undefined) !== (v.to === undefined)) {
      ctx.addIssue({ code: "custom", path: [v.from === undefined ? "from" : "to"], message: "Give both from and to, or neither." });
      return;
    }
    if (v.from && v.to) {
      if (v.to < v.from) ctx.addIssue({ code: "custom", path: ["to"], message: "to must not be before from." });
      const [fy, fm] = v.from.split("-").map(Number) as [number, number];
      const [ty, tm] = v.to.split("-").map(Number) as [number, number];
      if ((ty - fy) * 12 + (tm - fm) + 1 > MAX_WINDOW_MONTHS) {
        ctx.addIssue({ code: "custom", path: ["to"], message: `A window holds at most ${MAX_WINDOW_MONTHS} months.` });
      }
    }
  });
export type MetricsQuery = z.output<typeof metricsQuery>;

const ratio = z.number().nullable();
const shareItem = z.object({ key: z.string(), income: z.number().int(), share: ratio });
const keyConcentration = z.object({
  hhi: ratio,
  top1Share: ratio,
  top3Share: ratio,
  unattributedShare: ratio,
  count: z.number().int().nullable(),
  items: z.array(shareItem),
});
const lossScenario = z.object({
  key: z.string().nullable(),
  remainingMonthlyIncome: ratio,
  shareLost: ratio,
  coverage: ratio,
  runwayMonths: ratio,
});

/** GET /api/v1/metrics: the response shape of METRICS.md (amounts in base minor units, ratios as floats). */
export const metricsResponse = z.object({
  window: z.object({ from: z.string(), to: z.string(), months: z.number().int() }),
  currency: z.string(),
  history: z.object({
    firstMonth: z.string().nullable(),
    analysisMonths: z.number().int(),
    from: z.string().nullable(),
    to: z.string().nullable(),
  }),
  totals: z.object({ income: z.number().int(), expenses: z.number().int(), net: z.number().int(), hours: z.number(), hourlyRate: ratio }),
  monthly: z.array(z.object({ month: z.string(), income: z.number().int(), expenses: z.number().int(), net: z.number().int() })),
  streams: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      kind: z.string(),
      role: z.string(),
      platform: z.string().nullable(),
      color: z.string().nullable(),
      income: z.number().int(),
      expenses: z.number().int(),
      net: z.number().int(),
      share: ratio,
      hours: z.number(),
      hourlyRate: ratio,
      mean: ratio,
      stdev: ratio,
      cv: ratio,
      trendSlope: ratio,
      maxDrawdown: ratio,
      monthly: z.array(z.object({ month: z.string(), income: z.number().int(), expenses: z.number().int() })),
    }),
  ),
  diversification: z.object({
    hhi: ratio,
    effectiveStreams: ratio,
    topStreamShare: ratio,
    byKind: z.array(shareItem),
    byRole: z.array(shareItem),
    byMonth: z.array(z.object({ month: z.string(), hhi: ratio, effectiveStreams: ratio })),
  }),
  concentration: z.object({ client: keyConcentration, platform: keyConcentration }),
  risk: z.object({
    mean: ratio,
    stdev: ratio,
    cv: ratio,
    trendSlope: ratio,
    maxDrawdown: ratio,
    worstMonth: z.object({ month: z.string(), income: z.number().int() }).nullable(),
    diversificationRatio: ratio,
    streamsStdevSum: ratio,
    correlations: z.object({ streamIds: z.array(z.string()), matrix: z.array(z.array(ratio)) }),
  }),
  resilience: z.object({
    monthlyIncome: ratio,
    essentialMonthlyExpenses: z.number().int().nullable(),
    anchorCoverage: ratio,
    runwayMonths: ratio,
    sustainable: z.boolean().nullable(),
    lossOfLargestStream: lossScenario,
    lossOfLargestClient: lossScenario,
    lossOfLargestPlatform: lossScenario,
  }),
  goals: z.object({
    hitRate: ratio,
    months: z.array(
      z.object({ month: z.string(), streamId: z.string().nullable(), target: z.number().int(), actual: z.number().int(), progress: z.number(), projected: ratio, status: z.enum(["hit", "missed", "current", "future"]) }),
    ),
  }),
  rules: z.array(
    z.object({
      id: z.string(),
      status: z.enum(["pass", "warn", "fail", "n/a"]),
      value: ratio,
      pass: z.number(),
      warn: z.number(),
      direction: z.enum(["max", "min"]),
      reason: z.enum(["no-history", "unattributed", "no-essential-expenses"]).nullable(),
    }),
  ),
  resilienceScore: z.number().int().nullable(),
  warnings: z.array(z.object({ code: z.literal("missing-fx-rate"), currency: z.string(), count: z.number().int() })),
});
/** What GET /api/v1/metrics answers and every dashboard reads: the one metrics type of the UI. */
export type MetricsView = z.output<typeof metricsResponse>;
