// Import in a real browser: a PayPal activity download through the page (the preset suggested, the
// preview with its totals and skipped rows, the import, the summary), the dashboard and the transactions
// showing it; the same file again adds nothing; a generic file with one bad row names the line and the
// column and writes nothing; Settings → Data lists the imports and deletes one import's transactions. Then
// the same at phone width in dark mode. A bank file through the column mapper, saved as the user's own
// preset; a backup refused by an account with streams and restored into an empty one. Screenshots for a person to look at.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launch, openPage } from "./browser";
import { resolveWindow } from "@/lib/metrics/window";
import { expectNoSeriousViolations, expectNoSidewaysScroll, newAccount, signUp, todayOf } from "./support";

const baseUrl = inject("baseUrl");
const settle = { timeout: 15_000 };
const PAYPAL = path.join(process.cwd(), "tests", "fixtures", "imports", "paypal.csv");

type Summary = {
  inserted: number;
  createdStreams: string[];
  duplicates: number;
  skipped: number;
  rows: number;
  errors: { row: number | null; path: string; message: string }[];
};
type Imports = { data: { id: string; fileName: string | null; preset: string; inserted: number; duplicates: number }[] };
type Transactions = {
  data: { occurredOn: string; streamName: string; kind: string; amountMinor: number; currency: string; externalId: string | null }[];
  nextCursor: string | null;
};
type Metrics = { currency: string; totals: { income: number }; streams: { name: string }[] };

async function api<T>(page: Page, url: string): Promise<T> {
  const res = await page.request.get(url);
  expect(res.status(), url).toBe(200);
  return (await res.json()) as T;
}

async function allTransactions(page: Page): Promise<Transactions["data"]> {
  return (await api<Transactions>(page, "/api/v1/transactions?limit=500")).data;
}

/** What the server says the file becomes, asked without the page: the page must show exactly this. */
async function dryRun(page: Page, file: string, query: string): Promise<Summary> {
  const res = await page.request.post(`/api/v1/imports?${query}&dryRun=true&skipInvalid=true`, {
    data: fs.readFileSync(file),
    headers: { "content-type": "text/csv" },
  });
  expect(res.status()).toBe(200);
  return (await res.json()) as Summary;
}

/** A count as the page's figure tiles show it: the number under its label. */
async function count(page: Page, scope: ReturnType<Page["locator"]>, label: string): Promise<number> {
  const text = await scope.locator("dt", { hasText: label }).locator("xpath=following-sibling::dd[1]").first().textContent();
  return Number((text ?? "").replace(/[^\d]/g, ""));
}

function tempCsv(name: string, text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "streamfolio-import-"));
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

async function chooseFile(page: Page, file: string) {
  await page.getByLabel("CSV file").setInputFiles(file);
  await page.getByRole("heading", { name: "2. What is in it" }).waitFor(settle);
}

