import { describe, expect, it } from "vitest";
import { gumroadReader } from "@/lib/import/presets/gumroad";
import { expected, fixture, invalidsOf, runReader, skipsOf, transactionsOf } from "./run-reader";

const G = { platform: "Gumroad", currency: "USD" } as const;

describe("gumroad: sales export", () => {
  const run = runReader(gumroadReader, fixture("gumroad.csv"));

  it("finds the header on the first line", () => {
    expect(run.headerLine).toBe(1);
    expect(gumroadReader.defaultStream).toBe("Gumroad");
  });

  it("reads each sale, its fee, refunds and a lost dispute into the transactions written out here", () => {
    expect(transactionsOf(run)).toEqual([
      // 29.0 sale, 3.2 fee (29.0 − 3.2 = 25.8 net).
      expected(2, {
        ...G,
        occurredOn: "2026-10-01",
        kind: "income",
        amount: "29.0",
        counterparty: "Ana Silva",
        description: "Notion Template Pack",
        externalId: "pur_A1b2C3d4E5",
      }),
      expected(2, {
        ...G,
        occurredOn: "2026-10-01",
        kind: "expense",
        amount: "3.2",
        counterparty: "Ana Silva",
        description: "Gumroad fee: Notion Template Pack",
        externalId: "pur_A1b2C3d4E5:fee",
      }),
      // A title with a comma and a variant; paid in EUR by the buyer, but every "($)" column is in dollars: 49.0 − 5.2 = 43.8.
      expected(3, {
        ...G,
        occurredOn: "2026-10-02",
        kind: "income",
        amount: "49.0",
        counterparty: "Ben Okafor",
        description: "Icon Set, Vol. 2 (Pro license)",
        externalId: "pur_F6g7H8i9J0",
      }),
      expected(3, {
        ...G,
        occurredOn: "2026-10-02",
        kind: "expense",
        amount: "5.2",
        counterparty: "Ben Okafor",
        description: "Gumroad fee: Icon Set, Vol. 2 (Pro license)",
        externalId: "pur_F6g7H8i9J0:fee",
      }),
      // Fully refunded: 15.0 in, 1.8 fee, then −15.0 back to the buyer, dated the sale's day (the export has no refund date).
      expected(5, {
        ...G,
        occurredOn: "2026-10-04",
        kind: "income",
        amount: "15.0",
        counterparty: "Dara Quinn",
        description: "Lightroom Presets",
        externalId: "pur_P6q7R8s9T0",
      }),
      expected(5, {
        ...G,
        occurredOn: "2026-10-04",
        kind: "expense",
        amount: "1.8",
        counterparty: "Dara Quinn",
        description: "Gumroad fee: Lightroom Presets",
        externalId: "pur_P6q7R8s9T0:fee",
      }),
      expected(5, {
        ...G,
        occurredOn: "2026-10-04",
        kind: "income",
        amount: "-15.0",
        counterparty: "Dara Quinn",
        description: "Refund: Lightroom Presets",
        externalId: "pur_P6q7R8s9T0:refund",
      }),
      // Partly refunded: 100.0 in, 10.3 fee (89.7 net), "Partial Refund ($)" 20.0 back.
      expected(6, {
        ...G,
        occurredOn: "2026-10-05",
        kind: "income",
        amount: "100.0",
        counterparty: "Eli Navarro",
        description: "Course: Figma Basics",
        externalId: "pur_U1v2W3x4Y5",
      }),
      expected(6, {
        ...G,
        occurredOn: "2026-10-05",
        kind: "expense",
        amount: "10.3",
        counterparty: "Eli Navarro",
        description: "Gumroad fee: Course: Figma Basics",
        externalId: "pur_U1v2W3x4Y5:fee",
      }),
      expected(6, {
        ...G,
        occurredOn: "2026-10-05",
        kind: "income",
        amount: "-20.0",
        counterparty: "Eli Navarro",
        description: "Refund: Course: Figma Basics",
        externalId: "pur_U1v2W3x4Y5:refund",
      }),
      // A dispute lost: the whole 60.0 charged back (nothing had been refunded: 60.0 − 0 = 60.0).
      expected(7, {
        ...G,
        occurredOn: "2026-10-06",
        kind: "income",
        amount: "60.0",
        counterparty: "Fay Wong",
        description: "Font Bundle",
        externalId: "pur_Z6a7B8c9D0",
      }),
      expected(7, {
        ...G,
        occurredOn: "2026-10-06",
        kind: "expense",
        amount: "6.3",
        counterparty: "Fay Wong",
        description: "Gumroad fee: Font Bundle",
        externalId: "pur_Z6a7B8c9D0:fee",
      }),
      expected(7, {
        ...G,
        occurredOn: "2026-10-06",
        kind: "income",
        amount: "-60.0",
        counterparty: "Fay Wong",
        description: "Chargeback: Font Bundle",
        externalId: "pur_Z6a7B8c9D0:chargeback",
      }),
      // A dispute won: the sale stands (35.0 − 3.8 = 31.2).
      expected(8, {
        ...G,
        occurredOn: "2026-10-07",
        kind: "income",
        amount: "35.0",
        counterparty: "Gil Amar",
        description: "Brush Pack",
        externalId: "pur_E1f2G3h4I5",
      }),
      expected(8, {
        ...G,
        occurredOn: "2026-10-07",
        kind: "expense",
        amount: "3.8",
        counterparty: "Gil Amar",
        description: "Gumroad fee: Brush Pack",
        externalId: "pur_E1f2G3h4I5:fee",
      }),
      // An affiliate's 16.0 came out of the sale: 80.0 − 8.3 − 16.0 = 55.7, the row's Net Total.
      expected(9, {
        ...G,
        occurredOn: "2026-10-08",
        kind: "income",
        amount: "80.0",
        counterparty: "Hana Ito",
        description: "UI Kit",
        externalId: "pur_J6k7L8m9N0",
      }),
      expected(9, {
        ...G,
        occurredOn: "2026-10-08",
        kind: "expense",
        amount: "8.3",
        counterparty: "Hana Ito",
        description: "Gumroad fee: UI Kit",
        externalId: "pur_J6k7L8m9N0:fee",
      }),
      expected(9, {
        ...G,
        occurredOn: "2026-10-08",
        kind: "expense",
        amount: "16.0",
        counterparty: "Hana Ito",
        description: "Affiliate commission (partner@example.com): UI Kit",
        externalId: "pur_J6k7L8m9N0:affiliate",
      }),
      // No buyer name: the purchase e-mail; a review with a line break inside its quotes (lines 11–12). 19.0 − 2.2 = 16.8.
      expected(11, {
        ...G,
        occurredOn: "2026-10-31",
        kind: "income",
        amount: "19.0",
        counterparty: "cara@example.com",
        description: "Mockup Pack",
        externalId: "pur_T6u7V8w9X0",
      }),
      expected(11, {
        ...G,
        occurredOn: "2026-10-31",
        kind: "expense",
        amount: "2.2",
        counterparty: "cara@example.com",
        description: "Gumroad fee: Mockup Pack",
        externalId: "pur_T6u7V8w9X0:fee",
      }),
    ]);
  });

  it("skips free downloads, free trials and the Totals row", () => {
    expect(skipsOf(run)).toEqual([
      { line: 4, reason: "A free download: no money moved." },
      { line: 10, reason: "A free trial: no money moved." },
      { line: 13, reason: "The totals row." },
    ]);
    expect(invalidsOf(run)).toEqual([]);
  });

  it("leaves an affiliate commission out when the row's Net Total says Gumroad's fee already holds it", () => {
    const out = gumroadReader.read(
      {
        "Purchase ID": "p",
        "Item Name": "Kit",
        "Purchase Date": "2026-10-08",
        "Sale Price ($)": "80.0",
        "Fees ($)": "24.3",
        "Net Total ($)": "55.7",
        "Affiliate commission ($)": "16.0",
      },
      2,
    );
    // 80.0 − 24.3 = 55.7 already: the commission is not a second cost.
    expect(out).toMatchObject({ type: "transactions", transactions: [{ amount: "80.0" }, { amount: "24.3" }] });
    expect(out.type === "transactions" && out.transactions).toHaveLength(2);
  });

  it("names a bad price", () => {
    expect(gumroadReader.read({ "Purchase ID": "p", "Purchase Date": "2026-10-08", "Sale Price ($)": "", "Fees ($)": "1.0" }, 2)).toEqual({
      type: "invalid",
      errors: [{ path: "Sale Price ($)", message: "The amount is empty." }],
    });
  });
});
