// GET /api/v1/metrics against the real route handlers and database. A small, KNOWN portfolio is loaded
// entirely through the HTTP API (streams, a transaction batch, FX rates, time entries, goals, settings),
// and the WHOLE response is compared with a fixture whose every number was worked out by hand from
// METRICS.md (the arithmetic is in the comments). Floats are compared to 10 significant decimals through a
// small recursive comparer; integer sums exactly. Nothing here calls lib/metrics.
import { beforeAll, describe, expect, it } from "vitest";
import { PATCH as patchSettings } from "@/app/api/v1/settings/route";
import { POST as postStream } from "@/app/api/v1/streams/route";
import { PATCH as patchStream } from "@/app/api/v1/streams/[id]/route";
import { POST as postTx } from "@/app/api/v1/transactions/route";
import { DELETE as deleteTx, PATCH as patchTx } from "@/app/api/v1/transactions/[id]/route";
import { POST as postTime } from "@/app/api/v1/time-entries/route";
import { POST as postGoal } from "@/app/api/v1/goals/route";
import { POST as postRates } from "@/app/api/v1/fx-rates/route";
import { GET as getMetrics } from "@/app/api/v1/metrics/route";
import { call, makeUser, type TestUser } from "../support/api";

type Result = Awaited<ReturnType<typeof call>>;
type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Auth = { cookie: string } | { token: string };

function expectProblem(r: Result, status: number) {
  expect(r.status, JSON.stringify(r.json)).toBe(status);
  expect(r.contentType).toBe("application/problem+json");
  expect(r.json).toMatchObject({ status, type: expect.stringMatching(/^urn:streamfolio:problem:/), title: expect.any(String) });
}
const errorPaths = (r: Result) => ((r.json.errors ?? []) as { path: string }[]).map((e) => e.path).sort();

// ---------------------------------------------------------------------------------------------------
// The comparer: every key of the fixture present (the whole contract of METRICS.md plus the additions
// lib/metrics/README.md documents: totals.hourlyRate, goals.months[].projected, rules[].direction);
// further keys are tolerated because METRICS.md says "More fields may be added". Arrays have exactly the
// expected length and order; strings, booleans and nulls are identical; integer money/count fields are
// exact (and integers); every other number equals to 10 decimals on a relative scale:
// toBeCloseTo(expected / s, 10) with s = max(1, |expected|), since an absolute 5e-11 is below one ulp
// of a float of the size of 1e5 (a stdev in minor units).
// ---------------------------------------------------------------------------------------------------
const INTEGER_KEYS = new Set(["income", "expenses", "net", "target", "actual", "count", "resilienceScore", "essentialMonthlyExpenses"]);

function compare(actual: unknown, expected: Json, path = "$"): void {
  if (expected === null || typeof expected === "string" || typeof expected === "boolean") {
    expect(actual, path).toBe(expected);
    return;
  }
  if (typeof expected === "number") {
    expect(typeof actual, `${path} is a number`).toBe("number");
    const key = path.slice(path.lastIndexOf(".") + 1);
    if (INTEGER_KEYS.has(key) || (key === "months" && path === "$.window.months")) {
      expect(Number.isInteger(actual), `${path} is an integer`).toBe(true);
      expect(actual, path).toBe(expected);
    } else {
      const s = Math.max(1, Math.abs(expected));
      expect((actual as number) / s, `${path}: ${String(actual)} vs ${expected}`).toBeCloseTo(expected / s, 10);
    }
    return;
  }
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual), `${path} is an array`).toBe(true);
    const list = actual as unknown[];
    expect(list.length, `${path}.length`).toBe(expected.length);
    expected.forEach((e, i) => compare(list[i], e, `${path}[${i}]`));
    return;
  }
  expect(actual !== null && typeof actual === "object" && !Array.isArray(actual), `${path} is an object`).toBe(true);
  const obj = actual as Record<string, unknown>;
  expect(Object.keys(obj), `${path} keys`).toEqual(expect.arrayContaining(Object.keys(expected)));
  for (const [k, e] of Object.entries(expected)) compare(obj[k], e, `${path}.${k}`);
}

// ---------------------------------------------------------------------------------------------------
// API helpers
// ---------------------------------------------------------------------------------------------------
async function ok(r: Promise<Result>, status: number): Promise<Record<string, unknown>> {
  const res = await r;
  expect(res.status, JSON.stringify(res.json)).toBe(status);
  return res.json;
}
const settings = (u: TestUser, body: unknown) =>
  call(patchSettings, "/api/v1/settings", { method: "PATCH", auth: { cookie: u.cookie }, body });
const stream = async (u: TestUser, body: Record<string, unknown>) =>
  (await ok(call(postStream, "/api/v1/streams", { method: "POST", auth: { cookie: u.cookie }, body }), 201)).id as string;
const transactions = (u: TestUser, body: unknown) =>
  call(postTx, "/api/v1/transactions", { method: "POST", auth: { token: u.writeToken }, body });
const rates = (u: TestUser, body: unknown) => call(postRates, "/api/v1/fx-rates", { method: "POST", auth: { cookie: u.cookie }, body });
const timeEntry = (u: TestUser, body: unknown) =>
  ok(call(postTime, "/api/v1/time-entries", { method: "POST", auth: { cookie: u.cookie }, body }), 201);
const goal = (u: TestUser, body: unknown) => call(postGoal, "/api/v1/goals", { method: "POST", auth: { cookie: u.cookie }, body });
const metrics = (u: TestUser | null, query?: Record<string, string>, auth?: Auth) =>
  call(getMetrics, "/api/v1/metrics", { auth: auth ?? (u ? { cookie: u.cookie } : null), query });
async function metricsOk(u: TestUser, query?: Record<string, string>, auth?: Auth) {
  const r = await metrics(u, query, auth);
  expect(r.status, JSON.stringify(r.json)).toBe(200);
  expect(r.contentType).toContain("application/json");
  return r.json as Record<string, unknown> & Record<string, Json>;
}

