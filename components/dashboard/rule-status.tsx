import { Badge, type BadgeTone } from "@/components/ui/badge";
import { formatNumber, formatPercent } from "@/lib/format";
import type { RuleId } from "@/lib/metrics/thresholds";
import type { MetricsResult, RuleResult, RuleStatus } from "@/lib/metrics/types";

const TONES: Record<RuleStatus, BadgeTone> = { pass: "success", warn: "warning", fail: "danger", "n/a": "neutral" };
const WORDS: Record<RuleStatus, string> = { pass: "Pass", warn: "Warn", fail: "Fail", "n/a": "n/a" };

export function findRule(metrics: MetricsResult, id: RuleId): RuleResult | undefined {
  return metrics.rules.find((r) => r.id === id);
}

/** The effective-streams rule counts streams; every other rule the pages show is a share. */
export function formatRuleValue(rule: Pick<RuleResult, "id">, value: number): string {
  return rule.id === "effective-streams" ? formatNumber(value, 1) : formatPercent(value);
}

/** "pass ≤ 30%, warn ≤ 50%": the user's thresholds, from the response so edits in Settings show here. */
export function thresholdText(rule: RuleResult): string {
  const sign = rule.direction === "max" ? "≤" : "≥";
  return `pass ${sign} ${formatRuleValue(rule, rule.pass)}, warn ${sign} ${formatRuleValue(rule, rule.warn)}`;
}

/** A rule's status as a badge; the word says it, the colour only repeats it. */
export function RuleBadge({ rule }: { rule: RuleResult | undefined }) {
  if (!rule) return null;
  return (
    <Badge tone={TONES[rule.status]} title={thresholdText(rule)}>
      <span className="sr-only">Rule: </span>
      {WORDS[rule.status]}
      <span className="sr-only"> ({thresholdText(rule)})</span>
    </Badge>
  );
}
