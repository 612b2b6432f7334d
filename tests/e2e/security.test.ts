// Security of the running app over real HTTP: the headers on pages and API answers (CSP nonces on every
// script), cross-site writes from a page on another port of the same host (a form post and a fetch,
// which the browser sends with the session cookie), request bodies cut off while they stream, and
// structured logs of sign-ins, failures and refusals that never hold a password, token or hash.
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launch, openPage, type WatchedPage } from "./browser";
import { newAccount, signUp } from "./support";

const baseUrl = inject("baseUrl");
const serverLog = inject("serverLog");

/** Sends `total` bytes as a chunked body (no Content-Length) and reports the status and how much went out before it. */
function streamBody(url: string, headers: Record<string, string>, total: number): Promise<{ status: number; sentBeforeAnswer: number }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: "POST", headers: { ...headers, "transfer-encoding": "chunked" } });
    let sent = 0;
    let answered = false;
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    req.on("response", (res) => {
      answered = true;
      res.resume();
      resolve({ status: res.statusCode ?? 0, sentBeforeAnswer: sent });
      req.destroy();
    });
    req.on("error", (err) => {
      if (!answered) reject(err);
    });
    const pump = () => {
      while (!answered && sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

describe.skipIf(!baseUrl)("security of the running app", () => {
  let browser: Browser;
  let w: WatchedPage;
  const account = newAccount("sec");
  const wrongPassword = `wrong-${crypto.randomUUID()}`;
  let token = "";

  beforeAll(async () => {
    browser = await launch(inject("chromiumPath"));
    w = await openPage(browser, baseUrl);
    await signUp(w.page, account);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("sends the security headers on pages and API answers, and every script carries the page's nonce", async () => {
    for (const path of ["/", "/sign-in", "/overview", "/api/health", "/api/v1/me", "/api/v1/openapi.json", "/api/auth/csrf"]) {
      const res = await fetch(baseUrl + path, { redirect: "manual" });
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp, path).toContain("object-src 'none'");
      expect(csp, path).toContain("base-uri 'none'");
      expect(csp, path).toContain("frame-ancestors 'none'");
      // Pages run only scripts with this answer's nonce; API answers run nothing at all.
      if (path.startsWith("/api/")) expect(csp, path).toContain("default-src 'none'");
      else expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
      expect(res.headers.get("x-frame-options"), path).toBe("DENY");
      expect(res.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(res.headers.get("referrer-policy"), path).toBe("strict-origin-when-cross-origin");
      expect(res.headers.get("x-powered-by"), path).toBeNull();
      // Served over plain http here: HSTS would strand such an install, so it is sent over https only.
      expect(res.headers.get("strict-transport-security"), path).toBeNull();
    }
    const page = await fetch(`${baseUrl}/sign-in`);
    const nonce = /'nonce-([^']+)'/.exec(page.headers.get("content-security-policy") ?? "")![1]!;
    const html = await page.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(1);
    expect(scripts.filter((tag) => !tag.includes(`nonce="${nonce}"`))).toEqual([]);
    // Two answers, two nonces.
    const again = await fetch(`${baseUrl}/sign-in`);
    expect(again.headers.get("content-security-policy")).not.toContain(nonce);
    // Static files skip the proxy but still refuse sniffing.
    const icon = await fetch(`${baseUrl}/icon.svg`);
    expect(icon.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("refuses a form post and a fetch from a page on another port of the same host, made with the user's cookie", async () => {
    const origin = new URL(baseUrl);
    const attacker = http.createServer((req, res) => {
      res.setHeader("content-type", "text/html");
      const target = `${baseUrl}/api/v1/streams`;
      if (req.url === "/form")
        res.end(
          `<form method="POST" action="${target}" enctype="text/plain"><input name='{"name":"Forged by form","x":"' value='"}'></form>` +
            `<script>document.forms[0].submit()</script>`,
        );
      else
        res.end(
          `<script>fetch(${JSON.stringify(target)}, { method: "POST", mode: "no-cors", credentials: "include", ` +
            `headers: { "content-type": "text/plain" }, body: JSON.stringify({ name: "Forged by fetch" }) })` +
            `.finally(() => { document.title = "sent"; });</script>`,
        );
    });
    await new Promise<void>((resolve) => attacker.listen(0, origin.hostname, () => resolve()));
    const evil = `http://${origin.hostname}:${(attacker.address() as AddressInfo).port}`;
    try {
      // The same browser context: it holds the session cookie, which SameSite=Lax sends to the same site.
      const page = await w.context.newPage();
      const formAnswer = page.waitForResponse((r) => r.url() === `${baseUrl}/api/v1/streams` && r.request().method() === "POST");
      await page.goto(`${evil}/form`);
      // 403, not 401: the cookie arrived, and the origin is what was refused.
      expect((await formAnswer).status()).toBe(403);
      const fetchAnswer = page.waitForResponse((r) => r.url() === `${baseUrl}/api/v1/streams` && r.request().method() === "POST");
      await page.goto(`${evil}/fetch`);
      expect((await fetchAnswer).status()).toBe(403);
      await page.waitForFunction(() => document.title === "sent");
      await page.close();
    } finally {
      attacker.close();
    }
    // The same write from the app's own page goes through, so the refusals above were about the origin.
    await w.page.goto("/overview");
    const own = await w.page.evaluate(async () => {
      const res = await fetch("/api/v1/streams", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: "Own page" }),
      });
      return res.status;
    });
    expect(own).toBe(201);
    const names = ((await (await w.page.request.get("/api/v1/streams")).json()) as { data: { name: string }[] }).data.map((s) => s.name);
    expect(names).toContain("Own page");
    expect(names.filter((n) => n.startsWith("Forged"))).toEqual([]);
  });

  it("refuses a server action call without an Origin or from another origin, and answers an unknown action id without a 500", async () => {
    const session = (await w.context.cookies()).find((c) => c.name.includes("session-token"))!;
    const cookie = `${session.name}=${session.value}`;
    const variants: Record<string, string>[] = [{}, { origin: "http://127.0.0.1:1" }, { "sec-fetch-site": "same-site" }];
    for (const headers of variants) {
      const res = await fetch(`${baseUrl}/settings`, {
        method: "POST",
        headers: { cookie, "next-action": "0".repeat(40), "content-type": "text/plain;charset=UTF-8", ...headers },
        body: "[]",
        redirect: "manual",
      });
      expect(res.status, JSON.stringify(headers)).toBe(403);
    }
    // From the app's own origin, an action id that names no action is refused by Next.js, never a 500.
    for (const id of ["7f" + "0".repeat(40), "00ab"]) {
      const res = await fetch(`${baseUrl}/settings`, {
        method: "POST",
        headers: { cookie, "next-action": id, "content-type": "text/plain;charset=UTF-8", origin: baseUrl },
        body: "[]",
        redirect: "manual",
      });
      expect(res.status, id).toBeGreaterThanOrEqual(400);
      expect(res.status, id).toBeLessThan(500);
    }
  });

  it("answers a path with a stray % 400 (problem+json on the API), not Next.js's bare 500", async () => {
    for (const path of ["/api/v1/transactions/%ff", "/api/v1/streams/%E0%A4%A", "/api/v1/nope/%zz"]) {
      const res = await fetch(`${baseUrl}${path}`);
      expect(res.status, path).toBe(400);
      expect(res.headers.get("content-type"), path).toBe("application/problem+json");
      expect(await res.json()).toMatchObject({ type: "urn:streamfolio:problem:bad-request", status: 400 });
    }
    const page = await fetch(`${baseUrl}/streams/%ff`);
    expect(page.status).toBe(400);
    expect(await page.text()).toMatch(/^Bad request\. The address is not valid/);
    // A path that decodes still reaches its route.
    expect((await fetch(`${baseUrl}/api/v1/streams/a%20b`)).status).toBe(401);
  });

  it("cuts off chunked bodies at the limit while they stream: the API (2 MiB) and the sign-in callback (16 KiB)", async () => {
    const created = await w.page.request.post("/api/v1/tokens", { data: { name: "limits", scope: "write" } });
    expect(created.status()).toBe(201);
    token = ((await created.json()) as { token: string }).token;
    const api = await streamBody(
      `${baseUrl}/api/v1/transactions`,
      { authorization: `Bearer ${token}`, "content-type": "application/json" },
      300 * 1024 * 1024,
    );
    expect(api.status).toBe(413);
    // Answered long before the 300 MB were sent: the server stopped reading at its limit.
    expect(api.sentBeforeAnswer).toBeLessThan(64 * 1024 * 1024);
    const signIn = await streamBody(
      `${baseUrl}/api/auth/callback/credentials`,
      { "content-type": "application/x-www-form-urlencoded" },
      200 * 1024 * 1024,
    );
    expect(signIn.status).toBe(413);
    expect(signIn.sentBeforeAnswer).toBeLessThan(64 * 1024 * 1024);
    // The server is still well.
    expect((await fetch(`${baseUrl}/api/health`)).status).toBe(200);
  });

  it("logs sign-ins, failed sign-ins and refusals as JSON lines, with no password, token or hash in any line", async () => {
    // next-auth's own CSRF check wants its token twice: as a cookie and in the form.
    const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`);
    const csrfCookie = csrfRes.headers
      .getSetCookie()
      .find((c) => c.startsWith("next-auth.csrf-token="))!
      .split(";")[0]!;
    const freshToken = ((await csrfRes.json()) as { csrfToken: string }).csrfToken;
    const failed = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie, origin: baseUrl },
      body: new URLSearchParams({ email: account.email, password: wrongPassword, csrfToken: freshToken, json: "true" }),
      redirect: "manual",
    });
    expect(failed.status).toBe(401);
    expect((await fetch(`${baseUrl}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    expect((await fetch(`${baseUrl}/api/v1/me`, { headers: { authorization: "Bearer sf_not_a_real_token" } })).status).toBe(401);

    // Lines are written as they happen; give the last ones a moment to reach the file.
    await new Promise((r) => setTimeout(r, 500));
    const log = fs.readFileSync(serverLog, "utf8");
    const events = log
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l) as { level: string; msg: string; event?: string; userId?: string });
    const kinds = new Set(events.filter((e) => e.msg === "audit").map((e) => e.event));
    for (const kind of ["sign-up", "sign-in", "sign-in.failed", "authz.denied", "csrf.refused"]) expect(kinds, kind).toContain(kind);

    const secrets = [
      account.password,
      wrongPassword,
      token,
      crypto.createHash("sha256").update(token).digest("hex"),
      "$argon2",
      ...(await w.context.cookies()).filter((c) => c.name.includes("session-token")).map((c) => c.value),
    ];
    for (const secret of secrets) expect(log.includes(secret), `the log holds a secret (${secret.slice(0, 6)}…)`).toBe(false);
  });
});
