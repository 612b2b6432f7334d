import type { BadgeTone } from "@/components/ui/badge";
import type { HhiBand } from "@/components/charts/hhi-trend-chart";
import type { RuleResult } from "@/lib/metrics/types";

/**
 * HHI is described with the effective-streams rule, not with the antitrust bands: effective streams are
 * 1 / HHI, so the rule's status is the band, and its thresholds (the user's, from the response) are the
 * band edges once converted (pass at ≥ 3 effective streams is an HHI of at most 1/3). The page never
 * says "concentrated" next to a rule that passes.
 */
export type HhiBandName = "diversified" | "moderate" | "concentrated";

const BY_STATUS = { pass: "diversified", warn: "moderate", fail: "concentrated" } as const satisfies Record<Exclude<RuleResult["status"], "n/a">, HhiBandName>;

/** The band of the effective-streams rule's status; null when the rule cannot be checked. */
export function hhiBand(rule: RuleResult | undefined): HhiBandName | null {
  if (!rule || rule.status === "n/a") return null;
  return BY_STATUS[rule.status];
}

export const HHI_BAND_COPY: Record<HhiBandName, { label: string; tone: BadgeTone; meaning: string }> = {
  diversified: { label: "Diversified", tone: "success", meaning: "No stream dominates your income" },
  moderate: { label: "Moderately concentrated", tone: "warning", meaning: "A few streams carry most of your income" },
  concentrated: { label: "Concentrated", tone: "danger", meaning: "One or two streams carry most of your income" },
};

/** An effective-streams threshold as an HHI edge (1 / n), kept within the index's 0–1 range. */
const edge = (streams: number) => (streams > 1 ? 1 / streams : 1);

/** The rule's thresholds on the HHI scale: diversified up to `diversified`, concentrated above `concentrated`. */
export function hhiEdges(rule: Pick<RuleResult, "pass" | "warn">): { diversified: number; concentrated: number } {
  return { diversified: edge(rule.pass), concentrated: edge(rule.warn) };
}

/** The chart's tinted bands, from the same thresholds. */
export function hhiChartBands(rule: Pick<RuleResult, "pass" | "warn"> | undefined): HhiBand[] {
  if (!rule) return [];
  const { diversified, concentrated } = hhiEdges(rule);
  return [
    { from: 0, to: diversified, label: "Diversified", color: "var(--success)" },
    { from: diversified, to: concentrated, label: "Moderate", color: "var(--warning)" },
    { from: concentrated, to: 1, label: "Concentrated", color: "var(--danger)" },
  ].filter((b) => b.to > b.from);
}
