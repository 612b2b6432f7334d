import { ISO_4217_EXPONENTS } from "@/lib/metrics/iso-4217";

const ALL = Object.keys(ISO_4217_EXPONENTS).sort();

/** Every ISO 4217 code with minor units, the user's base currency first (the usual choice). */
export function currencyOptions(base: string, extra?: string): string[] {
  const first = [base, ...(extra && extra !== base ? [extra] : [])];
  return [...first, ...ALL.filter((c) => !first.includes(c))];
}
