// The Plan page in a real browser with the demo portfolio: the forecast sentence and the salary figures are
// GET /api/v1/plan's, the tax set-aside is the metrics' tax block, trying a salary refetches them, a salary that is not an amount is the field's error,
// the Overview's tax line is this month's tax block (checked by hand against METRICS.md), streams that stopped earning are named in the
// silent panel as the plan's silentStreams say, the page passes axe and fits a phone, and screenshots are kept for a person to look at.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { MetricsView } from "@/lib/schemas/metrics";
import type { PlanView } from "@/lib/schemas/plan";
import { launch, openPage, type WatchedPage } from "./browser";
import { expectNoSeriousViolations, expectNoSidewaysScroll, newAccount, revealCharts, signUp, todayOf } from "./support";

const baseUrl = inject("baseUrl");
const settle = { timeout: 15_000 };
// Formatted independently of lib/format: whole dollars, as the page shows them.
const usd = (minor: number) =>
  new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 }).format(minor / 100);
// With cents, as the Overview shows money.
const usdCents = (minor: number) =>
  new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
    minor / 100,
  );
const plusDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
// "2026-11-20" → "Nov 20, 2026"; "1 day", "11 days", "7.6 days": the silent panel's words, written out here.
const longDate = (date: string) =>
  new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${date}T00:00:00Z`));
const dayCount = (n: number) => (n === 1 ? "1 day" : `${new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 }).format(n)} days`);

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
    // The refused salary is the API's 422, which the browser logs; nothing else went wrong.
    expect(w.problems).toEqual(["console: Failed to load resource: the server responded with a status of 422 (Unprocessable Entity)"]);
    w.problems.length = 0;
  });

  it("sets aside this month's tax on the Overview as the metrics' tax block says", async () => {
    const { page } = w;
    const today = await todayOf(page);
    const month = today.slice(0, 7);
    // Income today, so the month is positive whatever the demo has logged so far: one stream on the default rate
    // (25%) and one with its own rate (40%).
    const own = await page.request.post("/api/v1/streams", { data: { name: "Voiceover gigs", taxRate: "0.4" } });
    expect(own.status()).toBe(201);
    const logged = await page.request.post("/api/v1/transactions", {
      data: [
        { stream: "Etsy templates", occurredOn: today, amount: "1000.00" },
        { stream: "Voiceover gigs", occurredOn: today, amount: "500.00" },
      ],
    });
    expect(logged.status()).toBe(201);

    const metrics = (await (await page.request.get(`/api/v1/metrics?from=${month}&to=${month}`)).json()) as MetricsView;
    // By hand (METRICS.md Tax set-aside): setAside(m) = max(0, Σ_s rate_s · (I_s(m) − X_s(m))), rate_s the stream's own, else the default.
    const settings = (await (await page.request.get("/api/v1/settings")).json()) as { taxRate: number | null };
    const listed = (await (await page.request.get("/api/v1/streams")).json()) as { data: { id: string; taxRate: number | null }[] };
    const rateOf = new Map(listed.data.map((s) => [s.id, s.taxRate ?? settings.taxRate ?? 0]));
    expect(settings.taxRate).toBe(0.25);
    expect(rateOf.get(metrics.streams.find((s) => s.name === "Voiceover gigs")!.id)).toBe(0.4);
    const byHand = Math.max(
      0,
      metrics.streams.reduce((sum, s) => sum + rateOf.get(s.id)! * (s.income - s.expenses), 0),
    );
    // today's two incomes alone are 0.25 · 100,000 + 0.4 · 50,000 = 45,000 minor units of it
    expect(byHand).toBeGreaterThanOrEqual(45_000 - 1e-6);
    expect(metrics.tax.setAside).toBeCloseTo(byHand, 6);
    expect(metrics.tax.byMonth).toEqual([{ month, setAside: metrics.tax.setAside }]);

    await page.goto("/overview", { waitUntil: "load" });
    const line = page.getByTestId("this-month-tax");
    await line.waitFor(settle);
    expect(await line.textContent()).toBe(`Set aside ${usdCents(metrics.tax.setAside)} of this month\u2019s income for taxes.`);
    expect(w.problems).toEqual([]);
  });

  it("names a stream that has gone silent, with the days since its last income and its usual gap, as the plan says", async () => {
    const { page } = w;
    const today = await todayOf(page);
    // Daily incomes: "Print shop" from 20 to 11 days ago, "Tip jar" from 12 to 3 days ago (10 dates each, within the 180 days).
    // Gaps 1,1,…,1 (9 of them) → h = 8 · 0.9 = 7.2 → q_0.9 = 1 + 0.2 · (1 − 1) = 1 day; silent when daysSinceLast > max(3, 2 · 1) = 3.
    // Print shop: last income 11 days ago, 11 > 3 → silent. Tip jar: 3 days ago, 3 > 3 is false → still earning (the threshold).
    const quiet = { name: "Print shop", last: 11 };
    const earning = { name: "Tip jar", last: 3 };
    for (const s of [quiet, earning]) {
      expect((await page.request.post("/api/v1/streams", { data: { name: s.name } })).status()).toBe(201);
      const days = Array.from({ length: 10 }, (_, i) => plusDays(today, -(s.last + 9) + i));
      const res = await page.request.post("/api/v1/transactions", {
        data: days.map((occurredOn) => ({ stream: s.name, occurredOn, amount: "12.00" })),
      });
      expect(res.status()).toBe(201);
    }

    const plan = (await (await page.request.get("/api/v1/plan")).json()) as PlanView;
    const entry = (name: string) => plan.silentStreams.find((s) => s.name === name);
    expect(entry(quiet.name)).toMatchObject({
      lastIncomeOn: plusDays(today, -11),
      daysSinceLast: 11,
      expectedGapDays: 1,
      silent: true,
    });
    expect(entry(earning.name)).toMatchObject({
      lastIncomeOn: plusDays(today, -3),
      daysSinceLast: 3,
      expectedGapDays: 1,
      silent: false,
    });

    await page.goto("/plan", { waitUntil: "load" });
    const panel = page.getByTestId("silent-streams");
    const row = (name: string) => panel.locator("li").filter({ has: page.getByText(name, { exact: true }) });
    await row(quiet.name).waitFor(settle);
    const q = entry(quiet.name)!;
    const quietText = await row(quiet.name).textContent();
    expect(quietText).toContain(
      `No income for ${dayCount(q.daysSinceLast)} (on ${longDate(q.lastIncomeOn)}); it usually earns every ${dayCount(q.expectedGapDays)}.`,
    );
    expect(quietText).toContain("Silent");
    const e = entry(earning.name)!;
    const earningText = await row(earning.name).textContent();
    expect(earningText).toContain(
      `Last income ${dayCount(e.daysSinceLast)} ago (on ${longDate(e.lastIncomeOn)}); it usually earns every ${dayCount(e.expectedGapDays)}.`,
    );
    expect(earningText).toContain("Earning");
    await w.shot("plan-silent-1280");
    expect(w.problems).toEqual([]);
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
