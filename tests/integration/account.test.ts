// Settings → Account and password resets through the real database and the real server actions (with
// next/headers standing in for a request): changing the password ends the other sessions only, changing
// the email tells the old address, deleting an account removes every row it owns and nothing else, reset
// links are single-use and hourly, the answer to "forgot password" never tells who has an account, and the
// operator's script works on a database of its own.
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as getMe } from "@/app/api/v1/me/route";
import { POST as postWebhook } from "@/app/api/v1/webhooks/route";
import { getDb, rowsOf } from "@/db/index";
import { migrationsFolder } from "@/db/config";
import { createPasswordReset, getPasswordHash, hashResetToken, setPasswordHash } from "@/lib/data/account";
import { readAccountSecurity } from "@/lib/api/account-security";
import { RESET_REQUESTED, requestPasswordReset, resetPassword } from "@/lib/account-security";
import { loadDemo } from "@/lib/data/demo";
import { createSession, findUserForSession } from "@/lib/data/sessions";
import { isRememberedDevice, rememberDevice } from "@/lib/data/two-factor";
import { findCredentials } from "@/lib/data/users";
import { hashPassword, verifyPassword } from "@/lib/passwords";
import { todayIn } from "@/lib/today";
import { encode } from "next-auth/jwt";
import { authSecret } from "@/lib/secret";
import { call, makeUser, type TestUser } from "../support/api";

// The request a server action runs in: its cookie, its headers, and the cookies it sets.
const request = vi.hoisted(() => ({
  cookie: "",
  userAgent: "Mozilla/5.0 (X11; Linux x86_64; rv:130.0) Gecko/20100101 Firefox/130.0",
  set: [] as { name: string; value: string; options?: Record<string, unknown> }[],
}));
vi.mock("next/headers", () => {
  const pairs = () =>
    request.cookie
      .split(/;\s*/)
      .filter(Boolean)
      .map((c) => ({ name: c.slice(0, c.indexOf("=")), value: c.slice(c.indexOf("=") + 1) }));
  return {
    headers: async () => new Headers({ cookie: request.cookie, "user-agent": request.userAgent, "x-streamfolio-client-ip": "203.0.113.7" }),
    cookies: async () => ({
      getAll: () => pairs(),
      get: (name: string) => pairs().find((p) => p.name === name),
      set: (name: string, value: string, options?: Record<string, unknown>) => request.set.push({ name, value, options }),
      delete: (name: string) => request.set.push({ name, value: "" }),
    }),
  };
});

// Imported after the mock is declared (vi.mock is hoisted anyway; this keeps the order readable).
const { changeEmailAction, changePasswordAction, deleteAccountAction, signOutSessionAction } =
  await import("@/app/(app)/settings/account-actions");

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};

const PASSWORD = "the original password";

/** A user with a real password, signed in twice: this browser (`cookie`) and another one (`other`). */
async function account(name = "Account Holder") {
  const user = await makeUser(name);
  await setPasswordHash(user.id, await hashPassword(PASSWORD));
  // makeUser signed in once: that session is the one its cookie names.
  const db = await getDb();
  const [own] = rowsOf<{ id: string }>(await db.execute(sql`select id from sessions where user_id = ${user.id}`));
  const sid = own!.id;
  const otherSid = await createSession(user.id, { ip: "198.51.100.2", userAgent: "Mozilla/5.0 (iPhone) Version/17.0 Mobile Safari/604.1" });
  const other = `next-auth.session-token=${await encode({ token: { uid: user.id, sv: 1, sid: otherSid }, secret: authSecret() })}`;
  return { ...user, sid, otherSid, other };
}

async function liveSession(userId: string, sid: string): Promise<boolean> {
  const db = await getDb();
  const [u] = rowsOf<{ v: number }>(await db.execute(sql`select session_version as v from users where id = ${userId}`));
  if (!u) return false;
  return Boolean(await findUserForSession(userId, u.v, sid));
}

async function me(auth: { cookie: string } | { token: string }) {
  return (await call(getMe, "/api/v1/me", { auth })).status;
}

async function auditKinds(userId: string): Promise<string[]> {
  const db = await getDb();
  return rowsOf<{ kind: string }>(await db.execute(sql`select kind from audit_events where user_id = ${userId} order by id`)).map(
    (r) => r.kind,
  );
}

async function as(user: { cookie: string }) {
  request.cookie = user.cookie;
  request.set = [];
}

