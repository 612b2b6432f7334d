// The Plan page in a real browser with the demo portfolio: the forecast sentence and the salary figures are
// GET /api/v1/plan's, trying a salary refetches them, a salary that is not an amount is the field's error,
// the page passes axe and fits a phone, and screenshots are kept for a person to look at.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
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
