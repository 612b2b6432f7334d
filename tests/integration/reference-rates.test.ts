// Automatic exchange rates from a local fixture server shaped like the ECB's files: the history on the first
// fetch and the 90-day file after, cross rates for any base currency exact to 12 decimals, manual rates
// winning on their date, transactions re-priced by METRICS.md's Money rule, a failure retried, and the
// whole thing off with one setting.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listRates, POST as postRates } from "@/app/api/v1/fx-rates/route";
import { PATCH as patchSettings } from "@/app/api/v1/settings/route";
import { POST as postStream } from "@/app/api/v1/streams/route";
import { GET as listTx, POST as postTx } from "@/app/api/v1/transactions/route";
import { getDb } from "@/db/index";
import { runRateFetch } from "@/lib/data/reference-rates";
import { call, makeUser, type TestUser } from "../support/api";

const cube = (days: Record<string, Record<string, string>>) =>
  `<?xml version="1.0" encoding="UTF-8"?><gesmes:Envelope><Cube>${Object.entries(days)
    .map(
      ([d, rates]) =>
        `<Cube time="${d}">${Object.entries(rates)
          .map(([c, r]) => `<Cube currency="${c}" rate="${r}"/>`)
          .join("")}</Cube>`,
    )
    .join("")}</Cube></gesmes:Envelope>`;

const HISTORY = cube({
  "2026-10-02": { USD: "1.12", GBP: "0.86", JPY: "160" },
  "2026-10-01": { USD: "1.10", GBP: "0.85", JPY: "161" },
});
const DAILY = cube({ "2026-10-05": { USD: "1.15", GBP: "0.87", JPY: "162" } });