// ---------------------------------------------------------------------------------------------------
// The known portfolio. Base USD; window 2023-12 .. 2024-05 (n = 6), entirely in the past, so no month
// of the window contains "today": every `projected` is null and every goal month is settled.
//
// Streams (A..D listed, E archived without data in the window, so not listed):
//   A Consulting  freelance  anchor       platform none
//   B YouTube     content    growth       platform "YouTube"
//   C Templates   product    growth       platform "Gumroad"
//   D Crypto      other      speculative  platform none
//   E Old Blog    affiliate  growth       platform "Amazon", archived
//
// FX: EUR rates (USD per EUR) 2024-05-01 1.08 (posted before the batch) and 2024-05-25 1.10 (posted
// after it, so the batch gets re-priced). No JPY rate at all.
//
// Transactions (minor units = cents; base amount after conversion):
//   a1 A 2023-11-30 income  999.00                     outside the window (before)
//   a2 A 2024-01-10 income 3000.00  cp "acme"          300000
//   a3 A 2024-02-12 income 3000.00  cp " Acme "        300000
//   a4 A 2024-02-20 income -500.00  cp "Acme"  refund  -50000
//   a5 A 2024-03-18 income 1000.00  cp "Globex"        100000
//   a6 A 2024-03-10 expense 250.00  cp "Adobe"          25000 (an expense: never a client)
//   a7 A 2024-04-05 income 2000.00  cp "Globex", platform "Upwork" (the stream has none)   200000
//   a8 A 2024-05-20 income 3000.00  cp "ACME"          300000
//   a9 A 2024-06-01 income  888.00                     outside the window (after)
//   b1 B 2024-01-31 income  400.00                      40000 (platform YouTube from the stream)
//   b2 B 2024-02-29 income  600.00  cp "Google"         60000
//   b3 B 2024-03-31 income  150.00                      15000
//   b4 B 2024-04-15 income  500.00  platform "Patreon" (overrides the stream's YouTube)   50000
//   b5 B 2024-05-28 income EUR 123.35: latest rate on or before the date is 1.10 (2024-05-25):
//        12335 × 1.10 = 13568.5 → half-even → 13568 (half-up would give 13569)
//   c1 C 2024-01-20 income EUR 100.00: no rate on or before; the earliest after is 1.08 (2024-05-01),
//        not 1.10: 10000 × 1.08 = 10800
//   c2 C 2024-02-05 income  200.00                      20000
//   c3 C 2024-02-06 expense  50.00  cp "Gumroad Inc"     5000
//   c4 C 2024-03-08 income  -30.00  refund, C's only March income     -3000
//   c5 C 2024-04-22 income  300.00  cp "google"          30000
//   c6 C 2024-05-03 income  200.00  platform " gumroad " (same key as the stream's "Gumroad")   20000
//   d1 D 2023-12-15 expense 100.00                      10000
//   d2 D 2024-03-15 income JPY 15000 cp "Binance": no JPY rate → in no figure; one warning
//   e1 E 2023-06-01 income  100.00                      outside the window
//
// Series I_s(m) over [2023-12, 2024-01, 2024-02, 2024-03, 2024-04, 2024-05]:
//   A = [0, 300000, 300000-50000=250000, 100000, 200000, 300000]       I_A = 1,150,000   X_A = 25,000 (Mar)
//   B = [0, 40000, 60000, 15000, 50000, 13568]                         I_B =   178,568   X_B = 0
//   C = [0, 10800, 20000, -3000, 30000, 20000]                         I_C =    77,800   X_C = 5,000 (Feb)
//   D = [0, 0, 0, 0, 0, 0]                                             I_D =         0   X_D = 10,000 (Dec)
//   T = [0, 350800, 330000, 112000, 280000, 333568]                    T   = 1,406,368 = I_A+I_B+I_C ✓
//   expenses by month = [10000, 0, 5000, 25000, 0, 0] = 40,000; net = 1,406,368 − 40,000 = 1,366,368
// T+ = 1,406,368 (A, B, C have I_s > 0; D does not take part).
//
// Time: A 480 min (2024-01-10) + hours "4" = 240 min (2024-04-05) = 720 min = 12 h (60 min on 2024-06-02
// is outside); B hours "1.5" = 90 min + 90 min = 180 min = 3 h; C none; D 30 min = 0.5 h. Total 930 min = 15.5 h.
//
// Goals: portfolio 3500.00 from 2024-02 and 3000.00 from 2024-04; B 500.00 from 2023-06; E (not listed)
// 10.00 from 2023-01 → ignored.
// Settings: essentialMonthlyExpenses 2000.00 (E* = 200000), cashBuffer 6000.00 (B = 600000),
// thresholds: income-volatility pass 0.7 / warn 0.9 (the others default).
// ---------------------------------------------------------------------------------------------------
interface Ids {
  A: string;
  B: string;
  C: string;
  D: string;
  E: string;
}

const TP = 1_406_368; // T+ = T
const N = 6;
// Sums of squares, scaled by n so they stay integers: nSS(x) = n·Σx² − (Σx)²; stdev = sqrt(nSS / (n(n−1))) = sqrt(nSS / 30).
// T: Σx² = 350800² + 330000² + 112000² + 280000² + 333568²
//        = 123,060,640,000 + 108,900,000,000 + 12,544,000,000 + 78,400,000,000 + 111,267,610,624 = 434,172,250,624
//    nSS = 6 × 434,172,250,624 − 1,406,368² = 2,605,033,503,744 − 1,977,870,951,424 = 627,162,552,320
const NSS_T = 627_162_552_320;
// A: Σx² = 9e10 + 6.25e10 + 1e10 + 4e10 + 9e10 = 292,500,000,000; nSS = 1,755,000,000,000 − 1,322,500,000,000 = 432,500,000,000
const NSS_A = 432_500_000_000;
// B: Σx² = 1.6e9 + 3.6e9 + 2.25e8 + 2.5e9 + 13568² (184,090,624) = 8,109,090,624
//    nSS = 48,654,543,744 − 178,568² (31,886,530,624) = 16,768,013,120
const NSS_B = 16_768_013_120;
// C: Σx² = 116,640,000 + 4e8 + 9e6 + 9e8 + 4e8 = 1,825,640,000; nSS = 10,953,840,000 − 77,800² (6,052,840,000) = 4,901,000,000
const NSS_C = 4_901_000_000;
const SD_T = Math.sqrt(NSS_T / 30);
const SD_A = Math.sqrt(NSS_A / 30);
const SD_B = Math.sqrt(NSS_B / 30);
const SD_C = Math.sqrt(NSS_C / 30);
// Pearson r = (n·Σxy − ΣxΣy) / sqrt(nSS(x) · nSS(y)), the same n-scaling:
// A·B: Σxy = 300000·40000 + 250000·60000 + 100000·15000 + 200000·50000 + 300000·13568
//          = 1.2e10 + 1.5e10 + 1.5e9 + 1e10 + 4,070,400,000 = 42,570,400,000
//      n·Σxy − ΣAΣB = 255,422,400,000 − 1,150,000 × 178,568 (205,353,200,000) = 50,069,200,000
const R_AB = 50_069_200_000 / Math.sqrt(NSS_A * NSS_B);
// A·C: Σxy = 300000·10800 + 250000·20000 + 100000·(−3000) + 200000·30000 + 300000·20000
//          = 3.24e9 + 5e9 − 3e8 + 6e9 + 6e9 = 19,940,000,000; 119,640,000,000 − 1,150,000 × 77,800 (89,470,000,000) = 30,170,000,000
const R_AC = 30_170_000_000 / Math.sqrt(NSS_A * NSS_C);
// B·C: Σxy = 40000·10800 + 60000·20000 + 15000·(−3000) + 50000·30000 + 13568·20000
//          = 432,000,000 + 1.2e9 − 45,000,000 + 1.5e9 + 271,360,000 = 3,358,360,000
//      20,150,160,000 − 178,568 × 77,800 (13,892,590,400) = 6,257,569,600
const R_BC = 6_257_569_600 / Math.sqrt(NSS_B * NSS_C);

