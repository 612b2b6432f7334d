// Schedules through the real routes and database: the API of METRICS.md *Schedules* (occurrences, settlement
// by linked payments, statuses on today), `scheduleId` on transactions, the plan's scheduled part, backups.
import { beforeAll, describe, expect, it } from "vitest";
import { GET as exportRoute } from "@/app/api/v1/export/route";
import { POST as postRate } from "@/app/api/v1/fx-rates/route";
import { GET as planRoute } from "@/app/api/v1/plan/route";
import { POST as restoreRoute } from "@/app/api/v1/restore/route";
import { DELETE as deleteSchedule, GET as getSchedule, PATCH as patchSchedule } from "@/app/api/v1/schedules/[id]/route";
import { GET as occurrencesRoute } from "@/app/api/v1/schedules/occurrences/route";
import { GET as listSchedules, POST as postSchedule } from "@/app/api/v1/schedules/route";
import { GET as suggestionsRoute } from "@/app/api/v1/schedules/suggestions/route";
import { GET as summaryRoute } from "@/app/api/v1/schedules/summary/route";
import { POST as importRoute } from "@/app/api/v1/imports/route";
import { PATCH as patchStream } from "@/app/api/v1/streams/[id]/route";
import { POST as postStream } from "@/app/api/v1/streams/route";
import { DELETE as deleteTx, GET as getTx, PATCH as patchTx } from "@/app/api/v1/transactions/[id]/route";
import { GET as listTx, POST as postTx } from "@/app/api/v1/transactions/route";
import { sql } from "drizzle-orm";
import { getDb } from "@/db/index";
import { logDueSchedules } from "@/lib/data/schedule-autolog";
import { addDays } from "@/lib/metrics/days";
import { addMonths } from "@/lib/metrics/months";
import { planResponse } from "@/lib/schemas/plan";
import { todayIn } from "@/lib/today";
import { call, makeUser, type TestUser } from "../support/api";

type Json = Record<string, unknown>;
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

async function stream(user: TestUser, name: string) {
  const r = await call(postStream, "/api/v1/streams", { method: "POST", auth: { token: user.writeToken }, body: { name } });
  expect(r.status, JSON.stringify(r.json)).toBe(201);
  return (r.json as { id: string }).id;
}

async function schedule(user: TestUser, body: Json) {
  const r = await call(postSchedule, "/api/v1/schedules", { method: "POST", auth: { token: user.writeToken }, body });
  expect(r.status, JSON.stringify(r.json)).toBe(201);
  return r.json as Json & { id: string };
}

async function pay(user: TestUser, body: Json) {
  const r = await call(postTx, "/api/v1/transactions", { method: "POST", auth: { token: user.writeToken }, body });
  expect(r.status, JSON.stringify(r.json)).toBe(201);
  return r.json as Json & { id: string };
}

async function occurrences(user: TestUser, query: Record<string, string>) {
  const r = await call(occurrencesRoute, "/api/v1/schedules/occurrences", { auth: { token: user.readToken }, query });
  expect(r.status, JSON.stringify(r.json)).toBe(200);
  return r.json as { data: (Json & { dueOn: string; status: string; transactionId: string | null })[]; nextCursor: string | null };
}

