import { describe, expect, it } from "vitest";
import {
  convertMinor,
  convertMinorInverse,
  currencyExponent,
  formatMinor,
  isCurrency,
  parseAmount,
  parseRate,
  pickRate,
  roundHalfEven,
  toBaseMinor,
} from "@/lib/metrics/money";

describe("currencyExponent: ISO 4217 minor units", () => {
  it.each([
    ["USD", 2],
    ["EUR", 2],
    ["GBP", 2],
    ["JPY", 0],
    ["KRW", 0],
    ["KWD", 3],
    ["BHD", 3],
    ["JOD", 3],
    ["OMR", 3],
    ["TND", 3],
    ["LYD", 3],
    ["IQD", 3],
    ["CLP", 0],
    ["ISK", 0],
    ["VND", 0],
    ["UGX", 0],
    ["XOF", 0],
    ["XAF", 0],
    ["PYG", 0],
    ["CLF", 4],
  ])("%s has %i decimals", (code, exponent) => {
    expect(currencyExponent(code)).toBe(exponent);
    expect(isCurrency(code)).toBe(true);
  });

  it.each(["usd", "XXX", "XAU", "", "toString", "__proto__", "US"])("%j is not a currency", (code) => {
    expect(currencyExponent(code)).toBeUndefined();
    expect(isCurrency(code)).toBe(false);
  });
});

describe("parseAmount: exact decimal strings into minor units", () => {
  it.each([
    ["1234.56", "USD", 123456],
    ["-12.5", "USD", -1250],
    ["0.1", "USD", 10],
    ["12", "USD", 1200],
    ["0", "USD", 0],
    ["-0", "USD", 0],
    ["0.01", "USD", 1],
    ["12.50", "USD", 1250],
    // trailing zeros past the exponent carry no value: 12.3400 is 12.34
    ["12.3400", "USD", 1234],
    ["1500", "JPY", 1500],
    ["1500.00", "JPY", 1500],
    ["1.234", "KWD", 1234],
    ["0.005", "KWD", 5],
    // the bound itself: 1e12 dollars = 1e14 cents
    ["1000000000000", "USD", 100_000_000_000_000],
    ["-1000000000000.00", "USD", -100_000_000_000_000],
  ])("%j %s → %i", (input, currency, minor) => {
    expect(parseAmount(input, currency)).toEqual({ ok: true, minor });
  });

  it("returns +0, never -0", () => {
    const result = parseAmount("-0.00", "USD");
    expect(result.ok && Object.is(result.minor, 0)).toBe(true);
  });

  it.each([
    ["12.345", "USD", "at most 2 decimals for USD"],
    ["1500.5", "JPY", "no decimals allowed for JPY"],
    ["1.2345", "KWD", "at most 3 decimals for KWD"],
    ["1000000000000.01", "USD", "amount is too large"],
    ["100000000000001", "JPY", "amount is too large"],
  ])("refuses %j in %s: %s", (input, currency, message) => {
    expect(parseAmount(input, currency)).toEqual({ ok: false, message });
  });

  it.each(["1e3", "", "1,000", " 12", "12 ", "+-1", "+1", "NaN", "Infinity", ".5", "5.", "--1", "1.2.3", "0x10", "١٢"])(
    "refuses the malformed %j",
    (input) => {
      expect(parseAmount(input, "USD").ok).toBe(false);
    },
  );

  it("refuses an unknown currency", () => {
    expect(parseAmount("1", "ABC")).toEqual({ ok: false, message: "unknown currency ABC" });
  });
});

describe("parseAmount: JSON numbers through their shortest decimal", () => {
  it.each([
    [19.99, "USD", 1999],
    [0.1, "USD", 10],
    [-12.5, "USD", -1250],
    [12, "USD", 1200],
    [-0, "USD", 0],
    [1500, "JPY", 1500],
    [1.234, "KWD", 1234],
    [1e12, "USD", 100_000_000_000_000],
  ])("%d %s → %i", (input, currency, minor) => {
    expect(parseAmount(input, currency)).toEqual({ ok: true, minor });
  });

  it.each([
    // 0.1 + 0.2 is 0.30000000000000004: 17 decimals, not a cent amount
    [0.1 + 0.2, "at most 2 decimals for USD"],
    [1.005, "at most 2 decimals for USD"],
    [1e-7, "at most 2 decimals for USD"],
    [1e21, "amount is too large"],
    [1e13, "amount is too large"],
    [Number.NaN, "amount must be a finite number"],
    [Number.POSITIVE_INFINITY, "amount must be a finite number"],
  ])("refuses %d", (input, message) => {
    expect(parseAmount(input, "USD")).toEqual({ ok: false, message });
  });
});

