import { formatMonth } from "@/lib/format";
import { monthOf } from "@/lib/metrics/months";

export type FocusMonth = {
  month: string;
  /** True for the month containing today (the one with a projection); false for the last month of a past window. */
  current: boolean;
  /** The panel title: "This month: Nov 2026", or "Jun 2025" for a window that ends before today. */
  title: string;
};

/**
 * The month the goal panels follow: this month when the window includes it, else the window's last month,
 * so a look back at a past window still shows how its final month did against its goal.
 */
export function focusMonth(window: { from: string; to: string }, today: string): FocusMonth {
  const current = monthOf(today);
  if (window.from <= current && current <= window.to) return { month: current, current: true, title: `This month: ${formatMonth(current)}` };
  return { month: window.to, current: false, title: `${formatMonth(window.to)}, the last month of this window` };
}