describe("schedules", () => {
  let alice: TestUser;
  let mallory: TestUser;
  let consulting: string;
  let blog: string;
  const today = todayIn("UTC");

  beforeAll(async () => {
    alice = await makeUser("Alice");
    mallory = await makeUser("Mallory");
    consulting = await stream(alice, "Consulting");
    blog = await stream(alice, "Blog");
  });

  it("creates a schedule with the defaults of METRICS.md and answers it in the API's money shape", async () => {
    const s = await schedule(alice, {
      streamId: consulting,
      name: "Acme retainer",
      amount: "3000.00",
      cadence: "monthly",
      startOn: "2026-01-01",
    });
    expect(s).toMatchObject({
      streamId: consulting,
      name: "Acme retainer",
      counterparty: null,
      kind: "income",
      amount: "3000.00",
      amountMinor: 300000,
      currency: "USD",
      cadence: "monthly",
      interval: 1,
      startOn: "2026-01-01",
      endOn: null,
      graceDays: 5,
      autoLog: false,
    });
    const got = await call(getSchedule, "/api/v1/schedules/x", { auth: { token: alice.readToken }, params: { id: s.id } });
    expect(got.json).toEqual(s);
    const list = await call(listSchedules, "/api/v1/schedules", { auth: { token: alice.readToken }, query: { stream: consulting } });
    expect((list.json as { data: Json[] }).data.map((x) => x.id)).toContain(s.id);
  });

  it("takes a form-encoded schedule, as no-code tools send it", async () => {
    const r = await call(postSchedule, "/api/v1/schedules", {
      method: "POST",
      auth: { token: alice.writeToken },
      headers: { "content-type": "application/x-www-form-urlencoded" },
      rawBody: form({
        streamId: blog,
        amount: "9",
        currency: "EUR",
        cadence: "weekly",
        interval: "2",
        graceDays: "0",
        autoLog: "true",
        startOn: "2026-03-02",
      }),
    });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    expect(r.json).toMatchObject({
      amount: "9.00",
      amountMinor: 900,
      currency: "EUR",
      cadence: "weekly",
      interval: 2,
      graceDays: 0,
      autoLog: true,
    });
  });

  it("refuses what it cannot keep with field errors, and keeps nothing", async () => {
    const before = await call(listSchedules, "/api/v1/schedules", { auth: { token: alice.readToken } });
    const cases: [Json, string, RegExp][] = [
      [{ streamId: consulting, amount: "10", cadence: "daily", startOn: "2026-01-01" }, "cadence", /weekly, monthly/],
      [{ streamId: consulting, amount: "10", cadence: "monthly", startOn: "2026-02-30" }, "startOn", /real calendar date/],
      [{ streamId: consulting, amount: "10", cadence: "monthly", startOn: "2026-05-01", endOn: "2026-04-01" }, "endOn", /before the start/],
      [{ streamId: consulting, amount: "10.001", cadence: "monthly", startOn: "2026-01-01" }, "amount", /decimals/],
      [{ streamId: consulting, amount: "0", cadence: "monthly", startOn: "2026-01-01" }, "amount", /positive/],
      [{ streamId: consulting, amount: "-5", cadence: "monthly", startOn: "2026-01-01" }, "amount", /positive/],
      [{ streamId: consulting, amount: "10", cadence: "monthly", startOn: "2026-01-01", interval: 0 }, "interval", /at least 1/],
      [{ streamId: consulting, amount: "10", cadence: "monthly", startOn: "2026-01-01", graceDays: 1.5 }, "graceDays", /whole number/],
      [{ streamId: consulting, amount: "10", cadence: "monthly", startOn: "2026-01-01", autoLog: "yes" }, "autoLog", /true or false/],
      [{ streamId: "not-an-id", amount: "10", cadence: "monthly", startOn: "2026-01-01" }, "streamId", /No such stream/],
    ];
    for (const [body, path, message] of cases) {
      const r = await call(postSchedule, "/api/v1/schedules", { method: "POST", auth: { token: alice.writeToken }, body });
      expect(r.status, JSON.stringify(body)).toBe(422);
      expect(r.contentType).toBe("application/problem+json");
      const error = (r.json as { errors: { path: string; message: string }[] }).errors.find((e) => e.path === path);
      expect(error?.message, `${JSON.stringify(body)} → ${JSON.stringify(r.json)}`).toMatch(message);
    }
    // Another user's stream is no stream of the caller's.
    const theirs = await call(postSchedule, "/api/v1/schedules", {
      method: "POST",
      auth: { token: mallory.writeToken },
      body: { streamId: consulting, amount: "10", cadence: "monthly", startOn: "2026-01-01" },
    });
    expect(theirs.status).toBe(422);
    const after = await call(listSchedules, "/api/v1/schedules", { auth: { token: alice.readToken } });
    expect(after.json).toEqual(before.json);
  });

  it("is the caller's alone: another user's schedule is a 404 to read, change or delete, and absent from their lists", async () => {
    const s = await schedule(alice, { streamId: consulting, amount: "1.00", cadence: "yearly", startOn: "2026-01-01" });
    const auth = { token: mallory.writeToken };
    expect((await call(getSchedule, "/api/v1/schedules/x", { auth, params: { id: s.id } })).status).toBe(404);
    expect(
      (await call(patchSchedule, "/api/v1/schedules/x", { method: "PATCH", auth, params: { id: s.id }, body: { amount: "2" } })).status,
    ).toBe(404);
    expect((await call(deleteSchedule, "/api/v1/schedules/x", { method: "DELETE", auth, params: { id: s.id } })).status).toBe(404);
    expect((await call(listSchedules, "/api/v1/schedules", { auth })).json).toEqual({ data: [], nextCursor: null });
    const occ = await call(occurrencesRoute, "/api/v1/schedules/occurrences", { auth, query: { from: "2026-01-01", to: "2026-12-31" } });
    expect(occ.json).toEqual({ data: [], nextCursor: null });
    // Nor can a payment of theirs settle it.
    const other = await stream(mallory, "Mine");
    const r = await call(postTx, "/api/v1/transactions", {
      method: "POST",
      auth,
      body: { streamId: other, occurredOn: "2026-01-01", amount: "1.00", scheduleId: s.id },
    });
    expect(r.status).toBe(422);
    expect(JSON.stringify(r.json)).toContain("No such schedule.");
  });

  /*
   * Monthly from Jan 31 to Apr 30: due Jan 31, Feb 28 (the month's last day), Mar 31, Apr 30.
   * Paid Mar 2 (logged first), then Feb 27 (logged second). Settled in order of occurredOn:
   *   Feb 27 → nearest unsettled Feb 28 (1 day); Mar 2 → Feb 28 is taken: Mar 31 (29 days) beats Jan 31 (30 days).
   * Deleting the Feb 27 payment settles again from scratch: Mar 2 → Feb 28 (2 days).
   * Moving it to Apr 29 → Apr 30. Every unsettled one is late (today is long past each due date + 5).
   */
  it("settles occurrences by the nearest due date, in order of payment, from scratch after every edit and delete", async () => {
    const s = await schedule(alice, {
      streamId: consulting,
      amount: "500.00",
      cadence: "monthly",
      startOn: "2026-01-31",
      endOn: "2026-04-30",
    });
    const query = { from: "2026-01-01", to: "2026-06-30" };
    const mine = async () => (await occurrences(alice, query)).data.filter((o) => o.scheduleId === s.id);
    expect((await mine()).map((o) => [o.dueOn, o.status])).toEqual([
      ["2026-01-31", "late"],
      ["2026-02-28", "late"],
      ["2026-03-31", "late"],
      ["2026-04-30", "late"],
    ]);

    const march = await pay(alice, { streamId: consulting, occurredOn: "2026-03-02", amount: "500.00", scheduleId: s.id });
    const feb = await pay(alice, { streamId: consulting, occurredOn: "2026-02-27", amount: "500.00", scheduleId: s.id });
    expect(march.scheduleId).toBe(s.id);
    expect((await mine()).map((o) => [o.dueOn, o.status, o.transactionId])).toEqual([
      ["2026-01-31", "late", null],
      ["2026-02-28", "received", feb.id],
      ["2026-03-31", "received", march.id],
      ["2026-04-30", "late", null],
    ]);
    // A settled occurrence keeps the schedule's amount and currency.
    expect((await mine())[1]).toEqual({
      scheduleId: s.id,
      streamId: consulting,
      dueOn: "2026-02-28",
      amount: "500.00",
      amountMinor: 50000,
      currency: "USD",
      status: "received",
      transactionId: feb.id,
    });

    expect(
      (await call(deleteTx, "/api/v1/transactions/x", { method: "DELETE", auth: { token: alice.writeToken }, params: { id: feb.id } }))
        .status,
    ).toBe(200);
    expect((await mine()).map((o) => [o.dueOn, o.transactionId])).toEqual([
      ["2026-01-31", null],
      ["2026-02-28", march.id],
      ["2026-03-31", null],
      ["2026-04-30", null],
    ]);

    const moved = await call(patchTx, "/api/v1/transactions/x", {
      method: "PATCH",
      auth: { token: alice.writeToken },
      params: { id: march.id },
      body: { occurredOn: "2026-04-29" },
    });
    expect(moved.status, JSON.stringify(moved.json)).toBe(200);
    expect((await mine()).map((o) => [o.dueOn, o.transactionId])).toEqual([
      ["2026-01-31", null],
      ["2026-02-28", null],
      ["2026-03-31", null],
      ["2026-04-30", march.id],
    ]);

    // Unlinking by PATCH scheduleId: null.
    await call(patchTx, "/api/v1/transactions/x", {
      method: "PATCH",
      auth: { token: alice.writeToken },
      params: { id: march.id },
      body: { scheduleId: null },
    });
    expect((await mine()).every((o) => o.status === "late")).toBe(true);

    // Deleting the schedule keeps the payment, unlinked.
    await call(patchTx, "/api/v1/transactions/x", {
      method: "PATCH",
      auth: { token: alice.writeToken },
      params: { id: march.id },
      body: { scheduleId: s.id },
    });
    const del = await call(deleteSchedule, "/api/v1/schedules/x", {
      method: "DELETE",
      auth: { token: alice.writeToken },
      params: { id: s.id },
    });
    expect(del.status).toBe(204);
    const kept = await call(getTx, "/api/v1/transactions/x", { auth: { token: alice.readToken }, params: { id: march.id } });
    expect(kept.json).toMatchObject({ id: march.id, scheduleId: null, amount: "500.00" });
  });

  /* Weekly from today − 14 with 5 days' grace: today − 14 late (14 > 5), today − 7 late (7 > 5), today due, today + 7 upcoming. */
  it("answers each occurrence's status on today: upcoming, due within the grace days, then late", async () => {
    const s = await schedule(alice, { streamId: blog, amount: "9.00", cadence: "weekly", startOn: addDays(today, -14) });
    const got = (await occurrences(alice, { from: addDays(today, -14), to: addDays(today, 7) })).data.filter((o) => o.scheduleId === s.id);
    expect(got.map((o) => [o.dueOn, o.status])).toEqual([
      [addDays(today, -14), "late"],
      [addDays(today, -7), "late"],
      [today, "due"],
      [addDays(today, 7), "upcoming"],
    ]);
    const grace = await call(patchSchedule, "/api/v1/schedules/x", {
      method: "PATCH",
      auth: { token: alice.writeToken },
      params: { id: s.id },
      body: { graceDays: 7 },
    });
    expect(grace.status).toBe(200);
    const late = await occurrences(alice, { from: addDays(today, -14), to: addDays(today, 7), status: "late", stream: blog });
    expect(late.data.filter((o) => o.scheduleId === s.id).map((o) => o.dueOn)).toEqual([addDays(today, -14)]);
  });

  it("pages the occurrences in order of due date, then schedule, and refuses a span over ten years", async () => {
    const all = await occurrences(alice, { from: "2026-01-01", to: "2026-12-31", limit: "500" });
    const keys = all.data.map((o) => `${o.dueOn}|${o.scheduleId}`);
    expect(keys).toEqual([...keys].sort());
    expect(all.data.length).toBeGreaterThan(5);
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await occurrences(alice, { from: "2026-01-01", to: "2026-12-31", limit: "3", ...(cursor ? { cursor } : {}) });
      expect(page.data.length).toBeLessThanOrEqual(3);
      paged.push(...page.data.map((o) => `${o.dueOn}|${o.scheduleId}`));
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toEqual(keys);

    for (const query of [
      { from: "2000-01-01", to: "2026-01-01" },
      { from: "2026-02-01", to: "2026-01-01" },
      { from: "2026-01-01", to: "2026-01-01", cursor: "nonsense" },
      { from: "2026-13-01", to: "2026-12-01" },
    ] as Record<string, string>[]) {
      const r = await call(occurrencesRoute, "/api/v1/schedules/occurrences", { auth: { token: alice.readToken }, query });
      expect(r.status, JSON.stringify(query)).toBe(422);
    }
  });

  it("lets a payment settle only a schedule of its own stream and kind", async () => {
    const s = await schedule(alice, { streamId: consulting, amount: "100.00", cadence: "monthly", startOn: "2026-01-01" });
    const bad = await call(postTx, "/api/v1/transactions", {
      method: "POST",
      auth: { token: alice.writeToken },
      body: [
        { streamId: blog, occurredOn: "2026-01-01", amount: "100.00", scheduleId: s.id },
        { streamId: consulting, occurredOn: "2026-01-01", amount: "100.00", kind: "expense", scheduleId: s.id },
        { streamId: consulting, occurredOn: "2026-01-01", amount: "100.00", scheduleId: "00000000-0000-4000-8000-000000000000" },
      ],
    });
    expect(bad.status).toBe(422);
    expect((bad.json as { errors: { path: string; message: string }[] }).errors).toEqual([
      { path: "0.scheduleId", message: "That schedule belongs to another stream." },
      { path: "1.scheduleId", message: "That schedule expects income, not expense." },
      { path: "2.scheduleId", message: "No such schedule." },
    ]);
    // Moving a linked payment to another stream without unlinking it is refused, and changes nothing.
    const t = await pay(alice, { streamId: consulting, occurredOn: "2026-01-02", amount: "100.00", scheduleId: s.id });
    const move = await call(patchTx, "/api/v1/transactions/x", {
      method: "PATCH",
      auth: { token: alice.writeToken },
      params: { id: t.id },
      body: { streamId: blog },
    });
    expect(move.status).toBe(422);
    const same = await call(getTx, "/api/v1/transactions/x", { auth: { token: alice.readToken }, params: { id: t.id } });
    expect(same.json).toMatchObject({ streamId: consulting, scheduleId: s.id });
  });
});

