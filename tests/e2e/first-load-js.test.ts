// First-load JS per page, measured the way a visitor pays for it: a cold browser cache, every script the
// page loads before it settles, compressed (as sent) and decoded. Next 16 no longer prints this.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext } from "playwright-core";
import { launch } from "./browser";
import { newAccount, signUp } from "./support";

const baseUrl = inject("baseUrl");
// A budget that catches a charting or date library pulled into every page by accident.
const BUDGET_COMPRESSED_KB = 450;

const PAGES = ["/overview", "/streams", "/transactions", "/goals", "/diversification", "/risk", "/concentration", "/resilience", "/settings"];

async function measure(context: BrowserContext, url: string) {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: "networkidle" });
  const sizes = await page.evaluate(() =>
    performance
      .getEntriesByType("resource")
      .filter((e): e is PerformanceResourceTiming => e instanceof PerformanceResourceTiming && (e.initiatorType === "script" || e.name.endsWith(".js")))
      .reduce((acc, e) => ({ encoded: acc.encoded + e.encodedBodySize, decoded: acc.decoded + e.decodedBodySize }), { encoded: 0, decoded: 0 }),
  );
  await page.close();
  return { url, compressedKb: Math.round(sizes.encoded / 1024), decodedKb: Math.round(sizes.decoded / 1024) };
}

describe.skipIf(!baseUrl)("first-load JS", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch(inject("chromiumPath"));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("stays within budget on every page", async () => {
    const results: { url: string; compressedKb: number; decodedKb: number }[] = [];
    const anon = await browser.newContext({ baseURL: baseUrl });
    results.push(await measure(anon, "/sign-in"));
    await anon.close();

    const context = await browser.newContext({ baseURL: baseUrl });
    const page = await context.newPage();
    await signUp(page, newAccount("js"));
    await page.request.post("/api/v1/demo");
    await page.close();
    for (const url of PAGES) {
      // A fresh context per page keeps the cache cold, with the session cookie carried over.
      const cold = await browser.newContext({ baseURL: baseUrl, storageState: await context.storageState() });
      results.push(await measure(cold, url));
      await cold.close();
    }
    await context.close();

    const table = ["| page | first-load JS (compressed) | decoded |", "|---|---|---|", ...results.map((r) => `| ${r.url} | ${r.compressedKb} KB | ${r.decodedKb} KB |`)].join("\n");
    fs.mkdirSync(path.join(process.cwd(), "test-results"), { recursive: true });
    fs.writeFileSync(path.join(process.cwd(), "test-results", "first-load-js.md"), table + "\n");
    console.log(table);
    for (const r of results) {
      expect(r.compressedKb, r.url).toBeGreaterThan(0);
      expect(r.compressedKb, r.url).toBeLessThanOrEqual(BUDGET_COMPRESSED_KB);
    }
  });
});
