// GET /api/v1/plan for a known portfolio built relative to today, through the real route and database.
// Every expected figure is worked out by hand below (METRICS.md *Planning*), in base minor units.
import { beforeAll, describe, expect, it } from "vitest";
import { GET as planRoute } from "@/app/api/v1/plan/route";
import { POST as postStream } from "@/app/api/v1/streams/route";
import { PATCH as patchSettings } from "@/app/api/v1/settings/route";
import { PATCH as patchStream } from "@/app/api/v1/streams/[id]/route";
import { POST as postTx } from "@/app/api/v1/transactions/route";
import { addDays } from "@/lib/metrics/days";
import { addMonths } from "@/lib/metrics/months";
import { planResponse } from "@/lib/schemas/plan";
import { todayIn } from "@/lib/today";
import { call, makeUser, type TestUser } from "../support/api";

/*
 * c = this month; the history is c−3, c−2, c−1 (F = c−3), n = 3.
 *
 *                 c−3       c−2      c−1
 * Consulting     10000     20000    40000   (expense 2000 in c−2)
 * Course          5000      5000     5000
 * Old           100000         —        —   (archived: in N(t), never forecast)
 * Bot (EUR, no rate: priced nowhere) income on the 6 days today−9 … today−4
 *
 * Consulting: b = 15000, mean 23333.33, a = 23333.33 − 15000 = 8333.33;
 *   f(1) = 8333.33 + 15000·3 = 53333.33, f(2) = 68333.33; residuals 1666.67, −3333.33, 1666.67
 *   → q_0.1 = −3333.33 + 0.2·5000 = −2333.33, q_0.9 = 1666.67.
 * Course: f = 5000, residuals 0. Bot: u = 0, 0, 0 → f = 0.
 * Portfolio U = 15000, 25000, 45000 → the same residuals as Consulting's:
 *   month 1: Σf = 58333.33 → low 56000, high 60000; month 2: Σf = 73333.33 → low 71000, high 75000.
 * N = 115000, 23000, 45000 (no buffer): running averages 115000, 69000, 61000; mean 61000 → sustainable 61000.
 * ?salary=700.00 (S = 70000): j·S − ΣN = −45000, 2000, 27000 → bufferNeeded 27000; N ≥ S once → monthsCovered 1.
 * Bot: gaps 1,1,1,1,1 → expectedGapDays 1; silent beyond max(3, 2) days; last income 4 days ago → silent.
 */
