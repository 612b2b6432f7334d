import { describe, expect, it, beforeAll } from "vitest";
import { eq, sql } from "drizzle-orm";
import { decode } from "next-auth/jwt";
import { GET as health } from "@/app/api/health/route";
import { GET as me } from "@/app/api/v1/me/route";
import { GET as listTokens, POST as createToken } from "@/app/api/v1/tokens/route";
import { DELETE as revokeToken } from "@/app/api/v1/tokens/[id]/route";
import { getDb } from "@/db/index";
import { apiTokens, sessions, users } from "@/db/schema";
import { signUp } from "@/lib/accounts";
import { revokeSession } from "@/lib/data/sessions";
import { bumpSessionVersion } from "@/lib/data/users";
import { authSecret } from "@/lib/secret";
import { meResponse } from "@/lib/schemas/users";
import { createdTokenResponse, tokenResponse } from "@/lib/schemas/tokens";
import { listResponse } from "@/lib/schemas/common";
import { call, makeUser, type TestUser } from "../support/api";

let alice: TestUser;
let bob: TestUser;

beforeAll(async () => {
  alice = await makeUser("Alice");
  bob = await makeUser("Bob");
});

function expectProblem(r: { status: number; contentType: string | null; json: Record<string, unknown> }, status: number) {
  expect(r.status).toBe(status);
  expect(r.contentType).toBe("application/problem+json");
  expect(r.json).toMatchObject({ status, type: expect.stringMatching(/^urn:streamfolio:problem:/), title: expect.any(String) });
}

describe("health", () => {
  it("reports the database as reachable", async () => {
    const r = await call(health as never, "/api/health");
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ status: "ok", db: "ok" });
  });
});

describe("GET /api/v1/me", () => {
  it("answers the caller for a session and for a token, in the response schema", async () => {
    const bySession = await call(me, "/api/v1/me", { auth: { cookie: alice.cookie } });
    expect(bySession.status).toBe(200);
    expect(meResponse.strict().parse(bySession.json)).toEqual({
      id: alice.id,
      email: alice.email,
      name: "Alice",
      baseCurrency: "USD",
      timeZone: "UTC",
    });
    const byToken = await call(me, "/api/v1/me", { auth: { token: bob.readToken } });
    expect(byToken.json).toMatchObject({ id: bob.id, name: "Bob" });
  });

  it.each([
    ["no credentials", undefined],
    ["a wrong token", { token: "sfp_not-a-real-token" }],
    ["a forged session cookie", { cookie: "next-auth.session-token=eyJhbGciOiJkaXIifQ.forged" }],
  ])("refuses %s with 401 problem+json", async (_label, auth) => {
    const r = await call(me, "/api/v1/me", { auth: auth ?? null });
    expectProblem(r, 401);
  });

  it("refuses a malformed Authorization header instead of falling back to the cookie", async () => {
    const r = await call(me, "/api/v1/me", { auth: { cookie: alice.cookie }, headers: { authorization: "Basic abc" } });
    expectProblem(r, 401);
  });
});

