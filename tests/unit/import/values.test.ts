import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  absDecimal,
  addDecimal,
  guessDecimal,
  negateDecimal,
  parseAmountGuessingDecimal,
  parseDayMonthNameYear,
  parseImportAmount,
  parseImportDate,
  sameDecimal,
  signOfDecimal,
  subtractDecimal,
  type ImportDateFormat,
} from "@/lib/import/values";

const ok = (value: string | null) => ({ ok: true, value });

describe("parseImportDate: each format, real calendar dates only", () => {
  it.each<[string, ImportDateFormat, string]>([
    ["2026-11-03", "iso", "2026-11-03"],
    ["2024-02-29", "iso", "2024-02-29"],
    ["2026-11-03 14:05", "iso", "2026-11-03"],
    ["\uFEFF2026-11-03", "iso", "2026-11-03"],
    [" 2026-11-03 ", "iso", "2026-11-03"],
    ["11/3/2026", "mdy", "2026-11-03"],
    ["11/03/2026", "mdy", "2026-11-03"],
    ["1/31/2026 2:05:09 PM", "mdy", "2026-01-31"],
    ["3/11/2026", "dmy", "2026-11-03"],
    ["31/01/2026", "dmy", "2026-01-31"],
    ["29/02/2028 23:59", "dmy", "2028-02-29"],
    ["Nov 3, 2026", "mon-d-y", "2026-11-03"],
    ["November 3, 2026", "mon-d-y", "2026-11-03"],
    ["Sept 30, 2026", "mon-d-y", "2026-09-30"],
    ["sep 30 2026", "mon-d-y", "2026-09-30"],
    ["Dec. 1, 2026", "mon-d-y", "2026-12-01"],
    ["03-11-2026", "dd-mm-yyyy", "2026-11-03"],
    ["03.11.2026", "dd-mm-yyyy", "2026-11-03"],
    ["3.11.2026", "dd-mm-yyyy", "2026-11-03"],
    ["2026-11-03T14:05:00Z", "datetime", "2026-11-03"],
    ["2026-11-03T14:05:00.123+01:00", "datetime", "2026-11-03"],
    ["2026-11-03 14:05:00 +0100", "datetime", "2026-11-03"],
    ["2026-11-03 14:05:00 UTC", "datetime", "2026-11-03"],
    ["2026-11-03 14:05:00", "datetime", "2026-11-03"],
    ["2026-11-03T14:05", "datetime", "2026-11-03"],
  ])("%j as %s is %s", (text, format, expected) => {
    expect(parseImportDate(text, format)).toEqual(ok(expected));
  });

  it("takes a date-time as written, never shifted to UTC or the server's zone", () => {
    // 23:30 in Los Angeles is already the 4th in UTC; 00:30 at +14:00 is still the 2nd in UTC.
    expect(parseImportDate("2026-11-03T23:30:00-08:00", "datetime")).toEqual(ok("2026-11-03"));
    expect(parseImportDate("2026-11-03T00:30:00+14:00", "datetime")).toEqual(ok("2026-11-03"));
    expect(parseImportDate("2026-12-31 23:59:59 -1200", "datetime")).toEqual(ok("2026-12-31"));
  });

  it.each<[string, ImportDateFormat, RegExp]>([
    ["", "iso", /empty/],
    ["2026-02-29", "iso", /February 2026 has 28 days/],
    ["2026-04-31", "iso", /April 2026 has 30 days/],
    ["2026-13-01", "iso", /no month 13/],
    ["2026-1-3", "iso", /YYYY-MM-DD/],
    ["03/11/26", "dmy", /D\/M\/YYYY/],
    ["13/1/2026", "mdy", /no month 13/],
    ["31/4/2026", "dmy", /April 2026 has 30 days/],
    ["2026-11-03", "mdy", /M\/D\/YYYY/],
    ["Foo 3, 2026", "mon-d-y", /English month name/],
    ["Nov 31, 2026", "mon-d-y", /November 2026 has 30 days/],
    ["3 Nov 2026", "mon-d-y", /Mon D, YYYY/],
    ["03-11.2026", "dd-mm-yyyy", /DD-MM-YYYY/],
    ["00-11-2026", "dd-mm-yyyy", /November 2026 has 30 days/],
    ["2026-11-03", "datetime", /date-time/],
    ["2026-11-03T25:00:00Z", "datetime", /no such time/],
    ["2026-11-03T12:00:00+25:00", "datetime", /offset/],
    ["2026-02-30T12:00:00Z", "datetime", /February 2026 has 28 days/],
    ["0999-01-01", "iso", /four-digit year/],
  ])("%j as %s is refused (%s)", (text, format, message) => {
    const result = parseImportDate(text, format);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it("reads day-first month names", () => {
    expect(parseDayMonthNameYear("31 July, 2026")).toEqual(ok("2026-07-31"));
    expect(parseDayMonthNameYear("3 Nov 2026")).toEqual(ok("2026-11-03"));
    expect(parseDayMonthNameYear("31 Sep 2026").ok).toBe(false);
    expect(parseDayMonthNameYear("July 31, 2026").ok).toBe(false);
  });

  const calendarDay = fc
    .date({ min: new Date("1970-01-01T00:00:00Z"), max: new Date("2199-12-31T00:00:00Z"), noInvalidDate: true })
    .map((d) => ({
      y: d.getUTCFullYear(),
      m: d.getUTCMonth() + 1,
      d: d.getUTCDate(),
      iso: d.toISOString().slice(0, 10),
    }));
  const MON = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const pad = (n: number) => String(n).padStart(2, "0");

  it("round-trips every real date through every format (fast-check)", () => {
    fc.assert(
      fc.property(calendarDay, fc.boolean(), fc.integer({ min: -12, max: 14 }), ({ y, m, d, iso }, padded, offset) => {
        const p = (n: number) => (padded ? pad(n) : String(n));
        const written: [string, ImportDateFormat][] = [
          [iso, "iso"],
          [`${p(m)}/${p(d)}/${y}`, "mdy"],
          [`${p(d)}/${p(m)}/${y}`, "dmy"],
          [`${MON[m - 1]} ${d}, ${y}`, "mon-d-y"],
          [`${pad(d)}-${pad(m)}-${y}`, "dd-mm-yyyy"],
          [`${pad(d)}.${pad(m)}.${y}`, "dd-mm-yyyy"],
          [`${iso}T23:59:59${offset < 0 ? "-" : "+"}${pad(Math.abs(offset))}:00`, "datetime"],
          [`${iso} 00:00:00 ${offset < 0 ? "-" : "+"}${pad(Math.abs(offset))}00`, "datetime"],
        ];
        for (const [text, format] of written) expect(parseImportDate(text, format)).toEqual(ok(iso));
      }),
    );
  });
});

describe("parseImportAmount: exact decimal strings from what exports print", () => {
  it.each<[string, "." | ",", string | null]>([
    ["1234.50", ".", "1234.50"],
    ["1,234.50", ".", "1234.50"],
    ["1.234,50", ",", "1234.50"],
    ["1 234,50", ",", "1234.50"],
    ["1\u00A0234,50", ",", "1234.50"],
    ["1\u202F234,50", ",", "1234.50"],
    ["1'234.50", ".", "1234.50"],
    ["1’234.50", ".", "1234.50"],
    ["12,345,678.9", ".", "12345678.9"],
    ["12.345.678,9", ",", "12345678.9"],
    ["1,23,456.00", ".", "123456.00"],
    ["$1,234.50", ".", "1234.50"],
    ["€1.234,50", ",", "1234.50"],
    ["1.234,50 €", ",", "1234.50"],
    ["1.234,50€", ",", "1234.50"],
    ["£12", ".", "12"],
    ["¥1,500", ".", "1500"],
    ["₹1,23,456.00", ".", "123456.00"],
    ["USD 1,234.50", ".", "1234.50"],
    ["1,234.50 USD", ".", "1234.50"],
    ["CA$76.00", ".", "76.00"],
    ["US$ 5", ".", "5"],
    ["Rs.1,000.00", ".", "1000.00"],
    ["-12.50", ".", "-12.50"],
    ["+12.50", ".", "12.50"],
    ["(12.50)", ".", "-12.50"],
    ["($1,234.50)", ".", "-1234.50"],
    ["12.50-", ".", "-12.50"],
    ["12,50- €", ",", "-12.50"],
    ["\u221212.50", ".", "-12.50"],
    ["-$0.98", ".", "-0.98"],
    ["$-0.98", ".", "-0.98"],
    ["-£3.84", ".", "-3.84"],
    ["€ -12,50", ",", "-12.50"],
    ["- 12", ".", "-12"],
    [".50", ".", "0.50"],
    ["$.50", ".", "0.50"],
    ["0012.5", ".", "12.5"],
    ["0.00", ".", "0.00"],
    ["-0.00", ".", "0.00"],
    ["12.", ".", "12"],
    ["", ".", null],
    ["   ", ".", null],
    ["--", ".", null],
    ["-", ".", null],
    ["—", ".", null],
    ["–", ",", null],
    ["\uFEFF42", ".", "42"],
  ])("%j with %j is %j", (text, decimal, expected) => {
    const result = parseImportAmount(text, { decimal });
    expect(result).toEqual(ok(expected));
  });

  it.each<[string, "." | ",", RegExp]>([
    ["1,5", ".", /is the decimal separator ","\?/],
    ["1.5", ",", /is the decimal separator "\."\?/],
    ["1,234.50", ",", /is the decimal separator "\."\?/],
    ["1.2.3", ".", /more than once/],
    ["1,23", ".", /decimal separator ","/],
    ["12,3456", ".", /decimal separator ","/],
    ["1 234,567.0", ".", /grouped in more than one way/],
    ["1e5", ".", /exponent/],
    ["12abc", ".", /not part of a number/],
    ["abc", ".", /not part of a number/],
    ["$", ".", /no number/],
    ["--12", ".", /more than one sign/],
    ["(-12)", ".", /more than one sign/],
    ["-12-", ".", /more than one sign/],
    ["$12 USD", ".", /currency twice/],
    ["12 34", ".", /grouped in threes/],
    ["1.2.3,4", ",", /grouped in threes/],
    ["NaN", ".", /no number|not part/],
  ])("%j with %j is refused (%s)", (text, decimal, message) => {
    const result = parseImportAmount(text, { decimal });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toMatch(message);
      expect(result.message).toContain(JSON.stringify(text.trim()));
    }
  });

  /** A canonical decimal ("-1234.50", "0.07", "12") from a sign, an integer and its decimals. */
  const decimalValue = fc
    .record({
      whole: fc.bigInt({ min: 0n, max: 10n ** 15n }),
      fraction: fc.stringMatching(/^\d{0,4}$/),
      negative: fc.boolean(),
    })
    .map(({ whole, fraction, negative }) => {
      const body = fraction === "" ? whole.toString() : `${whole}.${fraction}`;
      const zero = /^[0.]*$/.test(body);
      return negative && !zero ? `-${body}` : body;
    });

  const group3 = (digits: string, sep: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);

  it("formats then parses back to the same decimal, whatever the style (fast-check)", () => {
    fc.assert(
      fc.property(
        decimalValue,
        fc.constantFrom<"." | ",">(".", ","),
        fc.constantFrom("", ",", ".", " ", "\u00A0", "'"),
        fc.constantFrom("none", "$pre", "€post", "€post-tight", "codePre", "codePost", "CA$pre"),
        fc.constantFrom("minus", "parens", "trailing", "unicode", "minusAfterSymbol"),
        (value, decimal, rawGroup, currency, negativeStyle) => {
          const group = rawGroup === decimal ? "" : rawGroup;
          const negative = value.startsWith("-");
          const [whole = "", fraction] = value.replace("-", "").split(".");
          const number = group3(whole, group) + (fraction === undefined ? "" : decimal + fraction);
          let prefix = "";
          let suffix = "";
          if (currency === "$pre") prefix = "$";
          if (currency === "CA$pre") prefix = "CA$";
          if (currency === "codePre") prefix = "USD ";
          if (currency === "€post") suffix = " €";
          if (currency === "€post-tight") suffix = "€";
          if (currency === "codePost") suffix = " EUR";
          let text = `${prefix}${number}${suffix}`;
          if (negative) {
            if (negativeStyle === "minus") text = `-${prefix}${number}${suffix}`;
            if (negativeStyle === "parens") text = `(${prefix}${number}${suffix})`;
            if (negativeStyle === "trailing") text = `${prefix}${number}-${suffix}`;
            if (negativeStyle === "unicode") text = `\u2212${prefix}${number}${suffix}`;
            if (negativeStyle === "minusAfterSymbol") text = `${prefix}-${number}${suffix}`;
          }
          expect(parseImportAmount(`  ${text} `, { decimal })).toEqual(ok(value));
        },
      ),
    );
  });

  it("reads locale-formatted cents without being told the separator (fast-check)", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.boolean(), fc.boolean(), (cents, european, withCents) => {
        const negative = cents < 0n;
        const abs = negative ? -cents : cents;
        const whole = (withCents ? abs / 100n : abs).toString();
        const fraction = (abs % 100n).toString().padStart(2, "0");
        const expected = (negative && abs !== 0n ? "-" : "") + (withCents ? `${whole}.${fraction}` : whole);
        const written = group3(whole, european ? "." : ",") + (withCents ? (european ? "," : ".") + fraction : "");
        expect(parseAmountGuessingDecimal((negative && abs !== 0n ? "-" : "") + written)).toEqual(ok(expected));
      }),
    );
  });

  it("guesses the decimal separator from the cell", () => {
    expect(guessDecimal("1,234")).toBe(".");
    expect(guessDecimal("1.234")).toBe(",");
    expect(guessDecimal("12,50")).toBe(",");
    expect(guessDecimal("12.5")).toBe(".");
    expect(guessDecimal("1.234,56")).toBe(",");
    expect(guessDecimal("1,234.56")).toBe(".");
    expect(guessDecimal("1.234.567")).toBe(",");
    expect(guessDecimal("84")).toBe(".");
  });
});