function headlineExpected(ids: Ids): Json {
  const { A, B, C, D } = ids;
  const months = ["2023-12", "2024-01", "2024-02", "2024-03", "2024-04", "2024-05"];
  const series = (income: number[], expenses: number[]) =>
    months.map((month, i) => ({ month, income: income[i]!, expenses: expenses[i]!, net: income[i]! - expenses[i]! }));
  return {
    window: { from: "2023-12", to: "2024-05", months: 6 },
    currency: "USD",
    // F = 2023-06 (e1, E's only transaction); the window is long past, so all six months are analysis months
    history: { firstMonth: "2023-06", analysisMonths: 6, from: "2023-12", to: "2024-05" },
    totals: {
      income: 1_406_368,
      expenses: 40_000,
      net: 1_366_368,
      hours: 15.5, // 930 / 60
      hourlyRate: (1_366_368 * 60) / 930, // net / hours = 1,366,368 / 15.5 = 88,152.774…
    },
    monthly: [
      { month: "2023-12", income: 0, expenses: 10_000, net: -10_000 }, // no income at all this month
      { month: "2024-01", income: 350_800, expenses: 0, net: 350_800 }, // 300000 + 40000 + 10800
      { month: "2024-02", income: 330_000, expenses: 5_000, net: 325_000 }, // 250000 + 60000 + 20000
      { month: "2024-03", income: 112_000, expenses: 25_000, net: 87_000 }, // 100000 + 15000 − 3000 (the JPY income is left out)
      { month: "2024-04", income: 280_000, expenses: 0, net: 280_000 }, // 200000 + 50000 + 30000
      { month: "2024-05", income: 333_568, expenses: 0, net: 333_568 }, // 300000 + 13568 + 20000
    ],
    // income desc: A 1,150,000 > B 178,568 > C 77,800 > D 0; E archived without data in the window: not listed.
    streams: [
      {
        id: A,
        name: "Consulting",
        kind: "freelance",
        role: "anchor",
        platform: null,
        income: 1_150_000,
        expenses: 25_000,
        net: 1_125_000,
        share: 1_150_000 / TP, // 0.81770…
        hours: 12,
        hourlyRate: 1_125_000 / 12, // 93,750
        mean: 1_150_000 / N, // 191,666.67
        stdev: SD_A,
        cv: SD_A / (1_150_000 / N),
        // OLS slope = Σ(t − 2.5)·x / Σ(t − 2.5)², Σ(t − 2.5)² = 6.25+2.25+0.25+0.25+2.25+6.25 = 17.5
        // Σ(t − 2.5)·x = −2.5·0 − 1.5·300000 − 0.5·250000 + 0.5·100000 + 1.5·200000 + 2.5·300000 = 525,000 → 30,000
        trendSlope: 525_000 / 17.5,
        // peak 300000 from Jan; deepest fall in Mar: (300000 − 100000) / 300000 = 2/3 (Dec skipped: no positive peak yet)
        maxDrawdown: 200_000 / 300_000,
        monthly: series([0, 300_000, 250_000, 100_000, 200_000, 300_000], [0, 0, 0, 25_000, 0, 0]),
      },
      {
        id: B,
        name: "YouTube",
        kind: "content",
        role: "growth",
        platform: "YouTube",
        income: 178_568,
        expenses: 0,
        net: 178_568,
        share: 178_568 / TP,
        hours: 3,
        hourlyRate: 178_568 / 3, // 59,522.67
        mean: 178_568 / N,
        stdev: SD_B,
        cv: SD_B / (178_568 / N),
        // −1.5·40000 − 0.5·60000 + 0.5·15000 + 1.5·50000 + 2.5·13568 = −60000 − 30000 + 7500 + 75000 + 33920 = 26,420
        trendSlope: 26_420 / 17.5,
        // peak 60000 (Feb); Mar (60000−15000)/60000 = 0.75; May (60000−13568)/60000 = 46432/60000 = 0.7739 (the max)
        maxDrawdown: 46_432 / 60_000,
        monthly: series([0, 40_000, 60_000, 15_000, 50_000, 13_568], [0, 0, 0, 0, 0, 0]),
      },
      {
        id: C,
        name: "Templates",
        kind: "product",
        role: "growth",
        platform: "Gumroad",
        income: 77_800,
        expenses: 5_000,
        net: 72_800,
        share: 77_800 / TP,
        hours: 0,
        hourlyRate: null, // no time logged
        mean: 77_800 / N,
        stdev: SD_C,
        cv: SD_C / (77_800 / N),
        // −1.5·10800 − 0.5·20000 + 0.5·(−3000) + 1.5·30000 + 2.5·20000 = −16200 − 10000 − 1500 + 45000 + 50000 = 67,300
        trendSlope: 67_300 / 17.5,
        // peak 20000 (Feb), Mar at −3000: (20000 − (−3000)) / 20000 = 1.15; later peak 30000 → (30000−20000)/30000 = 1/3
        maxDrawdown: 23_000 / 20_000,
        monthly: series([0, 10_800, 20_000, -3_000, 30_000, 20_000], [0, 0, 5_000, 0, 0, 0]),
      },
      {
        id: D,
        name: "Crypto",
        kind: "other",
        role: "speculative",
        platform: null,
        income: 0,
        expenses: 10_000,
        net: -10_000,
        share: null, // I_s <= 0 takes no part
        hours: 0.5,
        hourlyRate: -10_000 / 0.5, // −20,000 per hour
        mean: 0,
        stdev: 0,
        cv: null, // mean <= 0
        trendSlope: 0,
        maxDrawdown: 0, // never a positive peak
        monthly: series([0, 0, 0, 0, 0, 0], [10_000, 0, 0, 0, 0, 0]),
      },
    ],
    diversification: {
      // Σ I_s² = 1,150,000² + 178,568² + 77,800² = 1,322,500,000,000 + 31,886,530,624 + 6,052,840,000 = 1,360,439,370,624
      // T+² = 1,406,368² = 1,977,870,951,424
      hhi: 1_360_439_370_624 / 1_977_870_951_424, // 0.68783…
      effectiveStreams: 1_977_870_951_424 / 1_360_439_370_624, // 1.45385…
      topStreamShare: 1_150_000 / TP,
      byKind: [
        { key: "freelance", income: 1_150_000, share: 1_150_000 / TP },
        { key: "content", income: 178_568, share: 178_568 / TP },
        { key: "product", income: 77_800, share: 77_800 / TP },
      ],
      byRole: [
        { key: "anchor", income: 1_150_000, share: 1_150_000 / TP },
        { key: "growth", income: 256_368, share: 256_368 / TP }, // 178,568 + 77,800; speculative (D, 0) takes no part
      ],
    },
    concentration: {
      client: {
        // acme: 300000 + 300000 − 50000 + 300000 = 850,000, shown as "ACME" (a8, 2024-05-20, the latest spelling);
        // globex: 100000 + 200000 = 300,000; google: 60000 (B) + 30000 (C) = 90,000, shown as "google" (2024-04-22).
        // Adobe and "Gumroad Inc" are expenses; Binance is JPY without a rate.
        // attributed 1,240,000; unattributed 1,406,368 − 1,240,000 = 166,368 (= 40000+15000+50000+13568+10800+20000−3000+20000)
        hhi: (850_000 ** 2 + 300_000 ** 2 + 90_000 ** 2) / 1_240_000 ** 2, // 820,600,000,000 / 1,537,600,000,000
        top1Share: 850_000 / TP,
        top3Share: 1_240_000 / TP,
        unattributedShare: 166_368 / TP,
        count: 3,
        items: [
          { key: "ACME", income: 850_000, share: 850_000 / TP },
          { key: "Globex", income: 300_000, share: 300_000 / TP },
          { key: "google", income: 90_000, share: 90_000 / TP },
        ],
      },
      platform: {
        // upwork: a7 200,000; youtube: b1+b2+b3+b5 = 40000+60000+15000+13568 = 128,568; patreon: b4 50,000;
        // gumroad: 10800 + 20000 − 3000 + 30000 + 20000 = 77,800, shown as "gumroad" (c6, 2024-05-03, the latest use).
        // attributed 456,368; unattributed = A's income without a platform = 950,000.
        hhi: (200_000 ** 2 + 128_568 ** 2 + 77_800 ** 2 + 50_000 ** 2) / 456_368 ** 2, // 65,082,570,624 / 208,271,751,424
        top1Share: 200_000 / TP,
        top3Share: 406_368 / TP, // 200000 + 128568 + 77800
        unattributedShare: 950_000 / TP,
        count: 4,
        items: [
          { key: "Upwork", income: 200_000, share: 200_000 / TP },
          { key: "YouTube", income: 128_568, share: 128_568 / TP },
          { key: "gumroad", income: 77_800, share: 77_800 / TP },
          { key: "Patreon", income: 50_000, share: 50_000 / TP },
        ],
      },
    },
    risk: {
      mean: TP / N, // 234,394.67
      stdev: SD_T, // 144,587.06
      cv: SD_T / (TP / N), // 0.61685
      // −1.5·350800 − 0.5·330000 + 0.5·112000 + 1.5·280000 + 2.5·333568 = −526200 − 165000 + 56000 + 420000 + 833920 = 618,720
      trendSlope: 618_720 / 17.5,
      // Dec (0) is skipped; peak 350800 (Jan); deepest: Mar (350800 − 112000) / 350800
      maxDrawdown: 238_800 / 350_800,
      worstMonth: { month: "2023-12", income: 0 },
      diversificationRatio: (SD_A + SD_B + SD_C + 0) / SD_T,
      correlations: {
        streamIds: [A, B, C, D],
        // D has zero variance: its row and column (diagonal included) are null.
        matrix: [
          [1, R_AB, R_AC, null],
          [R_AB, 1, R_BC, null],
          [R_AC, R_BC, 1, null],
          [null, null, null, null],
        ],
      },
    },
    resilience: {
      monthlyIncome: TP / N,
      essentialMonthlyExpenses: 200_000,
      anchorCoverage: 1_150_000 / N / 200_000, // 0.958333…
      // without A: (1,406,368 − 1,150,000) / 6 = 42,728 < E*: runway = 600,000 / (200,000 − 42,728) = 600,000 / 157,272
      runwayMonths: 600_000 / 157_272,
      sustainable: false,
      lossOfLargestStream: { key: A, remainingMonthlyIncome: 42_728, shareLost: 1_150_000 / TP, coverage: 42_728 / 200_000 },
      // without ACME: (1,406,368 − 850,000) / 6 = 92,728
      lossOfLargestClient: { key: "ACME", remainingMonthlyIncome: 92_728, shareLost: 850_000 / TP, coverage: 92_728 / 200_000 },
      // without Upwork: 1,206,368 / 6 = 201,061.33
      lossOfLargestPlatform: {
        key: "Upwork",
        remainingMonthlyIncome: 1_206_368 / 6,
        shareLost: 200_000 / TP,
        coverage: 1_206_368 / 1_200_000,
      },
    },
    goals: {
      // 10 entries; hits: 2024-02 B (60000 ≥ 50000), 2024-04 B (50000 ≥ 50000), 2024-05 portfolio (333568 ≥ 300000) → 3/10
      hitRate: 0.3,
      months: [
        { month: "2023-12", streamId: B, target: 50_000, actual: 0, progress: 0, projected: null },
        { month: "2024-01", streamId: B, target: 50_000, actual: 40_000, progress: 0.8, projected: null },
        { month: "2024-02", streamId: null, target: 350_000, actual: 330_000, progress: 330_000 / 350_000, projected: null },
        { month: "2024-02", streamId: B, target: 50_000, actual: 60_000, progress: 1.2, projected: null },
        { month: "2024-03", streamId: null, target: 350_000, actual: 112_000, progress: 0.32, projected: null },
        { month: "2024-03", streamId: B, target: 50_000, actual: 15_000, progress: 0.3, projected: null },
        { month: "2024-04", streamId: null, target: 300_000, actual: 280_000, progress: 280_000 / 300_000, projected: null },
        { month: "2024-04", streamId: B, target: 50_000, actual: 50_000, progress: 1, projected: null },
        { month: "2024-05", streamId: null, target: 300_000, actual: 333_568, progress: 333_568 / 300_000, projected: null },
        { month: "2024-05", streamId: B, target: 50_000, actual: 13_568, progress: 13_568 / 50_000, projected: null },
      ],
    },
    rules: [
      { id: "stream-concentration", status: "fail", value: 1_150_000 / TP, pass: 0.5, warn: 0.7, direction: "max", reason: null }, // 0.818 > 0.7
      { id: "client-concentration", status: "fail", value: 850_000 / TP, pass: 0.3, warn: 0.5, direction: "max", reason: null }, // 0.604 > 0.5
      // 950,000 / 1,406,368 = 0.675 of the income names no platform (> 0.5): the top platform's 0.142 would describe a minority
      { id: "platform-concentration", status: "n/a", value: null, pass: 0.4, warn: 0.6, direction: "max", reason: "unattributed" },
      {
        id: "effective-streams",
        status: "fail",
        value: 1_977_870_951_424 / 1_360_439_370_624,
        pass: 3,
        warn: 2,
        direction: "min",
        reason: null,
      }, // 1.45 < 2
      { id: "income-volatility", status: "pass", value: SD_T / (TP / N), pass: 0.7, warn: 0.9, direction: "max", reason: null }, // 0.617 <= 0.7 (custom)
      { id: "anchor-coverage", status: "warn", value: 1_150_000 / N / 200_000, pass: 1, warn: 0.5, direction: "min", reason: null }, // 0.958
      { id: "largest-loss-coverage", status: "fail", value: 42_728 / 200_000, pass: 1, warn: 0.6, direction: "min", reason: null }, // 0.214
    ],
    // 1 pass, 1 warn, 6 applicable (platform n/a): round(100 × 1.5 / 6) = 25
    resilienceScore: 25,
    warnings: [{ code: "missing-fx-rate", currency: "JPY", count: 1 }],
  };
}

