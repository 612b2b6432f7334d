import { ISO_4217_EXPONENTS } from "./iso-4217";

/** Largest magnitude the app accepts for one amount (1e14 minor units: a trillion dollars in cents). */
export const MAX_AMOUNT_MINOR = 100_000_000_000_000;
/**
 * Largest sum of the magnitudes of all of one user's transaction amounts, both as entered (in their own
 * currencies' minor units, added together) and in the base currency: 9e15 < 2^53, so every total,
 * net and difference any read adds up from them is an exact JSON number. A write (or a rate or base
 * currency change that re-prices) that would go beyond it is refused; 1e14 per amount alone would not
 * do, since 91 of them already pass 2^53.
 */
export const MAX_TOTAL_MINOR = 9_000_000_000_000_000;

/** An amount whose conversion into another currency is too large to be represented exactly. */
export class AmountOverflowError extends RangeError {
  constructor() {
    super("converted amount is too large");
    this.name = "AmountOverflowError";
  }
}
/** Rates carry at most this many decimals (enough for VND→KWD-style ratios)... */
export const MAX_RATE_DECIMALS = 12;
/** ...and this many integer digits: together they fit the fx_rates numeric(24, 12) column. */
export const MAX_RATE_INTEGER_DIGITS = 12;

export type ParseAmountResult = { ok: true; minor: number } | { ok: false; message: string };
export type ParseRateResult = { ok: true; value: string } | { ok: false; message: string };

export function currencyExponent(code: string): number | undefined {
  // Object.hasOwn keeps "toString" and friends from looking like currencies.
  return Object.hasOwn(ISO_4217_EXPONENTS, code) ? ISO_4217_EXPONENTS[code] : undefined;
}

export function isCurrency(code: string): boolean {
  return currencyExponent(code) !== undefined;
}

const AMOUNT_PATTERN = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * Parses a decimal amount into minor units without ever going through a float, so "0.1" + "0.2"
 * can never drift. A JSON number is read through its shortest round-trip string (19.99 → "19.99"),
 * which is exactly the decimal the sender wrote.
 */
export function parseAmount(input: string | number, currency: string): ParseAmountResult {
  const exponent = currencyExponent(currency);
  if (exponent === undefined) return { ok: false, message: `unknown currency ${currency}` };

  let text: string;
  if (typeof input === "number") {
    if (!Number.isFinite(input)) return { ok: false, message: "amount must be a finite number" };
    text = String(input);
    // String() switches to exponent notation only below 1e-6 or from 1e21: either too precise or too large.
    if (/e/i.test(text)) {
      return Math.abs(input) >= 1 ? { ok: false, message: "amount is too large" } : decimalsError(exponent, currency);
    }
  } else {
    text = input;
  }

  const match = AMOUNT_PATTERN.exec(text);
  if (!match) return { ok: false, message: "amount must be a decimal number like 1234.56" };
  const [, sign = "", whole = "", rawFraction = ""] = match;

  // Trailing zeros carry no value ("1500.00" JPY is 1500), so only significant decimals count.
  const fraction = rawFraction.replace(/0+$/, "");
  if (fraction.length > exponent) return decimalsError(exponent, currency);

  const magnitude = BigInt(whole + fraction.padEnd(exponent, "0"));
  if (magnitude > BigInt(MAX_AMOUNT_MINOR)) return { ok: false, message: "amount is too large" };
  // Number(0n) is +0, so "-0" and -0 both come out as 0.
  const minor = Number(sign === "-" ? -magnitude : magnitude);
  return { ok: true, minor };
}

