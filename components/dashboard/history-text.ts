import { formatCount, formatMonth, formatMonthRange } from "@/lib/format";
import { addMonths, monthOf } from "@/lib/metrics/months";
import { firstScoreMonth, MIN_SCORE_MONTHS } from "@/lib/metrics/rules";
import type { MetricsView } from "@/lib/schemas/metrics";

/**
 * The sentences that say what a dashboard's figures rest on: the analysis months of the response's
 * `history` (complete months since the first record, METRICS.md "Windows and analysis months"). Words
 * only: every month and count here is the API's, or calendar arithmetic on them.
 */
type Basis = Pick<MetricsView, "history" | "window">;

/**
 * When a window without complete months gets its first one: the month after the first recorded month
 * of the window ends. null when the window lies wholly before the first record (it never will) or when
 * nothing is recorded.
 */
function firstFigures({ history, window }: Basis): { start: string; appears: string } | null {
  if (history.firstMonth === null) return null;
  const start = history.firstMonth > window.from ? history.firstMonth : window.from;
  if (start > window.to) return null;
  return { start, appears: addMonths(start, 1) };
}

/** "Jan 2027": when a window without complete months gets its first figures; null when it never will. */
export function figuresAppear(basis: Basis): string | null {
  const next = firstFigures(basis);
  return next === null ? null : formatMonth(next.appears);
}

/** Why a window has no complete month, and when figures appear; a sentence for panels and the header. */
export function noHistoryText(basis: Basis): string {
  const { history } = basis;
  if (history.firstMonth === null) return "No income is recorded yet, so there is nothing to measure.";
  const next = firstFigures(basis);
  if (next === null) {
    return `Your records start in ${formatMonth(history.firstMonth)}, after this window ends: pick a window from ${formatMonth(history.firstMonth)} on.`;
  }
  return `No complete month in this window yet: the figures that need one appear in ${formatMonth(next.appears)}, once ${formatMonth(next.start)} is over.`;
}

/** The same for a small card: "Appears in Jan 2027, once Dec 2026 is over." */
export function noHistoryShort(basis: Basis): string {
  const next = firstFigures(basis);
  if (basis.history.firstMonth === null) return "No income recorded yet.";
  if (next === null) return `No complete month in this window: your records start in ${formatMonth(basis.history.firstMonth)}.`;
  return `Needs a complete month: appears in ${formatMonth(next.appears)}, once ${formatMonth(next.start)} is over.`;
}

/**
 * "Based on 3 complete months, Sep–Nov 2026." with what else the reader should know: a month still in
 * progress counts only in the totals, and a window that starts before the first record. null without any
 * record (the page shows its empty state instead).
 */
export function basedOnText(basis: Basis, today: string): string | null {
  const { history, window } = basis;
  if (history.firstMonth === null) return null;
  if (history.analysisMonths === 0 || history.from === null || history.to === null) return noHistoryText(basis);
  const parts = [`Based on ${formatCount(history.analysisMonths, "complete month")}, ${formatMonthRange(history.from, history.to)}.`];
  if (history.firstMonth > window.from) parts.push(`Your records start in ${formatMonth(history.firstMonth)}.`);
  const current = monthOf(today);
  if (window.from <= current && current <= window.to)
    parts.push(`${formatMonth(current)} is still in progress, so it counts only in the totals.`);
  return parts.join(" ");
}

/**
 * Why there is no score, and when there will be one: after three complete months since the first record
 * ("Your score appears in Jan 2027, after three complete months (Oct–Dec 2026)"), or with a longer window
 * when the history is there. null when the response has a score.
 */
export function scorePendingText(metrics: Pick<MetricsView, "history" | "window" | "resilienceScore">, today: string): string | null {
  if (metrics.resilienceScore !== null) return null;
  const { history } = metrics;
  if (history.firstMonth === null) return "No score yet: log your income to get one.";
  if (history.analysisMonths >= MIN_SCORE_MONTHS) {
    return "No score yet: none of the rules can be checked without income in the complete months of this window.";
  }
  const appears = firstScoreMonth(history.firstMonth);
  if (appears !== null && appears > monthOf(today)) {
    const months = formatMonthRange(history.firstMonth, addMonths(history.firstMonth, MIN_SCORE_MONTHS - 1));
    return `Your score appears in ${formatMonth(appears)}, after three complete months (${months}).`;
  }
  return `A score needs at least three complete months; this window has ${formatCount(history.analysisMonths, "complete month")}. Pick a longer window to see it.`;
}
