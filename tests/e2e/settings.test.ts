// Settings in a real browser: amounts with their field errors, a rule threshold saved and reset, an
// exchange rate added, a CSV import refused whole for one bad row and then accepted, and the page on a phone.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launch, openPage } from "./browser";
import { expectNoSeriousViolations, expectNoSidewaysScroll, newAccount, signUp } from "./support";

const baseUrl = inject("baseUrl");

type Settings = {
  essentialMonthlyExpenses: string | null;
  cashBuffer: string | null;
  thresholds: Record<string, { pass: number; warn: number; isDefault: boolean }>;
};
type Rates = { data: { currency: string; date: string; rate: string }[] };

/** The API as the signed-in page sees it (same cookies): what was really saved, not what the form shows. */
async function api<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(path);
  expect(res.status()).toBe(200);
  return (await res.json()) as T;
}

async function toast(page: Page, title: string) {
  await page
    .getByRole("region", { name: /Notifications/ })
    .getByText(title, { exact: true })
    .waitFor();
}

describe.skipIf(!baseUrl)("settings in a real browser", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch(inject("chromiumPath"));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("saves amounts and thresholds, resets a rule, adds rates and imports a CSV all-or-nothing", async () => {
    const { page, problems, shot, context } = await openPage(browser, baseUrl);
    const account = newAccount("settings");
    await signUp(page, account);
    await page.goto("/settings", { waitUntil: "networkidle" });
    await page.getByRole("heading", { level: 1, name: "Settings" }).waitFor();
    await shot("settings-01-page");

    // A bad amount is caught in the form with the server's own rule; nothing is sent.
    const expenses = page.getByLabel("Essential monthly expenses");
    const buffer = page.getByLabel("Cash buffer");
    await expenses.fill("3,000");
    await page.getByRole("button", { name: "Save settings" }).click();
    await page.getByText("Amount must be a decimal number like 1234.56.").waitFor();
    await expect(expenses.getAttribute("aria-invalid")).resolves.toBe("true");
    await shot("settings-02-amount-error");

    await expenses.fill("3000");
    await buffer.fill("12000");
    await page.getByRole("button", { name: "Save settings" }).click();
    await toast(page, "Settings saved");
    await page.reload({ waitUntil: "networkidle" });
    await expect(expenses.inputValue()).resolves.toBe("3000.00");
    await expect(buffer.inputValue()).resolves.toBe("12000.00");
    expect(await api<Settings>(page, "/api/v1/settings")).toMatchObject({ essentialMonthlyExpenses: "3000.00", cashBuffer: "12000.00" });

    // A threshold in percent goes over the wire as an exact ratio and survives a reload.
    const streamPass = page.getByLabel("Largest stream share: Pass at most");
    const streamWarn = page.getByLabel("Largest stream share: Warn at most");
    await streamWarn.fill("40");
    await page.getByRole("button", { name: "Save rules" }).click();
    await page.getByText("The warn threshold must be at least the pass threshold.").waitFor();
    await streamWarn.fill("70");
    await streamPass.fill("45");
    await page.getByRole("button", { name: "Save rules" }).click();
    await toast(page, "Rule thresholds saved");
    await page.reload({ waitUntil: "networkidle" });
    await expect(streamPass.inputValue()).resolves.toBe("45");
    expect((await api<Settings>(page, "/api/v1/settings")).thresholds["stream-concentration"]).toMatchObject({
      pass: 0.45,
      warn: 0.7,
      isDefault: false,
    });
    await shot("settings-03-rule-changed");

    await page.getByRole("button", { name: "Reset to default (Largest stream share)" }).click();
    await expect(streamPass.inputValue()).resolves.toBe("50");
    await page.getByRole("button", { name: "Save rules" }).click();
    await toast(page, "Every rule follows the defaults again");
    await page.reload({ waitUntil: "networkidle" });
    await expect(streamPass.inputValue()).resolves.toBe("50");
    expect((await api<Settings>(page, "/api/v1/settings")).thresholds["stream-concentration"]).toMatchObject({
      pass: 0.5,
      warn: 0.7,
      isDefault: true,
    });

    // One rate, read back as a sentence in the base currency.
    const rates = page.locator("#rates");
    const addForm = page.getByRole("form", { name: "Add an exchange rate" });
    await addForm.getByLabel("Currency").selectOption("EUR");
    await addForm.getByLabel("Date").fill("2026-01-15");
    await addForm.getByLabel("Rate").fill("1.0825");
    await addForm.getByText("1 EUR = 1.0825 USD on Jan 15, 2026").waitFor();
    await addForm.getByRole("button", { name: "Add rate" }).click();
    await toast(page, "Saved 1 EUR = 1.0825 USD");
    await page.getByRole("group", { name: "EUR Euro" }).getByRole("cell", { name: "1.0825" }).waitFor();
    await rates.getByText("1 EUR = 1.0825 USD", { exact: true }).waitFor();

    // A CSV with bad rows saves nothing and lists every problem.
    await page.getByText("Import rates from a CSV file").click();
    const csv = page.getByLabel("Rates as CSV");
    await csv.fill("currency,date,rate\nGBP,2026-01-30,1.27\nGBP,2026-02-30,1.26\nJPY,2026-01-30,abc\n");
    const before = problems.length;
    await page.getByRole("button", { name: "Import rates" }).click();
    await page.getByText("Nothing was saved: 2 problems in the CSV.", { exact: false }).waitFor();
    const listed = page.getByRole("list", { name: "Problems in the CSV" });
    await listed.getByText("Row 3").waitFor();
    await listed.getByText("Row 4").waitFor();
    await shot("settings-04-csv-errors");
    expect((await api<Rates>(page, "/api/v1/fx-rates?currency=GBP")).data).toEqual([]);
    // The refused import is a 422, which Chromium logs as a failed resource: exactly one, the expected answer.
    const refused = problems.slice(before);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toContain("422");
    problems.splice(before, 1);

    await csv.fill("currency,date,rate\nGBP,2026-01-30,1.27\nGBP,2026-02-27,1.26\n");
    await page.getByRole("button", { name: "Import rates" }).click();
    await toast(page, "Imported 2 rates");
    const gbp = page.getByRole("group", { name: "GBP British Pound" });
    await gbp.getByRole("cell", { name: "1.26", exact: true }).waitFor();
    await gbp.getByRole("cell", { name: "1.27", exact: true }).waitFor();
    // Latest first.
    await expect(gbp.getByRole("cell").nth(0).textContent()).resolves.toBe("Feb 27, 2026");
    expect((await api<Rates>(page, "/api/v1/fx-rates?currency=GBP")).data.map((r) => [r.date, Number(r.rate)])).toEqual([
      ["2026-01-30", 1.27],
      ["2026-02-27", 1.26],
    ]);
    await shot("settings-05-rates");
    // The whole page, with rates, rules and a token list in it, against axe.
    await expectNoSeriousViolations(page);

    expect(problems).toEqual([]);
    await context.close();
  });

  it("fits a phone in dark mode without sideways scrolling", async () => {
    const account = newAccount("settings-phone");
    const { page, problems, shot, context } = await openPage(browser, baseUrl, { width: 390, height: 844, colorScheme: "dark" });
    await signUp(page, account);
    await page.goto("/settings", { waitUntil: "networkidle" });
    await expectNoSidewaysScroll(page);
    await page.getByRole("link", { name: "Exchange rates" }).click();
    await page.getByRole("heading", { name: "Exchange rates" }).waitFor();
    await shot("settings-06-phone-dark");
    expect(problems).toEqual([]);
    await context.close();
  });
});
