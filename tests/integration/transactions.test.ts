// Transactions API: /api/v1/transactions, /api/v1/transactions/{id} and /api/v1/transactions/suggestions,
// against the real route handlers and database. Expected figures are worked out by hand in the tests.
import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { POST as createStream } from "@/app/api/v1/streams/route";
import { GET as listTx, POST as postTx } from "@/app/api/v1/transactions/route";
import { DELETE as deleteTx, GET as getTx, PATCH as patchTx } from "@/app/api/v1/transactions/[id]/route";
import { GET as suggestions } from "@/app/api/v1/transactions/suggestions/route";
import { getDb } from "@/db/index";
import { fxRates, users } from "@/db/schema";
import { listResponse } from "@/lib/schemas/common";
import { batchResponse, suggestionsResponse, transactionResponse, type TransactionView } from "@/lib/schemas/transactions";
import { call, makeUser, type TestUser } from "../support/api";

type Result = Awaited<ReturnType<typeof call>>;

function expectProblem(r: Result, status: number) {
  expect(r.status).toBe(status);
  expect(r.contentType).toBe("application/problem+json");
  expect(r.json).toMatchObject({ status, type: expect.stringMatching(/^urn:streamfolio:problem:/), title: expect.any(String) });
}

function errorPaths(r: Result): string[] {
  return ((r.json.errors ?? []) as { path: string }[]).map((e) => e.path).sort();
}

const strictTx = transactionResponse.strict();
const txList = listResponse(strictTx).strict();
const strictBatch = batchResponse.strict().extend({ data: batchResponse.shape.data.element.strict().array() });

let alice: TestUser;
let bob: TestUser;
let design: { id: string; name: string };
let blog: { id: string; name: string };
let bobStream: { id: string; name: string };

async function newStream(user: TestUser, name: string) {
  const r = await call(createStream, "/api/v1/streams", { method: "POST", auth: { cookie: user.cookie }, body: { name } });
  expect(r.status).toBe(201);
  return { id: r.json.id as string, name: r.json.name as string };
}

beforeAll(async () => {
  alice = await makeUser("Alice");
  bob = await makeUser("Bob");
  design = await newStream(alice, "Design Studio");
  blog = await newStream(alice, "Blog");
  bobStream = await newStream(bob, "Bob's Shop");
});

function post(user: TestUser, body: unknown, auth: { cookie: string } | { token: string } = { cookie: user.cookie }) {
  return call(postTx, "/api/v1/transactions", { method: "POST", auth, body });
}

async function create(user: TestUser, body: Record<string, unknown>): Promise<TransactionView> {
  const r = await post(user, body);
  expect(r.status, JSON.stringify(r.json)).toBe(201);
  return strictTx.parse(r.json);
}

function list(user: TestUser, query: Record<string, string> = {}) {
  return call(listTx, "/api/v1/transactions", { auth: { cookie: user.cookie }, query });
}

async function listIds(user: TestUser, query: Record<string, string> = {}): Promise<string[]> {
  const r = await list(user, { limit: "500", ...query });
  expect(r.status, JSON.stringify(r.json)).toBe(200);
  const page = txList.parse(r.json);
  expect(page.nextCursor).toBeNull();
  return page.data.map((t) => t.id);
}

function get(user: TestUser, id: string) {
  return call(getTx, `/api/v1/transactions/${id}`, { auth: { cookie: user.cookie }, params: { id } });
}

function patch(user: TestUser, id: string, body: unknown) {
  return call(patchTx, `/api/v1/transactions/${id}`, { method: "PATCH", auth: { cookie: user.cookie }, params: { id }, body });
}

function del(user: TestUser, id: string) {
  return call(deleteTx, `/api/v1/transactions/${id}`, { method: "DELETE", auth: { cookie: user.cookie }, params: { id } });
}

/** A user with a stream of their own, for tests that count rows. */
async function freshUser(streamName = "Main") {
  const user = await makeUser("Fresh");
  const stream = await newStream(user, streamName);
  return { user, stream };
}

/** Newest first, ties by id descending: the documented order, computed on the test side. */
const newestFirst = (rows: { id: string; occurredOn: string }[]) =>
  [...rows]
    .sort((a, b) => (a.occurredOn === b.occurredOn ? (a.id < b.id ? 1 : -1) : a.occurredOn < b.occurredOn ? 1 : -1))
    .map((r) => r.id);

