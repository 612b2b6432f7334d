import { bigSum, exactRatio } from "./exact-ratio";
import { byIncomeThenKey } from "./order";
import type { Diversification, ShareItem, StreamKind, StreamRole } from "./types";

export interface StreamIncome {
  kind: StreamKind;
  role: StreamRole;
  income: number;
}

/** T+: the income of the streams that earned something; the denominator of every share. */
export function positiveIncomeTotal(incomes: Iterable<number>): number {
  let total = 0;
  for (const income of incomes) if (income > 0) total += income;
  return total;
}

/** income / T+, or null for a stream or key that takes no part (income <= 0) or when T+ is 0. */
export function shareOf(income: number, positiveTotal: number): number | null {
  if (income <= 0 || positiveTotal <= 0) return null;
  return exactRatio(BigInt(income), BigInt(positiveTotal));
}

/**
 * Herfindahl index of the positive incomes, sum of (income / sum)^2, computed as
 * sum(income^2) / sum^2 on exact integers; null when nothing is positive.
 */
export function herfindahl(incomes: readonly number[]): number | null {
  const positive = incomes.filter((income) => income > 0);
  const total = bigSum(positive);
  if (total === 0n) return null;
  let squares = 0n;
  for (const income of positive) squares += BigInt(income) ** 2n;
  return exactRatio(squares, total * total);
}

/** 1 / hhi, from the same exact integers so equal streams give a whole number. */
export function effectiveCount(incomes: readonly number[]): number | null {
  const positive = incomes.filter((income) => income > 0);
  const total = bigSum(positive);
  if (total === 0n) return null;
  let squares = 0n;
  for (const income of positive) squares += BigInt(income) ** 2n;
  return exactRatio(total * total, squares);
}

export function computeDiversification(streams: readonly StreamIncome[]): Omit<Diversification, "byMonth"> {
  const incomes = streams.map((stream) => stream.income);
  const positiveTotal = positiveIncomeTotal(incomes);
  const top = Math.max(0, ...incomes);
  return {
    hhi: herfindahl(incomes),
    effectiveStreams: effectiveCount(incomes),
    topStreamShare: shareOf(top, positiveTotal),
    byKind: groupShares(streams, (stream) => stream.kind, positiveTotal),
    byRole: groupShares(streams, (stream) => stream.role, positiveTotal),
  };
}

/** Groups only the participating streams, so the group shares add up to 1 like the stream shares. */
function groupShares(streams: readonly StreamIncome[], keyOf: (stream: StreamIncome) => string, positiveTotal: number): ShareItem[] {
  const incomeByKey = new Map<string, number>();
  for (const stream of streams) {
    if (stream.income <= 0) continue;
    const key = keyOf(stream);
    incomeByKey.set(key, (incomeByKey.get(key) ?? 0) + stream.income);
  }
  return [...incomeByKey].map(([key, income]) => ({ key, income, share: shareOf(income, positiveTotal) })).sort(byIncomeThenKey);
}
