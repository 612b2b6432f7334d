import crypto from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { todayIn } from "@/lib/today";

export function newAccount(prefix = "e2e") {
  return { name: "Dana Designer", email: `${prefix}-${crypto.randomUUID().slice(0, 8)}@example.test`, password: "a long enough password" };
}

/**
 * Signs up through the form. Waits for the page to settle first: next-auth's CSRF cookie is set by
 * the first request, and a submit racing it fails on a fresh server.
 */
export async function signUp(page: Page, account: { name: string; email: string; password: string }) {
  await page.goto("/sign-up", { waitUntil: "networkidle" });
  await page.getByLabel("Name").fill(account.name);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign up" }).click();
  await page.waitForURL("**/overview");
}

export async function signIn(page: Page, account: { email: string; password: string }) {
  await page.goto("/sign-in", { waitUntil: "networkidle" });
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL("**/overview");
}

/** No serious or critical accessibility violation on the page as it is now (axe-core). */
export async function expectNoSeriousViolations(page: Page) {
  const result = await new AxeBuilder({ page }).analyze();
  const serious = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/**
 * Nothing scrolls sideways at the current viewport width. The page's width is compared with the root's
 * clientWidth, not window.innerWidth, which also counts the vertical scrollbar's gutter (15 px) and so
 * would let that much overflow through. Polled, because charts re-measure a frame after a resize.
 */
export async function expectNoSidewaysScroll(page: Page) {
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), { timeout: 5_000 })
    .toBeLessThanOrEqual(0);
}

/** Resolves once React has hydrated the element: typing into a server-rendered input before that can be lost. */
export async function hydrated(page: Page, selector: string) {
  await page.waitForFunction((sel) => {
    const el = document.querySelector(sel);
    return el !== null && Object.keys(el).some((k) => k.startsWith("__reactProps"));
  }, selector);
}

/** The signed-in user's today (YYYY-MM-DD in their time zone, as the server reckons it). */
export async function todayOf(page: Page): Promise<string> {
  const res = await page.request.get("/api/v1/me");
  expect(res.status()).toBe(200);
  const me = (await res.json()) as { timeZone: string };
  return todayIn(me.timeZone);
}

// Months written out independently of lib/format (Intl, en-US), so a formatting slip on a page shows.
const monthLong = new Intl.DateTimeFormat("en-US", { month: "short", year: "numeric", timeZone: "UTC" });
const monthShort = new Intl.DateTimeFormat("en-US", { month: "short", timeZone: "UTC" });
const asDate = (m: string) => new Date(`${m}-01T00:00:00Z`);

/** "2026-11" → "Nov 2026". */
export const monthName = (m: string) => monthLong.format(asDate(m));

/** "Sep–Nov 2026", "Nov 2025–Oct 2026": a span of months as the pages write it. */
export const monthRange = (from: string, to: string) =>
  from === to
    ? monthName(from)
    : from.slice(0, 4) === to.slice(0, 4)
      ? `${monthShort.format(asDate(from))}–${monthName(to)}`
      : `${monthName(from)}–${monthName(to)}`;

/**
 * Scrolls through the page a half screen at a time and back to the top, so every chart (each loads and
 * draws only when it nears the viewport) is drawn; answers how many charts the page then shows.
 */
export async function revealCharts(page: Page, atLeast: number): Promise<number> {
  await page.evaluate(async () => {
    for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight / 2) {
      window.scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 50));
    }
    window.scrollTo(0, 0);
  });
  const charts = page.locator("svg.recharts-surface");
  await expect.poll(() => charts.count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(atLeast);
  return charts.count();
}
