import { describe, expect, it } from "vitest";
import { mappingReader, parseImportMapping } from "@/lib/import/mapping";
import type { ImportedTransaction } from "@/lib/import/types";
import { IMPORT_DATE_FORMATS } from "@/lib/import/values";
import { importDateFormats, importMapping, savedImportMapping, type ImportMappingInput } from "@/lib/schemas/import-mapping";

const base: ImportedTransaction = {
  occurredOn: "",
  kind: "income",
  amount: "",
  currency: null,
  stream: null,
  counterparty: null,
  platform: null,
  description: null,
  externalId: null,
};
const tx = (fields: Partial<ImportedTransaction>): ImportedTransaction => ({ ...base, ...fields });

function reader(input: ImportMappingInput) {
  return mappingReader(importMapping.parse(input));
}

function issues(input: unknown) {
  const parsed = importMapping.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
}

describe("importMapping: the saved/sent mapping format", () => {
  it("accepts an amount column with a fee, and fills the defaults", () => {
    const m = importMapping.parse({ columns: { date: " Date ", amount: "Gross", fee: "Fee" }, dateFormat: "mdy" });
    expect(m).toEqual({ columns: { date: "Date", amount: "Gross", fee: "Fee" }, dateFormat: "mdy", decimal: "." });
  });

  it("accepts a debit/credit pair, a default currency (upper-cased) and a fixed stream", () => {
    const m = importMapping.parse({
      columns: { date: "Booked", debit: "Out", credit: "In" },
      dateFormat: "dd-mm-yyyy",
      decimal: ",",
      currency: "eur",
      stream: "Consulting",
    });
    expect(m.currency).toBe("EUR");
    expect(m.stream).toBe("Consulting");
  });

  it.each<[string, unknown, { path: string; message: RegExp }]>([
    [
      "no amount at all",
      { columns: { date: "D" }, dateFormat: "iso" },
      { path: "columns.amount", message: /amount column, or a debit and a credit/ },
    ],
    [
      "amount and a pair",
      { columns: { date: "D", amount: "A", debit: "Out", credit: "In" }, dateFormat: "iso" },
      { path: "columns.amount", message: /not both/ },
    ],
    [
      "a debit without its credit",
      { columns: { date: "D", debit: "Out" }, dateFormat: "iso" },
      { path: "columns.credit", message: /credit column too/ },
    ],
    [
      "a credit without its debit",
      { columns: { date: "D", credit: "In" }, dateFormat: "iso" },
      { path: "columns.debit", message: /debit column too/ },
    ],
    [
      "the fee is the amount",
      { columns: { date: "D", amount: "A", fee: "a" }, dateFormat: "iso" },
      { path: "columns.fee", message: /already the amount column/ },
    ],
    [
      "debit equals credit",
      { columns: { date: "D", debit: "X", credit: "X" }, dateFormat: "iso" },
      { path: "columns.credit", message: /already the debit column/ },
    ],
    [
      "the date is an amount",
      { columns: { date: "A", amount: "A" }, dateFormat: "iso" },
      { path: "columns.date", message: /both the date and an amount/ },
    ],
    [
      "a stream column and a fixed stream",
      { columns: { date: "D", amount: "A", stream: "S" }, dateFormat: "iso", stream: "Etsy" },
      { path: "stream", message: /not both/ },
    ],
    [
      "kindValues without a kind column",
      { columns: { date: "D", amount: "A" }, dateFormat: "iso", kindValues: ["out"] },
      { path: "kindValues", message: /kind column/ },
    ],
    [
      "a kind column with a pair",
      { columns: { date: "D", debit: "O", credit: "I", kind: "K" }, dateFormat: "iso" },
      { path: "columns.kind", message: /leave kind out/ },
    ],
    [
      "an unknown date format",
      { columns: { date: "D", amount: "A" }, dateFormat: "yyyy/mm/dd" },
      { path: "dateFormat", message: /iso, mdy, dmy, mon-d-y, dd-mm-yyyy, datetime/ },
    ],
    [
      "a bad decimal",
      { columns: { date: "D", amount: "A" }, dateFormat: "iso", decimal: ";" },
      { path: "decimal", message: /"\." or ","/ },
    ],
    [
      "a made-up currency",
      { columns: { date: "D", amount: "A" }, dateFormat: "iso", currency: "XYZ" },
      { path: "currency", message: /ISO 4217/ },
    ],
    [
      "an empty column name",
      { columns: { date: " ", amount: "A" }, dateFormat: "iso" },
      { path: "columns.date", message: /Name the file's column/ },
    ],
    ["an unknown field", { columns: { date: "D", amount: "A", note: "N" }, dateFormat: "iso" }, { path: "columns", message: /note/ }],
    [
      "an empty kindValues",
      { columns: { date: "D", amount: "A", kind: "K" }, dateFormat: "iso", kindValues: [] },
      { path: "kindValues", message: /at least one/ },
    ],
  ])("refuses %s with a clear message", (_name, input, expected) => {
    const found = issues(input);
    expect(
      found.some((i) => i.path === expected.path && expected.message.test(i.message)),
      JSON.stringify(found),
    ).toBe(true);
  });

  it("names exactly the date formats the values module reads", () => {
    expect([...importDateFormats].sort()).toEqual(Object.keys(IMPORT_DATE_FORMATS).sort());
  });

  it("is what a saved preset stores, versioned", () => {
    const saved = savedImportMapping.parse({
      name: "My bank",
      mapping: { columns: { date: "Date", amount: "Amount" }, dateFormat: "dmy", decimal: "," },
    });
    expect(saved.version).toBe(1);
    expect(savedImportMapping.parse(JSON.parse(JSON.stringify(saved)))).toEqual(saved);
    expect(savedImportMapping.safeParse({ ...saved, version: 2 }).success).toBe(false);
    expect(savedImportMapping.safeParse({ ...saved, name: "" }).success).toBe(false);
  });

  it("parses ?mapping= JSON with every problem by its path", () => {
    expect(parseImportMapping("{")).toEqual({ ok: false, errors: [{ path: "mapping", message: "The mapping is not valid JSON." }] });
    const bad = parseImportMapping(JSON.stringify({ columns: { date: "D", fee: 3 }, dateFormat: "nope" }));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.map((e) => e.path).sort()).toEqual(["mapping.columns.fee", "mapping.dateFormat"]);
    const cross = parseImportMapping({ columns: { date: "D" }, dateFormat: "iso" });
    expect(cross).toEqual({
      ok: false,
      errors: [{ path: "mapping.columns.amount", message: "Name the amount column, or a debit and a credit column." }],
    });
    const good = parseImportMapping(JSON.stringify({ columns: { date: "D", amount: "A" }, dateFormat: "iso" }));
    expect(good).toEqual({ ok: true, mapping: { columns: { date: "D", amount: "A" }, dateFormat: "iso", decimal: "." } });
  });
});

