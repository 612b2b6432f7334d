// The insights feed in a real browser against the running app: the app's own background check raises the
// month that just closed for a new account with the demo portfolio, the navigation shows it unread, the
// Insights page says what the API says, and "Mark all as read" clears the count.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { InsightsView } from "@/lib/schemas/insights";
import { launch, openPage, type WatchedPage } from "./browser";
import { expectNoSeriousViolations, newAccount, signUp } from "./support";

const baseUrl = inject("baseUrl");

describe.skipIf(!baseUrl)("the insights feed", () => {
  let browser: Browser;
  let w: WatchedPage;

  beforeAll(async () => {
    browser = await launch(inject("chromiumPath"));
    w = await openPage(browser, baseUrl);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("raises the closed month by itself, shows it unread, and marks it read", async () => {
    const { page } = w;
    await signUp(page, newAccount("feed"));
    expect((await page.request.post("/api/v1/demo")).ok()).toBe(true);
    // The check runs every minute for accounts not checked in the last ten.
    const feed = async () => (await (await page.request.get("/api/v1/insights")).json()) as InsightsView;
    await expect
      .poll(async () => (await feed()).data.some((i) => i.kind === "month.closed"), { timeout: 90_000, interval: 3_000 })
      .toBe(true);
    const closed = (await feed()).data.find((i) => i.kind === "month.closed")!;

    await page.goto("/insights", { waitUntil: "load" });
    const list = page.getByTestId("insights-feed");
    await expect.poll(() => list.textContent(), { timeout: 15_000 }).toContain(closed.title);
    expect(await list.textContent()).toContain(closed.body);
    const nav = page
      .getByRole("navigation")
      .getByRole("link", { name: /Insights/ })
      .first();
    expect(await nav.textContent()).toMatch(/Insights\s*\d+\s*unread/);
    await expectNoSeriousViolations(page);
    await w.shot("insights");

    await page.getByRole("button", { name: "Mark all as read" }).click();
    await expect.poll(() => page.getByText("All read.").count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => nav.textContent(), { timeout: 15_000 }).not.toMatch(/unread/);
    expect((await feed()).unread).toBe(0);
    expect(w.problems).toEqual([]);
  }, 150_000);
});