describe.skipIf(!baseUrl)("import in a real browser", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch(inject("chromiumPath"));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("a PayPal file through the page: preset, preview, import, the dashboard showing it", async () => {
    const { page, problems, shot, context } = await openPage(browser, baseUrl);
    await signUp(page, newAccount("import"));
    await page.goto("/import", { waitUntil: "networkidle" });
    await page.getByRole("heading", { level: 1, name: "Import" }).waitFor();
    await expectNoSeriousViolations(page);
    await shot("import-01-empty");

    // A picture, or a spreadsheet saved as Windows-1252, is not offered to the mapper as columns of garbage.
    const png = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "streamfolio-import-")), "picture.csv");
    fs.writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    await page.getByLabel("CSV file").setInputFiles(png);
    await page.getByText("That file is not CSV text.", { exact: false }).waitFor(settle);
    expect(await page.getByRole("heading", { name: "2. What is in it" }).count()).toBe(0);

    // The file: its first lines name PayPal's columns, so the PayPal preset is suggested and chosen.
    await chooseFile(page, PAYPAL);
    await page.getByText("This looks like a PayPal").waitFor();
    const format = page.getByLabel("Format", { exact: true });
    await expect(format.inputValue()).resolves.toBe("preset:paypal");
    // No stream yet: the preset's own stream, created by the import.
    await expect(page.getByLabel("Stream", { exact: true }).inputValue()).resolves.toBe("__new");
    await expect(page.getByLabel("New stream's name").inputValue()).resolves.toBe("PayPal");

    const expected = await dryRun(page, PAYPAL, "preset=paypal&stream=PayPal");
    expect(expected.inserted).toBeGreaterThan(0);
    expect(expected.skipped).toBeGreaterThan(0);
    expect(expected.errors).toEqual([]);

    await page.getByRole("button", { name: "Preview", exact: true }).click();
    const preview = page.getByRole("region", { name: "3. Preview" });
    await preview.waitFor(settle);
    expect(await count(page, preview, "New transactions")).toBe(expected.inserted);
    expect(await count(page, preview, "Skipped rows")).toBe(expected.skipped);
    // The stream it would create is named before anything is saved (a misspelt name would be a new stream).
    expect(expected.createdStreams).toEqual(["PayPal"]);
    expect(await preview.getByTestId("preview-new-streams").innerText()).toMatch(/^Creates a new stream: PayPal\./);
    await page
      .getByRole("region", { name: "In the file, by kind and currency" })
      .getByRole("cell", { name: "Income", exact: true })
      .first()
      .waitFor();
    await page.getByRole("heading", { name: "Skipped rows, and why" }).waitFor();
    expect(await page.getByTestId("preview-row").count()).toBeGreaterThan(0);
    // Nothing is written by a preview.
    expect(await allTransactions(page)).toEqual([]);
    await expectNoSeriousViolations(page);
    await expectNoSidewaysScroll(page);
    await shot("import-02-paypal-preview");

    // A double click imports once: the button is disabled while the import runs, and the server's duplicates also protect.
    await page.getByRole("button", { name: `Import ${expected.inserted} transaction` }).dblclick();
    await page.getByRole("heading", { name: `Imported ${expected.inserted} transaction` }).waitFor(settle);
    await page.getByText("New stream:").waitFor();
    const history = await api<Imports>(page, "/api/v1/imports");
    expect(history.data).toHaveLength(1);
    expect(history.data[0]).toMatchObject({ fileName: "paypal.csv", preset: "paypal", inserted: expected.inserted });
    const imported = await allTransactions(page);
    expect(imported).toHaveLength(expected.inserted);
    expect(new Set(imported.map((t) => t.streamName))).toEqual(new Set(["PayPal"]));
    await expectNoSeriousViolations(page);
    await shot("import-03-paypal-summary");

    // The imported rows, and the dashboard counting them.
    await page.getByRole("link", { name: "See the imported transactions" }).click();
    await page.waitForURL("**/transactions?stream=*");
    await page.getByTestId("transaction-row").first().waitFor(settle);
    expect(await page.getByTestId("transaction-row").count()).toBe(Math.min(expected.inserted, 50));
    await shot("import-04-transactions");

    // The window the Overview shows for ?w=all: every complete month since the first imported one.
    const first = imported
      .map((t) => t.occurredOn)
      .sort()[0]!
      .slice(0, 7);
    const window = resolveWindow({ w: "all" }, await todayOf(page), first);
    const metrics = await api<Metrics>(page, `/api/v1/metrics?from=${window.from}&to=${window.to}`);
    expect(metrics.totals.income).toBeGreaterThan(0);
    await page.goto("/overview?w=all", { waitUntil: "networkidle" });
    const income = new Intl.NumberFormat("en-US", { style: "currency", currency: metrics.currency }).format(metrics.totals.income / 100);
    await page.getByText(`You earned ${income}`, { exact: false }).waitFor(settle);
    await page.getByText("PayPal brought the most", { exact: false }).waitFor();
    await shot("import-05-overview");

    // The same file again: everything is already there, nothing is added.
    await page.goto("/import", { waitUntil: "networkidle" });
    await chooseFile(page, PAYPAL);
    // The stream exists now: it is picked, not created.
    await expect(page.getByLabel("Stream", { exact: true }).inputValue()).resolves.toBe("PayPal");
    await page.getByRole("button", { name: "Preview", exact: true }).click();
    await page.getByText("Nothing new: every transaction in it is already there.").waitFor(settle);
    // Every row says so, and there is nothing to import: no totals of "new" transactions, no Import button.
    const shown = await page.getByTestId("preview-row").allInnerTexts();
    expect(shown.filter((row) => row.includes("Already there")).length).toBeGreaterThan(0);
    for (const row of shown) expect(row).toMatch(/\n(Already there|Skipped)\n/);
    expect(await page.getByRole("region", { name: "In the file, by kind and currency" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: /^Import/ }).count()).toBe(0);
    await shot("import-05b-nothing-new");
    expect(await allTransactions(page)).toHaveLength(expected.inserted);
    await page.getByRole("region", { name: "3. Preview" }).getByRole("button", { name: "Choose another file" }).click();

    // A generic file with one bad row: its line and column are shown, and nothing is written.
    const generic = tempCsv(
      "clients.csv",
      [
        "date,stream,kind,amount,currency,counterparty",
        "2026-01-05,Design retainer,income,1200.00,USD,Acme",
        "2026-01-07,Design retainer,income,12x0,USD,Globex",
        "2026-01-09,Design retainer,expense,45.00,USD,Figma",
        "",
      ].join("\n"),
    );
    await chooseFile(page, generic);
    await expect(format.inputValue()).resolves.toBe("generic");
    await expect(page.getByLabel("Stream", { exact: true }).inputValue()).resolves.toBe("");
    await page.getByRole("button", { name: "Preview", exact: true }).click();
    await page.getByText("1 row cannot be read.", { exact: false }).waitFor(settle);
    const errors = page.getByRole("list", { name: "Rows with errors" });
    await errors.getByText("Line 3").waitFor();
    await errors.getByText("amount", { exact: false }).waitFor();
    expect(await allTransactions(page)).toHaveLength(expected.inserted);
    await expectNoSeriousViolations(page);
    await shot("import-06-generic-error");

    // The valid rows can still go in, the bad one skipped and listed.
    await page.getByRole("button", { name: "Import the valid rows and skip these" }).click();
    await page.getByRole("heading", { name: "Imported 2 transactions" }).waitFor(settle);
    await page.getByRole("heading", { name: "Rows skipped because of errors" }).waitFor();
    expect(await allTransactions(page)).toHaveLength(expected.inserted + 2);

    // Settings → Data: the history, and one import's transactions deleted.
    await page.goto("/settings#data", { waitUntil: "networkidle" });
    await page.getByRole("heading", { name: "Import history" }).waitFor();
    const rows = page.getByTestId("import-row");
    await expect.poll(() => rows.count(), settle).toBe(2);
    await rows.filter({ hasText: "clients.csv" }).waitFor();
    await expectNoSeriousViolations(page);
    await shot("import-07-settings-data");
    // One import of paypal.csv: the second preview found nothing new and offered no import.
    expect(await rows.filter({ hasText: "paypal.csv" }).count()).toBe(1);
    await page.getByRole("button", { name: "Delete the transactions of paypal.csv" }).click();
    const dialog = page.getByRole("dialog", { name: "Delete this import's transactions?" });
    await dialog.getByText(`The ${expected.inserted} transactions that paypal.csv added`, { exact: false }).waitFor();
    await dialog.getByRole("button", { name: "Delete transactions" }).click();
    await page
      .getByRole("region", { name: /Notifications/ })
      .getByText("paypal.csv", { exact: false })
      .waitFor(settle);
    const left = await allTransactions(page);
    expect(left).toHaveLength(2);
    expect(left.every((t) => t.streamName === "Design retainer")).toBe(true);

    expect(problems).toEqual([]);
    await context.close();
  });

  it("a bank file through the column mapper, saved as my preset; a backup restored only into an empty account (desktop, dark)", async () => {
    const { page, problems, shot, context } = await openPage(browser, baseUrl, { colorScheme: "dark" });
    const account = newAccount("import-mapper");
    await signUp(page, account);
    await page.goto("/import", { waitUntil: "networkidle" });
    // Day-first dates, comma decimals, money in and out in two columns: no preset reads it.
    const bank = tempCsv(
      "bank.csv",
      [
        "Booking date,Details,Debit,Credit,Currency,Reference",
        '03-11-2026,Invoice 12 Northwind,,"1.500,00",EUR,INV-12',
        '05-11-2026,Hosting,"24,99",,EUR,HOST-5',
        "",
      ].join("\r\n"),
    );
    await chooseFile(page, bank);
    await expect(page.getByLabel("Format", { exact: true }).inputValue()).resolves.toBe("mapping");
    // The mapper guessed the columns from their names; the formats are the person's to say.
    await expect(page.getByLabel("Date column").inputValue()).resolves.toBe("Booking date");
    await expect(page.getByLabel("Debit column (money out)").inputValue()).resolves.toBe("Debit");
    await expect(page.getByLabel("Credit column (money in)").inputValue()).resolves.toBe("Credit");
    await expect(page.getByLabel("External id column").inputValue()).resolves.toBe("Reference");
    await page.getByLabel("Date format").selectOption("dd-mm-yyyy");
    await page.getByLabel("Decimal separator").selectOption(",");
    // No stream yet and none in the file: a new one must be named before anything is sent.
    await page.getByRole("button", { name: "Preview", exact: true }).click();
    await page.getByText("Name the new stream, or choose one of yours.").waitFor();
    await page.getByLabel("New stream's name").fill("Consulting");
    await page.getByRole("button", { name: "Preview", exact: true }).click();
    const preview = page.getByRole("region", { name: "3. Preview" });
    await preview.waitFor(settle);
    expect(await count(page, preview, "New transactions")).toBe(2);
    await preview.getByText("€1,500.00", { exact: true }).first().waitFor();
    await preview.getByText("€24.99", { exact: true }).first().waitFor();
    await expectNoSeriousViolations(page);
    await shot("import-12-mapper-preview");

    await page.getByRole("textbox", { name: "Save these columns as my preset" }).fill("My bank");
    await page.getByRole("button", { name: "Save preset" }).click();
    await page
      .getByRole("region", { name: /Notifications/ })
      .getByText("Saved “My bank” as your preset")
      .waitFor(settle);
    await expect.poll(() => page.getByLabel("Format", { exact: true }).inputValue(), settle).toMatch(/^saved:/);
    await page.getByRole("button", { name: "Change the columns" }).waitFor();
    await page.getByRole("button", { name: "Preview", exact: true }).click();
    await preview.waitFor(settle);
    await page.getByRole("button", { name: "Import 2 transactions" }).click();
    await page.getByRole("heading", { name: "Imported 2 transactions" }).waitFor(settle);
    const imported = await allTransactions(page);
    expect(imported.map((t) => [t.occurredOn, t.kind, t.amountMinor, t.currency, t.streamName, t.externalId]).sort()).toEqual([
      ["2026-11-03", "income", 150000, "EUR", "Consulting", "INV-12"],
      ["2026-11-05", "expense", 2499, "EUR", "Consulting", "HOST-5"],
    ]);

    // A backup of this account, restored: refused here (it has streams), taken by a new, empty account.
    const backup = await page.request.get("/api/v1/export?format=json");
    expect(backup.status()).toBe(200);
    const backupFile = tempCsv("streamfolio-backup.json", await backup.text());
    await page.goto("/settings#data", { waitUntil: "networkidle" });
    await page.getByLabel("Backup file").setInputFiles(backupFile);
    const before = problems.length;
    await page.getByRole("button", { name: "Restore backup" }).click();
    await page.getByText("This account already has streams, so nothing was restored.", { exact: false }).waitFor(settle);
    await shot("import-13-restore-refused");
    // The refused restore is a 409, which Chromium logs as a failed resource: exactly that one.
    expect(problems.slice(before)).toHaveLength(1);
    expect(problems[before]).toContain("409");
    problems.splice(before, 1);

    const fresh = await openPage(browser, baseUrl);
    await signUp(fresh.page, newAccount("import-restore"));
    await fresh.page.goto("/settings#data", { waitUntil: "networkidle" });
    await fresh.page.getByLabel("Backup file").setInputFiles(backupFile);
    await fresh.page.getByRole("button", { name: "Restore backup" }).click();
    await fresh.page
      .getByRole("region", { name: /Notifications/ })
      .getByText("Backup restored")
      .waitFor(settle);
    const restored = await allTransactions(fresh.page);
    expect(restored.map((t) => [t.occurredOn, t.kind, t.amountMinor, t.currency, t.streamName, t.externalId]).sort()).toEqual(
      imported.map((t) => [t.occurredOn, t.kind, t.amountMinor, t.currency, t.streamName, t.externalId]).sort(),
    );
    // The restored imports are in the new account's history too.
    await fresh.page.getByTestId("import-row").filter({ hasText: "bank.csv" }).waitFor(settle);
    await fresh.shot("import-14-restored");

    expect(problems).toEqual([]);
    expect(fresh.problems).toEqual([]);
    await context.close();
    await fresh.context.close();
  });

  it("fits a phone in dark mode: the preview, the summary and Settings → Data", async () => {
    const { page, problems, shot, context } = await openPage(browser, baseUrl, { width: 390, height: 844, colorScheme: "dark" });
    await signUp(page, newAccount("import-phone"));
    await page.goto("/import", { waitUntil: "networkidle" });
    await expectNoSidewaysScroll(page);
    await shot("import-08-phone-empty");
    await chooseFile(page, PAYPAL);
    await page.getByRole("button", { name: "Preview", exact: true }).click();
    await page.getByRole("heading", { name: "3. Preview" }).waitFor(settle);
    await expectNoSidewaysScroll(page);
    await expectNoSeriousViolations(page);
    await shot("import-09-phone-preview");
    await page.getByRole("button", { name: /^Import \d+ transactions?$/ }).click();
    await page.getByRole("heading", { name: /^Imported \d+ transactions?$/ }).waitFor(settle);
    await expectNoSidewaysScroll(page);
    await shot("import-10-phone-summary");
    await page.goto("/settings#data", { waitUntil: "networkidle" });
    await page.getByTestId("import-row").first().waitFor(settle);
    await expectNoSidewaysScroll(page);
    await expectNoSeriousViolations(page);
    await shot("import-11-phone-settings-data");
    expect(problems).toEqual([]);
    await context.close();
  });
});