/*
 * The plan's scheduled part (METRICS.md *Forecast*). c = this month; history c−3 … c−1 (n = 3).
 * Retainer: 500.00 a month linked to its schedule (due the 5th from c−3) plus 100.00 unlinked each month:
 *   u = 10000, 10000, 10000 → f = 10000, residuals 0; the linked 50000 a month is left out of the trend.
 * Its occurrences due in c+1 and c+2 are unsettled: scheduled = 50000 each → expected = low = high = 60000.
 * Sponsor (EUR, rate 1.1 on the first of c−3): 10.05 EUR quarterly from c+1 → 1105.5 → half-even 1106 in c+1 only.
 * A paused stream's schedule expects nothing; a schedule in a currency without a rate is a warning.
 */
describe("the plan's scheduled part", () => {
  it("adds the unsettled occurrences at today's rate and leaves linked income out of the trend", async () => {
    const user = await makeUser("Planner");
    const today = todayIn("UTC");
    const c = today.slice(0, 7);
    const retainer = await stream(user, "Retainer");
    const sponsor = await stream(user, "Sponsor");
    const paused = await stream(user, "Paused");
    const rs = await schedule(user, { streamId: retainer, amount: "500.00", cadence: "monthly", startOn: `${addMonths(c, -3)}-05` });
    await schedule(user, { streamId: sponsor, amount: "10.05", currency: "EUR", cadence: "quarterly", startOn: `${addMonths(c, 1)}-20` });
    await schedule(user, { streamId: sponsor, amount: "1.00", currency: "JPY", cadence: "monthly", startOn: `${addMonths(c, 1)}-01` });
    await schedule(user, { streamId: paused, amount: "70.00", cadence: "monthly", startOn: `${addMonths(c, 1)}-01` });
    expect(
      (
        await call(patchStream, "/api/v1/streams/x", {
          method: "PATCH",
          auth: { token: user.writeToken },
          params: { id: paused },
          body: { status: "paused" },
        })
      ).status,
    ).toBe(200);
    const rate = await call(postRate, "/api/v1/fx-rates", {
      method: "POST",
      auth: { token: user.writeToken },
      body: { currency: "EUR", date: `${addMonths(c, -3)}-01`, rate: "1.1" },
    });
    expect(rate.status, JSON.stringify(rate.json)).toBeLessThan(300);
    await pay(
      user,
      [3, 2, 1].flatMap((k) => [
        { streamId: retainer, occurredOn: `${addMonths(c, -k)}-06`, amount: "500.00", scheduleId: rs.id },
        { streamId: retainer, occurredOn: `${addMonths(c, -k)}-20`, amount: "100.00" },
      ]) as unknown as Json,
    );

    const r = await call(planRoute, "/api/v1/plan", { auth: { token: user.readToken }, query: { horizon: "2" } });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    const plan = planResponse.parse(r.json);
    const byName = Object.fromEntries(plan.forecast.streams.map((s) => [s.name, s.months]));
    expect(byName.Retainer).toEqual([
      { month: addMonths(c, 1), expected: 60000, low: 60000, high: 60000, scheduled: 50000 },
      { month: addMonths(c, 2), expected: 60000, low: 60000, high: 60000, scheduled: 50000 },
    ]);
    expect(byName.Sponsor).toEqual([
      { month: addMonths(c, 1), expected: 1106, low: 1106, high: 1106, scheduled: 1106 },
      { month: addMonths(c, 2), expected: 0, low: 0, high: 0, scheduled: 0 },
    ]);
    expect(byName.Paused).toBeUndefined();
    expect(plan.forecast.months.map((m) => m.scheduled)).toEqual([51106, 50000]);
    expect(plan.forecast.months.map((m) => m.expected)).toEqual([61106, 60000]);
    expect(plan.warnings).toEqual([{ code: "missing-fx-rate-scheduled", currency: "JPY", count: 2 }]);
  });
});