const WINDOW = { from: "2023-12", to: "2024-05" };

let alice: TestUser;
let ids: Ids;
const tx: Record<string, string> = {};
let b5MayBeforeRate: unknown;

beforeAll(async () => {
  alice = await makeUser("Alice");
  await ok(
    settings(alice, {
      timeZone: "Asia/Tokyo",
      essentialMonthlyExpenses: "2000.00",
      cashBuffer: 6000, // a JSON number works as well as a decimal string
      thresholds: { "income-volatility": { pass: 0.7, warn: 0.9 } },
    }),
    200,
  );
  ids = {
    A: await stream(alice, { name: "Consulting", kind: "freelance", role: "anchor" }),
    B: await stream(alice, { name: "YouTube", kind: "content", role: "growth", platform: "YouTube" }),
    C: await stream(alice, { name: "Templates", kind: "product", role: "growth", platform: "Gumroad" }),
    D: await stream(alice, { name: "Crypto", kind: "other", role: "speculative" }),
    E: await stream(alice, { name: "Old Blog", kind: "affiliate", role: "growth", platform: "Amazon", status: "archived" }),
  };
  await ok(rates(alice, { currency: "EUR", date: "2024-05-01", rate: "1.08" }), 201);

  const { A, B, C, D, E } = ids;
  const items: [string, Record<string, unknown>][] = [
    ["a1", { streamId: A, occurredOn: "2023-11-30", amount: "999.00" }],
    ["a2", { streamId: A, occurredOn: "2024-01-10", amount: "3000.00", counterparty: "acme" }],
    ["a3", { streamId: A, occurredOn: "2024-02-12", amount: 3000, counterparty: " Acme " }],
    ["a4", { streamId: A, occurredOn: "2024-02-20", amount: "-500.00", counterparty: "Acme", description: "refund" }],
    ["a5", { streamId: A, occurredOn: "2024-03-18", amount: "1000", counterparty: "Globex" }],
    ["a6", { streamId: A, kind: "expense", occurredOn: "2024-03-10", amount: "250.00", counterparty: "Adobe" }],
    ["a7", { streamId: A, occurredOn: "2024-04-05", amount: "2000.00", counterparty: "Globex", platform: "Upwork" }],
    ["a8", { streamId: A, occurredOn: "2024-05-20", amount: "3000.00", counterparty: "ACME" }],
    ["a9", { streamId: A, occurredOn: "2024-06-01", amount: "888.00" }],
    ["b1", { stream: "youtube", occurredOn: "2024-01-31", amount: "400.00" }],
    ["b2", { streamId: B, occurredOn: "2024-02-29", amount: "600.00", counterparty: "Google" }],
    ["b3", { streamId: B, occurredOn: "2024-03-31", amount: "150.00" }],
    ["b4", { streamId: B, occurredOn: "2024-04-15", amount: "500.00", platform: "Patreon" }],
    ["b5", { streamId: B, occurredOn: "2024-05-28", amount: "123.35", currency: "EUR" }],
    ["c1", { streamId: C, occurredOn: "2024-01-20", amount: "100.00", currency: "eur" }],
    ["c2", { streamId: C, occurredOn: "2024-02-05", amount: "200.00", currency: "USD" }],
    ["c3", { streamId: C, kind: "expense", occurredOn: "2024-02-06", amount: "50.00", counterparty: "Gumroad Inc" }],
    ["c4", { streamId: C, occurredOn: "2024-03-08", amount: "-30.00" }],
    ["c5", { streamId: C, occurredOn: "2024-04-22", amount: "300.00", counterparty: "google" }],
    ["c6", { streamId: C, occurredOn: "2024-05-03", amount: "200.00", platform: " gumroad " }],
    ["d1", { streamId: D, kind: "expense", occurredOn: "2023-12-15", amount: "100.00" }],
    ["d2", { streamId: D, occurredOn: "2024-03-15", amount: "15000", currency: "JPY", counterparty: "Binance" }],
    ["e1", { streamId: E, occurredOn: "2023-06-01", amount: "100.00" }],
  ];
  const batch = await ok(
    transactions(
      alice,
      items.map(([, body]) => body),
    ),
    201,
  );
  expect(batch.inserted).toBe(items.length);
  (batch.data as { id: string }[]).forEach((row, i) => (tx[items[i]![0]] = row.id));
  const b5 = (batch.data as { baseAmountMinor: number | null }[])[13];
  expect(b5?.baseAmountMinor).toBe(13_322); // 12335 × 1.08 = 13321.8 → 13322 before the 1.10 rate exists
  const before = await metricsOk(alice, WINDOW);
  b5MayBeforeRate = (before.streams as { id: string; monthly: { month: string; income: number }[] }[])
    .find((s) => s.id === ids.B)!
    .monthly.at(-1);
  // The 1.10 rate arrives after the batch: b5 is re-priced (12335 × 1.10 = 13568.5 → 13568).
  const later = await rates(alice, [{ currency: "EUR", date: "2024-05-25", rate: "1.10" }]);
  expect(later.status, JSON.stringify(later.json)).toBe(201);
  expect(later.json).toMatchObject({ inserted: 1 });

  await timeEntry(alice, { streamId: A, occurredOn: "2024-01-10", minutes: 480 });
  await timeEntry(alice, { streamId: A, occurredOn: "2024-04-05", hours: "4" });
  await timeEntry(alice, { streamId: A, occurredOn: "2024-06-02", minutes: 60 });
  await timeEntry(alice, { streamId: B, occurredOn: "2024-02-01", hours: 1.5 });
  await timeEntry(alice, { streamId: B, occurredOn: "2024-05-01", minutes: 90 });
  await timeEntry(alice, { streamId: D, occurredOn: "2023-12-20", minutes: 30 });

  expect((await goal(alice, { streamId: null, amount: "3500.00", effectiveFrom: "2024-02" })).status).toBe(201);
  expect((await goal(alice, { amount: "3000.00", effectiveFrom: "2024-04" })).status).toBe(201);
  expect((await goal(alice, { streamId: B, amount: "500.00", effectiveFrom: "2023-06" })).status).toBe(201);
  expect((await goal(alice, { streamId: E, amount: "10.00", effectiveFrom: "2023-01" })).status).toBe(201);
});

