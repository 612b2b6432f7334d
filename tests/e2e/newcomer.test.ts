// A real history is short: a user who started recording a few months ago. In a real browser, through the
// API with the session: three complete months of two retainers give a "based on 3 complete months" line,
// a score, and a risk chart with no empty months before the start (even in a 12-month window); one
// complete month explains when the score will appear; a first month shows this month's money, not "no
// income". Screenshots of the three-month newcomer at desktop and phone widths for a person to look at.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { addMonths, monthOf } from "@/lib/metrics/months";
import type { MetricsResult } from "@/lib/metrics/types";
import { launch, openPage, type WatchedPage } from "./browser";
import { expectNoSeriousViolations, expectNoSidewaysScroll, newAccount, signUp, todayOf, monthName, monthRange } from "./support";

const baseUrl = inject("baseUrl");
const settle = { timeout: 15_000 };

// Formatted independently of lib/format, so a formatting slip shows.

const text = async (page: Page, testId: string) =>
  ((await page.getByTestId(testId).first().textContent()) ?? "").replace(/\s+/g, " ").trim();

async function metricsFor(page: Page, w?: { from: string; to: string }): Promise<MetricsResult> {
  const res = await page.request.get(w ? `/api/v1/metrics?from=${w.from}&to=${w.to}` : "/api/v1/metrics");
  expect(res.status()).toBe(200);
  return (await res.json()) as MetricsResult;
}

/**
 * Two retainers (clients named, no platform) paid in each of `complete` months before this one, and the
 * first of them on the 1st of this month too; a portfolio goal from the first month. Returns F.
 */
async function recordHistory(page: Page, today: string, complete: number): Promise<string> {
  const current = monthOf(today);
  const ids: string[] = [];
  for (const name of ["Acme retainer", "Globex retainer"]) {
    const res = await page.request.post("/api/v1/streams", { data: { name, kind: "freelance", role: "anchor" } });
    expect(res.status()).toBe(201);
    ids.push(((await res.json()) as { id: string }).id);
  }
  const [acme, globex] = ids as [string, string];
  const first = addMonths(current, -complete);
  const items: unknown[] = [];
  for (let i = 0; i < complete; i++) {
    const m = addMonths(first, i);
    items.push({
      streamId: acme,
      kind: "income",
      occurredOn: `${m}-01`,
      amount: "4000.00",
      counterparty: "Acme Corp",
      description: "Retainer",
    });
    items.push({
      streamId: globex,
      kind: "income",
      occurredOn: `${m}-05`,
      amount: "2000.00",
      counterparty: "Globex",
      description: "Retainer",
    });
  }
  items.push({
    streamId: acme,
    kind: "income",
    occurredOn: `${current}-01`,
    amount: "4000.00",
    counterparty: "Acme Corp",
    description: "Retainer",
  });
  const tx = await page.request.post("/api/v1/transactions", { data: items });
  expect(tx.status()).toBe(201);
  const goal = await page.request.post("/api/v1/goals", {
    data: { streamId: null, amount: "7000.00", effectiveFrom: complete > 0 ? first : current },
  });
  expect(goal.status()).toBe(201);
  return complete > 0 ? first : current;
}

