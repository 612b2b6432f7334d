// Diversification, Risk and Concentration on the demo portfolio in a real browser: the figures on the
// page are the API's for the same window, a window change refetches them, no serious accessibility
// violations, and screenshots at desktop and phone widths in both themes for a person to look at.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { MetricsResult } from "@/lib/metrics/types";
import { resolveWindow } from "@/lib/metrics/window";
import { launch, openPage, type WatchedPage } from "./browser";
import { expectNoSeriousViolations, expectNoSidewaysScroll, newAccount, revealCharts, signUp, todayOf } from "./support";

const baseUrl = inject("baseUrl");

type Window = { from: string; to: string };

// Figures refresh after the server answers; give them time on a cold server.
const settle = { timeout: 15_000 };

// The page formats with lib/format; the test formats independently with Intl, so a formatting slip shows.
// The demo portfolio is in USD (checked below), whose amounts have two decimals.
const oneDecimal = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });
const twoDecimals = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });
const percentFormat = new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 0 });
const usdFormat = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
const usdWholeFormat = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  minimumFractionDigits: 0,
  maximumFractionDigits: 0,
});
const monthFormat = new Intl.DateTimeFormat("en-US", { month: "short", year: "numeric", timeZone: "UTC" });

const orDash = (value: number | null, format: (v: number) => string) => (value === null ? "—" : format(value));
const num1 = (v: number | null) => orDash(v, (x) => oneDecimal.format(x));
const num2 = (v: number | null) => orDash(v, (x) => twoDecimals.format(x));
const pct = (v: number | null) => orDash(v, (x) => percentFormat.format(x));
const usd = (minor: number) => usdFormat.format(minor / 100);
const usdWhole = (minor: number) => usdWholeFormat.format(minor / 100);
const month = (m: string) => monthFormat.format(new Date(`${m}-01T00:00:00Z`));

async function metricsFor(page: Page, w?: Window): Promise<MetricsResult> {
  const res = await page.request.get(w ? `/api/v1/metrics?from=${w.from}&to=${w.to}` : "/api/v1/metrics");
  expect(res.status()).toBe(200);
  return (await res.json()) as MetricsResult;
}

const text = async (page: Page, testId: string) => ((await page.getByTestId(testId).textContent()) ?? "").trim();

/**
 * Clicks a window preset, waits for the URL to carry it, and returns the months it stands for (complete
 * months counted back from today's month, as the page resolves them). The caller then waits for a figure
 * to change: whichever requests the page makes, only what it shows counts.
 */
