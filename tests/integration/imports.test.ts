// CSV imports: POST /api/v1/imports with the generic CSV, the import history and its undo, saved mappings,
// against the real route handlers and database. Expected transactions are written out by hand.
import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { GET as getMetrics } from "@/app/api/v1/metrics/route";
import { DELETE as deleteImportRoute } from "@/app/api/v1/imports/[id]/route";
import { DELETE as deleteMappingRoute } from "@/app/api/v1/imports/mappings/[id]/route";
import { GET as listMappingsRoute, POST as postMappingRoute } from "@/app/api/v1/imports/mappings/route";
import { GET as presetsRoute } from "@/app/api/v1/imports/presets/route";
import { GET as historyRoute, POST as importRoute } from "@/app/api/v1/imports/route";
import { POST as createStreamRoute } from "@/app/api/v1/streams/route";
import { GET as listTxRoute } from "@/app/api/v1/transactions/route";
import { POST as ratesRoute } from "@/app/api/v1/fx-rates/route";
import { getDb, rowsOf } from "@/db/index";
import { MAX_IMPORT_BYTES } from "@/lib/import/upload";
import { problemResponse } from "@/lib/schemas/common";
import {
  deletedImportResponse,
  importHistoryResponse,
  importMappingList,
  importMappingResponse,
  importResponse,
  presetsResponse,
} from "@/lib/schemas/imports";
import { call, makeUser, type TestUser } from "../support/api";

const HEADER = "date,stream,kind,amount,currency,counterparty,platform,description,external_id";
const csv = (...lines: string[]) => lines.join("\r\n") + "\r\n";
const strictImport = importResponse.strict();

type Result = Awaited<ReturnType<typeof call>>;

function importCsv(
  user: TestUser,
  body: string | FormData | ReadableStream<Uint8Array>,
  query: Record<string, string> = {},
  auth?: { token: string },
) {
  const headers: Record<string, string> = typeof body === "string" ? { "content-type": "text/csv" } : {};
  return call(importRoute, "/api/v1/imports", { method: "POST", auth: auth ?? { cookie: user.cookie }, rawBody: body, headers, query });
}

/** A body sent as it is, with the content type given (a stream, a multipart text, a cut-off upload). */
function postRaw(user: TestUser, rawBody: string | ReadableStream<Uint8Array>, contentType: string) {
  return call(importRoute, "/api/v1/imports", {
    method: "POST",
    auth: { cookie: user.cookie },
    rawBody,
    headers: { "content-type": contentType },
  });
}

function expectProblem(r: Result, status: number) {
  expect(r.status, JSON.stringify(r.json)).toBe(status);
  expect(r.contentType).toBe("application/problem+json");
  problemResponse.parse(r.json);
}

async function counts(userId: string) {
  const db = await getDb();
  const [row] = rowsOf<{ tx: number; streams: number; imports: number; rollup: number }>(
    await db.execute(sql`
      select (select count(*)::int from transactions where user_id = ${userId}) as tx,
             (select count(*)::int from streams where user_id = ${userId}) as streams,
             (select count(*)::int from imports where user_id = ${userId}) as imports,
             (select coalesce(sum(count), 0)::int from stream_month_totals where user_id = ${userId}) as rollup`),
  );
  return row!;
}

async function transactionsOf(user: TestUser, query: Record<string, string> = {}) {
  const r = await call(listTxRoute, "/api/v1/transactions", { auth: { cookie: user.cookie }, query: { limit: "500", ...query } });
  expect(r.status).toBe(200);
  return (r.json.data as Record<string, unknown>[]).map((t) => ({
    stream: t.streamName,
    kind: t.kind,
    occurredOn: t.occurredOn,
    amount: t.amount,
    currency: t.currency,
    baseAmountMinor: t.baseAmountMinor,
    counterparty: t.counterparty,
    platform: t.platform,
    description: t.description,
    externalId: t.externalId,
  }));
}

/** The rollups hold exactly what the transactions say (every import writes through the triggers). */
async function expectRollupsExact(userId: string) {
  const db = await getDb();
  const diff = rowsOf<{ n: number }>(
    await db.execute(sql`
      with raw as (
        select stream_id, date_trunc('month', occurred_on)::date as month,
          coalesce(sum(amount_base_minor) filter (where kind = 'income'), 0) as income,
          coalesce(sum(amount_base_minor) filter (where kind = 'expense'), 0) as expenses, count(*) as n
        from transactions where user_id = ${userId} group by 1, 2),
      rolled as (select stream_id, month, income, expenses, count as n from stream_month_totals where user_id = ${userId} and count <> 0)
      select count(*)::int as n from ((select * from raw except select * from rolled) union all (select * from rolled except select * from raw)) d`),
  );
  expect(diff[0]?.n).toBe(0);
}

