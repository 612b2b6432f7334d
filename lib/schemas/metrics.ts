import { z } from "zod";
import { RULE_IDS } from "@/lib/metrics/thresholds";
import { MAX_WINDOW_MONTHS } from "@/lib/metrics/window";
import { streamKind, streamRole } from "./streams";
import { monthString } from "./common";

export { MAX_WINDOW_MONTHS };

const windowFields = {
  from: monthString.optional().meta({ description: "The window's first month, YYYY-MM (give to as well).", examples: ["2025-12"] }),
  to: monthString
    .optional()
    .meta({ description: "The window's last month, YYYY-MM, at most 120 months after from.", examples: ["2026-11"] }),
};

/** from and to together, in order, at most 120 months apart; runs only once both months are well-formed. */
function checkWindow(v: { from?: string; to?: string }, ctx: z.RefinementCtx) {
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
}

export const metricsQuery = z.object(windowFields).superRefine(checkWindow);
export type MetricsQuery = z.output<typeof metricsQuery>;

/** A stream's clients over a window (default: the last 12 months, this one included), the largest `limit`. */
export const streamClientsQuery = z
  .object({
    ...windowFields,
    limit: z.coerce.number({ error: "limit is a number." }).int().min(1).max(100, "limit is at most 100.").default(5),
  })
  .superRefine(checkWindow);

const missingFxWarning = z.object({ code: z.literal("missing-fx-rate"), currency: z.string(), count: z.number().int() });

export const streamClientsResponse = z.object({
  window: z.object({ from: z.string(), to: z.string() }),
  /** The stream's income over the window: what each share is of. */
  income: z.number().int(),
  data: z.array(z.object({ key: z.string(), income: z.number().int(), share: z.number().nullable(), payments: z.number().int() })),
  warnings: z.array(missingFxWarning),
});
export type StreamClientsView = z.output<typeof streamClientsResponse>;

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
      kind: streamKind,
      role: streamRole,
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
      monthly: z.array(z.object({ month: z.string(), income: z.number().int(), expenses: z.number().int(), net: z.number().int() })),
    }),
  ),
  diversification: z.object({
    hhi: ratio,
    effectiveStreams: ratio,
    topStreamShare: ratio,
    byKind: z.array(shareItem),
    byRole: z.array(shareItem),
    byMonth: z.array(z.object({ month: z.string(), hhi: ratio, effectiveStreams: ratio })),
    links: z
      .array(z.object({ from: z.string(), to: z.string() }))
      .meta({ description: "Which stream feeds which (a stream's `feeds`), between the streams listed." }),
    feeders: z.array(z.object({ id: z.string(), reaches: z.array(z.string()), shareAtRisk: z.number() })).meta({
      description:
        "Each stream that feeds another: the streams it reaches through the links, and its own share plus theirs (the income that depends on it).",
    }),
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
      z.object({
        month: z.string(),
        streamId: z.string().nullable(),
        target: z.number().int(),
        actual: z.number().int(),
        progress: z.number(),
        projected: ratio,
        status: z.enum(["hit", "missed", "current", "future"]),
      }),
    ),
  }),
  rules: z.array(
    z.object({
      id: z.enum(RULE_IDS),
      status: z.enum(["pass", "warn", "fail", "n/a"]),
      value: ratio,
      pass: z.number(),
      warn: z.number(),
      direction: z.enum(["max", "min"]),
      reason: z.enum(["no-history", "unattributed", "no-essential-expenses"]).nullable(),
    }),
  ),
  resilienceScore: z.number().int().nullable(),
  tax: z
    .object({
      setAside: z.number(),
      afterTaxNet: z.number(),
      byMonth: z.array(z.object({ month: z.string(), setAside: z.number() })),
    })
    .meta({
      description:
        "What to set aside for taxes: each month, every stream's net income times its rate, never below zero (base minor units, unrounded).",
    }),
  warnings: z.array(missingFxWarning),
});
/** What GET /api/v1/metrics answers and every dashboard reads: the one metrics type of the UI. */
export type MetricsView = z.output<typeof metricsResponse>;
export type StreamMetricsView = MetricsView["streams"][number];
export type GoalMonthView = MetricsView["goals"]["months"][number];
export type RuleView = MetricsView["rules"][number];
export type RuleStatusView = RuleView["status"];
export type KeyConcentrationView = MetricsView["concentration"]["client"];
export type LossScenarioView = MetricsView["resilience"]["lossOfLargestStream"];
export type MetricsWarningView = MetricsView["warnings"][number];
