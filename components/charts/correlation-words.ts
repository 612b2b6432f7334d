import { formatNumber } from "@/lib/format";

/**
 * One reading of a correlation for every place that puts one into words (the heatmap's cells, the risk
 * page's sentences), so a pair is never "strongly together" in one and "unrelated" in the other.
 */
export const CORRELATION_STRONG = 0.5;
export const CORRELATION_WEAK = 0.2;

export type CorrelationBand = "together" | "loosely-together" | "unrelated" | "loosely-opposite" | "opposite" | "n/a";

export function correlationBand(r: number | null): CorrelationBand {
  if (r === null) return "n/a";
  if (r >= CORRELATION_STRONG) return "together";
  if (r <= -CORRELATION_STRONG) return "opposite";
  if (Math.abs(r) < CORRELATION_WEAK) return "unrelated";
  return r > 0 ? "loosely-together" : "loosely-opposite";
}

export const CORRELATION_WORDS: Record<CorrelationBand, string> = {
  together: "move together",
  "loosely-together": "loosely together",
  unrelated: "unrelated",
  "loosely-opposite": "loosely opposite",
  opposite: "move in opposite directions",
  "n/a": "not enough data",
};

export const correlationMeaning = (r: number | null) => CORRELATION_WORDS[correlationBand(r)];

/** Always two decimals ("0.80", "−0.35"), so the sentences and the cells show the same figure. */
export const formatCorrelation = (r: number | null) => (r === null ? "n/a" : formatNumber(r, 2, { fixed: true }));
