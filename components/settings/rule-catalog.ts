import { RULE_NAMES } from "@/lib/metrics/rule-names";
import { DEFAULT_THRESHOLDS, RULE_IDS, type RuleId } from "@/lib/metrics/thresholds";
import { numberTextToNumber, percentTextToRatio, plainNumberText, ratioToPercentText } from "./ratio-text";

/** Shares and coverages are ratios shown as percentages; the effective number of streams is a count. */
export type RuleUnit = "percent" | "count";

export interface RuleCopy {
  name: string;
  unit: RuleUnit;
  /** The pass condition in plain words, given the pass threshold as the user typed it ("50%"). */
  passes: (pass: string) => string;
  /** Coverage rules compare income with essential expenses and stay n/a until those are set. */
  needsExpenses?: boolean;
}

export const RULE_COPY: Readonly<Record<RuleId, RuleCopy>> = {
  "stream-concentration": {
    name: RULE_NAMES["stream-concentration"],
    unit: "percent",
    passes: (p) => `You pass while no single stream brings in more than ${p} of your income.`,
  },
  "client-concentration": {
    name: RULE_NAMES["client-concentration"],
    unit: "percent",
    passes: (p) => `You pass while no single client pays more than ${p} of your income.`,
  },
  "platform-concentration": {
    name: RULE_NAMES["platform-concentration"],
    unit: "percent",
    passes: (p) => `You pass while no single platform (a marketplace, a payment processor) carries more than ${p} of your income.`,
  },
  "effective-streams": {
    name: RULE_NAMES["effective-streams"],
    unit: "count",
    passes: (p) => `You pass while your income is spread as evenly as at least ${p} equal streams would be.`,
  },
  "income-volatility": {
    name: RULE_NAMES["income-volatility"],
    unit: "percent",
    passes: (p) => `You pass while your monthly income typically strays no more than ${p} from its average.`,
  },
  "anchor-coverage": {
    name: RULE_NAMES["anchor-coverage"],
    unit: "percent",
    passes: (p) => `You pass while your anchor streams alone cover at least ${p} of your essential expenses.`,
    needsExpenses: true,
  },
  "largest-loss-coverage": {
    name: RULE_NAMES["largest-loss-coverage"],
    unit: "percent",
    passes: (p) => `You pass while the income left after losing your largest stream still covers at least ${p} of your essential expenses.`,
    needsExpenses: true,
  },
};

/** What the user types for a threshold value: "50" for a 0.5 share, "3" for three streams. */
export function thresholdText(id: RuleId, value: number): string {
  return RULE_COPY[id].unit === "percent" ? ratioToPercentText(value) : plainNumberText(value);
}

/** The wire value of what the user typed, or null when it is not a number. */
export function thresholdValue(id: RuleId, text: string): number | null {
  return RULE_COPY[id].unit === "percent" ? percentTextToRatio(text) : numberTextToNumber(text);
}

/** "50%" or "3" for the explanations; an unreadable entry shows as an ellipsis. */
export function thresholdLabel(id: RuleId, text: string): string {
  const value = thresholdValue(id, text);
  if (value === null) return "…";
  return RULE_COPY[id].unit === "percent" ? `${ratioToPercentText(value)}%` : plainNumberText(value);
}

export type ThresholdDraft = Record<RuleId, { pass: string; warn: string }>;

export function draftOfThresholds(thresholds: Record<string, { pass: number; warn: number }>): ThresholdDraft {
  return Object.fromEntries(
    RULE_IDS.map((id) => {
      const t = thresholds[id] ?? DEFAULT_THRESHOLDS[id];
      return [id, { pass: thresholdText(id, t.pass), warn: thresholdText(id, t.warn) }];
    }),
  ) as ThresholdDraft;
}

export function defaultDraft(id: RuleId): { pass: string; warn: string } {
  const d = DEFAULT_THRESHOLDS[id];
  return { pass: thresholdText(id, d.pass), warn: thresholdText(id, d.warn) };
}

/** True when the typed values are the defaults (as numbers: "50.0" is still the default 50%). */
export function isDefaultDraft(id: RuleId, draft: { pass: string; warn: string }): boolean {
  const d = DEFAULT_THRESHOLDS[id];
  return thresholdValue(id, draft.pass) === d.pass && thresholdValue(id, draft.warn) === d.warn;
}
