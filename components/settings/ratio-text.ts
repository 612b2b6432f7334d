// Threshold and mix inputs show ratios as percentages. The conversion shifts the decimal point in the
// text instead of multiplying a float, so 0.333 ⇄ "33.3" is exact both ways (0.333 * 100 is
// 33.300000000000004, and 33.3 / 100 is not the double the server would read from "0.333").

const NUMBER_TEXT = /^(-?)(\d+)(?:\.(\d+))?$/;

/** Moves the decimal point of an unsigned decimal string by `places` (positive: right). */
function shiftPoint(digitsText: string, places: number): string {
  const [whole = "0", fraction = ""] = digitsText.split(".");
  let digits = whole + fraction;
  let point = whole.length + places;
  if (point <= 0) {
    digits = "0".repeat(1 - point) + digits;
    point = 1;
  }
  if (point > digits.length) digits += "0".repeat(point - digits.length);
  const int = digits.slice(0, point).replace(/^0+(?=\d)/, "");
  const frac = digits.slice(point).replace(/0+$/, "");
  return frac ? `${int}.${frac}` : int;
}

/** A finite number as plain decimal text: String() switches to exponent notation below 1e-6. */
export function plainNumberText(n: number): string {
  const text = String(Math.abs(n));
  const sign = n < 0 ? "-" : "";
  const exp = /^(\d+(?:\.\d+)?)e([+-]\d+)$/i.exec(text);
  return sign + (exp ? shiftPoint(exp[1] ?? "0", Number(exp[2])) : text);
}

/** 0.45 → "45"; 0.333 → "33.3". */
export function ratioToPercentText(ratio: number): string {
  const text = plainNumberText(ratio);
  return text.startsWith("-") ? `-${shiftPoint(text.slice(1), 2)}` : shiftPoint(text, 2);
}

/**
 * "45" (or "45%") → 0.45; null when the text is not a decimal number. A minus sign is read, so the
 * shared schema (not this parser) says that thresholds cannot be negative.
 */
export function percentTextToRatio(text: string): number | null {
  const match = NUMBER_TEXT.exec(text.trim().replace(/\s*%$/, ""));
  if (!match) return null;
  const [, sign = "", whole = "", fraction = ""] = match;
  return Number(sign + shiftPoint(fraction ? `${whole}.${fraction}` : whole, -2));
}

/** "2.5" → 2.5; null when the text is not a decimal number. */
export function numberTextToNumber(text: string): number | null {
  const trimmed = text.trim();
  return NUMBER_TEXT.test(trimmed) ? Number(trimmed) : null;
}
