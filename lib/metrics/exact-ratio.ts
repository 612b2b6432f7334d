const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
// Quotient bits kept before the final rounding; anything above 54 makes the sticky-bit rounding exact.
const QUOTIENT_BITS = 60;

/**
 * numerator / denominator as the nearest double (ties to even), computed from the exact integers.
 * Ratios compared against rule thresholds (shares, effective streams, coverage) go through here so
 * that three equal streams give exactly 3 effective streams, not 2.9999999999999996.
 */
export function exactRatio(numerator: bigint, denominator: bigint): number {
  if (denominator === 0n) throw new RangeError("division by zero");
  if (numerator === 0n) return 0;
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const magnitude = n <= MAX_SAFE && d <= MAX_SAFE ? Number(n) / Number(d) : scaledQuotient(n, d);
  return negative ? -magnitude : magnitude;
}

/**
 * Divides at QUOTIENT_BITS of precision and folds the remainder into a sticky bit: the rounding
 * boundaries of the final conversion then fall on even integers, so the sticky value and the true
 * quotient always round the same way.
 */
function scaledQuotient(n: bigint, d: bigint): number {
  const shift = QUOTIENT_BITS + bitLength(d) - bitLength(n);
  const scaledN = shift >= 0 ? n << BigInt(shift) : n;
  const scaledD = shift >= 0 ? d : d << BigInt(-shift);
  const quotient = scaledN / scaledD;
  const sticky = scaledN % scaledD === 0n ? 0n : 1n;
  return Number((quotient << 1n) | sticky) * 2 ** -(shift + 1);
}

function bitLength(value: bigint): number {
  return value.toString(2).length;
}

/** Exact sum of integer amounts as a bigint, so squares and products of 1e14-sized sums stay exact. */
export function bigSum(values: Iterable<number>): bigint {
  let total = 0n;
  for (const value of values) total += BigInt(value);
  return total;
}