let alice: TestUser;
let bob: TestUser;

beforeAll(async () => {
  alice = await makeUser("Alice");
  bob = await makeUser("Bob");
});

describe("POST /api/v1/imports (generic CSV)", () => {
  it("inserts exactly the transactions the file states, creating the streams it names", async () => {
    const user = await makeUser("Importer");
    const existing = await call(createStreamRoute, "/api/v1/streams", {
      method: "POST",
      auth: { cookie: user.cookie },
      body: { name: "Design Studio", kind: "freelance" },
    });
    expect(existing.status).toBe(201);
    const rate = await call(ratesRoute, "/api/v1/fx-rates", {
      method: "POST",
      auth: { cookie: user.cookie },
      body: { currency: "EUR", date: "2026-01-01", rate: "1.1" },
    });
    expect(rate.status).toBe(201);
    const file = csv(
      HEADER,
      "2026-01-05,design studio,income,1200.00,USD,Acme Inc.,Stripe,January retainer,inv-001",
      "2026-01-09,Design Studio,expense,49.99,,,Figma,Figma seat,",
      "2026-01-15,Etsy Templates,,12.5,EUR,,Etsy,,",
      "2026-01-20,Etsy Templates,income,-3.00,USD,Jane,Etsy,Refund,etsy-r-1",
    );
    const r = await importCsv(user, file, { fileName: "january.csv" });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    const body = strictImport.parse(r.json);
    expect(body).toMatchObject({
      dryRun: false,
      reader: "generic",
      fileName: "january.csv",
      rows: 4,
      inserted: 4,
      duplicates: 0,
      skipped: 0,
      invalid: 0,
      streamsCreated: 1,
      createdStreams: ["Etsy Templates"],
      errors: [],
    });
    expect(body.preview).toBeUndefined();
    expect(body.importId).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.totals).toEqual([
      { kind: "expense", currency: "USD", count: 1, amount: "49.99", amountMinor: 4999 },
      { kind: "income", currency: "EUR", count: 1, amount: "12.50", amountMinor: 1250 },
      { kind: "income", currency: "USD", count: 2, amount: "1197.00", amountMinor: 119700 },
    ]);

    const rows = await transactionsOf(user);
    const derived = rows.filter((t) => String(t.externalId).startsWith("generic:"));
    expect(derived).toHaveLength(2);
    for (const t of derived) expect(t.externalId).toMatch(/^generic:[0-9a-f]{64}:1$/);
    expect(rows.map((t) => ({ ...t, externalId: String(t.externalId).startsWith("generic:") ? "derived" : t.externalId }))).toEqual([
      {
        stream: "Etsy Templates",
        kind: "income",
        occurredOn: "2026-01-20",
        amount: "-3.00",
        currency: "USD",
        baseAmountMinor: -300,
        counterparty: "Jane",
        platform: "Etsy",
        description: "Refund",
        externalId: "etsy-r-1",
      },
      {
        stream: "Etsy Templates",
        kind: "income",
        occurredOn: "2026-01-15",
        amount: "12.50",
        currency: "EUR",
        baseAmountMinor: 1375,
        counterparty: null,
        platform: "Etsy",
        description: null,
        externalId: "derived",
      },
      {
        stream: "Design Studio",
        kind: "expense",
        occurredOn: "2026-01-09",
        amount: "49.99",
        currency: "USD",
        baseAmountMinor: 4999,
        counterparty: null,
        platform: "Figma",
        description: "Figma seat",
        externalId: "derived",
      },
      {
        stream: "Design Studio",
        kind: "income",
        occurredOn: "2026-01-05",
        amount: "1200.00",
        currency: "USD",
        baseAmountMinor: 120000,
        counterparty: "Acme Inc.",
        platform: "Stripe",
        description: "January retainer",
        externalId: "inv-001",
      },
    ]);
    // the new stream as API.md's generic CSV says
    const db = await getDb();
    const [created] = rowsOf<{ kind: string; role: string }>(
      await db.execute(sql`select kind, role from streams where user_id = ${user.id} and name = 'Etsy Templates'`),
    );
    expect(created).toEqual({ kind: "other", role: "growth" });
    // the import's transactions are linked to it, and the list filters by it
    expect(await transactionsOf(user, { importId: body.importId! })).toHaveLength(4);
    await expectRollupsExact(user.id);

    const metrics = await call(getMetrics, "/api/v1/metrics", { auth: { cookie: user.cookie }, query: { from: "2026-01", to: "2026-01" } });
    expect(metrics.status).toBe(200);
    expect(metrics.json.totals).toMatchObject({ income: 120000 + 1375 - 300, expenses: 4999 });
  });

  it("imports the same file twice without adding anything, and keeps identical rows apart", async () => {
    const user = await makeUser("Twice");
    // Two identical real payments in one file: both import (occurrences 1 and 2).
    const file = csv(
      HEADER,
      "2026-02-01,Blog,income,10.00,USD,Reader,,Tip,",
      "2026-02-01,Blog,income,10.00,USD,Reader,,Tip,",
      "2026-02-02,Blog,income,5.00,USD,,,,tip-3",
    );
    const first = strictImport.parse((await importCsv(user, file)).json);
    expect(first).toMatchObject({ rows: 3, inserted: 3, duplicates: 0, streamsCreated: 1 });
    const ids = (await transactionsOf(user)).map((t) => String(t.externalId)).sort();
    expect(ids[0]).toMatch(/^generic:[0-9a-f]{64}:1$/);
    expect(ids[1]).toBe(ids[0]!.replace(/:1$/, ":2"));

    const before = await counts(user.id);
    const again = await importCsv(user, file);
    expect(again.status).toBe(201);
    expect(strictImport.parse(again.json)).toMatchObject({ rows: 3, inserted: 0, duplicates: 3, streamsCreated: 0, createdStreams: [] });
    const after = await counts(user.id);
    expect(after).toEqual({ ...before, imports: before.imports + 1 });
    await expectRollupsExact(user.id);
  });

  it("runs two overlapping imports sent at once one after the other: both succeed, and every row lands once", async () => {
    const user = await makeUser("Concurrent");
    const SHARED = 12_000;
    // The same 12,000 ids in opposite orders (chunks of 5,000 overlap), plus 500 of each file's own: without the per-user lock, each
    // insert waits on rows the other holds uncommitted and Postgres ends one of them as a deadlock.
    const row = (i: number) => `2026-03-${String((i % 28) + 1).padStart(2, "0")},Shop,income,1.00,USD,,,,id-${i}`;
    const shared = Array.from({ length: SHARED }, (_, i) => row(i));
    const a = csv(HEADER, ...shared, ...Array.from({ length: 500 }, (_, i) => row(100_000 + i)));
    const b = csv(HEADER, ...[...shared].reverse(), ...Array.from({ length: 500 }, (_, i) => row(200_000 + i)));
    // The stream exists already, so neither waits on the other's new stream row.
    expect((await importCsv(user, csv(HEADER, row(999_999)))).status).toBe(201);
    const [ra, rb] = await Promise.all([importCsv(user, a), importCsv(user, b)]);
    expect(ra.status, JSON.stringify(ra.json)).toBe(201);
    expect(rb.status, JSON.stringify(rb.json)).toBe(201);
    const [first, second] = [strictImport.parse(ra.json), strictImport.parse(rb.json)];
    expect(first.inserted + second.inserted).toBe(SHARED + 1000);
    expect(first.duplicates + second.duplicates).toBe(SHARED);
    expect(await counts(user.id)).toMatchObject({ tx: SHARED + 1001, streams: 1, imports: 3 });
    await expectRollupsExact(user.id);
  });

  it("refuses a file with one bad row with 422 naming its line and field, and writes nothing", async () => {
    const user = await makeUser("Bad row");
    const before = await counts(user.id);
    const file = csv(
      HEADER,
      "2026-03-01,New Stream,income,10.00,USD,,,,",
      '2026-03-02,New Stream,income,20.00,USD,,,"a note',
      'over two lines",',
      "2026-03-03,New Stream,income,12.345,USD,,,,",
      "2026-03-04,New Stream,income,1.00,USD,,,,",
    );
    const r = await importCsv(user, file);
    expectProblem(r, 422);
    expect(r.json.errors).toEqual([{ row: 5, path: "amount", message: "at most 2 decimals for USD" }]);
    expect(r.json.detail).toMatch(/1 of 4 rows/);
    expect(await counts(user.id)).toEqual(before);
  });

  it("refuses a row with a NUL character (a UTF-16 file without its BOM) with its line, and writes nothing", async () => {
    const user = await makeUser("Nul");
    const r = await importCsv(user, csv(HEADER, "2026-02-01,Blog,income,10.00,USD,,,ok,", "2026-02-02,Blog,income,5.00,USD,R\u0000e,,,"));
    expectProblem(r, 422);
    expect(r.json.errors).toEqual([{ row: 3, path: "row", message: expect.stringContaining("NUL character") }]);
    expect(await counts(user.id)).toMatchObject({ tx: 0, streams: 0, imports: 0 });
  });

  it("lists every invalid row of a file, by line and column, in one answer", async () => {
    const user = await makeUser("Many bad rows");
    const file = csv(
      HEADER,
      "2026-13-01,S,income,1,USD,,,,",
      "2026-03-02,S,gift,1,USD,,,,",
      "2026-03-03,,income,1,USD,,,,",
      "2026-03-04,S,income,0,USD,,,,",
      "2026-03-05,S,income,1,XYZ,,,,",
      "1969-12-31,S,income,abc,USD,,,,",
      "2026-03-06,S,income,1,USD,,,,,extra",
      "2026-03-07,S,income,1,USD,,,,ok-row",
    );
    const r = await importCsv(user, file);
    expectProblem(r, 422);
    expect(r.json.errors).toEqual([
      { row: 2, path: "date", message: "Not a real calendar date." },
      { row: 3, path: "kind", message: "Kind is income or expense (empty means income)." },
      { row: 4, path: "stream", message: "Name the stream: a stream column, or one stream for the whole file (?stream=)." },
      { row: 5, path: "amount", message: "An amount of 0 changes nothing: enter what was paid (negative for a refund)." },
      { row: 6, path: "currency", message: "Not an ISO 4217 currency code." },
      // like the API, the amount is read once the other fields are right
      { row: 7, path: "date", message: "Dates before 1970 are not accepted." },
      { row: 8, path: "row", message: "This row has 10 cells but the header has 9: quote cells that contain the separator." },
    ]);
    expect((await counts(user.id)).tx).toBe(0);
  });

  it("imports the valid rows with skipInvalid=true and lists the others", async () => {
    const user = await makeUser("Skip invalid");
    const file = csv(
      HEADER,
      "2026-03-01,Shop,income,10.00,USD,,,,a",
      "2026-03-02,Shop,income,ten,USD,,,,b",
      "2026-03-03,Shop,expense,2.00,USD,,,,c",
    );
    const r = await importCsv(user, file, { skipInvalid: "true" });
    expect(r.status).toBe(201);
    expect(strictImport.parse(r.json)).toMatchObject({
      rows: 3,
      inserted: 2,
      invalid: 1,
      errors: [{ row: 3, path: "amount", message: "amount must be a decimal number like 1234.56" }],
    });
    expect((await transactionsOf(user)).map((t) => t.externalId)).toEqual(["c", "a"]);
    const history = importHistoryResponse.parse((await call(historyRoute, "/api/v1/imports", { auth: { cookie: user.cookie } })).json);
    expect(history.data[0]).toMatchObject({
      preset: "generic",
      rows: 3,
      inserted: 2,
      duplicates: 0,
      skipped: 0,
      invalid: 1,
      transactions: 2,
    });
  });

  it("answers a dry run with exact counts, the streams it would create and a preview, and writes nothing", async () => {
    const user = await makeUser("Dry run");
    await importCsv(user, csv(HEADER, "2026-04-01,Existing,income,1.00,USD,,,,known-1"));
    const before = await counts(user.id);
    const file = csv(
      HEADER,
      "2026-04-01,Existing,income,1.00,USD,,,,known-1",
      "2026-04-02,Brand New,income,2.00,USD,Client,,,",
      "2026-04-03,brand new,expense,0.50,USD,,,,",
      "2026-04-04,Brand New,income,oops,USD,,,,",
      "2026-04-05,Brand New,income,3.00,USD,,,,twice",
      "2026-04-05,Brand New,income,3.00,USD,,,,twice",
    );
    const r = await importCsv(user, file, { dryRun: "true" });
    expect(r.status).toBe(200);
    const body = strictImport.parse(r.json);
    expect(body).toMatchObject({
      importId: null,
      dryRun: true,
      rows: 6,
      inserted: 3,
      duplicates: 2,
      invalid: 1,
      streamsCreated: 1,
      createdStreams: ["Brand New"],
      errors: [{ row: 5, path: "amount", message: "amount must be a decimal number like 1234.56" }],
    });
    expect(body.preview).toHaveLength(6);
    // Already there: known-1 is the user's, and the second "twice" repeats the first.
    expect(body.preview!.map((p) => p.outcome)).toEqual([
      "duplicate",
      "transactions",
      "transactions",
      "invalid",
      "transactions",
      "duplicate",
    ]);
    expect(body.preview![0]).toMatchObject({
      line: 2,
      outcome: "duplicate",
      transactions: [{ stream: "Existing", amount: "1.00", externalId: "known-1" }],
    });
    expect(body.preview![2]).toMatchObject({
      line: 4,
      outcome: "transactions",
      transactions: [{ stream: "brand new", kind: "expense", amount: "0.50", amountMinor: 50 }],
    });
    expect(body.preview![3]).toMatchObject({ line: 5, outcome: "invalid", transactions: [], errors: [{ path: "amount" }] });
    expect(await counts(user.id)).toEqual(before);

    // The real import (skipping the bad row) does what the dry run said.
    const real = strictImport.parse((await importCsv(user, file, { skipInvalid: "true" })).json);
    expect({ ...real, importId: null, dryRun: true }).toEqual({ ...body, preview: undefined, importId: null, dryRun: true });
  });

  it("reads quoted newlines, quotes, a BOM, CRLF or LF, any column order and case, and leaves blank lines out", async () => {
    const user = await makeUser("Quoting");
    const file =
      "\uFEFFAmount,Date,STREAM,Description,Counterparty\n" +
      '"1,234.00",2026-05-01,Consulting,"Line one\nline two, with a comma",Acme\n' +
      "\n" +
      '99.50,2026-05-02,Consulting,"She said ""hi""",\n' +
      ",,,,\n" +
      "\n";
    const r = await importCsv(user, file);
    // "1,234.00" is not a decimal with a dot: the file's line 2 is named, although its cell spans two lines
    expectProblem(r, 422);
    expect(r.json.errors).toEqual([{ row: 2, path: "amount", message: "amount must be a decimal number like 1234.56" }]);

    const fixed = file.replace('"1,234.00"', "1234.00");
    const ok = await importCsv(user, fixed);
    expect(ok.status, JSON.stringify(ok.json)).toBe(201);
    expect(strictImport.parse(ok.json)).toMatchObject({ rows: 2, inserted: 2 });
    const rows = await transactionsOf(user);
    expect(rows.map((t) => [t.occurredOn, t.amount, t.description, t.counterparty])).toEqual([
      ["2026-05-02", "99.50", 'She said "hi"', null],
      ["2026-05-01", "1234.00", "Line one\nline two, with a comma", "Acme"],
    ]);
  });

  it("takes a multipart upload with its file name, and ?stream= by name or id for files without a stream column", async () => {
    const user = await makeUser("Multipart");
    const form = new FormData();
    form.append("note", "ignored");
    form.append("file", new Blob([csv("date,amount", "2026-06-01,10.00", "2026-06-02,20.00")], { type: "text/csv" }), "payouts june.csv");
    const r = await importCsv(user, form, { stream: "Newsletter" });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    expect(strictImport.parse(r.json)).toMatchObject({ fileName: "payouts june.csv", inserted: 2, createdStreams: ["Newsletter"] });

    const streams = await call(createStreamRoute, "/api/v1/streams", {
      method: "POST",
      auth: { cookie: user.cookie },
      body: { name: "Podcast" },
    });
    const byId = await importCsv(user, csv("date,amount", "2026-06-03,5.00"), { stream: streams.json.id as string });
    expect(strictImport.parse(byId.json)).toMatchObject({ inserted: 1, streamsCreated: 0 });
    expect((await transactionsOf(user, { stream: "Podcast" })).map((t) => t.amount)).toEqual(["5.00"]);

    // another user's stream id is no stream at all
    const foreign = await call(createStreamRoute, "/api/v1/streams", {
      method: "POST",
      auth: { cookie: bob.cookie },
      body: { name: "Bob's" },
    });
    const refused = await importCsv(user, csv("date,amount", "2026-06-03,5.00"), { stream: foreign.json.id as string });
    expectProblem(refused, 422);
    expect(refused.json.errors).toEqual([{ path: "stream", message: "No such stream." }]);

    const noFile = new FormData();
    noFile.append("file", "not a file");
    expectProblem(await importCsv(user, noFile), 422);
  });

  it("says which columns it expected when the header is not there, and refuses unknown presets and an empty file", async () => {
    const r = await importCsv(alice, csv("when,how much", "2026-01-01,5"));
    expectProblem(r, 422);
    expect(r.json.errors).toEqual([{ path: "header", message: "Expected the columns date, amount." }]);
    const preset = await importCsv(alice, csv(HEADER), { preset: "nope" });
    expectProblem(preset, 422);
    expect((preset.json.errors as { path: string }[])[0]?.path).toBe("preset");
    expectProblem(await importCsv(alice, ""), 422);
    // a header without rows is a valid, empty import
    const empty = await importCsv(alice, csv(HEADER), { dryRun: "true" });
    expect(strictImport.parse(empty.json)).toMatchObject({ rows: 0, inserted: 0, preview: [] });
  });

  it("needs a write token", async () => {
    expectProblem(await importCsv(alice, csv(HEADER), {}, { token: alice.readToken }), 403);
    const ok = await importCsv(alice, csv(HEADER, "2026-01-01,Token stream,income,1,USD,,,,tok-1"), {}, { token: alice.writeToken });
    expect(ok.status).toBe(201);
  });
});