/** Plain decimal string of a minor-unit amount ("-0.05"), for forms, CSV and logs; UI uses lib/format. */
export function formatMinor(minor: number, currency: string): string {
  const exponent = requireExponent(currency);
  if (!Number.isSafeInteger(minor)) throw new RangeError(`not a safe integer amount: ${minor}`);
  const digits = String(Math.abs(minor)).padStart(exponent + 1, "0");
  const sign = minor < 0 ? "-" : "";
  if (exponent === 0) return sign + digits;
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

/** numerator / denominator rounded to the nearest integer, ties to even ("banker's rounding"). */
export function roundHalfEven(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError("division by zero");
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  let quotient = n / d;
  const twiceRemainder = (n % d) * 2n;
  if (twiceRemainder > d || (twiceRemainder === d && quotient % 2n === 1n)) quotient += 1n;
  return negative ? -quotient : quotient;
}

const RATE_PATTERN = /^(\d+)(?:\.(\d+))?$/;

/** Validates a user-entered rate and returns it in canonical form ("01.2500" → "1.25"). */
export function parseRate(input: string): ParseRateResult {
  const match = RATE_PATTERN.exec(input);
  if (!match) return { ok: false, message: "rate must be a positive decimal number like 1.0825" };
  const [, rawWhole = "", rawFraction = ""] = match;
  const fraction = rawFraction.replace(/0+$/, "");
  if (fraction.length > MAX_RATE_DECIMALS) {
    return { ok: false, message: `rate must have at most ${MAX_RATE_DECIMALS} decimals` };
  }
  const whole = rawWhole.replace(/^0+(?=\d)/, "");
  if (whole.length > MAX_RATE_INTEGER_DIGITS) {
    return { ok: false, message: `rate must be below 10^${MAX_RATE_INTEGER_DIGITS}` };
  }
  if (/^0*$/.test(whole + fraction)) return { ok: false, message: "rate must be greater than 0" };
  return { ok: true, value: fraction === "" ? whole : `${whole}.${fraction}` };
}

/**
 * base = roundHalfEven(amountMinor × rate × 10^(e_to − e_from)), exactly: the rate is read as the
 * rational digits / 10^scale, so no float ever touches the amount.
 */
export function convertMinor(amountMinor: number, rate: string, fromCurrency: string, toCurrency: string): number {
  return convert(amountMinor, rate, fromCurrency, toCurrency, false);
}

/**
 * base = roundHalfEven(amountMinor × 10^(e_to − e_from) / rate), exactly, for a rate quoted the other way
 * round (units of `fromCurrency` per one `toCurrency`): convertMinor's inverse, with no float either.
 */
export function convertMinorInverse(amountMinor: number, rate: string, fromCurrency: string, toCurrency: string): number {
  return convert(amountMinor, rate, fromCurrency, toCurrency, true);
}

function convert(amountMinor: number, rate: string, fromCurrency: string, toCurrency: string, inverse: boolean): number {
  if (!Number.isSafeInteger(amountMinor)) throw new RangeError(`not a safe integer amount: ${amountMinor}`);
  const fromExponent = requireExponent(fromCurrency);
  const toExponent = requireExponent(toCurrency);
  if (fromCurrency === toCurrency) return amountMinor + 0; // + 0 turns -0 into 0

  const match = RATE_PATTERN.exec(rate);
  if (!match) throw new RangeError(`not a decimal rate: ${rate}`);
  const [, whole = "", fraction = ""] = match;
  // rate = digits / 10^scale; the inverse multiplies by 10^scale / digits instead.
  const digits = BigInt(whole + fraction);
  const scale = 10n ** BigInt(fraction.length);
  const [times, over] = inverse ? [scale, digits] : [digits, scale];

  const shift = toExponent - fromExponent;
  const numerator = BigInt(amountMinor) * times * 10n ** BigInt(Math.max(shift, 0));
  const denominator = over * 10n ** BigInt(Math.max(-shift, 0));
  const converted = roundHalfEven(numerator, denominator);
  if (converted > BigInt(MAX_TOTAL_MINOR) || converted < -BigInt(MAX_TOTAL_MINOR)) throw new AmountOverflowError();
  return Number(converted);
}

export interface DatedRate {
  date: string;
  rate: string;
}

/**
 * The rate in force on occurredOn: the latest dated on or before it, else the earliest after it
 * (so a transaction older than the rate table still converts). ISO dates compare as strings.
 * Two rates on the same date: the first in the input wins (the table is expected to be unique).
 */
export function pickRate(rates: readonly DatedRate[], occurredOn: string): string | undefined {
  let before: DatedRate | undefined;
  let after: DatedRate | undefined;
  for (const candidate of rates) {
    if (candidate.date <= occurredOn) {
      if (before === undefined || candidate.date > before.date) before = candidate;
    } else if (after === undefined || candidate.date < after.date) {
      after = candidate;
    }
  }
  return (before ?? after)?.rate;
}

/** A transaction's rates under one base: its currency quoted in the base, and the base quoted in its currency. */
export interface BaseRates {
  direct: readonly DatedRate[];
  inverse: readonly DatedRate[];
}

/**
 * A transaction's amount in the base currency (METRICS.md "Money"), or null without a usable rate.
 * Any direct rate, on any date, wins; only without one is the inverse rate (left from an earlier base)
 * picked the same way and inverted exactly, so switching the base back and forth loses nothing.
 */
export function toBaseMinor(
  t: { amountMinor: number; currency: string; occurredOn: string },
  baseCurrency: string,
  rates: BaseRates,
): number | null {
  if (t.currency === baseCurrency) return convertMinor(t.amountMinor, "1", t.currency, baseCurrency);
  const direct = pickRate(rates.direct, t.occurredOn);
  if (direct !== undefined) return convertMinor(t.amountMinor, direct, t.currency, baseCurrency);
  const inverse = pickRate(rates.inverse, t.occurredOn);
  return inverse === undefined ? null : convertMinorInverse(t.amountMinor, inverse, t.currency, baseCurrency);
}

function decimalsError(exponent: number, currency: string): { ok: false; message: string } {
  const message = exponent === 0 ? `no decimals allowed for ${currency}` : `at most ${exponent} decimals for ${currency}`;
  return { ok: false, message };
}

function requireExponent(currency: string): number {
  const exponent = currencyExponent(currency);
  if (exponent === undefined) throw new RangeError(`unknown currency ${currency}`);
  return exponent;
}
