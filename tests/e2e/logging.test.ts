// The daily logging loop in a real browser: two streams, income logged by keyboard alone, a refund and
// an expense, the figures on the list and the stream page, an inline edit, a delete and its undo, and a
// stream deleted from its own page.
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launch, openPage, type WatchedPage } from "./browser";
import { expectNoSeriousViolations } from "./support";

const baseUrl = inject("baseUrl");
// Figures refresh after the server answers; give them time on a cold server.
const settle = { timeout: 15_000 };

/** The name (or type) of the focused element, to check the focus order Tab by Tab. */
async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    if (!el) return "";
    return el.type === "radio" ? `radio:${el.value}` : (el.getAttribute("name") ?? el.tagName.toLowerCase());
  });
}

/** Tabs until focus leaves the current field (a date input takes one Tab per segment) and says where it landed. */
async function tabOut(page: Page): Promise<string> {
  const from = await focused(page);
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press("Tab");
    const now = await focused(page);
    if (now !== from) return now;
  }
  throw new Error(`focus did not leave ${from}`);
}

/** Resolves once React has hydrated the element: typing into a server-rendered input before that can be lost. */
async function hydrated(page: Page, selector: string) {
  await page.waitForFunction((sel) => {
    const el = document.querySelector(sel);
    return el !== null && Object.keys(el).some((k) => k.startsWith("__reactProps"));
  }, selector);
}

function rows(page: Page, list: string): Locator {
  return page.getByRole("list", { name: list }).getByTestId("transaction-row");
}

async function signUp(page: Page) {
  // Let the fresh page finish loading (and its CSRF cookie settle) before submitting.
  await page.goto("/sign-up", { waitUntil: "networkidle" });
  await page.getByLabel("Name").fill("Logging Loop");
  await page.getByLabel("Email").fill(`logging-${Date.now()}@example.test`);
  await page.getByLabel("Password").fill("a long enough password");
  await page.getByRole("button", { name: "Sign up" }).click();
  await page.waitForURL("**/overview", { timeout: 30_000 });
}

