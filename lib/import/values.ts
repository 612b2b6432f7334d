/**
 * Reading the cells of an imported file: dates in the formats people's exports use, and amounts as exact
 * decimal strings (never a float) whatever their thousands separators, currency symbols and sign style.
 * Pure functions: the column mapping and every platform preset read their cells through these.
 */

export type ImportDateFormat = "iso" | "mdy" | "dmy" | "mon-d-y" | "dd-mm-yyyy" | "datetime";

/** The date formats a column mapping can name, with how each is written. */
export const IMPORT_DATE_FORMATS: Readonly<Record<ImportDateFormat, string>> = {
  iso: "YYYY-MM-DD",
  mdy: "M/D/YYYY",
  dmy: "D/M/YYYY",
  "mon-d-y": "Mon D, YYYY",
  "dd-mm-yyyy": "DD-MM-YYYY or DD.MM.YYYY",
  datetime: "a date-time such as 2026-11-03T14:05:00+01:00 or 2026-11-03 14:05:00 +0100",
};

export type ValueResult<T> = { ok: true; value: T } | { ok: false; message: string };

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};
const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** A time of day that may follow a date in a spreadsheet cell ("14:05", "2:05:09 PM"); the date is what counts. */
const TRAILING_TIME = String.raw`(?:[ T]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[AaPp]\.?[Mm]\.?)?)?`;

const PATTERNS: Readonly<Record<Exclude<ImportDateFormat, "datetime">, RegExp>> = {
  iso: new RegExp(String.raw`^(\d{4})-(\d{2})-(\d{2})${TRAILING_TIME}$`),
  mdy: new RegExp(String.raw`^(\d{1,2})/(\d{1,2})/(\d{4})${TRAILING_TIME}$`),
  dmy: new RegExp(String.raw`^(\d{1,2})/(\d{1,2})/(\d{4})${TRAILING_TIME}$`),
  "mon-d-y": new RegExp(String.raw`^([A-Za-z]{3,9})\.? +(\d{1,2}),? +(\d{4})${TRAILING_TIME}$`),
  "dd-mm-yyyy": new RegExp(String.raw`^(\d{1,2})([-.])(\d{1,2})\2(\d{4})${TRAILING_TIME}$`),
};

/** 2026-11-03T14:05:00+01:00, 2026-11-03 14:05:00 +0100, …Z, … UTC, or with no zone at all. */
const DATETIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function calendarDate(text: string, year: number, month: number, day: number): ValueResult<string> {
  if (month < 1 || month > 12) return { ok: false, message: `"${text}" has no month ${month}.` };
  if (year < 1000) return { ok: false, message: `"${text}" has no four-digit year.` };
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) {
    return { ok: false, message: `"${text}" is not a real date: ${MONTH_NAMES[month - 1]} ${year} has ${last} days.` };
  }
  return { ok: true, value: `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}` };
}

function notFormat(text: string, format: ImportDateFormat): ValueResult<string> {
  return { ok: false, message: text === "" ? "The date is empty." : `"${text}" is not a date written as ${IMPORT_DATE_FORMATS[format]}.` };
}

/**
 * The calendar date a cell states, as YYYY-MM-DD. A date-time is taken as written: its date part as it
 * appears, never moved to UTC or to any other zone (a sale at 23:30 +0100 on the 3rd is a sale on the 3rd).
 */
export function parseImportDate(raw: string, format: ImportDateFormat): ValueResult<string> {
  const text = raw.replace(/^\uFEFF/, "").trim();
  if (format === "datetime") {
    const m = DATETIME.exec(text);
    if (!m) return notFormat(text, format);
    const [, y, mo, d, hh, mm, ss, zone] = m;
    if (Number(hh) > 23 || Number(mm) > 59 || (ss !== undefined && Number(ss) > 60)) {
      return { ok: false, message: `"${text}" has no such time of day.` };
    }
    if (zone && /^[+-]/.test(zone)) {
      const digits = zone.replace(/[+:-]/g, "");
      if (Number(digits.slice(0, 2)) > 18 || Number(digits.slice(2) || "0") > 59)
        return { ok: false, message: `"${text}" has no such time-zone offset.` };
    }
    return calendarDate(text, Number(y), Number(mo), Number(d));
  }
  const m = PATTERNS[format].exec(text);
  if (!m) return notFormat(text, format);
  switch (format) {
    case "iso":
      return calendarDate(text, Number(m[1]), Number(m[2]), Number(m[3]));
    case "mdy":
      return calendarDate(text, Number(m[3]), Number(m[1]), Number(m[2]));
    case "dmy":
      return calendarDate(text, Number(m[3]), Number(m[2]), Number(m[1]));
    case "mon-d-y": {
      const month = MONTHS[(m[1] ?? "").toLowerCase()];
      if (month === undefined)
        return { ok: false, message: `"${text}" does not start with an English month name such as Nov or November.` };
      return calendarDate(text, Number(m[3]), month, Number(m[2]));
    }
    case "dd-mm-yyyy":
      return calendarDate(text, Number(m[4]), Number(m[3]), Number(m[1]));
  }
}