// The fetch applies the rates to every user of the database. On the Postgres test database, which the other
// test files share while they run, that would re-price their users mid-test, so each fetch here names this
// file's users (runRateFetch takes an optional list, as the job never does). The reference rates themselves
// and the job's last run are one for the whole database: this file starts both afresh, and no other test
// file fetches rates.
describe("automatic exchange rates (ECB reference rates)", () => {
  const served: string[] = [];
  let failing = false;
  const server = http.createServer((req, res) => {
    served.push(req.url ?? "");
    if (failing) return void res.writeHead(503).end("down");
    res.writeHead(200, { "content-type": "text/xml" }).end(req.url === "/hist.xml" ? HISTORY : DAILY);
  });
  let user: TestUser;
  // Only this file's users get the fetched rates.
  const ours: string[] = [];
  const fetchRates = (now: Date) => runRateFetch(now, ours);
  async function makeOurUser(name: string) {
    const u = await makeUser(name);
    ours.push(u.id);
    return u;
  }
  const t0 = Date.now();
  const at = (hours: number) => new Date(t0 + hours * 3_600_000);

  async function rates(u: TestUser) {
    const r = await call(listRates, "/r", { auth: { token: u.readToken } });
    return (r.json as { data: { currency: string; date: string; rate: string; source: string }[] }).data.map((x) => [
      x.currency,
      x.date,
      x.rate,
      x.source,
    ]);
  }
  async function baseAmounts(u: TestUser) {
    const r = await call(listTx, "/t", { auth: { token: u.readToken }, query: { limit: "50" } });
    return Object.fromEntries(
      (r.json as { data: { externalId: string; baseAmountMinor: number | null }[] }).data.map((t) => [t.externalId, t.baseAmountMinor]),
    );
  }

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    process.env.FX_RATES_HISTORY_URL = `${origin}/hist.xml`;
    process.env.FX_RATES_URL = `${origin}/daily.xml`;
    const db = await getDb();
    await db.execute(sql`delete from job_runs where name = 'fx.reference-rates'`);
    await db.execute(sql`delete from reference_rates`);

    user = await makeOurUser("Traveller");
    const auth = { token: user.writeToken };
    const stream = ((await call(postStream, "/s", { method: "POST", auth, body: { name: "Clients abroad" } })).json as { id: string }).id;
    expect(
      (
        await call(postTx, "/t", {
          method: "POST",
          auth,
          body: [
            { streamId: stream, occurredOn: "2026-10-02", amount: "100.00", currency: "EUR", externalId: "eur" },
            { streamId: stream, occurredOn: "2026-10-01", amount: "10.00", currency: "GBP", externalId: "gbp-1" },
            { streamId: stream, occurredOn: "2026-10-05", amount: "10.00", currency: "GBP", externalId: "gbp-5" },
          ],
        })
      ).status,
    ).toBe(201);
    // A rate entered by hand for GBP on Oct 1: it stays, whatever is fetched for that day.
    expect(
      (await call(postRates, "/r", { method: "POST", auth, body: { currency: "GBP", date: "2026-10-01", rate: "1.30" } })).status,
    ).toBeLessThan(300);
  });
  afterAll(async () => {
    // Leaves no fixture rates behind in a shared database.
    const db = await getDb();
    await db.execute(sql`delete from job_runs where name = 'fx.reference-rates'`);
    await db.execute(sql`delete from reference_rates`);
    delete process.env.FX_RATES_HISTORY_URL;
    delete process.env.FX_RATES_URL;
    delete process.env.FX_RATES_AUTO;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it("fetches the history first, adds cross rates for the currencies in use, keeps manual ones, and re-prices", async () => {
    // A user the fetch is not for (another test file's, on a shared database): left as they are.
    const outsider = await makeUser("Not this file's");
    const theirs = (
      (await call(postStream, "/s", { method: "POST", auth: { token: outsider.writeToken }, body: { name: "Abroad" } })).json as {
        id: string;
      }
    ).id;
    await call(postTx, "/t", {
      method: "POST",
      auth: { token: outsider.writeToken },
      body: { streamId: theirs, occurredOn: "2026-10-02", amount: "100.00", currency: "EUR", externalId: "eur" },
    });

    expect(await baseAmounts(user)).toMatchObject({ eur: null, "gbp-1": 1300, "gbp-5": 1300 });
    const run = await fetchRates(at(0));
    expect(run).toEqual({ fetched: 6, users: 1 });
    expect(await rates(outsider)).toEqual([]);
    expect(await baseAmounts(outsider)).toEqual({ eur: null });
    expect(served).toEqual(["/hist.xml"]);
    // USD per EUR is the file's rate; USD per GBP = USD per EUR ÷ GBP per EUR, to 12 decimals:
    // 1.12 / 0.86 = 1.30232558139534… → 1.302325581395. JPY is not used: no rates for it.
    expect(await rates(user)).toEqual([
      ["EUR", "2026-10-01", "1.1", "ecb"],
      ["EUR", "2026-10-02", "1.12", "ecb"],
      ["GBP", "2026-10-01", "1.3", "manual"],
      ["GBP", "2026-10-02", "1.302325581395", "ecb"],
    ]);
    // EUR 100.00 on Oct 2 at 1.12 = 11200; GBP 10.00 on Oct 1 at the manual 1.30 = 1300; GBP 10.00 on Oct 5 at
    // the latest rate on or before it (Oct 2): 1302.325581395 → 1302.
    expect(await baseAmounts(user)).toEqual({ eur: 11200, "gbp-1": 1300, "gbp-5": 1302 });
  });

  it("fetches at most every 6 hours, then the 90-day file; a failure is retried within the hour", async () => {
    expect(await fetchRates(at(1))).toBeNull();
    failing = true;
    expect(await fetchRates(at(7))).toEqual({ fetched: 0, users: 0 });
    expect(await fetchRates(at(7.5))).toBeNull();
    failing = false;
    expect(await fetchRates(at(8.1))).toMatchObject({ fetched: 3 });
    expect(served.slice(1)).toEqual(["/daily.xml", "/daily.xml"]);
    // Oct 5: 1.15 per EUR; per GBP 1.15 / 0.87 = 1.32183908045977… → 1.321839080460; GBP 10.00 on Oct 5 → 1321.8 → 1322.
    expect(await rates(user)).toContainEqual(["GBP", "2026-10-05", "1.32183908046", "ecb"]);
    expect((await baseAmounts(user))["gbp-5"]).toBe(1322);
  });

  it("replaces a fetched rate with one entered by hand for the same day", async () => {
    await call(postRates, "/r", {
      method: "POST",
      auth: { token: user.writeToken },
      body: { currency: "GBP", date: "2026-10-05", rate: "1.25" },
    });
    expect(await rates(user)).toContainEqual(["GBP", "2026-10-05", "1.25", "manual"]);
    expect((await baseAmounts(user))["gbp-5"]).toBe(1250);
  });

  it("prices in any base currency: a euro account gets USD per EUR inverted", async () => {
    const eu = await makeOurUser("Euro account");
    expect((await call(patchSettings, "/s", { method: "PATCH", auth: { cookie: eu.cookie }, body: { baseCurrency: "EUR" } })).status).toBe(
      200,
    );
    const stream = (
      (await call(postStream, "/s", { method: "POST", auth: { token: eu.writeToken }, body: { name: "US client" } })).json as { id: string }
    ).id;
    await call(postTx, "/t", {
      method: "POST",
      auth: { token: eu.writeToken },
      body: { streamId: stream, occurredOn: "2026-10-01", amount: "110.00", currency: "USD", externalId: "usd" },
    });
    const db = await getDb();
    await db.execute(sql`delete from job_runs where name = 'fx.reference-rates'`);
    await fetchRates(at(20));
    // EUR per USD = 1 / 1.10 = 0.909090909090909… → 0.909090909091; USD 110.00 → 99.99999999 → 10000.
    expect(await rates(eu)).toContainEqual(["USD", "2026-10-01", "0.909090909091", "ecb"]);
    expect((await baseAmounts(eu)).usd).toBe(10000);
  });

  it("is off with FX_RATES_AUTO=false", async () => {
    process.env.FX_RATES_AUTO = "false";
    const db = await getDb();
    await db.execute(sql`delete from job_runs where name = 'fx.reference-rates'`);
    const before = served.length;
    expect(await fetchRates(at(40))).toBeNull();
    expect(served.length).toBe(before);
  });
});
