// Sign-in through the real next-auth route handler: throttling counted in the database, the 429 answer,
// sign-up that does not tell whether an address has an account, and two-factor sign-in.
import { inRequestScope } from "../support/request-scope";
import crypto from "node:crypto";
import type { AddressInfo } from "node:net";
import { and, eq, sql } from "drizzle-orm";
import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { Secret, TOTP } from "otpauth";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { GET, POST } from "@/app/api/auth/[...nextauth]/route";
import { confirmTwoFactor, disableTwoFactor, startTwoFactor } from "@/app/(app)/settings/two-factor-actions";
import { getDb } from "@/db/index";
import { auditEvents, recoveryCodes, rememberedDevices, signInFailures, users } from "@/db/schema";
import { signUp } from "@/lib/accounts";
import { hashPassword } from "@/lib/passwords";
import { createSession } from "@/lib/data/sessions";
import { createUser } from "@/lib/data/users";
import { authSecret } from "@/lib/secret";
import { THROTTLE, pruneSignInFailures } from "@/lib/sign-in-throttle";
import { verifyTotp } from "@/lib/totp";
import { makeUser } from "../support/api";

process.env.NEXTAUTH_SECRET ??= "integration-test-secret-integration-test-secret";
process.env.NEXTAUTH_URL = "http://localhost";

const ROUTE = "/api/auth/[...nextauth]";
const PASSWORD = "correct horse battery staple";
// Client addresses no other test (nor a file running at once on the same Postgres) uses.
const ipBlock = `10.${crypto.randomInt(256)}.${crypto.randomInt(256)}`;
let ipSeq = 0;
const freshIp = () => `${ipBlock}.${++ipSeq}`;

async function authRoute(method: "GET" | "POST", path: string[], init: { ip: string; cookie?: string; form?: Record<string, string> }) {
  const headers = new Headers({ "x-streamfolio-client-ip": init.ip, "user-agent": "vitest" });
  if (init.cookie) headers.set("cookie", init.cookie);
  let body: string | undefined;
  if (init.form) {
    headers.set("content-type", "application/x-www-form-urlencoded");
    body = new URLSearchParams(init.form).toString();
  }
  const req = new NextRequest(`http://localhost/api/auth/${path.join("/")}`, { method, headers, body });
  const ctx = { params: Promise.resolve({ nextauth: path }) };
  return inRequestScope(req, ROUTE, () => (method === "GET" ? GET(req, ctx) : POST(req, ctx)));
}

const cookiePairs = (res: Response) => res.headers.getSetCookie().map((c) => c.split(";")[0]!);

type Attempt = { status: number; error: string | null; retryAfter: string | null; cookies: string[]; setCookies: string[] };

/** What the sign-in form does: fetch a CSRF token, then post the credentials with json=true. */
async function signInAttempt(
  fields: { email: string; password: string; code?: string; remember?: string },
  ip: string,
  cookie?: string,
): Promise<Attempt> {
  const csrf = await authRoute("GET", ["csrf"], { ip });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await authRoute("POST", ["callback", "credentials"], {
    ip,
    cookie: [...cookiePairs(csrf), cookie].filter(Boolean).join("; "),
    form: { ...fields, csrfToken, json: "true", callbackUrl: "http://localhost/overview" } as Record<string, string>,
  });
  const json = (await res.json()) as { url?: string };
  return {
    status: res.status,
    error: json.url ? new URL(json.url).searchParams.get("error") : null,
    retryAfter: res.headers.get("retry-after"),
    cookies: cookiePairs(res),
    setCookies: res.headers.getSetCookie(),
  };
}

const signedIn = (a: Attempt) => a.status === 200 && a.cookies.some((c) => c.startsWith("next-auth.session-token="));

async function account(name = "Owner") {
  const email = `${name.toLowerCase()}-${crypto.randomUUID().slice(0, 8)}@example.test`;
  const user = await createUser({ name, email, passwordHash: await hashPassword(PASSWORD) });
  return { id: user.id, email };
}