describe("formatMinor", () => {
  it.each([
    [1999, "USD", "19.99"],
    [-5, "USD", "-0.05"],
    [0, "USD", "0.00"],
    [-123456, "USD", "-1234.56"],
    [1500, "JPY", "1500"],
    [-7, "JPY", "-7"],
    [1234, "KWD", "1.234"],
    [5, "KWD", "0.005"],
    [12345, "CLF", "1.2345"],
    [100_000_000_000_000, "USD", "1000000000000.00"],
  ])("%i %s → %s", (minor, currency, text) => {
    expect(formatMinor(minor, currency)).toBe(text);
  });

  it("throws on an unknown currency or a fractional amount", () => {
    expect(() => formatMinor(1, "ABC")).toThrow(RangeError);
    expect(() => formatMinor(1.5, "USD")).toThrow(RangeError);
  });
});

describe("roundHalfEven", () => {
  it.each([
    // value = n / d
    [5n, 2n, 2n], // 2.5 → 2
    [7n, 2n, 4n], // 3.5 → 4
    [-5n, 2n, -2n], // -2.5 → -2
    [-7n, 2n, -4n], // -3.5 → -4
    [1n, 2n, 0n], // 0.5 → 0
    [3n, 2n, 2n], // 1.5 → 2
    [5n, -2n, -2n], // a negative denominator: -2.5 → -2
    [-5n, -2n, 2n], // 2.5 → 2
    [7n, 3n, 2n], // 2.333 → 2
    [8n, 3n, 3n], // 2.667 → 3
    [-8n, 3n, -3n], // -2.667 → -3
    [26n, 10n, 3n], // 2.6 → 3
    [24n, 10n, 2n], // 2.4 → 2
    [0n, 7n, 0n],
    [12n, 4n, 3n], // exact
  ])("%i / %i → %i", (n, d, expected) => {
    expect(roundHalfEven(n, d)).toBe(expected);
  });

  it("refuses a zero denominator", () => {
    expect(() => roundHalfEven(1n, 0n)).toThrow(RangeError);
  });
});

describe("parseRate", () => {
  it.each([
    ["1.0825", "1.0825"],
    ["01.2500", "1.25"],
    ["150", "150"],
    ["150.000", "150"],
    ["0.5", "0.5"],
    ["0.000000000001", "0.000000000001"], // 12 decimals, the limit
    ["999999999999.5", "999999999999.5"], // 12 integer digits, the limit
    ["0000000000001.5", "1.5"], // leading zeros do not count
  ])("%j → %j", (input, value) => {
    expect(parseRate(input)).toEqual({ ok: true, value });
  });

  it.each(["0", "0.000", "-1", "1e3", "", " 1", "1.", ".5", "0.0000000000001", "1000000000000", "abc", "1,5"])("refuses %j", (input) => {
    expect(parseRate(input).ok).toBe(false);
  });
});

describe("convertMinor: roundHalfEven(amount × rate × 10^(e_to − e_from))", () => {
  it.each([
    // 1500 JPY × 0.0067 USD/JPY × 10^(2−0) = 1500 × 0.67 = 1005 cents
    [1500, "0.0067", "JPY", "USD", 1005],
    // 1234 JPY × 0.00675 × 100 = 832.95 → 833
    [1234, "0.00675", "JPY", "USD", 833],
    // 5 JPY × 0.005 × 100 = 2.5 → 2 (half to even)
    [5, "0.005", "JPY", "USD", 2],
    // 15 JPY × 0.005 × 100 = 7.5 → 8
    [15, "0.005", "JPY", "USD", 8],
    // -5 JPY → -2.5 → -2
    [-5, "0.005", "JPY", "USD", -2],
    // 5 cents × 0.5 = 2.5 → 2; 7 × 0.5 = 3.5 → 4
    [5, "0.5", "USD", "EUR", 2],
    [7, "0.5", "USD", "EUR", 4],
    // 1999 cents × 150.25 JPY/USD × 10^(0−2) = 3003.4975 → 3003
    [1999, "150.25", "USD", "JPY", 3003],
    // 10000 cents × 0.307 KWD/USD × 10^(3−2) = 30700 fils
    [10000, "0.307", "USD", "KWD", 30700],
    // 1234 fils × 489.5 JPY/KWD × 10^(0−3) = 604.043 → 604
    [1234, "489.5", "KWD", "JPY", 604],
    // the largest amount stays exact: 1e14 cents × 1.1 = 1.1e14
    [100_000_000_000_000, "1.1", "USD", "EUR", 110_000_000_000_000],
    [0, "1.1", "USD", "EUR", 0],
  ])("%i %s at %s → %s %i", (amount, rate, from, to, expected) => {
    expect(convertMinor(amount, rate, from, to)).toBe(expected);
  });

  it("is the identity within one currency, whatever the rate", () => {
    expect(convertMinor(1234, "2", "USD", "USD")).toBe(1234);
  });

  it("throws on an unknown currency or a malformed rate", () => {
    expect(() => convertMinor(1, "1", "ABC", "USD")).toThrow(RangeError);
    expect(() => convertMinor(1, "1e3", "EUR", "USD")).toThrow(RangeError);
  });
});

