// Diversification, Risk and Concentration on the demo portfolio in a real browser: the figures on the
// page are the API's for the same window, a window change refetches them, no serious accessibility
// violations, and screenshots at desktop and phone widths in both themes for a person to look at.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { formatMoney, formatMonth, formatNumber, formatPercent } from "@/lib/format";
import type { MetricsResult } from "@/lib/metrics/types";
import { launch, openPage, type WatchedPage } from "./browser";
import { newAccount, signUp, expectNoSeriousViolations, expectNoSidewaysScroll } from "./support";

const baseUrl = inject("baseUrl");

type Window = { from: string; to: string };

async function metricsFor(page: Page, w?: Window): Promise<MetricsResult> {
  const res = await page.request.get(w ? `/api/v1/metrics?from=${w.from}&to=${w.to}` : "/api/v1/metrics");
  expect(res.status()).toBe(200);
  return (await res.json()) as MetricsResult;
}

const text = async (page: Page, testId: string) => ((await page.getByTestId(testId).textContent()) ?? "").trim();

/** Clicks a window preset and returns the window the page then asked the API for. */
async function pickWindow(page: Page, name: string, preset: string): Promise<Window> {
  const request = page.waitForRequest((r) => r.url().includes("/api/v1/metrics?"));
  await page.getByRole("button", { name }).click();
  const url = new URL((await request).url());
  await page.waitForURL((u) => u.searchParams.get("w") === preset);
  return { from: url.searchParams.get("from") ?? "", to: url.searchParams.get("to") ?? "" };
}