async function auditKinds(userId: string) {
  const db = await getDb();
  const rows = await db
    .select({ kind: auditEvents.kind, detail: auditEvents.detail })
    .from(auditEvents)
    .where(eq(auditEvents.userId, userId));
  return rows;
}

describe("sign-in throttling", () => {
  it("after 5 failures for one account from one address, answers 429 with Retry-After, even to the right password; a fresh address still signs in", async () => {
    const owner = await account();
    const attacker = freshIp();
    for (let i = 0; i < THROTTLE.pair; i++) {
      const a = await signInAttempt({ email: owner.email, password: `wrong password ${i}` }, attacker);
      expect([a.status, a.error]).toEqual([401, "CredentialsSignin"]);
    }
    const blocked = await signInAttempt({ email: owner.email, password: PASSWORD }, attacker);
    expect(blocked.status).toBe(429);
    expect(blocked.error).toMatch(/^Throttled:\d+$/);
    expect(Number(blocked.retryAfter)).toBeGreaterThan(THROTTLE.windowSeconds - 60);
    expect(Number(blocked.retryAfter)).toBeLessThanOrEqual(THROTTLE.windowSeconds);
    expect(blocked.cookies.some((c) => c.startsWith("next-auth.session-token="))).toBe(false);

    // The owner, from an address that has not failed, is not held off.
    expect(signedIn(await signInAttempt({ email: owner.email, password: PASSWORD }, freshIp()))).toBe(true);

    const events = await auditKinds(owner.id);
    expect(events.filter((e) => e.kind === "sign-in.failed")).toHaveLength(THROTTLE.pair);
    expect(events.filter((e) => e.kind === "sign-in.throttled")).toHaveLength(1);
    expect(events.filter((e) => e.kind === "sign-in")).toHaveLength(1);
    expect(JSON.stringify(events)).not.toMatch(/wrong password|correct horse/);
  });

  it("counts an address's failures across accounts (spraying): after 20, even a real account's right password gets 429", async () => {
    const ip = freshIp();
    for (let i = 0; i < THROTTLE.address; i++) {
      const a = await signInAttempt({ email: `nobody-${i}-${crypto.randomUUID().slice(0, 6)}@example.test`, password: "Winter2025!" }, ip);
      expect(a.status).toBe(401);
    }
    const owner = await account();
    const a = await signInAttempt({ email: owner.email, password: PASSWORD }, ip);
    expect(a.status).toBe(429);
    expect(Number(a.retryAfter)).toBeGreaterThan(0);
    expect(signedIn(await signInAttempt({ email: owner.email, password: PASSWORD }, freshIp()))).toBe(true);
  });

  it("holds an account under attack from many addresses off for those addresses only; the owner signs in from a fresh one", async () => {
    const owner = await account();
    const attackers = Array.from({ length: THROTTLE.account }, freshIp);
    for (const ip of attackers) expect((await signInAttempt({ email: owner.email, password: "guess guess guess" }, ip)).status).toBe(401);
    // An address that failed once is now held off the account, right password or not …
    const again = await signInAttempt({ email: owner.email, password: PASSWORD }, attackers[0]!);
    expect(again.status).toBe(429);
    // … and a new address gets its one guess, then the same.
    const newcomer = freshIp();
    expect((await signInAttempt({ email: owner.email, password: "one more guess" }, newcomer)).status).toBe(401);
    expect((await signInAttempt({ email: owner.email, password: PASSWORD }, newcomer)).status).toBe(429);
    // The owner, from a browser on an address that has not failed, signs in.
    expect(signedIn(await signInAttempt({ email: owner.email, password: PASSWORD }, freshIp()))).toBe(true);
  });

  it("shares the counts through the database: failures another process recorded throttle here, and Retry-After is when the oldest counted one expires", async () => {
    const owner = await account();
    const ip = freshIp();
    const db = await getDb();
    // As another app process would have written them: five failures, the oldest 14 minutes ago.
    await db.insert(signInFailures).values(
      [14, 3, 2, 1, 0].map((minutesAgo) => ({
        account: owner.email,
        ip,
        at: sql`now() - make_interval(mins => ${minutesAgo})` as unknown as Date,
      })),
    );
    const a = await signInAttempt({ email: owner.email, password: PASSWORD }, ip);
    expect(a.status).toBe(429);
    expect(Number(a.retryAfter)).toBeGreaterThan(55);
    expect(Number(a.retryAfter)).toBeLessThanOrEqual(60);
    // The email's case does not matter: the account is the lower-cased address.
    expect((await signInAttempt({ email: owner.email.toUpperCase(), password: PASSWORD }, ip)).status).toBe(429);
  });

  it("prunes failures older than the window", async () => {
    const db = await getDb();
    const ip = freshIp();
    await db.insert(signInFailures).values([
      { account: "old@example.test", ip, at: sql`now() - interval '2 hours'` as unknown as Date },
      { account: "new@example.test", ip },
    ]);
    expect(await pruneSignInFailures()).toBeGreaterThanOrEqual(1);
    const left = await db.select({ account: signInFailures.account }).from(signInFailures).where(eq(signInFailures.ip, ip));
    expect(left).toEqual([{ account: "new@example.test" }]);
  });
});

