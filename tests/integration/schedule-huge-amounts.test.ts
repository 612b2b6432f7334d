// Schedules with the largest amounts the API takes, many of them: the reads that add their occurrences up
// (the Overview's summary, the plan, the occurrences list) answer 200 with exact figures, never a 500; the
// summary leaves out and reports (total-too-large) what would take a sum past 2^53 minor units.
import { beforeAll, describe, expect, it } from "vitest";
import { GET as planRoute } from "@/app/api/v1/plan/route";
import { GET as occurrencesRoute } from "@/app/api/v1/schedules/occurrences/route";
import { POST as postSchedule } from "@/app/api/v1/schedules/route";
import { GET as summaryRoute } from "@/app/api/v1/schedules/summary/route";
import { POST as postStream } from "@/app/api/v1/streams/route";
import { addDays } from "@/lib/metrics/days";
import { daysInMonth } from "@/lib/metrics/months";
import { todayIn } from "@/lib/today";
import { call, makeUser, type TestUser } from "../support/api";

let user: TestUser;

beforeAll(async () => {
  user = await makeUser("Huge");
  const auth = { token: user.writeToken };
  const s = await call(postStream, "/api/v1/streams", { method: "POST", auth, body: { name: "Whale" } });
  expect(s.status).toBe(201);
  const today = todayIn("UTC");
  // 100 weekly schedules of 1,000,000,000,000.00 (1e14 minor units, the most one amount may be), due since
  // a year ago and never paid: about 5,300 late occurrences, 5.3e17 minor units together, far beyond 2^53.
  for (let i = 0; i < 100; i++) {
    const r = await call(postSchedule, "/api/v1/schedules", {
      method: "POST",
      auth,
      body: {
        streamId: s.json.id,
        name: `Whale ${i}`,
        amount: "1000000000000.00",
        cadence: "weekly",
        startOn: addDays(today, -360 + (i % 7)),
      },
    });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
  }
});

describe("schedules with the largest amounts", () => {
  it("answer the summary, the plan and the occurrences with 200, exact, reporting what is left out", async () => {
    const auth = { token: user.readToken };
    const today = todayIn("UTC");
    const month = today.slice(0, 7);
    const summary = await call(summaryRoute, "/api/v1/schedules/summary", { auth });
    expect(summary.status, JSON.stringify(summary.json)).toBe(200);
    const plan = await call(planRoute, "/api/v1/plan", { auth });
    expect(plan.status, JSON.stringify(plan.json)).toBe(200);
    // Every occurrence of the last year and this month, page by page (500 a page).
    const open: { dueOn: string; status: string }[] = [];
    let cursor: string | null = null;
    do {
      const page = await call(occurrencesRoute, "/api/v1/schedules/occurrences", {
        auth,
        query: {
          from: addDays(today, -365),
          to: `${month}-${String(daysInMonth(month)).padStart(2, "0")}`,
          limit: "500",
          ...(cursor ? { cursor } : {}),
        },
      });
      expect(page.status, JSON.stringify(page.json)).toBe(200);
      const json = page.json as { data: { dueOn: string; status: string }[]; nextCursor: string | null };
      open.push(...json.data.filter((o) => o.status !== "received"));
      cursor = json.nextCursor;
    } while (cursor);

    // What the summary adds up, counted from the occurrences: late ones, and the rest of this month's.
    const lateN = open.filter((o) => o.status === "late").length;
    const expectedN = open.filter((o) => o.status !== "late" && o.dueOn >= `${month}-01`).length;
    const body = summary.json as {
      expected: { amountMinor: number; count: number };
      late: { amountMinor: number; count: number };
      warnings: { code: string; currency: string; count: number }[];
    };
    const leftOut = body.warnings.find((w) => w.code === "total-too-large");
    expect(leftOut).toMatchObject({ currency: "USD" });
    // Every occurrence is counted once: added up, or left out and reported.
    expect(body.late.count + body.expected.count + leftOut!.count).toBe(lateN + expectedN);
    // And what is added up is exact: each occurrence is 1e14, the sums stay at or below 2^53.
    for (const bucket of [body.late, body.expected]) {
      expect(Number.isSafeInteger(bucket.amountMinor)).toBe(true);
      expect(bucket.amountMinor).toBe(bucket.count * 1e14);
    }
    expect(body.late.count).toBe(90); // ⌊(2^53 − 1) / 1e14⌋ = 90 occurrences fit
  });
});