describe("the 50 MB limit", () => {
  it("refuses a declared Content-Length over the limit before reading anything", async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new TextEncoder().encode(`${HEADER}\n`));
      },
    });
    const r = await call(importRoute, "/api/v1/imports", {
      method: "POST",
      auth: { cookie: alice.cookie },
      rawBody: body,
      headers: { "content-type": "text/csv", "content-length": String(MAX_IMPORT_BYTES + 1) },
    });
    expectProblem(r, 413);
    expect(pulled).toBeLessThanOrEqual(1);
  });

  it("cuts off a streamed (chunked) body past 50 MB with 413, without reading the rest, and writes nothing", async () => {
    const user = await makeUser("Too large");
    // Rows with a bad amount keep the test quick (nothing is written once a row is invalid); the answer is
    // still 413, decided as soon as the 50 MB are past.
    const line = new TextEncoder().encode("2026-01-01,Big,income,1.0.0,USD,,,".padEnd(1023, " ") + "\n");
    const chunk = new Uint8Array(64 * 1024);
    for (let i = 0; i < chunk.length; i += line.length) chunk.set(line.subarray(0, Math.min(line.length, chunk.length - i)), i);
    const total = 51 * 1024 * 1024;
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(`${HEADER}\n`));
      },
      pull(controller) {
        if (sent >= total) return controller.close();
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const r = await postRaw(user, body, "text/csv");
    expectProblem(r, 413);
    expect(sent).toBeLessThan(MAX_IMPORT_BYTES + 4 * chunk.length);
    expect(await counts(user.id)).toMatchObject({ tx: 0, streams: 0, imports: 0 });
  }, 120_000);
});