// Every mail the local SMTP server received, decoded from quoted-printable.
const mails: { to: string; text: string }[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  onData(stream, session, done) {
    let text = "";
    stream.on("data", (c: Buffer) => (text += c.toString()));
    stream.on("end", () => {
      const decoded = text.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
      mails.push({ to: session.envelope.rcptTo.map((r) => r.address).join(","), text: decoded });
      done();
    });
  },
});

async function mailTo(address: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mail = mails.find((m) => m.to === address);
    if (mail) return mail;
    if (Date.now() > deadline) throw new Error(`no mail to ${address}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", () => resolve()));
  process.env.SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
  process.env.NEXTAUTH_URL = "http://streamfolio.test";
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  delete process.env.NEXTAUTH_URL;
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

describe("changing the password", () => {
  it("refuses a wrong current password, a weak or unchanged new one, and changes nothing", async () => {
    const a = await account("Wrong");
    const before = (await getPasswordHash(a.id))!.passwordHash;
    await as(a);
    const wrong = await changePasswordAction(null, form({ currentPassword: "not my password", newPassword: "a brand new password" }));
    expect(wrong).toEqual({ ok: false, fieldErrors: { currentPassword: "That is not your current password." } });
    const weak = await changePasswordAction(null, form({ currentPassword: PASSWORD, newPassword: "short" }));
    expect(weak).toMatchObject({ ok: false, fieldErrors: { newPassword: "Use at least 10 characters." } });
    const same = await changePasswordAction(null, form({ currentPassword: PASSWORD, newPassword: PASSWORD }));
    expect(same).toMatchObject({ ok: false, fieldErrors: { newPassword: "Choose a password different from your current one." } });
    expect((await getPasswordHash(a.id))!.passwordHash).toBe(before);
    expect(await liveSession(a.id, a.sid)).toBe(true);
    expect(await liveSession(a.id, a.otherSid)).toBe(true);
    expect(await auditKinds(a.id)).not.toContain("password.changed");
  });

  it("ends every other session, keeps this one and the API tokens, and records it", async () => {
    const a = await account("Changer");
    await as(a);
    await rememberDevice(a.id, "0".repeat(64), 30);
    const result = await changePasswordAction(null, form({ currentPassword: PASSWORD, newPassword: "a brand new password" }));
    expect(result.ok).toBe(true);
    // Browsers trusted to skip the second factor are forgotten with the old password.
    expect(await isRememberedDevice(a.id, "0".repeat(64))).toBe(false);
    const hash = (await getPasswordHash(a.id))!.passwordHash;
    expect(await verifyPassword(hash, "a brand new password")).toBe(true);
    expect(await verifyPassword(hash, PASSWORD)).toBe(false);
    expect(await liveSession(a.id, a.sid)).toBe(true);
    expect(await liveSession(a.id, a.otherSid)).toBe(false);
    expect(await me({ cookie: a.cookie })).toBe(200);
    expect(await me({ cookie: a.other })).toBe(401);
    expect(await me({ token: a.readToken })).toBe(200);
    expect(await me({ token: a.writeToken })).toBe(200);
    expect(await auditKinds(a.id)).toContain("password.changed");
    const db = await getDb();
    const [row] = rowsOf<{ ip: string; user_agent: string }>(
      await db.execute(sql`select ip, user_agent from audit_events where user_id = ${a.id} and kind = 'password.changed'`),
    );
    expect(row).toEqual({ ip: "203.0.113.7", user_agent: request.userAgent });
  });

  it("is throttled after ten wrong current passwords", async () => {
    const a = await account("Guesser");
    await as(a);
    for (let i = 0; i < 10; i++)
      await changePasswordAction(null, form({ currentPassword: `guess ${i}`, newPassword: "a brand new password" }));
    const eleventh = await changePasswordAction(null, form({ currentPassword: PASSWORD, newPassword: "a brand new password" }));
    expect(eleventh).toMatchObject({ ok: false, formError: "Too many attempts. Try again in 15 minutes." });
    expect(await verifyPassword((await getPasswordHash(a.id))!.passwordHash, PASSWORD)).toBe(true);
  });
});

describe("changing the email", () => {
  it("needs the password, refuses a taken email generically, stores it lower-cased and tells the old address", async () => {
    const a = await account("Mover");
    const b = await account("Other");
    await as(a);
    const wrong = await changeEmailAction(null, form({ email: "new@example.test", password: "nope nope nope" }));
    expect(wrong).toEqual({ ok: false, fieldErrors: { password: "That is not your current password." } });
    const taken = await changeEmailAction(null, form({ email: b.email.toUpperCase(), password: PASSWORD }));
    expect(taken).toEqual({ ok: false, fieldErrors: { email: "That email can't be used." } });
    const invalid = await changeEmailAction(null, form({ email: "not an email", password: PASSWORD }));
    expect(invalid).toMatchObject({ ok: false, fieldErrors: { email: "Enter a valid email address." } });
    expect((await getPasswordHash(a.id))!.email).toBe(a.email);
    // A reset link sent to the old address stops working with the change.
    const pending = await createPasswordReset(a.id);

    const fresh = `Moved-${crypto.randomUUID().slice(0, 8)}@Example.test`;
    const ok = await changeEmailAction(null, form({ email: fresh, password: PASSWORD }));
    expect(ok.ok).toBe(true);
    expect((await getPasswordHash(a.id))!.email).toBe(fresh.toLowerCase());
    expect((await findCredentials(fresh))?.id).toBe(a.id);
    expect(await findCredentials(a.email)).toBeNull();
    expect(await auditKinds(a.id)).toContain("email.changed");
    const notice = await mailTo(a.email);
    expect(notice.text).toContain("The sign-in email of your Streamfolio account was changed");
    expect(notice.text).not.toContain(fresh.toLowerCase());
    expect(await resetPassword({ token: pending, password: "another new password" }, { ip: "x", userAgent: null })).toMatchObject({
      ok: false,
    });
    // Both browsers stay signed in: an email change is not a credential change.
    expect(await liveSession(a.id, a.otherSid)).toBe(true);
  });
});

/** Rows of the user in every table that has a user_id column (the catalogue decides, so new tables count). */
async function rowsPerTable(userId: string): Promise<Record<string, number>> {
  const db = await getDb();
  const tables = rowsOf<{ table_name: string }>(
    await db.execute(
      sql`select table_name from information_schema.columns where table_schema = 'public' and column_name = 'user_id' order by table_name`,
    ),
  ).map((t) => t.table_name);
  const out: Record<string, number> = {};
  for (const t of tables) {
    const [row] = rowsOf<{ n: number }>(
      await db.execute(sql`select count(*)::int as n from ${sql.identifier(t)} where user_id = ${userId}`),
    );
    out[t] = row!.n;
  }
  return out;
}

/** Fills the account: the demo portfolio (streams, transactions, rollups, hours, goals, schedules, links), and a row in each other table. */
async function fill(user: TestUser) {
  const db = await getDb();
  await loadDemo(user.id, todayIn("UTC"));
  process.env.WEBHOOKS_ALLOW_PRIVATE = "true";
  const hook = await call(postWebhook, "/w", {
    method: "POST",
    auth: { token: user.writeToken },
    body: { url: "http://127.0.0.1:9/never", events: ["transaction.created"] },
  });
  delete process.env.WEBHOOKS_ALLOW_PRIVATE;
  expect(hook.status).toBe(201);
  const webhookId = (hook.json as { id: string }).id;
  await db.execute(sql`insert into webhook_deliveries (user_id, webhook_id, message_id, event_type, payload)
    values (${user.id}, ${webhookId}, ${`msg_${crypto.randomUUID()}`}, 'transaction.created', '{"type":"transaction.created","timestamp":"2026-01-01T00:00:00Z","data":{}}')`);
  await db.execute(
    sql`insert into insights (user_id, kind, key, title, body, data) values (${user.id}, 'goal.reached', 'k', 't', 'b', '{}')`,
  );
  await db.execute(sql`insert into insight_checks (user_id, checked_at) values (${user.id}, now())`);
  await db.execute(sql`insert into import_mappings (user_id, name, mapping) values (${user.id}, 'Mine', '{}')`);
  await db.execute(sql`insert into imports (user_id, file_name, preset) values (${user.id}, 'a.csv', 'generic')`);
  await db.execute(
    sql`insert into fx_rates (user_id, base_currency, currency, date, rate) values (${user.id}, 'USD', 'EUR', '2001-01-02', 1.1)`,
  );
  await db.execute(sql`insert into recovery_codes (user_id, code_hash) values (${user.id}, ${crypto.randomUUID()})`);
  await db.execute(
    sql`insert into remembered_devices (user_id, token_hash, expires_at) values (${user.id}, ${crypto.randomUUID()}, now() + interval '1 day')`,
  );
  await db.execute(sql`insert into sign_in_failures (account, ip) values (${user.email.toLowerCase()}, '192.0.2.1')`);
  await createPasswordReset(user.id);
  await db.execute(sql`insert into audit_events (user_id, kind, ip) values (${user.id}, 'sign-in', '192.0.2.1')`);
}

async function failuresOf(email: string) {
  const db = await getDb();
  const [row] = rowsOf<{ n: number }>(
    await db.execute(sql`select count(*)::int as n from sign_in_failures where account = ${email.toLowerCase()}`),
  );
  return row!.n;
}

describe("deleting the account", () => {
  it("every table keyed by user_id references users and cascades", async () => {
    const db = await getDb();
    const withColumn = rowsOf<{ table_name: string }>(
      await db.execute(sql`select table_name from information_schema.columns where table_schema = 'public' and column_name = 'user_id'`),
    ).map((r) => r.table_name);
    const cascading = rowsOf<{ table_name: string; rule: string }>(
      await db.execute(sql`select c.conrelid::regclass::text as table_name, c.confdeltype::text as rule
        from pg_constraint c where c.contype = 'f' and c.confrelid = 'public.users'::regclass`),
    );
    for (const t of withColumn) expect(cascading.find((c) => c.table_name === t)?.rule, `${t} → users ON DELETE CASCADE`).toBe("c");
    // And nothing refers to users in a way that would block or outlive a deletion.
    expect(cascading.filter((c) => c.rule !== "c")).toEqual([]);
  });

  it("needs the password and the email typed out; then every row of the account goes and the other account's stay", async () => {
    const a = await account("Leaver");
    const b = await account("Stayer");
    await fill(a);
    await fill(b);
    const before = await rowsPerTable(a.id);
    const empty = Object.entries(before).filter(([, n]) => n === 0);
    expect(empty, "every user table has rows of the account before").toEqual([]);
    const others = await rowsPerTable(b.id);

    await as(a);
    const wrong = await deleteAccountAction(null, form({ password: "nope nope nope", confirm: a.email }));
    expect(wrong).toEqual({ ok: false, fieldErrors: { password: "That is not your current password." } });
    const typo = await deleteAccountAction(null, form({ password: PASSWORD, confirm: "someone@else.test" }));
    expect(typo).toEqual({ ok: false, fieldErrors: { confirm: "Type your email exactly as shown above." } });
    expect(await rowsPerTable(a.id)).toEqual(before);
    expect(request.set).toEqual([]);

    const gone = await deleteAccountAction(null, form({ password: PASSWORD, confirm: ` ${a.email.toUpperCase()} ` }));
    expect(gone).toEqual({ ok: true });
    expect(Object.entries(await rowsPerTable(a.id)).filter(([, n]) => n > 0)).toEqual([]);
    const db = await getDb();
    expect(rowsOf(await db.execute(sql`select id from users where id = ${a.id}`))).toEqual([]);
    expect(await failuresOf(a.email)).toBe(0);
    // This browser's cookie is cleared, and would not work anyway.
    expect(request.set).toEqual([
      expect.objectContaining({ name: "next-auth.session-token", value: "", options: expect.objectContaining({ expires: new Date(0) }) }),
    ]);
    expect(await me({ cookie: a.cookie })).toBe(401);
    expect(await me({ token: a.writeToken })).toBe(401);

    expect(await rowsPerTable(b.id)).toEqual(others);
    expect(await failuresOf(b.email)).toBe(1);
    expect(await me({ cookie: b.cookie })).toBe(200);
  });
});

describe("signed-in browsers and activity", () => {
  it("lists this browser marked, signs another one out, and cannot touch another account's session", async () => {
    const a = await account("Lister");
    const b = await account("Intruder");
    const view = await readAccountSecurity(a.id, a.sid);
    expect(view.sessions.map((s) => [s.id, s.current]).sort()).toEqual(
      [
        [a.sid, true],
        [a.otherSid, false],
      ].sort(),
    );
    expect(view.sessions.find((s) => s.id === a.otherSid)?.browser).toBe("Safari on iPhone");

    await as(b);
    expect(await signOutSessionAction(a.otherSid)).toEqual({ ok: true });
    expect(await liveSession(a.id, a.otherSid)).toBe(true);
    expect(await signOutSessionAction("not-a-uuid")).toEqual({ ok: false });

    await as(a);
    expect(await signOutSessionAction(a.otherSid)).toEqual({ ok: true });
    expect(await liveSession(a.id, a.otherSid)).toBe(false);
    expect(await liveSession(a.id, a.sid)).toBe(true);

    await changePasswordAction(null, form({ currentPassword: PASSWORD, newPassword: "a brand new password" }));
    const after = await readAccountSecurity(a.id, a.sid);
    expect(after.activity[0]).toMatchObject({ kind: "password.changed", ip: "203.0.113.7", browser: "Firefox on Linux" });
    expect((await readAccountSecurity(b.id, b.sid)).activity).toEqual([]);
  });
});

describe("password reset by mail", () => {
  const client = { ip: "192.0.2.50", userAgent: null };
  const linkIn = (text: string) => text.match(/http:\/\/streamfolio\.test\/reset-password#token=([A-Za-z0-9_-]{43})/)?.[1];

  it("answers the same for a known and an unknown email, and mails only the account", async () => {
    const a = await account("Forgetful");
    const nobody = `nobody-${crypto.randomUUID().slice(0, 8)}@example.test`;
    const known = await requestPasswordReset({ email: a.email.toUpperCase() }, client);
    const unknown = await requestPasswordReset({ email: nobody }, client);
    expect(known).toEqual({ ok: true, message: RESET_REQUESTED });
    expect(unknown).toEqual(known);
    const mail = await mailTo(a.email);
    const token = linkIn(mail.text);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Only the token's SHA-256 is stored, with an hour to live.
    const db = await getDb();
    const rows = rowsOf<{ token_hash: string; ttl: number }>(
      await db.execute(
        sql`select token_hash, extract(epoch from expires_at - created_at)::int as ttl from password_resets where user_id = ${a.id}`,
      ),
    );
    expect(rows).toEqual([{ token_hash: hashResetToken(token!), ttl: 3600 }]);
    await new Promise((r) => setTimeout(r, 300));
    expect(mails.some((m) => m.to === nobody)).toBe(false);
  });

  it("sends at most three links an hour per address, answering the same", async () => {
    const a = await account("Flooded");
    for (let i = 0; i < 5; i++)
      expect(await requestPasswordReset({ email: a.email }, { ip: `192.0.2.${60 + i}`, userAgent: null })).toEqual({
        ok: true,
        message: RESET_REQUESTED,
      });
    const db = await getDb();
    const [row] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from password_resets where user_id = ${a.id}`));
    expect(row!.n).toBe(3);
  });

  it("a link sets a new password once, within the hour, and ends every session", async () => {
    const a = await account("Resetter");
    await requestPasswordReset({ email: a.email }, { ip: "192.0.2.70", userAgent: null });
    const token = linkIn((await mailTo(a.email)).text)!;
    const older = await createPasswordReset(a.id);

    // A weak password does not spend the link.
    expect(await resetPassword({ token, password: "short" }, client)).toMatchObject({
      ok: false,
      fieldErrors: { password: "Use at least 10 characters." },
    });
    expect(await resetPassword({ token: "x".repeat(43), password: "a reset password" }, client)).toMatchObject({
      ok: false,
      formError: "This reset link has expired or was already used. Ask for a new one.",
    });
    const done = await resetPassword({ token, password: "a reset password" }, client);
    expect(done.ok).toBe(true);
    expect(await verifyPassword((await getPasswordHash(a.id))!.passwordHash, "a reset password")).toBe(true);
    expect(await liveSession(a.id, a.sid)).toBe(false);
    expect(await liveSession(a.id, a.otherSid)).toBe(false);
    expect(await me({ cookie: a.cookie })).toBe(401);
    expect(await auditKinds(a.id)).toContain("password.reset");

    // Once only; and the other pending link went with it.
    expect(await resetPassword({ token, password: "yet another password" }, client)).toMatchObject({
      ok: false,
      formError: expect.any(String),
    });
    expect(await resetPassword({ token: older, password: "yet another password" }, client)).toMatchObject({ ok: false });
    expect(await verifyPassword((await getPasswordHash(a.id))!.passwordHash, "a reset password")).toBe(true);
  });

  it("an expired link does nothing", async () => {
    const a = await account("Late");
    const token = await createPasswordReset(a.id);
    const db = await getDb();
    await db.execute(sql`update password_resets set expires_at = now() - interval '1 second' where user_id = ${a.id}`);
    expect(await resetPassword({ token, password: "a reset password" }, client)).toMatchObject({ ok: false });
    expect(await verifyPassword((await getPasswordHash(a.id))!.passwordHash, PASSWORD)).toBe(true);
    expect(await liveSession(a.id, a.sid)).toBe(true);
  });

  it("without SMTP (or without the app's public URL) the request says to ask the operator", async () => {
    const url = process.env.SMTP_URL;
    delete process.env.SMTP_URL;
    try {
      expect(await requestPasswordReset({ email: "someone@example.test" }, client)).toMatchObject({
        ok: false,
        formError: "Reset by email is not set up on this server. Ask the person who runs it.",
      });
    } finally {
      process.env.SMTP_URL = url;
    }
  });
});

