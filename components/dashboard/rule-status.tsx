import { Badge, type BadgeTone } from "@/components/ui/badge";
import { formatNumber, formatPercent } from "@/lib/format";
import type { RuleId } from "@/lib/metrics/thresholds";
import type { MetricsView, RuleStatusView, RuleView } from "@/lib/schemas/metrics";

const TONES: Record<RuleStatusView, BadgeTone> = { pass: "success", warn: "warning", fail: "danger", "n/a": "neutral" };
const WORDS: Record<RuleStatusView, string> = { pass: "Pass", warn: "Warn", fail: "Fail", "n/a": "n/a" };

export function findRule(metrics: MetricsView, id: RuleId): RuleView | undefined {
  return metrics.rules.find((r) => r.id === id);
}

/** The effective-streams rule counts streams; every other rule the pages show is a share. */
export function formatRuleValue(rule: Pick<RuleView, "id">, value: number): string {
  return rule.id === "effective-streams" ? formatNumber(value, 1) : formatPercent(value);
}

/** "pass ≤ 30%, warn ≤ 50%": the user's thresholds, from the response so edits in Settings show here. */
export function thresholdText(rule: RuleView): string {
  const sign = rule.direction === "max" ? "≤" : "≥";
  return `pass ${sign} ${formatRuleValue(rule, rule.pass)}, warn ${sign} ${formatRuleValue(rule, rule.warn)}`;
}

/** A rule's status as a badge; the word says it, the colour only repeats it. */
export function RuleBadge({ rule }: { rule: RuleView | undefined }) {
  if (!rule) return null;
  return (
    <Badge tone={TONES[rule.status]} title={thresholdText(rule)}>
      <span className="sr-only">Rule: </span>
      {WORDS[rule.status]}
      <span className="sr-only"> ({thresholdText(rule)})</span>
    </Badge>
  );
}
