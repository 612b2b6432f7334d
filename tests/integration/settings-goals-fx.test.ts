// Settings, goals and FX rates: /api/v1/settings, /api/v1/goals, /api/v1/goals/{id} and /api/v1/fx-rates,
// against the real route handlers and database. Every user here is fresh, so the assertions hold on a
// shared Postgres as well as on the per-file in-memory PGlite.
import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getSettings, PATCH as patchSettings } from "@/app/api/v1/settings/route";
import { POST as postStream } from "@/app/api/v1/streams/route";
import { DELETE as deleteStream } from "@/app/api/v1/streams/[id]/route";
import { GET as listGoals, POST as postGoal } from "@/app/api/v1/goals/route";
import { DELETE as deleteGoal } from "@/app/api/v1/goals/[id]/route";
import { GET as listRates, POST as postRates } from "@/app/api/v1/fx-rates/route";
import { POST as postTx } from "@/app/api/v1/transactions/route";
import { GET as getTx } from "@/app/api/v1/transactions/[id]/route";
import { listUnpricedUnder } from "@/lib/data/fx";
import { call, makeUser, type TestUser } from "../support/api";

type Result = Awaited<ReturnType<typeof call>>;
type Auth = { cookie: string } | { token: string } | null;

function expectProblem(r: Result, status: number) {
  expect(r.status, JSON.stringify(r.json)).toBe(status);
  expect(r.contentType).toBe("application/problem+json");
  expect(r.json).toMatchObject({ status, type: expect.stringMatching(/^urn:streamfolio:problem:/), title: expect.any(String) });
}
const errorPaths = (r: Result) => ((r.json.errors ?? []) as { path: string }[]).map((e) => e.path).sort();
const ISO = expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
const UUID = expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
const session = (u: TestUser) => ({ cookie: u.cookie });

const getS = (u: TestUser, auth: Auth = session(u)) => call(getSettings, "/api/v1/settings", { auth });
const patchS = (u: TestUser, body: unknown, auth: Auth = session(u)) =>
  call(patchSettings, "/api/v1/settings", { method: "PATCH", auth, body });
async function newStream(u: TestUser, name: string) {
  const r = await call(postStream, "/api/v1/streams", { method: "POST", auth: session(u), body: { name } });
  expect(r.status, JSON.stringify(r.json)).toBe(201);
  return r.json.id as string;
}
const postG = (u: TestUser, body: unknown, auth: Auth = session(u)) => call(postGoal, "/api/v1/goals", { method: "POST", auth, body });
const listG = (u: TestUser, auth: Auth = session(u)) => call(listGoals, "/api/v1/goals", { auth });
const deleteG = (u: TestUser, id: string, auth: Auth = session(u)) =>
  call(deleteGoal, `/api/v1/goals/${id}`, { method: "DELETE", auth, params: { id } });
const postR = (u: TestUser, body: unknown, auth: Auth = session(u)) => call(postRates, "/api/v1/fx-rates", { method: "POST", auth, body });
const postCsv = (u: TestUser, csv: string, auth: Auth = session(u)) =>
  call(postRates, "/api/v1/fx-rates", { method: "POST", auth, rawBody: csv, headers: { "content-type": "text/csv; charset=utf-8" } });
const listR = (u: TestUser, query?: Record<string, string>, auth: Auth = session(u)) =>
  call(listRates, "/api/v1/fx-rates", { auth, query });

/**
 * A rate string without insignificant zeros. The API answers the stored numeric(24, 12) as is
 * ("1.082500000000"), which is the same exact decimal as the "1.0825" that was sent; API.md only
 * promises "a decimal string", so the tests compare values, checking the digits are a plain decimal.
 */
function canon(rate: unknown): string {
  expect(typeof rate === "string" && /^\d+(\.\d+)?$/.test(rate), `plain decimal rate: ${String(rate)}`).toBe(true);
  const s = rate as string;
  return s.includes(".") ? s.replace(/0+$/, "").replace(/\.$/, "") : s;
}

/** The rates a user has, as "CUR date rate" lines (the listing's order). */
async function rateLines(u: TestUser, query?: Record<string, string>) {
  const r = await listR(u, query);
  expect(r.status, JSON.stringify(r.json)).toBe(200);
  expect(r.json.nextCursor).toBeNull();
  return (r.json.data as { currency: string; date: string; rate: string }[]).map((x) => `${x.currency} ${x.date} ${canon(x.rate)}`);
}

