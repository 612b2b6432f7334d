// Edge input found by a probe (ASVS 5 L2): each answered 500 or broke a read. The API never answers 5xx
// on input; what it cannot take is a 422 naming the field, and nothing is written.
import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { POST as createStream } from "@/app/api/v1/streams/route";
import { GET as listTx, POST as postTx } from "@/app/api/v1/transactions/route";
import { PATCH as patchTx } from "@/app/api/v1/transactions/[id]/route";
import { GET as listEntries } from "@/app/api/v1/time-entries/route";
import { GET as metrics } from "@/app/api/v1/metrics/route";
import { GET as clients } from "@/app/api/v1/streams/[id]/clients/route";
import { GET as listFx, POST as postFx } from "@/app/api/v1/fx-rates/route";
import { GET as listImports, POST as importRoute } from "@/app/api/v1/imports/route";
import { GET as insights } from "@/app/api/v1/insights/route";
import { GET as occurrences } from "@/app/api/v1/schedules/occurrences/route";
import { POST as postSchedule } from "@/app/api/v1/schedules/route";
import { PATCH as patchSchedule } from "@/app/api/v1/schedules/[id]/route";
import { GET as summary } from "@/app/api/v1/schedules/summary/route";
import { POST as postGoal } from "@/app/api/v1/goals/route";
import { GET as getSettings, PATCH as patchSettings } from "@/app/api/v1/settings/route";
import { GET as plan } from "@/app/api/v1/plan/route";
import { GET as exportRoute } from "@/app/api/v1/export/route";
import { getDb, rowsOf } from "@/db/index";
import { toProblem } from "@/lib/http";
import { MAX_TOTAL_MINOR } from "@/lib/metrics/money";
import { call, makeUser, type TestUser } from "../support/api";

type Result = Awaited<ReturnType<typeof call>>;

function expect422(r: Result, path?: string) {
  expect(r.status, r.text).toBe(422);
  expect(r.contentType).toBe("application/problem+json");
  if (path !== undefined) expect((r.json.errors as { path: string }[]).map((e) => e.path)).toContain(path);
}

async function counts(userId: string) {
  const db = await getDb();
  const [row] = rowsOf<Record<string, number>>(
    await db.execute(sql`select
      (select count(*)::int from transactions where user_id = ${userId}) as transactions,
      (select count(*)::int from streams where user_id = ${userId}) as streams,
      (select count(*)::int from fx_rates where user_id = ${userId}) as rates,
      (select count(*)::int from imports where user_id = ${userId}) as imports,
      (select coalesce(sum(amount_base_minor), 0)::text from transactions where user_id = ${userId}) as base,
      (select base_currency from users where id = ${userId}) as currency`),
  );
  return row;
}

async function newStream(user: TestUser, name = "Studio") {
  const r = await call(createStream, "/api/v1/streams", { method: "POST", auth: { cookie: user.cookie }, body: { name } });
  expect(r.status, r.text).toBe(201);
  return r.json.id as string;
}

const cursorOf = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");

let alice: TestUser;
let studio: string;

beforeAll(async () => {
  alice = await makeUser("Alice");
  studio = await newStream(alice);
});