describe.skipIf(!baseUrl)("a newcomer's short history", () => {
  let browser: Browser;
  let watched: WatchedPage;

  beforeAll(async () => {
    browser = await launch(inject("chromiumPath"));
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("three complete months: the based-on line, a score, and no months before the start in the risk chart", async () => {
    watched = await openPage(browser, baseUrl);
    const { page, problems, shot } = watched;
    await signUp(page, newAccount("newcomer-3"));
    const today = await todayOf(page);
    const first = await recordHistory(page, today, 3);
    const last = addMonths(monthOf(today), -1);

    // The API: the default window is the three complete months since the first record.
    const m = await metricsFor(page);
    expect(m.window).toMatchObject({ from: first, to: last, months: 3 });
    expect(m.history).toEqual({ firstMonth: first, analysisMonths: 3, from: first, to: last });
    expect(m.resilienceScore).not.toBeNull();

    await page.goto("/overview", { waitUntil: "networkidle" });
    expect(await text(page, "based-on")).toBe(`Based on 3 complete months, ${monthRange(first, last)}.`);
    expect(await text(page, "resilience-score")).toBe(String(m.resilienceScore));
    // Nothing to compare with before the first record: no "up 29 from 0".
    expect(await page.getByTestId("score-move").count()).toBe(0);
    // This month so far, with the month-end projection in the owner's own pattern.
    const thisMonth = await metricsFor(page, { from: monthOf(today), to: monthOf(today) });
    const goal = thisMonth.goals.months.find((g) => g.streamId === null);
    expect(goal?.status).toBe("current");
    expect(await text(page, "this-month-income")).toBe("$4,000.00");
    if (goal && goal.projected !== null && goal.progress < 1) {
      expect(await text(page, "this-month-verdict")).toContain("If the rest of the month goes like your recent months");
    }
    // The "All" preset is pressed: the default window is every complete month since the first record.
    expect(await page.getByRole("button", { name: "every complete month since your first record" }).getAttribute("aria-pressed")).toBe(
      "true",
    );

    // Risk: the chart plots the three complete months only.
    await page.goto("/risk", { waitUntil: "networkidle" });
    // The chart's numbers (under "Show the numbers"): one row per plotted month.
    const rows = page.getByRole("region", { name: "Monthly income", exact: true, includeHidden: true }).locator("tbody tr");
    expect(await rows.count()).toBe(3);
    expect(await rows.first().textContent()).toContain(monthName(first));
    expect(await text(page, "worst-month")).not.toBe(monthName(monthOf(today)));

    // A 12-month window holds nine months before the start: the chart still does not plot them.
    await page.getByRole("button", { name: "Last 12 complete months" }).click();
    await page.waitForURL((u) => u.searchParams.get("w") === "12m");
    await expect
      .poll(() => text(page, "based-on"), settle)
      .toBe(`Based on 3 complete months, ${monthRange(first, last)}. Your records start in ${monthName(first)}.`);
    await expect.poll(() => rows.count(), settle).toBe(3);
    expect(await rows.first().textContent()).toContain(monthName(first));
    const m12 = await metricsFor(page, { from: addMonths(last, -11), to: last });
    expect(m12.history.analysisMonths).toBe(3);
    expect(m12.resilienceScore).toBe(m.resilienceScore);
    expect(await text(page, "worst-month")).toBe(m12.risk.worstMonth ? monthName(m12.risk.worstMonth.month) : "—");

    // Resilience: the same score; platform concentration is n/a, and says why and how to fix it.
    await page.goto("/resilience", { waitUntil: "networkidle" });
    expect(await text(page, "resilience-score")).toBe(String(m.resilienceScore));
    const platform = m.rules.find((r) => r.id === "platform-concentration");
    expect(platform).toMatchObject({ status: "n/a", reason: "unattributed" });
    expect(await text(page, "rule-advice-platform-concentration")).toContain("None of your income names a platform yet");
    await expect(
      page
        .locator('[data-rule="platform-concentration"]')
        .getByRole("link", { name: "Set the platform on your streams or transactions" })
        .count(),
    ).resolves.toBe(1);
    expect(await page.locator("main").innerText()).not.toMatch(/NaN|undefined|Infinity/);

    for (const path of ["/overview", "/risk", "/resilience"]) {
      const name = path.slice(1);
      await page.setViewportSize({ width: 1280, height: 860 });
      await page.goto(path, { waitUntil: "networkidle" });
      await shot(`newcomer-3-${name}-1280`);
      await expectNoSeriousViolations(page);
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(path, { waitUntil: "networkidle" });
      await expectNoSidewaysScroll(page);
      await shot(`newcomer-3-${name}-390`);
    }
    expect(problems).toEqual([]);
    await watched.context.close();
  });

  it("one complete month: the score card says when the score appears instead of a number", async () => {
    const { page, problems, shot, context } = await openPage(browser, baseUrl);
    await signUp(page, newAccount("newcomer-1"));
    const today = await todayOf(page);
    const first = await recordHistory(page, today, 1);
    const m = await metricsFor(page);
    expect(m.history.analysisMonths).toBe(1);
    expect(m.resilienceScore).toBeNull();

    const explanation = `Your score appears in ${monthName(addMonths(first, 3))}, after three complete months (${monthRange(first, addMonths(first, 2))}).`;
    await page.goto("/overview", { waitUntil: "networkidle" });
    expect(await text(page, "based-on")).toBe(`Based on 1 complete month, ${monthName(first)}.`);
    expect(await page.getByTestId("resilience-score").count()).toBe(0);
    expect(await text(page, "score-pending")).toBe(explanation);
    expect(await page.getByTestId("score-move").count()).toBe(0);
    await shot("newcomer-1-overview-1280");

    await page.goto("/resilience", { waitUntil: "networkidle" });
    expect(await page.getByTestId("resilience-score").count()).toBe(0);
    expect(await text(page, "score-pending")).toBe(explanation);
    // Volatility needs two complete months, and says so.
    expect(await text(page, "rule-advice-income-volatility")).toContain("Needs at least two complete months");
    await shot("newcomer-1-resilience-1280");
    expect(await page.locator("main").innerText()).not.toMatch(/NaN|undefined|Infinity/);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("a first month: this month's money and when the figures appear, never 'no income'", async () => {
    const { page, problems, shot, context } = await openPage(browser, baseUrl);
    await signUp(page, newAccount("newcomer-0"));
    const today = await todayOf(page);
    const current = monthOf(today);
    await recordHistory(page, today, 0);
    const m = await metricsFor(page);
    expect(m.window).toMatchObject({ from: current, to: current });
    expect(m.history.analysisMonths).toBe(0);

    const later = `No complete month in this window yet: the figures that need one appear in ${monthName(addMonths(current, 1))}, once ${monthName(current)} is over.`;
    for (const path of ["/overview", "/diversification", "/risk", "/concentration", "/resilience", "/goals"]) {
      await page.goto(path, { waitUntil: "networkidle" });
      expect(await page.getByText("No income in this window").count(), path).toBe(0);
      expect(await text(page, "based-on"), path).toBe(later);
      expect(await page.locator("main").innerText(), path).not.toMatch(/NaN|undefined|Infinity/);
      if (path === "/overview" || path === "/risk") await shot(`newcomer-0${path.replace("/", "-")}-1280`);
    }
    await page.goto("/overview", { waitUntil: "networkidle" });
    expect(await text(page, "this-month-income")).toBe("$4,000.00");
    expect(await page.getByTestId("resilience-score").count()).toBe(0);
    expect(await text(page, "score-pending")).toBe(
      `Your score appears in ${monthName(addMonths(current, 3))}, after three complete months (${monthRange(current, addMonths(current, 2))}).`,
    );
    expect(problems).toEqual([]);
    await context.close();
  });
});