describe("POST /api/v1/transactions: one object", () => {
  it("creates a transaction (201) answering amount as a decimal string and amountMinor, in the strict schema", async () => {
    const r = await post(
      alice,
      {
        streamId: design.id,
        occurredOn: "2024-05-10",
        amount: "1234.56",
        counterparty: "Acme Corp",
        platform: "Upwork",
        description: "Logo design",
        externalId: `inv-${crypto.randomUUID()}`,
      },
      { token: alice.writeToken },
    );
    expect(r.status).toBe(201);
    expect(r.contentType).toContain("application/json");
    const t = strictTx.parse(r.json);
    expect(t).toMatchObject({
      streamId: design.id,
      streamName: "Design Studio",
      kind: "income",
      occurredOn: "2024-05-10",
      amount: "1234.56",
      amountMinor: 123456,
      currency: "USD",
      baseAmountMinor: 123456,
      counterparty: "Acme Corp",
      platform: "Upwork",
      description: "Logo design",
    });
    expect(strictTx.parse((await get(alice, t.id)).json)).toEqual(t);
  });

  it("defaults kind to income, currency to the user's base (USD) and optional fields to null", async () => {
    const t = await create(alice, { streamId: blog.id, occurredOn: "2024-05-11", amount: "5" });
    expect(t).toMatchObject({
      kind: "income",
      currency: "USD",
      amount: "5.00",
      amountMinor: 500,
      counterparty: null,
      platform: null,
      description: null,
      externalId: null,
    });
  });

  it("finds the stream by name, case-insensitively, instead of streamId", async () => {
    const t = await create(alice, { stream: "design STUDIO", occurredOn: "2024-05-12", amount: "10.00", kind: "expense" });
    expect(t).toMatchObject({ streamId: design.id, streamName: "Design Studio", kind: "expense" });
  });

  it("refuses an unknown stream name with 422 on path stream and writes nothing", async () => {
    const { user } = await freshUser();
    const r = await post(user, { stream: "No Such Stream", occurredOn: "2024-05-12", amount: "10.00" });
    expectProblem(r, 422);
    expect(errorPaths(r)).toEqual(["stream"]);
    expect(await listIds(user)).toEqual([]);
  });

  it("refuses another user's streamId with 422 on path streamId, exactly as for a stream that does not exist", async () => {
    const foreign = await post(alice, { streamId: bobStream.id, occurredOn: "2024-05-12", amount: "10.00" });
    expectProblem(foreign, 422);
    expect(errorPaths(foreign)).toEqual(["streamId"]);
    const missing = await post(alice, { streamId: crypto.randomUUID(), occurredOn: "2024-05-12", amount: "10.00" });
    expect(foreign.json).toEqual(missing.json);
    expect(JSON.stringify(foreign.json)).not.toContain(bobStream.name);
    expect(await listIds(bob, { stream: bobStream.id })).toEqual([]);
  });

  it("refuses a malformed streamId with 422 on path streamId", async () => {
    const r = await post(alice, { streamId: "not-a-uuid", occurredOn: "2024-05-12", amount: "10.00" });
    expectProblem(r, 422);
    expect(errorPaths(r)).toEqual(["streamId"]);
  });

  it.each([
    ["a decimal string", "1234.56", undefined, "1234.56", 123456, "USD"],
    ["a JSON number 19.99", 19.99, undefined, "19.99", 1999, "USD"],
    ["a JSON integer", 42, undefined, "42.00", 4200, "USD"],
    ["one decimal", "12.3", undefined, "12.30", 1230, "USD"],
    ["cents only", "0.05", undefined, "0.05", 5, "USD"],
    ["a refund, negative", "-50.00", undefined, "-50.00", -5000, "USD"],
    ["yen without decimals", "1500", "JPY", "1500", 1500, "JPY"],
    ["yen with zero decimals", "1500.00", "JPY", "1500", 1500, "JPY"],
    ["dinar with three decimals", "1.234", "KWD", "1.234", 1234, "KWD"],
    ["a lower-case currency", "9.90", "eur", "9.90", 990, "EUR"],
    ["the largest amount, 10^14 minor units", "1000000000000.00", undefined, "1000000000000.00", 100_000_000_000_000, "USD"],
  ])("reads %s exactly into minor units", async (_label, amount, currency, text, minor, code) => {
    const t = await create(alice, { streamId: blog.id, occurredOn: "2024-06-01", amount, ...(currency ? { currency } : {}) });
    expect(t).toMatchObject({ amount: text, amountMinor: minor, currency: code });
  });

  it.each([
    ["three decimals in USD", { amount: "12.345" }],
    ["exponent notation", { amount: "1e3" }],
    ["a comma as decimal separator", { amount: "12,50" }],
    ["an empty string", { amount: "" }],
    ["a leading dot", { amount: ".5" }],
    ["NaN as text", { amount: "NaN" }],
    ["a float that is not the decimal it looks like", { amount: 0.1 + 0.2 }],
    ["decimals in JPY", { amount: "1500.5", currency: "JPY" }],
    ["four decimals in KWD", { amount: "1.2345", currency: "KWD" }],
    ["one cent over the largest amount", { amount: "1000000000000.01" }],
    ["a huge JSON number", { amount: 1e21 }],
    ["a boolean", { amount: true }],
    ["null", { amount: null }],
    ["nothing", { amount: undefined }],
  ])("refuses an amount given as %s with 422 on path amount", async (_label, fields) => {
    const r = await post(alice, { streamId: blog.id, occurredOn: "2024-06-02", ...fields });
    expectProblem(r, 422);
    expect(errorPaths(r)).toEqual(["amount"]);
  });

  it.each([
    ["an impossible date 2023-02-29", { occurredOn: "2023-02-29" }, ["occurredOn"]],
    ["an impossible date 2024-04-31", { occurredOn: "2024-04-31" }, ["occurredOn"]],
    ["month 13", { occurredOn: "2024-13-01" }, ["occurredOn"]],
    ["a date before 1970", { occurredOn: "1969-12-31" }, ["occurredOn"]],
    ["a date more than a year ahead", { occurredOn: `${new Date().getUTCFullYear() + 2}-01-01` }, ["occurredOn"]],
    ["a zero amount", { amount: "0.00" }, ["amount"]],
    ["a zero amount as a number", { amount: 0 }, ["amount"]],
    ["a date in another format", { occurredOn: "2024/01/05" }, ["occurredOn"]],
    ["a timestamp instead of a date", { occurredOn: "2024-01-05T10:00:00Z" }, ["occurredOn"]],
    ["no date", { occurredOn: undefined }, ["occurredOn"]],
    ["an unknown kind", { kind: "refund" }, ["kind"]],
    ["an unknown currency XYZ", { currency: "XYZ" }, ["currency"]],
    ["a two-letter currency", { currency: "US" }, ["currency"]],
    ["no stream at all", { streamId: undefined }, ["streamId"]],
    ["a counterparty over 120 characters", { counterparty: "c".repeat(121) }, ["counterparty"]],
    ["a platform over 80 characters", { platform: "p".repeat(81) }, ["platform"]],
    ["a description over 500 characters", { description: "d".repeat(501) }, ["description"]],
    ["an empty externalId", { externalId: "" }, ["externalId"]],
    ["an externalId over 200 characters", { externalId: "e".repeat(201) }, ["externalId"]],
    ["several bad fields", { kind: "gift", occurredOn: "2023-02-29", currency: "XYZ" }, ["currency", "kind", "occurredOn"]],
  ])("refuses %s with 422 problem+json and the exact error paths", async (_label, fields, paths) => {
    const r = await post(alice, { streamId: blog.id, occurredOn: "2024-06-03", amount: "1.00", ...fields });
    expectProblem(r, 422);
    expect(errorPaths(r)).toEqual(paths);
  });

  it("accepts a leap day in a leap year (2024-02-29)", async () => {
    const t = await create(alice, { streamId: blog.id, occurredOn: "2024-02-29", amount: "1.00" });
    expect(t.occurredOn).toBe("2024-02-29");
  });

  it.each([
    ["a body that is not JSON", { rawBody: "{oops", headers: { "content-type": "application/json" } }, 400],
    ["an empty body", { rawBody: "", headers: { "content-type": "application/json" } }, 422],
    ["a JSON string", { body: "income" }, 422],
    ["JSON null", { rawBody: "null", headers: { "content-type": "application/json" } }, 422],
    ["an empty array", { body: [] }, 422],
  ])("refuses %s as problem+json", async (_label, opts, status) => {
    const r = await call(postTx, "/api/v1/transactions", { method: "POST", auth: { cookie: alice.cookie }, ...opts });
    expectProblem(r, status);
  });

  it("answers a repeated POST with the same externalId with 200 and the original transaction, writing it once", async () => {
    const { user, stream } = await freshUser();
    const body = { streamId: stream.id, occurredOn: "2024-07-01", amount: "99.00", externalId: "stripe_ch_1" };
    const first = await post(user, body);
    expect(first.status).toBe(201);
    const again = await post(user, { ...body, amount: "100.00", description: "changed" });
    expect(again.status).toBe(200);
    expect(strictTx.parse(again.json)).toEqual(strictTx.parse(first.json));
    expect(await listIds(user)).toEqual([first.json.id]);
  });

  it("answers two concurrent single POSTs with the same externalId with one 201 and one 200 for the same row", async () => {
    const { user, stream } = await freshUser();
    const body = { streamId: stream.id, occurredOn: "2024-07-02", amount: "5.00", externalId: "race-1" };
    const [a, b] = await Promise.all([post(user, body), post(user, body)]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(a.json.id).toBe(b.json.id);
    expect(await listIds(user)).toEqual([a.json.id]);
  });

  it("keeps externalIds per user: another user's externalId is a new transaction, not theirs", async () => {
    const aliceTx = await create(alice, { streamId: blog.id, occurredOn: "2024-07-03", amount: "1.00", externalId: "shared-ext-id" });
    const r = await post(bob, { streamId: bobStream.id, occurredOn: "2024-07-03", amount: "2.00", externalId: "shared-ext-id" });
    expect(r.status).toBe(201);
    const bobTx = strictTx.parse(r.json);
    expect(bobTx.id).not.toBe(aliceTx.id);
    expect(bobTx).toMatchObject({ streamId: bobStream.id, amountMinor: 200 });
  });
});

describe("POST /api/v1/transactions: base currency and FX", () => {
  it("sets baseAmountMinor to amountMinor in the base currency and to null for a currency without a rate", async () => {
    const usd = await create(alice, { streamId: blog.id, occurredOn: "2024-08-01", amount: "-12.34" });
    expect(usd.baseAmountMinor).toBe(-1234);
    const chf = await create(alice, { streamId: blog.id, occurredOn: "2024-08-01", amount: "12.34", currency: "CHF" });
    expect(chf).toMatchObject({ amountMinor: 1234, currency: "CHF", baseAmountMinor: null });
  });

  it("converts with the user's rate in force on the date, across exponents", async () => {
    const { user, stream } = await freshUser();
    const db = await getDb();
    await db.insert(fxRates).values([
      { userId: user.id, baseCurrency: "USD", currency: "EUR", date: "2024-01-01", rate: "1.1" },
      { userId: user.id, baseCurrency: "USD", currency: "EUR", date: "2024-06-01", rate: "1.2" },
      { userId: user.id, baseCurrency: "USD", currency: "JPY", date: "2024-01-01", rate: "0.0067" },
      // A rate quoted in another base never prices a USD user's rows.
      { userId: user.id, baseCurrency: "EUR", currency: "GBP", date: "2024-01-01", rate: "1.15" },
    ]);
    const eurJan = await create(user, { streamId: stream.id, occurredOn: "2024-03-15", amount: "10.00", currency: "EUR" });
    expect(eurJan.baseAmountMinor).toBe(1100); // 1000 × 1.1
    const eurJul = await create(user, { streamId: stream.id, occurredOn: "2024-07-15", amount: "10.00", currency: "EUR" });
    expect(eurJul.baseAmountMinor).toBe(1200); // 1000 × 1.2
    const yen = await create(user, { streamId: stream.id, occurredOn: "2024-03-15", amount: "1500", currency: "JPY" });
    expect(yen.baseAmountMinor).toBe(1005); // 1500 yen × 0.0067 = 10.05 USD
    const gbp = await create(user, { streamId: stream.id, occurredOn: "2024-03-15", amount: "10.00", currency: "GBP" });
    expect(gbp.baseAmountMinor).toBeNull();
  });

  it("defaults the currency to a non-USD base and checks the amount against that currency", async () => {
    const { user, stream } = await freshUser();
    const db = await getDb();
    await db.update(users).set({ baseCurrency: "JPY" }).where(eq(users.id, user.id));
    const t = await create(user, { streamId: stream.id, occurredOn: "2024-03-15", amount: "1500" });
    expect(t).toMatchObject({ currency: "JPY", amount: "1500", amountMinor: 1500, baseAmountMinor: 1500 });
    const r = await post(user, { streamId: stream.id, occurredOn: "2024-03-15", amount: "19.99" });
    expectProblem(r, 422);
    expect(errorPaths(r)).toEqual(["amount"]);
  });
});

describe("POST /api/v1/transactions: batches", () => {
  const item = (streamId: string, i: number, extra: Record<string, unknown> = {}) => ({
    streamId,
    occurredOn: `2024-03-${String(1 + (i % 28)).padStart(2, "0")}`,
    amount: `${i + 1}.00`,
    ...extra,
  });

  it("inserts an array as a batch: 201 { inserted, duplicates, data } with the rows in input order", async () => {
    const { user, stream } = await freshUser("Batch Stream");
    const items = [
      { ...item(stream.id, 0), externalId: "b-1" },
      { stream: "batch stream", occurredOn: "2024-03-02", amount: 7.5, kind: "expense", externalId: "b-2" },
      { ...item(stream.id, 2), currency: "jpy", amount: "300" },
    ];
    const r = await post(user, items, { token: user.writeToken });
    expect(r.status).toBe(201);
    const batch = strictBatch.parse(r.json);
    expect(batch.inserted).toBe(3);
    expect(batch.duplicates).toBe(0);
    expect(batch.data.map((t) => [t.streamId, t.streamName, t.kind, t.amount, t.amountMinor, t.currency, t.externalId])).toEqual([
      [stream.id, "Batch Stream", "income", "1.00", 100, "USD", "b-1"],
      [stream.id, "Batch Stream", "expense", "7.50", 750, "USD", "b-2"],
      [stream.id, "Batch Stream", "income", "300", 300, "JPY", null],
    ]);
    expect((await listIds(user)).sort()).toEqual(batch.data.map((t) => t.id).sort());
  });

  it("rejects a batch whose items 3 and 7 are invalid with every error, path-prefixed, and writes nothing", async () => {
    const { user, stream } = await freshUser();
    const items = Array.from({ length: 10 }, (_, i) => item(stream.id, i));
    items[3] = item(stream.id, 3, { amount: "12.345" });
    items[7] = item(stream.id, 7, { occurredOn: "2023-02-29" });
    const r = await post(user, items);
    expectProblem(r, 422);
    expect(errorPaths(r)).toEqual(["3.amount", "7.occurredOn"]);
    expect(await listIds(user)).toEqual([]);
  });

  it("rejects a batch with unknown stream references in items 2 and 5 and writes nothing", async () => {
    const { user, stream } = await freshUser();
    const items: Record<string, unknown>[] = Array.from({ length: 6 }, (_, i) => item(stream.id, i));
    items[2] = { ...item(stream.id, 2), streamId: undefined, stream: "Nope" };
    items[5] = item(bobStream.id, 5);
    const r = await post(user, items);
    expectProblem(r, 422);
    expect(errorPaths(r)).toEqual(["2.stream", "5.streamId"]);
    expect(await listIds(user)).toEqual([]);
  });

  it("reports every item's errors at once: a field error in item 1 and an unknown stream in item 2", async () => {
    const { user, stream } = await freshUser();
    const r = await post(user, [
      item(stream.id, 0),
      item(stream.id, 1, { amount: "12.345" }),
      { ...item(stream.id, 2), streamId: undefined, stream: "Nope" },
    ]);
    expectProblem(r, 422);
    expect(errorPaths(r)).toEqual(["1.amount", "2.stream"]);
    expect(await listIds(user)).toEqual([]);
  });

  it("names an item that is not an object by its index alone", async () => {
    const { user, stream } = await freshUser();
    const r = await post(user, [item(stream.id, 0), 42]);
    expectProblem(r, 422);
    expect(errorPaths(r)).toEqual(["1"]);
    expect(await listIds(user)).toEqual([]);
  });

  it("answers a repeated batch with externalIds with 200 { inserted: 0, duplicates: N } and adds no rows", async () => {
    const { user, stream } = await freshUser();
    const items = Array.from({ length: 5 }, (_, i) => item(stream.id, i, { externalId: `rep-${i}` }));
    const first = strictBatch.parse((await post(user, items)).json);
    expect(first).toMatchObject({ inserted: 5, duplicates: 0 });
    const again = await post(user, items);
    expect(again.status).toBe(200);
    expect(strictBatch.parse(again.json)).toEqual({ inserted: 0, duplicates: 5, data: [] });
    expect(await listIds(user)).toHaveLength(5);
  });

  it("inserts only the new items of a batch that partly repeats earlier externalIds", async () => {
    const { user, stream } = await freshUser();
    await post(user, [item(stream.id, 0, { externalId: "p-0" }), item(stream.id, 1, { externalId: "p-1" })]);
    const r = await post(user, [item(stream.id, 0, { externalId: "p-0" }), item(stream.id, 2, { externalId: "p-2" }), item(stream.id, 3)]);
    expect(r.status).toBe(201);
    const batch = strictBatch.parse(r.json);
    expect(batch.inserted).toBe(2);
    expect(batch.duplicates).toBe(1);
    expect(batch.data.map((t) => t.externalId)).toEqual(["p-2", null]);
    expect(await listIds(user)).toHaveLength(4);
  });

  it("counts an externalId repeated inside one batch once", async () => {
    const { user, stream } = await freshUser();
    const r = await post(user, [
      item(stream.id, 0, { externalId: "x" }),
      item(stream.id, 1, { externalId: "x" }),
      item(stream.id, 2, { externalId: "y" }),
    ]);
    expect(r.status).toBe(201);
    const batch = strictBatch.parse(r.json);
    expect(batch).toMatchObject({ inserted: 2, duplicates: 1 });
    expect(batch.data.map((t) => t.externalId)).toEqual(["x", "y"]);
    expect(batch.data[0]?.amountMinor).toBe(100);
    expect(await listIds(user)).toHaveLength(2);
  });

  it("never deduplicates items without an externalId", async () => {
    const { user, stream } = await freshUser();
    const items = [item(stream.id, 0), item(stream.id, 0)];
    expect(strictBatch.parse((await post(user, items)).json).inserted).toBe(2);
    expect(strictBatch.parse((await post(user, items)).json).inserted).toBe(2);
    expect(await listIds(user)).toHaveLength(4);
  });

  it("inserts each row once in total when two identical batches race", async () => {
    const { user, stream } = await freshUser();
    const items = Array.from({ length: 20 }, (_, i) => item(stream.id, i, { externalId: `race-${i}` }));
    const [a, b] = await Promise.all([post(user, items), post(user, items)]);
    const ra = strictBatch.parse(a.json);
    const rb = strictBatch.parse(b.json);
    expect(ra.inserted + rb.inserted).toBe(20);
    expect(ra.duplicates + rb.duplicates).toBe(20);
    const all = txList.parse((await list(user, { limit: "500" })).json).data;
    expect(all).toHaveLength(20);
    expect(new Set(all.map((t) => t.externalId)).size).toBe(20);
  });

  it("accepts exactly 1,000 items", async () => {
    const { user, stream } = await freshUser();
    const items = Array.from({ length: 1000 }, (_, i) => item(stream.id, i, { externalId: `k-${i}` }));
    const r = await post(user, items);
    expect(r.status).toBe(201);
    const batch = strictBatch.parse(r.json);
    expect(batch.inserted).toBe(1000);
    expect(batch.data).toHaveLength(1000);
    expect(batch.data[999]?.externalId).toBe("k-999");
  });

  it("refuses a body over 4 MB with 413 problem+json and writes nothing", async () => {
    const { user, stream } = await freshUser();
    expectProblem(await post(user, [{ ...item(stream.id, 0), padding: "x".repeat(4 * 1024 * 1024 + 1) }]), 413);
    expect(await listIds(user)).toEqual([]);
  });

  it("refuses 1,001 items with 413 problem+json and writes nothing", async () => {
    const { user, stream } = await freshUser();
    const items = Array.from({ length: 1001 }, (_, i) => item(stream.id, i));
    expectProblem(await post(user, items), 413);
    expect(await listIds(user)).toEqual([]);
  });
});

describe("GET /api/v1/transactions: filters", () => {
  let lister: TestUser;
  const ids: Record<string, string> = {};
  const rows: {
    key: string;
    occurredOn: string;
    stream: string;
    kind: string;
    amount: string;
    counterparty?: string;
    platform?: string;
    description?: string;
  }[] = [
    {
      key: "r1",
      occurredOn: "2024-01-05",
      stream: "Design",
      kind: "income",
      amount: "1000.00",
      counterparty: "Acme Corp",
      platform: "Upwork",
      description: "Logo design",
    },
    {
      key: "r2",
      occurredOn: "2024-01-20",
      stream: "Blog",
      kind: "income",
      amount: "50.00",
      platform: "AdSense",
      description: "January ads",
    },
    {
      key: "r3",
      occurredOn: "2024-02-01",
      stream: "Shop",
      kind: "expense",
      amount: "20.00",
      counterparty: "Printful",
      platform: "Etsy",
      description: "Fees 100% covered",
    },
    {
      key: "r4",
      occurredOn: "2024-02-15",
      stream: "Design",
      kind: "income",
      amount: "500.00",
      counterparty: "Beta LLC",
      description: "Website",
    },
    { key: "r5", occurredOn: "2024-03-01", stream: "Blog", kind: "income", amount: "75.00", counterparty: "Sponsor_X" },
    {
      key: "r6",
      occurredOn: "2024-03-01",
      stream: "Shop",
      kind: "income",
      amount: "30.00",
      platform: "Etsy",
      description: "Sale 100 items",
    },
    {
      key: "r7",
      occurredOn: "2024-03-10",
      stream: "Design",
      kind: "expense",
      amount: "10.00",
      counterparty: "TerraXplore",
      description: "Software",
    },
  ];
  const streamIds: Record<string, string> = {};
  const expectIds = (keys: string[]) => keys.map((k) => ids[k]);
  const ordered = (keys: string[]) =>
    newestFirst(rows.filter((r) => keys.includes(r.key)).map((r) => ({ id: ids[r.key]!, occurredOn: r.occurredOn })));

  beforeAll(async () => {
    lister = await makeUser("Lister");
    for (const name of ["Design", "Blog", "Shop"]) streamIds[name] = (await newStream(lister, name)).id;
    const r = await post(
      lister,
      rows.map(({ key: _key, stream, ...rest }) => ({ stream, ...rest })),
    );
    const batch = strictBatch.parse(r.json);
    rows.forEach((row, i) => (ids[row.key] = batch.data[i]!.id));
  });

  it("lists the caller's transactions newest first, ties broken by id, in { data, nextCursor } with strict items", async () => {
    const r = await list(lister);
    expect(r.status).toBe(200);
    const page = txList.parse(r.json);
    expect(page.nextCursor).toBeNull();
    expect(page.data.map((t) => t.id)).toEqual(ordered(["r1", "r2", "r3", "r4", "r5", "r6", "r7"]));
    expect(page.data.map((t) => t.id).slice(0, 1)).toEqual(expectIds(["r7"]));
    expect(page.data.at(-1)?.id).toBe(ids.r1);
    const r3 = page.data.find((t) => t.id === ids.r3);
    expect(r3).toMatchObject({ streamName: "Shop", kind: "expense", amount: "20.00", amountMinor: 2000 });
  });

  it.each([
    ["stream by id", () => ({ stream: streamIds.Design! }), ["r1", "r4", "r7"]],
    ["stream by name in another case", () => ({ stream: "dESIGN" }), ["r1", "r4", "r7"]],
    ["a stream name the user does not have", () => ({ stream: "Nope" }), []],
    ["kind expense", () => ({ kind: "expense" }), ["r3", "r7"]],
    ["kind income", () => ({ kind: "income" }), ["r1", "r2", "r4", "r5", "r6"]],
    ["from (inclusive)", () => ({ from: "2024-03-01" }), ["r5", "r6", "r7"]],
    ["to (inclusive)", () => ({ to: "2024-01-20" }), ["r1", "r2"]],
    ["from and to", () => ({ from: "2024-02-01", to: "2024-03-01" }), ["r3", "r4", "r5", "r6"]],
    ["q on a counterparty, case-insensitively", () => ({ q: "acme" }), ["r1"]],
    ["q on a description", () => ({ q: "WEBSITE" }), ["r4"]],
    ["q on a platform", () => ({ q: "etsy" }), ["r3", "r6"]],
    ["q on the stream name", () => ({ q: "blo" }), ["r2", "r5"]],
    ["q with a literal %", () => ({ q: "100%" }), ["r3"]],
    ["q with a literal _", () => ({ q: "r_X" }), ["r5"]],
    ["q that matches nothing", () => ({ q: "zzz" }), []],
    ["stream, kind and from together", () => ({ stream: "Blog", kind: "income", from: "2024-02-01" }), ["r5"]],
  ])("filters by %s", async (_label, query, keys) => {
    expect(await listIds(lister, query())).toEqual(ordered(keys));
  });

  it.each([
    ["limit=501", { limit: "501" }, ["limit"]],
    ["limit=0", { limit: "0" }, ["limit"]],
    ["limit=abc", { limit: "abc" }, ["limit"]],
    ["limit=2.5", { limit: "2.5" }, ["limit"]],
    ["an unknown kind", { kind: "refund" }, ["kind"]],
    ["an impossible from date", { from: "2023-02-29" }, ["from"]],
    ["an impossible to date", { to: "2024-02-30" }, ["to"]],
    ["a garbage cursor", { cursor: "garbage!!" }, ["cursor"]],
    ["a well-encoded cursor with the wrong content", { cursor: Buffer.from(JSON.stringify(["x", 1])).toString("base64url") }, ["cursor"]],
    ["a q over 100 characters", { q: "q".repeat(101) }, ["q"]],
  ])("refuses %s with 422 and the exact error paths", async (_label, query, paths) => {
    const r = await list(lister, query);
    expectProblem(r, 422);
    expect(errorPaths(r)).toEqual(paths);
  });

  it("accepts limit=500", async () => {
    expect((await list(lister, { limit: "500" })).status).toBe(200);
  });
});

describe("GET /api/v1/transactions: keyset pagination", () => {
  it("walks 25 rows (several on one date) with limit 7 in 4 pages, without duplicates or gaps", async () => {
    const { user, stream } = await freshUser();
    // 25 rows on 9 dates; 2024-04-01 and 2024-04-03 carry four each, so page edges fall inside a date.
    const dates = [
      "2024-04-01",
      "2024-04-01",
      "2024-04-01",
      "2024-04-01",
      "2024-04-02",
      "2024-04-03",
      "2024-04-03",
      "2024-04-03",
      "2024-04-03",
    ];
    const items = Array.from({ length: 25 }, (_, i) => ({
      streamId: stream.id,
      occurredOn: dates[i % dates.length]!,
      amount: `${i + 1}.00`,
    }));
    const created = strictBatch.parse((await post(user, items)).json).data;
    const expected = newestFirst(created);

    const seen: string[] = [];
    const sizes: number[] = [];
    let cursor: string | null = null;
    do {
      const r = await list(user, { limit: "7", ...(cursor ? { cursor } : {}) });
      expect(r.status).toBe(200);
      const page = txList.parse(r.json);
      sizes.push(page.data.length);
      seen.push(...page.data.map((t) => t.id));
      cursor = page.nextCursor;
    } while (cursor && sizes.length < 10);

    expect(sizes).toEqual([7, 7, 7, 4]);
    expect(seen).toEqual(expected);
    expect(new Set(seen).size).toBe(25);
  });

  it("answers nextCursor null when the last page is exactly full", async () => {
    const { user, stream } = await freshUser();
    await post(
      user,
      Array.from({ length: 4 }, (_, i) => ({ streamId: stream.id, occurredOn: "2024-05-01", amount: `${i + 1}` })),
    );
    const first = txList.parse((await list(user, { limit: "2" })).json);
    expect(first.data).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const second = txList.parse((await list(user, { limit: "2", cursor: first.nextCursor! })).json);
    expect(second.data).toHaveLength(2);
    expect(second.nextCursor).toBeNull();
  });

  it("keeps filters across pages", async () => {
    const { user, stream } = await freshUser();
    const items = Array.from({ length: 10 }, (_, i) => ({
      streamId: stream.id,
      occurredOn: `2024-06-${String(10 + i)}`,
      amount: "1.00",
      kind: i % 2 ? "expense" : "income",
    }));
    await post(user, items);
    const first = txList.parse((await list(user, { limit: "3", kind: "income" })).json);
    const second = txList.parse((await list(user, { limit: "3", kind: "income", cursor: first.nextCursor! })).json);
    expect([...first.data, ...second.data].map((t) => t.occurredOn)).toEqual([
      "2024-06-18",
      "2024-06-16",
      "2024-06-14",
      "2024-06-12",
      "2024-06-10",
    ]);
    expect(second.nextCursor).toBeNull();
  });
});

describe("PATCH /api/v1/transactions/{id}", () => {
  async function base(extra: Record<string, unknown> = {}) {
    return create(alice, {
      streamId: design.id,
      occurredOn: "2024-09-01",
      amount: "19.99",
      counterparty: "Acme",
      platform: "Stripe",
      description: "Retainer",
      ...extra,
    });
  }

  it("changes the amount, re-deriving amountMinor and baseAmountMinor, and keeps the other fields", async () => {
    const t = await base();
    const r = await call(patchTx, "/x", {
      method: "PATCH",
      auth: { token: alice.writeToken },
      params: { id: t.id },
      body: { amount: "25.50" },
    });
    expect(r.status).toBe(200);
    const p = strictTx.parse(r.json);
    expect(p).toEqual({ ...t, amount: "25.50", amountMinor: 2550, baseAmountMinor: 2550, updatedAt: p.updatedAt });
    expect(strictTx.parse((await get(alice, t.id)).json)).toEqual(p);
  });

  it("changes the kind, the date and the stream by name", async () => {
    const t = await base();
    const p = strictTx.parse((await patch(alice, t.id, { kind: "expense", occurredOn: "2024-02-29", stream: "BLOG" })).json);
    expect(p).toMatchObject({ kind: "expense", occurredOn: "2024-02-29", streamId: blog.id, streamName: "Blog", amountMinor: 1999 });
  });

  it("changes the stream by streamId", async () => {
    const t = await base();
    const p = strictTx.parse((await patch(alice, t.id, { streamId: blog.id })).json);
    expect(p).toMatchObject({ streamId: blog.id, streamName: "Blog" });
  });

  it("clears the counterparty with null and the description with an empty string", async () => {
    const t = await base();
    const p = strictTx.parse((await patch(alice, t.id, { counterparty: null, description: "" })).json);
    expect(p).toMatchObject({ counterparty: null, description: null, platform: "Stripe" });
  });

  it("changes currency and amount together (USD 19.99 → JPY 1500), base amount null without a yen rate", async () => {
    const t = await base();
    const p = strictTx.parse((await patch(alice, t.id, { currency: "jpy", amount: "1500" })).json);
    expect(p).toMatchObject({ currency: "JPY", amount: "1500", amountMinor: 1500, baseAmountMinor: null });
  });

  it("re-reads the current amount in a new currency (USD 20.00 → EUR 20.00)", async () => {
    const t = await base({ amount: "20.00" });
    const p = strictTx.parse((await patch(alice, t.id, { currency: "EUR" })).json);
    expect(p).toMatchObject({ currency: "EUR", amount: "20.00", amountMinor: 2000, baseAmountMinor: null });
  });

  it.each([
    ["a currency change USD→JPY that leaves 19.99 with decimals", () => ({ currency: "JPY" }), ["amount"]],
    ["an amount with three decimals", () => ({ amount: "12.345" }), ["amount"]],
    ["an amount in exponent notation", () => ({ amount: "1e3" }), ["amount"]],
    ["a zero amount", () => ({ amount: "0" }), ["amount"]],
    ["a date more than a year ahead", () => ({ occurredOn: `${new Date().getUTCFullYear() + 2}-06-01` }), ["occurredOn"]],
    ["an unknown stream name", () => ({ stream: "Nope" }), ["stream"]],
    ["another user's streamId", () => ({ streamId: bobStream.id }), ["streamId"]],
    ["a malformed streamId", () => ({ streamId: "nope" }), ["streamId"]],
    ["an empty streamId", () => ({ streamId: "" }), ["streamId"]],
    ["an impossible date", () => ({ occurredOn: "2023-02-29" }), ["occurredOn"]],
    ["an unknown kind", () => ({ kind: "refund" }), ["kind"]],
    ["an unknown currency", () => ({ currency: "XYZ" }), ["currency"]],
    ["an empty body", () => ({}), [""]],
    ["only unknown fields", () => ({ amountMinor: 5 }), [""]],
  ])("refuses %s with 422 and the exact error paths, changing nothing", async (_label, body, paths) => {
    const t = await base();
    const r = await patch(alice, t.id, body());
    expectProblem(r, 422);
    expect(errorPaths(r)).toEqual(paths);
    expect(strictTx.parse((await get(alice, t.id)).json)).toEqual(t);
  });

  it("refuses an externalId the user already has on another transaction with 409, changing nothing", async () => {
    const ext = `ext-${crypto.randomUUID()}`;
    await base({ externalId: ext });
    const t = await base();
    const r = await patch(alice, t.id, { externalId: ext });
    expectProblem(r, 409);
    expect(strictTx.parse((await get(alice, t.id)).json)).toEqual(t);
  });

  it.each([["not-a-uuid"], [crypto.randomUUID()]])("answers 404 for the unknown id %s", async (id) => {
    expectProblem(await patch(alice, id, { amount: "1.00" }), 404);
  });
});

describe("GET and DELETE /api/v1/transactions/{id}", () => {
  it.each([["not-a-uuid"], ["1"], [crypto.randomUUID()]])("GET answers 404 for the unknown id %s", async (id) => {
    expectProblem(await get(alice, id), 404);
  });

  it.each([["not-a-uuid"], [crypto.randomUUID()]])("DELETE answers 404 for the unknown id %s", async (id) => {
    expectProblem(await del(alice, id), 404);
  });

  it("answers the deleted transaction, after which GET is 404, the list lacks it and a second DELETE is 404", async () => {
    const t = await create(alice, { streamId: design.id, occurredOn: "2024-10-01", amount: "42.00", counterparty: "Zed" });
    const r = await call(deleteTx, "/x", { method: "DELETE", auth: { token: alice.writeToken }, params: { id: t.id } });
    expect(r.status).toBe(200);
    expect(strictTx.parse(r.json)).toEqual(t);
    expectProblem(await get(alice, t.id), 404);
    expect(await listIds(alice, { from: "2024-10-01", to: "2024-10-01" })).not.toContain(t.id);
    expectProblem(await del(alice, t.id), 404);
  });

  it("undoes a delete by posting the deleted object back: the same fields under a new id", async () => {
    const t = await create(alice, {
      streamId: design.id,
      occurredOn: "2024-10-02",
      amount: "-7.25",
      kind: "expense",
      currency: "EUR",
      counterparty: "Figma",
      platform: "Card",
      description: "Seat",
      externalId: `undo-${crypto.randomUUID()}`,
    });
    const deleted = (await del(alice, t.id)).json;
    const r = await post(alice, deleted);
    expect(r.status).toBe(201);
    const back = strictTx.parse(r.json);
    expect(back.id).not.toBe(t.id);
    const { id: _a, createdAt: _b, updatedAt: _c, ...fields } = t;
    expect(back).toMatchObject(fields);
  });
});

describe("GET /api/v1/transactions/suggestions", () => {
  it("answers counterparties and platforms most recently used first, without case duplicates or nulls", async () => {
    const { user, stream } = await freshUser();
    await post(user, [
      { streamId: stream.id, occurredOn: "2024-01-01", amount: "1", counterparty: "Acme", platform: "Stripe" },
      { streamId: stream.id, occurredOn: "2024-01-15", amount: "1", counterparty: "Gamma", platform: "PayPal" },
      { streamId: stream.id, occurredOn: "2024-02-01", amount: "1", counterparty: "Beta", platform: "stripe" },
      { streamId: stream.id, occurredOn: "2024-03-01", amount: "1", counterparty: "acme" },
      { streamId: stream.id, occurredOn: "2024-03-05", amount: "1" },
    ]);
    const r = await call(suggestions, "/api/v1/transactions/suggestions", { auth: { token: user.readToken } });
    expect(r.status).toBe(200);
    const s = suggestionsResponse.strict().parse(r.json);
    expect(s.counterparties.map((c) => c.toLowerCase())).toEqual(["acme", "beta", "gamma"]);
    expect(s.platforms.map((p) => p.toLowerCase())).toEqual(["stripe", "paypal"]);
  });

  it("answers empty lists to a user without transactions, and never another user's values", async () => {
    const { user } = await freshUser();
    await create(alice, {
      streamId: blog.id,
      occurredOn: "2024-01-01",
      amount: "1",
      counterparty: "Alice Secret Client",
      platform: "Alice Platform",
    });
    const r = await call(suggestions, "/api/v1/transactions/suggestions", { auth: { cookie: user.cookie } });
    expect(r.json).toEqual({ counterparties: [], platforms: [] });
    const forBob = suggestionsResponse.parse((await call(suggestions, "/x", { auth: { cookie: bob.cookie } })).json);
    expect(forBob.counterparties).not.toContain("Alice Secret Client");
    expect(forBob.platforms).not.toContain("Alice Platform");
  });
});

describe("transactions: authentication and write scope", () => {
  const id = crypto.randomUUID();
  it.each([
    ["GET list", () => call(listTx, "/api/v1/transactions")],
    ["POST", () => call(postTx, "/api/v1/transactions", { method: "POST", body: {} })],
    ["GET one", () => call(getTx, "/x", { params: { id } })],
    ["PATCH", () => call(patchTx, "/x", { method: "PATCH", params: { id }, body: { amount: "1" } })],
    ["DELETE", () => call(deleteTx, "/x", { method: "DELETE", params: { id } })],
    ["GET suggestions", () => call(suggestions, "/api/v1/transactions/suggestions")],
    ["GET list with a wrong token", () => call(listTx, "/api/v1/transactions", { auth: { token: "sfp_wrong" } })],
  ])("answers %s without valid credentials with 401", async (_label, run) => {
    expectProblem(await run(), 401);
  });

  it("refuses every write verb with a read token (403), writes nothing, and still lets it read", async () => {
    const { user, stream } = await freshUser();
    const t = await create(user, { streamId: stream.id, occurredOn: "2024-01-01", amount: "1.00" });
    const auth = { token: user.readToken };
    const one = { streamId: stream.id, occurredOn: "2024-01-02", amount: "2.00" };
    expectProblem(await post(user, one, auth), 403);
    expectProblem(await post(user, [one, one], auth), 403);
    expectProblem(await call(patchTx, "/x", { method: "PATCH", auth, params: { id: t.id }, body: { amount: "3.00" } }), 403);
    expectProblem(await call(deleteTx, "/x", { method: "DELETE", auth, params: { id: t.id } }), 403);
    const read = await call(getTx, "/x", { auth, params: { id: t.id } });
    expect(strictTx.parse(read.json)).toEqual(t);
    expect(txList.parse((await call(listTx, "/api/v1/transactions", { auth })).json).data.map((x) => x.id)).toEqual([t.id]);
  });
});

describe("transactions: scoping between users", () => {
  it("answers 404 to user B for user A's transaction on GET, PATCH and DELETE, and A's transaction is unchanged", async () => {
    const t = await create(alice, { streamId: design.id, occurredOn: "2024-11-01", amount: "300.00", counterparty: "Private" });
    expectProblem(await get(bob, t.id), 404);
    expectProblem(await call(getTx, "/x", { auth: { token: bob.readToken }, params: { id: t.id } }), 404);
    expectProblem(await patch(bob, t.id, { amount: "0.01", counterparty: null }), 404);
    expectProblem(await patch(bob, t.id, { streamId: bobStream.id }), 404);
    expectProblem(
      await call(patchTx, "/x", { method: "PATCH", auth: { token: bob.writeToken }, params: { id: t.id }, body: { kind: "expense" } }),
      404,
    );
    expectProblem(await del(bob, t.id), 404);
    expectProblem(await call(deleteTx, "/x", { method: "DELETE", auth: { token: bob.writeToken }, params: { id: t.id } }), 404);
    expect(strictTx.parse((await get(alice, t.id)).json)).toEqual(t);
  });

  it("answers the same 404 for another user's transaction as for a missing one", async () => {
    const t = await create(alice, { streamId: design.id, occurredOn: "2024-11-02", amount: "1.00" });
    expect((await get(bob, t.id)).json).toEqual((await get(bob, crypto.randomUUID())).json);
  });

  it("never lists another user's transactions, also when B filters by A's stream id or name", async () => {
    const t = await create(alice, { streamId: design.id, occurredOn: "2024-11-03", amount: "1.00", description: "alice-only-marker" });
    expect(await listIds(bob)).not.toContain(t.id);
    expect(await listIds(bob, { stream: design.id })).toEqual([]);
    expect(await listIds(bob, { stream: "Design Studio" })).toEqual([]);
    expect(await listIds(bob, { q: "alice-only-marker" })).toEqual([]);
  });

  it("refuses B writing into A's stream by name (422 stream) and moving B's own row into A's stream (422 streamId)", async () => {
    const byName = await post(bob, { stream: "Design Studio", occurredOn: "2024-11-04", amount: "1.00" });
    expectProblem(byName, 422);
    expect(errorPaths(byName)).toEqual(["stream"]);
    const own = await create(bob, { streamId: bobStream.id, occurredOn: "2024-11-04", amount: "1.00" });
    const moved = await patch(bob, own.id, { streamId: design.id });
    expectProblem(moved, 422);
    expect(errorPaths(moved)).toEqual(["streamId"]);
    expect(strictTx.parse((await get(bob, own.id)).json).streamId).toBe(bobStream.id);
    expect(await listIds(alice, { stream: design.id, from: "2024-11-04", to: "2024-11-04" })).toEqual([]);
  });
});
