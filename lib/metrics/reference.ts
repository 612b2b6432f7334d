/**
 * Reference points that help a person judge their own figure. Each is a published number, named with its
 * source wherever it is shown.
 */

/**
 * The median month-to-month volatility of US family income, as a coefficient of variation: JPMorgan
 * Chase Institute, "Weathering Volatility 2.0" (2019).
 */
export const US_FAMILY_INCOME_CV = {
  value: 0.36,
  source: "JPMorgan Chase Institute, Weathering Volatility 2.0 (2019)",
  url: "https://www.jpmorganchase.com/institute/research/household-income-spending/weathering-volatility-2-0",
} as const;

/** Where a coefficient of variation sits against the reference, to the percentage point it is shown in. */
export function comparedWithUsFamilies(cv: number): "below" | "about the same as" | "above" {
  const points = Math.round(cv * 100);
  const reference = Math.round(US_FAMILY_INCOME_CV.value * 100);
  return points < reference ? "below" : points > reference ? "above" : "about the same as";
}
