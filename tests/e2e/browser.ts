// A real Chromium (Debian's) driven by playwright-core, with the page's console errors and failed
// requests collected so every test can assert there were none.
import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

export const screenshotDir = path.join(process.cwd(), "test-results", "screenshots");

/**
 * The tests' own API calls (page.request) are sent by Node, without the Fetch Metadata a browser adds to
 * every request from the app's pages; cookie-authenticated writes are accepted only from the app's own
 * origin (lib/same-origin.ts), so these calls say they are. (Setting the header on the whole context
 * instead breaks the browser's own requests.)
 */
export function asOwnPages(context: BrowserContext): BrowserContext {
  const request = context.request;
  for (const verb of ["post", "put", "patch", "delete", "fetch"] as const) {
    const send = request[verb].bind(request) as (url: unknown, opts?: { headers?: Record<string, string> }) => Promise<unknown>;
    (request as unknown as Record<string, unknown>)[verb] = (url: unknown, opts: { headers?: Record<string, string> } = {}) =>
      send(url, { ...opts, headers: { "sec-fetch-site": "same-origin", ...opts.headers } });
  }
  return context;
}

export async function launch(executablePath: string, extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      ...extraArgs,
    ],
  });
}

export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  problems: string[];
  shot: (name: string) => Promise<string>;
}

export async function openPage(
  browser: Browser,
  baseURL: string,
  opts: { width?: number; height?: number; colorScheme?: "light" | "dark" } = {},
): Promise<WatchedPage> {
  const context = asOwnPages(
    await browser.newContext({
      baseURL,
      viewport: { width: opts.width ?? 1280, height: opts.height ?? 860 },
      colorScheme: opts.colorScheme ?? "light",
    }),
  );
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() !== "error") return;
    problems.push(`console: ${msg.text()}`);
    // Chromium's message names no URL; the test's output does, to find what failed.
    if (msg.text().startsWith("Failed to load resource")) console.log(`browser: ${msg.text()}: ${msg.location().url}`);
  });
  page.on("pageerror", (err) => problems.push(`pageerror: ${err.message}`));
  page.on("requestfailed", (req) => {
    const failure = req.failure()?.errorText ?? "";
    // Navigations abort the requests of the page being left; that is not a failure of the app.
    if (!failure.includes("ERR_ABORTED")) problems.push(`requestfailed: ${req.url()} ${failure}`);
  });
  page.on("response", (res) => {
    if (res.status() >= 500) problems.push(`http ${res.status()}: ${res.url()}`);
  });
  fs.mkdirSync(screenshotDir, { recursive: true });
  const shot = async (name: string) => {
    const file = path.join(screenshotDir, `${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    return file;
  };
  return { page, context, problems, shot };
}
