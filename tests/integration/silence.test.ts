// GET /api/v1/streams/silence (METRICS.md *Silent streams*) against the real route and database: which
// active streams are monitored, and their last income, usual gap and silence, computed here by hand.
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getPlan } from "@/app/api/v1/plan/route";
import { GET as getSilence } from "@/app/api/v1/streams/silence/route";
import { POST as createStream } from "@/app/api/v1/streams/route";
import { POST as postTransactions } from "@/app/api/v1/transactions/route";
import { addDays } from "@/lib/metrics/days";
import { silenceResponse, type SilenceView } from "@/lib/schemas/streams";
import { call, makeUser, type TestUser } from "../support/api";

let alice: TestUser;
let bob: TestUser;
let today: string;
const ids = new Map<string, string>();

async function silence(user: TestUser): Promise<SilenceView> {
  const r = await call(getSilence, "/api/v1/streams/silence", { auth: { token: user.readToken } });
  expect(r.status, JSON.stringify(r.json)).toBe(200);
  return silenceResponse.strict().parse(r.json);
}

/** A stream with an income of 10.00 on each of `daysAgo` (days before today), and anything else in `more`. */
async function stream(name: string, status: string, daysAgo: number[], more: Record<string, unknown>[] = []) {
  const s = await call(createStream, "/api/v1/streams", { method: "POST", auth: { token: alice.writeToken }, body: { name, status } });
  expect(s.status, JSON.stringify(s.json)).toBe(201);
  const id = s.json.id as string;
  ids.set(name, id);
  const body = [
    ...daysAgo.map((d) => ({ streamId: id, occurredOn: addDays(today, -d), amount: "10.00" })),
    ...more.map((m) => ({ streamId: id, ...m })),
  ];
  const t = await call(postTransactions, "/api/v1/transactions", { method: "POST", auth: { token: alice.writeToken }, body });
  expect(t.status, JSON.stringify(t.json)).toBe(201);
}

beforeAll(async () => {
  alice = await makeUser("Alice");
  bob = await makeUser("Bob");
  // The route's "today" (the user's time zone): the dates below count back from it.
  today = (await silence(alice)).today;

  // Six daily incomes, the last 10 days ago: dates today-15 .. today-10, gaps [1, 1, 1, 1, 1].
  // expectedGapDays = q_0.9 = 1 (every gap is 1); daysSinceLast = 10; silent = 10 > max(3, 2 * 1) = 3: true.
  // A second income on the last day counts once (distinct dates).
  await stream("Caption bot", "active", [15, 14, 13, 12, 11, 10, 10]);

  // Six dates today-30, -29, -27, -24, -20, -10: gaps [1, 2, 3, 4, 10]. q_0.9: n = 5, h = 4 * 0.9 = 3.6,
  // y_3 = 4, y_4 = 10, so 4 + 0.6 * (10 - 4) = 7.6. daysSinceLast = 10; silent = 10 > max(3, 15.2): false.
  await stream("Etsy shop", "active", [30, 29, 27, 24, 20, 10]);

  // Earns every day until yesterday: gaps [1, 1, 1, 1, 1], daysSinceLast = 1; 1 > max(3, 2) is false.
  await stream("Affiliate site", "active", [6, 5, 4, 3, 2, 1]);

  // The same silence as the caption bot, but paused or archived: not monitored, not listed.
  await stream("Paused bot", "paused", [15, 14, 13, 12, 11, 10]);
  await stream("Archived bot", "archived", [15, 14, 13, 12, 11, 10]);

  // Too little history: five income dates in the 180 days ending today. The sixth and seventh dates do
  // not count: today-180 is outside today-179 .. today, an expense is not income, and a negative income
  // is not a positive amount.
  await stream(
    "New course",
    "active",
    [14, 13, 12, 11, 10, 180],
    [
      { occurredOn: addDays(today, -9), amount: "5.00", kind: "expense" },
      { occurredOn: addDays(today, -8), amount: "-5.00" },
    ],
  );
});

describe("GET /api/v1/streams/silence", () => {
  it("lists each monitored active stream by name, silent when quiet for over twice its usual gap", async () => {
    const r = await silence(alice);
    expect(r.today).toBe(today);
    expect(r.data).toEqual([
      {
        streamId: ids.get("Affiliate site"),
        name: "Affiliate site",
        lastIncomeOn: addDays(today, -1),
        daysSinceLast: 1,
        expectedGapDays: 1,
        silent: false,
      },
      {
        streamId: ids.get("Caption bot"),
        name: "Caption bot",
        lastIncomeOn: addDays(today, -10),
        daysSinceLast: 10,
        expectedGapDays: 1,
        silent: true,
      },
      {
        streamId: ids.get("Etsy shop"),
        name: "Etsy shop",
        lastIncomeOn: addDays(today, -10),
        daysSinceLast: 10,
        expectedGapDays: expect.closeTo(7.6, 10) as number,
        silent: false,
      },
    ]);
    // Not listed: paused, archived, too little history.
    const names = r.data.map((s) => s.name);
    for (const name of ["Paused bot", "Archived bot", "New course"]) expect(names).not.toContain(name);
  });

  it("says the same as the plan's silentStreams", async () => {
    const plan = await call(getPlan, "/api/v1/plan", { auth: { token: alice.readToken } });
    expect(plan.status, JSON.stringify(plan.json)).toBe(200);
    expect(plan.json.silentStreams).toEqual((await silence(alice)).data);
  });

  it("shows only the caller's streams", async () => {
    const r = await silence(bob);
    expect(r.data).toEqual([]);
  });
});
