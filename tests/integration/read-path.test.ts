// One read path: what a server-rendered page hydrates is byte for byte what the API answers for the same
// read, and the stream pages' reads (a stream with its count, who pays it, what has no rate) are API
// routes like the rest, scoped to their owner.
import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getMetrics } from "@/app/api/v1/metrics/route";
import { GET as getUnpriced } from "@/app/api/v1/fx-rates/unpriced/route";
import { POST as postRates } from "@/app/api/v1/fx-rates/route";
import { GET as listStreams, POST as postStream } from "@/app/api/v1/streams/route";
import { GET as getStream } from "@/app/api/v1/streams/[id]/route";
import { GET as getClients } from "@/app/api/v1/streams/[id]/clients/route";
import { POST as postTx } from "@/app/api/v1/transactions/route";
import { dashboardData, metricsEntries, streamsEntry } from "@/lib/dashboard";
import { recentWindow } from "@/lib/metrics/window";
import { todayIn } from "@/lib/today";
import { call, makeUser, type TestUser } from "../support/api";

let alice: TestUser;
let bob: TestUser;
let consulting: string;
let shop: string;

const month = (back: number) => {
  const d = new Date();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - back, 1)).toISOString().slice(0, 7);
};

beforeAll(async () => {
  alice = await makeUser("Alice");
  bob = await makeUser("Bob");
  const stream = async (name: string) =>
    (await call(postStream, "/api/v1/streams", { method: "POST", auth: { cookie: alice.cookie }, body: { name } })).json.id as string;
  consulting = await stream("Consulting");
  shop = await stream("Shop");
  const r = await call(postTx, "/api/v1/transactions", {
    method: "POST",
    auth: { token: alice.writeToken },
    body: [
      { streamId: consulting, occurredOn: `${month(2)}-03`, amount: "3000.00", counterparty: "Acme" },
      { streamId: consulting, occurredOn: `${month(1)}-03`, amount: "1000.00", counterparty: " ACME " },
      { streamId: consulting, occurredOn: `${month(1)}-10`, amount: "1500.00", counterparty: "Globex" },
      { streamId: consulting, occurredOn: `${month(1)}-11`, amount: "-500.00", counterparty: "Globex" },
      { streamId: consulting, occurredOn: `${month(1)}-12`, amount: "200.00" },
      { streamId: consulting, occurredOn: `${month(1)}-13`, amount: "90.00", currency: "GBP", counterparty: "Initech" },
      { streamId: shop, occurredOn: `${month(1)}-05`, amount: "80.00", currency: "EUR" },
      { streamId: shop, occurredOn: `${month(3)}-05`, amount: "40.00" },
    ],
  });
  expect(r.status, JSON.stringify(r.json)).toBe(201);
});

/** The API's answer as the bytes it sends. */
async function apiText(
  handler: (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>,
  url: string,
  params: Record<string, string> = {},
) {
  const res = await handler(new Request(new URL(url, "http://localhost"), { headers: { cookie: alice.cookie } }), {
    params: Promise.resolve(params),
  });
  expect(res.status).toBe(200);
  return res.text();
}

describe("pages hydrate exactly what the API answers", () => {
  it.each([
    ["the default window", {}],
    ["a preset", { w: "6m" }],
    ["all months", { w: "all" }],
    ["a custom window holding the current month", { from: month(4), to: month(0) }],
  ])("dashboards, %s", async (_label, params) => {
    const page = await dashboardData(alice.id, params);
    const [key, hydrated] = page.hydrate[0]!;
    expect(key).toEqual(["metrics", page.window.from, page.window.to]);
    expect(JSON.stringify(hydrated)).toBe(await apiText(getMetrics, `/api/v1/metrics?from=${page.window.from}&to=${page.window.to}`));
    if (Object.keys(params).length === 0) expect(JSON.stringify(hydrated)).toBe(await apiText(getMetrics, "/api/v1/metrics"));
  });

  it("the extra metrics windows and the streams list", async () => {
    const w = recentWindow(todayIn("UTC"));
    const [[, metrics]] = (await metricsEntries(alice.id, [w, null])) as [[unknown, unknown]];
    expect(JSON.stringify(metrics)).toBe(await apiText(getMetrics, `/api/v1/metrics?from=${w.from}&to=${w.to}`));
    const [, streams] = await streamsEntry(alice.id);
    expect(JSON.stringify(streams)).toBe(await apiText(listStreams, "/api/v1/streams"));
  });
});

describe("GET /api/v1/streams/{id}", () => {
  it("answers the stream with its number of transactions; another user's stream is a 404", async () => {
    const r = await call(getStream, "/x", { auth: { token: alice.readToken }, params: { id: consulting } });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ id: consulting, name: "Consulting", transactionCount: 6 });
    const foreign = await call(getStream, "/x", { auth: { token: bob.readToken }, params: { id: consulting } });
    expect(foreign.status).toBe(404);
    expect(foreign.json).toEqual(
      (await call(getStream, "/x", { auth: { token: bob.readToken }, params: { id: crypto.randomUUID() } })).json,
    );
  });
});

