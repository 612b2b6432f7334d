import { addMonths } from "./months";
import { DEFAULT_THRESHOLDS, RULE_IDS, type RuleDefinition, type RuleId } from "./thresholds";
import type { RuleGap, RuleResult, RuleStatus, Thresholds } from "./types";

/** Three complete months are the least that says anything about steadiness (METRICS.md). */
export const MIN_SCORE_MONTHS = 3;

export function ruleStatus(value: number | null, rule: RuleDefinition): RuleStatus {
  if (value === null) return "n/a";
  const within = (limit: number) => (rule.direction === "max" ? value <= limit : value >= limit);
  if (within(rule.pass)) return "pass";
  return within(rule.warn) ? "warn" : "fail";
}

/**
 * The first month in which a window that starts at F can carry a score: the month after F's first three
 * months have ended (F = Oct 2026 → Jan 2027). null without F.
 */
export function firstScoreMonth(firstMonth: string | null): string | null {
  return firstMonth === null ? null : addMonths(firstMonth, MIN_SCORE_MONTHS);
}

/** A rule's value, or why it has none. */
export type RuleValue = { value: number } | { value: null; reason: RuleGap };

/** Every rule in RULE_IDS order, with the user's thresholds where set and the defaults elsewhere. */
export function evaluateRules(values: Readonly<Record<RuleId, RuleValue>>, thresholds: Thresholds): RuleResult[] {
  return RULE_IDS.map((id) => {
    const defaults = DEFAULT_THRESHOLDS[id];
    const rule: RuleDefinition = { ...defaults, ...pickThreshold(thresholds, id) };
    const entry = values[id];
    return {
      id,
      status: ruleStatus(entry.value, rule),
      value: entry.value,
      pass: rule.pass,
      warn: rule.warn,
      direction: rule.direction,
      reason: entry.value === null ? entry.reason : null,
    };
  });
}

/**
 * round(100 × (passes + 0.5 × warns) / applicable), halves up, on integers:
 * 100 × (2p + w) / 2a, rounded as floor((2 × num + den) / (2 × den)). null when every rule is n/a or
 * when fewer than three analysis months stand behind the figures.
 */
export function resilienceScore(rules: readonly { status: RuleStatus }[], analysisMonths: number): number | null {
  if (analysisMonths < MIN_SCORE_MONTHS) return null;
  const applicable = rules.filter((rule) => rule.status !== "n/a");
  if (applicable.length === 0) return null;
  const passes = applicable.filter((rule) => rule.status === "pass").length;
  const warns = applicable.filter((rule) => rule.status === "warn").length;
  const numerator = 100 * (2 * passes + warns);
  const denominator = 2 * applicable.length;
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

/** Only the threshold numbers come from settings; a rule's direction is part of its definition. */
function pickThreshold(thresholds: Thresholds, id: RuleId): Partial<RuleDefinition> {
  const custom = thresholds[id];
  return custom === undefined ? {} : { pass: custom.pass, warn: custom.warn };
}
