// Expected payments and stream links in a real browser: a schedule added through the stream page's form (a
// wrong amount is the field's error), a logged payment offered as its match and settled with one click, a
// schedule seen late on its stream page and the Overview, then paid from the quick-add bar and marked
// received, the Overview's "still expected" line and the Plan page (and the payments they cannot add up), a stream's links set in its form and shown on its page and on the
// Diversification page, and the stream page on a phone.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { PlanView } from "@/lib/schemas/plan";
import type { OccurrenceView, ScheduleSummaryView } from "@/lib/schemas/schedules";
import { launch, openPage, type WatchedPage } from "./browser";
import { expectNoSeriousViolations, expectNoSidewaysScroll, hydrated, newAccount, revealCharts, signUp, todayOf } from "./support";

const baseUrl = inject("baseUrl");
const settle = { timeout: 15_000 };
const plusDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe.skipIf(!baseUrl)("expected payments and stream links", () => {
  let browser: Browser;
  let w: WatchedPage;
  let acme: string;
  let channel: string;

  beforeAll(async () => {
    browser = await launch(inject("chromiumPath"));
    w = await openPage(browser, baseUrl);
    await signUp(w.page, newAccount("schedules"));
    const make = async (name: string) =>
      ((await (await w.page.request.post("/api/v1/streams", { data: { name } })).json()) as { id: string }).id;
    acme = await make("Acme consulting");
    channel = await make("Design channel");
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("adds a schedule in the stream's form, offers a logged payment as its match and settles it with one click", async () => {
    const { page } = w;
    const today = await todayOf(page);
    const paidOn = plusDays(today, -3);
    const logged = await page.request.post("/api/v1/transactions", {
      data: { streamId: acme, occurredOn: paidOn, amount: "3000.00", counterparty: "Acme Inc." },
    });
    expect(logged.status()).toBe(201);

    await page.goto(`/streams/${acme}`, { waitUntil: "load" });
    const panel = page.getByRole("region", { name: "Expected payments" });
    await panel.getByText("Nothing expected yet").waitFor(settle);
    await panel.getByRole("button", { name: "Add" }).click();
    const dialog = page.getByRole("dialog", { name: "Expect money on Acme consulting" });
    await dialog.getByLabel("Name").fill("Acme retainer");
    await dialog.getByLabel("From").fill("Acme Inc.");
    await dialog.getByLabel("Amount").fill("3000.001");
    // Yearly: its next occurrence is a year away, so nothing more is expected this month.
    await dialog.getByLabel("Repeats").selectOption("yearly");
    await dialog.getByLabel("First due on").fill(plusDays(today, -2));
    await dialog.getByRole("button", { name: "Add expected payment" }).click();
    await expect.poll(() => dialog.getByText(/decimals/).count(), settle).toBe(1);
    expect(await page.request.get(`/api/v1/schedules?stream=${acme}`).then((r) => r.json())).toEqual({ data: [], nextCursor: null });

    await dialog.getByLabel("Amount").fill("3000");
    // A double click saves one schedule.
    await dialog.getByRole("button", { name: "Add expected payment" }).dblclick();
    await expect.poll(() => dialog.isVisible(), settle).toBe(false);
    const list = (await page.request.get(`/api/v1/schedules?stream=${acme}`).then((r) => r.json())) as { data: { id: string }[] };
    expect(list.data).toHaveLength(1);

    const match = page.getByRole("list", { name: "Payments that look like an expected one" });
    await match.waitFor(settle);
    expect(await match.textContent()).toContain("$3,000.00 from Acme Inc.");
    await match.getByRole("button", { name: "Mark as received" }).click();
    const occurrences = page.getByRole("list", { name: "Occurrences of Acme retainer" });
    await expect.poll(() => occurrences.locator("li").first().textContent(), settle).toContain("Received");
    await expect.poll(() => match.count(), settle).toBe(0);
    const api = (await page.request
      .get(`/api/v1/schedules/occurrences?from=${plusDays(today, -2)}&to=${plusDays(today, -2)}`)
      .then((r) => r.json())) as { data: OccurrenceView[] };
    expect(api.data.map((o) => o.status)).toEqual(["received"]);
    await expectNoSeriousViolations(page);
    await w.shot("stream-schedules");
    expect(w.problems).toEqual([]);
  });

  it("creates a schedule, shows it late, takes the payment from the quick-add bar and shows it received", async () => {
    const { page } = w;
    const today = await todayOf(page);
    const dueOn = plusDays(today, -10);

    // A stream, from the Streams page.
    await page.goto("/streams", { waitUntil: "networkidle" });
    await page.getByRole("button", { name: "Add stream" }).first().click();
    const streamDialog = page.getByRole("dialog");
    await streamDialog.getByLabel("Name").fill("Northwind studio");
    await streamDialog.getByRole("button", { name: "Add stream" }).click();
    await expect.poll(() => streamDialog.isVisible(), settle).toBe(false);
    const streams = (await page.request.get("/api/v1/streams").then((r) => r.json())) as { data: { id: string; name: string }[] };
    const northwind = streams.data.find((s) => s.name === "Northwind studio")!.id;

    // Yearly, first due ten days ago with five days' grace: past the grace, so late (and nothing else is
    // due this year, so the Overview's lines are this occurrence's alone).
    await page.goto(`/streams/${northwind}`, { waitUntil: "load" });
    const panel = page.getByRole("region", { name: "Expected payments" });
    await panel.getByText("Nothing expected yet").waitFor(settle);
    await panel.getByRole("button", { name: "Add" }).click();
    const dialog = page.getByRole("dialog", { name: "Expect money on Northwind studio" });
    await dialog.getByLabel("Name").fill("Northwind retainer");
    await dialog.getByLabel("From").fill("Northwind Ltd");
    await dialog.getByLabel("Amount").fill("1200");
    await dialog.getByLabel("Repeats").selectOption("yearly");
    await dialog.getByLabel("First due on").fill(dueOn);
    await dialog.getByLabel("Days of grace").fill("5");
    await dialog.getByRole("button", { name: "Add expected payment" }).click();
    await expect.poll(() => dialog.isVisible(), settle).toBe(false);
    const occurrences = page.getByRole("list", { name: "Occurrences of Northwind retainer" });
    const first = occurrences.locator("li").first();
    await expect.poll(() => first.textContent(), settle).toContain("Late");
    expect(await first.getByText("Late", { exact: true }).count()).toBe(1);

    // The Overview says it is late: the amount, and which payment, 10 days after its due date.
    await page.goto("/overview", { waitUntil: "load" });
    const line = page.getByTestId("this-month-expected");
    await expect.poll(() => line.textContent(), settle).toContain("Late: $1,200.00 (1 payment) · Northwind retainer, 10 days late");
    await w.shot("overview-late");

    // The payment arrives: logged from the quick-add bar on Transactions, same amount and payer, today.
    await page.goto("/transactions", { waitUntil: "load" });
    await hydrated(page, 'form[aria-label="Log a transaction"]');
    const form = page.locator('form[aria-label="Log a transaction"]');
    await form.locator('select[name="streamId"]').selectOption({ label: "Northwind studio" });
    await form.locator('input[name="amount"]').fill("1200");
    await form.locator('input[name="counterparty"]').fill("Northwind Ltd");
    expect(await form.locator('input[name="occurredOn"]').inputValue()).toBe(today);
    await form.locator('input[name="amount"]').press("Enter");
    await expect
      .poll(() => form.getByTestId("quick-add-status").innerText(), settle)
      .toBe("Logged income of $1,200.00 to Northwind studio.");

    // Back on the stream page it is offered as the late occurrence's payment; one click settles it.
    await page.goto(`/streams/${northwind}`, { waitUntil: "load" });
    const match = page.getByRole("list", { name: "Payments that look like an expected one" });
    await match.waitFor(settle);
    expect(await match.textContent()).toContain("$1,200.00 from Northwind Ltd");
    await match.getByRole("button", { name: "Mark as received" }).click();
    await expect.poll(() => first.textContent(), settle).toContain("Received");
    await expect.poll(() => match.count(), settle).toBe(0);
    expect(await occurrences.getByText("Late", { exact: true }).count()).toBe(0);
    const api = (await page.request.get(`/api/v1/schedules/occurrences?from=${dueOn}&to=${dueOn}`).then((r) => r.json())) as {
      data: OccurrenceView[];
    };
    expect(api.data.filter((o) => o.streamId === northwind).map((o) => [o.status, o.transactionId !== null])).toEqual([["received", true]]);

    // And the Overview's late line is gone (once the page has its data and has settled).
    await page.goto("/overview", { waitUntil: "load" });
    await page.getByTestId("this-month-income").waitFor(settle);
    const summary = (await page.request.get("/api/v1/schedules/summary").then((r) => r.json())) as ScheduleSummaryView;
    expect(summary.late.count).toBe(0);
    await page.waitForLoadState("networkidle");
    expect(await page.getByTestId("this-month-expected").filter({ hasText: "Late:" }).count()).toBe(0);
    expect(await page.getByText(/Northwind retainer, \d+ days? late/).count()).toBe(0);
    expect(w.problems).toEqual([]);
  });

  it("shows what is still expected this month on the Overview", async () => {
    const { page } = w;
    const today = await todayOf(page);
    const lastDay = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)), 0)).toISOString().slice(0, 10);
    const created = await page.request.post("/api/v1/schedules", {
      data: { streamId: channel, name: "Sponsor", amount: "450.00", cadence: "monthly", startOn: lastDay },
    });
    expect(created.status()).toBe(201);
    const summary = (await page.request.get("/api/v1/schedules/summary").then((r) => r.json())) as ScheduleSummaryView;
    expect(summary.expected).toMatchObject({ amount: "450.00", count: 1 });
    await page.goto("/overview", { waitUntil: "load" });
    const line = page.getByTestId("this-month-expected");
    await expect.poll(() => line.textContent(), settle).toContain("Still expected this month: $450.00 (1 payment)");

    // One in a currency without an exchange rate cannot be added up: the line says so instead of leaving it out quietly.
    const unpriced = await page.request.post("/api/v1/schedules", {
      data: { streamId: channel, name: "Royalties", amount: "120000", currency: "HUF", cadence: "monthly", startOn: lastDay },
    });
    expect(unpriced.status()).toBe(201);
    const after = (await page.request.get("/api/v1/schedules/summary").then((r) => r.json())) as ScheduleSummaryView;
    expect(after.expected).toMatchObject({ amount: "450.00", count: 1 });
    expect(after.warnings).toEqual([{ code: "missing-fx-rate", currency: "HUF", count: 1 }]);
    await page.goto("/overview", { waitUntil: "load" });
    await expect.poll(() => line.textContent(), settle).toContain("1 payment in HUF left out: no exchange rate to USD yet.");
    await expectNoSeriousViolations(page);
    // The Plan page's forecast leaves out the coming HUF payments too, and says so.
    const plan = (await page.request.get("/api/v1/plan").then((r) => r.json())) as PlanView;
    const huf = plan.warnings.find((x) => x.code === "missing-fx-rate-scheduled");
    expect(huf).toMatchObject({ currency: "HUF" });
    expect(huf!.count).toBeGreaterThan(0);
    await page.goto("/plan", { waitUntil: "load" });
    await expect
      .poll(() => page.getByTestId("plan-warnings").textContent(), settle)
      .toContain(`${huf!.count} expected payments in HUF left out of the forecast: no exchange rate to USD for today.`);
    await expectNoSeriousViolations(page);
  });

  it("keeps which stream feeds which, from the stream form to the stream page and the Diversification page", async () => {
    const { page } = w;
    // A complete month of income for both, so the Diversification page has figures to draw.
    const today = await todayOf(page);
    const lastMonth = `${plusDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7)}-10`;
    await page.request.post("/api/v1/transactions", {
      data: [
        { streamId: acme, occurredOn: lastMonth, amount: "600.00" },
        { streamId: channel, occurredOn: lastMonth, amount: "400.00" },
      ],
    });
    await page.goto(`/streams/${channel}`, { waitUntil: "load" });
    await page.getByRole("button", { name: "Edit" }).first().click();
    const dialog = page.getByRole("dialog", { name: "Edit “Design channel”" });
    await dialog.getByLabel("Acme consulting").check();
    await dialog.getByRole("button", { name: "Save changes" }).click();
    await expect.poll(() => dialog.isVisible(), settle).toBe(false);
    await expect.poll(() => page.getByTestId("stream-links").textContent(), settle).toContain("Feeds Acme consulting");

    await page.goto(`/streams/${acme}`, { waitUntil: "load" });
    await expect.poll(() => page.getByTestId("stream-links").textContent(), settle).toContain("Fed by Design channel");

    await page.goto("/diversification", { waitUntil: "load" });
    await revealCharts(page, 1);
    const feeders = page.getByTestId("stream-feeders");
    await feeders.scrollIntoViewIfNeeded();
    // 40% of the income is the channel's own, 60% is Acme's, which it feeds: all of it depends on the channel.
    await expect
      .poll(() => feeders.textContent(), settle)
      .toContain("Design channel feeds Acme consulting: 100% of your income depends on it.");
    expect(await page.getByTestId("stream-links-diagram").getAttribute("aria-label")).toBe(
      "Links between streams: Design channel feeds Acme consulting.",
    );
    await w.shot("diversification-links");
    expect(w.problems).toEqual([]);
  });

  it("fits a phone", async () => {
    const phone = await openPage(browser, baseUrl, { width: 390, height: 844 });
    await phone.context.addCookies(await w.context.cookies());
    await phone.page.goto(`/streams/${acme}`, { waitUntil: "load" });
    await phone.page.getByRole("list", { name: "Occurrences of Acme retainer" }).waitFor(settle);
    await expectNoSidewaysScroll(phone.page);
    await expectNoSeriousViolations(phone.page);
    await phone.shot("stream-schedules-390");
    expect(phone.problems).toEqual([]);
    await phone.context.close();
  });
});
