import { formatMonth } from "@/lib/format";
import { monthOf } from "@/lib/metrics/months";

export type ThisMonth = {
  month: string;
  /** The one-month window of today's month, which the "this month" panels fetch whatever the page's window. */
  window: { from: string; to: string };
  /** The panel title: "This month: Dec 2026". */
  title: string;
};

/**
 * The month the goal panels follow: always today's month, so far. The dashboards' windows are complete
 * months and no longer contain it, so these panels ask for it on their own (the pages hydrate it).
 */
export function thisMonth(today: string): ThisMonth {
  const month = monthOf(today);
  return { month, window: { from: month, to: month }, title: `This month: ${formatMonth(month)}` };
}
