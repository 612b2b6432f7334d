// Several instances (issue 14): two app processes from the same build, on one Postgres database of their
// own, behind a round-robin proxy that sends each request to the other instance than the last one. Run
// through it: the sign-up, sign-in, logging and dashboard flow in Chromium; sign-in throttling, the session
// (signed with the secret the instances keep in the database, as no NEXTAUTH_SECRET is set) and the API
// rate limit, each of which holds only if the instances share their state through the database.
// PGlite is one process by design: this runs on Postgres only (TEST_DATABASE_URL, as CI sets it).
import http from "node:http";
import { decode } from "next-auth/jwt";
import postgres from "postgres";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { hashPassword } from "@/lib/passwords";
import { THROTTLE } from "@/lib/sign-in-throttle";
import { startAppServer, type AppServer } from "../support/app-server";
import { freePort } from "../support/free-port";
import { startRoundRobinProxy, type RoundRobinProxy } from "../support/round-robin-proxy";
import { launch, openPage } from "./browser";
import { hydrated, newAccount, signIn, signUp } from "./support";

const pgUrl = process.env.TEST_DATABASE_URL ?? "";
const chromiumPath = inject("chromiumPath");
const skipReason = !pgUrl
  ? "it needs Postgres: set TEST_DATABASE_URL (CI does, see .ci/run)"
  : !chromiumPath
    ? "no Chromium (see the e2e global setup)"
    : "";
if (skipReason) console.warn(`two-instances skipped: ${skipReason}`);

/** Low enough to reach in a moment, above what the browser flow asks of the API in a minute. */
const API_LIMIT = 60;
const PASSWORD = "a long enough password";

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** One HTTP request from a given local address (127.0.0.x), so that each simulated client has an address of its own. */
function send(
  url: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string; from?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: opts.method ?? "GET", headers: opts.headers, localAddress: opts.from, agent: false }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end(opts.body);
  });
}

const cookiePairs = (a: Answer) => (a.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]!);

