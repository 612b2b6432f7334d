import type { BadgeTone } from "@/components/ui/badge";
import { scoreBand as bandOf, type ScoreBand as Band } from "@/lib/metrics/bands";

export type ScoreBand = { label: string; tone: BadgeTone; meaning: string };

const COPY: Record<Band, ScoreBand> = {
  strong: { label: "Strong", tone: "success", meaning: "most rules pass, so losing one source would hurt but not sink you" },
  moderate: {
    label: "Moderate",
    tone: "warning",
    meaning: "some rules warn or fail, so one lost client or a bad month would strain your budget",
  },
  fragile: { label: "Fragile", tone: "danger", meaning: "several rules fail, so your income leans on too few sources" },
};

/** Words for the score's band (lib/metrics/bands decides the band). */
export function scoreBand(score: number): ScoreBand {
  return COPY[bandOf(score)];
}