describe("a NUL character (U+0000) is a 422, never a 500", () => {
  it("in a JSON body field, a form field and a query", async () => {
    const auth = { cookie: alice.cookie };
    const before = await counts(alice.id);
    expect422(await call(createStream, "/api/v1/streams", { method: "POST", auth, body: { name: "a\u0000b" } }), "name");
    expect422(
      await call(postTx, "/api/v1/transactions", {
        method: "POST",
        auth,
        body: [{ streamId: studio, occurredOn: "2025-01-02", amount: "1.00", description: "x\u0000" }],
      }),
      "0.description",
    );
    expect422(
      await call(createStream, "/api/v1/streams", {
        method: "POST",
        auth,
        headers: { "content-type": "application/x-www-form-urlencoded" },
        rawBody: "name=a%00b",
      }),
      "name",
    );
    expect422(await call(listTx, "/api/v1/transactions", { auth, query: { q: "a\u0000" } }), "q");
    expect422(await call(metrics, "/api/v1/metrics", { auth, query: { from: "2025-01\u0000" } }), "from");
    expect(await counts(alice.id)).toEqual(before);
  });

  it("in a CSV body: an imported file (its rows, its header, a mapping), and a rates CSV", async () => {
    const auth = { cookie: alice.cookie };
    const before = await counts(alice.id);
    const csv = (rawBody: string, query: Record<string, string> = {}) =>
      call(importRoute, "/api/v1/imports", { method: "POST", auth, headers: { "content-type": "text/csv" }, rawBody, query });
    expect422(await csv("date,stream,amount\n2025-01-02,Studio\u0000,1.00\n"));
    expect422(await csv("date,stre\u0000am,amount\n2025-01-02,Studio,1.00\n"));
    // A NUL that only a JSON escape in the mapping makes: read, never stored, so no 5xx (and a dry run).
    const mapped = await csv("date,stream,amount\n2025-01-02,Studio,1.00\n", {
      mapping: '{"columns":{"date":"date\\u0000","amount":"amount"}}',
      dryRun: "true",
    });
    expect(mapped.status, mapped.text).toBeLessThan(500);
    const rates = await call(postFx, "/api/v1/fx-rates", {
      method: "POST",
      auth,
      headers: { "content-type": "text/csv" },
      rawBody: "currency,date,rate\nEUR\u0000,2025-01-01,1.1\n",
    });
    expect422(rates);
    expect(await counts(alice.id)).toEqual(before);
  });

  it("in an uploaded file's name (multipart)", async () => {
    const boundary = "----edge";
    const body =
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename*=UTF-8''a%00b.csv\r\nContent-Type: text/csv\r\n\r\n` +
      `date,stream,amount\n2025-01-03,Studio,1.00\n\r\n--${boundary}--\r\n`;
    const r = await call(importRoute, "/api/v1/imports", {
      method: "POST",
      auth: { cookie: alice.cookie },
      headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
      rawBody: body,
    });
    expect(r.status, r.text).toBeLessThan(500);
    if (r.status === 201) expect(r.json.fileName).not.toContain("\u0000");
  });
});

describe("dates and months Postgres or JS cannot hold are a 422 with a field message", () => {
  it("from=0000-01 and other years outside 1900..2200", async () => {
    const auth = { cookie: alice.cookie };
    for (const [from, to] of [
      ["0000-01", "0000-12"],
      ["1899-12", "1900-01"],
      ["2200-12", "2201-01"],
      ["9999-01", "9999-12"],
    ]) {
      const r = await call(metrics, "/api/v1/metrics", { auth, query: { from: from!, to: to! } });
      expect422(r);
      expect(JSON.stringify(r.json.errors)).toMatch(/year from 1900 to 2200/);
      expect422(
        await call(clients, `/api/v1/streams/${studio}/clients`, { auth, params: { id: studio }, query: { from: from!, to: to! } }),
      );
    }
    expect422(await call(listTx, "/api/v1/transactions", { auth, query: { from: "0000-01-01" } }), "from");
    expect422(await call(listEntries, "/api/v1/time-entries", { auth, query: { to: "0000-12-31" } }), "to");
    expect422(
      await call(postGoal, "/api/v1/goals", { method: "POST", auth, body: { amount: "1", effectiveFrom: "0000-01" } }),
      "effectiveFrom",
    );
    expect((await call(metrics, "/api/v1/metrics", { auth, query: { from: "1900-01", to: "1900-12" } })).status).toBe(200);
  });

  it("a forged pagination cursor with an impossible date is a 422 on every paginated list", async () => {
    const auth = { cookie: alice.cookie };
    const id = crypto.randomUUID();
    const dates = ["2024-13-45", "2023-02-29", "0000-01-01", "9999-12-31"];
    for (const d of dates) {
      expect422(await call(listTx, "/api/v1/transactions", { auth, query: { cursor: cursorOf([d, id]) } }), "cursor");
      expect422(await call(listEntries, "/api/v1/time-entries", { auth, query: { cursor: cursorOf([d, id]) } }), "cursor");
      expect422(
        await call(occurrences, "/api/v1/schedules/occurrences", {
          auth,
          query: { from: "2025-01-01", to: "2025-12-31", cursor: cursorOf([d, id]) },
        }),
        "cursor",
      );
      for (const at of [`${d}T00:00:00.000Z`, "2024-02-30T10:00:00Z", "Tue, 1 Jan 2024", "+275760-09-13T00:00:00.000Z"]) {
        expect422(await call(listImports, "/api/v1/imports", { auth, query: { cursor: cursorOf([at, id]) } }), "cursor");
        expect422(await call(insights, "/api/v1/insights", { auth, query: { cursor: cursorOf([at, id]) } }), "cursor");
      }
    }
  });
});

describe("FX rates and amounts whose product overflows", () => {
  it("a transaction that a huge rate would price beyond the limit is refused, nothing written", async () => {
    const user = await makeUser();
    const auth = { cookie: user.cookie };
    const stream = await newStream(user);
    const rate = await call(postFx, "/api/v1/fx-rates", {
      method: "POST",
      auth,
      body: { currency: "EUR", date: "2025-01-01", rate: "999999999999.999999999999" },
    });
    expect(rate.status, rate.text).toBe(201);
    const before = await counts(user.id);
    expect422(
      await call(postTx, "/api/v1/transactions", {
        method: "POST",
        auth,
        body: { streamId: stream, occurredOn: "2025-01-02", amount: "1000000000000", currency: "EUR" },
      }),
      "amount",
    );
    expect422(
      await call(postTx, "/api/v1/transactions", {
        method: "POST",
        auth,
        body: [
          { streamId: stream, occurredOn: "2025-01-02", amount: "1.00", currency: "EUR" },
          { streamId: stream, occurredOn: "2025-01-02", amount: "1000000000000", currency: "EUR" },
        ],
      }),
      "1.amount",
    );
    const csv = await call(importRoute, "/api/v1/imports", {
      method: "POST",
      auth,
      headers: { "content-type": "text/csv" },
      rawBody: "date,stream,amount,currency\n2025-01-02,Studio,1000000000000,EUR\n",
    });
    expect422(csv);
    expect(await counts(user.id)).toEqual(before);
  });

  it("a rate that would price existing transactions beyond the limit is refused, and the old prices stay", async () => {
    const user = await makeUser();
    const auth = { cookie: user.cookie };
    const stream = await newStream(user);
    const tx = await call(postTx, "/api/v1/transactions", {
      method: "POST",
      auth,
      body: { streamId: stream, occurredOn: "2025-01-02", amount: "1000000000000", currency: "EUR" },
    });
    expect(tx.status, tx.text).toBe(201);
    expect(
      (await call(postFx, "/api/v1/fx-rates", { method: "POST", auth, body: { currency: "EUR", date: "2025-01-01", rate: "1.1" } })).status,
    ).toBe(201);
    const before = await counts(user.id);
    // × 1e12: beyond a bigint in SQL (22003); × 100: a safe integer per row, but beyond the total.
    for (const rate of ["999999999999.999999999999", "100"]) {
      expect422(
        await call(postFx, "/api/v1/fx-rates", { method: "POST", auth, body: { currency: "EUR", date: "2025-01-01", rate } }),
        "rate",
      );
      expect(await counts(user.id)).toEqual(before);
    }
    const rates = await call(listFx, "/api/v1/fx-rates", { auth });
    expect((rates.json.data as { rate: string }[]).map((r) => r.rate)).toEqual(["1.1"]);
    // The same amount moved to a later date is fine; made 100 times larger, it is not.
    const id = tx.json.id as string;
    expect422(
      await call(patchTx, `/api/v1/transactions/${id}`, { method: "PATCH", auth, params: { id }, body: { amount: "90000000000000" } }),
      "amount",
    );
    expect(await counts(user.id)).toEqual(before);
  });

  it("a base currency switch that would overflow is refused, and nothing changes", async () => {
    const user = await makeUser();
    const auth = { cookie: user.cookie };
    const stream = await newStream(user);
    // 1e12 dollars, and a rate that makes one dollar 10,000 Kuwaiti fils: 1e14 cents → 1e17 fils.
    await call(postTx, "/api/v1/transactions", {
      method: "POST",
      auth,
      body: { streamId: stream, occurredOn: "2025-01-02", amount: "1000000000000" },
    });
    const db = await getDb();
    await db.execute(
      sql`insert into fx_rates (user_id, base_currency, currency, date, rate) values (${user.id}, 'KWD', 'USD', '2025-01-01', '1000')`,
    );
    const before = await counts(user.id);
    expect422(await call(patchSettings, "/api/v1/settings", { method: "PATCH", auth, body: { baseCurrency: "KWD" } }), "baseCurrency");
    expect(await counts(user.id)).toEqual(before);
    expect((await call(getSettings, "/api/v1/settings", { auth })).json.baseCurrency).toBe("USD");
    // A goal or a cash buffer of 1e12 JPY (no minor unit) would be 1e16 in CLF's 4 decimals: refused too.
    const yen = await makeUser();
    await call(patchSettings, "/api/v1/settings", {
      method: "PATCH",
      auth: { cookie: yen.cookie },
      body: { baseCurrency: "JPY", cashBuffer: "100000000000000" },
    });
    expect422(
      await call(patchSettings, "/api/v1/settings", { method: "PATCH", auth: { cookie: yen.cookie }, body: { baseCurrency: "CLF" } }),
      "baseCurrency",
    );
  });
});

describe(`92 valid transactions of $1,000,000,000,000 in one month (the sum passes 2^53)`, () => {
  const trillion = (stream: string, n: number, tag: string) =>
    Array.from({ length: n }, (_, i) => ({
      streamId: stream,
      occurredOn: "2025-03-05",
      amount: "1000000000000",
      counterparty: `Client ${i % 3}`,
      platform: "Stripe",
      externalId: `${tag}-${i}`,
    }));

  it("the write is refused (422, all or nothing) and GET /api/v1/metrics still answers 200", async () => {
    const user = await makeUser();
    const auth = { cookie: user.cookie };
    const stream = await newStream(user);
    const before = await counts(user.id);
    const r = await call(postTx, "/api/v1/transactions", { method: "POST", auth, body: trillion(stream, 92, "a") });
    expect422(r);
    expect(JSON.stringify(r.json)).toMatch(/9,000,000,000,000,000 minor units/);
    expect(await counts(user.id)).toEqual(before);
    // One at a time: the 91st is refused, the first 90 stay.
    for (const [i, item] of trillion(stream, 91, "b").entries()) {
      const one = await call(postTx, "/api/v1/transactions", { method: "POST", auth, body: item });
      expect(one.status, `item ${i}: ${one.text}`).toBe(i < 90 ? 201 : 422);
    }
    expect((await counts(user.id))!.base).toBe(String(MAX_TOTAL_MINOR));
    expect((await call(metrics, "/api/v1/metrics", { auth, query: { from: "2025-01", to: "2025-12" } })).status).toBe(200);
  }, 120_000);

  it("at the limit (90 of them), every read answers 200 with exact figures", async () => {
    const user = await makeUser();
    const auth = { cookie: user.cookie };
    const stream = await newStream(user);
    const ok = await call(postTx, "/api/v1/transactions", { method: "POST", auth, body: trillion(stream, 90, "c") });
    expect(ok.status, ok.text).toBe(201);
    const m = await call(metrics, "/api/v1/metrics", { auth, query: { from: "2025-01", to: "2025-12" } });
    expect(m.status, m.text).toBe(200);
    expect((m.json.totals as { income: number }).income).toBe(MAX_TOTAL_MINOR);
    for (const [name, r] of [
      ["metrics (default window)", await call(metrics, "/api/v1/metrics", { auth })],
      ["metrics (one month)", await call(metrics, "/api/v1/metrics", { auth, query: { from: "2025-03", to: "2025-03" } })],
      ["clients", await call(clients, "/x", { auth, params: { id: stream }, query: { from: "2025-01", to: "2025-12" } })],
      ["plan", await call(plan, "/api/v1/plan", { auth })],
      ["summary", await call(summary, "/api/v1/schedules/summary", { auth })],
      ["transactions", await call(listTx, "/api/v1/transactions", { auth })],
      ["export csv", await call(exportRoute, "/api/v1/export", { auth, query: { format: "csv" } })],
      ["export json", await call(exportRoute, "/api/v1/export", { auth, query: { format: "json" } })],
    ] as const)
      expect(r.status, `${name}: ${r.text.slice(0, 300)}`).toBe(200);
  }, 120_000);
});

describe("toProblem: Postgres data errors that only input can cause are a 422 (a safety net behind the schemas)", () => {
  it.each(["22003", "22008", "22007", "22P02", "22021", "22P05", "54000"])("SQLSTATE %s", async (code) => {
    const err = Object.assign(new Error("Failed query"), { cause: Object.assign(new Error("db"), { code }) });
    const res = toProblem(err);
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
  });
});

describe("found by the write fuzzer", () => {
  it("switching autoLog on for a schedule answers (it read the user outside its transaction: a hang on PGlite)", async () => {
    const auth = { cookie: alice.cookie };
    const created = await call(postSchedule, "/api/v1/schedules", {
      method: "POST",
      auth,
      body: { streamId: studio, amount: "100.00", cadence: "monthly", startOn: "2025-01-10" },
    });
    expect(created.status, created.text).toBe(201);
    const id = created.json.id as string;
    const r = await call(patchSchedule, `/api/v1/schedules/${id}`, { method: "PATCH", auth, params: { id }, body: { autoLog: true } });
    expect(r.status, r.text).toBe(200);
    expect(r.json.autoLog).toBe(true);
  }, 10_000);
});
