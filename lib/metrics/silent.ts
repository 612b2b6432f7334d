import { addDays, daysBetween } from "./days";
import { quantile } from "./quantile";

/**
 * METRICS.md *Silent streams*: a stream that earns on a rhythm (an automation, a shop) and has gone quiet
 * for well over its usual gap. Only streams with at least 6 distinct income dates in the 180 days ending
 * today are monitored; the caller passes only active streams.
 */

export const SILENT_LOOKBACK_DAYS = 180;
export const SILENT_MIN_DATES = 6;

export interface SilentCheck {
  lastIncomeOn: string;
  daysSinceLast: number;
  /** q_0.9 of the gaps between consecutive income dates, in days. */
  expectedGapDays: number;
  silent: boolean;
}

/**
 * `incomeDates`: the dates of the stream's income transactions with a positive amount (linked to a
 * schedule or not), in any order, repeats allowed. Null when the stream is not monitored.
 */
export function silentCheck(incomeDates: readonly string[], today: string): SilentCheck | null {
  const from = addDays(today, -(SILENT_LOOKBACK_DAYS - 1));
  const dates = [...new Set(incomeDates.filter((d) => d >= from && d <= today))].sort();
  if (dates.length < SILENT_MIN_DATES) return null;
  const gaps = dates.slice(1).map((d, i) => daysBetween(dates[i]!, d));
  const expectedGapDays = quantile(gaps, 0.9);
  const lastIncomeOn = dates[dates.length - 1]!;
  const daysSinceLast = daysBetween(lastIncomeOn, today);
  return { lastIncomeOn, daysSinceLast, expectedGapDays, silent: daysSinceLast > Math.max(3, 2 * expectedGapDays) };
}
