import { z } from "zod";

const realDate = (s: string) => {
  const [y, m, d] = s.split("-").map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
};

/** A real calendar date `YYYY-MM-DD` (2024-02-29 yes, 2023-02-29 no). */
/**
 * The years a date or month may name: wide enough for any record, narrow enough that Postgres and JS
 * Date both handle every day of them (Postgres refuses year 0; JS dates stop at ±275,760).
 */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;

/** A real calendar date within MIN_YEAR..MAX_YEAR (also for dates that arrive outside a schema, e.g. a cursor). */
export const isDateInRange = (s: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(s) && realDate(s) && s >= `${MIN_YEAR}-01-01` && s <= `${MAX_YEAR}-12-31`;

export const dateString = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "Use a date as YYYY-MM-DD.", abort: true })
  .refine(realDate, { message: "Not a real calendar date.", abort: true })
  .refine((s) => s >= `${MIN_YEAR}-01-01` && s <= `${MAX_YEAR}-12-31`, `Date is out of range: use a year from ${MIN_YEAR} to ${MAX_YEAR}.`);

/** `YYYY-MM-DD` + n days, on the calendar (UTC arithmetic on a date carries no time zone). */
const plusDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The day money moved or time was spent: from 1970 to a year from today (a day of slack for the time
 * zones ahead of the server's). A year further is almost always a typo in the year.
 */
export const recordDate = dateString.superRefine((s, ctx) => {
  if (s < "1970-01-01") ctx.addIssue({ code: "custom", message: "Dates before 1970 are not accepted." });
  else if (s > plusDays(new Date().toISOString().slice(0, 10), 366))
    ctx.addIssue({ code: "custom", message: "That is more than a year from today: check the year." });
});

export const monthString = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: "Use a month as YYYY-MM.", abort: true })
  .refine((s) => s >= `${MIN_YEAR}-01` && s <= `${MAX_YEAR}-12`, `Month is out of range: use a year from ${MIN_YEAR} to ${MAX_YEAR}.`);

export const currencyCode = z
  .string()
  .transform((s) => s.trim().toUpperCase())
  .pipe(z.string().regex(/^[A-Z]{3}$/, { message: "Use a three-letter ISO 4217 currency code.", abort: true }));

/** A timestamp on the wire (ISO 8601); also accepts the Date a row carries, so one schema shapes and checks responses. */
/** An IANA time zone, stored in its canonical spelling ("europe/berlin" → "Europe/Berlin"). */
export const timeZone = z
  .string()
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat("en", { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, "Not an IANA time zone such as Europe/Berlin.")
  .transform((tz) => new Intl.DateTimeFormat("en", { timeZone: tz }).resolvedOptions().timeZone);

export const timestamp = z
  .union([z.date(), z.iso.datetime({ offset: true })])
  .transform((v) => (v instanceof Date ? v.toISOString() : v))
  .pipe(z.iso.datetime({ offset: true }));

export const idParam = z.string();

export const optionalText = (max: number) =>
  z
    .string()
    .max(max, `At most ${max} characters.`)
    .transform((s) => s.trim())
    .transform((s) => (s === "" ? null : s))
    .nullish();

export const listResponse = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item), nextCursor: z.string().nullable() });

/** Every error body (RFC 9457 problem details). */
export const problemResponse = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  errors: z
    .array(
      z.object({
        path: z.string(),
        message: z.string(),
        row: z.number().int().optional().meta({ description: "The file's line number (CSV imports)." }),
      }),
    )
    .optional(),
});

/**
 * A tax set-aside rate: a fraction 0..1 with at most 4 decimals ("0.25", 0.3, "0.0725"), as a decimal
 * string or a JSON number; answered as a number. Stored as numeric(5,4), so it is passed on as text.
 */
export const taxRateInput = z
  .union([z.string().trim(), z.number()], { error: 'Give the rate as a fraction like "0.25".' })
  .transform((v, ctx) => {
    const text = typeof v === "number" ? String(v) : v;
    if (!/^(0(\.\d{1,4})?|1(\.0{1,4})?|\.\d{1,4})$/.test(text)) {
      ctx.addIssue({ code: "custom", message: "A fraction from 0 to 1 with at most 4 decimals, like 0.25 for 25%." });
      return z.NEVER;
    }
    return text.startsWith(".") ? `0${text}` : text;
  })
  .meta({ description: "A fraction from 0 to 1 (0.25 is 25%).", examples: ["0.25"] });