/** "3 November, 2026", "3 Nov 2026": the day-first way some exports (Etsy outside the US) write a month name. */
export function parseDayMonthNameYear(raw: string): ValueResult<string> {
  const text = raw.replace(/^\uFEFF/, "").trim();
  const m = /^(\d{1,2}) +([A-Za-z]{3,9})\.?,? +(\d{4})$/.exec(text);
  const month = m ? MONTHS[(m[2] ?? "").toLowerCase()] : undefined;
  if (!m || month === undefined) return { ok: false, message: `"${text}" is not a date written as D Month YYYY.` };
  return calendarDate(text, Number(m[3]), month, Number(m[1]));
}

// ─── Amounts ────────────────────────────────────────────────────────────────────────────────────────

export interface AmountOptions {
  /** The decimal separator of the file: "." (1,234.50) or "," (1.234,50). */
  decimal: "." | ",";
}

/** Cells that mean "no amount": empty, a dash, or the em/en dash some exports print. */
const EMPTY_AMOUNT = /^(?:-{1,2}|—|–|n\/a)?$/i;
/** A currency written before or after the number: $, €, £, ¥, ₹, CA$, US$, R$, "USD", "Rs.", "kr", "zł". */
const CURRENCY_TOKEN = String.raw`(?:[A-Z]{0,3}\p{Sc}|[A-Z]{3}|Rs\.?|kr\.?|zł|Kč|Ft|lei)`;
const LEADING_CURRENCY = new RegExp(String.raw`^${CURRENCY_TOKEN}\s*`, "u");
const TRAILING_CURRENCY = new RegExp(String.raw`\s*${CURRENCY_TOKEN}$`, "u");
const GROUP_SEPARATORS = [",", ".", " ", "'", "’"] as const;

function amountError(text: string, why: string): ValueResult<string | null> {
  return { ok: false, message: `"${text}" is not an amount: ${why}` };
}

/** Removes one leading sign ("-", "+") and reports whether it was a minus. */
function takeSign(s: string): { negative: boolean; rest: string; had: boolean } {
  if (s.startsWith("-")) return { negative: true, rest: s.slice(1).trimStart(), had: true };
  if (s.startsWith("+")) return { negative: false, rest: s.slice(1).trimStart(), had: true };
  return { negative: false, rest: s, had: false };
}

/**
 * An amount cell as an exact decimal string ("-1234.50"), or null for an empty cell ("", "--", "—").
 * Accepts thousands separators other than the decimal one (",", ".", spaces, NBSP, "'"), a currency symbol
 * or code before or after the number, a sign before or after the symbol, parentheses for a negative,
 * a trailing minus ("12.50-") and the unicode minus. Anything else is an error that says why.
 */