describe("pickRate: latest on or before the date, else earliest after", () => {
  const rates = [
    { date: "2024-01-10", rate: "1.1" },
    { date: "2024-03-01", rate: "1.2" },
    { date: "2024-02-01", rate: "1.15" },
  ];

  it.each([
    ["between two rates takes the earlier one", "2024-02-15", "1.15"],
    ["a rate dated that very day", "2024-03-01", "1.2"],
    ["after every rate takes the latest", "2025-06-30", "1.2"],
    ["before every rate takes the earliest after", "2024-01-01", "1.1"],
  ])("%s", (_name, occurredOn, expected) => {
    expect(pickRate(rates, occurredOn)).toBe(expected);
  });

  it("a rate only after the date: the earliest of those, whatever the input order", () => {
    const later = [
      { date: "2024-05-01", rate: "2" },
      { date: "2024-04-01", rate: "3" },
    ];
    expect(pickRate(later, "2024-01-01")).toBe("3");
  });

  it("a currency with no rate has none", () => {
    expect(pickRate([], "2024-01-01")).toBeUndefined();
  });
});

describe("convertMinorInverse: roundHalfEven(amount × 10^(e_to − e_from) / rate), the rate quoted the other way", () => {
  it.each([
    // 10000 cents × 10^0 / 1.1 USD per EUR = 9090.909… → 9091
    [10000, "1.1", "USD", "EUR", 9091],
    // a stored rate comes back with trailing zeros: the same value
    [10000, "1.100000000000", "USD", "EUR", 9091],
    [-10000, "1.1", "USD", "EUR", -9091],
    // 5 / 2 = 2.5 → 2 and 7 / 2 = 3.5 → 4 (half to even), the same with the sign flipped
    [5, "2", "USD", "EUR", 2],
    [7, "2", "USD", "EUR", 4],
    [-5, "2", "USD", "EUR", -2],
    [-7, "2", "USD", "EUR", -4],
    // 1500 JPY × 10^(2−0) / 150.25 JPY per USD = 150000 / 150.25 = 998.336… → 998 cents
    [1500, "150.25", "JPY", "USD", 998],
    // 3 JPY × 100 / 120 = 2.5 → 2; 9 × 100 / 120 = 7.5 → 8
    [3, "120", "JPY", "USD", 2],
    [9, "120", "JPY", "USD", 8],
    // 1005 cents × 10^(0−2) / 0.0067 USD per JPY = 10.05 / 0.0067 = 1500 yen (convertMinor's 1500 JPY undone)
    [1005, "0.0067", "USD", "JPY", 1500],
    // 30700 fils × 10^(2−3) / 0.307 KWD per USD = 3070 / 0.307 = 10000 cents
    [30700, "0.307", "KWD", "USD", 10000],
    // 10000 cents × 10^(3−2) / 3.2555 USD per KWD = 100000 / 3.2555 = 30717.247… → 30717 fils
    [10000, "3.2555", "USD", "KWD", 30717],
    // 1 cent × 10 / 4 = 2.5 → 2 fils; 3 × 10 / 4 = 7.5 → 8
    [1, "4", "USD", "KWD", 2],
    [3, "4", "USD", "KWD", 8],
    // 1234 fils × 10^(0−3) / 0.002043 KWD per JPY = 1.234 / 0.002043 = 604.013… → 604 yen
    [1234, "0.002043", "KWD", "JPY", 604],
    // Next to a tie, where only exact arithmetic decides (a float, or a quotient rounded to 12 decimals,
    // sees x.5 exactly):
    // 2 × 1234567890124 × 10^12 + 2 = 92765986151 × 26616822422702, so the quotient is
    // 46382993075.5 − 1/26616822422702: just below the tie → 46382993075 (not 46382993076)
    [1_234_567_890_124, "26.616822422702", "USD", "EUR", 46_382_993_075],
    // 2 × 1234567890137 × 10^12 − 2 = 28727904793 × 85949037984686, so the quotient is
    // 14363952396.5 + 1/85949037984686: just above the tie → 14363952397 (not the even 14363952396)
    [1_234_567_890_137, "85.949037984686", "USD", "EUR", 14_363_952_397],
    // the largest amount stays exact: 1e14 cents / 0.5 = 2e14
    [100_000_000_000_000, "0.5", "USD", "EUR", 200_000_000_000_000],
    [0, "1.1", "USD", "EUR", 0],
  ])("%i %s at %s → %s %i", (amount, rate, from, to, expected) => {
    expect(convertMinorInverse(amount, rate, from, to)).toBe(expected);
  });

  it("is the identity within one currency, whatever the rate", () => {
    expect(convertMinorInverse(-1234, "2", "USD", "USD")).toBe(-1234);
  });

  it("throws on an unknown currency, a malformed or zero rate, or a result beyond a safe integer", () => {
    expect(() => convertMinorInverse(1, "1", "ABC", "USD")).toThrow(RangeError);
    expect(() => convertMinorInverse(1, "1e3", "EUR", "USD")).toThrow(RangeError);
    expect(() => convertMinorInverse(1, "0", "EUR", "USD")).toThrow(RangeError);
    // 1e14 / 0.000000000001 = 1e26
    expect(() => convertMinorInverse(100_000_000_000_000, "0.000000000001", "EUR", "USD")).toThrow(RangeError);
  });
});

