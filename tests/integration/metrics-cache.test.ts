// The metrics cache (lib/metrics-cache.ts) against the real triggers: after every kind of write to what the
// metrics read, through the API or straight into the database as another instance or a script would, the
// cached answer equals one computed afresh and differs from the one before the write; reads, and other
// users' writes, change nothing and are served from the cache.
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getMetrics } from "@/app/api/v1/metrics/route";
import { PATCH as patchSettings } from "@/app/api/v1/settings/route";
import { POST as postStream } from "@/app/api/v1/streams/route";
import { PATCH as patchStream } from "@/app/api/v1/streams/[id]/route";
import { POST as postTx } from "@/app/api/v1/transactions/route";
import { DELETE as deleteTx, PATCH as patchTx } from "@/app/api/v1/transactions/[id]/route";
import { POST as postTime } from "@/app/api/v1/time-entries/route";
import { POST as postGoal } from "@/app/api/v1/goals/route";
import { getDb, rowsOf } from "@/db/index";
import { readMetrics } from "@/lib/api/metrics";
import { loadMetricsInput } from "@/lib/data/metrics";
import { computeMetrics } from "@/lib/metrics/compute-metrics";
import { metricsCacheStats } from "@/lib/metrics-cache";
import { metricsResponse } from "@/lib/schemas/metrics";
import { call, makeUser, type TestUser } from "../support/api";

const WINDOW = { from: "2026-09", to: "2026-11" };
let u: TestUser;
let other: TestUser;
let consulting: string;
let blog: string;
let firstTx: string;

const json = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

/** The API's answer (through the cache) for the fixed window and for the default one. */
async function served(user: TestUser) {
  const answers = [];
  for (const query of [WINDOW, undefined]) {
    const r = await call(getMetrics, "/api/v1/metrics", { auth: { token: user.readToken }, ...(query ? { query } : {}) });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    answers.push(r.json);
  }
  return answers;
}

/** The same two answers computed afresh, past the cache. */
async function fresh(user: TestUser) {
  return [
    json(metricsResponse.parse(computeMetrics(await loadMetricsInput(user.id, WINDOW)))),
    json(metricsResponse.parse(computeMetrics(await loadMetricsInput(user.id)))),
  ];
}

async function dataVersion(userId: string): Promise<number> {
  const db = await getDb();
  const [row] = rowsOf<{ v: string | number }>(
    await db.execute(sql`select coalesce((select version from user_data_versions where user_id = ${userId}), 0) as v`),
  );
  return Number(row!.v);
}

/** Runs a write; the served answers must follow it exactly, and must have changed. */
async function afterWrite(write: () => Promise<unknown>) {
  const before = await served(u);
  const version = await dataVersion(u.id);
  await write();
  expect(await dataVersion(u.id)).toBeGreaterThan(version);
  const after = await served(u);
  expect(after).toEqual(await fresh(u));
  expect(after).not.toEqual(before);
}

const ok = async (p: ReturnType<typeof call>, status: number) => {
  const r = await p;
  expect(r.status, JSON.stringify(r.json)).toBe(status);
  return r.json;
};

beforeAll(async () => {
  u = await makeUser();
  other = await makeUser();
  const stream = async (user: TestUser, body: unknown) =>
    (await ok(call(postStream, "/api/v1/streams", { method: "POST", auth: { cookie: user.cookie }, body }), 201)).id as string;
  consulting = await stream(u, { name: "Consulting", kind: "freelance", role: "anchor" });
  blog = await stream(u, { name: "Blog", kind: "affiliate", role: "growth", platform: "Amazon" });
  const batch = await ok(
    call(postTx, "/api/v1/transactions", {
      method: "POST",
      auth: { token: u.writeToken },
      body: [
        { streamId: consulting, occurredOn: "2026-09-10", amount: "3000.00", counterparty: "Acme" },
        { streamId: consulting, occurredOn: "2026-10-10", amount: "2500.00", counterparty: "Globex" },
        { streamId: blog, occurredOn: "2026-10-20", amount: "400.00" },
        { streamId: blog, occurredOn: "2026-11-05", amount: "350.00" },
      ],
    }),
    201,
  );
  firstTx = (batch.data as { id: string }[])[0]!.id;
  await stream(other, { name: "Other", kind: "other", role: "growth" });
});

