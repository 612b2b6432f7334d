// Concurrent batches of one user upsert the same rollup rows from statement triggers; a deadlock or a
// serialization failure is retried inside the data layer, so every batch is answered 201 and the rollups
// still equal the raw sums.
import { beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { getDb, rowsOf } from "@/db/index";
import { streamMonthTotals } from "@/db/schema";
import { POST } from "@/app/api/v1/transactions/route";
import { createStream } from "@/lib/data/streams";
import { call, makeUser, type TestUser } from "../support/api";

let user: TestUser;

function prng(seed: number) {
  return () => {
    seed = (seed * 1664525 + 1013904223) % 2 ** 32;
    return seed / 2 ** 32;
  };
}

beforeAll(async () => {
  user = await makeUser("Concurrent batches");
});

describe("concurrent batches of one user", () => {
  it("all answer 201 and leave the rollups equal to the raw sums", async () => {
    const streamIds: string[] = [];
    for (const name of ["A", "B", "C", "D", "E", "F", "G", "H"])
      streamIds.push((await createStream(user.id, { name, kind: "content", role: "growth", status: "active", platform: "P" })).id);
    const rand = prng(7);
    const months = Array.from({ length: 24 }, (_, i) => `${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`);
    // Batches of different sizes over the same streams and months: the triggers' grouped upserts meet the
    // same rollup rows in different orders.
    const sizes = [200, 40, 200, 90, 200, 15, 200, 140];
    const batches = sizes.map((size, b) =>
      Array.from({ length: size }, (_, i) => ({
        streamId: streamIds[Math.floor(rand() * streamIds.length)]!,
        kind: rand() < 0.8 ? "income" : "expense",
        occurredOn: `${months[Math.floor(rand() * months.length)]!}-${String(1 + Math.floor(rand() * 28)).padStart(2, "0")}`,
        amount: (1 + Math.floor(rand() * 100_000) / 100).toFixed(2),
        currency: "USD",
        counterparty: ["Acme", "Globex", "Initech", null][Math.floor(rand() * 4)],
        platform: ["Gumroad", "Stripe", null][Math.floor(rand() * 3)],
        externalId: `b${b}-${i}`,
      })),
    );
    const answers = await Promise.all(
      batches.map((items) => call(POST, "/api/v1/transactions", { method: "POST", auth: { token: user.writeToken }, body: items })),
    );
    expect(answers.map((a) => a.status)).toEqual(batches.map(() => 201));
    expect(answers.map((a) => a.json.inserted)).toEqual(sizes);

    const db = await getDb();
    const raw = rowsOf<{ stream_id: string; month: string; income: string; expenses: string; n: string }>(
      await db.execute(sql`
        select stream_id, to_char(date_trunc('month', occurred_on), 'YYYY-MM-DD') as month,
          coalesce(sum(amount_base_minor) filter (where kind = 'income'), 0)::text as income,
          coalesce(sum(amount_base_minor) filter (where kind = 'expense'), 0)::text as expenses, count(*)::text as n
        from transactions where user_id = ${user.id} group by 1, 2`),
    );
    const rollups = await db.select().from(streamMonthTotals).where(eq(streamMonthTotals.userId, user.id));
    expect(
      rollups
        .filter((r) => r.count !== 0)
        .map((r) => `${r.streamId} ${r.month} ${r.income} ${r.expenses} ${r.count}`)
        .sort(),
    ).toEqual(raw.map((r) => `${r.stream_id} ${r.month} ${r.income} ${r.expenses} ${r.n}`).sort());
    expect(raw.reduce((n, r) => n + Number(r.n), 0)).toBe(sizes.reduce((a, b) => a + b));
    const keys = rowsOf<{ ok: boolean }>(
      await db.execute(sql`
        select coalesce(sum(income), 0) = (select coalesce(sum(amount_base_minor), 0) from transactions
          where user_id = ${user.id} and kind = 'income' and counterparty is not null) as ok
        from key_month_totals where user_id = ${user.id} and dim = 'client'`),
    );
    expect(keys[0]?.ok).toBe(true);
  });
});
