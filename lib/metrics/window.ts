import { addMonths, isMonth, monthOf, monthsBetween } from "./months";

/**
 * Windows and analysis months (METRICS.md): a month that has not ended, or that lies before the user
 * started recording, says nothing about how steady the income is, so most figures rest on the window's
 * complete months since the first data month F only.
 */

export interface MonthRange {
  from: string;
  to: string;
}

/** The window's analysis months A: its months m with F <= m < the current month; null when there is none. */
export function analysisRange(window: MonthRange, firstMonth: string | null, today: string): MonthRange | null {
  if (firstMonth === null) return null;
  const from = window.from > firstMonth ? window.from : firstMonth;
  const lastComplete = addMonths(monthOf(today), -1);
  const to = window.to < lastComplete ? window.to : lastComplete;
  return from <= to ? { from, to } : null;
}

/**
 * No from/to: the 12 complete months before the current month, starting no earlier than F; the current
 * month alone when there is no complete month since F (or no F).
 */
export function defaultWindow(today: string, firstMonth: string | null): MonthRange {
  return sinceFirstMonth(today, firstMonth, 12);
}

/** The up to 6 most recent months m with F <= m < current month, oldest first: the goals' projection basis. */
export function projectionMonths(firstMonth: string | null, today: string): string[] {
  const range = analysisRange(completeMonths(today, null, 6), firstMonth, today);
  if (range === null) return [];
  const months: string[] = [];
  for (let m = range.from; m <= range.to; m = addMonths(m, 1)) months.push(m);
  return months;
}

/**
 * The `count` months ending with today's month, the current one included: the money of "the last 12
 * months" on the stream cards and pages, where this month so far is what a person looks for first.
 */
export function recentWindow(today: string, count = 12): MonthRange {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`a window holds at least one month: ${count}`);
  const to = monthOf(today);
  return { from: addMonths(to, -(count - 1)), to };
}

/**
 * The window of the same length just before `w`, which the score compares against. Shared by the server
 * page (to hydrate it) and the client (to fetch it when the window changes) so both use one key.
 */
export function previousWindow(w: MonthRange): MonthRange {
  const length = monthsBetween(w.from, w.to) + 1;
  return { from: addMonths(w.from, -length), to: addMonths(w.from, -1) };
}

/**
 * The previous window when it holds any month since the first record (so it can have analysis months
 * and a score); null when it lies wholly before the user started, where a comparison would be against
 * nothing ("up 29 from 0").
 */
export function comparableWindow(w: MonthRange, firstMonth: string | null): MonthRange | null {
  const before = previousWindow(w);
  return firstMonth !== null && before.to >= firstMonth ? before : null;
}

/** The window presets of the dashboards' picker, kept in the URL as `?w=`. */
export const WINDOW_PRESETS = ["3m", "6m", "12m", "24m", "ytd", "all"] as const;
export type WindowPreset = (typeof WINDOW_PRESETS)[number];

export interface ResolvedWindow extends MonthRange {
  /** The preset, or "custom" for an explicit from/to. */
  preset: WindowPreset | "custom";
}

export const MAX_WINDOW_MONTHS = 120;

/**
 * The window a dashboard URL asks for: `?w=3m|6m|12m|24m|ytd|all` (complete months only: the last N
 * before the current month, this year's, or every one since F), or `?from=YYYY-MM&to=YYYY-MM` (custom,
 * at most 120 months). Without either (or with garbage), METRICS.md's default window, reported as the
 * preset it equals: "12m" for a history of a year or more, else "all". A preset with no complete month
 * in it is the current month alone.
 */
export function resolveWindow(
  params: { w?: string | null; from?: string | null; to?: string | null },
  today: string,
  firstMonth: string | null,
): ResolvedWindow {
  const { from, to } = params;
  if (from && to && isMonth(from) && isMonth(to) && from <= to && monthsBetween(from, to) < MAX_WINDOW_MONTHS) {
    return { from, to, preset: "custom" };
  }
  const w = (WINDOW_PRESETS as readonly string[]).includes(params.w ?? "") ? (params.w as WindowPreset) : undefined;
  if (w === undefined) {
    const window = defaultWindow(today, firstMonth);
    const twelve = completeMonths(today, null, 12);
    return { ...window, preset: window.from === twelve.from && window.to === twelve.to ? "12m" : "all" };
  }
  if (w === "all") return { ...sinceFirstMonth(today, firstMonth, MAX_WINDOW_MONTHS), preset: w };
  if (w === "ytd") {
    const current = monthOf(today);
    return { ...completeMonths(today, `${current.slice(0, 4)}-01`, 12), preset: w };
  }
  return { ...completeMonths(today, null, Number(w.slice(0, -1))), preset: w };
}

/** Up to `count` complete months since F; today's month alone without F (nothing recorded yet). */
function sinceFirstMonth(today: string, firstMonth: string | null, count: number): MonthRange {
  if (firstMonth === null) return completeMonths(today, monthOf(today), count);
  return completeMonths(today, firstMonth, count);
}

/**
 * The `count` complete months before today's month, starting no earlier than `since` when given; today's
 * month alone when that leaves none.
 */
function completeMonths(today: string, since: string | null, count: number): MonthRange {
  const current = monthOf(today);
  const to = addMonths(current, -1);
  const earliest = addMonths(to, -(count - 1));
  const from = since !== null && since > earliest ? since : earliest;
  return from <= to ? { from, to } : { from: current, to: current };
}