describe("GET /api/v1/metrics: the known portfolio", () => {
  it("priced b5 at the only EUR rate first; the later rate re-priced it (13568.5 → 13568, half-even)", async () => {
    expect(b5MayBeforeRate).toEqual({ month: "2024-05", income: 13_322, expenses: 0, net: 13_322 });
    const body = await metricsOk(alice, WINDOW);
    const b = (body.streams as { id: string; monthly: { month: string; income: number }[] }[]).find((s) => s.id === ids.B)!;
    expect(b.monthly.at(-1)).toEqual({ month: "2024-05", income: 13_568, expenses: 0, net: 13_568 });
  });

  it("answers the whole response exactly as computed by hand", async () => {
    const body = await metricsOk(alice, WINDOW);
    compare(body, headlineExpected(ids));
  });

  it("answers the same to a read token", async () => {
    const body = await metricsOk(alice, WINDOW, { token: alice.readToken });
    compare(body, headlineExpected(ids));
  });

  it("never shows one user's data to another", async () => {
    const bob = await makeUser("Bob");
    const bobStream = await stream(bob, { name: "Consulting", kind: "freelance", role: "anchor", platform: "Upwork" });
    await ok(transactions(bob, [{ streamId: bobStream, occurredOn: "2024-01-10", amount: "100.00", counterparty: "ACME" }]), 201);
    const body = await metricsOk(bob, WINDOW);
    expect(body.totals).toEqual({ income: 10_000, expenses: 0, net: 10_000, hours: 0, hourlyRate: null });
    expect((body.streams as { id: string }[]).map((s) => s.id)).toEqual([bobStream]);
    expect((body.concentration as { client: { items: unknown } }).client.items).toEqual([{ key: "ACME", income: 10_000, share: 1 }]);
    expect((body.concentration as { platform: { items: unknown } }).platform.items).toEqual([{ key: "Upwork", income: 10_000, share: 1 }]);
    expect(body.goals).toEqual({ hitRate: null, months: [] });
    expect(body.warnings).toEqual([]);
    expect(body.resilience).toMatchObject({ essentialMonthlyExpenses: null, anchorCoverage: null, runwayMonths: null, sustainable: null });
    expect(JSON.stringify(body)).not.toContain(ids.A);
    // ...and Alice's figures did not move.
    compare(await metricsOk(alice, WINDOW), headlineExpected(ids));
  });

  it("follows edits, deletes, stream moves and a stream's platform change (the rollups stay right)", async () => {
    // 1. a7 (A, 2024-04-05, 2000.00 Globex via Upwork) becomes 2500.00 on 2024-05-06: A moves 200000 out of April
    //    and 250000 into May.
    await ok(
      call(patchTx, "/x", {
        method: "PATCH",
        auth: { cookie: alice.cookie },
        params: { id: tx.a7! },
        body: { amount: "2500.00", occurredOn: "2024-05-06" },
      }),
      200,
    );
    // 2. the refund a4 (−500.00 Acme, Feb) is deleted: A's February goes back to 300000, ACME to 900000.
    await ok(call(deleteTx, "/x", { method: "DELETE", auth: { cookie: alice.cookie }, params: { id: tx.a4! } }), 200);
    // 3. c5 (300.00 google, C, April) moves to stream B: it now takes B's platform (YouTube) instead of Gumroad.
    await ok(
      call(patchTx, "/x", { method: "PATCH", auth: { cookie: alice.cookie }, params: { id: tx.c5! }, body: { streamId: ids.B } }),
      200,
    );
    // 4. B's platform YouTube → " Vimeo ": every B transaction without its own platform moves (b4 stays on Patreon).
    await ok(
      call(patchStream, "/x", { method: "PATCH", auth: { cookie: alice.cookie }, params: { id: ids.B }, body: { platform: " Vimeo " } }),
      200,
    );

    const body = await metricsOk(alice, WINDOW);
    // A = [0, 300000, 300000, 100000, 0, 300000 + 250000 = 550000] = 1,250,000
    // B = [0, 40000, 60000, 15000, 50000 + 30000 = 80000, 13568] = 208,568
    // C = [0, 10800, 20000, −3000, 0, 20000] = 47,800
    // T = [0, 350800, 380000, 112000, 80000, 583568] = 1,506,368
    expect(body.monthly).toEqual([
      { month: "2023-12", income: 0, expenses: 10_000, net: -10_000 },
      { month: "2024-01", income: 350_800, expenses: 0, net: 350_800 },
      { month: "2024-02", income: 380_000, expenses: 5_000, net: 375_000 },
      { month: "2024-03", income: 112_000, expenses: 25_000, net: 87_000 },
      { month: "2024-04", income: 80_000, expenses: 0, net: 80_000 },
      { month: "2024-05", income: 583_568, expenses: 0, net: 583_568 },
    ]);
    expect(body.totals).toMatchObject({ income: 1_506_368, expenses: 40_000, net: 1_466_368 });
    const streams = body.streams as { id: string; income: number; platform: string | null; monthly: { income: number }[] }[];
    expect(streams.map((s) => [s.id, s.income, s.platform])).toEqual([
      [ids.A, 1_250_000, null],
      [ids.B, 208_568, "Vimeo"],
      [ids.C, 47_800, "Gumroad"],
      [ids.D, 0, null],
    ]);
    const TP2 = 1_506_368;
    const conc = body.concentration as Record<"client" | "platform", Record<string, Json>>;
    // clients: ACME 300000+300000+300000 = 900,000; Globex 100000 + 250000 = 350,000; google 60000 + 30000 = 90,000
    compare(conc.client, {
      hhi: (900_000 ** 2 + 350_000 ** 2 + 90_000 ** 2) / 1_340_000 ** 2,
      top1Share: 900_000 / TP2,
      top3Share: 1_340_000 / TP2,
      unattributedShare: 166_368 / TP2,
      count: 3,
      items: [
        { key: "ACME", income: 900_000, share: 900_000 / TP2 },
        { key: "Globex", income: 350_000, share: 350_000 / TP2 },
        { key: "google", income: 90_000, share: 90_000 / TP2 },
      ],
    });
    // platforms: upwork 250,000 (a7); vimeo: b1 40000 + b2 60000 + b3 15000 + c5 30000 + b5 13568 = 158,568;
    // patreon 50,000; gumroad: 10800 + 20000 − 3000 + 20000 = 47,800; youtube: gone. Attributed 506,368.
    compare(conc.platform, {
      hhi: (250_000 ** 2 + 158_568 ** 2 + 50_000 ** 2 + 47_800 ** 2) / 506_368 ** 2,
      top1Share: 250_000 / TP2,
      top3Share: (250_000 + 158_568 + 50_000) / TP2,
      unattributedShare: 1_000_000 / TP2, // A's other income: 300000 + 300000 + 100000 + 300000
      count: 4,
      items: [
        { key: "Upwork", income: 250_000, share: 250_000 / TP2 },
        { key: "Vimeo", income: 158_568, share: 158_568 / TP2 },
        { key: "Patreon", income: 50_000, share: 50_000 / TP2 },
        { key: "gumroad", income: 47_800, share: 47_800 / TP2 },
      ],
    });
    // Archiving D (no income, but a 100.00 expense in December) keeps it listed: it has data in the window.
    await ok(
      call(patchStream, "/x", { method: "PATCH", auth: { cookie: alice.cookie }, params: { id: ids.D }, body: { status: "archived" } }),
      200,
    );
    expect(((await metricsOk(alice, WINDOW)).streams as { id: string }[]).map((x) => x.id)).toEqual([ids.A, ids.B, ids.C, ids.D]);
    // ...but not in a window where it has none.
    expect(((await metricsOk(alice, { from: "2024-01", to: "2024-05" })).streams as { id: string }[]).map((x) => x.id)).toEqual([
      ids.A,
      ids.B,
      ids.C,
    ]);

    // B's platform removed: its platform-less income becomes unattributed.
    await ok(
      call(patchStream, "/x", { method: "PATCH", auth: { cookie: alice.cookie }, params: { id: ids.B }, body: { platform: null } }),
      200,
    );
    const after = await metricsOk(alice, WINDOW);
    const platform = (after.concentration as Record<"platform", Record<string, Json>>).platform;
    expect(platform.items).toEqual([
      { key: "Upwork", income: 250_000, share: 250_000 / TP2 },
      { key: "Patreon", income: 50_000, share: 50_000 / TP2 },
      { key: "gumroad", income: 47_800, share: 47_800 / TP2 },
    ]);
    expect(platform.count).toBe(3);
  });
});

