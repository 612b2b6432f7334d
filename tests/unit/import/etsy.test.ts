import { describe, expect, it } from "vitest";
import { etsyReader } from "@/lib/import/presets/etsy";
import { expected, fixture, invalidsOf, runReader, skipsOf, transactionsOf } from "./run-reader";

const E = { platform: "Etsy", currency: "USD" } as const;

describe("etsy: monthly statement CSV", () => {
  const run = runReader(etsyReader, fixture("etsy.csv"));

  it("finds the header (after the BOM) on the first line", () => {
    expect(run.headerLine).toBe(1);
    expect(etsyReader.defaultStream).toBe("Etsy");
  });

  it("reads sales, buyer taxes, fees, ads, labels and a refund into the transactions written out here", () => {
    expect(transactionsOf(run)).toEqual([
      // The buyer paid 53.50, of which 3.50 was sales tax Etsy remits: 53.50 − 3.50 = 50.00 is the seller's.
      expected(3, { ...E, occurredOn: "2026-09-03", kind: "income", amount: "53.50", description: "Payment for Order #3100000001" }),
      expected(4, {
        ...E,
        occurredOn: "2026-09-03",
        kind: "income",
        amount: "-3.50",
        description: "Sales tax paid by buyer (Order #3100000001)",
      }),
      // Its fees: 2.93 + 0.33 + 1.86 = 5.12.
      expected(5, {
        ...E,
        occurredOn: "2026-09-03",
        kind: "expense",
        amount: "2.93",
        description: "Transaction fee: Ceramic Mug, Speckled (Order #3100000001)",
      }),
      expected(6, {
        ...E,
        occurredOn: "2026-09-03",
        kind: "expense",
        amount: "0.33",
        description: "Transaction fee: Shipping (Order #3100000001)",
      }),
      expected(7, { ...E, occurredOn: "2026-09-03", kind: "expense", amount: "1.86", description: "Processing fee (Order #3100000001)" }),
      expected(8, { ...E, occurredOn: "2026-09-05", kind: "expense", amount: "0.20", description: "Listing fee (Listing #1500000001)" }),
      expected(9, { ...E, occurredOn: "2026-09-09", kind: "expense", amount: "4.10", description: "Etsy Ads (Bill for click-throughs)" }),
      // A refund of 26.50, of which 1.50 was tax: −26.50 + 1.50 = −25.00 off the seller's income; the fee credit 1.63 a negative cost.
      expected(10, {
        ...E,
        occurredOn: "2026-09-12",
        kind: "income",
        amount: "-26.50",
        description: "Refund to buyer for Order #3100000002",
      }),
      expected(11, {
        ...E,
        occurredOn: "2026-09-12",
        kind: "income",
        amount: "1.50",
        description: "Sales tax refunded to buyer (Order #3100000002)",
      }),
      expected(12, {
        ...E,
        occurredOn: "2026-09-12",
        kind: "expense",
        amount: "-1.63",
        description: "Credit for transaction fee (Order #3100000002)",
      }),
      // Tax on Etsy's fees is a cost, and so is a shipping label.
      expected(13, {
        ...E,
        occurredOn: "2026-09-15",
        kind: "expense",
        amount: "0.05",
        description: "Tax: Transaction (Order #3100000001)",
      }),
      expected(14, {
        ...E,
        occurredOn: "2026-09-18",
        kind: "expense",
        amount: "4.65",
        description: "USPS shipping label for Order #3100000001",
      }),
      // "$1,234.00" in quotes; its transaction fee has a line break and HTML entities in the title (lines 16–17).
      expected(15, { ...E, occurredOn: "2026-09-20", kind: "income", amount: "1234.00", description: "Payment for Order #3100000003" }),
      expected(16, {
        ...E,
        occurredOn: "2026-09-20",
        kind: "expense",
        amount: "80.21",
        description: 'Transaction fee: Hand-dyed scarf Indigo & Tom\'s "Best" (Order #3100000003)',
      }),
    ]);
  });

  it("skips deposits, payments towards the bill and types it does not know", () => {
    expect(skipsOf(run)).toEqual([
      { line: 2, reason: "A deposit to your bank account: not income." },
      { line: 18, reason: "A payment you made towards your Etsy bill: not income." },
      { line: 19, reason: 'Etsy statement type "Adjustment" is not one this preset counts.' },
    ]);
    expect(invalidsOf(run)).toEqual([]);
  });

  it("reads a UK statement: day-first dates, pounds, VAT on fees, a sale with its fee on the same line", () => {
    const row = (fields: Record<string, string>) => ({
      Date: "31 July, 2026",
      Type: "Sale",
      Title: "Payment for Order #1",
      Info: "",
      Currency: "GBP",
      Amount: "£39.99",
      "Fees & Taxes": "-£4.93",
      Net: "£35.06",
      ...fields,
    });
    // 39.99 − 4.93 = 35.06.
    expect(etsyReader.read(row({}), 2)).toEqual({
      type: "transactions",
      transactions: [
        {
          occurredOn: "2026-07-31",
          kind: "income",
          amount: "39.99",
          currency: "GBP",
          stream: null,
          counterparty: null,
          platform: "Etsy",
          description: "Payment for Order #1",
          externalId: null,
        },
        {
          occurredOn: "2026-07-31",
          kind: "expense",
          amount: "4.93",
          currency: "GBP",
          stream: null,
          counterparty: null,
          platform: "Etsy",
          description: "Fees: Payment for Order #1",
          externalId: null,
        },
      ],
    });
    expect(
      etsyReader.read(
        row({ Date: "31 Jul 2026", Type: "VAT", Title: "VAT: Offsite Ads fee", Amount: "--", "Fees & Taxes": "-£0.96", Net: "-£0.96" }),
        3,
      ),
    ).toMatchObject({
      type: "transactions",
      transactions: [{ kind: "expense", amount: "0.96" }],
    });
  });

  it("names a date it cannot read", () => {
    expect(
      etsyReader.read(
        { Date: "2026/09/03", Type: "Sale", Title: "x", Currency: "USD", Amount: "$1.00", "Fees & Taxes": "--", Net: "$1.00" },
        2,
      ),
    ).toEqual({
      type: "invalid",
      errors: [{ path: "Date", message: '"2026/09/03" is not a date as Etsy writes it ("September 24, 2026" or "24 September, 2026").' }],
    });
  });
});
