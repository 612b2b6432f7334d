// Intl formatters: the only place the UI turns numbers into text.
import { currencyExponent } from "@/lib/metrics/money";

const cache = new Map<string, Intl.NumberFormat>();
function nf(key: string, make: () => Intl.NumberFormat) {
  let f = cache.get(key);
  if (!f) cache.set(key, (f = make()));
  return f;
}

/**
 * 123456 USD → "$1,234.56"; JPY → "¥1,235"; the currency's own exponent decides the decimals.
 * `whole` rounds to whole units for sentences ("you would keep $4,787 a month"); `compact` → "$12.3K"
 * (no decimals below a thousand).
 */
export function formatMoney(minor: number, currency: string, opts: { compact?: boolean; signed?: boolean; whole?: boolean } = {}): string {
  const exponent = currencyExponent(currency) ?? 2;
  const value = minor / 10 ** exponent;
  const decimals = opts.whole ? 0 : opts.compact ? (Math.abs(value) >= 1000 ? 1 : 0) : exponent;
  const f = nf(
    `${currency}:${opts.compact ? "c" : ""}:${opts.signed ? "s" : ""}:${decimals}`,
    () =>
      new Intl.NumberFormat("en-US", {
        style: "currency",
        currency,
        minimumFractionDigits: opts.compact ? 0 : decimals,
        maximumFractionDigits: decimals,
        notation: opts.compact ? "compact" : "standard",
        signDisplay: opts.signed ? "exceptZero" : "auto",
      }),
  );
  return f.format(value);
}

export function formatPercent(ratio: number | null | undefined, digits = 0): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return "—";
  // A small share that rounds to nothing is not nothing: 0.46% at no decimals reads "<1%", not "0%".
  const step = 10 ** -(digits + 2);
  if (ratio !== 0 && Math.abs(ratio) < step / 2) return `${ratio < 0 ? ">-" : "<"}${formatPercent(step, digits)}`;
  return nf(
    `pct:${digits}`,
    () => new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: digits, minimumFractionDigits: digits }),
  ).format(ratio);
}

/** `fixed` keeps trailing zeros so numbers in a column line up ("0.80", "0.68"). */
export function formatNumber(value: number | null | undefined, digits = 1, opts: { fixed?: boolean } = {}): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return nf(
    `num:${digits}:${opts.fixed ? "f" : ""}`,
    () => new Intl.NumberFormat("en-US", { maximumFractionDigits: digits, minimumFractionDigits: opts.fixed ? digits : 0 }),
  ).format(value);
}

const dateCache = new Map<string, Intl.DateTimeFormat>();
function df(key: string, make: () => Intl.DateTimeFormat) {
  let f = dateCache.get(key);
  if (!f) dateCache.set(key, (f = make()));
  return f;
}

/** "2026-11" → "Nov 2026"; with `short` → "Nov". */
export function formatMonth(month: string, opts: { short?: boolean } = {}): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return df(
    `month:${opts.short ? "s" : ""}`,
    () => new Intl.DateTimeFormat("en-US", { month: "short", ...(opts.short ? {} : { year: "numeric" }), timeZone: "UTC" }),
  ).format(new Date(Date.UTC(y, m - 1, 1)));
}

/**
 * A span of months for a sentence: "Nov 2026" for one month, "Sep–Nov 2026" within a year,
 * "Nov 2025–Jan 2026" across a new year.
 */
export function formatMonthRange(from: string, to: string): string {
  if (from === to) return formatMonth(from);
  if (from.slice(0, 4) === to.slice(0, 4)) return `${formatMonth(from, { short: true })}–${formatMonth(to)}`;
  return `${formatMonth(from)}–${formatMonth(to)}`;
}

/** 1 → "1 complete month", 3 → "3 complete months": a count with its noun, singular or plural. */
export function formatCount(count: number, singular: string, plural = `${singular}s`): string {
  return `${formatNumber(count, 0)} ${count === 1 ? singular : plural}`;
}

/** "2026-11-20" → "Nov 20, 2026". */
export function formatDate(date: string): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return df("date", () => new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" })).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

/**
 * An instant in the user's time zone (their setting, not the machine's): "Nov 20, 2026, 3:04 PM". The
 * server and the browser must render the same text, so the zone is always passed; an unknown zone falls
 * back to UTC rather than throwing.
 */
export function formatDateTime(iso: string | null, timeZone: string): string {
  if (!iso) return "Never";
  return df(`datetime:${timeZone}`, () => {
    try {
      return new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone });
    } catch {
      return new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
    }
  }).format(new Date(iso));
}

/** 1.5 → "1 h 30 min": hours as the API gives them, to the nearest minute. */
export function formatHours(hours: number): string {
  return formatMinutes(Math.round(hours * 60));
}

/** 90 → "1 h 30 min". */
export function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return [h ? `${h} h` : "", m ? `${m} min` : ""].filter(Boolean).join(" ") || "0 min";
}