describe("GET /api/v1/metrics: the window", () => {
  const ymd = (timeZone: string) =>
    new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());

  it("defaults to the complete months since F, judges only them, and projects this month from the income's own pattern", async () => {
    // A second known portfolio, built relative to today in the user's time zone (UTC+14: often a different
    // date, and month, from the server's). M0 is the current month, M1..M3 the three before it; F = M3.
    //   Retainer (anchor, client "Acme")  3000.00 on day 1 of M3, M2, M1 and M0
    //   Shop (growth, platform Etsy)      200.00, 400.00, 300.00 on day 28 of M3, M2, M1; 100.00 on day 1 of M1;
    //                                     a 10.00 fee (expense) on day 1 of M2; 50.00 from "NewCo" on day 1 of M0
    //   T = M3 320,000   M2 340,000   M1 340,000   (cents)        M0 so far 305,000
    // Settings: E* 2500.00, B 6000.00; a portfolio goal of 3500.00 from M3.
    const u = await makeUser("Kiritimati");
    const tz = "Pacific/Kiritimati";
    await ok(settings(u, { timeZone: tz, essentialMonthlyExpenses: "2500.00", cashBuffer: "6000.00" }), 200);
    const retainer = await stream(u, { name: "Retainer", kind: "freelance", role: "anchor" });
    const shop = await stream(u, { name: "Shop", kind: "product", role: "growth", platform: "Etsy" });
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const today = ymd(tz);
      const [y, m, d] = today.split("-").map(Number) as [number, number, number];
      const month = (back: number) => {
        const idx = y * 12 + (m - 1) - back;
        return `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, "0")}`;
      };
      const [M0, M1, M2, M3] = [month(0), month(1), month(2), month(3)];
      if (attempt === 0) {
        const tx = (streamId: string, on: string, amount: string, extra: Record<string, string> = {}) => ({
          streamId,
          occurredOn: on,
          amount,
          ...extra,
        });
        await ok(
          transactions(u, [
            ...[M3, M2, M1, M0].map((mm) => tx(retainer, `${mm}-01`, "3000.00", { counterparty: "Acme" })),
            tx(shop, `${M3}-28`, "200.00"),
            tx(shop, `${M2}-28`, "400.00"),
            tx(shop, `${M1}-28`, "300.00"),
            tx(shop, `${M1}-01`, "100.00"),
            tx(shop, `${M2}-01`, "10.00", { kind: "expense" }),
            tx(shop, `${M0}-01`, "50.00", { counterparty: "NewCo" }),
          ]),
          201,
        );
        expect((await goal(u, { amount: "3500.00", effectiveFrom: M3 })).status).toBe(201);
      }
      const body = await metricsOk(u);
      const current = await metricsOk(u, { from: M0, to: M0 });
      const year = await metricsOk(u, { from: month(11), to: M0 });
      if (ymd(tz) !== today) continue; // the date turned during the calls: look again

      compare(body, {
        window: { from: M3, to: M1, months: 3 },
        history: { firstMonth: M3, analysisMonths: 3, from: M3, to: M1 },
        totals: { income: 1_000_000, expenses: 1_000, net: 999_000, hours: 0, hourlyRate: null },
        monthly: [
          { month: M3, income: 320_000, expenses: 0, net: 320_000 },
          { month: M2, income: 340_000, expenses: 1_000, net: 339_000 },
          { month: M1, income: 340_000, expenses: 0, net: 340_000 },
        ],
        // shares 900,000 and 100,000 of 1,000,000; hhi 0.81 + 0.01
        diversification: { hhi: 0.82, effectiveStreams: 1 / 0.82, topStreamShare: 0.9 },
        // T = 320,000, 340,000, 340,000: mean 1,000,000/3; deviations −40,000/3, 20,000/3, 20,000/3 → Σ² = 2.4e9/9,
        // /2 → stdev √(1.2e9/9) = 11,547.005; slope (340,000 − 320,000)/2 = 10,000; never below a peak
        risk: {
          mean: 1_000_000 / 3,
          stdev: Math.sqrt(1.2e9 / 9),
          cv: Math.sqrt(1.2e9 / 9) / (1_000_000 / 3),
          trendSlope: 10_000,
          maxDrawdown: 0,
          worstMonth: { month: M3, income: 320_000 },
        },
        concentration: {
          // Acme over M3..M1 only: M0's 3000.00 and NewCo (paid only in M0) are outside the analysis months
          client: {
            top1Share: 0.9,
            top3Share: 0.9,
            unattributedShare: 0.1,
            count: 1,
            items: [{ key: "Acme", income: 900_000, share: 0.9 }],
          },
          platform: { top1Share: 0.1, unattributedShare: 0.9, count: 1 },
        },
        // monthly 1,000,000/3; losing the retainer (0.9): 1,000,000/3 × 0.1 = 100,000/3 a month, covering
        // (100,000/3)/250,000 = 2/15 of E*; runway 600,000 / (250,000 − 100,000/3) = 600,000 / (650,000/3) = 36/13
        resilience: {
          monthlyIncome: 1_000_000 / 3,
          anchorCoverage: 1.2, // 900,000 / 3 / 250,000
          runwayMonths: 36 / 13,
          sustainable: false,
          lossOfLargestStream: { key: retainer, remainingMonthlyIncome: 100_000 / 3, shareLost: 0.9, coverage: 2 / 15 },
        },
        // M3 320,000, M2 340,000, M1 340,000 all short of 350,000: missed; the current month is not in this window
        goals: {
          hitRate: 0,
          months: [M3, M2, M1].map((mm, i) => ({
            month: mm,
            streamId: null,
            target: 350_000,
            actual: [320_000, 340_000, 340_000][i]!,
            progress: [320_000, 340_000, 340_000][i]! / 350_000,
            projected: null,
            status: "missed",
          })),
        },
        // stream 0.9 fail; client 0.9 fail; platform n/a (0.9 unattributed); effective 1.22 fail; cv 0.035 pass;
        // anchor 1.2 pass; largest loss 0.133 fail → 2 passes of 6: round(33.3) = 33
        resilienceScore: 33,
      });
      expect((body.rules as { id: string; status: string; reason: string | null }[]).map((r) => [r.id, r.status, r.reason])).toEqual([
        ["stream-concentration", "fail", null],
        ["client-concentration", "fail", null],
        ["platform-concentration", "n/a", "unattributed"],
        ["effective-streams", "fail", null],
        ["income-volatility", "pass", null],
        ["anchor-coverage", "pass", null],
        ["largest-loss-coverage", "fail", null],
      ]);

      // The current month alone: money so far, nothing to judge, and a projection that follows the pattern:
      // after day d the portfolio usually earned Shop's day-28 payouts (200.00, 400.00, 300.00: mean 300.00)
      // when d < 28, nothing otherwise. A straight line would have said 305,000 × days / d.
      const tail = d < 28 ? 30_000 : 0;
      compare(current, {
        window: { from: M0, to: M0, months: 1 },
        history: { firstMonth: M3, analysisMonths: 0, from: null, to: null },
        monthly: [{ month: M0, income: 305_000, expenses: 0, net: 305_000 }],
        risk: { mean: null, stdev: null, worstMonth: null, maxDrawdown: null },
        resilience: { monthlyIncome: null, runwayMonths: null, sustainable: null },
        goals: {
          hitRate: null,
          months: [
            {
              month: M0,
              streamId: null,
              target: 350_000,
              actual: 305_000,
              progress: 305_000 / 350_000,
              projected: 305_000 + tail,
              status: "current",
            },
          ],
        },
        resilienceScore: null,
      });
      expect((current.rules as { reason: string }[]).every((r) => r.reason === "no-history")).toBe(true);

      // A 12-month window holding the eight months before F and the current one: the money counts all of
      // it, every other figure is the same as over the three analysis months.
      expect(year.window).toEqual({ from: month(11), to: M0, months: 12 });
      expect((year.totals as { income: number }).income).toBe(1_305_000);
      for (const field of ["history", "diversification", "concentration", "risk", "resilience", "rules", "resilienceScore"]) {
        expect(year[field], field).toEqual(body[field]);
      }
      return;
    }
    throw new Error("the date kept changing");
  });

  it("accepts a one-month window and the longest window of 120 months", async () => {
    const one = await metricsOk(alice, { from: "2024-02", to: "2024-02" });
    expect(one.window).toEqual({ from: "2024-02", to: "2024-02", months: 1 });
    expect((one.risk as Record<string, Json>).stdev).toBeNull();
    expect((one.risk as Record<string, Json>).trendSlope).toBeNull();
    const longest = await metricsOk(alice, { from: "2015-01", to: "2024-12" });
    expect(longest.window).toEqual({ from: "2015-01", to: "2024-12", months: 120 });
    expect(longest.monthly).toHaveLength(120);
  });

  it.each([
    ["to before from", { from: "2024-05", to: "2024-04" }, ["to"]],
    ["more than 120 months", { from: "2015-01", to: "2025-01" }, ["to"]],
    ["only from", { from: "2024-01" }, ["to"]],
    ["only to", { to: "2024-01" }, ["from"]],
    ["month 13", { from: "2024-13", to: "2024-12" }, ["from"]],
    ["a date instead of a month", { from: "2024-01-01", to: "2024-02" }, ["from"]],
  ])("refuses %s with 422", async (_label, query, paths) => {
    const r = await metrics(alice, query as Record<string, string>);
    expectProblem(r, 422);
    expect(errorPaths(r)).toEqual(paths);
  });

  it("answers 401 without credentials and with a bad token", async () => {
    expectProblem(await metrics(null, WINDOW), 401);
    expectProblem(await metrics(null, WINDOW, { token: "sfp_nope" }), 401);
  });
});

