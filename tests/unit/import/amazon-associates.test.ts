import { describe, expect, it } from "vitest";
import { amazonAssociatesReader } from "@/lib/import/presets/amazon-associates";
import { expected, fixture, invalidsOf, runReader, skipsOf, transactionsOf } from "./run-reader";

const A = { platform: "Amazon Associates", currency: "USD", kind: "income" } as const;

describe("amazon-associates: Fee-Earnings report", () => {
  const run = runReader(amazonAssociatesReader, fixture("amazon-associates.csv"));

  it("passes over the title line: the header is line 2", () => {
    expect(run.headerLine).toBe(2);
    expect(amazonAssociatesReader.defaultStream).toBe("Amazon Associates");
    expect(amazonAssociatesReader.findHeader([["Category", "Name", "ASIN", "Revenue($)"]])).toBeNull();
  });

  it("reads each item's Ad Fees as income, a return as negative income", () => {
    expect(transactionsOf(run)).toEqual([
      // 4.5% of 39.99 is 1.80, as the report says; the title has a comma in its quotes.
      expected(3, { ...A, occurredOn: "2026-09-02", amount: "1.80", description: "Kettle, 1.7L Stainless (mysite-20)" }),
      // The same book twice on the same day: two real items, two rows.
      expected(4, { ...A, occurredOn: "2026-09-03", amount: "2.25", description: "The Pragmatic Programmer (mysite-20)" }),
      expected(5, { ...A, occurredOn: "2026-09-03", amount: "2.25", description: "The Pragmatic Programmer (mysite-20)" }),
      // A line break inside the title's quotes (lines 6–7).
      expected(6, { ...A, occurredOn: "2026-09-05", amount: "0.90", description: "USB-C Hub 7-in-1 (mysite-20)" }),
      // The kettle came back: its 1.80 is taken back.
      expected(8, { ...A, occurredOn: "2026-09-10", amount: "-1.80", description: "Return: Kettle, 1.7L Stainless (mysite-20)" }),
      // 2% of 1299.00 = 25.98, under another tracking ID.
      expected(9, { ...A, occurredOn: "2026-09-12", amount: "25.98", description: "Mirrorless Camera Body (reviews-21)" }),
      expected(11, { ...A, occurredOn: "2026-09-30", amount: "2.67", description: "Chef's Knife 8in (mysite-20)" }),
    ]);
  });

  it("skips an item that earned nothing", () => {
    expect(skipsOf(run)).toEqual([{ line: 10, reason: "No earnings on this item." }]);
    expect(invalidsOf(run)).toEqual([]);
  });

  it("takes the currency from the column names, and refuses one it does not know", () => {
    const row = { Category: "Home", Name: "Kettle", ASIN: "B0", "Tracking ID": "in-21", "Date Shipped": "2026-09-20" };
    expect(amazonAssociatesReader.read({ ...row, "Ad Fees(Rs.)": "160.00" }, 3)).toMatchObject({
      type: "transactions",
      transactions: [{ amount: "160.00", currency: "INR" }],
    });
    expect(amazonAssociatesReader.read({ ...row, "Earnings (£)": "1,234.50" }, 3)).toMatchObject({
      type: "transactions",
      transactions: [{ amount: "1234.50", currency: "GBP" }],
    });
    expect(amazonAssociatesReader.read({ ...row, "Ad Fees(€)": "3,20" }, 3)).toMatchObject({
      type: "transactions",
      transactions: [{ amount: "3.20", currency: "EUR" }],
    });
    expect(amazonAssociatesReader.read({ ...row, "Ad Fees(kr)": "3.20" }, 3)).toEqual({
      type: "invalid",
      errors: [
        {
          path: "Ad Fees(kr)",
          message: 'The report\'s currency "kr" is not one this preset knows: map the columns yourself and name the currency.',
        },
      ],
    });
    expect(amazonAssociatesReader.read({ Category: "Total", Name: "", ASIN: "", "Date Shipped": "", "Ad Fees($)": "36.05" }, 12)).toEqual({
      type: "skip",
      reason: "The totals row.",
    });
  });
});