describe("the upload itself", () => {
  const encode = (text: string) => new TextEncoder().encode(text);

  it("receives a stalled upload without holding the database: other requests go on, then the file imports", async () => {
    const user = await makeUser("Stalled");
    const other = await makeUser("Meanwhile");
    let resume!: () => void;
    const resumed = new Promise<void>((resolve) => (resume = resolve));
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(encode(`${HEADER}\n`));
        await resumed; // the sender stalls after the header
        controller.enqueue(encode("2026-01-05,Late,income,10.00,USD,,,,late-1\n"));
        controller.close();
      },
    });
    const pending = importCsv(user, body);
    await new Promise((resolve) => setTimeout(resolve, 100));
    // On the embedded database one stalled transaction would hold its only connection: this would hang.
    const meanwhile = call(listTxRoute, "/api/v1/transactions", { auth: { cookie: other.cookie } });
    const first = await Promise.race([meanwhile.then(() => "answered"), new Promise((resolve) => setTimeout(resolve, 5_000, "held"))]);
    expect(first).toBe("answered");
    expect((await meanwhile).status).toBe(200);
    resume();
    const r = await pending;
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    expect(strictImport.parse(r.json)).toMatchObject({ inserted: 1, streamsCreated: 1 });
  });

  it("answers a multipart body without its closing boundary 422, and writes nothing", async () => {
    const user = await makeUser("Truncated");
    const body =
      '--XX\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\ndate,stream,amount\r\n2026-01-28,Imp,1.00\r\n';
    const r = await postRaw(user, body, "multipart/form-data; boundary=XX");
    expectProblem(r, 422);
    expect(r.json.errors).toEqual([{ path: "file", message: "The multipart body is malformed." }]);
    expect(await counts(user.id)).toMatchObject({ tx: 0, streams: 0, imports: 0 });
  });

  it("answers an upload the client cut off 400 (not a database outage), and writes nothing", async () => {
    const user = await makeUser("Cut off");
    for (const multipart of [false, true]) {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(encode(multipart ? '--XX\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\n' : ""));
          controller.enqueue(encode(`${HEADER}\n2026-01-05,Gone,income,10.00,USD,,,,gone-1\n`));
          setTimeout(() => controller.error(Object.assign(new Error("aborted"), { code: "ECONNRESET" })), 20);
        },
      });
      const r = await postRaw(user, body, multipart ? "multipart/form-data; boundary=XX" : "text/csv");
      expectProblem(r, 400);
      expect(r.json.title).toBe("Upload cut off");
    }
    expect(await counts(user.id)).toMatchObject({ tx: 0, streams: 0, imports: 0 });
  });

  it("refuses a file that is not UTF-8 with the line, and writes nothing", async () => {
    const user = await makeUser("Latin-1");
    const bytes = new Uint8Array([...encode(`${HEADER}\n2026-01-05,Caf`), 0xe9, ...encode(",income,10.00,USD,,,,cafe-1\n")]);
    const r = await importCsv(
      user,
      new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(bytes);
          controller.close();
        },
      }),
    );
    expectProblem(r, 422);
    expect(r.json.errors).toEqual([
      expect.objectContaining({ path: "row", row: 2, message: expect.stringMatching(/^Line 2 is not UTF-8 text/) }),
    ]);
    expect(await counts(user.id)).toMatchObject({ tx: 0, streams: 0, imports: 0 });
  });
});

