import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { launch, openPage } from "./browser";
import { expectNoSidewaysScroll, newAccount, signIn, signUp } from "./support";

const baseUrl = inject("baseUrl");

describe.skipIf(!baseUrl)("foundation in a real browser", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch(inject("chromiumPath"));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("signs up, reaches the shell, signs out and in, and manages an API token end to end", async () => {
    const { page, problems, shot, context } = await openPage(browser, baseUrl);
    const account = newAccount();

    await page.goto("/", { waitUntil: "networkidle" });
    await expect(page.getByRole("link", { name: "Sign up" }).first().isVisible()).resolves.toBe(true);
    await shot("01-landing");

    // A bad sign-up shows field errors and creates nothing.
    await page.goto("/sign-up", { waitUntil: "networkidle" });
    await page.getByLabel("Name").fill("Dana");
    await page.getByLabel("Email").fill("not-an-email");
    await page.getByLabel("Password").fill("short");
    await page.getByRole("button", { name: "Sign up" }).click();
    await page.getByText("Enter a valid email address.").waitFor();
    await page.getByText("Use at least 10 characters.").waitFor();
    await shot("02-sign-up-errors");

    await signUp(page, account);
    for (const item of ["Overview", "Streams", "Transactions", "Goals", "Import", "Settings"]) {
      await expect(
        page.getByRole("navigation", { name: "Main" }).first().getByRole("link", { name: item }).count(),
      ).resolves.toBeGreaterThan(0);
    }
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toContain("Overview");
    await shot("03-shell-overview");

    await page.getByRole("button", { name: "Sign out" }).first().click();
    await page.waitForURL((url) => url.pathname === "/");
    await page.goto("/overview");
    await page.waitForURL("**/sign-in**");

    // Wrong password: a clear error, no session.
    await page.goto("/sign-in", { waitUntil: "networkidle" });
    await page.getByLabel("Email").fill(account.email);
    await page.getByLabel("Password").fill("wrong password here");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByText("That email and password do not match an account.").waitFor();
    // The refused sign-in answers 401, which Chromium logs as a console error: expected here, and only here.
    const refused = problems.findIndex((p) => p.includes("401"));
    expect(refused).toBeGreaterThanOrEqual(0);
    problems.splice(refused, 1);

    await signIn(page, account);
    await page.goto("/settings", { waitUntil: "networkidle" });
    await page.getByLabel("Token name").fill("Zapier");
    await page.getByRole("button", { name: "Create token" }).click();
    const token = (await page.getByTestId("new-token").textContent())?.trim() ?? "";
    expect(token).toMatch(/^sfp_/);
    await shot("04-token-created");

    const me = await fetch(`${baseUrl}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ email: account.email, name: account.name, baseCurrency: "USD" });

    await page.getByRole("button", { name: "Done" }).click();
    await page.getByRole("button", { name: "Revoke Zapier" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Revoke token" }).click();
    await page.getByText("Revoked", { exact: true }).waitFor();
    await shot("05-token-revoked");

    const after = await fetch(`${baseUrl}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(after.status).toBe(401);
    expect(after.headers.get("content-type")).toBe("application/problem+json");

    // Phone width: the shell fits without sideways scrolling.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/overview", { waitUntil: "networkidle" });
    await expectNoSidewaysScroll(page);
    await shot("06-phone-overview");

    // Sign out everywhere: this session's cookie stops working (the JWT's session version is stale).
    await page.setViewportSize({ width: 1280, height: 860 });
    const cookiesBefore = await context.cookies();
    await page.goto("/settings", { waitUntil: "networkidle" });
    await page.getByRole("button", { name: "Sign out everywhere" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Sign out everywhere" }).click();
    await page.waitForURL("**/sign-in**");
    await context.addCookies(cookiesBefore);
    const stale = await page.request.get("/api/v1/me");
    expect(stale.status()).toBe(401);

    expect(problems).toEqual([]);
    await context.close();
  });
});
