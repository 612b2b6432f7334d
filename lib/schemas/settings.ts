import { z } from "zod";
import { DEFAULT_THRESHOLDS, RULE_IDS, type RuleId } from "@/lib/metrics/thresholds";
import { isCurrency } from "@/lib/metrics/money";
import { currencyCode, taxRateInput, timestamp, timeZone } from "./common";

const threshold = z.object({ pass: z.number().finite(), warn: z.number().finite() }).strict();

const thresholdsShape = Object.fromEntries(RULE_IDS.map((id) => [id, threshold.optional()])) as Record<
  RuleId,
  z.ZodOptional<typeof threshold>
>;

/** A partial set of rule thresholds; each must keep `warn` on the lenient side of `pass`. */
export const thresholdsInput = z
  .object(thresholdsShape)
  .strict()
  .superRefine((v, ctx) => {
    for (const id of RULE_IDS) {
      const t = v[id];
      if (!t) continue;
      const def = DEFAULT_THRESHOLDS[id];
      const ok = def.direction === "max" ? t.warn >= t.pass : t.warn <= t.pass;
      if (!ok) {
        ctx.addIssue({
          code: "custom",
          path: [id, "warn"],
          message:
            def.direction === "max"
              ? "The warn threshold must be at least the pass threshold."
              : "The warn threshold must be at most the pass threshold.",
        });
      }
      if (t.pass < 0 || t.warn < 0) ctx.addIssue({ code: "custom", path: [id], message: "Thresholds cannot be negative." });
    }
  });

const amount = z.union([z.string(), z.number()], { error: 'Give the amount as a decimal string like "3000.00".' });

export const targetMixInput = z
  .object({ anchor: z.number().min(0).max(1), growth: z.number().min(0).max(1), speculative: z.number().min(0).max(1) })
  .strict()
  .refine((m) => Math.abs(m.anchor + m.growth + m.speculative - 1) < 1e-9, "The target shares must add up to 100%.");

export const updateSettingsInput = z
  .object({
    name: z.string().trim().min(1).max(100).optional(),
    baseCurrency: currencyCode.refine(isCurrency, "Not an ISO 4217 currency code.").optional(),
    timeZone: timeZone.optional(),
    essentialMonthlyExpenses: amount.nullable().optional(),
    cashBuffer: amount.nullable().optional(),
    taxRate: taxRateInput.nullable().optional(),
    /** Replaces the overrides; `null` resets every rule to its default. */
    thresholds: thresholdsInput.nullable().optional(),
    targetMix: targetMixInput.nullable().optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, "Send at least one setting to change.");
export type UpdateSettingsInput = z.output<typeof updateSettingsInput>;

const ruleThreshold = z.object({ pass: z.number(), warn: z.number(), direction: z.enum(["max", "min"]), isDefault: z.boolean() });

export const settingsResponse = z.object({
  name: z.string(),
  email: z.string(),
  baseCurrency: z.string(),
  timeZone: z.string(),
  essentialMonthlyExpenses: z.string().nullable(),
  essentialMonthlyExpensesMinor: z.number().int().nullable(),
  cashBuffer: z.string().nullable(),
  cashBufferMinor: z.number().int().nullable(),
  taxRate: z.number().nullable().meta({ description: "The default share of net income to set aside for taxes; null: none." }),
  thresholds: z.record(z.string(), ruleThreshold),
  targetMix: z.object({ anchor: z.number(), growth: z.number(), speculative: z.number() }).nullable(),
  updatedAt: timestamp,
});
export type SettingsView = z.output<typeof settingsResponse>;