const DEFAULT_THRESHOLDS = {
  "stream-concentration": { pass: 0.5, warn: 0.7, direction: "max", isDefault: true },
  "client-concentration": { pass: 0.3, warn: 0.5, direction: "max", isDefault: true },
  "platform-concentration": { pass: 0.4, warn: 0.6, direction: "max", isDefault: true },
  "effective-streams": { pass: 3, warn: 2, direction: "min", isDefault: true },
  "income-volatility": { pass: 0.25, warn: 0.5, direction: "max", isDefault: true },
  "anchor-coverage": { pass: 1, warn: 0.5, direction: "min", isDefault: true },
  "largest-loss-coverage": { pass: 1, warn: 0.6, direction: "min", isDefault: true },
};

// ===================================================================================================
describe("settings", () => {
  it("GET answers the defaults: USD, UTC, no amounts, every rule threshold at its default", async () => {
    const u = await makeUser("Settings Default");
    const r = await getS(u);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({
      name: "Settings Default",
      email: u.email,
      baseCurrency: "USD",
      timeZone: "UTC",
      essentialMonthlyExpenses: null,
      essentialMonthlyExpensesMinor: null,
      cashBuffer: null,
      cashBufferMinor: null,
      updatedAt: ISO,
    });
    expect(r.json.thresholds).toEqual(DEFAULT_THRESHOLDS);
    expect(JSON.stringify(r.json)).not.toMatch(/password|hash/i);
    // a read token may read settings
    expect((await getS(u, { token: u.readToken })).status).toBe(200);
  });

  it("PATCH changes each field and answers the new settings, which GET then shows", async () => {
    const u = await makeUser("Patcher");
    let r = await patchS(u, { timeZone: "Europe/Berlin" });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(r.json).toMatchObject({ timeZone: "Europe/Berlin", baseCurrency: "USD" });

    r = await patchS(u, { essentialMonthlyExpenses: "2500.5" });
    expect(r.json).toMatchObject({ essentialMonthlyExpenses: "2500.50", essentialMonthlyExpensesMinor: 250_050 });

    r = await patchS(u, { cashBuffer: 10000 }, { token: u.writeToken });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ cashBuffer: "10000.00", cashBufferMinor: 1_000_000, essentialMonthlyExpensesMinor: 250_050 });

    r = await patchS(u, { thresholds: { "stream-concentration": { pass: 0.4, warn: 0.6 }, "effective-streams": { pass: 4, warn: 4 } } });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(r.json.thresholds).toEqual({
      ...DEFAULT_THRESHOLDS,
      "stream-concentration": { pass: 0.4, warn: 0.6, direction: "max", isDefault: false },
      "effective-streams": { pass: 4, warn: 4, direction: "min", isDefault: false }, // warn == pass is allowed
    });

    // thresholds replace the overrides as a whole
    r = await patchS(u, { thresholds: { "anchor-coverage": { pass: 1.5, warn: 1 } } });
    expect(r.json.thresholds).toEqual({
      ...DEFAULT_THRESHOLDS,
      "anchor-coverage": { pass: 1.5, warn: 1, direction: "min", isDefault: false },
    });

    r = await patchS(u, { baseCurrency: "eur" });
    expect(r.json).toMatchObject({ baseCurrency: "EUR", essentialMonthlyExpenses: "2500.50", cashBuffer: "10000.00" });

    r = await patchS(u, { essentialMonthlyExpenses: null });
    expect(r.json).toMatchObject({ essentialMonthlyExpenses: null, essentialMonthlyExpensesMinor: null, cashBufferMinor: 1_000_000 });

    const got = await getS(u);
    expect(got.json).toMatchObject({
      timeZone: "Europe/Berlin",
      baseCurrency: "EUR",
      essentialMonthlyExpenses: null,
      cashBuffer: "10000.00",
      cashBufferMinor: 1_000_000,
    });
    expect((got.json.thresholds as Record<string, { isDefault: boolean }>)["anchor-coverage"]?.isDefault).toBe(false);
  });

  it("thresholds: null resets every rule to its default", async () => {
    const u = await makeUser("Reset");
    await patchS(u, { thresholds: { "income-volatility": { pass: 0.3, warn: 0.6 }, "client-concentration": { pass: 0.2, warn: 0.4 } } });
    const r = await patchS(u, { thresholds: null });
    expect(r.status).toBe(200);
    expect(r.json.thresholds).toEqual(DEFAULT_THRESHOLDS);
    expect((await getS(u)).json.thresholds).toEqual(DEFAULT_THRESHOLDS);
  });

  it("amounts are checked against the base currency's decimals (JPY has none)", async () => {
    const u = await makeUser("Yen");
    expect((await patchS(u, { baseCurrency: "JPY" })).status).toBe(200);
    const bad = await patchS(u, { essentialMonthlyExpenses: "1000.5" });
    expectProblem(bad, 422);
    expect(errorPaths(bad)).toEqual(["essentialMonthlyExpenses"]);
    const good = await patchS(u, { essentialMonthlyExpenses: "150000", cashBuffer: "1000.00" }); // trailing zeros carry no value
    expect(good.json).toMatchObject({
      essentialMonthlyExpenses: "150000",
      essentialMonthlyExpensesMinor: 150_000,
      cashBuffer: "1000",
      cashBufferMinor: 1000,
    });
    // a new base and an amount in one PATCH: the amount is read in the new base
    const kwd = await patchS(u, { baseCurrency: "KWD", cashBuffer: "1.234" });
    expect(kwd.status, JSON.stringify(kwd.json)).toBe(200);
    expect(kwd.json).toMatchObject({ baseCurrency: "KWD", cashBuffer: "1.234", cashBufferMinor: 1234 });
  });

  it.each([
    ["an unknown currency", { baseCurrency: "XYZ" }, ["baseCurrency"]],
    ["a malformed currency", { baseCurrency: "US" }, ["baseCurrency"]],
    ["an unknown time zone", { timeZone: "Mars/Olympus_Mons" }, ["timeZone"]],
    ["an empty time zone", { timeZone: "" }, ["timeZone"]],
    ["a negative amount", { essentialMonthlyExpenses: "-1.00" }, ["essentialMonthlyExpenses"]],
    ["too many decimals for USD", { cashBuffer: "10.001" }, ["cashBuffer"]],
    ["a non-number amount", { cashBuffer: "lots" }, ["cashBuffer"]],
    [
      "warn below pass on a max rule",
      { thresholds: { "stream-concentration": { pass: 0.5, warn: 0.4 } } },
      ["thresholds.stream-concentration.warn"],
    ],
    ["warn above pass on a min rule", { thresholds: { "effective-streams": { pass: 3, warn: 4 } } }, ["thresholds.effective-streams.warn"]],
    [
      "two bad rules",
      { thresholds: { "anchor-coverage": { pass: 0.5, warn: 1 }, "income-volatility": { pass: 0.5, warn: 0.25 } } },
      ["thresholds.anchor-coverage.warn", "thresholds.income-volatility.warn"],
    ],
    [
      "a negative threshold",
      { thresholds: { "platform-concentration": { pass: -0.1, warn: 0.6 } } },
      ["thresholds.platform-concentration"],
    ],
    ["an unknown rule", { thresholds: { vibes: { pass: 1, warn: 1 } } }, ["thresholds"]],
    [
      "a threshold that is not a number",
      { thresholds: { "stream-concentration": { pass: "0.5", warn: 0.7 } } },
      ["thresholds.stream-concentration.pass"],
    ],
    ["an unknown field", { currency: "EUR" }, [""]],
  ])("PATCH refuses %s with 422 and the field's path, changing nothing", async (_label, body, paths) => {
    const u = await makeUser("Invalid");
    await patchS(u, { essentialMonthlyExpenses: "100.00" });
    const before = await getS(u);
    // a valid field next to the invalid one is not saved either
    const r = await patchS(u, { ...body, name: "Changed" });
    expectProblem(r, 422);
    expect(errorPaths(r)).toEqual(paths);
    expect((await getS(u)).json).toEqual(before.json);
  });

  it("PATCH refuses an empty body (422), a read token (403) and no credentials (401)", async () => {
    const u = await makeUser("Guarded");
    expectProblem(await patchS(u, {}), 422);
    expectProblem(await patchS(u, { timeZone: "Asia/Tokyo" }, { token: u.readToken }), 403);
    expectProblem(await patchS(u, { timeZone: "Asia/Tokyo" }, null), 401);
    expectProblem(await getS(u, null), 401);
    expect((await getS(u)).json).toMatchObject({ timeZone: "UTC" });
  });

  it("a new base currency keeps every stored amount's value in step: goals move like the other settings amounts", async () => {
    // PATCH keeps essentialMonthlyExpenses and cashBuffer at their decimal value when the exponent changes
    // (lib/data/settings.ts rescale: 3000.00 USD → 3000 JPY). Goals are base-currency amounts too (METRICS.md
    // "Goals"), so a 5000.00 target must read 5000, not 500000, after the same switch.
    const u = await makeUser("Rebased");
    await patchS(u, { essentialMonthlyExpenses: "3000.00" });
    expect((await postG(u, { amount: "5000.00", effectiveFrom: "2024-01" })).status).toBe(201);
    const r = await patchS(u, { baseCurrency: "JPY" });
    expect(r.json).toMatchObject({ baseCurrency: "JPY", essentialMonthlyExpenses: "3000", essentialMonthlyExpensesMinor: 3000 });
    const goals = (await listG(u)).json.data as { amount: string; amountMinor: number; currency: string }[];
    expect(goals).toEqual([expect.objectContaining({ amount: "5000", amountMinor: 5000, currency: "JPY" })]);
  });
});

