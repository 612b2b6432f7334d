/**
 * Tax rates as people type them (a percentage: "25", "7.25", "25 %") and as the API takes them (a fraction
 * with at most 4 decimals: "0.25", "0.0725"). No validation library: the settings and stream forms use it.
 */

/** "25" → "0.25"; "" → null (no rate); anything that is not 0–100 with at most 2 decimals → undefined. */
export function fractionFromPercent(text: string): string | null | undefined {
  const t = text.trim().replace(/\s*%$/, "").replace(",", ".");
  if (t === "") return null;
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(t)) return undefined;
  const hundredths = Math.round(Number(t) * 100);
  if (hundredths > 10_000) return undefined;
  return (hundredths / 10_000).toFixed(4).replace(/\.?0+$/, "") || "0";
}

/** 0.0725 → "7.25"; null → "". */
export function percentFromFraction(rate: number | null): string {
  return rate === null ? "" : String(Number((rate * 100).toFixed(2)));
}
