// The database going away (Postgres only): a TCP proxy this test controls sits between the app's pool and
// the server. Cut, every request answers 503 problem+json with Retry-After within 5 s (the connect
// timeout bounds it); restored, requests succeed again by themselves; a write cut mid-way is all or nothing,
// and a transaction whose connection closes under it fails its caller instead of crashing the process.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { and, eq, like, sql } from "drizzle-orm";
import { closeDb, getDb } from "@/db/index";
import { transactions } from "@/db/schema";
import { GET as health } from "@/app/api/health/route";
import { POST } from "@/app/api/v1/transactions/route";
import { createStream } from "@/lib/data/streams";
import { call, makeUser, type TestUser } from "../support/api";
import { CuttableProxy } from "../support/cuttable-proxy";

const pgUrl = process.env.DATABASE_URL;

const item = (streamId: string, externalId: string) => ({
  streamId,
  kind: "income",
  occurredOn: "2025-03-10",
  amount: "12.34",
  currency: "USD",
  externalId,
});

describe.skipIf(!pgUrl)("database outage (Postgres)", () => {
  let proxy: CuttableProxy;
  let user: TestUser;
  let streamId: string;
  const originalUrl = pgUrl!;

  beforeAll(async () => {
    const target = new URL(originalUrl);
    proxy = new CuttableProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const port = await proxy.listen();
    const viaProxy = new URL(originalUrl);
    viaProxy.hostname = "127.0.0.1";
    viaProxy.port = String(port);
    await closeDb();
    process.env.DATABASE_URL = viaProxy.toString();
    user = await makeUser("Outage");
    streamId = (await createStream(user.id, { name: "Main", kind: "content", role: "anchor", status: "active", platform: null })).id;
  });

  afterAll(async () => {
    await closeDb();
    process.env.DATABASE_URL = originalUrl;
    await proxy.close();
  });

  const post = (items: unknown[]) => call(POST, "/api/v1/transactions", { method: "POST", auth: { token: user.writeToken }, body: items });

  async function rowsLike(prefix: string) {
    const db = await getDb();
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(transactions)
      .where(and(eq(transactions.userId, user.id), like(transactions.externalId, `${prefix}%`)));
    return Number(row?.n ?? 0);
  }

  it("answers 503 with Retry-After within 5 s when cut, and recovers within 10 s of the return", async () => {
    expect((await post([item(streamId, "before-1")])).status).toBe(201);
    const errors = vi.spyOn(console, "error");
    proxy.cut();

    let started = performance.now();
    const down = await post([item(streamId, "outage-1"), item(streamId, "outage-2")]);
    const writeMs = performance.now() - started;
    expect(down.status).toBe(503);
    expect(down.contentType).toBe("application/problem+json");
    expect(down.res.headers.get("retry-after")).toBe("5");
    expect(down.json.title).toBe("Database unavailable");
    expect(writeMs).toBeLessThan(5000);
    const logged = errors.mock.calls.map((c) => String(c[0])).filter((l) => l.includes("database unavailable"));
    expect(logged).toHaveLength(1);
    expect(logged[0]).not.toContain("params:");
    errors.mockRestore();

    started = performance.now();
    const probe = await health();
    const healthMs = performance.now() - started;
    expect(probe.status).toBe(503);
    expect(probe.headers.get("retry-after")).toBe("5");
    expect(healthMs).toBeLessThan(5000);

    // The pool's connections are gone by now: a write waits for a new one until the connect timeout.
    started = performance.now();
    const stillDown = await post([item(streamId, "outage-3")]);
    const connectMs = performance.now() - started;
    expect(stillDown.status).toBe(503);
    expect(stillDown.res.headers.get("retry-after")).toBe("5");
    expect(connectMs).toBeLessThan(5000);

    proxy.restore();
    started = performance.now();
    let status = 0;
    while (performance.now() - started < 10_000) {
      status = (await post([item(streamId, "after-1")])).status;
      if (status === 201) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const recoveryMs = performance.now() - started;
    expect(status).toBe(201);
    expect(recoveryMs).toBeLessThan(10_000);
    expect((await health()).status).toBe(200);
    expect(await rowsLike("outage-")).toBe(0);
    console.log(
      JSON.stringify({
        outage: {
          writeMs: Math.round(writeMs),
          healthMs: Math.round(healthMs),
          connectMs: Math.round(connectMs),
          recoveryMs: Math.round(recoveryMs),
        },
      }),
    );
  });

  // postgres.js 3.4.9 wrote the ROLLBACK after the close to a socket it had already dropped, from a
  // setImmediate: an uncaught TypeError (porsager/postgres#1208, patches/postgres+3.4.9.patch). Vitest
  // fails the run on an uncaught error, so without the patch this test fails.
  it("fails a transaction whose connection closes under it, and the pool then works again", async () => {
    const db = await getDb();
    let cutSoon: NodeJS.Timeout | undefined;
    const outcome = await db
      .transaction(async (tx) => {
        await tx.execute(sql`select 1`);
        cutSoon = setTimeout(() => proxy.cut(), 50); // while the server sleeps
        await tx.execute(sql`select pg_sleep(2)`);
      })
      .then(
        () => "committed",
        (error: unknown) => String((error as { cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code),
      );
    clearTimeout(cutSoon);
    expect(outcome).toMatch(/^(CONNECTION_CLOSED|CONNECTION_DESTROYED|ECONNRESET)$/);
    await new Promise((resolve) => setTimeout(resolve, 100)); // the turn on which the unpatched driver threw
    proxy.restore();
    // The pool works again: a transaction on it commits.
    const again = () => db.transaction(async (tx) => (await tx.execute(sql`select 1`)) && "committed");
    await expect(vi.waitFor(again, { timeout: 10_000, interval: 250 })).resolves.toBe("committed");
  });

  it("leaves a batch cut in the middle all or nothing", async () => {
    const items = Array.from({ length: 1000 }, (_, i) => item(streamId, `midway-${i}`));
    const pending = post(items);
    await new Promise((resolve) => setTimeout(resolve, 40));
    proxy.cut();
    const answer = await pending;
    proxy.restore();
    expect([201, 503]).toContain(answer.status);
    await vi.waitFor(async () => expect(await rowsLike("midway-")).toBe(answer.status === 201 ? 1000 : 0), {
      timeout: 10_000,
      interval: 250,
    });
  });
});
