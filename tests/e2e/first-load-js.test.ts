// First-load JS per page, measured the way a visitor pays for it: a cold browser cache, compressed (as
// sent) and decoded. Next 16 no longer prints this. "First load" is what Next always meant by it: the
// scripts the server-rendered HTML loads, which the page needs to become interactive. A chart loads later,
// once it nears the viewport (components/charts/lazy.tsx); that is reported as "settled" and kept under a
// looser budget, so a chart library pulled into a page's first load fails here.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext } from "playwright-core";
import { asOwnPages, launch } from "./browser";
import { newAccount, signUp } from "./support";

const baseUrl = inject("baseUrl");
// The signed-out pages: Next 16's App Router runtime alone (React DOM, the router, the bundler's runtime)
// is 131 KB compressed, with either bundler, so the 120 KB the issue asked for is out of reach; this budget
// leaves the pages themselves 9 KB.
const SIGNED_OUT_BUDGET_KB = 140;
const SIGNED_IN_BUDGET_KB = 250;
const SETTLED_BUDGET_KB = 350;

const SIGNED_OUT = ["/sign-in", "/sign-up", "/"];
const PAGES = [
  "/overview",
  "/streams",
  "/transactions",
  "/goals",
  "/diversification",
  "/risk",
  "/concentration",
  "/resilience",
  "/plan",
  "/settings",
  "/import",
  "/automations",
];

type Result = { url: string; firstLoadKb: number; settledKb: number; decodedKb: number };

async function measure(context: BrowserContext, url: string): Promise<Result> {
  const page = await context.newPage();
  const response = await page.goto(url, { waitUntil: "networkidle" });
  const html = (await response?.text()) ?? "";
  const initial = new Set([...html.matchAll(/<script[^>]*\ssrc="([^"]+\.js)"/g)].map((m) => m[1]));
  const scripts = await page.evaluate(() =>
    performance
      .getEntriesByType("resource")
      .filter((e): e is PerformanceResourceTiming => e instanceof PerformanceResourceTiming && new URL(e.name).pathname.endsWith(".js"))
      .map((e) => ({ path: new URL(e.name).pathname, encoded: e.encodedBodySize, decoded: e.decodedBodySize })),
  );
  await page.close();
  const kb = (bytes: number) => Math.round(bytes / 1024);
  const first = scripts.filter((s) => initial.has(s.path));
  return {
    url,
    firstLoadKb: kb(first.reduce((sum, s) => sum + s.encoded, 0)),
    settledKb: kb(scripts.reduce((sum, s) => sum + s.encoded, 0)),
    decodedKb: kb(first.reduce((sum, s) => sum + s.decoded, 0)),
  };
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
    const results: Result[] = [];
    for (const url of SIGNED_OUT) {
      const anon = asOwnPages(await browser.newContext({ baseURL: baseUrl }));
      results.push(await measure(anon, url));
      await anon.close();
    }

    const context = asOwnPages(await browser.newContext({ baseURL: baseUrl }));
    const page = await context.newPage();
    await signUp(page, newAccount("js"));
    await page.request.post("/api/v1/demo");
    await page.close();
    for (const url of PAGES) {
      // A fresh context per page keeps the cache cold, with the session cookie carried over.
      const cold = await browser.newContext({
        baseURL: baseUrl,
        storageState: await context.storageState(),
      });
      results.push(await measure(cold, url));
      await cold.close();
    }
    await context.close();

    const table = [
      "| page | first load (compressed) | decoded | settled, with charts (compressed) |",
      "|---|---|---|---|",
      ...results.map((r) => `| ${r.url} | ${r.firstLoadKb} KB | ${r.decodedKb} KB | ${r.settledKb} KB |`),
    ].join("\n");
    fs.mkdirSync(path.join(process.cwd(), "test-results"), { recursive: true });
    fs.writeFileSync(path.join(process.cwd(), "test-results", "first-load-js.md"), table + "\n");
    console.log(table);
    for (const r of results) {
      // The HTML's own scripts were found and counted: a change in how Next writes them cannot pass as 0 KB.
      expect(r.firstLoadKb, r.url).toBeGreaterThan(100);
      expect(r.firstLoadKb, r.url).toBeLessThanOrEqual(SIGNED_OUT.includes(r.url) ? SIGNED_OUT_BUDGET_KB : SIGNED_IN_BUDGET_KB);
      expect(r.settledKb, r.url).toBeLessThanOrEqual(SETTLED_BUDGET_KB);
    }
  });
});