async function addStream(page: Page, opener: string, name: string, kind: string, role: string) {
  await page.getByRole("button", { name: opener }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByLabel("Kind").selectOption(kind);
  await dialog.getByLabel("Role").selectOption(role);
  await dialog.getByRole("button", { name: "Add stream" }).click();
  await expect.poll(() => dialog.isVisible(), settle).toBe(false);
  await page.getByRole("link", { name }).waitFor();
}

describe.skipIf(!baseUrl)("logging loop", () => {
  let browser: Browser;
  let w: WatchedPage;

  beforeAll(async () => {
    browser = await launch(inject("chromiumPath"));
    w = await openPage(browser, baseUrl);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("creates two streams, logs by keyboard, edits, deletes and undoes", async () => {
    const { page, shot, problems } = w;
    await signUp(page);

    // Two streams, the first from the empty state.
    await page.goto("/streams", { waitUntil: "networkidle" });
    await page.getByText("No streams yet").waitFor();
    await addStream(page, "Add your first stream", "Client retainer", "freelance", "anchor");
    await addStream(page, "Add stream", "YouTube channel", "content", "growth");
    await shot("logging-01-streams");
    await expectNoSeriousViolations(page);

    // Income by keyboard alone: type the amount, Tab through every field, Enter. The clock runs from
    // the navigation to the server's confirmation of the row.
    const started = Date.now();
    await page.goto("/transactions");
    await hydrated(page, 'form[aria-label="Log a transaction"]');
    const amount = page.getByLabel("Amount (USD)");
    await amount.focus();
    await page.keyboard.type("1200");
    const order = [await tabOut(page), await tabOut(page), await tabOut(page), await tabOut(page)];
    await page.keyboard.type("Acme Corp");
    order.push(await tabOut(page));
    await page.keyboard.type("Stripe");
    order.push(await tabOut(page));
    await page.keyboard.type("November retainer");
    order.push(await tabOut(page));
    expect(order).toEqual(["streamId", "occurredOn", "radio:income", "counterparty", "platform", "description", "currency"]);
    await page.keyboard.press("Shift+Tab");
    const created = page.waitForResponse((r) => r.url().endsWith("/api/v1/transactions") && r.request().method() === "POST");
    await page.keyboard.press("Enter");
    expect((await created).status()).toBe(201);
    const list = "Transactions, newest first";
    await rows(page, list).filter({ hasText: "$1,200.00" }).waitFor();
    console.log(`time to first logged transaction: ${Date.now() - started} ms`);

    // The form is ready for the next entry: focus on the amount, stream and date kept.
    expect(await focused(page)).toBe("amount");
    expect(await amount.inputValue()).toBe("");
    const stream = page.getByRole("combobox", { name: "Stream" }).first();
    const date = page.getByLabel("Date");
    const keptStream = await stream.inputValue();
    const keptDate = await date.inputValue();
    expect(keptDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    // A refund: the kind group is reached by Tab and changed with the arrow keys.
    await page.keyboard.type("200");
    await tabOut(page); // stream
    await tabOut(page); // date
    expect(await tabOut(page)).toBe("radio:income");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    expect(await focused(page)).toBe("radio:refund");
    await tabOut(page);
    await page.keyboard.type("Acme Corp");
    await page.keyboard.press("Enter");
    await rows(page, list).filter({ hasText: "-$200.00" }).filter({ hasText: "Refund" }).waitFor();
    expect(await stream.inputValue()).toBe(keptStream);
    expect(await date.inputValue()).toBe(keptDate);

    // An expense on the same stream, then income on the second stream.
    await page.keyboard.type("45.50");
    await tabOut(page);
    await tabOut(page);
    await tabOut(page);
    await page.keyboard.press("ArrowRight");
    expect(await focused(page)).toBe("radio:expense");
    await page.keyboard.press("Enter");
    await rows(page, list).filter({ hasText: "$45.50" }).filter({ hasText: "Expense" }).waitFor();

    await page.keyboard.type("320");
    await tabOut(page);
    await stream.selectOption({ label: "YouTube channel" });
    await stream.press("Enter");
    await rows(page, list).filter({ hasText: "$320.00" }).filter({ hasText: "YouTube channel" }).waitFor();
    await expect.poll(() => rows(page, list).count(), settle).toBe(4);
    await expect
      .poll(
        () =>
          page
            .getByRole("button", { name: /^Edit / })
            .first()
            .isEnabled(),
        settle,
      )
      .toBe(true);
    await shot("logging-02-transactions");
    await expectNoSeriousViolations(page);

    // The stream page: the figures of the month net the refund and the expense.
    await page.getByRole("link", { name: "Streams" }).first().click();
    await page.getByRole("link", { name: "Client retainer" }).click();
    await page.getByRole("heading", { level: 1, name: "Client retainer" }).waitFor();
    await expect.poll(() => page.getByTestId("stat-income").innerText(), settle).toBe("$1,000.00");
    expect(await page.getByTestId("stat-expenses").innerText()).toBe("$45.50");
    expect(await page.getByTestId("stat-net").innerText()).toBe("$954.50");
    expect(await rows(page, "Recent transactions of Client retainer").count()).toBe(3);
    expect(await page.getByRole("list", { name: "Top clients by income" }).innerText()).toContain("Acme Corp");
    await shot("logging-03-stream-page");

    // Edit inline on the list: Escape cancels, Enter saves.
    await page.goto("/transactions", { waitUntil: "networkidle" });
    const expenseRow = rows(page, list).filter({ hasText: "$45.50" });
    await expenseRow.getByRole("button", { name: /^Edit / }).click();
    const editor = page.getByRole("form", { name: "Edit transaction" });
    await editor.getByLabel("Amount (USD)").fill("999");
    await page.keyboard.press("Escape");
    await expect.poll(() => editor.count(), settle).toBe(0);
    await rows(page, list).filter({ hasText: "$45.50" }).waitFor();

    await rows(page, list)
      .filter({ hasText: "$45.50" })
      .getByRole("button", { name: /^Edit / })
      .click();
    await editor.getByLabel("Amount (USD)").fill("50");
    await editor.getByLabel("Description").fill("Design tools");
    const patched = page.waitForResponse((r) => r.url().includes("/api/v1/transactions/") && r.request().method() === "PATCH");
    await page.keyboard.press("Enter");
    expect((await patched).status()).toBe(200);
    await rows(page, list).filter({ hasText: "$50.00" }).filter({ hasText: "Design tools" }).waitFor();
    expect(await rows(page, list).filter({ hasText: "$45.50" }).count()).toBe(0);

    // Delete the refund, then undo: it comes back with the same figures.
    const refundRow = rows(page, list).filter({ hasText: "-$200.00" });
    const deleted = page.waitForResponse((r) => r.url().includes("/api/v1/transactions/") && r.request().method() === "DELETE");
    await refundRow.getByRole("button", { name: /^Delete / }).click();
    expect((await deleted).status()).toBe(200);
    await expect.poll(() => refundRow.count(), settle).toBe(0);
    const toast = page.getByRole("listitem").filter({ hasText: "Deleted refund of -$200.00" });
    await toast.waitFor();
    await shot("logging-04-deleted");
    const restored = page.waitForResponse((r) => r.url().endsWith("/api/v1/transactions") && r.request().method() === "POST");
    await toast.getByRole("button", { name: "Undo" }).click();
    expect((await restored).status()).toBe(201);
    await rows(page, list).filter({ hasText: "-$200.00" }).filter({ hasText: "Acme Corp" }).waitFor();
    await expect.poll(() => rows(page, list).count(), settle).toBe(4);

    // The stream page agrees after the edit and the undo: 1,200 − 200 income, 50 expenses.
    await page.goto("/streams", { waitUntil: "networkidle" });
    await page.getByRole("link", { name: "Client retainer" }).click();
    await page.getByRole("heading", { level: 1, name: "Client retainer" }).waitFor();
    await expect.poll(() => page.getByTestId("stat-net").innerText(), settle).toBe("$950.00");
    expect(await page.getByTestId("stat-income").innerText()).toBe("$1,000.00");

    // Hours turn the net into an hourly rate: $950.00 over 2 h 30 min.
    const timeForm = page.getByRole("form", { name: "Log time" });
    await timeForm.getByRole("textbox", { name: "Hours" }).fill("2");
    await timeForm.getByRole("textbox", { name: "Minutes" }).fill("30");
    await timeForm.getByLabel("Note").fill("Kick-off call");
    await page.keyboard.press("Enter");
    await page.getByRole("list", { name: "Logged time, newest first" }).getByText("Kick-off call").waitFor();
    await expect.poll(() => page.getByTestId("stat-hours").innerText(), settle).toBe("2 h 30 min");
    expect(await page.getByTestId("stat-hourly").innerText()).toBe("$380.00");
    await shot("logging-05-stream-page-after");

    // Deleting a stream from its own page: the dialog counts its transactions and sends that count with the
    // delete; then the page goes back to the streams with a toast, and nothing asks for the deleted stream again.
    await page.goto("/streams", { waitUntil: "networkidle" });
    await page.getByRole("link", { name: "YouTube channel" }).click();
    await page.getByRole("heading", { level: 1, name: "YouTube channel" }).waitFor();
    await page.getByRole("button", { name: "Delete", exact: true }).click();
    const confirm = page.getByRole("dialog");
    await confirm.getByText("1 transaction will be deleted with it.", { exact: false }).waitFor(settle);
    const removed = page.waitForResponse((r) => r.url().includes("/api/v1/streams/") && r.request().method() === "DELETE");
    await confirm.getByRole("button", { name: "Delete stream and 1 transaction" }).click();
    const removal = await removed;
    expect(removal.status()).toBe(204);
    expect(new URL(removal.url()).searchParams.get("expectedTransactions")).toBe("1");
    await page.waitForURL((u) => u.pathname === "/streams", settle);
    await page
      .getByRole("region", { name: /Notifications/ })
      .getByText("Deleted “YouTube channel”", { exact: true })
      .waitFor(settle);
    await expect.poll(() => page.getByRole("link", { name: "YouTube channel" }).count(), settle).toBe(0);
    await page.getByRole("link", { name: "Client retainer" }).waitFor();

    expect(problems).toEqual([]);
  });
});