async function pickWindow(
  page: Page,
  name: string,
  preset: "3m" | "6m" | "12m" | "24m" | "ytd" | "all",
  basis: MetricsResult,
): Promise<Window> {
  await page.getByRole("button", { name }).click();
  await page.waitForURL((u) => u.searchParams.get("w") === preset);
  const { from, to } = resolveWindow({ w: preset }, await todayOf(page), basis.history.firstMonth);
  return { from, to };
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
    expect((await metricsFor(light.page)).currency).toBe("USD");
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
      await expectNoSidewaysScroll(watched.page);
      await watched.shot(`dash-b-${name}-390-${theme}`);
    }
  }

  it("diversification shows the API's effective streams, HHI and largest share, and follows the window", async () => {
    const { page, problems } = light;
    const m12 = await metricsFor(page);
    await page.goto("/diversification", { waitUntil: "networkidle" });
    await revealCharts(page, 2);
    expect(await text(page, "effective-streams")).toBe(num1(m12.diversification.effectiveStreams));
    expect(await text(page, "effective-streams-text")).toContain(
      `behaves like ${num1(m12.diversification.effectiveStreams)} equal streams`,
    );
    expect(await text(page, "hhi")).toBe(num2(m12.diversification.hhi));
    expect(await text(page, "top-stream-share")).toBe(pct(m12.diversification.topStreamShare));
    await expect(page.getByRole("list", { name: "Share of income by stream" }).getByRole("listitem").count()).resolves.toBe(
      m12.streams.filter((s) => s.share !== null).length,
    );
    await expectNoSeriousViolations(page);

    const w = await pickWindow(page, "Last 24 complete months", "24m", m12);
    const m24 = await metricsFor(page, w);
    const expected = num1(m24.diversification.effectiveStreams);
    await expect.poll(() => text(page, "effective-streams"), settle).toBe(expected);
    expect(await text(page, "hhi")).toBe(num2(m24.diversification.hhi));
    expect([expected, num2(m24.diversification.hhi)]).not.toEqual([
      num1(m12.diversification.effectiveStreams),
      num2(m12.diversification.hhi),
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
    await revealCharts(page, 1);
    // The worst month is a complete one: never the month in progress, which the default window leaves out.
    expect(m12.risk.worstMonth).not.toBeNull();
    expect(m12.risk.worstMonth!.month <= m12.history.to!).toBe(true);
    expect(await text(page, "worst-month")).toBe(month(m12.risk.worstMonth!.month));
    expect(await text(page, "worst-month-text")).toContain(usd(m12.risk.worstMonth!.income));
    expect(await text(page, "volatility")).toBe(pct(m12.risk.cv));
    expect(await text(page, "max-drawdown")).toBe(pct(m12.risk.maxDrawdown));
    // The portfolio's volatility beside the median US family's (cv 0.36), named with its source.
    const reference = await text(page, "volatility-reference");
    expect(reference).toContain(
      `Your whole portfolio's is ${pct(m12.risk.cv)}, ${m12.risk.cv! < 0.355 ? "below" : m12.risk.cv! >= 0.365 ? "above" : "about the same as"} the median US family's 36%`,
    );
    expect(reference).toContain("JPMorgan Chase Institute, Weathering Volatility 2.0 (2019)");
    expect(await text(page, "diversification-ratio")).toBe(`${num1(m12.risk.diversificationRatio)}×`);
    // The correlation matrix is a table with one row per stream.
    const matrix = page.getByRole("table", { name: "Correlation of monthly income between streams" });
    await expect(matrix.getByRole("rowheader").count()).resolves.toBe(m12.risk.correlations.streamIds.length);
    await expectNoSeriousViolations(page);

    const w = await pickWindow(page, "Last 24 complete months", "24m", m12);
    const m24 = await metricsFor(page, w);
    await expect.poll(() => text(page, "worst-month-text"), settle).toContain(usd(m24.risk.worstMonth!.income));
    expect(await text(page, "worst-month")).toBe(month(m24.risk.worstMonth!.month));
    expect(await text(page, "volatility")).toBe(pct(m24.risk.cv));
    expect(m24.window.months).toBe(24);
    // The income chart plots the analysis months only: the demo's 23 complete months, none before its start.
    expect(m24.history.analysisMonths).toBe(23);
    const rows = page.getByRole("region", { name: "Monthly income", exact: true, includeHidden: true }).locator("tbody tr");
    await expect.poll(() => rows.count(), settle).toBe(m24.history.analysisMonths);

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
    expect(await text(page, "top1-client")).toBe(pct(client.top1Share));
    expect(await text(page, "top1-platform")).toBe(pct(platform.top1Share));
    // A bar per client (up to eight) plus the unattributed one.
    const clientBars = page.getByRole("list", { name: "Share of income by client" }).getByRole("listitem");
    await expect(clientBars.count()).resolves.toBe(Math.min(8, client.items.length) + (client.unattributedShare ? 1 : 0));
    await expect(clientBars.first().textContent()).resolves.toContain(client.items[0]?.key ?? "");
    const loss = m12.resilience.lossOfLargestClient;
    const card = ((await page.getByTestId("stress-client").textContent()) ?? "").replace(/\s+/g, " ");
    expect(card).toContain(`If you lost ${loss.key} you would keep ${usdWhole(loss.remainingMonthlyIncome ?? 0)} a month`);
    if (loss.coverage !== null && loss.coverage < 1) expect(card).toContain(`${pct(loss.coverage)} of your essential expenses`);
    if (loss.runwayMonths !== null) expect(card).toContain(`your buffer would last ${num1(loss.runwayMonths)} months`);
    await expectNoSeriousViolations(page);

    const w = await pickWindow(page, "Last 24 complete months", "24m", m12);
    const m24 = await metricsFor(page, w);
    const remaining = usdWhole(m24.resilience.lossOfLargestClient.remainingMonthlyIncome ?? 0);
    await expect.poll(async () => (await page.getByTestId("stress-client").textContent()) ?? "", settle).toContain(remaining);
    expect(await text(page, "top1-client")).toBe(pct(m24.concentration.client.top1Share));
    expect(remaining).not.toBe(usdWhole(loss.remainingMonthlyIncome ?? 0));

    await shots("/concentration", "concentration");
    expect(problems).toEqual([]);
    expect(dark.problems).toEqual([]);
  });
});
