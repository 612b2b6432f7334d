import { shareOf, herfindahl } from "./diversification";
import { exactRatio } from "./exact-ratio";
import { byIncomeThenKey, compareText } from "./order";
import type { KeyConcentration, KeyIncomeRow, ShareItem } from "./types";

/** One client or platform in the response: keyed by its display spelling. */
export interface RankedKey {
  key: string;
  income: number;
}

/**
 * Keys with positive income, largest first. A key repeated in the input is merged (income added,
 * the alphabetically first spelling kept) so the result does not depend on row order.
 */
export function rankKeys(rows: readonly KeyIncomeRow[]): RankedKey[] {
  const merged = new Map<string, RankedKey>();
  for (const row of rows) {
    const existing = merged.get(row.key);
    if (existing === undefined) {
      merged.set(row.key, { key: row.display, income: row.income });
    } else {
      existing.income += row.income;
      if (compareText(row.display, existing.key) < 0) existing.key = row.display;
    }
  }
  return [...merged.values()].filter((item) => item.income > 0).sort(byIncomeThenKey);
}

export function computeKeyConcentration(ranked: readonly RankedKey[], positiveTotal: number): KeyConcentration {
  const items: ShareItem[] = ranked.map((item) => ({ ...item, share: shareOf(item.income, positiveTotal) }));
  if (positiveTotal <= 0) {
    return { hhi: null, top1Share: null, top3Share: null, unattributedShare: null, count: null, items };
  }
  const attributed = incomeOf(ranked);
  const total = BigInt(positiveTotal);
  return {
    hhi: herfindahl(ranked.map((item) => item.income)),
    top1Share: exactRatio(incomeOf(ranked.slice(0, 1)), total),
    top3Share: exactRatio(incomeOf(ranked.slice(0, 3)), total),
    // (T+ − attributed) / T+ equals 1 − Σ share_k, without the float residue when all is attributed.
    unattributedShare: exactRatio(total - attributed, total),
    count: ranked.length,
    items,
  };
}

/** A client of one stream, with its number of payments. */
export interface StreamClientRow extends KeyIncomeRow {
  payments: number;
}

/**
 * One stream's clients: those that brought it positive income, largest first (ties by spelling), each
 * with its share of the stream's income (null when the stream earned nothing overall).
 */
export function streamClients(rows: readonly StreamClientRow[], streamIncome: number) {
  const payments = new Map<string, number>();
  for (const row of rows) payments.set(row.key, (payments.get(row.key) ?? 0) + row.payments);
  const byDisplay = new Map(rows.map((row) => [row.display, row.key]));
  return rankKeys(rows).map((item) => ({
    key: item.key,
    income: item.income,
    share: shareOf(item.income, streamIncome),
    payments: payments.get(byDisplay.get(item.key) ?? "") ?? 0,
  }));
}

function incomeOf(items: readonly RankedKey[]): bigint {
  let total = 0n;
  for (const item of items) total += BigInt(item.income);
  return total;
}
