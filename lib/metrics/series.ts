import { monthRange } from "./months";
import { compareText } from "./order";
import type { StreamInfo, StreamMinutesRow, StreamMonthRow } from "./types";

/** One stream's window: monthly series aligned with the window's months, and its totals. */
export interface StreamSeries {
  info: StreamInfo;
  income: number[];
  expenses: number[];
  totalIncome: number;
  totalExpenses: number;
  minutes: number;
}

export interface PortfolioSeries {
  months: string[];
  /** Listed streams, ordered by income descending, then name, then id. */
  streams: StreamSeries[];
  /** T(m) */
  income: number[];
  /** sum over s of X_s(m) */
  expenses: number[];
}

/**
 * Lays the aggregated rows onto the window. Rows outside the window or for a stream not in
 * `streams` are ignored, and repeated (stream, month) rows add up, so the result depends neither on
 * row order nor on how lib/data happened to group.
 */
export function buildPortfolioSeries(
  window: { from: string; to: string },
  streams: readonly StreamInfo[],
  rows: readonly StreamMonthRow[],
  minutes: readonly StreamMinutesRow[],
): PortfolioSeries {
  const months = monthRange(window.from, window.to);
  const monthIndex = new Map(months.map((month, index) => [month, index]));
  const byId = new Map<string, StreamSeries>();
  for (const info of streams) {
    byId.set(info.id, {
      info,
      income: months.map(() => 0),
      expenses: months.map(() => 0),
      totalIncome: 0,
      totalExpenses: 0,
      minutes: 0,
    });
  }

  for (const row of rows) {
    const series = byId.get(row.streamId);
    const index = monthIndex.get(row.month);
    if (series === undefined || index === undefined) continue;
    series.income[index] = (series.income[index] ?? 0) + row.income;
    series.expenses[index] = (series.expenses[index] ?? 0) + row.expenses;
    series.totalIncome += row.income;
    series.totalExpenses += row.expenses;
  }
  for (const row of minutes) {
    const series = byId.get(row.streamId);
    if (series !== undefined) series.minutes += row.minutes;
  }

  const listed = [...byId.values()]
    .filter(isListed)
    .sort((a, b) => b.totalIncome - a.totalIncome || compareText(a.info.name, b.info.name) || compareText(a.info.id, b.info.id));
  return {
    months,
    streams: listed,
    income: months.map((_, index) => sumAt(listed, "income", index)),
    expenses: months.map((_, index) => sumAt(listed, "expenses", index)),
  };
}

/**
 * An archived stream stays visible while it has data in the window: a non-zero month (a refund
 * can cancel a month's income out, so the total alone would hide it) or logged time.
 */
function isListed(series: StreamSeries): boolean {
  if (!series.info.archived) return true;
  return series.minutes > 0 || series.income.some((v) => v !== 0) || series.expenses.some((v) => v !== 0);
}

function sumAt(streams: readonly StreamSeries[], field: "income" | "expenses", index: number): number {
  let total = 0;
  for (const series of streams) total += series[field][index] ?? 0;
  return total;
}
