/**
 * How the dashboards classify a figure for words and colours. METRICS.md defines the figures and the
 * rules; these are the product's readings of them, kept here (pure, tested) so a component only turns a
 * class into copy and never decides one.
 */
import type { RuleStatus, StreamRole } from "./types";

export type HhiBand = "diversified" | "moderate" | "concentrated";

/**
 * HHI is read through the effective-streams rule, not the antitrust bands: effective streams are 1 / HHI,
 * so the rule's status is the band. null when the rule cannot be checked.
 */
export function hhiBand(effectiveStreamsStatus: RuleStatus | undefined): HhiBand | null {
  if (effectiveStreamsStatus === undefined || effectiveStreamsStatus === "n/a") return null;
  return ({ pass: "diversified", warn: "moderate", fail: "concentrated" } as const)[effectiveStreamsStatus];
}

/** An effective-streams threshold as an HHI edge (1 / n), kept within the index's 0–1 range. */
const edge = (streams: number) => (streams > 1 ? 1 / streams : 1);

/** The effective-streams thresholds on the HHI scale: diversified up to `diversified`, concentrated above `concentrated`. */
export function hhiEdges(rule: { pass: number; warn: number }): { diversified: number; concentrated: number } {
  return { diversified: edge(rule.pass), concentrated: edge(rule.warn) };
}

export type ScoreBand = "strong" | "moderate" | "fragile";

/**
 * The 0–100 resilience score in three bands, cut where its arithmetic does: 80+ needs nearly every rule
 * passing, under 50 means more fails than passes.
 */
export function scoreBand(score: number): ScoreBand {
  if (score >= 80) return "strong";
  return score >= 50 ? "moderate" : "fragile";
}

/** |r| from which two streams move together (or opposite), and below which they are unrelated. */
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

/**
 * The typical range of a month: mean ± one standard deviation, floored at 0 (income below nothing is not
 * a month anyone has). null without a spread: one month, or months that never changed.
 */
export function typicalRange(mean: number | null, stdev: number | null): { low: number; high: number } | null {
  if (mean === null || stdev === null || stdev <= 0) return null;
  return { low: Math.max(0, mean - stdev), high: mean + stdev };
}

/**
 * Where the actual mix by role is furthest from the target mix (a share difference, positive when above
 * target): a role without income counts as a share of 0. null without a target; `diff` 0 when they match.
 */
export function widestMixGap(
  actual: Partial<Record<StreamRole, number | null>>,
  target: Record<StreamRole, number> | null,
): { role: StreamRole; diff: number } | null {
  if (target === null) return null;
  let widest: { role: StreamRole; diff: number } | null = null;
  for (const role of ["anchor", "growth", "speculative"] as const) {
    const diff = (actual[role] ?? 0) - target[role];
    if (widest === null || Math.abs(diff) > Math.abs(widest.diff)) widest = { role, diff };
  }
  return widest;
}