// ===================================================================================================
describe("goals", () => {
  let alice: TestUser;
  let bob: TestUser;
  let aliceStream: string;
  let bobStream: string;

  beforeAll(async () => {
    alice = await makeUser("Goal Alice");
    bob = await makeUser("Goal Bob");
    aliceStream = await newStream(alice, "Newsletter");
    bobStream = await newStream(bob, "Bob's Stream");
  });

  it("POST a portfolio goal (streamId null) → 201 with the target in the base currency", async () => {
    const r = await postG(alice, { streamId: null, amount: "5000.00", effectiveFrom: "2024-01" });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    expect(r.json).toEqual({
      id: UUID,
      streamId: null,
      amount: "5000.00",
      amountMinor: 500_000,
      currency: "USD",
      effectiveFrom: "2024-01",
      createdAt: ISO,
      updatedAt: ISO,
    });
  });

  it("POST the same owner and month again → 200, the same goal with the new target (a step function)", async () => {
    const first = await postG(alice, { amount: "100.00", effectiveFrom: "2024-06" }); // streamId omitted: the portfolio
    expect(first.status).toBe(201);
    expect(first.json.streamId).toBeNull();
    const again = await postG(alice, { streamId: null, amount: 250.5, effectiveFrom: "2024-06" });
    expect(again.status, JSON.stringify(again.json)).toBe(200);
    expect(again.json).toMatchObject({ id: first.json.id, amount: "250.50", amountMinor: 25_050, effectiveFrom: "2024-06" });
    const june = ((await listG(alice)).json.data as { streamId: string | null; effectiveFrom: string; amountMinor: number }[]).filter(
      (g) => g.streamId === null && g.effectiveFrom === "2024-06",
    );
    expect(june).toEqual([expect.objectContaining({ amountMinor: 25_050 })]);
  });

  it("POST a stream goal → 201; a stream and the portfolio may both have a step in the same month", async () => {
    const r = await postG(alice, { streamId: aliceStream, amount: "800", effectiveFrom: "2024-01" }, { token: alice.writeToken });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    expect(r.json).toMatchObject({ streamId: aliceStream, amount: "800.00", amountMinor: 80_000, effectiveFrom: "2024-01" });
    const again = await postG(alice, { streamId: aliceStream, amount: "900", effectiveFrom: "2024-01" });
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ id: r.json.id, amountMinor: 90_000 });
  });

  it("a target of 0 is accepted (it ends the goal from that month on)", async () => {
    const r = await postG(alice, { streamId: aliceStream, amount: "0", effectiveFrom: "2025-01" });
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ amount: "0.00", amountMinor: 0 });
  });

  it("GET lists only the caller's goals: the portfolio first, then by month", async () => {
    const r = await listG(alice, { token: alice.readToken });
    expect(r.status).toBe(200);
    expect(r.json.nextCursor).toBeNull();
    const data = r.json.data as { streamId: string | null; effectiveFrom: string; amountMinor: number }[];
    expect(data.map((g) => [g.streamId, g.effectiveFrom, g.amountMinor])).toEqual([
      [null, "2024-01", 500_000],
      [null, "2024-06", 25_050],
      [aliceStream, "2024-01", 90_000],
      [aliceStream, "2025-01", 0],
    ]);
    expect((await listG(bob)).json.data).toEqual([]);
  });

  it("refuses another user's streamId and a malformed one with 422 on streamId, saving nothing", async () => {
    const foreign = await postG(alice, { streamId: bobStream, amount: "10.00", effectiveFrom: "2024-02" });
    expectProblem(foreign, 422);
    expect(errorPaths(foreign)).toEqual(["streamId"]);
    const malformed = await postG(alice, { streamId: "not-a-uuid", amount: "10.00", effectiveFrom: "2024-02" });
    expectProblem(malformed, 422);
    expect(errorPaths(malformed)).toEqual(["streamId"]);
    const unknown = await postG(alice, { streamId: crypto.randomUUID(), amount: "10.00", effectiveFrom: "2024-02" });
    expect(errorPaths(unknown)).toEqual(["streamId"]);
    expect(((await listG(alice)).json.data as { effectiveFrom: string }[]).some((g) => g.effectiveFrom === "2024-02")).toBe(false);
    expect((await listG(bob)).json.data).toEqual([]);
  });

  it.each([
    ["a negative amount", { amount: "-1.00", effectiveFrom: "2024-03" }, ["amount"]],
    ["too many decimals", { amount: "10.001", effectiveFrom: "2024-03" }, ["amount"]],
    ["a non-number amount", { amount: "ten", effectiveFrom: "2024-03" }, ["amount"]],
    ["no amount", { effectiveFrom: "2024-03" }, ["amount"]],
    ["a boolean amount", { amount: true, effectiveFrom: "2024-03" }, ["amount"]],
    ["month 13", { amount: "10", effectiveFrom: "2024-13" }, ["effectiveFrom"]],
    ["a date instead of a month", { amount: "10", effectiveFrom: "2024-03-01" }, ["effectiveFrom"]],
    ["no month", { amount: "10" }, ["effectiveFrom"]],
  ])("refuses %s with 422", async (_label, body, paths) => {
    const r = await postG(alice, body);
    expectProblem(r, 422);
    expect(errorPaths(r)).toEqual(paths);
  });

  it("DELETE answers the goal, then it is gone; deleting it again is 404", async () => {
    const created = await postG(alice, { amount: "42.00", effectiveFrom: "2023-07" });
    expect(created.status).toBe(201);
    const id = created.json.id as string;
    const r = await deleteG(alice, id);
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(r.json).toMatchObject({ id, amount: "42.00", effectiveFrom: "2023-07" });
    expect(((await listG(alice)).json.data as { id: string }[]).map((g) => g.id)).not.toContain(id);
    expectProblem(await deleteG(alice, id), 404);
  });

  it("DELETE of another user's goal is 404 and leaves it; a malformed or unknown id is 404", async () => {
    const created = await postG(alice, { amount: "43.00", effectiveFrom: "2023-08" });
    const id = created.json.id as string;
    expectProblem(await deleteG(bob, id), 404);
    expect(((await listG(alice)).json.data as { id: string }[]).map((g) => g.id)).toContain(id);
    expectProblem(await deleteG(alice, "not-a-uuid"), 404);
    expectProblem(await deleteG(alice, crypto.randomUUID()), 404);
  });

  it("a read token cannot POST or DELETE (403); no credentials is 401", async () => {
    expectProblem(await postG(alice, { amount: "1.00", effectiveFrom: "2024-04" }, { token: alice.readToken }), 403);
    const created = await postG(alice, { amount: "44.00", effectiveFrom: "2023-09" });
    expectProblem(await deleteG(alice, created.json.id as string, { token: alice.readToken }), 403);
    expectProblem(await listG(alice, null), 401);
    expectProblem(await postG(alice, { amount: "1.00", effectiveFrom: "2024-04" }, null), 401);
  });

  it("a stream's goals go with the stream when it is deleted", async () => {
    const u = await makeUser("Goal Cascade");
    const s = await newStream(u, "Short-lived");
    expect((await postG(u, { streamId: s, amount: "1.00", effectiveFrom: "2024-01" })).status).toBe(201);
    const del = await call(deleteStream, "/x", { method: "DELETE", auth: session(u), params: { id: s } });
    expect(del.status).toBe(204);
    expect((await listG(u)).json.data).toEqual([]);
  });
});

