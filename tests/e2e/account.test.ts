// Settings → Account in a real browser: the password changed (a wrong current one refused first), another
// browser signed out by it while this one stays, the new password signs in and the old one does not; the
// account deleted after its export is offered, landing on the home page with a message; the section on a
// phone; and "Forgot password?" on a server without mail pointing at the operator.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launch, openPage } from "./browser";
import { expectNoSeriousViolations, expectNoSidewaysScroll, newAccount, signIn, signUp } from "./support";

const baseUrl = inject("baseUrl");

async function toast(page: Page, title: string) {
  await page
    .getByRole("region", { name: /Notifications/ })
    .getByText(title, { exact: true })
    .waitFor();
}

/** Signs in through the form and answers whether it worked (the form stays with an error when not). */
async function trySignIn(page: Page, account: { email: string; password: string }): Promise<boolean> {
  await page.goto("/sign-in", { waitUntil: "networkidle" });
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  return Promise.race([
    page.waitForURL("**/overview").then(() => true),
    // The form's own message (Next's route announcer is a role="alert" too).
    page
      .getByText("That email and password do not match an account.")
      .waitFor()
      .then(() => false),
  ]);
}

describe.skipIf(!baseUrl)("your account in a real browser", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch(inject("chromiumPath"));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("changes the password: other browsers are signed out, this one stays, the new password signs in", async () => {
    const { page, problems, shot, context } = await openPage(browser, baseUrl);
    const account = newAccount("account");
    await signUp(page, account);
    // A second browser, signed in before the change.
    const other = await openPage(browser, baseUrl);
    await signIn(other.page, account);
    expect((await other.page.request.get("/api/v1/me")).status()).toBe(200);

    await page.goto("/settings#account", { waitUntil: "networkidle" });
    const sessions = page.getByRole("list", { name: "Signed-in browsers" });
    await expect.poll(() => sessions.getByRole("listitem").count()).toBe(2);
    await sessions.getByText("This browser").waitFor();
    await shot("account-01-section");

    const change = page.getByRole("form", { name: "Change password" });
    await change.getByLabel("Current password").fill("not my password");
    await change.getByLabel("New password").fill("short");
    await change.getByRole("button", { name: "Change password" }).click();
    // Caught in the browser by the shared schema: nothing was sent.
    await change.getByText("Use at least 10 characters.").waitFor();
    await change.getByLabel("New password").fill("a newer long password");
    await change.getByRole("button", { name: "Change password" }).click();
    await change.getByText("That is not your current password.").waitFor();
    await expect(change.getByLabel("Current password").getAttribute("aria-invalid")).resolves.toBe("true");
    await shot("account-02-wrong-password");

    await change.getByLabel("Current password").fill(account.password);
    await change.getByRole("button", { name: "Change password" }).click();
    await toast(page, "Password changed");
    await expect.poll(() => sessions.getByRole("listitem").count()).toBe(1);
    const activity = page.getByRole("list", { name: "Recent activity" });
    await activity.getByText("Password changed").first().waitFor();
    await expect(change.getByLabel("Current password").inputValue()).resolves.toBe("");

    // This browser stays signed in; the other one was signed out on the server.
    expect((await page.request.get("/api/v1/me")).status()).toBe(200);
    expect((await other.page.request.get("/api/v1/me")).status()).toBe(401);
    await other.context.close();

    // The section works on a phone: nothing scrolls sideways, and no serious accessibility problem.
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto("/settings#account", { waitUntil: "networkidle" });
    await expectNoSidewaysScroll(page);
    await expectNoSeriousViolations(page);
    await shot("account-03-phone");

    // Signed out, the old password no longer works and the new one does.
    await context.clearCookies();
    const fresh = await openPage(browser, baseUrl);
    expect(await trySignIn(fresh.page, account)).toBe(false);
    expect(await trySignIn(fresh.page, { email: account.email, password: "a newer long password" })).toBe(true);
    await fresh.context.close();

    // The one failed sign-in above answers 401, which Chromium logs as a console error: that page is separate.
    expect(problems).toEqual([]);
    await context.close();
  });

  it("deletes the account after offering the export, and lands on the home page with a message", async () => {
    const { page, problems, shot, context } = await openPage(browser, baseUrl);
    const account = newAccount("leaver");
    await signUp(page, account);
    await page.goto("/settings#account", { waitUntil: "networkidle" });

    const backup = page.getByRole("link", { name: "Download backup" }).last();
    await expect(backup.getAttribute("href")).resolves.toBe("/api/v1/export?format=json");

    const remove = page.getByRole("form", { name: "Delete account" });
    await remove.getByLabel("Password").fill(account.password);
    await remove.getByLabel("Type your email to confirm").fill("someone@else.test");
    await remove.getByRole("button", { name: "Delete my account and data" }).click();
    await remove.getByText("Type your email exactly as shown above.").waitFor();
    await shot("account-04-delete-typo");

    await remove.getByLabel("Type your email to confirm").fill(account.email);
    await remove.getByRole("button", { name: "Delete my account and data" }).click();
    await page.waitForURL((url) => url.pathname === "/" && url.search === "?deleted=1");
    await page.getByRole("status").getByText("Your account and all its data were deleted.").waitFor();
    await shot("account-05-deleted");

    // Signed out, and the account is gone.
    expect((await page.request.get("/api/v1/me")).status()).toBe(401);
    await page.goto("/overview");
    await page.waitForURL("**/sign-in**");
    expect(problems).toEqual([]);
    await context.close();

    const fresh = await openPage(browser, baseUrl);
    expect(await trySignIn(fresh.page, account)).toBe(false);
    await fresh.context.close();
  });

  it("without mail, Forgot password? says to ask the server's operator", async () => {
    const { page, problems, context } = await openPage(browser, baseUrl);
    await page.goto("/sign-in", { waitUntil: "networkidle" });
    await page.getByRole("link", { name: "Forgot password?" }).click();
    await page.waitForURL("**/forgot-password");
    await page.getByText("npm run user:reset-password -- your@email").waitFor();
    await page.goto("/reset-password", { waitUntil: "networkidle" });
    await page.getByText("this link is incomplete").waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});