describe("mappingReader: a person's own columns", () => {
  const sales = reader({
    columns: {
      date: "Date",
      amount: "Gross",
      fee: "Fee",
      currency: "Cur",
      counterparty: "Customer",
      description: "Item",
      externalId: "Ref",
      platform: "Via",
    },
    dateFormat: "dmy",
    decimal: ",",
    currency: "EUR",
  });

  it("finds the header below title lines, whatever its case, and says which columns it needs", () => {
    expect(sales.requiredColumns).toEqual(["Date", "Gross", "Fee", "Cur", "Customer", "Via", "Item", "Ref"]);
    expect(
      sales.findHeader([
        ["Sales export"],
        ["from 1/1 to 31/1"],
        ["\uFEFFdate", "GROSS", "fee", "cur", "customer", "item", "ref", "via", "extra"],
      ]),
    ).toBe(2);
    expect(
      sales.findHeader([
        ["Date", "Gross"],
        ["1", "2"],
      ]),
    ).toBeNull();
    expect(sales.id).toBe("mapping");
    expect(sales.platform).toBeNull();
    expect(sales.defaultStream).toBeNull();
  });

  it("turns a fee into a second transaction: an expense of the same stream, id suffixed :fee", () => {
    const out = sales.read(
      { Date: "03/11/2026", Gross: "1.234,50", Fee: "-12,35", Cur: "usd", Customer: "Acme, Inc.", Item: "Logo", Ref: "R-1", Via: "Direct" },
      2,
    );
    // 1.234,50 with "," as the decimal separator is 1234.50; the fee's sign is ignored: a cost of 12.35.
    expect(out).toEqual({
      type: "transactions",
      transactions: [
        tx({
          occurredOn: "2026-11-03",
          amount: "1234.50",
          currency: "USD",
          counterparty: "Acme, Inc.",
          platform: "Direct",
          description: "Logo",
          externalId: "R-1",
        }),
        tx({
          occurredOn: "2026-11-03",
          kind: "expense",
          amount: "12.35",
          currency: "USD",
          counterparty: "Acme, Inc.",
          platform: "Direct",
          description: "Fee: Logo",
          externalId: "R-1:fee",
        }),
      ],
    });
  });

  it("leaves the fee's id null when the file has none, uses the default currency, and skips a zero fee", () => {
    const out = sales.read({ Date: "4/11/2026", Gross: "10", Fee: "0,00", Cur: "", Customer: "", Item: "", Ref: "", Via: "" }, 3);
    expect(out).toEqual({ type: "transactions", transactions: [tx({ occurredOn: "2026-11-04", amount: "10", currency: "EUR" })] });
    const withFee = sales.read({ Date: "4/11/2026", Gross: "10", Fee: "1", Cur: "", Customer: "", Item: "", Ref: "", Via: "" }, 4);
    expect(withFee.type === "transactions" && withFee.transactions[1]).toEqual(
      tx({ occurredOn: "2026-11-04", kind: "expense", amount: "1", currency: "EUR", description: "Fee" }),
    );
  });

  it("keeps a negative income negative: a refund", () => {
    const out = sales.read(
      { Date: "5/11/2026", Gross: "-25,00", Fee: "", Cur: "EUR", Customer: "Bea", Item: "Refund", Ref: "R-2", Via: "" },
      5,
    );
    expect(out).toEqual({
      type: "transactions",
      transactions: [
        tx({ occurredOn: "2026-11-05", amount: "-25.00", currency: "EUR", counterparty: "Bea", description: "Refund", externalId: "R-2" }),
      ],
    });
  });

  it("reports every problem of a row by the file's column name", () => {
    const out = sales.read({ Date: "31/02/2026", Gross: "12.50", Fee: "x", Cur: "euro", Customer: "", Item: "", Ref: "", Via: "" }, 6);
    expect(out.type).toBe("invalid");
    if (out.type === "invalid") {
      expect(out.errors.map((e) => e.path)).toEqual(["Date", "Gross", "Fee", "Cur"]);
      expect(out.errors[0]?.message).toMatch(/February 2026 has 28 days/);
      expect(out.errors[1]?.message).toMatch(/is the decimal separator "\."\?/);
      expect(out.errors[3]?.message).toMatch(/three-letter currency code/);
    }
  });

  it("refuses an empty amount and skips an empty row", () => {
    const empty = sales.read({ Date: "1/1/2026", Gross: "--", Fee: "", Cur: "", Customer: "", Item: "", Ref: "", Via: "" }, 7);
    expect(empty).toEqual({ type: "invalid", errors: [{ path: "Gross", message: "The amount is empty." }] });
    expect(sales.read({ Date: "", Gross: "", Fee: "", Cur: "", Customer: "", Item: "", Ref: "", Via: "", Other: "x" }, 8)).toEqual({
      type: "skip",
      reason: "An empty row.",
    });
  });

  it("reads a debit/credit pair: credit is income, debit an expense, signs ignored", () => {
    const bank = reader({
      columns: { date: "Booked", debit: "Out", credit: "In", description: "Text" },
      dateFormat: "dd-mm-yyyy",
      decimal: ",",
      stream: "Consulting",
    });
    expect(bank.defaultStream).toBe("Consulting");
    expect(bank.read({ Booked: "03.11.2026", Out: "", In: "1.500,00", Text: "Invoice 7" }, 2)).toEqual({
      type: "transactions",
      transactions: [tx({ occurredOn: "2026-11-03", amount: "1500.00", stream: "Consulting", description: "Invoice 7" })],
    });
    expect(bank.read({ Booked: "04.11.2026", Out: "-19,99", In: "", Text: "Hosting" }, 3)).toEqual({
      type: "transactions",
      transactions: [tx({ occurredOn: "2026-11-04", kind: "expense", amount: "19.99", stream: "Consulting", description: "Hosting" })],
    });
    expect(bank.read({ Booked: "04.11.2026", Out: "0,00", In: "5,00", Text: "" }, 4)).toMatchObject({
      type: "transactions",
      transactions: [{ kind: "income", amount: "5.00" }],
    });
    const both = bank.read({ Booked: "04.11.2026", Out: "1,00", In: "2,00", Text: "" }, 5);
    expect(both).toMatchObject({ type: "invalid", errors: [{ path: "Out", message: expect.stringMatching(/money in or money out/) }] });
    const neither = bank.read({ Booked: "04.11.2026", Out: "", In: "", Text: "x" }, 6);
    expect(neither).toMatchObject({ type: "invalid", errors: [{ path: "In", message: expect.stringMatching(/Neither/) }] });
  });

  it("reads the kind column: income/expense, or the listed expense values", () => {
    const plain = reader({ columns: { date: "D", amount: "A", kind: "K", stream: "S" }, dateFormat: "iso" });
    expect(plain.read({ D: "2026-11-03", A: "5", K: "Expense", S: "Shop" }, 2)).toMatchObject({
      type: "transactions",
      transactions: [{ kind: "expense", stream: "Shop" }],
    });
    expect(plain.read({ D: "2026-11-03", A: "5", K: "", S: "" }, 3)).toMatchObject({
      type: "transactions",
      transactions: [{ kind: "income", stream: null }],
    });
    expect(plain.read({ D: "2026-11-03", A: "5", K: "Sale", S: "" }, 4)).toMatchObject({
      type: "invalid",
      errors: [{ path: "K", message: expect.stringMatching(/kindValues/) }],
    });
    const listed = reader({ columns: { date: "D", amount: "A", kind: "Type" }, dateFormat: "iso", kindValues: ["Purchase", "fee"] });
    expect(listed.read({ D: "2026-11-03", A: "5", Type: "FEE" }, 2)).toMatchObject({
      type: "transactions",
      transactions: [{ kind: "expense" }],
    });
    expect(listed.read({ D: "2026-11-03", A: "5", Type: "Sale" }, 3)).toMatchObject({
      type: "transactions",
      transactions: [{ kind: "income" }],
    });
  });

  it("reads a date-time as written", () => {
    const r = reader({ columns: { date: "When", amount: "A" }, dateFormat: "datetime" });
    expect(r.read({ When: "2026-11-03T23:30:00-08:00", A: "1" }, 2)).toMatchObject({
      type: "transactions",
      transactions: [{ occurredOn: "2026-11-03" }],
    });
  });
});
