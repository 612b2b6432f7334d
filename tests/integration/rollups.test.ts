// The derived monthly totals must always equal what the transactions say, through every kind of write,
// and the database's re-pricing must agree to the last minor unit with lib/metrics/money.ts.
import { beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { getDb, rowsOf } from "@/db/index";
import { fxRates, keyMonthTotals, streamMonthTotals, transactions, users } from "@/db/schema";
import { createStream, deleteStream, updateStream } from "@/lib/data/streams";
import { createTransactions, deleteTransaction, updateTransaction } from "@/lib/data/transactions";
import { repriceTransactions, upsertRates } from "@/lib/data/fx";
import { updateSettings } from "@/lib/data/settings";
import { toBaseMinor } from "@/lib/metrics/money";
import { makeUser, type TestUser } from "../support/api";

let user: TestUser;

function prng(seed: number) {
  return () => {
    seed = (seed * 1664525 + 1013904223) % 2 ** 32;
    return seed / 2 ** 32;
  };
}

/** What the rollups should hold, aggregated straight from transactions (zero rows dropped). */
async function expectedTotals(userId: string) {
  const db = await getDb();
  const streamRows = rowsOf<{ stream_id: string; month: string; income: string; expenses: string; n: string }>(
    await db.execute(sql`
      select stream_id, to_char(date_trunc('month', occurred_on), 'YYYY-MM-DD') as month,
        coalesce(sum(amount_base_minor) filter (where kind = 'income'), 0)::text as income,
        coalesce(sum(amount_base_minor) filter (where kind = 'expense'), 0)::text as expenses, count(*)::text as n
      from transactions where user_id = ${userId} group by 1, 2`),
  );
  const keyRows = rowsOf<{ dim: string; key: string; month: string; income: string }>(
    await db.execute(sql`
      select dim, key, month, sum(amount)::text as income from (
        select 'client' as dim, lower(btrim(t.counterparty)) as key, to_char(date_trunc('month', t.occurred_on), 'YYYY-MM-DD') as month, t.amount_base_minor as amount
        from transactions t where t.user_id = ${userId} and t.kind = 'income' and t.amount_base_minor is not null and nullif(btrim(t.counterparty), '') is not null
        union all
        select 'platform', lower(btrim(coalesce(nullif(btrim(t.platform), ''), s.platform))), to_char(date_trunc('month', t.occurred_on), 'YYYY-MM-DD'), t.amount_base_minor
        from transactions t join streams s on s.id = t.stream_id
        where t.user_id = ${userId} and t.kind = 'income' and t.amount_base_minor is not null
          and nullif(btrim(coalesce(nullif(btrim(t.platform), ''), s.platform)), '') is not null
      ) k group by 1, 2, 3`),
  );
  return {
    streams: streamRows.map((r) => `${r.stream_id} ${r.month} ${r.income} ${r.expenses} ${r.n}`).sort(),
    keys: keyRows
      .filter((r) => r.income !== "0")
      .map((r) => `${r.dim} ${r.key} ${r.month} ${r.income}`)
      .sort(),
  };
}

async function actualTotals(userId: string) {
  const db = await getDb();
  const s = await db.select().from(streamMonthTotals).where(eq(streamMonthTotals.userId, userId));
  const k = await db.select().from(keyMonthTotals).where(eq(keyMonthTotals.userId, userId));
  return {
    streams: s
      .filter((r) => r.count !== 0)
      .map((r) => `${r.streamId} ${r.month} ${r.income} ${r.expenses} ${r.count}`)
      .sort(),
    keys: k
      .filter((r) => r.income !== 0)
      .map((r) => `${r.dim} ${r.key} ${r.month} ${r.income}`)
      .sort(),
  };
}

async function expectConsistent() {
  expect(await actualTotals(user.id)).toEqual(await expectedTotals(user.id));
}

/** Every stored base amount equals toBaseMinor (a direct rate, else the inverse one) computed in TypeScript. */
async function expectPricesMatchTypeScript() {
  const db = await getDb();
  const [u] = await db.select({ base: users.baseCurrency }).from(users).where(eq(users.id, user.id));
  const base = u!.base;
  const rates = await db.select().from(fxRates).where(eq(fxRates.userId, user.id));
  const rows = await db.select().from(transactions).where(eq(transactions.userId, user.id));
  for (const r of rows) {
    const dated = (x: { date: string; rate: string }) => ({ date: x.date, rate: x.rate });
    const direct = rates.filter((x) => x.baseCurrency === base && x.currency === r.currency).map(dated);
    const inverse = rates.filter((x) => x.baseCurrency === r.currency && x.currency === base).map(dated);
    const want = toBaseMinor(r, base, { direct, inverse });
    expect({ id: r.id, base: r.amountBaseMinor }).toEqual({ id: r.id, base: want });
  }
}

beforeAll(async () => {
  user = await makeUser("Rollup");
});

describe("monthly rollups and re-pricing", () => {
  it("stay equal to the transactions through inserts, rate changes, edits, deletes, platform moves and cascades", async () => {
    const yt = await createStream(user.id, { name: "YouTube", kind: "content", role: "growth", status: "active", platform: "YouTube" });
    const consulting = await createStream(user.id, {
      name: "Consulting",
      kind: "freelance",
      role: "anchor",
      status: "active",
      platform: null,
    });
    const etsy = await createStream(user.id, { name: "Etsy", kind: "product", role: "growth", status: "active", platform: " Etsy " });
    const rand = prng(42);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
    const items = Array.from({ length: 300 }, (_, i) => ({
      streamId: pick([yt.id, consulting.id, etsy.id]),
      kind: rand() < 0.8 ? ("income" as const) : ("expense" as const),
      occurredOn: `202${4 + Math.floor(rand() * 2)}-${String(1 + Math.floor(rand() * 12)).padStart(2, "0")}-${String(1 + Math.floor(rand() * 28)).padStart(2, "0")}`,
      amountMinor: Math.floor(rand() * 200_000) - 20_000,
      currency: pick(["USD", "USD", "EUR", "JPY", "KWD"]),
      counterparty: pick([null, "Acme", " acme ", "ACME Corp", "Globex", ""]) || null,
      platform: pick([null, null, "Gumroad", "gumroad ", "Stripe"]),
      description: null,
      externalId: `ext-${i}`,
    }));
    await createTransactions(user.id, items);
    await expectConsistent();
    await expectPricesMatchTypeScript();

    await upsertRates(user.id, [
      { currency: "EUR", date: "2024-06-01", rate: "1.0825" },
      { currency: "EUR", date: "2025-01-15", rate: "1.04" },
      { currency: "JPY", date: "2025-03-01", rate: "0.0066667" },
      { currency: "KWD", date: "2024-01-01", rate: "3.2555" },
    ]);
    await expectConsistent();
    await expectPricesMatchTypeScript();

    const db = await getDb();
    const some = await db.select({ id: transactions.id }).from(transactions).where(eq(transactions.userId, user.id)).limit(40);
    for (const [i, row] of some.entries()) {
      if (i % 3 === 0) await deleteTransaction(user.id, row.id);
      else if (i % 3 === 1)
        await updateTransaction(user.id, row.id, { amount: "-12.50", currency: "EUR", kind: "income", counterparty: "New Client" });
      else await updateTransaction(user.id, row.id, { streamId: etsy.id, occurredOn: "2023-12-31", platform: null });
    }
    await expectConsistent();
    await expectPricesMatchTypeScript();

    await updateStream(user.id, yt.id, { platform: "Google" });
    await updateStream(user.id, consulting.id, { platform: "Upwork" });
    await updateStream(user.id, etsy.id, { platform: null });
    await expectConsistent();

    await upsertRates(user.id, [{ currency: "JPY", date: "2023-01-01", rate: "0.0071" }]);
    await db.update(users).set({ baseCurrency: "EUR" }).where(eq(users.id, user.id));
    // No rate quoted in EUR yet: USD rows are priced by the inverse of the EUR rates quoted in USD
    // (before 2024-06-01 by the earliest after), JPY and KWD have none either way.
    await repriceTransactions(db, user.id, "EUR");
    await expectConsistent();
    await expectPricesMatchTypeScript();
    const priced = await db
      .select({ currency: transactions.currency, base: transactions.amountBaseMinor })
      .from(transactions)
      .where(eq(transactions.userId, user.id));
    expect(priced.filter((r) => r.currency === "USD").every((r) => r.base !== null)).toBe(true);
    expect(priced.filter((r) => r.currency === "JPY" || r.currency === "KWD").every((r) => r.base === null)).toBe(true);

    // Inserts and edits under the inverse are priced in TypeScript; re-pricing in SQL then changes nothing.
    const { data: added } = await createTransactions(user.id, [
      {
        streamId: etsy.id,
        kind: "income",
        occurredOn: "2024-07-01",
        amountMinor: -123_457,
        currency: "USD",
        counterparty: "Acme",
        platform: null,
        description: null,
        externalId: null,
      },
    ]);
    expect(added[0]?.baseAmountMinor).toBe(-114_048); // -123457 / 1.0825 = -114048.037… → -114048
    await updateTransaction(user.id, some[1]!.id, { amount: "99.99", currency: "USD", occurredOn: "2023-01-01" });
    await expectPricesMatchTypeScript();
    await repriceTransactions(db, user.id, "EUR");
    await expectConsistent();
    await expectPricesMatchTypeScript();

    // A USD rate quoted in EUR, on any date, switches every USD row from the inverse to it.
    await upsertRates(user.id, [{ currency: "USD", date: "2025-12-31", rate: "0.92" }]);
    await expectConsistent();
    await expectPricesMatchTypeScript();
    await upsertRates(user.id, [{ currency: "USD", date: "2024-01-01", rate: "0.92" }]);
    await repriceTransactions(db, user.id, "EUR");
    await expectConsistent();
    await expectPricesMatchTypeScript();

    await deleteStream(user.id, consulting.id, true);
    await expectConsistent();
  });

  it("invert a rate exactly in the database, next to ties that a rounded quotient would break", async () => {
    const u = await makeUser("Inverse tie");
    const s = await createStream(u.id, { name: "Shop", kind: "product", role: "anchor", status: "active", platform: null });
    // EUR rates quoted in USD, entered once; the base then moves to EUR and the USD rows are divided by them.
    await upsertRates(u.id, [
      { currency: "EUR", date: "2024-01-01", rate: "26.616822422702" },
      { currency: "EUR", date: "2024-02-01", rate: "85.949037984686" },
    ]);
    const row = (occurredOn: string, amountMinor: number) => ({
      streamId: s.id,
      kind: "income" as const,
      occurredOn,
      amountMinor,
      currency: "USD",
      counterparty: null,
      platform: null,
      description: null,
      externalId: null,
    });
    const rows = [row("2024-01-10", 1_234_567_890_124), row("2024-01-11", -1_234_567_890_124), row("2024-02-10", 1_234_567_890_137)];
    // 2 × 1234567890124 × 10^12 + 2 = 92765986151 × 26616822422702: the quotient is 46382993075.5 − 1/26616822422702,
    // just below the tie → 46382993075 (numeric division to 12 decimals reads .500000000000 and would round to even 46382993076).
    // 2 × 1234567890137 × 10^12 − 2 = 28727904793 × 85949037984686: 14363952396.5 + 1/85949037984686 → 14363952397.
    const expected = [46_382_993_075, -46_382_993_075, 14_363_952_397];
    const { data: created } = await createTransactions(u.id, rows);
    const ids = created.map((t) => t.id);
    const baseOf = async () => {
      const db = await getDb();
      const got = await db
        .select({ id: transactions.id, base: transactions.amountBaseMinor })
        .from(transactions)
        .where(eq(transactions.userId, u.id));
      return ids.map((id) => got.find((g) => g.id === id)?.base);
    };
    expect(await baseOf()).toEqual([1_234_567_890_124, -1_234_567_890_124, 1_234_567_890_137]);

    await updateSettings(u.id, { baseCurrency: "EUR" }); // re-priced in SQL
    expect(await baseOf()).toEqual(expected);
    const { data: again } = await createTransactions(u.id, rows); // priced in TypeScript
    expect(again.map((t) => t.baseAmountMinor)).toEqual(expected);

    await updateSettings(u.id, { baseCurrency: "USD" });
    expect(await baseOf()).toEqual([1_234_567_890_124, -1_234_567_890_124, 1_234_567_890_137]);
  });

  it("let a whole account be deleted with its streams, transactions and totals", async () => {
    const other = await makeUser("Leaving");
    const s = await createStream(other.id, { name: "Blog", kind: "affiliate", role: "growth", status: "active", platform: "Amazon" });
    await createTransactions(other.id, [
      {
        streamId: s.id,
        kind: "income",
        occurredOn: "2025-01-02",
        amountMinor: 1000,
        currency: "USD",
        counterparty: "A",
        platform: null,
        description: null,
        externalId: null,
      },
    ]);
    const db = await getDb();
    await db.delete(users).where(eq(users.id, other.id));
    const left = await db.select().from(streamMonthTotals).where(eq(streamMonthTotals.userId, other.id));
    expect(left).toEqual([]);
  });
});
