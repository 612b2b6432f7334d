// Overview, Goals and the Resilience checklist in a real browser: an empty account is offered the demo,
// the figures on each page are the API's for the same window, a window change refetches them, a goal set
// in the form shows up, a threshold edited in place moves the rule and the score, no serious accessibility
// violations, and screenshots at desktop and phone widths in both themes for a person to look at.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { addMonths, monthOf } from "@/lib/metrics/months";
import type { MetricsResult } from "@/lib/metrics/types";
import { resolveWindow } from "@/lib/metrics/window";
import { launch, openPage, type WatchedPage } from "./browser";
import {
  expectNoSeriousViolations,
  expectNoSidewaysScroll,
  monthName,
  monthRange,
  newAccount,
  revealCharts,
  signUp,
  todayOf,
} from "./support";

const baseUrl = inject("baseUrl");
// Figures refresh after the server answers; give them time on a cold server.
const settle = { timeout: 15_000 };

type Window = { from: string; to: string };

// The page formats with lib/format; the test formats independently with Intl, so a formatting slip shows.
const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
const percent = new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 0 });

async function metricsFor(page: Page, w?: Window): Promise<MetricsResult> {
  const res = await page.request.get(w ? `/api/v1/metrics?from=${w.from}&to=${w.to}` : "/api/v1/metrics");
  expect(res.status()).toBe(200);
  return (await res.json()) as MetricsResult;
}

const text = async (page: Page, testId: string) => ((await page.getByTestId(testId).first().textContent()) ?? "").trim();

/** Waits until a figure on the page shows the expected text (it changes once the refetch lands). */
async function expectText(page: Page, testId: string, expected: string) {
  await expect.poll(() => text(page, testId), settle).toBe(expected);
}

