import { describe, expect, it } from "vitest";
import { paypalDmyReader, paypalReader } from "@/lib/import/presets/paypal";
import { expected, fixture, invalidsOf, runReader, skipsOf, transactionsOf } from "./run-reader";

const P = { platform: "PayPal" } as const;

describe("paypal: Activity download (all transactions)", () => {
  const run = runReader(paypalReader, fixture("paypal.csv"));

  it("finds the header (after the BOM) on the first line", () => {
    expect(run.headerLine).toBe(1);
    expect(paypalReader.defaultStream).toBe("PayPal");
    expect(paypalReader.findHeader([["Date", "Description", "Amount"]])).toBeNull();
  });

  it("reads completed money received, refunds and chargebacks into the transactions written out here", () => {
    expect(transactionsOf(run)).toEqual([
      // A payment received: gross 1,250.00 is income; the fee −36.55 is a cost of 36.55 (1,250.00 − 36.55 = 1,213.45 net).
      expected(2, {
        ...P,
        occurredOn: "2026-10-01",
        kind: "income",
        amount: "1250.00",
        currency: "USD",
        counterparty: "Acme, Inc.",
        description: "Logo design",
        externalId: "1AB23456CD7890123",
      }),
      expected(2, {
        ...P,
        occurredOn: "2026-10-01",
        kind: "expense",
        amount: "36.55",
        currency: "USD",
        counterparty: "Acme, Inc.",
        description: "PayPal fee: Logo design",
        externalId: "1AB23456CD7890123:fee",
      }),
      // In euros: 80.00 − 3.07 = 76.93 net.
      expected(4, {
        ...P,
        occurredOn: "2026-10-03",
        kind: "income",
        amount: "80.00",
        currency: "EUR",
        counterparty: "Jörg Müller",
        description: "Icon set",
        externalId: "3CD45678EF9012345",
      }),
      expected(4, {
        ...P,
        occurredOn: "2026-10-03",
        kind: "expense",
        amount: "3.07",
        currency: "EUR",
        counterparty: "Jörg Müller",
        description: "PayPal fee: Icon set",
        externalId: "3CD45678EF9012345:fee",
      }),
      // A refund given: −200.00 of income; PayPal returned 5.50 of its fee (−200.00 + 5.50 = −194.50 net), a cost of −5.50.
      expected(7, {
        ...P,
        occurredOn: "2026-10-05",
        kind: "income",
        amount: "-200.00",
        currency: "USD",
        counterparty: "Bob's Burgers",
        description: "Menu redesign (partial refund)",
        externalId: "6FG78901HI2345678",
      }),
      expected(7, {
        ...P,
        occurredOn: "2026-10-05",
        kind: "expense",
        amount: "-5.50",
        currency: "USD",
        counterparty: "Bob's Burgers",
        description: "PayPal fee: Menu redesign (partial refund)",
        externalId: "6FG78901HI2345678:fee",
      }),
      // A chargeback: −60.00 of income; its fee (a row of its own, gross −20.00) a cost of 20.00.
      expected(11, {
        ...P,
        occurredOn: "2026-10-09",
        kind: "income",
        amount: "-60.00",
        currency: "USD",
        counterparty: "Eddie Brock",
        description: "Font license",
        externalId: "0JK12345LM6789012",
      }),
      expected(12, {
        ...P,
        occurredOn: "2026-10-09",
        kind: "expense",
        amount: "20.00",
        currency: "USD",
        counterparty: "PayPal",
        description: "Chargeback Fee",
        externalId: "2LM34567NO8901234",
      }),
      // A note with a line break inside its quotes (lines 15–16); in pounds: 300.00 − 10.50 = 289.50 net.
      expected(15, {
        ...P,
        occurredOn: "2026-10-15",
        kind: "income",
        amount: "300.00",
        currency: "GBP",
        counterparty: "Priya Natarajan",
        description: "Thanks for the workshop!",
        externalId: "5OP67890QR1234567",
      }),
      expected(15, {
        ...P,
        occurredOn: "2026-10-15",
        kind: "expense",
        amount: "10.50",
        currency: "GBP",
        counterparty: "Priya Natarajan",
        description: "PayPal fee: Thanks for the workshop!",
        externalId: "5OP67890QR1234567:fee",
      }),
      // Yen, thousands grouped with a comma: 3,000 − 150 = 2,850 net.
      expected(18, {
        ...P,
        occurredOn: "2026-10-20",
        kind: "income",
        amount: "3000",
        currency: "JPY",
        counterparty: "Kenji Sato",
        description: "Brush set",
        externalId: "7QR89012ST3456789",
      }),
      expected(18, {
        ...P,
        occurredOn: "2026-10-20",
        kind: "expense",
        amount: "150",
        currency: "JPY",
        counterparty: "Kenji Sato",
        description: "PayPal fee: Brush set",
        externalId: "7QR89012ST3456789:fee",
      }),
      // Marked "Refunded" since (its refund is a row of its own): the 10.00 did arrive; 10.00 − 0.59 = 9.41 net.
      expected(19, {
        ...P,
        occurredOn: "2026-10-31",
        kind: "income",
        amount: "10.00",
        currency: "USD",
        counterparty: "Lena Ode",
        description: "Wallpaper",
        externalId: "8RS90123TU4567890",
      }),
      expected(19, {
        ...P,
        occurredOn: "2026-10-31",
        kind: "expense",
        amount: "0.59",
        currency: "USD",
        counterparty: "Lena Ode",
        description: "PayPal fee: Wallpaper",
        externalId: "8RS90123TU4567890:fee",
      }),
    ]);
  });

  it("skips what is not income, saying why", () => {
    expect(skipsOf(run)).toEqual([
      { line: 3, reason: "A payment you sent: not income of this stream." },
      { line: 5, reason: "A currency conversion between your PayPal balances: not income." },
      { line: 6, reason: "A currency conversion between your PayPal balances: not income." },
      { line: 8, reason: "A withdrawal to your bank or card: not income." },
      { line: 9, reason: 'Status "Pending": only completed transactions are counted.' },
      { line: 10, reason: "A memo row: it does not change your PayPal balance." },
      { line: 13, reason: "A hold or its release on your balance: not income." },
      { line: 14, reason: "A hold or its release on your balance: not income." },
      { line: 17, reason: "Money added to PayPal from your bank or card: not income." },
    ]);
    expect(invalidsOf(run)).toEqual([]);
  });

  const row = (fields: Record<string, string>) => ({
    Date: "10/01/2026",
    Time: "10:00:00",
    TimeZone: "PDT",
    Name: "Ann",
    Type: "Website Payment",
    Status: "Completed",
    Currency: "USD",
    Gross: "10.00",
    Fee: "-0.59",
    Net: "9.41",
    "Transaction ID": "T1",
    "Balance Impact": "Credit",
    ...fields,
  });

  it("refuses a day-first date in the M/D/YYYY preset, naming the other one", () => {
    const out = paypalReader.read(row({ Date: "29/10/2026" }), 2);
    expect(out).toEqual({
      type: "invalid",
      errors: [
        {
          path: "Date",
          message:
            '"29/10/2026" is not M/D/YYYY: this export writes dates day first. Import it with the preset "PayPal activity download (dates D/M/YYYY)".',
        },
      ],
    });
  });

  it("reads D/M/YYYY dates and 1.234,56 amounts with paypal-dmy", () => {
    expect(paypalDmyReader.id).toBe("paypal-dmy");
    const out = paypalDmyReader.read(row({ Date: "03/10/2026", Gross: "1.234,56", Fee: "-41,46", Net: "1.193,10", Currency: "EUR" }), 2);
    // 1.234,56 − 41,46 = 1.193,10: income 1234.56 EUR, fee 41.46 EUR, on 3 October.
    expect(out).toMatchObject({
      type: "transactions",
      transactions: [
        { occurredOn: "2026-10-03", kind: "income", amount: "1234.56", currency: "EUR" },
        { occurredOn: "2026-10-03", kind: "expense", amount: "41.46", currency: "EUR", externalId: "T1:fee" },
      ],
    });
    expect(paypalDmyReader.read(row({ Date: "10/31/2026" }), 3)).toMatchObject({
      type: "invalid",
      errors: [{ path: "Date", message: expect.stringMatching(/month first/) }],
    });
  });

  it("reads a fee written positive (Net = Gross − Fee) and refuses one that does not add up", () => {
    expect(paypalReader.read(row({ Fee: "0.59" }), 2)).toMatchObject({
      type: "transactions",
      transactions: [{ amount: "10.00" }, { amount: "0.59" }],
    });
    expect(paypalReader.read(row({ Fee: "-0.60" }), 2)).toEqual({
      type: "invalid",
      errors: [{ path: "Fee", message: "Gross 10.00, Fee -0.60 and Net 9.41 do not add up." }],
    });
  });

  it("skips the money a person sends and gets back, and counts a chargeback won", () => {
    expect(paypalReader.read(row({ Type: "Payment Refund", Gross: "15.00", Fee: "0.00", Net: "15.00" }), 2)).toEqual({
      type: "skip",
      reason: "A refund of a payment you sent: not income.",
    });
    expect(paypalReader.read(row({ Type: "Payment Reversal", Gross: "15.00", Fee: "0.00", Net: "15.00" }), 2)).toEqual({
      type: "skip",
      reason: "A payment you sent came back (reversed): not income.",
    });
    expect(paypalReader.read(row({ Type: "Reversal of General Account Hold", Gross: "15.00", Fee: "0.00", Net: "15.00" }), 2)).toEqual({
      type: "skip",
      reason: "A hold or its release on your balance: not income.",
    });
    expect(paypalReader.read(row({ Type: "Chargeback Reversal", Gross: "60.00", Fee: "0.00", Net: "60.00" }), 2)).toMatchObject({
      type: "transactions",
      transactions: [{ kind: "income", amount: "60.00" }],
    });
    expect(paypalReader.read(row({ Type: "Bank Deposit to PP Account ", Gross: "50.00", Fee: "0.00", Net: "50.00" }), 2)).toEqual({
      type: "skip",
      reason: "Money added to PayPal from your bank or card: not income.",
    });
    expect(paypalReader.read(row({ Status: "Denied" }), 2)).toEqual({
      type: "skip",
      reason: 'Status "Denied": only completed transactions are counted.',
    });
  });
});
