import { exactRatio } from "./exact-ratio";
import type { LossScenario, Resilience } from "./types";

/** What the portfolio earned over the window; every stress test starts from it. */
export interface PortfolioIncome {
  /** T: gross income over the window, all streams */
  total: number;
  /** T+: income of the streams with positive income */
  positiveTotal: number;
  /** n: months in the window */
  months: number;
  /** E*, base minor units per month */
  essentialMonthlyExpenses: number | null;
}

/** The stream, client or platform whose loss is simulated: the largest one with positive income. */
export interface Largest {
  key: string;
  income: number;
}

export interface ResilienceInput extends PortfolioIncome {
  /** B */
  cashBuffer: number | null;
  /** sum of I_s over anchor streams */
  anchorIncome: number;
  largestStream: Largest | undefined;
  largestClient: Largest | undefined;
  largestPlatform: Largest | undefined;
}

const NO_SCENARIO: LossScenario = { key: null, remainingMonthlyIncome: null, shareLost: null, coverage: null, runwayMonths: null };

export function computeResilience(input: ResilienceInput): Resilience {
  const { total, months, essentialMonthlyExpenses: essential, cashBuffer } = input;
  // With nothing earning there is nothing to lose: the runway starts from today's income.
  const remainingTotal = total - (input.largestStream?.income ?? 0);
  const runway = runwayAfter(remainingTotal, months, essential, cashBuffer);
  return {
    monthlyIncome: total / months,
    essentialMonthlyExpenses: essential,
    anchorCoverage: coverage(input.anchorIncome, months, essential),
    runwayMonths: runway.runwayMonths,
    sustainable: runway.sustainable,
    lossOfLargestStream: lossScenario(input.largestStream, input, cashBuffer),
    lossOfLargestClient: lossScenario(input.largestClient, input, cashBuffer),
    lossOfLargestPlatform: lossScenario(input.largestPlatform, input, cashBuffer),
  };
}

/**
 * Monthly income left after losing `lost`, the share of T+ it carried, and what that leaves of E*.
 * No candidate (nothing earning, nothing attributed) gives an all-null card: "unknown" must not
 * read as "safe".
 */
export function lossScenario(lost: Largest | undefined, portfolio: PortfolioIncome, cashBuffer: number | null = null): LossScenario {
  if (lost === undefined || portfolio.positiveTotal <= 0) return NO_SCENARIO;
  const remaining = portfolio.total - lost.income;
  return {
    key: lost.key,
    remainingMonthlyIncome: remaining / portfolio.months,
    shareLost: exactRatio(BigInt(lost.income), BigInt(portfolio.positiveTotal)),
    coverage: coverage(remaining, portfolio.months, portfolio.essentialMonthlyExpenses),
    // The same runway rule as METRICS.md's runwayMonths, applied to this loss (stress-test cards).
    runwayMonths: runwayAfter(remaining, portfolio.months, portfolio.essentialMonthlyExpenses, cashBuffer).runwayMonths,
  };
}

/** (income / n) / E*, as one exact division; null when E* is unset or not positive. */
export function coverage(income: number, months: number, essential: number | null): number | null {
  if (essential === null || essential <= 0) return null;
  return exactRatio(BigInt(income), BigInt(months) * BigInt(essential));
}

/**
 * B / (E* − remaining monthly income) when income falls short of E*. Compared and divided on
 * n-scaled integers (n·E* vs remaining total) so no rounding decides "sustainable".
 */
export function runwayAfter(
  remainingTotal: number,
  months: number,
  essential: number | null,
  cashBuffer: number | null,
): { runwayMonths: number | null; sustainable: boolean | null } {
  if (essential === null) return { runwayMonths: null, sustainable: null };
  const shortfall = BigInt(months) * BigInt(essential) - BigInt(remainingTotal);
  if (shortfall <= 0n) return { runwayMonths: null, sustainable: true };
  const runwayMonths = cashBuffer === null ? null : exactRatio(BigInt(cashBuffer) * BigInt(months), shortfall);
  return { runwayMonths, sustainable: false };
}