describe("sign-up does not tell whether an address has an account", () => {
  const mails: string[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, _session, done) {
      let text = "";
      stream.on("data", (c: Buffer) => (text += c.toString()));
      stream.on("end", () => {
        mails.push(text);
        done();
      });
    },
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", () => resolve()));
    process.env.SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    delete process.env.SMTP_URL;
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  it("answers a taken address exactly as a new one, after the same password hashing, and mails the owner", async () => {
    const owner = await account("Taken");
    const newEmail = `new-${crypto.randomUUID().slice(0, 8)}@example.test`;
    const timed = async (email: string) => {
      const started = performance.now();
      const result = await signUp({ name: "Someone", email, password: "some other password" });
      return { result, ms: performance.now() - started };
    };
    const fresh = await timed(newEmail);
    const taken = await timed(owner.email.toUpperCase());
    expect(taken.result).toEqual(fresh.result);
    expect(taken.result).toEqual({ ok: true });
    // Both paths hash the password (argon2id, tens of milliseconds): the taken one is not answered early.
    expect(taken.ms).toBeGreaterThan(fresh.ms * 0.4);

    // The owner's account is unchanged, and they hear of the attempt; the new address gets no such mail.
    const db = await getDb();
    const [row] = await db.select({ name: users.name }).from(users).where(eq(users.id, owner.id));
    expect(row?.name).toBe("Taken");
    await vi.waitFor(() => expect(mails.some((m) => m.includes(`To: ${owner.email}`))).toBe(true), { timeout: 5_000 });
    const notice = mails.find((m) => m.includes(`To: ${owner.email}`))!;
    expect(notice).toMatch(/Someone tried to sign up with your address/);
    expect(notice).not.toContain("some other password");
    expect(mails.some((m) => m.includes(newEmail))).toBe(false);

    // Only the right password signs in to the taken address; the sign-up's password is an ordinary failure.
    expect((await signInAttempt({ email: owner.email, password: "some other password" }, freshIp())).status).toBe(401);
    expect(signedIn(await signInAttempt({ email: newEmail, password: "some other password" }, freshIp()))).toBe(true);
  });
});

