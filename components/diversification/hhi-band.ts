import type { HhiBand } from "@/components/charts/hhi-trend-chart";
import type { BadgeTone } from "@/components/ui/badge";
import { hhiEdges, type HhiBand as HhiBandName } from "@/lib/metrics/bands";
import type { RuleView } from "@/lib/schemas/metrics";

/** Words and tones for the HHI bands of lib/metrics/bands (read through the effective-streams rule). */
export const HHI_BAND_COPY: Record<HhiBandName, { label: string; tone: BadgeTone; meaning: string }> = {
  diversified: { label: "Diversified", tone: "success", meaning: "No stream dominates your income" },
  moderate: { label: "Moderately concentrated", tone: "warning", meaning: "A few streams carry most of your income" },
  concentrated: { label: "Concentrated", tone: "danger", meaning: "One or two streams carry most of your income" },
};

/** The chart's tinted bands, from the rule's thresholds on the HHI scale. */
export function hhiChartBands(rule: Pick<RuleView, "pass" | "warn"> | undefined): HhiBand[] {
  if (!rule) return [];
  const { diversified, concentrated } = hhiEdges(rule);
  return [
    { from: 0, to: diversified, label: "Diversified", color: "var(--success)" },
    { from: diversified, to: concentrated, label: "Moderate", color: "var(--warning)" },
    { from: concentrated, to: 1, label: "Concentrated", color: "var(--danger)" },
  ].filter((b) => b.to > b.from);
}