describe("stream links and backups", () => {
  it("keeps which stream feeds which, both ways, and refuses a link to itself or to another user's stream", async () => {
    const user = await makeUser("Linker");
    const other = await makeUser("Other");
    const youtube = await stream(user, "YouTube");
    const consulting = await stream(user, "Consulting");
    const templates = await stream(user, "Templates");
    const theirs = await stream(other, "Theirs");
    const patch = (id: string, body: Json, u = user) =>
      call(patchStream, "/api/v1/streams/x", { method: "PATCH", auth: { token: u.writeToken }, params: { id }, body });

    const r = await patch(youtube, { feeds: [consulting, templates] });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(r.json).toMatchObject({ feeds: [consulting, templates].sort(), fedBy: [] });
    const formLinked = await call(patchStream, "/api/v1/streams/x", {
      method: "PATCH",
      auth: { token: user.writeToken },
      params: { id: consulting },
      headers: { "content-type": "application/x-www-form-urlencoded" },
      rawBody: form({ feeds: `${templates}` }),
    });
    expect(formLinked.status, JSON.stringify(formLinked.json)).toBe(200);
    expect(formLinked.json).toMatchObject({ feeds: [templates], fedBy: [youtube] });

    for (const [body, message] of [
      [{ feeds: [youtube] }, "A stream does not feed itself."],
      [{ feeds: [theirs] }, "No such stream."],
      [{ feeds: ["nope"] }, "No such stream."],
    ] as const) {
      const bad = await patch(youtube, body);
      expect(bad.status).toBe(422);
      expect((bad.json as { errors: { path: string; message: string }[] }).errors).toEqual([{ path: "feeds.0", message }]);
    }
    const unchanged = await patch(youtube, { description: "still linked" });
    expect(unchanged.json).toMatchObject({ feeds: [consulting, templates].sort() });
    // Another user cannot link their stream to this one.
    expect((await patch(theirs, { feeds: [youtube] }, other)).status).toBe(422);

    // A backup keeps the links, the schedules and which payment settles which occurrence.
    const s = await schedule(user, {
      streamId: consulting,
      name: "Acme",
      counterparty: "Acme",
      amount: "3000.00",
      cadence: "monthly",
      startOn: "2026-01-15",
    });
    await pay(user, { streamId: consulting, occurredOn: "2026-02-14", amount: "3000.00", scheduleId: s.id });
    const exported = await call(exportRoute, "/api/v1/export", { auth: { token: user.readToken }, query: { format: "json" } });
    expect(exported.status).toBe(200);
    const copy = await makeUser("Copy");
    const restored = await call(restoreRoute, "/api/v1/restore", { method: "POST", auth: { token: copy.writeToken }, body: exported.json });
    expect(restored.status, JSON.stringify(restored.json)).toBe(201);
    expect(restored.json).toMatchObject({ streams: 3, schedules: 1, transactions: 1 });
    const shape = async (u: TestUser) => {
      const list = (await occurrences(u, { from: "2026-01-01", to: "2026-04-30" })).data;
      return list.map((o) => [o.dueOn, o.status, o.amount, o.transactionId !== null]);
    };
    expect(await shape(copy)).toEqual(await shape(user));
    expect((await shape(copy))[1]).toEqual(["2026-02-15", "received", "3000.00", true]);
    const copied = (exported.json as { streamFeeds: unknown[] }).streamFeeds;
    expect(copied).toHaveLength(3);
  });
});

