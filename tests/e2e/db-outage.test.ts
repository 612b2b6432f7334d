// The database going away under the built app (issue 14): an instance on Postgres through a TCP proxy this
// test cuts. Cut, the API and the health probe answer 503 with Retry-After within 5 s; the first page shows
// "Can't reach the database" (its error boundary), and the pages after it are answered 503 with the same
// words by proxy.ts at once; restored, the open page comes back by itself.
// PGlite lives inside the app's process and cannot go away: this runs on Postgres only (TEST_DATABASE_URL).
import postgres from "postgres";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startAppServer, type AppServer } from "../support/app-server";
import { freePort } from "../support/free-port";
import { CuttableProxy } from "../support/cuttable-proxy";
import { launch, openPage } from "./browser";
import { newAccount, signUp } from "./support";

const pgUrl = process.env.TEST_DATABASE_URL ?? "";
const chromiumPath = inject("chromiumPath");
const skipReason = !pgUrl ? "it needs Postgres: set TEST_DATABASE_URL (CI does)" : !chromiumPath ? "no Chromium" : "";
if (skipReason) console.warn(`db-outage skipped: ${skipReason}`);

describe.skipIf(skipReason !== "")("the database going away under the built app", () => {
  const dbName = `sf_outage_${process.pid}_${Date.now()}`;
  let admin: postgres.Sql;
  let proxy: CuttableProxy;
  let app: AppServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    admin = postgres(pgUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${dbName}`);
    const server = new URL(pgUrl);
    proxy = new CuttableProxy({ host: server.hostname, port: Number(server.port || 5432) });
    const viaProxy = new URL(pgUrl);
    viaProxy.host = `127.0.0.1:${await proxy.listen()}`;
    viaProxy.pathname = `/${dbName}`;
    const port = await freePort();
    app = await startAppServer(port, {
      DATABASE_URL: viaProxy.toString(),
      NEXTAUTH_SECRET: "outage-test-secret-outage-test-secret",
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      FX_RATES_AUTO: "false",
    });
    browser = await launch(chromiumPath);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await proxy?.close();
    await admin?.unsafe(`drop database if exists ${dbName} with (force)`);
    await admin?.end();
  });

  it("answers 503 with Retry-After and shows the page's outage state, then recovers by itself", async () => {
    const { page, context, shot } = await openPage(browser!, app!.url);
    await signUp(page, newAccount("outage"));
    await expect.poll(() => page.getByRole("heading", { level: 1 }).first().textContent()).toBe("Overview");

    proxy.cut();
    // (Next's route announcer is an alert too: the outage state is the one with the heading.)
    const outageState = () => page.getByRole("alert").filter({ has: page.getByRole("heading", { name: "Can’t reach the database" }) });
    const expectOutageState = async () => {
      await outageState().waitFor({ timeout: 15_000 });
      expect(await outageState().textContent()).toContain("This page tries again every few seconds");
      // What a person sees (scripts aside): no "Application error", no digest.
      expect(await page.locator("body").innerText()).not.toMatch(/Application error|Digest|Reference:/i);
    };

    // The first page after the cut: the render fails once the connect timeout passes (Next answers 500),
    // and the page's error boundary asks the readiness probe why.
    const first = await page.goto("/streams");
    await expectOutageState();
    await shot("db-outage-page");

    // Any API request answers 503 within the connect timeout.
    const apiAt = performance.now();
    const api = await context.request.get("/api/v1/streams");
    const apiMs = performance.now() - apiAt;
    expect(api.status()).toBe(503);
    expect(api.headers()["content-type"]).toBe("application/problem+json");
    expect(api.headers()["retry-after"]).toBe("5");
    expect(apiMs).toBeLessThan(5_000);
    const ready = await context.request.get("/api/health/ready");
    expect(ready.status()).toBe(503);
    expect(ready.headers()["retry-after"]).toBe("5");
    // Liveness asks nothing of the database: the instance is not to be restarted for the database's sake.
    expect((await context.request.get("/api/health/live")).status()).toBe(200);

    // Pages after that: the instance knows, and answers 503 with Retry-After at once.
    const pageAt = performance.now();
    const second = await page.goto("/overview");
    const pageMs = performance.now() - pageAt;
    expect(second?.status()).toBe(503);
    expect(second?.headers()["retry-after"]).toBe("5");
    expect(pageMs).toBeLessThan(1_000);
    await expectOutageState();
    await shot("db-outage-page-503");

    // Back: the open page reloads itself (it asks every 5 s) with no click.
    proxy.restore();
    const backAt = performance.now();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).first().textContent(), { timeout: 15_000 }).toBe("Overview");
    const recoveryMs = performance.now() - backAt;
    expect(recoveryMs).toBeLessThan(10_000);
    expect((await context.request.get("/api/v1/streams")).status()).toBe(200);
    console.log(
      JSON.stringify({
        outage: {
          firstPageStatus: first?.status(),
          apiMs: Math.round(apiMs),
          pageStatus: second?.status(),
          pageMs: Math.round(pageMs),
          recoveryMs: Math.round(recoveryMs),
        },
      }),
    );
    await context.close();
  }, 90_000);
});
