import { describe, expect, it } from "vitest";
import { shopifyReader } from "@/lib/import/presets/shopify";
import { expected, fixture, invalidsOf, runReader, skipsOf, transactionsOf } from "./run-reader";

const S = { platform: "Shopify", currency: "USD" } as const;

describe("shopify: payouts transactions export", () => {
  const run = runReader(shopifyReader, fixture("shopify.csv"));

  it("finds the header on the first line", () => {
    expect(run.headerLine).toBe(1);
    expect(shopifyReader.defaultStream).toBe("Shopify");
  });

  it("reads charges, fees, a refund and a chargeback into the transactions written out here", () => {
    expect(transactionsOf(run)).toEqual([
      // 56.29 − 1.93 = 54.36 net.
      expected(2, { ...S, occurredOn: "2026-09-01", kind: "income", amount: "56.29", description: "Charge: order #1001" }),
      expected(2, { ...S, occurredOn: "2026-09-01", kind: "expense", amount: "1.93", description: "Shopify fee: Charge: order #1001" }),
      // 23:30 at −04:00 is already Sep 2 in UTC: the date is the one written.
      expected(3, { ...S, occurredOn: "2026-09-01", kind: "income", amount: "120.00", description: "Charge: order #1002" }),
      expected(3, { ...S, occurredOn: "2026-09-01", kind: "expense", amount: "3.78", description: "Shopify fee: Charge: order #1002" }),
      expected(4, { ...S, occurredOn: "2026-09-02", kind: "income", amount: "-20.00", description: "Refund: order #1001" }),
      // The buyer paid 45.00 EUR; the payout currency is USD: 49.50 − 1.74 = 47.76.
      expected(5, { ...S, occurredOn: "2026-09-03", kind: "income", amount: "49.50", description: "Charge: order #1003" }),
      expected(5, { ...S, occurredOn: "2026-09-03", kind: "expense", amount: "1.74", description: "Shopify fee: Charge: order #1003" }),
      // The payment method has a comma inside its quotes: 200.00 − 6.10 = 193.90.
      expected(6, { ...S, occurredOn: "2026-09-04", kind: "income", amount: "200.00", description: "Charge: order #1004" }),
      expected(6, { ...S, occurredOn: "2026-09-04", kind: "expense", amount: "6.10", description: "Shopify fee: Charge: order #1004" }),
      // A chargeback: −120.00 of income and its 15.00 fee (−120.00 − 15.00 = −135.00 net).
      expected(8, { ...S, occurredOn: "2026-09-10", kind: "income", amount: "-120.00", description: "Dispute: order #1002" }),
      expected(8, {
        ...S,
        occurredOn: "2026-09-10",
        kind: "expense",
        amount: "15.00",
        description: "Chargeback fee: Dispute: order #1002",
      }),
      // A line break inside the payment method's quotes (lines 9–10); a pending payout still counts: 35.00 − 1.32 = 33.68.
      expected(9, { ...S, occurredOn: "2026-09-12", kind: "income", amount: "35.00", description: "Charge: order #1005" }),
      expected(9, { ...S, occurredOn: "2026-09-12", kind: "expense", amount: "1.32", description: "Shopify fee: Charge: order #1005" }),
      expected(12, { ...S, occurredOn: "2026-09-20", kind: "income", amount: "2.50", description: "Adjustment: order #1003" }),
      // The dispute won: the 120.00 comes back.
      expected(13, { ...S, occurredOn: "2026-09-28", kind: "income", amount: "120.00", description: "Dispute reversal: order #1002" }),
      // A chargeback fee on a row of its own: −15.00 off the balance, a cost of 15.00.
      expected(14, { ...S, occurredOn: "2026-09-29", kind: "expense", amount: "15.00", description: "Chargeback fee: order #0999" }),
    ]);
  });

  it("skips payouts, reserves and types it does not know", () => {
    expect(skipsOf(run)).toEqual([
      { line: 7, reason: "A payout to your bank: not income." },
      { line: 11, reason: "Funds Shopify holds in reserve: not income." },
      { line: 15, reason: 'Shopify transaction type "shop_cash_credit" is not one this preset counts.' },
    ]);
    expect(invalidsOf(run)).toEqual([]);
  });

  it("reads the older header without Payout ID, Checkout or VAT", () => {
    const header = [
      "Transaction Date",
      "Type",
      "Order",
      "Card Brand",
      "Card Source",
      "Payout Status",
      "Payout Date",
      "Available On",
      "Amount",
      "Fee",
      "Net",
      "Currency",
    ];
    expect(shopifyReader.findHeader([header])).toBe(0);
    expect(
      shopifyReader.read(
        {
          "Transaction Date": "2026-09-01 10:00:00 -0400",
          Type: "charge",
          Order: "#1001",
          Amount: "45.00",
          Fee: "1.61",
          Net: "43.39",
          Currency: "CAD",
        },
        2,
      ),
    ).toMatchObject({
      type: "transactions",
      transactions: [
        { amount: "45.00", currency: "CAD" },
        { kind: "expense", amount: "1.61" },
      ],
    });
  });

  it("names a bad date", () => {
    expect(
      shopifyReader.read({ "Transaction Date": "Sep 1", Type: "charge", Amount: "1.00", Fee: "0", Net: "1.00", Currency: "USD" }, 2),
    ).toMatchObject({
      type: "invalid",
      errors: [{ path: "Transaction Date" }],
    });
  });
});
