import { describe, expect, it } from "vitest";
import { neutraliseFormula, restoreFormula } from "@/lib/csv";
import { genericReader } from "@/lib/import/presets/generic";

const rec = (o: Record<string, string>) => Object.assign(Object.create(null) as Record<string, string>, o);

describe("the generic CSV reader", () => {
  it("finds its header among title lines, case-insensitively, and says no to other files", () => {
    expect(genericReader.findHeader([["Report"], ["\uFEFFDate", "Stream", "AMOUNT"], ["2026-01-01", "x", "1"]])).toBe(1);
    expect(genericReader.findHeader([["when", "how much"]])).toBeNull();
  });

  it("reads a row, empty cells as not given, kind defaulting to income", () => {
    expect(
      genericReader.read(
        rec({
          Date: " 2026-01-05 ",
          Stream: "Shop",
          Kind: "",
          Amount: "12.50",
          Currency: "eur",
          Counterparty: "",
          description: "'=SUM(A1)",
        }),
        2,
      ),
    ).toEqual({
      type: "transactions",
      transactions: [
        {
          occurredOn: "2026-01-05",
          kind: "income",
          amount: "12.50",
          currency: "EUR",
          stream: "Shop",
          counterparty: null,
          platform: null,
          description: "=SUM(A1)",
          externalId: null,
        },
      ],
    });
    expect(genericReader.read(rec({ date: "2026-01-05", amount: "1", kind: "Expense" }), 3)).toMatchObject({
      type: "transactions",
      transactions: [{ kind: "expense", stream: null, currency: null }],
    });
    expect(genericReader.read(rec({ date: "2026-01-05", amount: "1", kind: "gift" }), 4)).toEqual({
      type: "invalid",
      errors: [{ path: "kind", message: "Kind is income or expense (empty means income)." }],
    });
  });

  it("takes off exactly the apostrophe the export puts before formula-like text", () => {
    for (const text of ["=1+2", "+1 555", "-5 off", "@handle", "'=already", "''=twice", "'plain", "plain", "a=b"]) {
      expect(restoreFormula(neutraliseFormula(text))).toBe(text);
    }
    expect(neutraliseFormula("=1+2")).toBe("'=1+2");
    expect(neutraliseFormula("'=x")).toBe("''=x");
    expect(neutraliseFormula("'x")).toBe("'x");
    expect(neutraliseFormula("a=b")).toBe("a=b");
  });
});