describe("cached metrics follow every write", () => {
  it("serves a repeated read from the cache, and a read changes no version", async () => {
    await served(u);
    const version = await dataVersion(u.id);
    const { hits, enabled } = metricsCacheStats();
    expect(enabled).toBe(true);
    const again = await served(u);
    expect(metricsCacheStats().hits).toBe(hits + 2);
    expect(await dataVersion(u.id)).toBe(version);
    expect(again).toEqual(await fresh(u));
    // The page path (no stamp from a credential) reads the same entry.
    expect(json(await readMetrics(u.id, WINDOW))).toEqual(again[0]);
    expect(metricsCacheStats().hits).toBe(hits + 3);
  });

  it("logging, changing and deleting a transaction", async () => {
    const posted = { streamId: blog, occurredOn: "2026-11-20", amount: "120.00", counterparty: "Amazon" };
    let id = "";
    await afterWrite(async () => {
      id = (await ok(call(postTx, "/api/v1/transactions", { method: "POST", auth: { token: u.writeToken }, body: posted }), 201))
        .id as string;
    });
    await afterWrite(() =>
      ok(call(patchTx, "/x", { method: "PATCH", auth: { cookie: u.cookie }, params: { id }, body: { amount: "180.00" } }), 200),
    );
    await afterWrite(() => ok(call(deleteTx, "/x", { method: "DELETE", auth: { cookie: u.cookie }, params: { id: firstTx } }), 200));
  });

  it("a stream's role and its feeds, hours, a goal and the settings", async () => {
    /** A write with the session cookie, which must answer `status`. */
    const send = (handler: Parameters<typeof call>[0], method: string, body: unknown, status: number, id?: string) =>
      ok(call(handler, "/x", { method, auth: { cookie: u.cookie }, body, ...(id ? { params: { id } } : {}) }), status);
    await afterWrite(() => send(patchStream, "PATCH", { role: "speculative" }, 200, blog));
    await afterWrite(() => send(patchStream, "PATCH", { feeds: [consulting] }, 200, blog));
    await afterWrite(() => send(postTime, "POST", { streamId: consulting, occurredOn: "2026-10-11", minutes: 600 }, 201));
    await afterWrite(() => send(postGoal, "POST", { streamId: null, amount: "5000.00", effectiveFrom: "2026-09" }, 201));
    await afterWrite(() => send(patchSettings, "PATCH", { essentialMonthlyExpenses: "2000.00" }, 200));
  });

  it("a write straight into the database, as another instance or a script would make it", async () => {
    const db = await getDb();
    await afterWrite(() =>
      db.execute(sql`update transactions set amount_minor = 99900, amount_base_minor = 99900
      where user_id = ${u.id} and stream_id = ${consulting} and occurred_on = '2026-10-10'`),
    );
    await afterWrite(() => db.execute(sql`delete from time_entries where user_id = ${u.id}`));
    // TRUNCATE names no rows, so it moves every user's version (rolled back: other tests share the database).
    const versions = [await dataVersion(u.id), await dataVersion(other.id)];
    await db
      .transaction(async (tx) => {
        await tx.execute(sql`truncate stream_feeds`);
        const [row] = rowsOf<{ a: string; b: string }>(
          await tx.execute(sql`select (select version from user_data_versions where user_id = ${u.id}) as a,
                                      (select version from user_data_versions where user_id = ${other.id}) as b`),
        );
        expect([Number(row!.a), Number(row!.b)]).toEqual([versions[0]! + 1, versions[1]! + 1]);
        throw new Error("roll back");
      })
      .catch((err: unknown) => {
        if (!(err instanceof Error && err.message === "roll back")) throw err;
      });
  });

  it("another user's writes leave this user's answers cached", async () => {
    await served(u);
    const version = await dataVersion(u.id);
    const { hits, misses } = metricsCacheStats();
    await ok(
      call(postTx, "/api/v1/transactions", {
        method: "POST",
        auth: { token: other.writeToken },
        body: { stream: "other", occurredOn: "2026-10-01", amount: "10.00" },
      }),
      201,
    );
    await served(u);
    expect(await dataVersion(u.id)).toBe(version);
    expect(metricsCacheStats()).toMatchObject({ hits: hits + 2, misses });
  });
});
