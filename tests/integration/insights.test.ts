// The insights feed through the real database, routes and a local SMTP server: a late payment, a silent
// stream, a goal reached and a closed month (with the rule it moved) raised once each, with their webhook
// deliveries and one mail; the feed's API (pages, unread count, marking read).
import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as markRead } from "@/app/api/v1/insights/read/route";
import { GET as listFeed } from "@/app/api/v1/insights/route";
import { POST as postGoal } from "@/app/api/v1/goals/route";
import { POST as postSchedule } from "@/app/api/v1/schedules/route";
import { POST as postStream } from "@/app/api/v1/streams/route";
import { POST as postTx } from "@/app/api/v1/transactions/route";
import { POST as postWebhook } from "@/app/api/v1/webhooks/route";
import { getDb, rowsOf } from "@/db/index";
import { checkInsights, runInsightChecks } from "@/lib/data/insights";
import { addDays } from "@/lib/metrics/days";
import { addMonths } from "@/lib/metrics/months";
import { todayIn } from "@/lib/today";
import { call, makeUser, type TestUser } from "../support/api";

type Feed = {
  data: { id: string; kind: string; title: string; body: string; data: Record<string, unknown> }[];
  nextCursor: string | null;
  unread: number;
};

describe("the insights feed", () => {
  const mails: string[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, _session, done) {
      let text = "";
      stream.on("data", (c: Buffer) => (text += c.toString()));
      stream.on("end", () => {
        mails.push(text);
        done();
      });
    },
  });
  let user: TestUser;
  const today = todayIn("UTC");
  const c = today.slice(0, 7);

  beforeAll(async () => {
    await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", () => resolve()));
    process.env.SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
    process.env.WEBHOOKS_ALLOW_PRIVATE = "true";
    user = await makeUser("Watcher");
    const auth = { token: user.writeToken };
    const stream = async (name: string) =>
      ((await call(postStream, "/s", { method: "POST", auth, body: { name } })).json as { id: string }).id;
    const consulting = await stream("Consulting");
    const bot = await stream("Bot");
    /*
     * c−2: Consulting 1000. c−1: Consulting 1000, Bot 300 on each of days 1–6 (1800).
     * Closing c−1: income 1000 + 1800 = 2800 against an average month of 1000 (c−2 alone) = +180%; the largest mover Bot (+1800).
     * Largest stream share over the complete months: before (c−2) 1000/1000 = 1 → fail; after 2000/3800 = 0.526 → warn.
     * Bot: income on 6 days in a row (gaps 1), the last on day 6 of c−1: silent (well over max(3, 2) days).
     * This month: Consulting 60.00 today against a portfolio goal of 50.00: reached.
     * A monthly schedule first due 10 days ago, unpaid, 5 days' grace: late by 10 days.
     */
    const day = (month: string, d: number) => `${month}-${String(d).padStart(2, "0")}`;
    const batch = [
      { streamId: consulting, occurredOn: day(addMonths(c, -2), 10), amount: "1000.00" },
      { streamId: consulting, occurredOn: day(addMonths(c, -1), 10), amount: "1000.00" },
      ...[1, 2, 3, 4, 5, 6].map((d) => ({ streamId: bot, occurredOn: day(addMonths(c, -1), d), amount: "300.00" })),
      { streamId: consulting, occurredOn: today, amount: "60.00" },
    ];
    expect((await call(postTx, "/t", { method: "POST", auth, body: batch })).status).toBe(201);
    expect((await call(postGoal, "/g", { method: "POST", auth, body: { streamId: null, amount: "50.00", effectiveFrom: c } })).status).toBe(
      201,
    );
    expect(
      (
        await call(postSchedule, "/s", {
          method: "POST",
          auth,
          body: { streamId: consulting, name: "Acme retainer", amount: "2500.00", cadence: "monthly", startOn: addDays(today, -10) },
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await call(postWebhook, "/w", {
          method: "POST",
          auth,
          body: { url: "http://127.0.0.1:9/never", events: ["schedule.late", "stream.silent", "goal.reached", "rule.changed"] },
        })
      ).status,
    ).toBe(201);
  });
  afterAll(async () => {
    delete process.env.SMTP_URL;
    delete process.env.WEBHOOKS_ALLOW_PRIVATE;
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  it("raises each event once, with its webhook delivery, and mails them once", async () => {
    const created = await checkInsights(user.id);
    const feed = (await call(listFeed, "/i", { auth: { token: user.readToken }, query: { limit: "50" } })).json as Feed;
    const byKind = (kind: string) => feed.data.filter((i) => i.kind === kind);
    expect(created).toBe(feed.data.length);
    expect(feed.unread).toBe(feed.data.length);

    expect(byKind("schedule.late").map((i) => [i.title, i.data.daysLate])).toEqual([["Acme retainer is late", 10]]);
    expect(byKind("stream.silent").map((i) => i.title)).toEqual(["Bot has gone silent"]);
    expect(byKind("goal.reached").map((i) => [i.data.target, i.data.actual])).toEqual([[5000, 6000]]);
    const closed = byKind("month.closed");
    expect(closed).toHaveLength(1);
    expect(closed[0]!.data).toMatchObject({
      month: addMonths(c, -1),
      income: 280000,
      average: 100000,
      largestMover: { income: 180000, previous: 0 },
    });
    expect(closed[0]!.data.change).toBeCloseTo(1.8, 12);
    expect(byKind("rule.changed").map((i) => i.data)).toContainEqual({
      ruleId: "stream-concentration",
      from: "fail",
      to: "warn",
      month: addMonths(c, -1),
    });

    // Raised once: the next check finds them all there.
    expect(await checkInsights(user.id)).toBe(0);
    const db = await getDb();
    const hooks = rowsOf<{ event_type: string; n: number }>(
      await db.execute(
        sql`select event_type, count(*)::int as n from webhook_deliveries where user_id = ${user.id} group by event_type order by event_type`,
      ),
    );
    expect(hooks.map((h) => h.event_type)).toEqual([
      "goal.reached",
      ...(byKind("rule.changed").length ? ["rule.changed"] : []),
      "schedule.late",
      "stream.silent",
    ]);
    expect(hooks.every((h) => h.n === (h.event_type === "rule.changed" ? byKind("rule.changed").length : 1))).toBe(true);

    expect(mails).toHaveLength(1);
    // Quoted-printable folds long lines with a soft break ("=" at the end of a line); unfold before reading.
    const mail = mails[0]!.replace(/=\r?\n/g, "");
    expect(mail).toContain(`To: ${user.email}`);
    expect(mail).toContain("Acme retainer is late");
    expect(mail).toContain("Bot has gone silent");
  });

  it("checks a user in one process at a time, and again only after ten minutes", async () => {
    const now = new Date(Date.now() + 3_600_000);
    const [a, b] = await Promise.all([runInsightChecks(now, 1000), runInsightChecks(now, 1000)]);
    const db = await getDb();
    const [users] = rowsOf<{ n: number }>(
      await db.execute(sql`select count(*)::int as n from insight_checks where checked_at = ${now.toISOString()}::timestamptz`),
    );
    expect(a + b).toBe(users!.n);
    expect(await runInsightChecks(new Date(now.getTime() + 60_000), 1000)).toBe(0);
  });

  it("answers the feed newest first in pages, and marks insights read", async () => {
    const auth = { token: user.readToken };
    const all = (await call(listFeed, "/i", { auth, query: { limit: "100" } })).json as Feed;
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = (await call(listFeed, "/i", { auth, query: { limit: "2", ...(cursor ? { cursor } : {}) } })).json as Feed;
      seen.push(...page.data.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.data.map((i) => i.id));
    expect((await call(listFeed, "/i", { auth, query: { cursor: "forged" } })).status).toBe(422);

    const one = await call(markRead, "/r", { method: "POST", auth: { token: user.writeToken }, body: { ids: [all.data[0]!.id] } });
    expect(one.json).toEqual({ unread: all.data.length - 1 });
    expect((await call(markRead, "/r", { method: "POST", auth: { token: user.readToken }, body: {} })).status).toBe(403);
    const rest = await call(markRead, "/r", { method: "POST", auth: { token: user.writeToken }, body: {} });
    expect(rest.json).toEqual({ unread: 0 });
    // Another user's feed is their own.
    const other = await makeUser("Other");
    expect(((await call(listFeed, "/i", { auth: { token: other.readToken } })).json as Feed).data).toEqual([]);
  });
});
