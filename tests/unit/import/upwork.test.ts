import { describe, expect, it } from "vitest";
import { upworkReader } from "@/lib/import/presets/upwork";
import { expected, fixture, invalidsOf, runReader, skipsOf, transactionsOf } from "./run-reader";

const U = { platform: "Upwork", currency: "USD" } as const;

describe("upwork: transaction history (current layout)", () => {
  const run = runReader(upworkReader, fixture("upwork.csv"));

  it("finds the header (after the BOM) on the first line", () => {
    expect(run.headerLine).toBe(1);
    expect(upworkReader.defaultStream).toBe("Upwork");
  });

  it("reads payments, fees, a refund and fee refunds into the transactions written out here", () => {
    expect(transactionsOf(run)).toEqual([
      // The fee for withdrawing is a cost of the stream (the withdrawal itself is skipped).
      expected(3, {
        ...U,
        occurredOn: "2026-10-30",
        kind: "expense",
        amount: "0.99",
        description: "Direct to Local Bank fee",
        externalId: "7301002",
      }),
      // 12 hours at 60.00 = 720.00, the description with a line break inside its quotes (lines 4–5); the 10% fee 72.00.
      expected(4, {
        ...U,
        occurredOn: "2026-10-28",
        kind: "income",
        amount: "720.00",
        counterparty: "Northwind Traders",
        description: "Hourly 12:00 hrs @ $60.00/hr Logo & brand refresh",
        externalId: "7301003",
      }),
      expected(6, {
        ...U,
        occurredOn: "2026-10-28",
        kind: "expense",
        amount: "72.00",
        counterparty: "Northwind Traders",
        description: "Service Fee for Invoice 800123460",
        externalId: "7301004",
      }),
      // A milestone of 1500.00 with quotes and a comma in its description; 10% fee 150.00.
      expected(7, {
        ...U,
        occurredOn: "2026-10-20",
        kind: "income",
        amount: "1500.00",
        counterparty: "Globex, Inc.",
        description: 'Milestone 2: "API docs", v1',
        externalId: "7301005",
      }),
      expected(8, {
        ...U,
        occurredOn: "2026-10-20",
        kind: "expense",
        amount: "150.00",
        counterparty: "Globex, Inc.",
        description: "Service Fee for Invoice 800123470",
        externalId: "7301006",
      }),
      expected(9, {
        ...U,
        occurredOn: "2026-10-15",
        kind: "income",
        amount: "100.00",
        counterparty: "Initech",
        description: "Bonus for quick turnaround",
        externalId: "7301007",
      }),
      expected(10, {
        ...U,
        occurredOn: "2026-10-15",
        kind: "expense",
        amount: "10.00",
        counterparty: "Initech",
        description: "Service Fee for Invoice 800123480",
        externalId: "7301008",
      }),
      // A refund given: −40.00 of income; the fee on it refunded (+4.00) is a cost of −4.00.
      expected(11, {
        ...U,
        occurredOn: "2026-10-12",
        kind: "income",
        amount: "-40.00",
        counterparty: "Initech",
        description: "Refund to Initech for Invoice 800123450",
        externalId: "7301009",
      }),
      expected(12, {
        ...U,
        occurredOn: "2026-10-12",
        kind: "expense",
        amount: "-4.00",
        counterparty: "Initech",
        description: "Service Fee refund for Invoice 800123490",
        externalId: "7301010",
      }),
      // Platform costs: the membership and Connects.
      expected(13, {
        ...U,
        occurredOn: "2026-10-05",
        kind: "expense",
        amount: "14.99",
        description: "Freelancer Plus membership",
        externalId: "7301011",
      }),
      expected(14, {
        ...U,
        occurredOn: "2026-10-03",
        kind: "expense",
        amount: "12.00",
        description: "Purchase of 80 Connects",
        externalId: "7301012",
      }),
    ]);
  });

  it("skips withdrawals, payments made and types it does not know", () => {
    expect(skipsOf(run)).toEqual([
      { line: 2, reason: "A withdrawal to your bank: not income." },
      { line: 15, reason: 'Upwork transaction type "Adjustment" is not one this preset counts.' },
      { line: 16, reason: "A payment you made (Hourly): not income of this stream." },
    ]);
    expect(invalidsOf(run)).toEqual([]);
  });

  it("reads the earlier layout (Type, Amount, Team, Ref ID)", () => {
    const header = [
      "Date",
      "Ref ID",
      "Type",
      "Description",
      "Agency",
      "Freelancer",
      "Team",
      "Account Name",
      "PO",
      "Amount",
      "ExchangeRate",
      "Currency",
      "Balance",
    ];
    expect(upworkReader.findHeader([header])).toBe(0);
    const out = upworkReader.read(
      {
        Date: "Jan 15, 2024",
        "Ref ID": "R-9",
        Type: "Fixed Price",
        Description: "Milestone 1",
        Team: "Acme",
        Amount: "300.00",
        Balance: "300.00",
      },
      2,
    );
    expect(out).toEqual({
      type: "transactions",
      transactions: [
        {
          occurredOn: "2024-01-15",
          kind: "income",
          amount: "300.00",
          currency: "USD",
          stream: null,
          counterparty: "Acme",
          platform: "Upwork",
          description: "Milestone 1",
          externalId: "R-9",
        },
      ],
    });
  });

  it("names a bad amount", () => {
    expect(
      upworkReader.read({ Date: "Oct 1, 2026", "Transaction type": "Hourly", "Amount $": "12,5", "Transaction ID": "1" }, 2),
    ).toMatchObject({
      type: "invalid",
      errors: [{ path: "Amount $", message: expect.stringMatching(/is the decimal separator ","\?/) }],
    });
  });
});
