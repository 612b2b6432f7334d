// Webhooks in Settings in a real browser against the running app: an endpoint added with the form (its
// secret shown once), a logged transaction and a test event delivered within seconds by the app's own
// background loop, signed so the receiver's check passes, and the delivery log showing both.
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser } from "playwright-core";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launch, openPage, type WatchedPage } from "./browser";
import { expectNoSeriousViolations, newAccount, signUp, todayOf } from "./support";

const baseUrl = inject("baseUrl");
const settle = { timeout: 20_000 };

describe.skipIf(!baseUrl)("webhooks in Settings", () => {
  let browser: Browser;
  let w: WatchedPage;
  const got: { headers: http.IncomingHttpHeaders; body: string }[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      got.push({ headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  let url = "";

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/incoming`;
    browser = await launch(inject("chromiumPath"));
    w = await openPage(browser, baseUrl);
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it("adds an endpoint, delivers a logged transaction and a test event signed with its secret, and logs both", async () => {
    const { page } = w;
    await signUp(page, newAccount("hooks"));
    await page.goto("/settings#webhooks", { waitUntil: "load" });
    await page.getByLabel("Endpoint URL").fill("not a url");
    await page.getByRole("button", { name: "Add webhook" }).click();
    await expect.poll(() => page.getByText("Give an http or https URL").count(), settle).toBe(1);

    await page.getByLabel("Endpoint URL").fill(url);
    await page.getByRole("button", { name: "Add webhook" }).click();
    const secret = (await page.getByTestId("webhook-secret").textContent({ timeout: 15_000 }))!.trim();
    expect(secret).toMatch(/^whsec_/);

    const stream = (await (await page.request.post("/api/v1/streams", { data: { name: "Caption bot" } })).json()) as { id: string };
    const today = await todayOf(page);
    expect(
      (await page.request.post("/api/v1/transactions", { data: { streamId: stream.id, occurredOn: today, amount: "9.00" } })).status(),
    ).toBe(201);
    // Delivered by the app's own loop (every 2 s), not by the test.
    await expect.poll(() => got.length, settle).toBe(1);
    await page.getByRole("button", { name: "Send a test event" }).click();
    await expect.poll(() => got.length, settle).toBe(2);

    const verifier = new Webhook(secret);
    const types = got.map((g) => (verifier.verify(g.body, g.headers as Record<string, string>) as { type: string }).type);
    expect(types).toEqual(["transaction.created", "webhook.test"]);

    const log = page.getByRole("region", { name: `Deliveries to ${url}` });
    await expect.poll(() => log.locator("tbody tr").count(), settle).toBe(2);
    await expect.poll(() => log.textContent(), settle).toContain("succeeded");
    expect(await log.textContent()).toContain("204");
    await expectNoSeriousViolations(page);
    await w.shot("settings-webhooks");
    expect(w.problems).toEqual([]);
  });
});
