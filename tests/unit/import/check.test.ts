// The import engine checks rows with checkTextTransaction (no zod, fast) and falls back to the API's own
// checkTransaction whenever it answers null. The two must agree: whatever the fast path accepts, the API
// accepts with the same value; and the fast path accepts every ordinary valid row.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checkTextTransaction,
  checkTransaction,
  latestRecordDate,
  textTransactionInput,
  type TextTransaction,
} from "@/lib/schemas/transactions";

const latest = latestRecordDate();
const pad = (s: fc.Arbitrary<string>) =>
  fc.tuple(fc.constantFrom("", " ", "\t", "  "), s, fc.constantFrom("", " ", "\n")).map(([a, b, c]) => a + b + c);

const text = (max: number) =>
  fc.oneof(
    { arbitrary: fc.constant(null), weight: 4 },
    fc.constant(""),
    fc.constant("   "),
    pad(fc.string({ maxLength: 8 })),
    fc.string({ minLength: max - 2, maxLength: max + 2 }),
    pad(fc.string({ minLength: max - 1, maxLength: max })),
  );

const date = fc.oneof(
  {
    arbitrary: fc
      .date({ min: new Date("1960-01-01"), max: new Date("2030-01-01"), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10)),
    weight: 6,
  },
  fc.date({ min: new Date("1960-01-01"), max: new Date("2200-01-01"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom(
    "1970-01-01",
    "1969-12-31",
    latest,
    "2024-02-29",
    "2023-02-29",
    "2026-13-01",
    "2026-1-1",
    " 2026-01-01",
    "",
    "abc",
    "20260101",
  ),
);

const amount = fc.oneof(
  { arbitrary: fc.tuple(fc.boolean(), fc.integer({ min: 1, max: 10 ** 6 })).map(([neg, n]) => `${neg ? "-" : ""}${n / 100}`), weight: 4 },
  fc
    .tuple(fc.boolean(), fc.integer({ min: 0, max: 10 ** 9 }), fc.option(fc.stringMatching(/^\d{1,4}$/)))
    .map(([neg, whole, frac]) => `${neg ? "-" : ""}${whole}${frac === null ? "" : `.${frac}`}`),
  fc.constantFrom("0", "0.00", "-0", "1e3", "+5", " 5", "5 ", "1,5", "", "12.345", "999999999999999999", "0.001"),
);

const row: fc.Arbitrary<TextTransaction> = fc.record({
  stream: fc.oneof({ arbitrary: fc.constantFrom("Shop", " Shop "), weight: 4 }, fc.constant(null), text(80)),
  kind: fc.constantFrom("income", "expense") as fc.Arbitrary<"income" | "expense">,
  occurredOn: date,
  amount,
  currency: fc.oneof(fc.constant(null), fc.constantFrom("USD", "usd", " eur ", "JPY", "KWD", "XYZ", "US", "", "EURO")),
  counterparty: text(120),
  platform: text(80),
  description: text(500),
  externalId: fc.oneof(fc.constant(null), text(200)),
});

describe("checkTextTransaction", () => {
  it("accepts only what checkTransaction accepts, with the same value", () => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(row, fc.constantFrom("USD", "JPY", "EUR"), (r, base) => {
        const fast = checkTextTransaction(r, base, latest);
        const slow = checkTransaction(textTransactionInput(r), base);
        if (fast !== null) {
          accepted += 1;
          expect(slow.ok).toBe(true);
          if (slow.ok) expect(fast).toEqual(slow.value);
        } else if (!slow.ok) refused += 1;
      }),
      { numRuns: 5000 },
    );
    // both sides of the question were asked often
    expect(accepted).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(1000);
  });

  it("accepts every ordinary valid row (the fast path is the common path)", () => {
    const ordinary = fc.record({
      stream: fc.constantFrom("Shop", " Consulting ", "Ünïcode stream"),
      kind: fc.constantFrom("income", "expense") as fc.Arbitrary<"income" | "expense">,
      occurredOn: fc
        .date({ min: new Date("1970-01-01"), max: new Date("2026-01-01"), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10)),
      amount: fc
        .tuple(fc.boolean(), fc.integer({ min: 1, max: 10 ** 7 }))
        .map(([neg, cents]) => `${neg ? "-" : ""}${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`),
      currency: fc.constantFrom(null, "USD", "eur"),
      counterparty: fc.constantFrom(null, "Acme", " Acme "),
      platform: fc.constantFrom(null, "Stripe"),
      description: fc.constantFrom(null, "A sale"),
      externalId: fc.constantFrom(null, "x-1"),
    });
    fc.assert(
      fc.property(ordinary, (r) => {
        expect(checkTransaction(textTransactionInput(r), "USD").ok).toBe(true);
        expect(checkTextTransaction(r, "USD", latest)).not.toBeNull();
      }),
      { numRuns: 2000 },
    );
  });
});