describe("GET /api/v1/metrics: conversion between exponents, ties to even", () => {
  // All on 2024-01-10, base USD (exponent 2); rates dated 2024-01-01:
  //   KWD 1.015 (1015 minor, exponent 3) × 3      × 10^(2−3) = 304.5    → 304 (half-up would say 305)
  //   JPY 1010  (1010 minor, exponent 0) × 0.0065 × 10^(2−0) = 656.5    → 656 (half-up: 657)
  //   EUR −123.35 (refund, −12335)       × 1.10                = −13568.5 → −13568 (half-away: −13569)
  //   EUR 0.05 (5)                       × 1.10                = 5.5      → 6
  //   January income = 304 + 656 − 13568 + 6 = −12,602
  const RATES = [
    { currency: "KWD", date: "2024-01-01", rate: "3" },
    { currency: "JPY", date: "2024-01-01", rate: "0.0065" },
    { currency: "EUR", date: "2024-01-01", rate: "1.10" },
  ];
  const ITEMS = (streamId: string) => [
    { streamId, occurredOn: "2024-01-10", amount: "1.015", currency: "KWD" },
    { streamId, occurredOn: "2024-01-10", amount: "1010", currency: "JPY" },
    { streamId, occurredOn: "2024-01-10", amount: "-123.35", currency: "EUR" },
    { streamId, occurredOn: "2024-01-10", amount: "0.05", currency: "EUR" },
  ];

  it.each([
    ["the rates exist before the transactions (priced on insert)", true],
    ["the rates arrive after the transactions (re-priced in the database)", false],
  ])("gives the same figures when %s", async (_label, ratesFirst) => {
    const u = await makeUser("Exponents");
    const s = await stream(u, { name: "Imports" });
    if (ratesFirst) await ok(rates(u, RATES), 201);
    const batch = await ok(transactions(u, ITEMS(s)), 201);
    if (!ratesFirst) {
      expect((batch.data as { baseAmountMinor: number | null }[]).map((t) => t.baseAmountMinor)).toEqual([null, null, null, null]);
      await ok(rates(u, RATES), 201);
    } else {
      expect((batch.data as { baseAmountMinor: number | null }[]).map((t) => t.baseAmountMinor)).toEqual([304, 656, -13_568, 6]);
    }
    const body = await metricsOk(u, { from: "2024-01", to: "2024-01" });
    expect(body.monthly).toEqual([{ month: "2024-01", income: -12_602, expenses: 0, net: -12_602 }]);
    expect(body.warnings).toEqual([]);
    // T+ = 0: every share and concentration figure is null, the loss cards unknown
    expect(body.diversification).toMatchObject({ hhi: null, effectiveStreams: null, topStreamShare: null, byKind: [], byRole: [] });
    expect((body.streams as { share: number | null }[])[0]?.share).toBeNull();
    expect((body.resilience as Record<string, Json>).lossOfLargestStream).toMatchObject({
      key: null,
      remainingMonthlyIncome: null,
      shareLost: null,
      coverage: null,
    });
  });
});