describe.skipIf(!baseUrl)("dashboards: diversification, risk, concentration", () => {
  let browser: Browser;
  let light: WatchedPage;
  let dark: WatchedPage;

  beforeAll(async () => {
    browser = await launch(inject("chromiumPath"));
    light = await openPage(browser, baseUrl);
    await signUp(light.page, newAccount("dash-b"));
    // The pages of an account without income: the ways in, no empty charts.
    for (const path of ["/diversification", "/risk", "/concentration"]) {
      await light.page.goto(path, { waitUntil: "networkidle" });
      await light.page.getByRole("button", { name: "Load demo data" }).waitFor();
      expect(await light.page.locator("svg.recharts-surface").count()).toBe(0);
    }
    await light.shot("dash-b-empty-concentration");
    const demo = await light.page.request.post("/api/v1/demo");
    expect(demo.status()).toBe(201);
    dark = await openPage(browser, baseUrl, { colorScheme: "dark" });
    await dark.context.addCookies(await light.context.cookies());
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** Screenshots at 1280 and 390 px in both themes; the phone width must not scroll sideways. */
  async function shots(path: string, name: string) {
    for (const [watched, theme] of [
      [light, "light"],
      [dark, "dark"],
    ] as const) {
      await watched.page.setViewportSize({ width: 1280, height: 860 });
      await watched.page.goto(path, { waitUntil: "networkidle" });
      await watched.shot(`dash-b-${name}-1280-${theme}`);
      if (theme === "dark") await expectNoSeriousViolations(watched.page);
      await watched.page.setViewportSize({ width: 390, height: 844 });
      await watched.page.waitForTimeout(200);
      await expectNoSidewaysScroll(watched.page);
      await watched.shot(`dash-b-${name}-390-${theme}`);
    }
  }

  it("diversification shows the API's effective streams, HHI and largest share, and follows the window", async () => {
    const { page, problems } = light;
    const m12 = await metricsFor(page);
    await page.goto("/diversification", { waitUntil: "networkidle" });
    expect(await page.locator("svg.recharts-surface").count()).toBeGreaterThanOrEqual(2);
    expect(await text(page, "effective-streams")).toBe(formatNumber(m12.diversification.effectiveStreams, 1));
    expect(await text(page, "effective-streams-text")).toContain(`behaves like ${formatNumber(m12.diversification.effectiveStreams, 1)} equal streams`);
    expect(await text(page, "hhi")).toBe(formatNumber(m12.diversification.hhi, 2));
    expect(await text(page, "top-stream-share")).toBe(formatPercent(m12.diversification.topStreamShare));
    await expect(page.getByRole("list", { name: "Share of income by stream" }).getByRole("listitem").count()).resolves.toBe(
      m12.streams.filter((s) => s.share !== null).length,
    );
    await expectNoSeriousViolations(page);

    const w = await pickWindow(page, "Last 24 months", "24m");
    const m24 = await metricsFor(page, w);
    const expected = formatNumber(m24.diversification.effectiveStreams, 1);
    await expect.poll(() => text(page, "effective-streams")).toBe(expected);
    expect(await text(page, "hhi")).toBe(formatNumber(m24.diversification.hhi, 2));
    expect([expected, formatNumber(m24.diversification.hhi, 2)]).not.toEqual([
      formatNumber(m12.diversification.effectiveStreams, 1),
      formatNumber(m12.diversification.hhi, 2),
    ]);

    await shots("/diversification", "diversification");
    expect(problems).toEqual([]);
    expect(dark.problems).toEqual([]);
  });

  it("risk shows the API's worst month, volatility and drawdown, and follows the window", async () => {
    const { page, problems } = light;
    await page.setViewportSize({ width: 1280, height: 860 });
    const m12 = await metricsFor(page);
    await page.goto("/risk", { waitUntil: "networkidle" });
    expect(await page.locator("svg.recharts-surface").count()).toBeGreaterThanOrEqual(1);
    expect(await text(page, "worst-month")).toBe(formatMonth(m12.risk.worstMonth.month));
    expect(await text(page, "worst-month-text")).toContain(formatMoney(m12.risk.worstMonth.income, m12.currency));
    expect(await text(page, "volatility")).toBe(formatPercent(m12.risk.cv));
    expect(await text(page, "max-drawdown")).toBe(formatPercent(m12.risk.maxDrawdown));
    expect(await text(page, "diversification-ratio")).toBe(`${formatNumber(m12.risk.diversificationRatio, 1)}×`);
    // The correlation matrix is a table with one row per stream.
    const matrix = page.getByRole("table", { name: "Correlation of monthly income between streams" });
    await expect(matrix.getByRole("rowheader").count()).resolves.toBe(m12.risk.correlations.streamIds.length);
    await expectNoSeriousViolations(page);

    const w = await pickWindow(page, "Last 24 months", "24m");
    const m24 = await metricsFor(page, w);
    await expect.poll(() => text(page, "worst-month-text")).toContain(formatMoney(m24.risk.worstMonth.income, m24.currency));
    expect(await text(page, "worst-month")).toBe(formatMonth(m24.risk.worstMonth.month));
    expect(await text(page, "volatility")).toBe(formatPercent(m24.risk.cv));
    expect(m24.window.months).toBe(24);

    await shots("/risk", "risk");
    expect(problems).toEqual([]);
    expect(dark.problems).toEqual([]);
  });

  it("concentration shows the API's top client and platform shares and stress tests, and follows the window", async () => {
    const { page, problems } = light;
    await page.setViewportSize({ width: 1280, height: 860 });
    const m12 = await metricsFor(page);
    await page.goto("/concentration", { waitUntil: "networkidle" });
    const { client, platform } = m12.concentration;
    expect(await text(page, "top1-client")).toBe(formatPercent(client.top1Share));
    expect(await text(page, "top1-platform")).toBe(formatPercent(platform.top1Share));
    // A bar per client (up to eight) plus the unattributed one.
    const clientBars = page.getByRole("list", { name: "Share of income by client" }).getByRole("listitem");
    await expect(clientBars.count()).resolves.toBe(Math.min(8, client.items.length) + (client.unattributedShare ? 1 : 0));
    await expect(clientBars.first().textContent()).resolves.toContain(client.items[0]?.key ?? "");
    const loss = m12.resilience.lossOfLargestClient;
    const card = ((await page.getByTestId("stress-client").textContent()) ?? "").replace(/\s+/g, " ");
    expect(card).toContain(`If you lost ${loss.key} you would keep ${formatMoney(loss.remainingMonthlyIncome ?? 0, m12.currency, { whole: true })} a month`);
    if (loss.coverage !== null && loss.coverage < 1) expect(card).toContain(`${formatPercent(loss.coverage)} of your essential expenses`);
    if (loss.runwayMonths !== null) expect(card).toContain(`your buffer would last ${formatNumber(loss.runwayMonths, 1)} months`);
    await expectNoSeriousViolations(page);

    const w = await pickWindow(page, "Last 24 months", "24m");
    const m24 = await metricsFor(page, w);
    const remaining = formatMoney(m24.resilience.lossOfLargestClient.remainingMonthlyIncome ?? 0, m24.currency, { whole: true });
    await expect.poll(async () => (await page.getByTestId("stress-client").textContent()) ?? "").toContain(remaining);
    expect(await text(page, "top1-client")).toBe(formatPercent(m24.concentration.client.top1Share));
    expect(remaining).not.toBe(formatMoney(loss.remainingMonthlyIncome ?? 0, m12.currency, { whole: true }));

    await shots("/concentration", "concentration");
    expect(problems).toEqual([]);
    expect(dark.problems).toEqual([]);
  });
});
