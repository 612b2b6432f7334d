// The Plan page in a real browser with the demo portfolio: the forecast sentence and the salary figures are
// GET /api/v1/plan's, the tax set-aside is the metrics' tax block, trying a salary refetches them, a salary that is not an amount is the field's error,
// the page passes axe and fits a phone, and screenshots are kept for a person to look at.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { MetricsView } from "@/lib/schemas/metrics";
import type { PlanView } from "@/lib/schemas/plan";
import { launch, openPage, type WatchedPage } from "./browser";
import { expectNoSeriousViolations, expectNoSidewaysScroll, newAccount, revealCharts, signUp } from "./support";

const baseUrl = inject("baseUrl");
const settle = { timeout: 15_000 };
// Formatted independently of lib/format: whole dollars, as the page shows them.
const usd = (minor: number) =>
  new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 }).format(minor / 100);

describe.skipIf(!baseUrl)("the Plan page", () => {
  let browser: Browser;
  let w: WatchedPage;

  beforeAll(async () => {
    browser = await launch(inject("chromiumPath"));
    w = await openPage(browser, baseUrl);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("shows the API's forecast and salary, and answers a salary tried in the form", async () => {
    const { page } = w;
    await signUp(page, newAccount("plan"));
    expect((await page.request.post("/api/v1/demo")).ok()).toBe(true);
    const plan = (await (await page.request.get("/api/v1/plan")).json()) as PlanView;
    const next = plan.forecast.months[0]!;
    expect(plan.history.months).toBeGreaterThanOrEqual(3);

    await page.getByRole("link", { name: "Plan" }).first().click();
    await page.waitForURL("**/plan");
    const forecast = page.getByTestId("forecast-text");
    await expect.poll(() => forecast.textContent(), settle).toContain(`about ${usd(next.expected)}`);
    expect(await forecast.textContent()).toContain(`between ${usd(next.low!)} and ${usd(next.high!)}`);
    await revealCharts(page, 1);
    // one row per active stream in the breakdown
    await expect(page.getByRole("region", { name: "Next month by stream" }).locator("tbody tr").count()).resolves.toBe(
      plan.forecast.streams.length,
    );
    expect(await page.getByTestId("salary-sustainable").textContent()).toContain(usd(plan.salary.sustainable!));
    // The demo sets aside 25%: the tax panel shows the metrics' tax block for the default window.
    const metrics = (await (await page.request.get("/api/v1/metrics")).json()) as MetricsView;
    expect(metrics.tax.setAside).toBeGreaterThan(0);
    const tax = await page.getByTestId("tax-text").textContent();
    expect(tax).toContain(`set aside ${usd(metrics.tax.setAside)}`);
    expect(tax).toContain(`you kept ${usd(metrics.tax.afterTaxNet)} of your ${usd(metrics.totals.net)} net income`);
    await w.shot("plan-1280");

    const tried = (await (await page.request.get("/api/v1/plan?salary=9000")).json()) as PlanView;
    await page.getByLabel(/Try a monthly salary/).fill("9000");
    await page.getByRole("button", { name: "Check" }).click();
    const target = page.getByTestId("salary-target");
    await expect.poll(() => target.textContent(), settle).toContain(`Paying ${usd(900_000)} every month`);
    expect(await target.textContent()).toContain(`in ${tried.salary.monthsCovered} of ${tried.history.months} months`);
    await expectNoSeriousViolations(page);
    expect(w.problems).toEqual([]);

    await page.getByLabel(/Try a monthly salary/).fill("nine thousand");
    await page.getByRole("button", { name: "Check" }).click();
    await expect.poll(() => page.getByText("amount must be a decimal number").count(), settle).toBe(1);
    // the figures stay: nothing on the page went blank
    expect(await page.getByTestId("salary-sustainable").textContent()).toContain(usd(plan.salary.sustainable!));
  });

  it("takes tax rates as percentages in Settings and on a stream, and refuses one that is not", async () => {
    const { page } = w;
    const taxRate = async () => ((await (await page.request.get("/api/v1/settings")).json()) as { taxRate: number | null }).taxRate;
    await page.goto("/settings", { waitUntil: "networkidle" });
    const field = page.getByLabel("Tax set-aside (%)");
    await expect.poll(() => field.inputValue(), settle).toBe("25");
    await field.fill("150");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect.poll(() => page.getByText("A percentage from 0 to 100").count(), settle).toBe(1);
    expect(await taxRate()).toBe(0.25);
    await field.fill("7.5");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect.poll(taxRate, settle).toBe(0.075);
    await field.fill("");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect.poll(taxRate, settle).toBeNull();

    await page.goto("/streams", { waitUntil: "networkidle" });
    await page.getByRole("button", { name: "Add stream" }).first().click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Name").fill("Caption bot");
    await dialog.getByLabel("Tax set-aside (%)").fill("30");
    await dialog.getByRole("button", { name: "Add stream" }).click();
    await expect.poll(() => dialog.isVisible(), settle).toBe(false);
    const streams = (await (await page.request.get("/api/v1/streams")).json()) as { data: { name: string; taxRate: number | null }[] };
    expect(streams.data.find((s) => s.name === "Caption bot")?.taxRate).toBe(0.3);
    // a stream left empty takes the default
    expect(streams.data.find((s) => s.name === "Etsy templates")?.taxRate).toBeNull();
  });

  it("fits a phone in dark mode", async () => {
    const phone = await openPage(browser, baseUrl, { width: 390, height: 844, colorScheme: "dark" });
    await phone.context.addCookies(await w.context.cookies());
    await phone.page.goto("/plan", { waitUntil: "networkidle" });
    await phone.page.getByTestId("forecast-text").waitFor(settle);
    await expectNoSidewaysScroll(phone.page);
    await expectNoSeriousViolations(phone.page);
    await phone.shot("plan-390-dark");
    expect(phone.problems).toEqual([]);
    await phone.context.close();
  });
});