describe("matching payments to expected income", () => {
  it("suggests a logged payment for an unsettled occurrence, settles it by PATCH, and matches imported rows by itself", async () => {
    const user = await makeUser("Matcher");
    const today = todayIn("UTC");
    const c = today.slice(0, 7);
    const acme = await stream(user, "Acme");
    const due1 = `${addMonths(c, -2)}-01`;
    const due2 = `${addMonths(c, -1)}-01`;
    const s = await schedule(user, { streamId: acme, counterparty: "Acme Inc.", amount: "3000.00", cadence: "monthly", startOn: due1 });
    // Logged by hand, 3 days after the first due date, by the right client; another client's payment is no match.
    const logged = await pay(user, { streamId: acme, occurredOn: addDays(due1, 3), amount: "3000.00", counterparty: "ACME INC." });
    await pay(user, { streamId: acme, occurredOn: addDays(due1, 3), amount: "3000.00", counterparty: "Globex" });
    const suggested = await call(suggestionsRoute, "/api/v1/schedules/suggestions", {
      auth: { token: user.readToken },
      query: { stream: acme },
    });
    expect(suggested.status).toBe(200);
    expect((suggested.json as { data: unknown[] }).data).toEqual([
      {
        scheduleId: s.id,
        dueOn: due1,
        transaction: {
          id: logged.id,
          occurredOn: addDays(due1, 3),
          amount: "3000.00",
          amountMinor: 300000,
          currency: "USD",
          counterparty: "ACME INC.",
        },
      },
    ]);
    const settled = await call(patchTx, "/api/v1/transactions/x", {
      method: "PATCH",
      auth: { token: user.writeToken },
      params: { id: logged.id },
      body: { scheduleId: s.id },
    });
    expect(settled.status).toBe(200);
    expect((await call(suggestionsRoute, "/api/v1/schedules/suggestions", { auth: { token: user.readToken } })).json).toEqual({ data: [] });

    // An import: the row for the second due date fits one open occurrence and is linked; the unrelated one is not.
    const csv = `date,stream,kind,amount,currency,counterparty,platform,description,external_id\n${addDays(due2, 2)},Acme,income,3000.00,USD,Acme Inc.,,,imp-1\n${addDays(due2, 2)},Acme,income,120.00,USD,Acme Inc.,,,imp-2\n`;
    const imported = await call(importRoute, "/api/v1/imports", {
      method: "POST",
      auth: { token: user.writeToken },
      headers: { "content-type": "text/csv" },
      rawBody: csv,
    });
    expect(imported.status, JSON.stringify(imported.json)).toBe(201);
    const occ = (await occurrences(user, { from: due1, to: due2 })).data;
    expect(occ.map((o) => [o.dueOn, o.status])).toEqual([
      [due1, "received"],
      [due2, "received"],
    ]);
    const other = await call(listTx, "/api/v1/transactions", { auth: { token: user.readToken }, query: { q: "Acme", limit: "50" } });
    const byExternal = Object.fromEntries(
      (other.json as { data: { externalId: string | null; scheduleId: string | null }[] }).data.map((t) => [t.externalId, t.scheduleId]),
    );
    expect(byExternal).toMatchObject({ "imp-1": s.id, "imp-2": null });
  });

  it("sums what is still expected this month and what is late, in the base currency", async () => {
    const user = await makeUser("Overview");
    const today = todayIn("UTC");
    const c = today.slice(0, 7);
    const consulting = await stream(user, "Consulting");
    const last = `${c}-${String(new Date(Date.UTC(Number(c.slice(0, 4)), Number(c.slice(5, 7)), 0)).getUTCDate()).padStart(2, "0")}`;
    // Due on the last day of this month: not late yet (today ≤ last day), so expected.
    await schedule(user, { streamId: consulting, name: "Retainer", amount: "1200.00", cadence: "monthly", startOn: last });
    // Due 20 days ago with 5 days' grace, unpaid: late by 20 days.
    await schedule(user, { streamId: consulting, name: "Old invoice", amount: "300.00", cadence: "yearly", startOn: addDays(today, -20) });
    // A schedule in a currency without a rate counts nowhere and says so.
    await schedule(user, { streamId: consulting, amount: "5.00", currency: "GBP", cadence: "yearly", startOn: last });
    const r = await call(summaryRoute, "/api/v1/schedules/summary", { auth: { token: user.readToken } });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(r.json).toMatchObject({
      currency: "USD",
      hasSchedules: true,
      expected: { amount: "1200.00", amountMinor: 120000, count: 1 },
      late: { amount: "300.00", amountMinor: 30000, count: 1, items: [{ name: "Old invoice", dueOn: addDays(today, -20), daysLate: 20 }] },
      warnings: [{ code: "missing-fx-rate", currency: "GBP", count: 1 }],
    });
  });
});

