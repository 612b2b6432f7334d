import { addMonths, isMonth, monthOf, monthsBetween } from "./months";

/** The window presets of the dashboards' picker, kept in the URL as `?w=`. */
export const WINDOW_PRESETS = ["3m", "6m", "12m", "24m", "ytd"] as const;
export type WindowPreset = (typeof WINDOW_PRESETS)[number];

export interface ResolvedWindow {
  from: string;
  to: string;
  /** The preset, or "custom" for an explicit from/to. */
  preset: WindowPreset | "custom";
}

const MAX_MONTHS = 120;

/**
 * The window a dashboard URL asks for: `?w=3m|6m|12m|24m|ytd`, or `?from=YYYY-MM&to=YYYY-MM`
 * (custom, at most 120 months, from <= to). Anything else falls back to the last 12 months.
 * Months are counted back from the month of `today` (the user's local date).
 */
export function resolveWindow(params: { w?: string | null; from?: string | null; to?: string | null }, today: string): ResolvedWindow {
  const current = monthOf(today);
  const { from, to } = params;
  if (from && to && isMonth(from) && isMonth(to) && from <= to && monthsBetween(from, to) < MAX_MONTHS) {
    return { from, to, preset: "custom" };
  }
  const w = (WINDOW_PRESETS as readonly string[]).includes(params.w ?? "") ? (params.w as WindowPreset) : "12m";
  if (w === "ytd") return { from: `${current.slice(0, 4)}-01`, to: current, preset: "ytd" };
  const n = Number(w.slice(0, -1));
  return { from: addMonths(current, -(n - 1)), to: current, preset: w };
}