describe("GET /api/v1/plan", () => {
  let user: TestUser;
  let today: string;
  let ids: Record<string, string>;

  beforeAll(async () => {
    user = await makeUser("Planner");
    today = todayIn("UTC");
    const c = today.slice(0, 7);
    const day = (k: number) => `${addMonths(c, -k)}-15`;
    ids = {};
    for (const name of ["Consulting", "Course", "Old", "Bot"]) {
      const r = await call(postStream, "/api/v1/streams", { method: "POST", auth: { token: user.writeToken }, body: { name } });
      expect(r.status, JSON.stringify(r.json)).toBe(201);
      ids[name] = (r.json as { id: string }).id;
    }
    const tx = (stream: string, occurredOn: string, amount: string, extra: Record<string, string> = {}) => ({
      stream,
      occurredOn,
      amount,
      ...extra,
    });
    const batch = [
      tx("Consulting", day(3), "100.00"),
      tx("Consulting", day(2), "200.00"),
      tx("Consulting", day(1), "400.00"),
      tx("Consulting", day(2), "20.00", { kind: "expense" }),
      tx("Course", day(3), "50.00"),
      tx("Course", day(2), "50.00"),
      tx("Course", day(1), "50.00"),
      tx("Old", day(3), "1000.00"),
      ...[9, 8, 7, 6, 5, 4].map((d) => tx("Bot", addDays(today, -d), "3.00", { currency: "EUR" })),
    ];
    const r = await call(postTx, "/api/v1/transactions", { method: "POST", auth: { token: user.writeToken }, body: batch });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    const archived = await call(patchStream, "/api/v1/streams/x", {
      method: "PATCH",
      auth: { token: user.writeToken },
      params: { id: ids.Old! },
      body: { status: "archived" },
    });
    expect(archived.status).toBe(200);
  });

  it("answers the forecast, the salary and the silent streams of METRICS.md for a known portfolio", async () => {
    const r = await call(planRoute, "/api/v1/plan", { auth: { token: user.readToken }, query: { horizon: "2", salary: "700.00" } });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    const plan = planResponse.strict().parse(r.json);
    const c = today.slice(0, 7);
    expect(plan).toMatchObject({ today, currency: "USD", history: { from: addMonths(c, -3), to: addMonths(c, -1), months: 3 } });

    const near = (actual: number | null, expected: number) => expect(actual).toBeCloseTo(expected, 6);
    const [m1, m2] = plan.forecast.months;
    expect([m1!.month, m2!.month]).toEqual([addMonths(c, 1), addMonths(c, 2)]);
    near(m1!.expected, 175000 / 3);
    near(m1!.low, 56000);
    near(m1!.high, 60000);
    near(m2!.expected, 220000 / 3);
    near(m2!.low, 71000);
    near(m2!.high, 75000);
    expect([m1!.scheduled, m2!.scheduled]).toEqual([0, 0]);

    // active streams only, by name
    expect(plan.forecast.streams.map((s) => s.name)).toEqual(["Bot", "Consulting", "Course"]);
    const consulting = plan.forecast.streams[1]!.months;
    near(consulting[0]!.expected, 160000 / 3);
    near(consulting[0]!.low, 160000 / 3 - 7000 / 3);
    near(consulting[0]!.high, 160000 / 3 + 5000 / 3);
    expect(plan.forecast.streams[2]!.months.map((m) => [m.expected, m.low, m.high])).toEqual([
      [5000, 5000, 5000],
      [5000, 5000, 5000],
    ]);
    expect(plan.forecast.streams[0]!.months.map((m) => m.expected)).toEqual([0, 0]);

    expect(plan.salary).toEqual({ sustainable: 61000, buffer: null, target: 70000, bufferNeeded: 27000, monthsCovered: 1 });
    expect(plan.silentStreams).toEqual([
      { streamId: ids.Bot, name: "Bot", lastIncomeOn: addDays(today, -4), daysSinceLast: 4, expectedGapDays: 1, silent: true },
    ]);
    // The Bot's EUR income has no rate: it counts nowhere, and says so for the days in the history.
    for (const w of plan.warnings) expect(w).toMatchObject({ code: "missing-fx-rate", currency: "EUR" });
  });

  it("tries no salary without essential expenses, and refuses a bad horizon or salary with 422", async () => {
    const plain = await call(planRoute, "/api/v1/plan", { auth: { token: user.readToken } });
    expect(plain.status).toBe(200);
    const plan = planResponse.parse(plain.json);
    expect(plan.forecast.months).toHaveLength(6);
    expect(plan.salary).toMatchObject({ target: null, bufferNeeded: null, monthsCovered: null, sustainable: 61000 });

    const bad: Record<string, string>[] = [
      { horizon: "0" },
      { horizon: "25" },
      { horizon: "1.5" },
      { salary: "abc" },
      { salary: "-5" },
      { salary: "1.234" },
    ];
    for (const query of bad) {
      const r = await call(planRoute, "/api/v1/plan", { auth: { token: user.readToken }, query });
      expect(r.status, JSON.stringify(query)).toBe(422);
      expect(r.contentType).toBe("application/problem+json");
    }
    expect((await call(planRoute, "/api/v1/plan", { auth: null })).status).toBe(401);
  });

  it("tries the essential expenses when no salary is given, and counts the buffer", async () => {
    const other = await makeUser("Planner with settings");
    const c = todayIn("UTC").slice(0, 7);
    const s = await call(postStream, "/api/v1/streams", {
      method: "POST",
      auth: { token: other.writeToken },
      body: { name: "Consulting" },
    });
    expect(s.status).toBe(201);
    const amounts = ["1150.00", "230.00", "450.00"];
    const r = await call(postTx, "/api/v1/transactions", {
      method: "POST",
      auth: { token: other.writeToken },
      body: amounts.map((amount, i) => ({ stream: "Consulting", occurredOn: `${addMonths(c, i - 3)}-15`, amount })),
    });
    expect(r.status).toBe(201);
    const set = await call(patchSettings, "/api/v1/settings", {
      method: "PATCH",
      auth: { cookie: other.cookie },
      body: { essentialMonthlyExpenses: "500.00", cashBuffer: "100.00" },
    });
    expect(set.status, JSON.stringify(set.json)).toBe(200);
    // N = 115000, 23000, 45000, B = 10000: running averages 125000, 74000, 64333.33; the mean 61000 is lower.
    // S = E* = 50000: j·S − ΣN = −65000, −38000, −33000 → no buffer needed; N ≥ S in the first month only.
    const plan = planResponse.parse((await call(planRoute, "/api/v1/plan", { auth: { token: other.readToken } })).json);
    expect(plan.salary).toEqual({ sustainable: 61000, buffer: 10000, target: 50000, bufferNeeded: 0, monthsCovered: 1 });
  });

  it("shows another user nothing of this one's", async () => {
    const other = await makeUser("Other");
    const r = await call(planRoute, "/api/v1/plan", { auth: { token: other.readToken } });
    expect(r.status).toBe(200);
    expect(planResponse.parse(r.json)).toMatchObject({
      history: { from: null, to: null, months: 0 },
      forecast: { streams: [] },
      salary: { sustainable: null },
      silentStreams: [],
    });
  });
});