describe("toBaseMinor: a direct rate if the currency has any, else the inverse, else none", () => {
  const tx = (amountMinor: number, currency: string, occurredOn = "2024-03-15") => ({ amountMinor, currency, occurredOn });
  const eurInUsd = [
    { date: "2024-01-01", rate: "1.1" },
    { date: "2024-03-01", rate: "1.25" },
  ];

  it.each([
    // base EUR, USD rows, only EUR rates quoted in USD (entered under the earlier base):
    // on 2024-03-15 the latest on or before is 1.25: 10000 / 1.25 = 8000
    ["the inverse of the rate in force", tx(10000, "USD"), "EUR", { direct: [], inverse: eurInUsd }, 8000],
    // on 2024-02-10 it is 1.1: -10000 / 1.1 = -9090.909… → -9091
    ["a negative amount, by the inverse", tx(-10000, "USD", "2024-02-10"), "EUR", { direct: [], inverse: eurInUsd }, -9091],
    // before every rate the earliest after counts, like a direct rate: 10000 / 1.1 → 9091
    ["before every inverse rate, the earliest after", tx(10000, "USD", "2023-06-30"), "EUR", { direct: [], inverse: eurInUsd }, 9091],
    // a USD rate quoted in EUR dated only after the row still beats the inverse in force that day: 10000 × 0.9 = 9000
    ["a direct rate on any date wins", tx(10000, "USD"), "EUR", { direct: [{ date: "2025-01-01", rate: "0.9" }], inverse: eurInUsd }, 9000],
    // back under USD, EUR rows use the same rates directly: 8000 × 1.25 = 10000, the figure before the switch
    ["switching back: the same rate, multiplied", tx(8000, "EUR"), "USD", { direct: eurInUsd, inverse: [] }, 10000],
    // JPY base, USD rows, a JPY rate quoted in USD: 1005 cents × 10^(0−2) / 0.0067 = 1500 yen
    ["across exponents", tx(1005, "USD"), "JPY", { direct: [], inverse: [{ date: "2024-01-01", rate: "0.0067" }] }, 1500],
    // 5 cents / 2 = 2.5 → 2 (half to even)
    ["a tie, to even", tx(5, "USD"), "EUR", { direct: [], inverse: [{ date: "2024-01-01", rate: "2" }] }, 2],
    ["the base currency is at par, whatever the rates", tx(-1234, "EUR"), "EUR", { direct: [], inverse: eurInUsd }, -1234],
    ["no rate either way: none", tx(1000, "GBP"), "EUR", { direct: [], inverse: [] }, null],
  ])("%s", (_name, t, base, rates, expected) => {
    expect(toBaseMinor(t, base, rates)).toBe(expected);
  });
});