describe("import history and undo", () => {
  it("lists imports newest first and deletes one import's transactions with the figures following", async () => {
    const user = await makeUser("History");
    const a = strictImport.parse(
      (
        await importCsv(user, csv(HEADER, "2026-01-10,Shop,income,100.00,USD,,,,h-1", "2026-01-11,Shop,income,50.00,USD,,,,h-2"), {
          fileName: "a.csv",
        })
      ).json,
    );
    const b = strictImport.parse(
      (await importCsv(user, csv(HEADER, "2026-01-12,Shop,income,7.00,USD,,,,h-3"), { fileName: "b.csv" })).json,
    );
    const history = importHistoryResponse
      .strict()
      .parse((await call(historyRoute, "/api/v1/imports", { auth: { cookie: user.cookie } })).json);
    expect(history.data.map((i) => [i.id, i.fileName, i.rows, i.inserted, i.transactions])).toEqual([
      [b.importId, "b.csv", 1, 1, 1],
      [a.importId, "a.csv", 2, 2, 2],
    ]);
    const page = importHistoryResponse.parse(
      (await call(historyRoute, "/api/v1/imports", { auth: { cookie: user.cookie }, query: { limit: "1" } })).json,
    );
    expect(page.data.map((i) => i.id)).toEqual([b.importId]);
    const next = importHistoryResponse.parse(
      (await call(historyRoute, "/api/v1/imports", { auth: { cookie: user.cookie }, query: { limit: "1", cursor: page.nextCursor! } }))
        .json,
    );
    expect(next.data.map((i) => i.id)).toEqual([a.importId]);

    const del = await call(deleteImportRoute, `/api/v1/imports/${a.importId}`, {
      method: "DELETE",
      auth: { cookie: user.cookie },
      params: { id: a.importId! },
    });
    expect(del.status).toBe(200);
    expect(deletedImportResponse.strict().parse(del.json)).toMatchObject({ id: a.importId, deletedTransactions: 2, fileName: "a.csv" });
    expect((await transactionsOf(user)).map((t) => t.externalId)).toEqual(["h-3"]);
    await expectRollupsExact(user.id);
    const metrics = await call(getMetrics, "/api/v1/metrics", { auth: { cookie: user.cookie }, query: { from: "2026-01", to: "2026-01" } });
    expect(metrics.json.totals).toMatchObject({ income: 700 });
    const again = await call(deleteImportRoute, `/api/v1/imports/${a.importId}`, {
      method: "DELETE",
      auth: { cookie: user.cookie },
      params: { id: a.importId! },
    });
    expectProblem(again, 404);
  });

  it("keeps every user's imports their own: another user's import id is a 404 and never in their history", async () => {
    const mine = strictImport.parse((await importCsv(alice, csv(HEADER, "2026-02-10,Alice shop,income,1.00,USD,,,,scope-1"))).json);
    const bobHistory = importHistoryResponse.parse((await call(historyRoute, "/api/v1/imports", { auth: { cookie: bob.cookie } })).json);
    expect(bobHistory.data.map((i) => i.id)).not.toContain(mine.importId);
    for (const id of [mine.importId!, "not-a-uuid", "00000000-0000-4000-8000-000000000000"]) {
      expectProblem(
        await call(deleteImportRoute, `/api/v1/imports/${id}`, { method: "DELETE", auth: { cookie: bob.cookie }, params: { id } }),
        404,
      );
    }
    expect((await transactionsOf(alice, { importId: mine.importId! })).length).toBe(1);
    // Bob's list filtered by Alice's import id shows nothing of hers
    expect(await transactionsOf(bob, { importId: mine.importId! })).toEqual([]);
  });
});

