// Outgoing webhooks through the real routes, database and network: registration (the secret once, private
// addresses refused), events queued with the write that causes them, Standard Webhooks signatures checked
// with the library receivers use, retries with backoff, the delivery log, the test event, and each
// delivery sent once when several workers claim at the same time.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as postTx } from "@/app/api/v1/transactions/route";
import { PATCH as patchTx, DELETE as deleteTx } from "@/app/api/v1/transactions/[id]/route";
import { POST as postStream } from "@/app/api/v1/streams/route";
import { GET as listDeliveries } from "@/app/api/v1/webhooks/[id]/deliveries/route";
import { DELETE as deleteWebhook } from "@/app/api/v1/webhooks/[id]/route";
import { POST as testRoute } from "@/app/api/v1/webhooks/[id]/test/route";
import { GET as listWebhooks, POST as postWebhook } from "@/app/api/v1/webhooks/route";
import { getDb, rowsOf } from "@/db/index";
import { backoffMs, deliverDue, MAX_ATTEMPTS } from "@/lib/webhooks/deliver";
import { call, makeUser, type TestUser } from "../support/api";

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A receiver on 127.0.0.1 that answers `status` and keeps what it got. */
function receiver() {
  const got: Received[] = [];
  let status = 200;
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      got.push({ headers: req.headers, body });
      res.writeHead(status).end("ok");
    });
  });
  return {
    got,
    setStatus: (s: number) => (status = s),
    start: () =>
      new Promise<string>((resolve) =>
        server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`)),
      ),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// Only this file's users: other test files share the Postgres test database and queue deliveries of their own.
const ours: string[] = [];
async function makeOurUser(name: string) {
  const user = await makeUser(name);
  ours.push(user.id);
  return user;
}

async function drain() {
  while ((await deliverDue(20, ours)) > 0);
}

/** Makes every pending delivery due now (the backoff has been checked; waiting it out would take minutes). */
async function dueNow() {
  const db = await getDb();
  await db.execute(
    sql`update webhook_deliveries set next_attempt_at = now() where status = 'pending' and user_id in (${sql.join(
      ours.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`,
  );
}

describe("outgoing webhooks", () => {
  const hook = receiver();
  let url: string;
  let alice: TestUser;

  beforeAll(async () => {
    url = await hook.start();
    alice = await makeOurUser("Hooked");
  });
  afterAll(async () => {
    await hook.stop();
    delete process.env.WEBHOOKS_ALLOW_PRIVATE;
  });
  beforeEach(async () => {
    process.env.WEBHOOKS_ALLOW_PRIVATE = "true";
    hook.got.length = 0;
    hook.setStatus(200);
    // Deliveries other tests left behind (another user's endpoint, given up) must not reach this one.
    await drain();
  });

  async function register(user: TestUser, events: string[]) {
    const r = await call(postWebhook, "/api/v1/webhooks", { method: "POST", auth: { token: user.writeToken }, body: { url, events } });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    return r.json as { id: string; secret: string; url: string; events: string[] };
  }

  it("registers an endpoint, shows its secret once, and refuses bad URLs, unknown events and private addresses", async () => {
    const created = await register(alice, ["transaction.created", "transaction.created", "transaction.deleted"]);
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(created.events).toEqual(["transaction.created", "transaction.deleted"]);
    const list = await call(listWebhooks, "/api/v1/webhooks", { auth: { token: alice.readToken } });
    expect(JSON.stringify(list.json)).not.toContain(created.secret);
    expect((list.json as { data: { id: string }[] }).data.map((w) => w.id)).toContain(created.id);

    delete process.env.WEBHOOKS_ALLOW_PRIVATE;
    for (const [body, path] of [
      [{ url: "ftp://example.com/x", events: ["transaction.created"] }, "url"],
      [{ url: "not a url", events: ["transaction.created"] }, "url"],
      [{ url: "https://example.com/x", events: ["transaction.exploded"] }, "events.0"],
      [{ url: "https://example.com/x", events: [] }, "events"],
      [{ url: "http://127.0.0.1:8080/x", events: ["transaction.created"] }, "url"],
      [{ url: "http://[::1]/x", events: ["transaction.created"] }, "url"],
      [{ url: "http://10.1.2.3/x", events: ["transaction.created"] }, "url"],
      [{ url: "http://169.254.169.254/latest/meta-data", events: ["transaction.created"] }, "url"],
      [{ url: "http://localhost:3000/api", events: ["transaction.created"] }, "url"],
    ] as const) {
      const r = await call(postWebhook, "/api/v1/webhooks", { method: "POST", auth: { token: alice.writeToken }, body });
      expect(r.status, JSON.stringify(body)).toBe(422);
      expect(
        (r.json as { errors: { path: string }[] }).errors.map((e) => e.path),
        JSON.stringify(body),
      ).toContain(path);
    }
    // A form with the events comma-separated, as no-code tools send it.
    const form = await call(postWebhook, "/api/v1/webhooks", {
      method: "POST",
      auth: { token: alice.writeToken },
      headers: { "content-type": "application/x-www-form-urlencoded" },
      rawBody: new URLSearchParams({ url: "https://hooks.example.com/a", events: "transaction.updated, goal.reached" }).toString(),
    });
    expect(form.status, JSON.stringify(form.json)).toBe(201);
    expect((form.json as { events: string[] }).events).toEqual(["transaction.updated", "goal.reached"]);
    // A read token cannot register one; another user cannot see or delete it.
    expect(
      (
        await call(postWebhook, "/api/v1/webhooks", {
          method: "POST",
          auth: { token: alice.readToken },
          body: { url, events: ["stream.silent"] },
        })
      ).status,
    ).toBe(403);
    const mallory = await makeOurUser("Mallory");
    const id = (form.json as { id: string }).id;
    expect((await call(deleteWebhook, "/x", { method: "DELETE", auth: { token: mallory.writeToken }, params: { id } })).status).toBe(404);
    expect((await call(listDeliveries, "/x", { auth: { token: mallory.readToken }, params: { id } })).status).toBe(404);
    expect((await call(deleteWebhook, "/x", { method: "DELETE", auth: { token: alice.writeToken }, params: { id } })).status).toBe(204);
  });

  it("delivers each event signed as Standard Webhooks says, and logs the delivery", async () => {
    const user = await makeOurUser("Signed");
    const s = await call(postStream, "/api/v1/streams", { method: "POST", auth: { token: user.writeToken }, body: { name: "Bot" } });
    const endpoint = await register(user, ["transaction.created", "transaction.updated", "transaction.deleted"]);
    const created = await call(postTx, "/api/v1/transactions", {
      method: "POST",
      auth: { token: user.writeToken },
      body: { streamId: (s.json as { id: string }).id, occurredOn: "2026-11-20", amount: "9.00", externalId: "sub-1" },
    });
    const tx = created.json as { id: string };
    await call(patchTx, "/x", { method: "PATCH", auth: { token: user.writeToken }, params: { id: tx.id }, body: { amount: "10.00" } });
    await call(deleteTx, "/x", { method: "DELETE", auth: { token: user.writeToken }, params: { id: tx.id } });
    // A batch refused as a whole queues nothing.
    const refused = await call(postTx, "/api/v1/transactions", {
      method: "POST",
      auth: { token: user.writeToken },
      body: [{ streamId: (s.json as { id: string }).id, occurredOn: "2026-11-20", amount: "1.00" }, { occurredOn: "nope" }],
    });
    expect(refused.status).toBe(422);

    await drain();
    expect(hook.got).toHaveLength(3);
    const verifier = new Webhook(endpoint.secret);
    const events = hook.got.map((g) => {
      expect(g.headers["content-type"]).toBe("application/json");
      expect(g.headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
      // Throws on a bad signature or a stale timestamp, as a receiver's check would.
      return verifier.verify(g.body, g.headers as Record<string, string>) as {
        type: string;
        timestamp: string;
        data: { id: string; amount: string };
      };
    });
    expect(events.map((e) => [e.type, e.data.id, e.data.amount]).sort()).toEqual(
      [
        ["transaction.created", tx.id, "9.00"],
        ["transaction.deleted", tx.id, "10.00"],
        ["transaction.updated", tx.id, "10.00"],
      ].sort(),
    );
    // A tampered body fails the same check.
    expect(() => verifier.verify(hook.got[0]!.body.replace("9.00", "90.00"), hook.got[0]!.headers as Record<string, string>)).toThrow();

    const log = await call(listDeliveries, "/x", { auth: { token: user.readToken }, params: { id: endpoint.id } });
    const rows = (
      log.json as { data: { status: string; attempts: number; responseStatus: number; durationMs: number; nextAttemptAt: string | null }[] }
    ).data;
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row).toMatchObject({ status: "succeeded", attempts: 1, responseStatus: 200, nextAttemptAt: null });
    expect(new Set(hook.got.map((g) => g.headers["webhook-id"])).size).toBe(3);
  });

  it("retries a failed delivery with growing waits, keeps its id, and gives up after the last attempt", async () => {
    const user = await makeOurUser("Retry");
    const endpoint = await register(user, ["transaction.created"]);
    const s = await call(postStream, "/api/v1/streams", { method: "POST", auth: { token: user.writeToken }, body: { name: "Flaky" } });
    await call(postTx, "/api/v1/transactions", {
      method: "POST",
      auth: { token: user.writeToken },
      body: { streamId: (s.json as { id: string }).id, occurredOn: "2026-11-20", amount: "5.00" },
    });
    hook.setStatus(500);
    const before = Date.now();
    await drain();
    const log = async () =>
      (await call(listDeliveries, "/x", { auth: { token: user.readToken }, params: { id: endpoint.id } })).json as {
        data: { status: string; attempts: number; responseStatus: number | null; lastError: string | null; nextAttemptAt: string | null }[];
      };
    let [row] = (await log()).data;
    expect(row).toMatchObject({ status: "pending", attempts: 1, responseStatus: 500, lastError: "HTTP 500" });
    const wait = Date.parse(row!.nextAttemptAt!) - before;
    expect(wait).toBeGreaterThanOrEqual(backoffMs(1) - 1000);
    expect(wait).toBeLessThan(backoffMs(1) + 10_000);
    expect([backoffMs(1), backoffMs(2), backoffMs(3), backoffMs(8)]).toEqual([30_000, 120_000, 480_000, 24 * 3_600_000]);

    await dueNow();
    await drain();
    [row] = (await log()).data;
    expect(row).toMatchObject({ status: "pending", attempts: 2 });
    for (let i = 2; i < MAX_ATTEMPTS; i++) {
      await dueNow();
      await drain();
    }
    [row] = (await log()).data;
    expect(row).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS, nextAttemptAt: null });
    expect(hook.got).toHaveLength(MAX_ATTEMPTS);
    expect(new Set(hook.got.map((g) => g.headers["webhook-id"])).size).toBe(1);
  });

  it("sends a test event on request, and never to a private address unless that is allowed", async () => {
    const user = await makeOurUser("Tester");
    const endpoint = await register(user, ["stream.silent"]);
    const t = await call(testRoute, "/x", { method: "POST", auth: { token: user.writeToken }, params: { id: endpoint.id } });
    expect(t.status).toBe(202);
    await drain();
    expect(hook.got.map((g) => (JSON.parse(g.body) as { type: string }).type)).toEqual(["webhook.test"]);

    delete process.env.WEBHOOKS_ALLOW_PRIVATE;
    await call(testRoute, "/x", { method: "POST", auth: { token: user.writeToken }, params: { id: endpoint.id } });
    await drain();
    expect(hook.got).toHaveLength(1);
    const log = await call(listDeliveries, "/x", { auth: { token: user.readToken }, params: { id: endpoint.id } });
    expect((log.json as { data: { lastError: string | null; status: string }[] }).data[0]).toMatchObject({
      status: "pending",
      lastError: "The address is private or local.",
    });
  });

  it("sends each delivery once when several workers claim at the same time", async () => {
    const user = await makeOurUser("Busy");
    await register(user, ["transaction.created"]);
    const s = await call(postStream, "/api/v1/streams", { method: "POST", auth: { token: user.writeToken }, body: { name: "Many" } });
    const batch = Array.from({ length: 60 }, (_, i) => ({
      streamId: (s.json as { id: string }).id,
      occurredOn: "2026-11-20",
      amount: `${i + 1}.00`,
    }));
    expect((await call(postTx, "/api/v1/transactions", { method: "POST", auth: { token: user.writeToken }, body: batch })).status).toBe(
      201,
    );
    await Promise.all([drain(), drain(), drain(), drain()]);
    const ids = hook.got.map((g) => g.headers["webhook-id"]);
    expect(ids).toHaveLength(60);
    expect(new Set(ids).size).toBe(60);
    const db = await getDb();
    const [pending] = rowsOf<{ n: number }>(
      await db.execute(sql`select count(*)::int as n from webhook_deliveries where user_id = ${user.id} and status <> 'succeeded'`),
    );
    expect(pending!.n).toBe(0);
  });
});
