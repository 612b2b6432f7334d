import { formatMonth } from "@/lib/format";
import { monthsBetween } from "@/lib/metrics/months";
import { previousWindow } from "@/lib/metrics/window";

/** How the comparison is named in a sentence: "the previous 12 months", or "Oct 2026" for a one-month window. */
export function previousWindowName(w: { from: string; to: string }): string {
  const length = monthsBetween(w.from, w.to) + 1;
  return length === 1 ? formatMonth(previousWindow(w).from) : `the previous ${length} months`;
}
