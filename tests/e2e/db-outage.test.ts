// The database going away under the built app (issue 14): an instance on Postgres through a TCP proxy this
// test cuts. Cut, the API and the health probe answer 503 with Retry-After within 5 s, and a page shows
// "Can't reach the database" instead of an error digest; restored, the open page comes back by itself.
// PGlite lives inside the app's process and cannot go away: this runs on Postgres only (TEST_DATABASE_URL).
import postgres from "postgres";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startAppServer, freePort, type AppServer } from "../support/app-server";
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
    const cutAt = performance.now();
    const api = await context.request.get("/api/v1/streams");
    const apiMs = performance.now() - cutAt;
    expect(api.status()).toBe(503);
    expect(api.headers()["content-type"]).toBe("application/problem+json");
    expect(api.headers()["retry-after"]).toBe("5");
    expect(apiMs).toBeLessThan(5_000);
    const ready = await context.request.get("/api/health/ready");
    expect(ready.status()).toBe(503);
    expect(ready.headers()["retry-after"]).toBe("5");
    expect(performance.now() - cutAt).toBeLessThan(5_000 + 5_000);
    // Liveness asks nothing of the database: the instance is not to be restarted for the database's sake.
    expect((await context.request.get("/api/health/live")).status()).toBe(200);

    // A page, navigated to while the database is away: the outage state, not Next's error digest.
    const pageStatus = (await page.goto("/streams"))?.status();
    // (Next's route announcer is an alert too: the outage state is the one with the heading.)
    const alert = page.getByRole("alert").filter({ has: page.getByRole("heading", { name: "Can’t reach the database" }) });
    await alert.waitFor({ timeout: 15_000 });
    expect(await alert.textContent()).toContain("This page tries again every few seconds");
    // What a person sees (scripts aside): no "Application error", no digest.
    expect(await page.locator("body").innerText()).not.toMatch(/Application error|Digest|Reference:/i);
    await shot("db-outage-page");

    // Back: the open page reloads itself (it asks every 5 s) with no click.
    proxy.restore();
    const backAt = performance.now();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).first().textContent(), { timeout: 15_000 }).toBe("Streams");
    const recoveryMs = performance.now() - backAt;
    expect(recoveryMs).toBeLessThan(10_000);
    expect((await context.request.get("/api/v1/streams")).status()).toBe(200);
    console.log(JSON.stringify({ outagePage: { apiMs: Math.round(apiMs), pageStatus, recoveryMs: Math.round(recoveryMs) } }));
    await context.close();
  }, 90_000);
});
