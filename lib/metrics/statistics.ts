/**
 * Statistics of a monthly series exactly as METRICS.md defines them. Every function takes the whole
 * window, zero months included; a series is never empty because a window holds at least one month.
 */

export function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

export function mean(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError("the mean of an empty series is undefined");
  return sum(values) / values.length;
}

/** Sample standard deviation (n − 1); null below two values. */
export function stdev(values: readonly number[]): number | null {
  if (values.length < 2) return null;
  return Math.sqrt(sumOfSquaredDeviations(values) / (values.length - 1));
}

/** Coefficient of variation; null when the mean is not positive, where a relative spread means nothing. */
export function cv(values: readonly number[]): number | null {
  const spread = stdev(values);
  const average = mean(values);
  if (spread === null || average <= 0) return null;
  return spread / average;
}

/** Ordinary least-squares slope of the series against 0..n−1, in units per month. */
export function trendSlope(values: readonly number[]): number | null {
  const n = values.length;
  if (n < 2) return null;
  const timeMean = (n - 1) / 2;
  const valueMean = mean(values);
  let covariance = 0;
  let timeVariance = 0;
  values.forEach((value, t) => {
    covariance += (t - timeMean) * (value - valueMean);
    timeVariance += (t - timeMean) ** 2;
  });
  return covariance / timeVariance;
}

/** Largest fall from a running peak, as a fraction of that peak; months before any positive peak are skipped. */
export function maxDrawdown(values: readonly number[]): number {
  let peak = -Infinity;
  let worst = 0;
  for (const value of values) {
    peak = Math.max(peak, value);
    if (peak > 0) worst = Math.max(worst, (peak - value) / peak);
  }
  return worst;
}

/** Pearson correlation; null below three points or when either series is flat. */
export function pearson(xs: readonly number[], ys: readonly number[]): number | null {
  if (xs.length !== ys.length) throw new RangeError("series of different lengths");
  if (xs.length < 3) return null;
  const xMean = mean(xs);
  const yMean = mean(ys);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  xs.forEach((x, i) => {
    const dx = x - xMean;
    const dy = (ys[i] ?? 0) - yMean;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  });
  if (sxx === 0 || syy === 0) return null;
  // Rounding can push |r| a hair past 1; the definition cannot.
  return Math.min(1, Math.max(-1, sxy / Math.sqrt(sxx * syy)));
}

function sumOfSquaredDeviations(values: readonly number[]): number {
  const average = mean(values);
  let total = 0;
  for (const value of values) total += (value - average) ** 2;
  return total;
}