// ===================================================================================================
describe("FX rates", () => {
  it("POST one rate → 201, the rate in canonical form, quoted in the base currency", async () => {
    const u = await makeUser("FX One");
    const r = await postR(u, { currency: "eur", date: "2024-03-01", rate: "01.082500" });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    expect(r.json).toEqual({
      id: UUID,
      baseCurrency: "USD",
      currency: "EUR",
      date: "2024-03-01",
      rate: expect.any(String),
      source: "manual",
      createdAt: ISO,
      updatedAt: ISO,
    });
    expect(canon(r.json.rate)).toBe("1.0825");
    const n = await postR(u, { currency: "GBP", date: "2024-03-01", rate: 1.27 }); // a JSON number is read as its decimal
    expect(n.status).toBe(201);
    expect(canon(n.json.rate)).toBe("1.27");
    expect(await rateLines(u)).toEqual(["EUR 2024-03-01 1.0825", "GBP 2024-03-01 1.27"]);
  });

  it("POST an array → 201 { inserted, data }", async () => {
    const u = await makeUser("FX Array");
    const r = await postR(u, [
      { currency: "JPY", date: "2024-01-01", rate: "0.0067" },
      { currency: "JPY", date: "2024-02-01", rate: "0.000000000001" }, // 12 decimals: the most a rate may have
      { currency: "KWD", date: "2024-01-01", rate: "3.25" },
    ]);
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    expect(r.json.inserted).toBe(3);
    expect((r.json.data as { currency: string; rate: string }[]).map((x) => `${x.currency} ${canon(x.rate)}`)).toEqual([
      "JPY 0.0067",
      "JPY 0.000000000001",
      "KWD 3.25",
    ]);
    expect(await rateLines(u)).toEqual(["JPY 2024-01-01 0.0067", "JPY 2024-02-01 0.000000000001", "KWD 2024-01-01 3.25"]);
    expect(await rateLines(u, { currency: "kwd" })).toEqual(["KWD 2024-01-01 3.25"]);
  });

  it("POST a CSV (text/csv, header currency,date,rate, with a BOM and CRLF) → 201", async () => {
    const u = await makeUser("FX CSV");
    const csv = "\uFEFFcurrency,date,rate\r\nEUR,2024-01-01,1.10\r\ngbp,2024-01-01,1.25\r\n\r\n";
    const r = await postCsv(u, csv);
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    expect(r.json.inserted).toBe(2);
    expect(await rateLines(u)).toEqual(["EUR 2024-01-01 1.1", "GBP 2024-01-01 1.25"]);
  });

  it("a CSV with one bad row saves nothing and names every bad row (the header is row 1)", async () => {
    const u = await makeUser("FX CSV Bad");
    const csv = "currency,date,rate\nEUR,2024-01-01,1.10\nEUR,2024-02-30,1.2\nCHF,2024-01-01,abc\nUSD,2024-01-01,1\n";
    const r = await postCsv(u, csv);
    expectProblem(r, 422);
    expect(errorPaths(r)).toEqual(["row 3.date", "row 4.rate", "row 5.currency"]);
    expect(await rateLines(u)).toEqual([]);
  });

  it("an array with bad items saves nothing and names every bad item", async () => {
    const u = await makeUser("FX Array Bad");
    const r = await postR(u, [
      { currency: "EUR", date: "2024-01-01", rate: "1.1" },
      { currency: "EUR", date: "2024-01-02", rate: "0" },
      { currency: "XYZ", date: "2024-01-03", rate: "1" },
      { currency: "EUR", date: "2024-01-04", rate: "-1.1" },
      { currency: "EUR", date: "24-01-05", rate: "1.1" },
      { currency: "EUR", date: "2024-01-06" },
      { currency: "EUR", date: "1969-12-31", rate: "1.1" },
      { currency: "EUR", date: `${new Date().getUTCFullYear() + 2}-01-01`, rate: "1.1" },
    ]);
    expectProblem(r, 422);
    expect(errorPaths(r)).toEqual(["1.rate", "2.currency", "3.rate", "4.date", "5.rate", "6.date", "7.date"]);
    expect(await rateLines(u)).toEqual([]);
  });

  it("refuses a rate for the base currency itself", async () => {
    const u = await makeUser("FX Base");
    const one = await postR(u, { currency: "USD", date: "2024-01-01", rate: "1" });
    expectProblem(one, 422);
    expect(errorPaths(one)).toEqual(["currency"]);
    const inArray = await postR(u, [
      { currency: "EUR", date: "2024-01-01", rate: "1.1" },
      { currency: "usd", date: "2024-01-01", rate: "1" },
    ]);
    expectProblem(inArray, 422);
    expect(errorPaths(inArray)).toEqual(["1.currency"]);
    // after a base change the old base becomes a currency like any other, and the new base is refused
    await patchS(u, { baseCurrency: "EUR" });
    expect((await postR(u, { currency: "USD", date: "2024-01-01", rate: "0.9" })).status).toBe(201);
    expect(errorPaths(await postR(u, { currency: "EUR", date: "2024-01-01", rate: "1" }))).toEqual(["currency"]);
  });

  it.each([
    ["zero", "0"],
    ["zero with decimals", "0.000"],
    ["a JSON zero", 0],
    ["negative", "-1.25"],
    ["a negative JSON number", -2],
    ["garbage", "abc"],
    ["a thousands separator", "1,000.5"],
    ["an exponent", "1e3"],
    ["13 decimals", "0.0000000000001"],
    ["13 integer digits", "1000000000000"],
    ["empty", ""],
    ["null", null],
  ])("refuses a %s rate with 422 on rate", async (_label, rate) => {
    const u = await makeUser("FX Bad Rate");
    const r = await postR(u, { currency: "EUR", date: "2024-01-01", rate });
    expectProblem(r, 422);
    expect(errorPaths(r)).toEqual(["rate"]);
    expect(await rateLines(u)).toEqual([]);
  });

  it("refuses an empty list, an empty CSV and malformed JSON", async () => {
    const u = await makeUser("FX Empty");
    expectProblem(await postR(u, []), 422);
    expectProblem(await postCsv(u, "currency,date,rate\n"), 422);
    expectProblem(
      await call(postRates, "/api/v1/fx-rates", {
        method: "POST",
        auth: session(u),
        rawBody: "{nope",
        headers: { "content-type": "application/json" },
      }),
      400,
    );
  });

  it("re-posting a currency and date replaces its rate and re-prices the transactions it covers", async () => {
    const u = await makeUser("FX Replace");
    const s = await newStream(u, "Shop");
    const first = await postR(u, { currency: "EUR", date: "2024-01-01", rate: "1.10" });
    const t = await call(postTx, "/api/v1/transactions", {
      method: "POST",
      auth: session(u),
      body: { streamId: s, occurredOn: "2024-01-10", amount: "100.00", currency: "EUR" },
    });
    expect(t.json.baseAmountMinor).toBe(11_000); // 10000 × 1.10
    const again = await postR(u, { currency: "EUR", date: "2024-01-01", rate: "1.2" });
    expect([200, 201]).toContain(again.status);
    expect(again.json).toMatchObject({ id: first.json.id });
    expect(canon(again.json.rate)).toBe("1.2");
    expect(await rateLines(u)).toEqual(["EUR 2024-01-01 1.2"]);
    const id = t.json.id as string;
    const after = await call(getTx, `/api/v1/transactions/${id}`, { auth: session(u), params: { id } });
    expect(after.json.baseAmountMinor).toBe(12_000); // 10000 × 1.2
  });

  it("the same currency and date twice in one request is a client error (or one of them wins), never a 500", async () => {
    const u = await makeUser("FX Twice");
    const r = await postR(u, [
      { currency: "EUR", date: "2024-01-01", rate: "1.1" },
      { currency: "EUR", date: "2024-01-01", rate: "1.2" },
    ]);
    expect(r.status, JSON.stringify(r.json)).not.toBe(500);
    if (r.status === 422) {
      expect(errorPaths(r)).toEqual(["1.date"]);
      expect(await rateLines(u)).toEqual([]);
    } else {
      expect(r.status).toBe(201);
      expect(await rateLines(u)).toHaveLength(1);
    }
    const csv = await postCsv(u, "currency,date,rate\nGBP,2024-01-01,1.25\nGBP,2024-01-01,1.3\n");
    expect(csv.status, JSON.stringify(csv.json)).not.toBe(500);
  });

  it("GET lists only the caller's rates, quoted in the current base", async () => {
    const alice = await makeUser("FX Alice");
    const bob = await makeUser("FX Bob");
    await postR(alice, [
      { currency: "EUR", date: "2024-01-01", rate: "1.1" },
      { currency: "CHF", date: "2023-12-31", rate: "1.15" },
    ]);
    await postR(bob, { currency: "EUR", date: "2024-01-01", rate: "1.3" });
    expect(await rateLines(alice)).toEqual(["CHF 2023-12-31 1.15", "EUR 2024-01-01 1.1"]);
    expect(await rateLines(bob)).toEqual(["EUR 2024-01-01 1.3"]);
    const viaToken = await listR(alice, undefined, { token: alice.readToken });
    expect(viaToken.status).toBe(200);
    expect((viaToken.json.data as unknown[]).length).toBe(2);
    // Rates quoted in USD do not price anything under a EUR base, so they are not listed under it.
    await patchS(alice, { baseCurrency: "EUR" });
    expect(await rateLines(alice)).toEqual([]);
    await postR(alice, { currency: "USD", date: "2024-01-01", rate: "0.91" });
    expect(await rateLines(alice)).toEqual(["USD 2024-01-01 0.91"]);
    await patchS(alice, { baseCurrency: "USD" });
    expect(await rateLines(alice)).toEqual(["CHF 2023-12-31 1.15", "EUR 2024-01-01 1.1"]);
  });

  it("under a new base, a currency without a rate quoted in it is priced by inverting the rates for the base quoted in it, until it gets one", async () => {
    const u = await makeUser("FX Inverse");
    const s = await newStream(u, "Shop");
    await postR(u, [
      { currency: "EUR", date: "2024-01-01", rate: "1.25" },
      { currency: "EUR", date: "2024-03-01", rate: "1.6" },
    ]);
    const postT = (body: Record<string, unknown>) =>
      call(postTx, "/api/v1/transactions", { method: "POST", auth: session(u), body: { streamId: s, ...body } });
    const feb = (await postT({ occurredOn: "2024-02-10", amount: "100.00", currency: "USD" })).json.id as string;
    const old = (await postT({ occurredOn: "2023-06-01", amount: "-0.05", currency: "USD" })).json.id as string;
    const gbp = (await postT({ occurredOn: "2024-02-10", amount: "10.00", currency: "GBP" })).json.id as string;
    const baseOf = async (id: string) =>
      (await call(getTx, `/api/v1/transactions/${id}`, { auth: session(u), params: { id } })).json.baseAmountMinor as number | null;

    // What the settings dialog shows before the switch: only GBP would have no rate under EUR.
    expect(await listUnpricedUnder(u.id, "EUR")).toEqual([{ currency: "GBP", count: 1 }]);
    expect(await listUnpricedUnder(u.id, "JPY")).toEqual([
      { currency: "GBP", count: 1 },
      { currency: "USD", count: 2 },
    ]);

    await patchS(u, { baseCurrency: "EUR" }); // re-priced in SQL
    expect(await baseOf(feb)).toBe(8000); // 10000 / 1.25 (the rate in force on 2024-02-10)
    expect(await baseOf(old)).toBe(-4); // -5 / 1.25 (the earliest after) = -4
    expect(await baseOf(gbp)).toBeNull();
    // Priced in TypeScript on insert: the same figures. 1 / 1.6 = 0.625 → 1; -3 / 1.6 = -1.875 → -2
    expect((await postT({ occurredOn: "2024-02-10", amount: "100.00", currency: "USD" })).json.baseAmountMinor).toBe(8000);
    expect((await postT({ occurredOn: "2024-04-01", amount: "0.01", currency: "USD" })).json.baseAmountMinor).toBe(1);
    expect((await postT({ occurredOn: "2024-04-01", amount: "-0.03", currency: "USD" })).json.baseAmountMinor).toBe(-2);

    // One USD rate quoted in EUR, dated after every row, replaces the inverse for all of them.
    await postR(u, { currency: "USD", date: "2025-01-01", rate: "0.9" });
    expect(await baseOf(feb)).toBe(9000); // 10000 × 0.9
    expect(await baseOf(old)).toBe(-4); // -5 × 0.9 = -4.5 → -4 (half to even)
    expect(await listUnpricedUnder(u.id, "USD")).toEqual([{ currency: "GBP", count: 1 }]);
    // Back under USD the EUR rates price nothing in USD (it is the base) and GBP still has none.
    await patchS(u, { baseCurrency: "USD" });
    expect(await baseOf(feb)).toBe(10_000);
    expect(await baseOf(old)).toBe(-5);
    expect(await baseOf(gbp)).toBeNull();
  });

  it("counts what a new base would leave out only among the caller's own transactions and rates", async () => {
    const alice = await makeUser("FX Count Alice");
    const bob = await makeUser("FX Count Bob");
    await call(postTx, "/api/v1/transactions", {
      method: "POST",
      auth: session(alice),
      body: { streamId: await newStream(alice, "A"), occurredOn: "2024-01-01", amount: "1.00", currency: "CHF" },
    });
    await postR(bob, { currency: "CHF", date: "2024-01-01", rate: "1.1" });
    // Bob's CHF rate quoted in USD prices nothing of Alice's.
    expect(await listUnpricedUnder(alice.id, "USD")).toEqual([{ currency: "CHF", count: 1 }]);
    expect(await listUnpricedUnder(bob.id, "EUR")).toEqual([]);
    expect(await listUnpricedUnder(alice.id, "CHF")).toEqual([]);
  });

  it("a read token cannot POST (403); no credentials is 401", async () => {
    const u = await makeUser("FX Guard");
    expectProblem(await postR(u, { currency: "EUR", date: "2024-01-01", rate: "1.1" }, { token: u.readToken }), 403);
    expectProblem(await postCsv(u, "currency,date,rate\nEUR,2024-01-01,1.1\n", { token: u.readToken }), 403);
    expectProblem(await postR(u, { currency: "EUR", date: "2024-01-01", rate: "1.1" }, null), 401);
    expectProblem(await listR(u, undefined, null), 401);
    expect(await rateLines(u)).toEqual([]);
    expect((await postR(u, { currency: "EUR", date: "2024-01-01", rate: "1.1" }, { token: u.writeToken })).status).toBe(201);
  });
});
