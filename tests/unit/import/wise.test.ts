import { describe, expect, it } from "vitest";
import { wiseReader } from "@/lib/import/presets/wise";
import { expected, fixture, invalidsOf, runReader, skipsOf, transactionsOf } from "./run-reader";

const W = { platform: "Wise" } as const;

describe("wise: balance statement CSV", () => {
  const run = runReader(wiseReader, fixture("wise.csv"));

  it("finds the header on the first line", () => {
    expect(run.headerLine).toBe(1);
    expect(wiseReader.defaultStream).toBe("Wise");
  });

  it("reads money received and Wise's fees into the transactions written out here", () => {
    expect(transactionsOf(run)).toEqual([
      // 1995.86 landed after Wise's 4.14 fee: 1995.86 + 4.14 = 2000.00 received from the client, 4.14 of cost.
      expected(2, {
        ...W,
        occurredOn: "2026-11-03",
        kind: "income",
        amount: "2000.00",
        currency: "EUR",
        counterparty: "ACME GMBH",
        description: "Received money from ACME GMBH with reference INV-2026-041",
        externalId: "TRANSFER-2210001",
      }),
      expected(2, {
        ...W,
        occurredOn: "2026-11-03",
        kind: "expense",
        amount: "4.14",
        currency: "EUR",
        counterparty: "ACME GMBH",
        description: "Wise fee: Received money from ACME GMBH with reference INV-2026-041",
        externalId: "TRANSFER-2210001:fee",
      }),
      // A US-dollar balance, a payer with a comma in the name; no fee.
      expected(3, {
        ...W,
        occurredOn: "2026-11-04",
        kind: "income",
        amount: "850.00",
        currency: "USD",
        counterparty: "Jane Doe, LLC",
        description: "Received money from Jane Doe, LLC with reference Website",
        externalId: "TRANSFER-2210002",
      }),
      // The conversion itself is skipped; the 2.08 USD Wise took for it is a cost.
      expected(5, {
        ...W,
        occurredOn: "2026-11-06",
        kind: "expense",
        amount: "2.08",
        currency: "USD",
        description: "Wise fee: Converted 500.00 USD to 458.12 EUR",
        externalId: "BALANCE-4410004:fee",
      }),
      // A description with a line break inside its quotes (lines 10–11).
      expected(10, {
        ...W,
        occurredOn: "2026-11-12",
        kind: "income",
        amount: "320.00",
        currency: "EUR",
        counterparty: "Studio Nord",
        description: "Received money from Studio Nord with reference Invoice 7",
        externalId: "TRANSFER-2210008",
      }),
      expected(12, {
        ...W,
        occurredOn: "2026-11-14",
        kind: "income",
        amount: "75.00",
        currency: "GBP",
        counterparty: "Oliver Twist",
        description: "Received money from Oliver Twist with reference Logo tweaks",
        externalId: "TRANSFER-2210009",
      }),
    ]);
  });

  it("skips card spending, conversions, money sent, top-ups, interest and direct debits", () => {
    expect(skipsOf(run)).toEqual([
      { line: 4, reason: "Card spending (or its refund): not income of this stream." },
      { line: 6, reason: "A conversion or move between your own Wise balances: not income." },
      { line: 7, reason: "Money sent from Wise (to your bank or anyone else): not income." },
      { line: 8, reason: "Money you added to Wise: not income." },
      { line: 9, reason: "Interest, cashback or investment activity on your balance: not income of this stream." },
      { line: 13, reason: "A direct debit: not income of this stream." },
    ]);
    expect(invalidsOf(run)).toEqual([]);
  });

  it("reads an older statement without the type columns by the sign and the id", () => {
    const row = {
      "TransferWise ID": "TRANSFER-1",
      Date: "01-02-2025",
      Amount: "500.00",
      Currency: "USD",
      Description: "Incoming transfer",
      "Payment Reference": "",
      "Running Balance": "1500.00",
    };
    expect(wiseReader.read(row, 2)).toMatchObject({
      type: "transactions",
      transactions: [{ occurredOn: "2025-02-01", kind: "income", amount: "500.00", currency: "USD" }],
    });
    expect(wiseReader.read({ ...row, Amount: "-85.30" }, 3)).toEqual({
      type: "skip",
      reason: "Money sent from Wise (to your bank or anyone else): not income.",
    });
    expect(wiseReader.read({ ...row, "TransferWise ID": "CARD-9", Amount: "5.00" }, 4)).toEqual({
      type: "skip",
      reason: "Card spending (or its refund): not income of this stream.",
    });
  });

  describe("the transaction history CSV (Direction IN/OUT/NEUTRAL)", () => {
    const header = [
      "ID",
      "Status",
      "Direction",
      "Created on",
      "Finished on",
      "Source fee amount",
      "Source fee currency",
      "Target fee amount",
      "Target fee currency",
      "Source name",
      "Source amount (after fees)",
      "Source currency",
      "Target name",
      "Target amount (after fees)",
      "Target currency",
      "Exchange rate",
      "Reference",
      "Batch",
      "Created by",
      "Category",
      "Note",
    ];
    const row = (cells: string[]) => Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ""]));

    it("finds its header", () => {
      expect(wiseReader.findHeader([header])).toBe(0);
    });

    it("counts money in at its gross with the fee as a cost, skips money out, and charges a conversion's fee", () => {
      // 2500.00 landed after a 5.00 fee taken on the target side: 2505.00 of income.
      const received = row([
        "TRANSFER-1002",
        "COMPLETED",
        "IN",
        "2026-07-31 09:00:00",
        "2026-07-31 09:01:30",
        "",
        "",
        "5.00",
        "GBP",
        "Acme Ltd",
        "2505.00",
        "GBP",
        "Alex Example",
        "2500.00",
        "GBP",
        "1",
        "Invoice 42",
        "",
        "",
        "",
        "",
      ]);
      expect(wiseReader.read(received, 2)).toEqual({
        type: "transactions",
        transactions: [
          {
            occurredOn: "2026-07-31",
            kind: "income",
            amount: "2505.00",
            currency: "GBP",
            stream: null,
            counterparty: "Acme Ltd",
            platform: "Wise",
            description: "Invoice 42",
            externalId: "TRANSFER-1002",
          },
          {
            occurredOn: "2026-07-31",
            kind: "expense",
            amount: "5.00",
            currency: "GBP",
            stream: null,
            counterparty: "Acme Ltd",
            platform: "Wise",
            description: "Wise fee: Invoice 42",
            externalId: "TRANSFER-1002:fee",
          },
        ],
      });
      const sent = row([
        "TRANSFER-1001",
        "COMPLETED",
        "OUT",
        "2026-08-03 14:20:05",
        "2026-08-03 14:23:11",
        "0.45",
        "EUR",
        "",
        "",
        "Alex Example",
        "120.00",
        "EUR",
        "Landlord GmbH",
        "120.00",
        "EUR",
        "1",
        "August rent",
      ]);
      expect(wiseReader.read(sent, 3)).toEqual({ type: "skip", reason: "Money sent from Wise (to your bank or anyone else): not income." });
      const conversion = row([
        "BALANCE-1003",
        "COMPLETED",
        "NEUTRAL",
        "2026-08-01 10:00:00",
        "2026-08-01 10:00:01",
        "1.20",
        "USD",
        "",
        "",
        "Alex Example",
        "300.00",
        "USD",
        "Alex Example",
        "274.90",
        "EUR",
        "0.92",
      ]);
      expect(wiseReader.read(conversion, 4)).toMatchObject({
        type: "transactions",
        transactions: [{ kind: "expense", amount: "1.20", currency: "USD", externalId: "BALANCE-1003:fee" }],
      });
      const topUp = row([
        "TRANSFER-1",
        "COMPLETED",
        "IN",
        "2026-01-02 10:00:00",
        "",
        "0",
        "EUR",
        "",
        "",
        "Household User",
        "2500.00",
        "EUR",
        "Household User",
        "2500.00",
        "EUR",
        "1.0",
        "",
        "batch",
        "user",
        "Money added",
      ]);
      expect(wiseReader.read(topUp, 5)).toEqual({ type: "skip", reason: "Money you moved in from your own account: not income." });
      expect(wiseReader.read({ ...received, Status: "CANCELLED" }, 6)).toEqual({
        type: "skip",
        reason: 'Status "CANCELLED": only completed transfers are counted.',
      });
    });
  });
});
