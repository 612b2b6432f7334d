// Two-factor sign-in in a real browser: set up in Settings from the key shown beside the QR code (codes
// computed here with the same library an authenticator app follows), recovery codes shown once, sign-in
// asking for the code after the password, a trusted browser; and the form's throttled message.
import { Secret, TOTP } from "otpauth";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launch, openPage } from "./browser";
import { expectNoSeriousViolations, newAccount, signUp } from "./support";

const baseUrl = inject("baseUrl");

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).first().click();
  await page.waitForURL((url) => url.pathname === "/");
}

async function submitPassword(page: Page, account: { email: string; password: string }) {
  await page.goto("/sign-in", { waitUntil: "networkidle" });
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Refused sign-ins (401, 429) are logged by Chromium as console errors: expected where a test provokes them. */
const dropRefusals = (problems: string[]) => problems.filter((p) => !/status of (401|429)/.test(p));

describe.skipIf(!baseUrl)("two-factor sign-in in a real browser", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch(inject("chromiumPath"));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("is set up in Settings with a confirming code, then asked for at sign-in; a recovery code works once; a trusted browser is not asked", async () => {
    const { page, problems, shot, context } = await openPage(browser, baseUrl);
    const account = newAccount("2fa");
    await signUp(page, account);

    await page.goto("/settings#account", { waitUntil: "networkidle" });
    await page.getByRole("button", { name: "Set up two-factor sign-in" }).click();
    const qr = page.getByRole("img", { name: /QR code/ });
    await qr.waitFor();
    expect(await qr.getAttribute("src")).toMatch(/^data:image\/svg\+xml;base64,/);
    const key = ((await page.getByTestId("totp-key").textContent()) ?? "").replace(/\s/g, "");
    expect(key).toMatch(/^[A-Z2-7]{32}$/);
    const totp = new TOTP({ algorithm: "SHA1", digits: 6, period: 30, secret: Secret.fromBase32(key) });
    await shot("2fa-01-enrol");
    await expectNoSeriousViolations(page);

    const enrolledAt = Date.now();
    await page.getByLabel(/Enter the 6-digit code/).fill(totp.generate({ timestamp: enrolledAt }));
    await page.getByRole("button", { name: "Turn on" }).click();
    await page.getByTestId("recovery-codes").waitFor();
    const codes = (await page.getByTestId("recovery-codes").locator("li").allTextContents()).map((c) => c.trim());
    expect(codes).toHaveLength(10);
    await shot("2fa-02-recovery-codes");
    await page.getByRole("button", { name: "I have saved them" }).click();
    await page.getByText(/On since .*10 recovery codes left/).waitFor();

    // Sign-in asks for the code once the password is accepted.
    await signOut(page);
    await submitPassword(page, account);
    const codeField = page.getByLabel("Authentication code");
    await codeField.waitFor();
    await shot("2fa-03-code-step");
    await codeField.fill("000000");
    await page.getByRole("button", { name: "Verify" }).click();
    await page.getByText("That code did not work.", { exact: false }).waitFor();
    // A code is good once: the next step's code (accepted a step early), never the one that turned it on.
    await codeField.fill(totp.generate({ timestamp: Math.max(Date.now(), enrolledAt + 30_000) }));
    await page.getByRole("button", { name: "Verify" }).click();
    await page.waitForURL("**/overview");

    // A recovery code in place of a code, and this browser trusted for 30 days.
    await signOut(page);
    await submitPassword(page, account);
    await codeField.fill(codes[0]!);
    await page.getByLabel("Trust this browser for 30 days").check();
    await page.getByRole("button", { name: "Verify" }).click();
    await page.waitForURL("**/overview");
    const trusted = (await context.cookies()).find((c) => c.name === "streamfolio.trusted-browser");
    expect(trusted?.httpOnly).toBe(true);

    // The trusted browser is not asked again.
    await signOut(page);
    await submitPassword(page, account);
    await page.waitForURL("**/overview");

    // Another browser is, and the used recovery code no longer works there.
    const other = await openPage(browser, baseUrl);
    await submitPassword(other.page, account);
    await other.page.getByLabel("Authentication code").fill(codes[0]!);
    await other.page.getByRole("button", { name: "Verify" }).click();
    await other.page.getByText("That code did not work.", { exact: false }).waitFor();
    expect(dropRefusals(other.problems)).toEqual([]);
    await other.context.close();

    expect(dropRefusals(problems)).toEqual([]);
    await context.close();
  });

  it("says plainly when sign-in is throttled, apart from a wrong password", async () => {
    const { page, problems, shot, context } = await openPage(browser, baseUrl);
    const account = newAccount("throttle");
    page.on("response", (r) => {
      if (!r.url().includes("_next/static")) console.log("resp", r.status(), r.request().method(), r.url());
    });
    await signUp(page, account);
    await signOut(page);
    for (let i = 0; i < 5; i++) {
      await submitPassword(page, { email: account.email, password: `wrong password ${i}` });
      await page.getByText("That email and password do not match an account.").waitFor();
    }
    await submitPassword(page, account);
    await page.getByText("Too many attempts. Try again in 15 minutes.").waitFor();
    await expect(page.getByText("That email and password do not match an account.").count()).resolves.toBe(0);
    await shot("2fa-04-throttled");
    expect(dropRefusals(problems)).toEqual([]);
    await context.close();
  });
});