describe.skipIf(skipReason !== "")("two app instances on one Postgres, behind a round-robin proxy", () => {
  const dbName = `sf_two_instances_${process.pid}_${Date.now()}`;
  let admin: postgres.Sql;
  let db: postgres.Sql;
  let proxy: RoundRobinProxy;
  let instances: AppServer[] = [];
  let browser: Browser | undefined;

  beforeAll(async () => {
    admin = postgres(pgUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${dbName}`);
    const own = new URL(pgUrl);
    own.pathname = `/${dbName}`;
    db = postgres(own.toString(), { max: 2, onnotice: () => {} });
    proxy = await startRoundRobinProxy();
    const ports = [await freePort(), await freePort()];
    // Both at once on a database with no tables yet: each migrates at start-up (one does, under the lock,
    // the other finds nothing left), and each creates-or-reads the session secret. No NEXTAUTH_SECRET.
    const env = {
      DATABASE_URL: own.toString(),
      NEXTAUTH_URL: proxy.url,
      TRUSTED_PROXY_HOPS: "1",
      API_RATE_LIMIT_PER_MINUTE: String(API_LIMIT),
    };
    const started = await Promise.allSettled(ports.map((port) => startAppServer(port, env)));
    instances = started.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
    const failed = started.find((s) => s.status === "rejected");
    if (failed) throw (failed as PromiseRejectedResult).reason;
    proxy.setUpstreams(ports);
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all(instances.map((i) => i.stop()));
    await proxy?.close();
    await db?.end();
    await admin?.unsafe(`drop database if exists ${dbName} with (force)`);
    await admin?.end();
  });

  /** Users made straight in the database (the browser flow signs its own up). */
  async function makeUser(name: string) {
    const email = `${name}-${crypto.randomUUID().slice(0, 8)}@example.test`;
    const [row] =
      await db`insert into users (email, name, password_hash) values (${email}, ${name}, ${await hashPassword(PASSWORD)}) returning id`;
    return { id: row!.id as string, email };
  }

  /** What the sign-in form does, through the proxy from address `from`: a CSRF token, then the credentials with json=true. */
  async function signInAttempt(email: string, password: string, from: string, csrf?: { cookie: string; token: string }) {
    if (!csrf) {
      const res = await send(`${proxy.url}/api/auth/csrf`, { from });
      csrf = { cookie: cookiePairs(res).join("; "), token: (JSON.parse(res.body) as { csrfToken: string }).csrfToken };
    }
    const res = await send(`${proxy.url}/api/auth/callback/credentials`, {
      method: "POST",
      from,
      // A client's own X-Forwarded-For is not believed: the proxy's entry (the address it saw) is.
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        cookie: csrf.cookie,
        origin: proxy.url,
        "x-forwarded-for": "203.0.113.9",
      },
      body: new URLSearchParams({ email, password, csrfToken: csrf.token, json: "true" }).toString(),
    });
    const url = (JSON.parse(res.body) as { url?: string }).url;
    return {
      status: res.status,
      error: url ? new URL(url).searchParams.get("error") : null,
      retryAfter: res.headers["retry-after"] ?? null,
      session: cookiePairs(res).find((c) => c.startsWith("next-auth.session-token=")) ?? null,
      upstream: proxy.served.at(-1)!.upstream,
      csrf,
    };
  }

  it("sign up, sign in, log a transaction and see it on the overview in Chromium, with both instances serving the flow", async () => {
    browser = await launch(chromiumPath);
    const { page, context, problems } = await openPage(browser, proxy.url);
    const from = proxy.served.length;
    const account = newAccount("two");
    await signUp(page, account);
    await page.getByRole("button", { name: "Sign out" }).first().click();
    await page.waitForURL((url) => url.pathname === "/");
    await signIn(page, account);

    const stream = await page.request.post("/api/v1/streams", { data: { name: "Two instances" } });
    expect(stream.status()).toBe(201);
    await page.goto("/transactions", { waitUntil: "networkidle" });
    const form = page.locator('form[aria-label="Log a transaction"]');
    await hydrated(page, 'form[aria-label="Log a transaction"] input[name="amount"]');
    await form.locator('input[name="amount"]').fill("1234.56");
    const created = page.waitForResponse((r) => r.url().endsWith("/api/v1/transactions") && r.request().method() === "POST");
    await form.locator('input[name="amount"]').press("Enter");
    expect((await created).status()).toBe(201);
    await page
      .getByRole("list", { name: "Transactions, newest first" })
      .getByTestId("transaction-row")
      .filter({ hasText: "$1,234.56" })
      .waitFor();

    await page.goto("/overview", { waitUntil: "networkidle" });
    await expect.poll(() => page.getByTestId("this-month-income").textContent(), { timeout: 15_000 }).toBe("$1,234.56");
    expect(problems).toEqual([]);
    await context.close();
    await browser.close();
    browser = undefined;

    // Each instance served signed-in pages of this flow: documents, RSC payloads, server actions (static files
    // aside; some 15 a side). How the flow's API calls split is printed only: a handful, their split is up to
    // timing. That both instances answer API calls made with one session is asserted below, request by request.
    const flow = proxy.served.slice(from).filter((s) => s.session && !s.path.startsWith("/_next/static/"));
    const byInstance = [0, 1].map((i) => flow.filter((s) => s.upstream === i));
    const pages = byInstance.map((l) => l.filter((s) => !s.path.startsWith("/api/")).length);
    const api = byInstance.map((l) => l.filter((s) => s.path.startsWith("/api/v1/")).length);
    console.log(
      `two-instances flow: ${proxy.served.length - from} requests; signed-in pages per instance ${pages.join(" + ")}, API calls ${api.join(" + ")}`,
    );
    expect(pages[0]).toBeGreaterThan(0);
    expect(pages[1]).toBeGreaterThan(0);
    // Fewer API calls in the flow than the limit, so none of them was refused by it.
    expect(flow.filter((s) => s.status === 429)).toEqual([]);
  });

  it("throttles sign-in failures spread over both instances at the same count as on one, by the address the proxy saw", async () => {
    const owner = await makeUser("owner");
    const attacker = "127.0.0.21";
    let csrf: { cookie: string; token: string } | undefined;
    const failedOn: number[] = [];
    for (let i = 0; i < THROTTLE.pair; i++) {
      const a = await signInAttempt(owner.email, `wrong password ${i}`, attacker, csrf);
      csrf = a.csrf; // one CSRF token, issued by one instance, accepted by both
      expect([a.status, a.error]).toEqual([401, "CredentialsSignin"]);
      failedOn.push(a.upstream);
    }
    // The 5 failures alternated between the instances (3 on one, 2 on the other): neither alone has reached 5.
    expect(new Set(failedOn)).toEqual(new Set([0, 1]));

    // The 6th attempt, on either instance, is throttled, even with the right password.
    const blockedOn: number[] = [];
    for (let i = 0; i < 2; i++) {
      const blocked = await signInAttempt(owner.email, PASSWORD, attacker, csrf);
      expect(blocked.status).toBe(429);
      expect(blocked.error).toMatch(/^Throttled:\d+$/);
      expect(Number(blocked.retryAfter)).toBeGreaterThan(THROTTLE.windowSeconds - 60);
      expect(Number(blocked.retryAfter)).toBeLessThanOrEqual(THROTTLE.windowSeconds);
      expect(blocked.session).toBeNull();
      blockedOn.push(blocked.upstream);
    }
    expect(new Set(blockedOn)).toEqual(new Set([0, 1]));

    // Counted under the address the proxy saw and forwarded, not the client's own X-Forwarded-For or the proxy's.
    const failures = await db`select ip, count(*)::int as n from sign_in_failures where account = ${owner.email} group by ip`;
    expect(failures.map((r) => ({ ...r }))).toEqual([{ ip: attacker, n: THROTTLE.pair }]);

    // The owner, from an address that has not failed, signs in.
    const owned = await signInAttempt(owner.email, PASSWORD, "127.0.0.22");
    expect(owned.status).toBe(200);
    expect(owned.session).not.toBeNull();
  });

  it("shares the session: a cookie issued by one instance works on the other, signed with the one secret kept in the database", async () => {
    const user = await makeUser("session");
    const signedIn = await signInAttempt(user.email, PASSWORD, "127.0.0.31");
    expect(signedIn.status).toBe(200);
    const cookie = signedIn.session!;
    // Straight to each instance, past the proxy: the one that issued the cookie and the other.
    for (const instance of instances) {
      const me = await send(`${instance.url}/api/v1/me`, { headers: { cookie } });
      expect(me.status, `instance on ${instance.port}`).toBe(200);
      expect(JSON.parse(me.body)).toMatchObject({ email: user.email });
    }
    // No NEXTAUTH_SECRET was given: the instances made one secret in app_secrets, and the session is sealed with it.
    const secrets = await db`select value from app_secrets where name = 'nextauth'`;
    expect(secrets).toHaveLength(1);
    const token = await decode({ token: cookie.slice(cookie.indexOf("=") + 1), secret: secrets[0]!.value as string });
    expect(token?.email).toBe(user.email);
  });

  it("counts the API rate limit across both instances: the limit in total, not twice it, refused as problem+json", async () => {
    const user = await makeUser("burst");
    const signedIn = await signInAttempt(user.email, PASSWORD, "127.0.0.41");
    const cookie = signedIn.session!;
    // Stay inside one minute of the database's clock (the windows are aligned to it).
    const [clock] = await db`select (extract(epoch from statement_timestamp()) * 1000)::bigint % 60000 as into`;
    const left = 60_000 - Number(clock!.into);
    if (left < 15_000) await new Promise((r) => setTimeout(r, left + 500));

    // 2.5 × the limit, in concurrent batches of ten: five to each instance per batch.
    const total = API_LIMIT * 2.5;
    const from = proxy.served.length;
    const answers: Answer[] = [];
    for (let sent = 0; sent < total; sent += 10)
      answers.push(...(await Promise.all(Array.from({ length: 10 }, () => send(`${proxy.url}/api/v1/me`, { headers: { cookie } })))));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(API_LIMIT);
    expect(statuses.filter((s) => s === 429)).toHaveLength(total - API_LIMIT);
    // Each instance took its half, and each answered some 200s and some 429s: had each counted only its
    // own calls, each would have allowed up to the limit (1.25 × the limit here would have gone through).
    const served = proxy.served.slice(from);
    for (const i of [0, 1]) {
      const mine = served.filter((s) => s.upstream === i);
      expect(mine).toHaveLength(total / 2);
      expect(mine.some((s) => s.status === 200)).toBe(true);
      expect(mine.some((s) => s.status === 429)).toBe(true);
    }
    for (const refused of answers.filter((a) => a.status === 429)) {
      expect(refused.headers["content-type"]).toBe("application/problem+json");
      expect(JSON.parse(refused.body)).toMatchObject({ type: "urn:streamfolio:problem:rate-limited", status: 429 });
      expect(Number(refused.headers["retry-after"])).toBeGreaterThanOrEqual(1);
      expect(Number(refused.headers["retry-after"])).toBeLessThanOrEqual(60);
    }
    // Every call was counted once, in one window.
    const counted = await db`select count(*)::int as windows, sum(count)::int as n from rate_limit_windows where key = ${`api:${user.id}`}`;
    expect({ ...counted[0] }).toEqual({ windows: 1, n: total });
  });
});
