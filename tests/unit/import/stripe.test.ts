import { describe, expect, it } from "vitest";
import { stripeReader } from "@/lib/import/presets/stripe";
import { expected, fixture, invalidsOf, runReader, skipsOf, transactionsOf } from "./run-reader";

const S = { platform: "Stripe" } as const;

describe("stripe: Balance change from activity (itemized)", () => {
  const run = runReader(stripeReader, fixture("stripe.csv"));

  it("finds the header on the first line", () => {
    expect(run.headerLine).toBe(1);
    expect(stripeReader.defaultStream).toBe("Stripe");
    expect(stripeReader.findHeader([["ID", "Type", "Source", "Amount", "Fee", "Net", "Currency", "Created (UTC)"]])).toBeNull();
  });

  it("reads every row into the transactions written out here", () => {
    expect(transactionsOf(run)).toEqual([
      // A charge: gross 120.00 is income; the fee 3.78 an expense (120.00 − 3.78 = 116.22 net, as the file says).
      // The date is `created` (the report's zone, 09:04 on the 2nd), not created_utc.
      expected(2, {
        ...S,
        occurredOn: "2026-10-02",
        kind: "income",
        amount: "120.00",
        currency: "USD",
        counterparty: "Ada Lovelace",
        description: "Course: Data, visualised",
        externalId: "txn_3Q0aA1",
      }),
      expected(2, {
        ...S,
        occurredOn: "2026-10-02",
        kind: "expense",
        amount: "3.78",
        currency: "USD",
        counterparty: "Ada Lovelace",
        description: "Stripe fee: Course: Data, visualised",
        externalId: "txn_3Q0aA1:fee",
      }),
      // A EUR balance: 50.00 EUR in, 1.00 EUR fee; no customer name, so the e-mail is the counterparty.
      expected(3, {
        ...S,
        occurredOn: "2026-10-03",
        kind: "income",
        amount: "50.00",
        currency: "EUR",
        counterparty: "bruno@example.org",
        description: "Workshop ticket",
        externalId: "txn_3Q0aA2",
      }),
      expected(3, {
        ...S,
        occurredOn: "2026-10-03",
        kind: "expense",
        amount: "1.00",
        currency: "EUR",
        counterparty: "bruno@example.org",
        description: "Stripe fee: Workshop ticket",
        externalId: "txn_3Q0aA2:fee",
      }),
      // A refund: gross −20.00 is negative income; its fee is 0.00, so no fee transaction.
      expected(4, {
        ...S,
        occurredOn: "2026-10-05",
        kind: "income",
        amount: "-20.00",
        currency: "USD",
        counterparty: "Ada Lovelace",
        description: "REFUND FOR CHARGE (Course: Data visualised)",
        externalId: "txn_3Q0aA3",
      }),
      // A chargeback: −45.00 of income, and the 15.00 dispute fee an expense (−45.00 − 15.00 = −60.00 net).
      expected(5, {
        ...S,
        occurredOn: "2026-10-09",
        kind: "income",
        amount: "-45.00",
        currency: "USD",
        counterparty: "Carl Gauss",
        description: "Chargeback withdrawal for ch_3Q0aZ9",
        externalId: "txn_3Q0aA4",
      }),
      expected(5, {
        ...S,
        occurredOn: "2026-10-09",
        kind: "expense",
        amount: "15.00",
        currency: "USD",
        counterparty: "Carl Gauss",
        description: "Dispute fee: Chargeback withdrawal for ch_3Q0aZ9",
        externalId: "txn_3Q0aA4:fee",
      }),
      // The dispute won: 45.00 back as income, the fee returned as −15.00 of expense (45.00 + 15.00 = 60.00 net).
      expected(6, {
        ...S,
        occurredOn: "2026-10-20",
        kind: "income",
        amount: "45.00",
        currency: "USD",
        counterparty: "Carl Gauss",
        description: "Chargeback reversal for ch_3Q0aZ9",
        externalId: "txn_3Q0aA5",
      }),
      expected(6, {
        ...S,
        occurredOn: "2026-10-20",
        kind: "expense",
        amount: "-15.00",
        currency: "USD",
        counterparty: "Carl Gauss",
        description: "Stripe fee: Chargeback reversal for ch_3Q0aZ9",
        externalId: "txn_3Q0aA5:fee",
      }),
      // Stripe's own fees: net −2.00 and −0.40 are costs of 2.00 and 0.40.
      expected(7, {
        ...S,
        occurredOn: "2026-10-31",
        kind: "expense",
        amount: "2.00",
        currency: "USD",
        description: "Billing - Usage Fee (2026-10-01 - 2026-10-31)",
        externalId: "txn_3Q0aA6",
      }),
      expected(8, {
        ...S,
        occurredOn: "2026-10-31",
        kind: "expense",
        amount: "0.40",
        currency: "USD",
        description: "Tax on Stripe fees",
        externalId: "txn_3Q0aA7",
      }),
      // A description with a line break inside its quotes (lines 10–11): 300.00 in, 9.00 fee (291.00 net).
      expected(10, {
        ...S,
        occurredOn: "2026-10-11",
        kind: "income",
        amount: "300.00",
        currency: "USD",
        counterparty: "Dana Scully",
        description: "Invoice 1042 Thank you!",
        externalId: "txn_3Q0aA9",
      }),
      expected(10, {
        ...S,
        occurredOn: "2026-10-11",
        kind: "expense",
        amount: "9.00",
        currency: "USD",
        counterparty: "Dana Scully",
        description: "Stripe fee: Invoice 1042 Thank you!",
        externalId: "txn_3Q0aA9:fee",
      }),
      // 23:50 on Oct 31 in the report's zone is already Nov 1 in UTC: the date is the one written in `created`.
      expected(12, {
        ...S,
        occurredOn: "2026-10-31",
        kind: "income",
        amount: "80.00",
        currency: "USD",
        counterparty: "Eve Moneypenny",
        description: "Late-night order",
        externalId: "txn_3Q0aB1",
      }),
      expected(12, {
        ...S,
        occurredOn: "2026-10-31",
        kind: "expense",
        amount: "2.62",
        currency: "USD",
        counterparty: "Eve Moneypenny",
        description: "Stripe fee: Late-night order",
        externalId: "txn_3Q0aB1:fee",
      }),
      // A zero-decimal currency: 5000 JPY in, 180 JPY fee (4820 net).
      expected(15, {
        ...S,
        occurredOn: "2026-10-13",
        kind: "income",
        amount: "5000",
        currency: "JPY",
        counterparty: "Fumiko Tanaka",
        description: "Template pack",
        externalId: "txn_3Q0aB4",
      }),
      expected(15, {
        ...S,
        occurredOn: "2026-10-13",
        kind: "expense",
        amount: "180",
        currency: "JPY",
        counterparty: "Fumiko Tanaka",
        description: "Stripe fee: Template pack",
        externalId: "txn_3Q0aB4:fee",
      }),
      // The uncaptured part of an authorization takes −10.00 off the sale.
      expected(16, {
        ...S,
        occurredOn: "2026-10-15",
        kind: "income",
        amount: "-10.00",
        currency: "USD",
        counterparty: "Gus Fring",
        description: "Uncaptured part of an authorization",
        externalId: "txn_3Q0aB5",
      }),
    ]);
  });

  it("skips payouts, reserves, adjustments and categories it does not know, saying why", () => {
    expect(skipsOf(run)).toEqual([
      { line: 9, reason: "A payout to your bank account: not income." },
      { line: 13, reason: "Funds held in (or released from) a Stripe reserve: not income." },
      { line: 14, reason: "A miscellaneous Stripe balance adjustment: not counted; add it by hand if it is income or a cost." },
      { line: 17, reason: 'Stripe reporting category "obligation" is not one this preset counts.' },
    ]);
    expect(invalidsOf(run)).toEqual([]);
  });

  it("names the bad cells of a broken row", () => {
    const out = stripeReader.read(
      {
        balance_transaction_id: "txn_x",
        created_utc: "yesterday",
        currency: "dollars",
        gross: "1,000.00",
        fee: "0",
        net: "1000",
        reporting_category: "charge",
      },
      2,
    );
    expect(out).toEqual({
      type: "invalid",
      errors: [
        {
          path: "created_utc",
          message: '"yesterday" is not a date written as a date-time such as 2026-11-03T14:05:00+01:00 or 2026-11-03 14:05:00 +0100.',
        },
        { path: "gross", message: '"1,000.00" is not an amount as Stripe writes it (like 12.50 or -12.50).' },
        { path: "currency", message: '"dollars" is not a three-letter currency code.' },
      ],
    });
  });

  it("reads a report run with decimal_separator=, (no thousands separators in Stripe reports)", () => {
    const out = stripeReader.read(
      {
        balance_transaction_id: "txn_c",
        created_utc: "2026-10-02 10:00:00",
        currency: "eur",
        gross: "12,50",
        fee: "0,66",
        net: "11,84",
        reporting_category: "charge",
      },
      2,
    );
    expect(out).toMatchObject({ type: "transactions", transactions: [{ amount: "12.50" }, { amount: "0.66", kind: "expense" }] });
  });
});
