// Export, backup and restore: GET /api/v1/export (CSV and JSON) and POST /api/v1/restore. The proof is the
// user's own figures: a restored account (and an account that imported the CSV export) answers
// GET /api/v1/metrics with the same body as the original, for every window.
import http from "node:http";
import type { AddressInfo } from "node:net";
import Papa from "papaparse";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { POST as loadDemoRoute } from "@/app/api/v1/demo/route";
import { GET as exportRoute } from "@/app/api/v1/export/route";
import { POST as ratesRoute } from "@/app/api/v1/fx-rates/route";
import { POST as importRoute } from "@/app/api/v1/imports/route";
import { POST as postMappingRoute } from "@/app/api/v1/imports/mappings/route";
import { GET as getMetrics } from "@/app/api/v1/metrics/route";
import { POST as restoreRoute } from "@/app/api/v1/restore/route";
import { PATCH as patchSettings } from "@/app/api/v1/settings/route";
import { POST as createStreamRoute } from "@/app/api/v1/streams/route";
import { POST as postTx } from "@/app/api/v1/transactions/route";
import { POST as testWebhookRoute } from "@/app/api/v1/webhooks/[id]/test/route";
import { GET as listWebhooksRoute, POST as postWebhookRoute } from "@/app/api/v1/webhooks/route";
import { getDb, rowsOf } from "@/db/index";
import { addMonths, monthOf } from "@/lib/metrics/months";
import { backupSchema, restoreResponse } from "@/lib/schemas/backup";
import { importResponse } from "@/lib/schemas/imports";
import { deliverDue } from "@/lib/webhooks/deliver";
import { call, makeUser, type TestUser } from "../support/api";

const HEADER = "date,stream,kind,amount,currency,counterparty,platform,description,external_id";

async function exportAs(user: TestUser, format: "csv" | "json") {
  const r = await call(exportRoute, "/api/v1/export", { auth: { token: user.readToken }, query: { format } });
  expect(r.status, r.text.slice(0, 500)).toBe(200);
  return r;
}

async function metrics(user: TestUser, window?: { from: string; to: string }) {
  const r = await call(getMetrics, "/api/v1/metrics", { auth: { cookie: user.cookie }, query: window ?? {} });
  expect(r.status, JSON.stringify(r.json)).toBe(200);
  return r.json;
}

async function streamIdsByName(userId: string) {
  const db = await getDb();
  return new Map(
    rowsOf<{ id: string; name: string }>(await db.execute(sql`select id, name from streams where user_id = ${userId}`)).map((r) => [
      r.name,
      r.id,
    ]),
  );
}

/** The copy's metrics with its stream ids written as the original's (the only thing allowed to differ). */
async function sameMetrics(original: TestUser, copy: TestUser, windows: ({ from: string; to: string } | undefined)[]) {
  const a = await streamIdsByName(original.id);
  const b = await streamIdsByName(copy.id);
  expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
  for (const window of windows) {
    const mine = JSON.stringify(await metrics(original, window));
    let theirs = JSON.stringify(await metrics(copy, window));
    for (const [name, id] of b) theirs = theirs.split(id).join(a.get(name)!);
    expect(JSON.parse(theirs), `window ${JSON.stringify(window ?? "default")}`).toEqual(JSON.parse(mine));
  }
}

const thisMonth = monthOf(new Date().toISOString().slice(0, 10));
const WINDOWS = [
  undefined,
  { from: addMonths(thisMonth, -12), to: addMonths(thisMonth, -1) },
  { from: addMonths(thisMonth, -24), to: thisMonth },
  { from: addMonths(thisMonth, -60), to: addMonths(thisMonth, 1) },
  { from: addMonths(thisMonth, -3), to: addMonths(thisMonth, -3) },
  { from: "2001-01", to: "2001-12" },
];