describe("two-factor sign-in", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  /** Server actions of Settings, as the signed-in user's browser calls them. */
  async function asUser<T>(cookie: string, action: () => Promise<T>): Promise<T> {
    const req = new NextRequest("http://localhost/settings", {
      method: "POST",
      headers: { cookie, "x-streamfolio-client-ip": "198.51.100.1" },
    });
    return inRequestScope(req, "/settings", action);
  }

  async function enrolled() {
    const owner = await account("Twofa");
    // A signed-in browser's session cookie, for Settings.
    const sid = await createSession(owner.id, { ip: "test", userAgent: null });
    const jwt = await encode({ token: { uid: owner.id, sv: 1, sid }, secret: authSecret() });
    const cookie = `next-auth.session-token=${jwt}`;
    const start = await asUser(cookie, startTwoFactor);
    if (!start.ok) throw new Error(start.error);
    expect(start.qr).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(start.qr.split(",")[1]!, "base64").toString()).toMatch(/^<svg/);
    const secret = start.key.replace(/\s/g, "");
    const totp = new TOTP({ algorithm: "SHA1", digits: 6, period: 30, secret: Secret.fromBase32(secret) });
    return { ...owner, cookie, secret, totp };
  }

  it("enrols with a QR code and a confirming code, then asks for the code at sign-in; a wrong one counts as a failure", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const t0 = Date.now();
    const u = await enrolled();
    const wrong = await asUser(u.cookie, () => confirmTwoFactor("000000"));
    expect(wrong.ok).toBe(false);
    const confirmed = await asUser(u.cookie, () => confirmTwoFactor(u.totp.generate({ timestamp: t0 })));
    if (!confirmed.ok) throw new Error(confirmed.error);
    expect(confirmed.recoveryCodes).toHaveLength(10);
    expect(new Set(confirmed.recoveryCodes).size).toBe(10);
    for (const c of confirmed.recoveryCodes) expect(c).toMatch(/^[0-9a-hjkmnp-tv-z]{5}-[0-9a-hjkmnp-tv-z]{5}$/);
    expect(confirmed.status).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });

    const db = await getDb();
    const stored = await db.select({ hash: recoveryCodes.codeHash }).from(recoveryCodes).where(eq(recoveryCodes.userId, u.id));
    const sha = (s: string) => crypto.createHash("sha256").update(s.replace("-", "")).digest("hex");
    expect(stored.map((r) => r.hash).sort()).toEqual(confirmed.recoveryCodes.map(sha).sort());
    const auditNow = await auditKinds(u.id);
    expect(auditNow.map((e) => e.kind)).toContain("totp.enabled");
    expect(JSON.stringify(auditNow)).not.toContain(u.secret);

    const ip = freshIp();
    const noCode = await signInAttempt({ email: u.email, password: PASSWORD }, ip);
    expect([noCode.status, noCode.error]).toEqual([401, "TotpRequired"]);
    // A wrong password with no code says nothing about the second factor.
    expect((await signInAttempt({ email: u.email, password: "not the password" }, ip)).error).toBe("CredentialsSignin");

    const badCode = await signInAttempt({ email: u.email, password: PASSWORD, code: "123456" }, ip);
    expect([badCode.status, badCode.error]).toEqual([401, "TotpInvalid"]);
    const failures = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(signInFailures)
      .where(and(eq(signInFailures.account, u.email), eq(signInFailures.ip, ip)));
    expect(failures[0]?.n).toBe(2);

    vi.setSystemTime(t0 + 30_000);
    const good = await signInAttempt({ email: u.email, password: PASSWORD, code: u.totp.generate() }, ip);
    expect(signedIn(good)).toBe(true);
    // The same code is good once.
    const replay = await signInAttempt({ email: u.email, password: PASSWORD, code: u.totp.generate() }, freshIp());
    expect(replay.error).toBe("TotpInvalid");
    // The step is claimed in the database, so two checks racing (two app processes) accept a new code once.
    vi.setSystemTime(t0 + 60_000);
    const secret = (await db.select({ s: users.totpSecret }).from(users).where(eq(users.id, u.id)))[0]!.s!;
    const code = u.totp.generate();
    expect(await Promise.all([verifyTotp(u.id, secret, code), verifyTotp(u.id, secret, code)])).toEqual(
      expect.arrayContaining([true, false]),
    );
  });

  it("takes a recovery code in place of a code, once", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const u = await enrolled();
    const confirmed = await asUser(u.cookie, () => confirmTwoFactor(u.totp.generate()));
    if (!confirmed.ok) throw new Error(confirmed.error);
    const code = confirmed.recoveryCodes[3]!;
    const first = await signInAttempt({ email: u.email, password: PASSWORD, code: ` ${code.toUpperCase()} ` }, freshIp());
    expect(signedIn(first)).toBe(true);
    const second = await signInAttempt({ email: u.email, password: PASSWORD, code }, freshIp());
    expect([second.status, second.error]).toEqual([401, "TotpInvalid"]);
    const events = await auditKinds(u.id);
    expect(events.filter((e) => e.kind === "recovery-code.used")).toHaveLength(1);
    expect(JSON.stringify(events)).not.toContain(code);
  });

  it("trusts a remembered browser for 30 days (a random token in an httpOnly cookie, stored as SHA-256), and lifts the account throttle for it", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const t0 = Date.now();
    const u = await enrolled();
    const confirmed = await asUser(u.cookie, () => confirmTwoFactor(u.totp.generate({ timestamp: t0 })));
    if (!confirmed.ok) throw new Error(confirmed.error);
    vi.setSystemTime(t0 + 30_000);
    const ip = freshIp();
    const first = await signInAttempt({ email: u.email, password: PASSWORD, code: u.totp.generate(), remember: "true" }, ip);
    expect(signedIn(first)).toBe(true);
    const set = first.setCookies.find((c) => c.startsWith("streamfolio.trusted-browser="))!;
    expect(set).toMatch(/; Max-Age=2592000; HttpOnly; SameSite=Lax/);
    const device = set.split(";")[0]!;
    const token = device.split("=")[1]!;
    const db = await getDb();
    const [row] = await db
      .select({ hash: rememberedDevices.tokenHash, days: sql<number>`round(extract(epoch from expires_at - now()) / 86400)::int` })
      .from(rememberedDevices)
      .where(eq(rememberedDevices.userId, u.id));
    expect(row).toEqual({ hash: crypto.createHash("sha256").update(token).digest("hex"), days: 30 });

    // No code asked from that browser; another browser still gets asked.
    expect(signedIn(await signInAttempt({ email: u.email, password: PASSWORD }, ip, device))).toBe(true);
    expect((await signInAttempt({ email: u.email, password: PASSWORD }, freshIp())).error).toBe("TotpRequired");
    // A forged or another account's token is no trust.
    expect((await signInAttempt({ email: u.email, password: PASSWORD }, ip, `streamfolio.trusted-browser=${"A".repeat(43)}`)).error).toBe(
      "TotpRequired",
    );

    // Under attack from many addresses, the owner's browser that once mistyped is let in by its trusted cookie.
    for (let i = 0; i < THROTTLE.account - 1; i++) await signInAttempt({ email: u.email, password: "guess" }, freshIp());
    await signInAttempt({ email: u.email, password: "a typo" }, ip);
    expect((await signInAttempt({ email: u.email, password: PASSWORD }, ip)).status).toBe(429);
    expect(signedIn(await signInAttempt({ email: u.email, password: PASSWORD }, ip, device))).toBe(true);
    // So does a correct second factor.
    vi.setSystemTime(t0 + 60_000);
    expect(signedIn(await signInAttempt({ email: u.email, password: PASSWORD, code: u.totp.generate() }, ip))).toBe(true);

    // Turning two-factor off needs the password or a code; it forgets trusted browsers and recovery codes.
    expect(await asUser(u.cookie, () => disableTwoFactor("not it at all"))).toMatchObject({ ok: false });
    const off = await asUser(u.cookie, () => disableTwoFactor(PASSWORD));
    expect(off).toMatchObject({ ok: true, status: { enabled: false, recoveryCodesLeft: 0 } });
    expect(await db.select().from(rememberedDevices).where(eq(rememberedDevices.userId, u.id))).toEqual([]);
    expect(await db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, u.id))).toEqual([]);
    expect((await auditKinds(u.id)).map((e) => e.kind)).toContain("totp.disabled");
    expect(signedIn(await signInAttempt({ email: u.email, password: PASSWORD }, freshIp()))).toBe(true);
  });

  it("leaves API tokens alone: a token works without a second factor", async () => {
    const u = await makeUser("Api");
    const { GET: me } = await import("@/app/api/v1/me/route");
    const db = await getDb();
    await db.update(users).set({ totpSecret: "JBSWY3DPEHPK3PXP", totpEnabledAt: new Date() }).where(eq(users.id, u.id));
    const res = await me(new Request("http://localhost/api/v1/me", { headers: { authorization: `Bearer ${u.readToken}` } }), {
      params: Promise.resolve({}),
    });
    expect(res.status).toBe(200);
  });
});
