import { formatNumber } from "@/lib/format";
import { correlationBand, type CorrelationBand } from "@/lib/metrics/bands";

/**
 * One reading of a correlation for every place that puts one into words (the heatmap's cells, the risk
 * page's sentences), so a pair is never "strongly together" in one and "unrelated" in the other; the
 * band itself is lib/metrics/bands'.
 */
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
