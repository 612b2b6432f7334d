/**
 * q_p of a sample as METRICS.md defines it: sort ascending, h = (n − 1) · p, and interpolate linearly
 * between the two order statistics around h (numpy's default, Excel's PERCENTILE.INC).
 */
export function quantile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new RangeError("the quantile of an empty sample is undefined");
  if (!(p >= 0 && p <= 1)) throw new RangeError(`not a probability: ${p}`);
  const y = [...values].sort((a, b) => a - b);
  const h = (y.length - 1) * p;
  const lo = y[Math.floor(h)]!;
  const hi = y[Math.ceil(h)]!;
  return lo + (h - Math.floor(h)) * (hi - lo);
}