export function parseImportAmount(raw: string, options: AmountOptions): ValueResult<string | null> {
  const text = raw.replace(/^\uFEFF/, "").trim();
  let s = text
    .replace(/[\u00A0\u202F\u2007\u2009]/g, " ")
    .replace(/\u2212/g, "-")
    .trim();
  if (EMPTY_AMOUNT.test(s)) return { ok: true, value: null };

  let negative = false;
  let signs = 0;
  let currencies = 0;
  const flip = (minus: boolean) => {
    negative = negative !== minus;
    signs += 1;
  };
  const paren = /^\((.*)\)$/.exec(s);
  if (paren) {
    flip(true);
    s = (paren[1] ?? "").trim();
  }
  // Before the number: a sign and a currency, in either order ("-$12", "$-12", "USD -12").
  for (let round = 0; round < 2; round += 1) {
    const sign = takeSign(s);
    if (sign.had) {
      flip(sign.negative);
      s = sign.rest;
    }
    const lead = LEADING_CURRENCY.exec(s);
    if (lead) {
      currencies += 1;
      s = s.slice(lead[0].length);
    }
  }
  // After it: a currency ("12,50 €") and a trailing minus ("12.50-"), in either order.
  for (let round = 0; round < 2; round += 1) {
    const trail = TRAILING_CURRENCY.exec(s);
    if (trail && trail.index > 0) {
      currencies += 1;
      s = s.slice(0, trail.index);
    }
    if (s.endsWith("-")) {
      flip(true);
      s = s.slice(0, -1).trimEnd();
    }
  }
  if (signs > 1) return amountError(text, "it has more than one sign.");
  if (currencies > 1) return amountError(text, "it names its currency twice.");
  if (s === "") return amountError(text, "there is no number in it.");
  if (/[eE]/.test(s)) return amountError(text, "write it as a plain decimal, not in exponent notation.");
  if (!/^[\d.,' ’]+$/.test(s)) return amountError(text, "it has characters that are not part of a number.");

  const decimal = options.decimal;
  const at = s.lastIndexOf(decimal);
  let whole = at === -1 ? s : s.slice(0, at);
  const fraction = at === -1 ? "" : s.slice(at + 1);
  if (at !== -1 && !/^\d*$/.test(fraction)) {
    const other = decimal === "." ? "," : ".";
    return amountError(
      text,
      fraction.includes(other)
        ? `"${other}" follows the decimal separator "${decimal}"; is the decimal separator "${other}"?`
        : `the decimal separator "${decimal}" is followed by something other than digits.`,
    );
  }
  if (whole.includes(decimal)) return amountError(text, `it has the decimal separator "${decimal}" more than once.`);
  if (whole === "" && fraction === "") return amountError(text, "there is no number in it.");

  if (!/^\d*$/.test(whole)) {
    const groups = GROUP_SEPARATORS.filter((g) => g !== decimal && whole.includes(g));
    const group = groups[0];
    if (groups.length !== 1 || group === undefined) {
      const other = decimal === "." ? "," : ".";
      return amountError(
        text,
        whole.includes(other) && groups.length === 1
          ? `"${other}" is not a thousands separator here; is the decimal separator "${other}"?`
          : "its digits are grouped in more than one way.",
      );
    }
    const parts = whole.split(group);
    const [first, ...rest] = parts;
    const last = rest[rest.length - 1];
    const wellGrouped =
      first !== undefined &&
      /^\d{1,3}$/.test(first) &&
      last !== undefined &&
      /^\d{3}$/.test(last) &&
      rest.slice(0, -1).every((p) => /^\d{2,3}$/.test(p));
    if (!wellGrouped) {
      const other = decimal === "." ? "," : ".";
      return amountError(
        text,
        group === other && parts.length === 2 && at === -1
          ? `"${other}" is not a thousands separator here; is the decimal separator "${other}"?`
          : `its digits are not grouped in threes by "${group}".`,
      );
    }
    whole = parts.join("");
  }

  const digits = whole.replace(/^0+(?=\d)/, "") || "0";
  const value = fraction === "" ? digits : `${digits}.${fraction}`;
  const zero = /^[0.]*$/.test(value);
  return { ok: true, value: negative && !zero ? `-${value}` : value };
}

/**
 * Which decimal separator an amount cell uses when a file's locale is not known: the last of "." and ","
 * when both appear; a lone separator followed by exactly three digits groups thousands ("1,234", "1.234"),
 * otherwise it is the decimal point ("12,50", "0.5").
 */
export function guessDecimal(raw: string): "." | "," {
  const s = raw.trim();
  const dot = s.lastIndexOf(".");
  const comma = s.lastIndexOf(",");
  if (dot !== -1 && comma !== -1) return dot > comma ? "." : ",";
  const only = dot !== -1 ? "." : comma !== -1 ? "," : null;
  if (only === null) return ".";
  const after = /^\d+/.exec(s.slice(s.lastIndexOf(only) + 1))?.[0] ?? "";
  const repeated = s.indexOf(only) !== s.lastIndexOf(only);
  if (repeated || after.length === 3) return only === "." ? "," : ".";
  return only;
}

/** parseImportAmount with the decimal separator guessed from the cell itself (see guessDecimal). */
export function parseAmountGuessingDecimal(raw: string): ValueResult<string | null> {
  return parseImportAmount(raw, { decimal: guessDecimal(raw) });
}

// ─── Exact arithmetic on decimal strings ────────────────────────────────────────────────────────────

function scaled(value: string): { units: bigint; scale: number } {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value);
  if (!m) throw new RangeError(`not a decimal string: ${value}`);
  const fraction = m[3] ?? "";
  return { units: BigInt(`${m[1]}${m[2]}${fraction}`), scale: fraction.length };
}

function render(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, "0");
  const body = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return negative ? `-${body}` : body;
}

/** a + b, exactly, with as many decimals as the longer of the two ("12.50" + "-0.3" = "12.20"). */
export function addDecimal(a: string, b: string): string {
  const x = scaled(a);
  const y = scaled(b);
  const scale = Math.max(x.scale, y.scale);
  return render(x.units * 10n ** BigInt(scale - x.scale) + y.units * 10n ** BigInt(scale - y.scale), scale);
}

/** -a ("12.50" → "-12.50"; "0.00" stays "0.00"). */
export function negateDecimal(a: string): string {
  const x = scaled(a);
  return render(-x.units, x.scale);
}

/** a - b, exactly. */
export function subtractDecimal(a: string, b: string): string {
  return addDecimal(a, negateDecimal(b));
}

/** -1, 0 or 1 as a is below, equal to or above zero. */
export function signOfDecimal(a: string): -1 | 0 | 1 {
  const { units } = scaled(a);
  return units < 0n ? -1 : units > 0n ? 1 : 0;
}

/** Whether two decimal strings are the same number ("1.50" and "1.5"). */
export function sameDecimal(a: string, b: string): boolean {
  return signOfDecimal(subtractDecimal(a, b)) === 0;
}

/** |a|. */
export function absDecimal(a: string): string {
  return signOfDecimal(a) < 0 ? negateDecimal(a) : a;
}
