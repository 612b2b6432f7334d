import { formatMonth } from "@/lib/format";
import { addMonths, monthsBetween } from "@/lib/metrics/months";

/**
 * The window of the same length just before `w`, which the score compares against. Shared by the server
 * page (to hydrate it) and the client (to fetch it when the window changes) so both use one key.
 */
export function previousWindow(w: { from: string; to: string }): { from: string; to: string } {
  const length = monthsBetween(w.from, w.to) + 1;
  return { from: addMonths(w.from, -length), to: addMonths(w.from, -1) };
}

/**
 * The previous window when it holds any month since the first record (so it can have analysis months
 * and a score); null when it lies wholly before the user started, where a comparison would be against
 * nothing ("up 29 from 0").
 */
export function comparableWindow(w: { from: string; to: string }, firstMonth: string | null): { from: string; to: string } | null {
  const before = previousWindow(w);
  return firstMonth !== null && before.to >= firstMonth ? before : null;
}

/** How the comparison is named in a sentence: "the previous 12 months", or "Oct 2026" for a one-month window. */
export function previousWindowName(w: { from: string; to: string }): string {
  const length = monthsBetween(w.from, w.to) + 1;
  return length === 1 ? formatMonth(previousWindow(w).from) : `the previous ${length} months`;
}