describe("GET /api/v1/metrics: changing the base currency re-prices everything", () => {
  it("switches USD → EUR, prices by EUR-quoted rates, else by inverting USD-quoted ones, and warns about the rest", async () => {
    const u = await makeUser("Euro");
    await ok(settings(u, { essentialMonthlyExpenses: "1000.00" }), 200);
    const s = await stream(u, { name: "Shop", kind: "commerce", role: "anchor" });
    // Rates quoted in USD (the current base).
    await ok(
      rates(u, [
        { currency: "EUR", date: "2024-01-01", rate: "1.10" },
        { currency: "GBP", date: "2024-01-01", rate: "1.25" },
      ]),
      201,
    );
    await ok(
      transactions(u, [
        { streamId: s, occurredOn: "2024-01-15", amount: "100.00" }, // USD 10000
        { streamId: s, occurredOn: "2024-01-05", amount: "10.00", currency: "GBP" }, // 1000 × 1.25 = 1250
        { streamId: s, occurredOn: "2024-02-10", amount: "33.25" }, // USD 3325
        { streamId: s, occurredOn: "2024-02-20", amount: "50.00", currency: "EUR" }, // 5000 × 1.10 = 5500
      ]),
      201,
    );
    const window = { from: "2024-01", to: "2024-02" };
    let body = await metricsOk(u, window);
    expect(body.currency).toBe("USD");
    expect(body.monthly).toEqual([
      { month: "2024-01", income: 11_250, expenses: 0, net: 11_250 }, // 10000 + 1250
      { month: "2024-02", income: 8_825, expenses: 0, net: 8_825 }, // 3325 + 5500
    ]);
    expect(body.warnings).toEqual([]);

    const patched = await ok(settings(u, { baseCurrency: "EUR" }), 200);
    expect(patched).toMatchObject({ baseCurrency: "EUR", essentialMonthlyExpenses: "1000.00", essentialMonthlyExpensesMinor: 100_000 });
    // No rate quoted in EUR yet: the USD rows are priced by inverting the EUR rate quoted in USD (1.10);
    // GBP has a rate in neither direction, so it drops out and is reported; the EUR row is now at par.
    body = await metricsOk(u, window);
    expect(body.currency).toBe("EUR");
    // Jan: 10000 / 1.10 = 9090.9 → 9091; Feb: 3325 / 1.10 = 3022.7 → 3023, + 5000 = 8023
    expect(body.monthly).toEqual([
      { month: "2024-01", income: 9_091, expenses: 0, net: 9_091 },
      { month: "2024-02", income: 8_023, expenses: 0, net: 8_023 },
    ]);
    expect(body.warnings).toEqual([{ code: "missing-fx-rate", currency: "GBP", count: 1 }]);

    // USD rates quoted in EUR: 0.92 from 2024-01-01, 0.90 from 2024-02-01. Direct rates win over the inverse.
    await ok(
      rates(u, [
        { currency: "USD", date: "2024-01-01", rate: "0.92" },
        { currency: "USD", date: "2024-02-01", rate: "0.9" },
      ]),
      201,
    );
    body = await metricsOk(u, window);
    // Jan: 10000 × 0.92 = 9200 (GBP still unpriced); Feb: 3325 × 0.90 = 2992.5 → half-even 2992, + 5000 = 7992
    expect(body.monthly).toEqual([
      { month: "2024-01", income: 9_200, expenses: 0, net: 9_200 },
      { month: "2024-02", income: 7_992, expenses: 0, net: 7_992 },
    ]);
    expect(body.totals).toMatchObject({ income: 17_192, expenses: 0, net: 17_192 });
    expect(body.warnings).toEqual([{ code: "missing-fx-rate", currency: "GBP", count: 1 }]);
    compare(body.resilience as Json, {
      monthlyIncome: 17_192 / 2,
      essentialMonthlyExpenses: 100_000,
      anchorCoverage: 17_192 / 2 / 100_000,
      runwayMonths: null, // no cash buffer
      sustainable: false, // 0 left after losing the only stream < E*
      lossOfLargestStream: { key: s, remainingMonthlyIncome: 0, shareLost: 1, coverage: 0 },
      lossOfLargestClient: { key: null, remainingMonthlyIncome: null, shareLost: null, coverage: null },
      lossOfLargestPlatform: { key: null, remainingMonthlyIncome: null, shareLost: null, coverage: null },
    });

    // Back to USD: the USD-quoted rates price again exactly as before.
    await ok(settings(u, { baseCurrency: "USD" }), 200);
    body = await metricsOk(u, window);
    expect(body.monthly).toEqual([
      { month: "2024-01", income: 11_250, expenses: 0, net: 11_250 },
      { month: "2024-02", income: 8_825, expenses: 0, net: 8_825 },
    ]);
    expect(body.warnings).toEqual([]);
  });

  it("USD → EUR → USD with one EUR rate entered once: the inverse prices USD under EUR, and switching back restores every figure", async () => {
    const u = await makeUser("Round trip");
    const s = await stream(u, { name: "Studio", kind: "freelance", role: "anchor" });
    await ok(rates(u, [{ currency: "EUR", date: "2024-01-01", rate: "1.2" }]), 201); // USD per EUR, quoted in USD
    await ok(
      transactions(u, [
        { streamId: s, occurredOn: "2024-01-15", amount: "1000.00" }, // USD 100000; EUR 100000 / 1.2 = 83333.3 → 83333
        { streamId: s, occurredOn: "2024-01-20", amount: "0.03" }, // USD 3; EUR 3 / 1.2 = 2.5 → 2 (half to even)
        { streamId: s, occurredOn: "2024-01-05", amount: "10.00", currency: "GBP" }, // no GBP rate either way: left out
        { streamId: s, occurredOn: "2024-02-03", amount: "0.09" }, // USD 9; EUR 9 / 1.2 = 7.5 → 8 (half to even)
        { streamId: s, occurredOn: "2024-02-10", amount: "250.00", currency: "EUR" }, // USD 25000 × 1.2 = 30000; EUR 25000
        { streamId: s, occurredOn: "2024-02-12", amount: "12.34", kind: "expense" }, // USD 1234; EUR 1234 / 1.2 = 1028.3 → 1028
        { streamId: s, occurredOn: "2024-02-20", amount: "-0.60" }, // a refund: USD -60; EUR -60 / 1.2 = -50
      ]),
      201,
    );
    const window = { from: "2024-01", to: "2024-02" };
    const missingGbp = [{ code: "missing-fx-rate", currency: "GBP", count: 1 }];
    const inUsd = await metricsOk(u, window);
    // Jan: 100000 + 3 = 100003; Feb: 9 + 30000 − 60 = 29949, expenses 1234, net 28715
    expect(inUsd.monthly).toEqual([
      { month: "2024-01", income: 100_003, expenses: 0, net: 100_003 },
      { month: "2024-02", income: 29_949, expenses: 1_234, net: 28_715 },
    ]);
    expect(inUsd.totals).toMatchObject({ income: 129_952, expenses: 1_234, net: 128_718 });
    expect(inUsd.warnings).toEqual(missingGbp);

    await ok(settings(u, { baseCurrency: "EUR" }), 200);
    const inEur = await metricsOk(u, window);
    expect(inEur.currency).toBe("EUR");
    // Jan: 83333 + 2 = 83335; Feb: 8 + 25000 − 50 = 24958, expenses 1028, net 23930
    expect(inEur.monthly).toEqual([
      { month: "2024-01", income: 83_335, expenses: 0, net: 83_335 },
      { month: "2024-02", income: 24_958, expenses: 1_028, net: 23_930 },
    ]);
    expect(inEur.totals).toMatchObject({ income: 108_293, expenses: 1_028, net: 107_265 });
    expect(inEur.warnings).toEqual(missingGbp);

    await ok(settings(u, { baseCurrency: "USD" }), 200);
    const back = await metricsOk(u, window);
    expect(back.currency).toBe("USD");
    expect(back.monthly).toEqual(inUsd.monthly);
    expect(back.totals).toEqual(inUsd.totals);
    expect(back.streams).toEqual(inUsd.streams);
    expect(back.warnings).toEqual(missingGbp);
  });

  it("a rate for another pair is no rate: without a direct or inverse one, rows are left out and reported", async () => {
    const u = await makeUser("No pair");
    const s = await stream(u, { name: "Shop", kind: "commerce", role: "anchor" });
    await ok(rates(u, [{ currency: "CHF", date: "2024-01-01", rate: "1.12" }]), 201); // USD per CHF
    await ok(
      transactions(u, [
        { streamId: s, occurredOn: "2024-01-15", amount: "100.00" }, // USD 10000
        { streamId: s, occurredOn: "2024-01-16", amount: "10.00", currency: "CHF" }, // 1000 × 1.12 = 1120
      ]),
      201,
    );
    await ok(settings(u, { baseCurrency: "EUR" }), 200);
    // Neither USD nor CHF has a rate quoted in EUR, and no EUR rate is quoted in USD or CHF.
    const body = await metricsOk(u, { from: "2024-01", to: "2024-01" });
    expect(body.monthly).toEqual([{ month: "2024-01", income: 0, expenses: 0, net: 0 }]);
    expect(body.warnings).toEqual([
      { code: "missing-fx-rate", currency: "CHF", count: 1 },
      { code: "missing-fx-rate", currency: "USD", count: 1 },
    ]);
  });
});