describe("API tokens", () => {
  it("mints a token shown once, stores only its SHA-256, and lists it without the secret", async () => {
    const created = await call(createToken, "/api/v1/tokens", {
      method: "POST",
      auth: { cookie: alice.cookie },
      body: { name: "Zapier", scope: "write" },
    });
    expect(created.status).toBe(201);
    const token = createdTokenResponse.parse(created.json);
    expect(token.token).toMatch(/^sfp_[A-Za-z0-9_-]{43}$/); // 32 random bytes = 256 bits
    expect(token.token.startsWith(token.prefix)).toBe(true);

    const db = await getDb();
    const [stored] = await db.select().from(apiTokens).where(eq(apiTokens.id, token.id));
    expect(stored?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(token.token);

    const listed = await call(listTokens, "/api/v1/tokens", { auth: { cookie: alice.cookie } });
    const list = listResponse(tokenResponse.strict()).parse(listed.json);
    expect(list.data.map((t) => t.name)).toContain("Zapier");
    expect(JSON.stringify(listed.json)).not.toContain(token.token);

    const viaToken = await call(me, "/api/v1/me", { auth: { token: token.token } });
    expect(viaToken.json).toMatchObject({ id: alice.id });
    const after = await call(listTokens, "/api/v1/tokens", { auth: { cookie: alice.cookie } });
    const used = listResponse(tokenResponse)
      .parse(after.json)
      .data.find((t) => t.id === token.id);
    expect(used?.lastUsedAt).not.toBeNull();
  });

  it("revokes a token: it then gets 401", async () => {
    const created = createdTokenResponse.parse(
      (
        await call(createToken, "/api/v1/tokens", {
          method: "POST",
          auth: { cookie: alice.cookie },
          body: { name: "script", scope: "read" },
        })
      ).json,
    );
    expect((await call(me, "/api/v1/me", { auth: { token: created.token } })).status).toBe(200);
    const revoked = await call(revokeToken, `/api/v1/tokens/${created.id}`, {
      method: "DELETE",
      auth: { cookie: alice.cookie },
      params: { id: created.id },
    });
    expect(revoked.status).toBe(200);
    expect(tokenResponse.parse(revoked.json).revokedAt).not.toBeNull();
    expectProblem(await call(me, "/api/v1/me", { auth: { token: created.token } }), 401);
  });

  it("answers 404 for another user's token id and for a malformed id, and leaves the token working", async () => {
    const created = createdTokenResponse.parse(
      (await call(createToken, "/api/v1/tokens", { method: "POST", auth: { cookie: alice.cookie }, body: { name: "mine", scope: "read" } }))
        .json,
    );
    expectProblem(await call(revokeToken, "/x", { method: "DELETE", auth: { cookie: bob.cookie }, params: { id: created.id } }), 404);
    expectProblem(await call(revokeToken, "/x", { method: "DELETE", auth: { cookie: bob.cookie }, params: { id: "not-a-uuid" } }), 404);
    expect((await call(me, "/api/v1/me", { auth: { token: created.token } })).status).toBe(200);
  });

  it("is session-only: a token cannot list, mint or revoke tokens", async () => {
    expectProblem(await call(listTokens, "/api/v1/tokens", { auth: { token: alice.writeToken } }), 403);
    expectProblem(
      await call(createToken, "/api/v1/tokens", { method: "POST", auth: { token: alice.writeToken }, body: { name: "x", scope: "read" } }),
      403,
    );
    expectProblem(
      await call(revokeToken, "/x", { method: "DELETE", auth: { token: alice.writeToken }, params: { id: crypto.randomUUID() } }),
      403,
    );
  });

  it("validates input with field paths", async () => {
    const r = await call(createToken, "/api/v1/tokens", {
      method: "POST",
      auth: { cookie: alice.cookie },
      body: { name: "", scope: "admin" },
    });
    expectProblem(r, 422);
    const paths = (r.json.errors as { path: string }[]).map((e) => e.path).sort();
    expect(paths).toEqual(["name", "scope"]);
    const malformed = await call(createToken, "/api/v1/tokens", {
      method: "POST",
      auth: { cookie: alice.cookie },
      rawBody: "{nope",
      headers: { "content-type": "application/json" },
    });
    expectProblem(malformed, 400);
  });
});

describe("session version", () => {
  it("ends every session issued before a bump, while tokens keep working", async () => {
    const carol = await makeUser("Carol");
    expect((await call(me, "/api/v1/me", { auth: { cookie: carol.cookie } })).status).toBe(200);
    await bumpSessionVersion(carol.id);
    expectProblem(await call(me, "/api/v1/me", { auth: { cookie: carol.cookie } }), 401);
    expect((await call(me, "/api/v1/me", { auth: { token: carol.readToken } })).status).toBe(200);
  });
});

describe("server-side sessions", () => {
  const sidOf = async (cookie: string) => (await decode({ token: cookie.split("=")[1]!, secret: authSecret() }))!.sid as string;

  it("ends a signed-out session on the server, and only that one", async () => {
    const dan = await makeUser("Dan");
    expect((await call(me, "/api/v1/me", { auth: { cookie: dan.cookie } })).status).toBe(200);
    await revokeSession(dan.id, await sidOf(dan.cookie));
    expectProblem(await call(me, "/api/v1/me", { auth: { cookie: dan.cookie } }), 401);
    expect((await call(me, "/api/v1/me", { auth: { token: dan.readToken } })).status).toBe(200);
  });

  it("ends a session idle longer than SESSION_IDLE_HOURS, or older than SESSION_MAX_HOURS", async () => {
    const eve = await makeUser("Eve");
    const db = await getDb();
    await db
      .update(sessions)
      .set({ lastSeenAt: sql`now() - interval '2 hours'` })
      .where(eq(sessions.id, await sidOf(eve.cookie)));
    expect((await call(me, "/api/v1/me", { auth: { cookie: eve.cookie } })).status).toBe(200);
    process.env.SESSION_IDLE_HOURS = "1";
    try {
      await db
        .update(sessions)
        .set({ lastSeenAt: sql`now() - interval '2 hours'` })
        .where(eq(sessions.id, await sidOf(eve.cookie)));
      expectProblem(await call(me, "/api/v1/me", { auth: { cookie: eve.cookie } }), 401);
    } finally {
      delete process.env.SESSION_IDLE_HOURS;
    }
    const fay = await makeUser("Fay");
    await db
      .update(sessions)
      .set({ createdAt: sql`now() - interval '31 days'` })
      .where(eq(sessions.id, await sidOf(fay.cookie)));
    expectProblem(await call(me, "/api/v1/me", { auth: { cookie: fay.cookie } }), 401);
  });
});

describe("sign-up", () => {
  it("stores an argon2id hash (19 MiB, 2 iterations); the same email in another case answers alike and changes nothing", async () => {
    const email = `Carol.${crypto.randomUUID()}@Example.test`;
    const first = await signUp({ name: "Carol", email, password: "correct horse battery", timeZone: "Europe/Lisbon" });
    expect(first.ok).toBe(true);
    const db = await getDb();
    const [row] = await db.select({ hash: users.passwordHash, tz: users.timeZone }).from(users).where(eq(users.email, email.toLowerCase()));
    expect(row?.hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(row?.tz).toBe("Europe/Lisbon");
    const again = await signUp({ name: "Carol 2", email: email.toUpperCase(), password: "another password!" });
    // No "already exists": the answer is the one a new address gets (tests/integration/sign-in.test.ts).
    expect(again).toEqual(first);
    const [still] = await db.select({ name: users.name, hash: users.passwordHash }).from(users).where(eq(users.email, email.toLowerCase()));
    expect(still).toEqual({ name: "Carol", hash: row?.hash });
  });

  it("gives a field error for each bad field and writes nothing", async () => {
    const r = await signUp({ name: " ", email: "nope", password: "short" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.fieldErrors).sort()).toEqual(["email", "name", "password"]);
  });
});
