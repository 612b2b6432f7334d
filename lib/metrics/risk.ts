import { cv, maxDrawdown, mean, pearson, stdev, trendSlope } from "./statistics";
import type { Risk } from "./types";

export interface SeriesStatistics {
  mean: number | null;
  stdev: number | null;
  cv: number | null;
  trendSlope: number | null;
  maxDrawdown: number | null;
}

/** The statistics of METRICS.md over the analysis months; all null when there is none. */
export function seriesStatistics(values: readonly number[]): SeriesStatistics {
  if (values.length === 0) return { mean: null, stdev: null, cv: null, trendSlope: null, maxDrawdown: null };
  return {
    mean: mean(values),
    stdev: stdev(values),
    cv: cv(values),
    trendSlope: trendSlope(values),
    maxDrawdown: maxDrawdown(values),
  };
}

/** Every series here covers the analysis months only (METRICS.md "Windows and analysis months"). */
export interface RiskInput {
  months: readonly string[];
  /** T(m), aligned with months */
  total: readonly number[];
  /** I_s(m) of every listed stream, in the order of the response's `streams` */
  streams: readonly { id: string; income: readonly number[] }[];
}

export function computeRisk({ months, total, streams }: RiskInput): Risk {
  return {
    ...seriesStatistics(total),
    worstMonth: worstMonth(months, total),
    diversificationRatio: diversificationRatio(
      total,
      streams.map((stream) => stream.income),
    ),
    streamsStdevSum: streamsStdevSum(
      total,
      streams.map((stream) => stream.income),
    ),
    correlations: {
      streamIds: streams.map((stream) => stream.id),
      matrix: streams.map((row) => streams.map((column) => correlation(row.income, column.income))),
    },
  };
}

/** The smallest T(m); the strict comparison keeps the earliest month on a tie. null without months. */
export function worstMonth(months: readonly string[], total: readonly number[]): { month: string; income: number } | null {
  let worst: { month: string; income: number } | null = null;
  months.forEach((month, index) => {
    const income = total[index] ?? 0;
    if (worst === null || income < worst.income) worst = { month, income };
  });
  return worst;
}

/** Sum of the streams' stdevs over the portfolio's: how much the streams offset each other. */
export function diversificationRatio(total: readonly number[], streams: readonly (readonly number[])[]): number | null {
  const portfolio = stdev(total);
  const sum = streamsStdevSum(total, streams);
  if (portfolio === null || portfolio === 0 || sum === null) return null;
  return sum / portfolio;
}

/**
 * The numerator of the diversification ratio: how much the portfolio would swing if its streams all
 * moved together (null when the window is too short for a stdev).
 */
export function streamsStdevSum(total: readonly number[], streams: readonly (readonly number[])[]): number | null {
  if (stdev(total) === null) return null;
  let sum = 0;
  for (const series of streams) sum += stdev(series) ?? 0;
  return sum;
}

/** Pearson, with the diagonal pinned to exactly 1 where it is defined (rounding can give 0.9999…). */
function correlation(xs: readonly number[], ys: readonly number[]): number | null {
  const value = pearson(xs, ys);
  return xs === ys && value !== null ? 1 : value;
}