describe("GET /api/v1/streams/{id}/clients", () => {
  it("ranks the stream's clients by income over the window, keyed case-insensitively, with shares of its income", async () => {
    const r = await call(getClients, "/x", {
      auth: { token: alice.readToken },
      params: { id: consulting },
      query: { from: month(11), to: month(0) },
    });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    // Consulting's income: 3000 + 1000 + 1500 − 500 + 200 = 5200.00 (the GBP payment has no rate: left out and warned)
    // Acme 3000 + 1000 = 4000 (latest spelling "ACME", trimmed); Globex 1500 − 500 = 1000
    expect(r.json).toEqual({
      window: { from: month(11), to: month(0) },
      income: 520_000,
      data: [
        { key: "ACME", income: 400_000, share: 400_000 / 520_000, payments: 2 },
        { key: "Globex", income: 100_000, share: 100_000 / 520_000, payments: 2 },
      ],
      warnings: [{ code: "missing-fx-rate", currency: "GBP", count: 1 }],
    });
    // the default window is the last 12 months, this one included; limit keeps the largest
    const top = await call(getClients, "/x", { auth: { cookie: alice.cookie }, params: { id: consulting }, query: { limit: "1" } });
    expect(top.json).toMatchObject({ window: recentWindow(todayIn("UTC")), data: [{ key: "ACME" }] });
  });

  it("refuses a bad window or limit with 422, and another user's stream with the same 404 as a missing one", async () => {
    const bad: Record<string, string>[] = [{ from: month(2) }, { from: month(1), to: month(2) }, { limit: "0" }, { limit: "many" }];
    for (const query of bad) {
      const r = await call(getClients, "/x", { auth: { cookie: alice.cookie }, params: { id: consulting }, query });
      expect(r.status, JSON.stringify(query)).toBe(422);
      expect(r.contentType).toBe("application/problem+json");
    }
    const foreign = await call(getClients, "/x", { auth: { cookie: bob.cookie }, params: { id: consulting } });
    expect(foreign.status).toBe(404);
    expect(foreign.json).toEqual(
      (await call(getClients, "/x", { auth: { cookie: bob.cookie }, params: { id: crypto.randomUUID() } })).json,
    );
  });
});

describe("GET /api/v1/fx-rates/unpriced", () => {
  it("counts per currency what has no usable rate, now or under another base", async () => {
    const now = await call(getUnpriced, "/x", { auth: { token: alice.readToken } });
    expect(now.json).toEqual({
      base: "USD",
      data: [
        { currency: "EUR", count: 1 },
        { currency: "GBP", count: 1 },
      ],
    });
    expect(
      (
        await call(postRates, "/x", {
          method: "POST",
          auth: { cookie: alice.cookie },
          body: { currency: "EUR", date: `${month(1)}-01`, rate: "1.1" },
        })
      ).status,
    ).toBe(201);
    expect((await call(getUnpriced, "/x", { auth: { token: alice.readToken } })).json).toEqual({
      base: "USD",
      data: [{ currency: "GBP", count: 1 }],
    });
    // under EUR, the USD rows would be priced by the inverse of the EUR rate; GBP still has nothing
    const eur = await call(getUnpriced, "/x", { auth: { token: alice.readToken }, query: { base: "eur" } });
    expect(eur.json).toEqual({ base: "EUR", data: [{ currency: "GBP", count: 1 }] });
    expect((await call(getUnpriced, "/x", { auth: { token: alice.readToken }, query: { base: "XYZ" } })).status).toBe(422);
    // Bob has nothing, whatever Alice has
    expect((await call(getUnpriced, "/x", { auth: { token: bob.readToken } })).json).toEqual({ base: "USD", data: [] });
  });
});