let alice: TestUser;
/** Alice's webhook endpoints (registered last, for events this file never causes) and their secrets. */
const HOOK_URL = "https://hooks.example.com/streamfolio";
const aliceSecrets: string[] = [];

/** A receiver on 127.0.0.1 that keeps what it got (webhooks to loopback need WEBHOOKS_ALLOW_PRIVATE). */
const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
const receiver = http.createServer((req, res) => {
  let body = "";
  req.on("data", (c: Buffer) => (body += c.toString()));
  req.on("end", () => {
    received.push({ headers: req.headers, body });
    res.writeHead(200).end("ok");
  });
});
let receiverUrl: string;
afterAll(async () => {
  delete process.env.WEBHOOKS_ALLOW_PRIVATE;
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

beforeAll(async () => {
  receiverUrl = await new Promise<string>((resolve) =>
    receiver.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`)),
  );
  // The demo portfolio (two years, eight streams, hours, goals, rates, several currencies) plus the
  // corner cases: settings changed, a formula-like text, spellings that differ on one day, an import,
  // a saved mapping, rates in a second base currency.
  alice = await makeUser("Alice");
  const demo = await call(loadDemoRoute, "/api/v1/demo", { method: "POST", auth: { cookie: alice.cookie } });
  expect(demo.status, JSON.stringify(demo.json)).toBe(201);
  const settings = await call(patchSettings, "/api/v1/settings", {
    method: "PATCH",
    auth: { cookie: alice.cookie },
    body: {
      timeZone: "Pacific/Auckland",
      thresholds: { "client-concentration": { pass: 0.25, warn: 0.45 } },
      targetMix: { anchor: 0.5, growth: 0.3, speculative: 0.2 },
    },
  });
  expect(settings.status, JSON.stringify(settings.json)).toBe(200);
  const s = await call(createStreamRoute, "/api/v1/streams", {
    method: "POST",
    auth: { cookie: alice.cookie },
    body: { name: "=cmd|' /C calc'!A0", platform: "@Evil" },
  });
  expect(s.status).toBe(201);
  const day = `${addMonths(thisMonth, -2)}-14`;
  const tx = await call(postTx, "/api/v1/transactions", {
    method: "POST",
    auth: { cookie: alice.cookie },
    body: [
      { streamId: s.json.id, occurredOn: day, amount: "10.00", counterparty: "acme corp", description: "+1 555 0100", platform: "-paypal" },
      { streamId: s.json.id, occurredOn: day, amount: "20.00", counterparty: "ACME Corp", description: '=HYPERLINK("http://x")' },
      {
        streamId: s.json.id,
        occurredOn: day,
        amount: "-5.00",
        counterparty: "Acme Corp",
        description: "'=already quoted",
        externalId: "@ext",
      },
    ],
  });
  expect(tx.status, JSON.stringify(tx.json)).toBe(201);
  const imported = await call(importRoute, "/api/v1/imports", {
    method: "POST",
    auth: { cookie: alice.cookie },
    headers: { "content-type": "text/csv" },
    rawBody: `${HEADER}\n${day},Imported,income,99.99,EUR,Client Z,,From a file,\n${day},Imported,expense,1.50,USD,,,Fee,\n`,
    query: { fileName: "z.csv" },
  });
  expect(imported.status, JSON.stringify(imported.json)).toBe(201);
  expect(
    (
      await call(postMappingRoute, "/api/v1/imports/mappings", {
        method: "POST",
        auth: { cookie: alice.cookie },
        body: { name: "Bank", mapping: { columns: { date: "A", amount: "B" }, dateFormat: "iso", decimal: "." } },
      })
    ).status,
  ).toBe(201);
  // A rate quoted in another base (kept, priced nothing now, would after a base switch).
  const db = await getDb();
  await db.execute(
    sql`insert into fx_rates (user_id, base_currency, currency, date, rate) values (${alice.id}, 'EUR', 'USD', '2020-01-01', '0.9')`,
  );
  // Two webhook endpoints, for events nothing in this file causes (so no delivery is ever queued for them).
  process.env.WEBHOOKS_ALLOW_PRIVATE = "true";
  for (const body of [
    { url: HOOK_URL, events: ["schedule.late", "goal.reached"] },
    { url: receiverUrl, events: ["stream.silent"] },
  ]) {
    const hook = await call(postWebhookRoute, "/api/v1/webhooks", { method: "POST", auth: { cookie: alice.cookie }, body });
    expect(hook.status, JSON.stringify(hook.json)).toBe(201);
    aliceSecrets.push((hook.json as { secret: string }).secret);
  }
}, 120_000);

describe("GET /api/v1/export?format=json and POST /api/v1/restore", () => {
  it("restores a backup into a new account whose metrics equal the original's for every window", async () => {
    const exported = await exportAs(alice, "json");
    expect(exported.contentType).toBe("application/json; charset=utf-8");
    expect(exported.res.headers.get("content-disposition")).toMatch(/^attachment; filename="streamfolio-backup-\d{4}-\d{2}-\d{2}\.json"$/);
    const backup = backupSchema.parse(exported.json);
    expect(backup.version).toBe(1);
    expect(backup.transactions.length).toBeGreaterThan(200);
    expect(backup.timeEntries.length).toBeGreaterThan(10);
    expect(backup.imports).toHaveLength(1);
    expect(backup.importMappings.map((m) => m.name)).toEqual(["Bank"]);
    expect(backup.fxRates.some((r) => r.baseCurrency === "EUR")).toBe(true);
    expect(backup.settings).toMatchObject({
      timeZone: "Pacific/Auckland",
      thresholds: { "client-concentration": { pass: 0.25, warn: 0.45 } },
    });

    const bob = await makeUser("Bob");
    const restored = await call(restoreRoute, "/api/v1/restore", { method: "POST", auth: { token: bob.writeToken }, body: exported.json });
    expect(restored.status, JSON.stringify(restored.json).slice(0, 1000)).toBe(201);
    expect(restoreResponse.strict().parse(restored.json)).toEqual({
      streams: backup.streams.length,
      transactions: backup.transactions.length,
      timeEntries: backup.timeEntries.length,
      goals: backup.goals.length,
      fxRates: backup.fxRates.length,
      importMappings: 1,
      imports: 1,
      schedules: 3,
      webhooks: 2,
    });
    await sameMetrics(alice, bob, WINDOWS);

    // Every relationship kept: the restored backup is the original one but for ids and export time.
    const again = backupSchema.parse((await exportAs(bob, "json")).json);
    const strip = (b: typeof backup) => ({
      ...b,
      exportedAt: null,
      streams: b.streams.map(({ id: _id, ...rest }) => ({ ...rest, id: null, name: rest.name })),
      imports: b.imports.map(({ id: _id, ...rest }) => ({ ...rest, id: null })),
      transactions: b.transactions.map(({ id: _id, streamId, importId, scheduleId, ...rest }) => ({
        ...rest,
        stream: b.streams.find((s) => s.id === streamId)!.name,
        imported: importId !== null,
        schedule: scheduleId && b.schedules.find((x) => x.id === scheduleId)!.name,
      })),
      schedules: b.schedules.map(({ id: _id, streamId, ...rest }) => ({ ...rest, stream: b.streams.find((s) => s.id === streamId)!.name })),
      streamFeeds: b.streamFeeds.map((f) => ({
        from: b.streams.find((s) => s.id === f.fromStreamId)!.name,
        to: b.streams.find((s) => s.id === f.toStreamId)!.name,
      })),
      timeEntries: b.timeEntries.map(({ id: _id, streamId, ...rest }) => ({
        ...rest,
        stream: b.streams.find((s) => s.id === streamId)!.name,
      })),
      goals: b.goals.map(({ streamId, ...rest }) => ({ ...rest, stream: streamId && b.streams.find((s) => s.id === streamId)!.name })),
    });
    const sortBy = <T>(xs: T[]) => [...xs].sort((x, y) => (JSON.stringify(x) < JSON.stringify(y) ? -1 : 1));
    const [x, y] = [strip(backup), strip(again)];
    const sorted = (z: typeof x) => ({
      ...z,
      streams: sortBy(z.streams),
      transactions: sortBy(z.transactions),
      timeEntries: sortBy(z.timeEntries),
      schedules: sortBy(z.schedules),
      streamFeeds: sortBy(z.streamFeeds),
    });
    expect(sorted(y)).toEqual(sorted(x));
    // The demo's schedules and links came along, and its retainer payments still settle their occurrences.
    expect(x.schedules.map((sc) => sc.name).sort()).toEqual([
      "Creative Cloud",
      "Lumen Labs monthly retainer",
      "Northwind monthly retainer",
    ]);
    expect(x.streamFeeds).toHaveLength(3);
    expect(x.transactions.filter((t) => t.schedule === "Northwind monthly retainer").length).toBeGreaterThan(20);
    // The webhook endpoints too (compared above with everything else): where and what, in order of creation.
    expect(x.webhooks.map((w) => [w.url, w.events])).toEqual([
      [HOOK_URL, ["schedule.late", "goal.reached"]],
      [receiverUrl, ["stream.silent"]],
    ]);
  });

  it("has no secrets in it: no token, token hash or password hash", async () => {
    const exported = await exportAs(alice, "json");
    const db = await getDb();
    const secrets = rowsOf<{ token_hash: string; prefix: string }>(
      await db.execute(sql`select token_hash, prefix from api_tokens where user_id = ${alice.id}`),
    );
    const [user] = rowsOf<{ password_hash: string }>(await db.execute(sql`select password_hash from users where id = ${alice.id}`));
    expect(secrets.length).toBeGreaterThan(0);
    for (const s of secrets) {
      expect(exported.text).not.toContain(s.token_hash);
      expect(exported.text).not.toContain(s.prefix);
    }
    expect(exported.text).not.toContain(user!.password_hash);
    expect(exported.text).not.toContain(alice.writeToken);
    expect(exported.text).not.toMatch(/token|password|email/i);
    // Nor a webhook's signing secret, though the endpoints are there.
    const [stored] = rowsOf<{ secrets: string[] }>(
      await db.execute(sql`select array_agg(secret) as secrets from webhooks where user_id = ${alice.id}`),
    );
    expect([...stored!.secrets].sort()).toEqual([...aliceSecrets].sort());
    expect(exported.text).toContain(HOOK_URL);
    for (const secret of aliceSecrets) {
      expect(exported.text).not.toContain(secret);
      expect(exported.text).not.toContain(secret.slice("whsec_".length));
    }
    expect(exported.text).not.toMatch(/secret|whsec_/i);
  });

  it("brings webhook endpoints back with a new secret that signs their deliveries", async () => {
    const backup = (await exportAs(alice, "json")).json;
    const dave = await makeUser("Dave");
    const restored = await call(restoreRoute, "/api/v1/restore", { method: "POST", auth: { cookie: dave.cookie }, body: backup });
    expect(restored.status, JSON.stringify(restored.json).slice(0, 1000)).toBe(201);
    expect(restored.json.webhooks).toBe(2);
    // Listed like any endpoint, with the backup's URL and events and no secret in the answer.
    const list = await call(listWebhooksRoute, "/api/v1/webhooks", { auth: { token: dave.readToken } });
    const hooks = (list.json as { data: { id: string; url: string; events: string[] }[] }).data;
    expect(hooks.map((w) => [w.url, w.events])).toEqual([
      [HOOK_URL, ["schedule.late", "goal.reached"]],
      [receiverUrl, ["stream.silent"]],
    ]);
    expect(list.text).not.toMatch(/whsec_/);

    const db = await getDb();
    const secrets = rowsOf<{ url: string; secret: string }>(
      await db.execute(sql`select url, secret from webhooks where user_id = ${dave.id} order by created_at, id`),
    );
    expect(secrets).toHaveLength(2);
    for (const { secret } of secrets) {
      // Made as on create, and new: neither Alice's nor the other endpoint's.
      expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
      expect(aliceSecrets).not.toContain(secret);
    }
    expect(secrets[0]!.secret).not.toBe(secrets[1]!.secret);

    // The new secret works: a test event to the local receiver verifies with it, and not with Alice's.
    const local = hooks.find((w) => w.url === receiverUrl)!;
    const queued = await call(testWebhookRoute, "/x", { method: "POST", auth: { token: dave.writeToken }, params: { id: local.id } });
    expect(queued.status).toBe(202);
    received.length = 0;
    while ((await deliverDue(20, [dave.id])) > 0);
    expect(received).toHaveLength(1);
    const got = received[0]!;
    const headers = {
      "webhook-id": String(got.headers["webhook-id"]),
      "webhook-timestamp": String(got.headers["webhook-timestamp"]),
      "webhook-signature": String(got.headers["webhook-signature"]),
    };
    const secret = secrets.find((x) => x.url === receiverUrl)!.secret;
    expect(new Webhook(secret).verify(got.body, headers)).toMatchObject({ type: "webhook.test" });
    expect(() => new Webhook(aliceSecrets[1]!).verify(got.body, headers)).toThrow();
  });

  it("restores a backup made before webhooks (and schedules) existed", async () => {
    const {
      webhooks: _w,
      schedules: _s,
      streamFeeds: _f,
      ...rest
    } = (await exportAs(alice, "json")).json as Record<string, unknown> & {
      transactions: Record<string, unknown>[];
    };
    // Without schedules, no payment names one (as in those backups).
    const old = { ...rest, transactions: rest.transactions.map(({ scheduleId: _x, ...t }) => t) };
    expect(Object.keys(old)).not.toContain("webhooks");
    expect(old.transactions.some((t) => "scheduleId" in t)).toBe(false);
    const erin = await makeUser("Erin");
    const restored = await call(restoreRoute, "/api/v1/restore", { method: "POST", auth: { cookie: erin.cookie }, body: old });
    expect(restored.status, JSON.stringify(restored.json).slice(0, 1000)).toBe(201);
    expect(restored.json).toMatchObject({ webhooks: 0, schedules: 0, transactions: rest.transactions.length });
    const list = await call(listWebhooksRoute, "/api/v1/webhooks", { auth: { token: erin.readToken } });
    expect((list.json as { data: unknown[] }).data).toEqual([]);
  });

  it("refuses an account that has streams (409) and a broken backup (422), writing nothing", async () => {
    const backup = (await exportAs(alice, "json")).json as Record<string, unknown> & { transactions: Record<string, unknown>[] };
    // Alice herself has streams
    const busy = await call(restoreRoute, "/api/v1/restore", { method: "POST", auth: { cookie: alice.cookie }, body: backup });
    expect(busy.status).toBe(409);

    const carol = await makeUser("Carol");
    const db = await getDb();
    const before = rowsOf<{ n: number }>(
      await db.execute(
        sql`select (select count(*) from streams where user_id = ${carol.id}) + (select count(*) from transactions where user_id = ${carol.id}) as n`,
      ),
    );
    // A payment linked to a schedule whose stream is missing is reported once, under streamId.
    const linked = backup.transactions.findIndex((t, i) => i > 7 && t.scheduleId !== null);
    const missing = "00000000-0000-4000-8000-000000000000";
    const broken = {
      ...backup,
      transactions: backup.transactions.map((t, i) =>
        i === 3 || i === linked ? { ...t, streamId: missing } : i === 7 ? { ...t, amount: "1.00", amountMinor: 5 } : t,
      ),
    };
    const r = await call(restoreRoute, "/api/v1/restore", { method: "POST", auth: { cookie: carol.cookie }, body: broken });
    expect(r.status).toBe(422);
    expect((r.json.errors as { path: string }[]).map((e) => e.path).sort()).toEqual(
      ["transactions.3.streamId", "transactions.7.amount", `transactions.${linked}.streamId`].sort(),
    );
    expect(
      rowsOf<{ n: number }>(
        await db.execute(
          sql`select (select count(*) from streams where user_id = ${carol.id}) + (select count(*) from transactions where user_id = ${carol.id}) as n`,
        ),
      ),
    ).toEqual(before);
    expect(
      (await call(restoreRoute, "/api/v1/restore", { method: "POST", auth: { cookie: carol.cookie }, body: { ...backup, version: 2 } }))
        .status,
    ).toBe(422);
    expect((await call(restoreRoute, "/api/v1/restore", { method: "POST", auth: { token: carol.readToken }, body: backup })).status).toBe(
      403,
    );
  });

  it("answers 422, never 500, for money fields out of range or an unknown currency, writing nothing", async () => {
    type Row = Record<string, unknown>;
    const backup = (await exportAs(alice, "json")).json as Row & { transactions: Row[]; schedules: Row[]; settings: Row };
    const frank = await makeUser("Frank");
    const db = await getDb();
    const owned = async () =>
      rowsOf<{ n: number }>(await db.execute(sql`select (select count(*) from streams where user_id = ${frank.id})::int as n`))[0]!.n;
    const at = (rows: Row[], i: number, patch: Row) => rows.map((r, j) => (j === i ? { ...r, ...patch } : r));
    const cases: [string, Row][] = [
      ["transactions.0.amountMinor", { transactions: at(backup.transactions, 0, { amountMinor: 1e308 }) }],
      ["transactions.0.amountMinor", { transactions: at(backup.transactions, 0, { amountMinor: Number.MAX_SAFE_INTEGER + 2 }) }],
      ["transactions.0.currency", { transactions: at(backup.transactions, 0, { currency: "XXX" }) }],
      ["transactions.0.currency", { transactions: at(backup.transactions, 0, { currency: "usd" }) }],
      ["schedules.0.currency", { schedules: at(backup.schedules, 0, { currency: "XXX" }) }],
      ["schedules.0.amountMinor", { schedules: at(backup.schedules, 0, { amountMinor: 1e308 }) }],
      ["settings.baseCurrency", { settings: { ...backup.settings, baseCurrency: "" } }],
      ["settings.essentialMonthlyExpensesMinor", { settings: { ...backup.settings, essentialMonthlyExpensesMinor: 1e308 } }],
    ];
    expect(backup.schedules.length).toBeGreaterThan(0);
    for (const [path, patch] of cases) {
      const r = await call(restoreRoute, "/api/v1/restore", {
        method: "POST",
        auth: { cookie: frank.cookie },
        body: { ...backup, ...patch },
      });
      expect(r.status, `${path}: ${JSON.stringify(r.json).slice(0, 300)}`).toBe(422);
      expect((r.json.errors as { path: string }[]).map((e) => e.path)).toContain(path);
    }
    expect(await owned()).toBe(0);
  });

  it("refuses a webhook endpoint at a private address, as registering it does, writing nothing", async () => {
    const backup = (await exportAs(alice, "json")).json as Record<string, unknown> & { webhooks: Record<string, unknown>[] };
    const gina = await makeUser("Gina");
    delete process.env.WEBHOOKS_ALLOW_PRIVATE;
    try {
      const hooks = [
        { ...backup.webhooks[0], url: HOOK_URL },
        { ...backup.webhooks[0], url: "http://127.0.0.1:5432/" },
      ];
      const r = await call(restoreRoute, "/api/v1/restore", {
        method: "POST",
        auth: { cookie: gina.cookie },
        body: { ...backup, webhooks: hooks },
      });
      expect(r.status, JSON.stringify(r.json).slice(0, 300)).toBe(422);
      expect(r.json.errors).toEqual([
        { path: "webhooks.1.url", message: "This address is private or local: webhooks are sent to public addresses only." },
      ]);
      const db = await getDb();
      expect(rowsOf(await db.execute(sql`select 1 from streams where user_id = ${gina.id}`))).toEqual([]);
    } finally {
      process.env.WEBHOOKS_ALLOW_PRIVATE = "true";
    }
  });
});

describe("GET /api/v1/export?format=csv", () => {
  it("writes the generic CSV with formula-like text neutralised in text columns only", async () => {
    const r = await exportAs(alice, "csv");
    expect(r.contentType).toBe("text/csv; charset=utf-8");
    expect(r.res.headers.get("content-disposition")).toMatch(/^attachment; filename="streamfolio-transactions-\d{4}-\d{2}-\d{2}\.csv"$/);
    const lines = r.text.split("\r\n");
    expect(lines[0]).toBe(HEADER);
    const day = `${addMonths(thisMonth, -2)}-14`;
    // Entries without an external id of their own get their transaction's id, so the file imports back idempotently.
    const mine = lines
      .filter((l) => l.startsWith(`${day},'=cmd`))
      .map((l) => l.replace(/,streamfolio:[0-9a-f-]{36}$/, ",streamfolio:<id>"));
    expect(mine.sort()).toEqual(
      [
        `${day},'=cmd|' /C calc'!A0,income,10.00,USD,acme corp,'-paypal,'+1 555 0100,streamfolio:<id>`,
        `${day},'=cmd|' /C calc'!A0,income,20.00,USD,ACME Corp,,"'=HYPERLINK(""http://x"")",streamfolio:<id>`,
        `${day},'=cmd|' /C calc'!A0,income,-5.00,USD,Acme Corp,,''=already quoted,'@ext`,
      ].sort(),
    );
    // amounts and dates are never touched: a refund stays -5.00
    for (const line of lines.slice(1, -1)) expect(line).toMatch(/^\d{4}-\d{2}-\d{2},/);
    expect(lines[lines.length - 1]).toBe("");
  });

  it("imports back as it is: a 10,000-row file round-trips into another account with identical metrics", async () => {
    // A generic file of 10,000 rows (one spelling per client, so no same-day spelling ties).
    let seed = 42;
    const rand = () => (seed = (seed * 1664525 + 1013904223) % 2 ** 32) / 2 ** 32;
    const streams = ["Consulting", "Shop", "Newsletter", "Courses", "=Formula stream"];
    const clients = ["Acme", "Globex", "Initech", "", "-Dash Ltd", "Umbrella, Inc."];
    const rows: string[] = [HEADER];
    for (let i = 0; i < 10_000; i++) {
      const d = new Date(Date.UTC(2024, 0, 1) + Math.floor(rand() * 700) * 86_400_000).toISOString().slice(0, 10);
      const expense = rand() < 0.15;
      const cur = rand() < 0.1 ? "EUR" : "USD";
      const amount = ((rand() < 0.03 ? -1 : 1) * (1 + Math.floor(rand() * 200_000) / 100)).toFixed(2);
      const client = clients[Math.floor(rand() * clients.length)]!;
      const desc = rand() < 0.05 ? '"multi\nline ""quoted"""' : rand() < 0.05 ? "@mention" : `item ${i % 97}`;
      const ext = rand() < 0.5 ? `ext-${i}` : "";
      rows.push(
        [
          d,
          streams[i % streams.length],
          expense ? "expense" : "income",
          amount,
          cur,
          client.includes(",") ? `"${client}"` : client,
          rand() < 0.2 ? "Stripe" : "",
          desc,
          ext,
        ].join(","),
      );
    }
    const file = rows.join("\n") + "\n";
    const setup = async (u: TestUser) => {
      const rate = await call(ratesRoute, "/api/v1/fx-rates", {
        method: "POST",
        auth: { cookie: u.cookie },
        body: [
          { currency: "EUR", date: "2024-01-01", rate: "1.0875" },
          { currency: "EUR", date: "2025-01-01", rate: "1.04" },
        ],
      });
      expect(rate.status, JSON.stringify(rate.json)).toBe(201);
    };
    const dave = await makeUser("Dave");
    const erin = await makeUser("Erin");
    await setup(dave);
    await setup(erin);
    const first = await call(importRoute, "/api/v1/imports", {
      method: "POST",
      auth: { cookie: dave.cookie },
      headers: { "content-type": "text/csv" },
      rawBody: file,
    });
    expect(first.status, JSON.stringify(first.json).slice(0, 500)).toBe(201);
    expect(importResponse.parse(first.json)).toMatchObject({ rows: 10_000, inserted: 10_000, invalid: 0, streamsCreated: 5 });

    const exported = await exportAs(dave, "csv");
    expect(exported.text.split("\r\n").length).toBe(10_002);
    const second = await call(importRoute, "/api/v1/imports", {
      method: "POST",
      auth: { cookie: erin.cookie },
      headers: { "content-type": "text/csv" },
      rawBody: exported.text,
    });
    expect(second.status, JSON.stringify(second.json).slice(0, 500)).toBe(201);
    expect(importResponse.parse(second.json)).toMatchObject({
      rows: 10_000,
      inserted: 10_000,
      duplicates: 0,
      invalid: 0,
      streamsCreated: 5,
    });
    await sameMetrics(dave, erin, [
      undefined,
      { from: "2024-01", to: "2025-12" },
      { from: "2024-06", to: "2024-06" },
      { from: "2025-01", to: "2025-12" },
    ]);
    // the copy exports the very same rows (same-day rows in id order, which differs), and importing the export again adds nothing
    const records = (text: string) =>
      Papa.parse<string[]>(text, { skipEmptyLines: true })
        .data.map((r) => JSON.stringify(r))
        .sort();
    expect(records((await exportAs(erin, "csv")).text)).toEqual(records(exported.text));
    const third = await call(importRoute, "/api/v1/imports", {
      method: "POST",
      auth: { cookie: erin.cookie },
      headers: { "content-type": "text/csv" },
      rawBody: exported.text,
    });
    expect(importResponse.parse(third.json)).toMatchObject({ inserted: 0, duplicates: 10_000 });
  }, 180_000);

  it("imports back into the same account as all already there, entries logged by hand included", async () => {
    const exported = await exportAs(alice, "csv");
    expect(exported.text).toMatch(/,streamfolio:[0-9a-f-]{36}\r\n/);
    const r = await call(importRoute, "/api/v1/imports", {
      method: "POST",
      auth: { cookie: alice.cookie },
      headers: { "content-type": "text/csv" },
      rawBody: exported.text,
      query: { dryRun: "true" },
    });
    expect(r.status, JSON.stringify(r.json).slice(0, 500)).toBe(200);
    const result = importResponse.parse(r.json);
    expect(result.rows).toBeGreaterThan(100);
    expect(result).toMatchObject({ inserted: 0, duplicates: result.rows, invalid: 0, streamsCreated: 0 });
  });

  it("exports only the caller's own transactions", async () => {
    const frank = await makeUser("Frank");
    const r = await exportAs(frank, "csv");
    expect(r.text).toBe(`${HEADER}\r\n`);
    const json = backupSchema.parse((await exportAs(frank, "json")).json);
    expect(json).toMatchObject({ streams: [], transactions: [], timeEntries: [], goals: [], fxRates: [], importMappings: [], imports: [] });
  });
});
