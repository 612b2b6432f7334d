import { parseRate } from "@/lib/metrics/money";

/**
 * The API answers rates with the column's full scale ("1.082500000000"); show the canonical decimal
 * ("1.0825"), which is the same exact value.
 */
export function rateText(rate: string): string {
  const parsed = parseRate(rate);
  return parsed.ok ? parsed.value : rate;
}
