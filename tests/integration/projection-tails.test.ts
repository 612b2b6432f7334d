// The goals' projection reads, per stream, the income dated after today's day of the month in the up to
// 6 complete months before the current one (METRICS.md Goals, `projected`). The loader reads each month
// on its shorter side of that day (the days after it, or the month's rollup total minus the days up to
// it); here its answer is compared with the plain sum of the transactions logged, for days on both sides,
// month ends that the day passes, refunds, expenses and an unpriced payment.
import { beforeAll, describe, expect, it } from "vitest";
import { POST as postGoal } from "@/app/api/v1/goals/route";
import { POST as createStream } from "@/app/api/v1/streams/route";
import { POST as postTransactions } from "@/app/api/v1/transactions/route";
import { loadMetricsInput } from "@/lib/data/metrics";
import { call, makeUser, type TestUser } from "../support/api";

type Logged = { streamId: string; occurredOn: string; amountMinor: number; kind: "income" | "expense"; priced: boolean };

let user: TestUser;
const logged: Logged[] = [];

const months = ["2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11"];
const days = [1, 2, 3, 5, 14, 15, 16, 20, 28, 29, 30, 31];
const lastDay = (m: string) => new Date(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)), 0)).getUTCDate();

beforeAll(async () => {
  user = await makeUser("Projection");
  const auth = { token: user.writeToken };
  const streamIds: string[] = [];
  for (const name of ["Retainer", "Shop"]) {
    const s = await call(createStream, "/api/v1/streams", { method: "POST", auth, body: { name } });
    expect(s.status).toBe(201);
    streamIds.push(s.json.id as string);
  }
  const body: Record<string, unknown>[] = [];
  let n = 0;
  for (const m of months)
    for (const d of days) {
      if (d > lastDay(m)) continue;
      const occurredOn = `${m}-${String(d).padStart(2, "0")}`;
      const streamId = streamIds[n % 2]!;
      // Amounts that differ, a refund now and then (a negative income), an expense, and one payment in a
      // currency without a rate (no base amount: it counts nowhere).
      const amountMinor = n % 7 === 3 ? -(1_000 + n) : 10_000 + 137 * n;
      const kind = n % 5 === 4 ? "expense" : "income";
      const priced = n !== 17;
      body.push({
        streamId,
        occurredOn,
        kind,
        amount: ((kind === "expense" ? Math.abs(amountMinor) : amountMinor) / 100).toFixed(2),
        ...(priced ? {} : { currency: "CHF" }),
      });
      logged.push({ streamId, occurredOn, amountMinor: kind === "expense" ? Math.abs(amountMinor) : amountMinor, kind, priced });
      n++;
    }
  const r = await call(postTransactions, "/api/v1/transactions", { method: "POST", auth, body });
  expect(r.status, JSON.stringify(r.json)).toBe(201);
  // A portfolio goal from April on: the current month has a target, so the projection is read.
  const g = await call(postGoal, "/api/v1/goals", {
    method: "POST",
    auth: { cookie: user.cookie },
    body: { amount: "3500.00", effectiveFrom: "2026-04" },
  });
  expect(g.status, JSON.stringify(g.json)).toBe(201);
});

/** The plain sum: income with a base amount, dated after `day`, per stream and month, in `tailMonths`. */
function byHand(tailMonths: string[], day: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of logged) {
    const m = t.occurredOn.slice(0, 7);
    if (t.kind !== "income" || !t.priced || !tailMonths.includes(m) || Number(t.occurredOn.slice(8)) <= day) continue;
    out.set(`${t.streamId} ${m}`, (out.get(`${t.streamId} ${m}`) ?? 0) + t.amountMinor);
  }
  return out;
}

function loaded(rows: { streamId: string; month: string; income: number }[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows) if (r.income !== 0) out.set(`${r.streamId} ${r.month}`, (out.get(`${r.streamId} ${r.month}`) ?? 0) + r.income);
  return out;
}

describe("the projection's tails", () => {
  // Today in November: the six complete months before it are May..October (April is the first month, F).
  const tailMonths = ["2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10"];
  it.each([1, 2, 3, 14, 15, 16, 20, 29, 30])("equal the plain sum on day %i of the month", async (day) => {
    const now = new Date(`2026-11-${String(day).padStart(2, "0")}T12:00:00Z`);
    const input = await loadMetricsInput(user.id, { from: "2026-11", to: "2026-11" }, now);
    const expected = byHand(tailMonths, day);
    expect(expected.size).toBeGreaterThan(day >= 30 ? 0 : 4);
    expect(loaded(input.incomeAfterToday)).toEqual(expected);
  });
});