describe("npm run user:reset-password", () => {
  it("sets a new random password, prints it once and ends every session", { timeout: 120_000 }, async () => {
    const onPostgres = Boolean(process.env.DATABASE_URL);
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "sf-reset-"));
    const email = `cli-${crypto.randomUUID().slice(0, 8)}@example.test`;
    let check: () => Promise<{ hash: string; liveSessions: number; version: number }>;
    const env: NodeJS.ProcessEnv = { ...process.env, NEXTAUTH_SECRET: "cli-test-secret" };
    delete env.SMTP_URL;

    if (onPostgres) {
      // The test database itself: the script opens it like the app would.
      const user = await makeUser("Cli");
      const db = await getDb();
      await db.execute(sql`update users set email = ${email} where id = ${user.id}`);
      check = async () => {
        const [row] = rowsOf<{ hash: string; version: number; live: number }>(
          await db.execute(sql`select password_hash as hash, session_version as version,
            (select count(*)::int from sessions where user_id = users.id and revoked_at is null) as live from users where id = ${user.id}`),
        );
        return { hash: row!.hash, version: row!.version, liveSessions: row!.live };
      };
    } else {
      // An embedded database of its own, in a temporary folder (PGlite serves one process per folder).
      const dir = path.join(tmp, "pglite");
      env.PGLITE_DIR = dir;
      env.DATABASE_URL = "";
      const open = async () => {
        const { PGlite } = await import("@electric-sql/pglite");
        const { drizzle } = await import("drizzle-orm/pglite");
        const { migrate } = await import("drizzle-orm/pglite/migrator");
        const client = await PGlite.create(dir);
        await migrate(drizzle(client), { migrationsFolder });
        return client;
      };
      const seed = await open();
      const [u] = (
        await seed.query<{ id: string }>(`insert into users (email, name, password_hash) values ($1, 'Cli', 'x') returning id`, [email])
      ).rows;
      await seed.query(`insert into sessions (user_id) values ($1), ($1)`, [u!.id]);
      await seed.close();
      check = async () => {
        const c = await open();
        const [row] = (
          await c.query<{ hash: string; version: number; live: number }>(
            `select password_hash as hash, session_version as version,
              (select count(*)::int from sessions where user_id = users.id and revoked_at is null) as live from users where email = $1`,
            [email],
          )
        ).rows;
        await c.close();
        return { hash: row!.hash, version: row!.version, liveSessions: row!.live };
      };
    }

    const run = (...args: string[]) =>
      new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
        const child = spawn(
          path.join(process.cwd(), "node_modules", ".bin", "tsx"),
          ["--conditions=react-server", "scripts/reset-password.ts", ...args],
          {
            cwd: process.cwd(),
            env,
          },
        );
        let out = "";
        let err = "";
        child.stdout.on("data", (c: Buffer) => (out += c.toString()));
        child.stderr.on("data", (c: Buffer) => (err += c.toString()));
        child.on("close", (code) => resolve({ code, out, err }));
      });

    try {
      const missing = await run("nobody@example.test");
      expect(missing.code).toBe(1);
      expect(missing.err).toContain("no account has the email nobody@example.test");

      const ok = await run(email.toUpperCase());
      expect(ok.err.replace(/^\{.*\}\n/gm, "")).toBe("");
      expect(ok.code).toBe(0);
      const password = ok.out.match(/^ {2}(\S+)$/m)?.[1];
      expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
      const after = await check();
      expect(await verifyPassword(after.hash, password!)).toBe(true);
      expect(after.liveSessions).toBe(0);
      expect(after.version).toBe(2);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
