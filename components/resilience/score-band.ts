import type { BadgeTone } from "@/components/ui/badge";

export type ScoreBand = { label: string; tone: BadgeTone; meaning: string };

/**
 * Words for the 0–100 resilience score. METRICS.md defines the score but no bands; these cut where the
 * score's arithmetic does: 80+ needs nearly every rule passing, under 50 means more fails than passes.
 */
export function scoreBand(score: number): ScoreBand {
  if (score >= 80) return { label: "Strong", tone: "success", meaning: "most rules pass, so losing one source would hurt but not sink you" };
  if (score >= 50) return { label: "Moderate", tone: "warning", meaning: "some rules warn or fail, so one lost client or a bad month would strain your budget" };
  return { label: "Fragile", tone: "danger", meaning: "several rules fail, so your income leans on too few sources" };
}
