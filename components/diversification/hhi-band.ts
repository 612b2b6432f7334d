import type { BadgeTone } from "@/components/ui/badge";
import type { HhiBand } from "@/components/charts/hhi-trend-chart";

/**
 * The usual reading of a Herfindahl index of shares (the antitrust bands, on a 0–1 scale): a label for
 * a number the API computed, so it lives with the page that explains it.
 */
export const HHI_DIVERSIFIED = 0.15;
export const HHI_CONCENTRATED = 0.25;

export type HhiBandName = "diversified" | "moderate" | "concentrated";

export function hhiBand(hhi: number): HhiBandName {
  if (hhi < HHI_DIVERSIFIED) return "diversified";
  if (hhi <= HHI_CONCENTRATED) return "moderate";
  return "concentrated";
}

export const HHI_BAND_COPY: Record<HhiBandName, { label: string; tone: BadgeTone; meaning: string }> = {
  diversified: { label: "Diversified", tone: "success", meaning: "No stream dominates your income" },
  moderate: { label: "Moderately concentrated", tone: "warning", meaning: "A few streams carry most of your income" },
  concentrated: { label: "Concentrated", tone: "danger", meaning: "One or two streams carry most of your income" },
};

export const HHI_CHART_BANDS: readonly HhiBand[] = [
  { from: 0, to: HHI_DIVERSIFIED, label: "Diversified", color: "var(--success)" },
  { from: HHI_DIVERSIFIED, to: HHI_CONCENTRATED, label: "Moderate", color: "var(--warning)" },
  { from: HHI_CONCENTRATED, to: 1, label: "Concentrated", color: "var(--danger)" },
];