describe("saved mappings and presets", () => {
  it("saves, lists and deletes a user's own mappings, names unique per user, invisible to others", async () => {
    const mapping = { columns: { date: "Datum", amount: "Betrag" }, dateFormat: "dmy", decimal: ",", stream: "Bank" };
    const created = await call(postMappingRoute, "/api/v1/imports/mappings", {
      method: "POST",
      auth: { cookie: alice.cookie },
      body: { name: "My bank", mapping },
    });
    expect(created.status).toBe(201);
    const m = importMappingResponse.strict().parse(created.json);
    expect(m.mapping).toEqual(mapping);
    expectProblem(
      await call(postMappingRoute, "/api/v1/imports/mappings", {
        method: "POST",
        auth: { cookie: alice.cookie },
        body: { name: "my BANK", mapping },
      }),
      409,
    );
    expectProblem(
      await call(postMappingRoute, "/api/v1/imports/mappings", {
        method: "POST",
        auth: { cookie: alice.cookie },
        body: { name: "", mapping: "x" },
      }),
      422,
    );
    // Bob may use the same name
    expect(
      (
        await call(postMappingRoute, "/api/v1/imports/mappings", {
          method: "POST",
          auth: { cookie: bob.cookie },
          body: { name: "My bank", mapping },
        })
      ).status,
    ).toBe(201);

    const list = importMappingList.parse(
      (await call(listMappingsRoute, "/api/v1/imports/mappings", { auth: { cookie: alice.cookie } })).json,
    );
    expect(list.data.map((x) => x.name)).toEqual(["My bank"]);
    const presets = presetsResponse
      .strict()
      .parse((await call(presetsRoute, "/api/v1/imports/presets", { auth: { token: alice.readToken } })).json);
    expect(presets.data[0]).toMatchObject({ id: "generic", platform: null, defaultStream: null, requiredColumns: ["date", "amount"] });
    expect(presets.mappings.map((x) => x.id)).toEqual([m.id]);
    const bobPresets = presetsResponse.parse((await call(presetsRoute, "/api/v1/imports/presets", { auth: { cookie: bob.cookie } })).json);
    expect(bobPresets.mappings.map((x) => x.id)).not.toContain(m.id);

    expectProblem(
      await call(deleteMappingRoute, `/api/v1/imports/mappings/${m.id}`, {
        method: "DELETE",
        auth: { cookie: bob.cookie },
        params: { id: m.id },
      }),
      404,
    );
    // Alice's own mapping reads her bank's file: D/M dates, decimal commas, one fixed stream (created)
    const mine = await importCsv(alice, csv("Datum,Betrag", '1/2/2026,"5,00"', '3/2/2026,"-1,50"'), { preset: "mapping", mapping: m.id });
    expect(mine.status, JSON.stringify(mine.json)).toBe(201);
    expect(mine.json).toMatchObject({ inserted: 2, createdStreams: ["Bank"] });
    // the same mapping sent as JSON, with a mistake: every problem on its mapping.<field> path
    const wrong = await importCsv(alice, csv("Datum,Betrag", "1/2/2026,5"), {
      preset: "mapping",
      mapping: JSON.stringify({ columns: { date: "Datum" }, dateFormat: "someday" }),
    });
    expectProblem(wrong, 422);
    expect((wrong.json.errors as { path: string }[]).map((e) => e.path).sort()).toEqual(["mapping.dateFormat"]);
    // a saved mapping of another user cannot be used either
    const foreign = await importCsv(bob, csv("Datum,Betrag", '1/2/2026,"5,00"'), { preset: "mapping", mapping: m.id });
    expectProblem(foreign, 422);
    expect((foreign.json.errors as { path: string }[])[0]?.path).toBe("mapping");
    const del = await call(deleteMappingRoute, `/api/v1/imports/mappings/${m.id}`, {
      method: "DELETE",
      auth: { cookie: alice.cookie },
      params: { id: m.id },
    });
    expect(del.status).toBe(200);
    expect(
      importMappingList.parse((await call(listMappingsRoute, "/api/v1/imports/mappings", { auth: { cookie: alice.cookie } })).json).data,
    ).toEqual([]);
  });
});