describe.skipIf(!baseUrl)("dashboards: overview, goals, resilience", () => {
  let browser: Browser;
  let light: WatchedPage;
  let dark: WatchedPage;
  /** The API's default window (the 12 complete months before this one, for the demo's two years): what the pages open with. */
  let year: MetricsResult;
  /** Today's month alone, which the "this month" panels show whatever the window. */
  let month: MetricsResult;
  let today: string;

  beforeAll(async () => {
    browser = await launch(inject("chromiumPath"));
    light = await openPage(browser, baseUrl);
    dark = await openPage(browser, baseUrl, { colorScheme: "dark" });
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** Screenshots at 1280 and 390 px in both themes; axe on each; the phone width must not scroll sideways. */
  async function shots(path: string, name: string) {
    for (const [watched, theme] of [
      [light, "light"],
      [dark, "dark"],
    ] as const) {
      await watched.page.setViewportSize({ width: 1280, height: 860 });
      await watched.page.goto(path, { waitUntil: "networkidle" });
      await watched.shot(`dash-a-${name}-1280-${theme}`);
      await expectNoSeriousViolations(watched.page);
      await watched.page.setViewportSize({ width: 390, height: 844 });
      await watched.page.goto(path, { waitUntil: "networkidle" });
      await expectNoSidewaysScroll(watched.page);
      await watched.shot(`dash-a-${name}-390-${theme}`);
    }
  }

  it("offers the demo on an empty overview, and loading it fills the page", async () => {
    const { page } = light;
    await signUp(page, newAccount("dash-a"));
    await dark.context.addCookies(await light.context.cookies());
    await page.goto("/overview", { waitUntil: "networkidle" });
    expect(await page.locator("svg.recharts-surface").count()).toBe(0);
    await light.shot("dash-a-overview-empty");
    await expectNoSeriousViolations(page);

    await page.getByRole("button", { name: "Load demo data" }).click();
    await page.getByTestId("resilience-score").waitFor(settle);
    await page.locator("svg.recharts-surface").first().waitFor(settle);
    year = await metricsFor(page);
    today = await todayOf(page);
    month = await metricsFor(page, { from: monthOf(today), to: monthOf(today) });
    expect(year.streams.length).toBeGreaterThan(3);
    // The default window is complete months: it ends the month before this one.
    expect(year.window).toMatchObject({ to: addMonths(monthOf(today), -1), months: 12 });
    expect(year.history.analysisMonths).toBe(12);
    expect(light.problems).toEqual([]);
  });

  it("overview: the score, this month and the totals are the API's, and follow the window", async () => {
    const { page } = light;
    await page.goto("/overview", { waitUntil: "networkidle" });
    await revealCharts(page, 2);

    // This month so far, from its own one-month window: the page's window holds complete months only.
    await expectText(page, "this-month-income", usd.format(month.totals.income / 100));
    await expectText(page, "resilience-score", String(year.resilienceScore));
    await expectText(page, "based-on", `Based on 12 complete months, ${monthRange(year.window.from, year.window.to)}.`);
    await expect.poll(() => page.getByText(usd.format(year.totals.income / 100)).count(), settle).toBeGreaterThan(0);
    // The move of the score is the difference of two API answers: this window's and the one before, when
    // that one has a score of its own (three complete months or more since the first record).
    const before = await metricsFor(page, { from: addMonths(year.window.from, -12), to: addMonths(year.window.from, -1) });
    if (before.resilienceScore !== null && year.resilienceScore !== null && before.resilienceScore !== year.resilienceScore) {
      expect(before.history.analysisMonths).toBeGreaterThanOrEqual(3);
      await expect
        .poll(() => text(page, "score-move"), settle)
        .toContain(`${Math.abs(year.resilienceScore - before.resilienceScore)} from ${before.resilienceScore}`);
    }
    // The month-end projection follows the demo's own pattern and is said so.
    const goal = month.goals.months.find((g) => g.streamId === null);
    if (goal?.projected != null && goal.progress < 1) {
      await expect
        .poll(() => text(page, "this-month-verdict"), settle)
        .toContain(`you’ll end ${monthName(monthOf(today))} at ${usd.format(goal.projected / 100)}`);
    }
    // Each failing or warning rule is listed with advice.
    const flagged = year.rules.filter((r) => r.status === "warn" || r.status === "fail");
    expect(await page.getByTestId("attention-rules").locator("li").count()).toBe(flagged.length);

    // Last 3 complete months: the URL changes, the API is asked for the new window and the page shows its figures.
    await page.getByRole("button", { name: "Last 3 complete months" }).click();
    await page.waitForURL((u) => u.searchParams.get("w") === "3m");
    const w3 = resolveWindow({ w: "3m" }, today, year.history.firstMonth);
    expect(w3).toMatchObject({ from: addMonths(monthOf(today), -3), to: addMonths(monthOf(today), -1) });
    const quarter = await metricsFor(page, w3);
    await expectText(page, "based-on", `Based on 3 complete months, ${monthRange(w3.from, w3.to)}.`);
    expect(quarter.totals.income).not.toBe(year.totals.income);
    await expect.poll(() => page.getByText(usd.format(quarter.totals.income / 100)).count(), settle).toBeGreaterThan(0);
    expect(await page.getByText(usd.format(year.totals.income / 100)).count()).toBe(0);
    await expectText(page, "resilience-score", String(quarter.resilienceScore));
    // This month does not follow the window.
    await expectText(page, "this-month-income", usd.format(month.totals.income / 100));

    // The window survives the sidebar: to Streams and back to Overview keeps the three months.
    const main = page.getByRole("navigation", { name: "Main" }).first();
    await main.getByRole("link", { name: "Streams" }).click();
    await page.waitForURL("**/streams");
    await expect.poll(() => main.getByRole("link", { name: "Overview" }).getAttribute("href"), settle).toBe("/overview?w=3m");
    await main.getByRole("link", { name: "Overview" }).click();
    await page.waitForURL((u) => u.pathname === "/overview" && u.searchParams.get("w") === "3m");
    await expect.poll(() => page.getByRole("button", { name: "Last 3 complete months" }).getAttribute("aria-pressed"), settle).toBe("true");
    await expectText(page, "resilience-score", String(quarter.resilienceScore));
    // And back to the default window, which the sidebar then carries as the plain link.
    await page.getByRole("button", { name: "Last 12 complete months" }).click();
    await page.waitForURL((u) => u.searchParams.get("w") === "12m");
    await expect.poll(() => main.getByRole("link", { name: "Goals" }).getAttribute("href"), settle).toBe("/goals?w=12m");
    expect(light.problems).toEqual([]);
  });

  it("goals: progress and hit rate are the API's, and a goal set in the form shows up", async () => {
    const { page } = light;
    await page.goto("/goals", { waitUntil: "networkidle" });
    const current = monthOf(today);
    // This month's bars come from today's month alone; the history and hit rate from the window.
    const portfolio = month.goals.months.find((g) => g.month === current && g.streamId === null);
    expect(portfolio).toBeDefined();
    expect(portfolio?.status).toBe("current");
    const bars = page.getByTestId("month-progress").getByRole("progressbar");
    expect(await bars.count()).toBe(month.goals.months.filter((g) => g.month === current).length);
    expect(await bars.first().getAttribute("aria-valuetext")).toContain(
      `${usd.format((portfolio?.actual ?? 0) / 100)} of ${usd.format((portfolio?.target ?? 0) / 100)}`,
    );
    await expectText(page, "hit-rate", percent.format(year.goals.hitRate ?? 0));
    expect(year.goals.months.every((g) => g.status === "hit" || g.status === "missed")).toBe(true);

    // A stream without a goal gets one from this month on: it appears in the steps and this month's bars.
    const withGoal = new Set(month.goals.months.map((g) => g.streamId));
    const stream = month.streams.find((s) => !withGoal.has(s.id) && year.streams.some((y) => y.id === s.id));
    expect(stream).toBeDefined();
    const name = stream?.name ?? "";
    await page.getByLabel("For").selectOption({ label: name });
    await page.getByLabel("Monthly goal (USD)").fill("250");
    await page.getByRole("button", { name: "Set goal" }).click();
    await page.getByText("Goal set", { exact: true }).waitFor(settle);
    const steps = page.getByTestId("goal-steps").getByRole("region", { name });
    await steps.getByText("$250.00").waitFor(settle);
    await page
      .getByTestId("month-progress")
      .getByRole("progressbar", { name: new RegExp(`^${name},`) })
      .waitFor(settle);
    const after = await metricsFor(page, { from: current, to: current });
    expect(
      after.goals.months.some((g) => g.month === current && g.streamId === stream?.id && g.target === 25_000 && g.status === "current"),
    ).toBe(true);
    await expectText(page, "hit-rate", percent.format((await metricsFor(page)).goals.hitRate ?? 0));

    // A bad amount is refused by the field, and nothing is sent.
    await page.getByLabel("Monthly goal (USD)").fill("lots");
    await page.getByRole("button", { name: "Set goal" }).click();
    await page.getByText("Enter an amount like 5000.00 (USD).").waitFor();
    expect(light.problems).toEqual([]);
  });

  it("resilience: rule values and the score are the API's; a threshold edited in place moves them", async () => {
    const { page } = light;
    await page.goto("/resilience", { waitUntil: "networkidle" });
    await expectText(page, "resilience-score", String(year.resilienceScore));
    const client = year.rules.find((r) => r.id === "client-concentration");
    expect(client?.value).not.toBeNull();
    await expectText(page, "rule-value-client-concentration", percent.format(client?.value ?? 0));
    const row = page.locator('[data-rule="client-concentration"]');

    // Impossible to fail: the rule passes whatever the demo's largest client brings in.
    await page.getByRole("button", { name: "Edit thresholds of Largest client share" }).click();
    await page.getByLabel("Largest client share: Pass at most in percent").fill("100");
    await page.getByLabel("Largest client share: Warn at most in percent").fill("90");
    await page.getByRole("button", { name: "Save thresholds of Largest client share" }).click();
    // warn below pass is refused by the field before anything is saved
    await row.getByText("The warn threshold must be at least the pass threshold.").waitFor();
    await page.getByLabel("Largest client share: Warn at most in percent").fill("100");
    await page.getByRole("button", { name: "Save thresholds of Largest client share" }).click();
    await row.getByText("Custom thresholds").waitFor(settle);
    const edited = await metricsFor(page);
    expect(edited.rules.find((r) => r.id === "client-concentration")?.status).toBe("pass");
    await expect.poll(() => row.getAttribute("data-status"), settle).toBe("pass");
    await expectText(page, "resilience-score", String(edited.resilienceScore));
    if (client?.status !== "pass") expect(edited.resilienceScore).toBeGreaterThan(year.resilienceScore ?? 0);

    // Reset brings back the defaults, and the score with them; other overrides would have been kept.
    await page.getByRole("button", { name: "Reset to default (Largest client share)" }).click();
    await expect.poll(() => row.getByText("Custom thresholds").count(), settle).toBe(0);
    await expectText(page, "resilience-score", String(year.resilienceScore));
    expect(await row.getAttribute("data-status")).toBe(client?.status);
    expect(light.problems).toEqual([]);
  });

  it("each page passes axe and fits a phone, in both themes", async () => {
    await shots("/overview", "overview");
    await shots("/goals", "goals");
    await shots("/resilience", "resilience");
    expect(light.problems).toEqual([]);
    expect(dark.problems).toEqual([]);
  });
});