describe("autoLog schedules", () => {
  it("log one transaction per due occurrence since the schedule was created, once, whatever the reruns", async () => {
    const user = await makeUser("Auto");
    const bot = await stream(user, "Caption bot");
    const s = await schedule(user, {
      streamId: bot,
      name: "Weekly payout",
      amount: "9.00",
      cadence: "weekly",
      startOn: "2026-01-05",
      autoLog: true,
    });
    const db = await getDb();
    // Created on Jan 10: the Jan 5 occurrence is before it and is not logged; Jan 12, 19 and 26 are due by Jan 28.
    await db.execute(sql`update schedules set created_at = '2026-01-10T12:00:00Z' where id = ${s.id}`);
    const at = (d: string) => new Date(`${d}T12:00:00Z`);
    const [a, b] = await Promise.all([
      logDueSchedules({ userId: user.id, now: at("2026-01-28") }),
      logDueSchedules({ userId: user.id, now: at("2026-01-28") }),
    ]);
    expect(a + b).toBe(3);
    expect(await logDueSchedules({ userId: user.id, now: at("2026-01-28") })).toBe(0);
    const list = await call(listTx, "/api/v1/transactions", { auth: { token: user.readToken }, query: { stream: bot } });
    const rows = (list.json as { data: { occurredOn: string; amount: string; scheduleId: string; description: string }[] }).data;
    expect(rows.map((t) => [t.occurredOn, t.amount, t.scheduleId, t.description])).toEqual([
      ["2026-01-26", "9.00", s.id, "Weekly payout"],
      ["2026-01-19", "9.00", s.id, "Weekly payout"],
      ["2026-01-12", "9.00", s.id, "Weekly payout"],
    ]);
    // A logged payment the user deletes stays deleted; the next due date is logged on its day.
    const first = (list.json as { data: { id: string }[] }).data[0]!;
    await call(deleteTx, "/api/v1/transactions/x", { method: "DELETE", auth: { token: user.writeToken }, params: { id: first.id } });
    expect(await logDueSchedules({ userId: user.id, now: at("2026-02-01") })).toBe(0);
    expect(await logDueSchedules({ userId: user.id, now: at("2026-02-02") })).toBe(1);
    // Switched off, nothing more.
    await call(patchSchedule, "/api/v1/schedules/x", {
      method: "PATCH",
      auth: { token: user.writeToken },
      params: { id: s.id },
      body: { autoLog: false },
    });
    expect(await logDueSchedules({ userId: user.id, now: at("2026-02-20") })).toBe(0);
  });
});
