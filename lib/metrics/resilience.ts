import { exactRatio } from "./exact-ratio";
import type { LossScenario, Resilience } from "./types";

/** What the portfolio earned over the window; every stress test starts from it. */
export interface PortfolioIncome {
  /** T: gross income over the window, all streams */
  total: number;
  /** T+: income of the streams with positive income */
  positiveTotal: number;
  /** n_A: the analysis months */
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

/** Every stress test over the analysis months; with none, nothing can be said and every figure is null. */
export function computeResilience(input: ResilienceInput): Resilience {
  const { total, months, essentialMonthlyExpenses: essential, cashBuffer } = input;
  if (months === 0) {
    return {
      monthlyIncome: null,
      essentialMonthlyExpenses: essential,
      anchorCoverage: null,
      runwayMonths: null,
      sustainable: null,
      lossOfLargestStream: NO_SCENARIO,
      lossOfLargestClient: NO_SCENARIO,
      lossOfLargestPlatform: NO_SCENARIO,
    };
  }
  // With nothing earning there is nothing to lose: the runway starts from today's income.
  const runway = runwayAfter(remainingAfter(input.largestStream, input), essential, cashBuffer);
  return {
    monthlyIncome: total / months,
    essentialMonthlyExpenses: essential,
    anchorCoverage: coverage({ numerator: BigInt(input.anchorIncome), denominator: BigInt(months) }, essential),
    runwayMonths: runway.runwayMonths,
    sustainable: runway.sustainable,
    lossOfLargestStream: lossScenario(input.largestStream, input, cashBuffer),
    lossOfLargestClient: lossScenario(input.largestClient, input, cashBuffer),
    lossOfLargestPlatform: lossScenario(input.largestPlatform, input, cashBuffer),
  };
}

/** An exact fraction of base minor units per month. */
interface Fraction {
  numerator: bigint;
  denominator: bigint;
}

/**
 * remainingMonthlyIncome = monthlyIncome × (1 − shareLost) = (T / n) × (T+ − I) / T+, kept as one exact
 * fraction so coverage and runway round once. Equals (T − I) / n whenever no stream earned less than
 * nothing (T = T+). Without a loss (nothing earning), the monthly income itself.
 */
function remainingAfter(lost: Largest | undefined, portfolio: PortfolioIncome): Fraction {
  const { total, positiveTotal, months } = portfolio;
  if (lost === undefined || positiveTotal <= 0) return { numerator: BigInt(total), denominator: BigInt(months) };
  return {
    numerator: BigInt(total) * (BigInt(positiveTotal) - BigInt(lost.income)),
    denominator: BigInt(months) * BigInt(positiveTotal),
  };
}

/**
 * Monthly income left after losing `lost`, the share of T+ it carried, and what that leaves of E*.
 * No candidate (nothing earning, nothing attributed) gives an all-null card: "unknown" must not
 * read as "safe".
 */
export function lossScenario(lost: Largest | undefined, portfolio: PortfolioIncome, cashBuffer: number | null = null): LossScenario {
  if (lost === undefined || portfolio.positiveTotal <= 0 || portfolio.months === 0) return NO_SCENARIO;
  const remaining = remainingAfter(lost, portfolio);
  return {
    key: lost.key,
    remainingMonthlyIncome: exactRatio(remaining.numerator, remaining.denominator),
    shareLost: exactRatio(BigInt(lost.income), BigInt(portfolio.positiveTotal)),
    coverage: coverage(remaining, portfolio.essentialMonthlyExpenses),
    // The same runway rule as METRICS.md's runwayMonths, applied to this loss (stress-test cards).
    runwayMonths: runwayAfter(remaining, portfolio.essentialMonthlyExpenses, cashBuffer).runwayMonths,
  };
}

/** monthly income / E*, as one exact division; null when E* is unset or not positive. */
function coverage(monthly: Fraction, essential: number | null): number | null {
  if (essential === null || essential <= 0) return null;
  return exactRatio(monthly.numerator, monthly.denominator * BigInt(essential));
}

/**
 * B / (E* − remaining monthly income) when income falls short of E*. Compared and divided on the
 * fraction's integers so no rounding decides "sustainable".
 */
function runwayAfter(
  remaining: Fraction,
  essential: number | null,
  cashBuffer: number | null,
): { runwayMonths: number | null; sustainable: boolean | null } {
  if (essential === null) return { runwayMonths: null, sustainable: null };
  const shortfall = remaining.denominator * BigInt(essential) - remaining.numerator;
  if (shortfall <= 0n) return { runwayMonths: null, sustainable: true };
  const runwayMonths = cashBuffer === null ? null : exactRatio(BigInt(cashBuffer) * remaining.denominator, shortfall);
  return { runwayMonths, sustainable: false };
}