describe("exact decimal arithmetic", () => {
  const dec = fc
    .record({ units: fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }), scale: fc.integer({ min: 0, max: 4 }) })
    .map(({ units, scale }) => {
      const negative = units < 0n;
      const digits = (negative ? -units : units).toString().padStart(scale + 1, "0");
      const body = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
      return { text: negative ? `-${body}` : body, units, scale };
    });

  it("adds and subtracts exactly at the larger scale (fast-check)", () => {
    fc.assert(
      fc.property(dec, dec, (a, b) => {
        const scale = Math.max(a.scale, b.scale);
        const sum = a.units * 10n ** BigInt(scale - a.scale) + b.units * 10n ** BigInt(scale - b.scale);
        const diff = a.units * 10n ** BigInt(scale - a.scale) - b.units * 10n ** BigInt(scale - b.scale);
        const scaledOf = (s: string) => BigInt(s.replace(".", ""));
        expect(scaledOf(addDecimal(a.text, b.text))).toBe(sum);
        expect(scaledOf(subtractDecimal(a.text, b.text))).toBe(diff);
        expect(sameDecimal(addDecimal(a.text, negateDecimal(a.text)), "0")).toBe(true);
        expect(signOfDecimal(absDecimal(a.text))).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it.each([
    ["12.50", "-0.3", "12.20"],
    ["0.1", "0.2", "0.3"],
    ["-1", "0.99", "-0.01"],
    ["100", "-100.00", "0.00"],
  ])("%s + %s = %s", (a, b, sum) => {
    expect(addDecimal(a, b)).toBe(sum);
  });
});
