// Fuzzed CSV through POST /api/v1/imports: random quoting, separators, BOMs, line endings, truncations,
// garbage bytes and chunk boundaries. Whatever arrives, the answer is never a 5xx, and the database holds
// either the whole import (what the answer says was inserted, and its record) or nothing of it.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { POST as importRoute } from "@/app/api/v1/imports/route";
import { getDb, rowsOf } from "@/db/index";
import { importResponse } from "@/lib/schemas/imports";
import { call, makeUser, type TestUser } from "../support/api";

const COLUMNS = ["date", "stream", "kind", "amount", "currency", "counterparty", "platform", "description", "external_id"];

const cellValue = fc.oneof(
  fc.constantFrom(
    "2026-01-15",
    "2025-12-31",
    "2026-02-30",
    "Shop",
    "Consulting",
    "income",
    "expense",
    "12.50",
    "-3.00",
    "0",
    "1.005",
    "USD",
    "eur",
    "JPY",
    "",
  ),
  fc.string({ maxLength: 12 }),
  fc.constantFrom('say "hi"', "a,b", "line\nbreak", "=SUM(A1)", "'=x", "é💶", " padded "),
);

const validRow = fc
  .record({
    date: fc
      .date({ min: new Date("2020-01-01"), max: new Date("2025-12-31"), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10)),
    stream: fc.constantFrom("Shop", "Consulting", "Fuzz stream"),
    kind: fc.constantFrom("income", "expense", ""),
    amount: fc.integer({ min: 1, max: 1_000_000 }).map((n) => (n / 100).toFixed(2)),
    currency: fc.constantFrom("USD", ""),
    counterparty: fc.constantFrom("", "Acme", "Globex, Inc."),
    platform: fc.constantFrom("", "Stripe"),
    description: fc.string({ maxLength: 10 }),
    external_id: fc.oneof(fc.constant(""), fc.uuid()),
  })
  .map((r) => COLUMNS.map((c) => r[c as keyof typeof r]));

const fileArbitrary = fc.record({
  rows: fc.array(fc.oneof({ arbitrary: validRow, weight: 5 }, fc.array(cellValue, { minLength: 0, maxLength: 11 })), { maxLength: 12 }),
  separator: fc.constantFrom(",", ",", ";", "\t", "|"),
  quoting: fc.constantFrom("minimal", "all", "none", "random"),
  newline: fc.constantFrom("\n", "\r\n", "\r"),
  bom: fc.constantFrom("", "\uFEFF", "\uFEFF\uFEFF"),
  header: fc.constantFrom("generic", "shuffled", "missing", "upper"),
  truncateAt: fc.option(fc.integer({ min: 0, max: 2000 })),
  garbage: fc.array(fc.tuple(fc.integer({ min: 0, max: 2000 }), fc.uint8Array({ minLength: 1, maxLength: 4 })), { maxLength: 3 }),
  chunks: fc.array(fc.integer({ min: 1, max: 300 }), { maxLength: 6 }),
  skipInvalid: fc.boolean(),
  dryRun: fc.boolean(),
  quoteSeed: fc.integer(),
});

type FuzzFile = typeof fileArbitrary extends fc.Arbitrary<infer T> ? T : never;

function render(f: FuzzFile): Uint8Array {
  let seed = f.quoteSeed;
  const coin = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % 2 === 0;
  const quote = (c: string) => {
    const needs = c.includes(f.separator) || /["\r\n]/.test(c);
    const q = f.quoting === "all" || (f.quoting === "minimal" && needs) || (f.quoting === "random" && coin());
    return q ? `"${c.replace(/"/g, '""')}"` : c;
  };
  const header =
    f.header === "generic"
      ? COLUMNS
      : f.header === "shuffled"
        ? [...COLUMNS].reverse()
        : f.header === "upper"
          ? COLUMNS.map((c) => c.toUpperCase())
          : COLUMNS.slice(2);
  const body = [header, ...f.rows.map((r) => (f.header === "shuffled" ? [...r].reverse() : r))]
    .map((r) => r.map(quote).join(f.separator))
    .join(f.newline);
  let bytes = new TextEncoder().encode(f.bom + body + f.newline);
  for (const [at, junk] of f.garbage) {
    const i = Math.min(at, bytes.length);
    bytes = new Uint8Array([...bytes.subarray(0, i), ...junk, ...bytes.subarray(i)]);
  }
  if (f.truncateAt !== null) bytes = bytes.subarray(0, Math.min(f.truncateAt, bytes.length));
  return bytes;
}

function streamOf(bytes: Uint8Array, cuts: number[]): ReadableStream<Uint8Array> {
  const parts: Uint8Array[] = [];
  let at = 0;
  for (const size of cuts) {
    if (at >= bytes.length) break;
    parts.push(bytes.subarray(at, at + size));
    at += size;
  }
  if (at < bytes.length) parts.push(bytes.subarray(at));
  return new ReadableStream({
    pull(controller) {
      const next = parts.shift();
      if (next) controller.enqueue(next);
      else controller.close();
    },
  });
}

let user: TestUser;

async function state() {
  const db = await getDb();
  return rowsOf<{ tx: number; imports: number; streams: number }>(
    await db.execute(sql`
      select (select count(*)::int from transactions where user_id = ${user.id}) as tx,
             (select count(*)::int from imports where user_id = ${user.id}) as imports,
             (select count(*)::int from streams where user_id = ${user.id}) as streams`),
  )[0]!;
}

beforeAll(async () => {
  user = await makeUser("Fuzz");
});

describe("fuzzed CSV imports", () => {
  it("never answer 5xx and never write a partial import", async () => {
    const seen = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(fileArbitrary, async (f) => {
        const bytes = render(f);
        const before = await state();
        const r = await call(importRoute, "/api/v1/imports", {
          method: "POST",
          auth: { cookie: user.cookie },
          headers: { "content-type": "text/csv" },
          rawBody: streamOf(bytes, f.chunks),
          query: { ...(f.skipInvalid ? { skipInvalid: "true" } : {}), ...(f.dryRun ? { dryRun: "true" } : {}) },
        });
        seen.set(r.status, (seen.get(r.status) ?? 0) + 1);
        expect(r.status, JSON.stringify(r.json)).toBeLessThan(500);
        const after = await state();
        if (r.status === 200 || r.status === 201) {
          const body = importResponse.parse(r.json);
          if (f.dryRun) {
            expect(after).toEqual(before);
          } else {
            expect(after.tx).toBe(before.tx + body.inserted);
            expect(after.imports).toBe(before.imports + 1);
            expect(after.streams).toBe(before.streams + body.streamsCreated);
            if (!f.skipInvalid) expect(body.invalid).toBe(0);
          }
        } else {
          expect([413, 422]).toContain(r.status);
          expect(r.contentType).toBe("application/problem+json");
          expect(after).toEqual(before);
        }
      }),
      { numRuns: 150 },
    );
    // the fuzzing reached both outcomes
    expect((seen.get(201) ?? 0) + (seen.get(200) ?? 0)).toBeGreaterThan(10);
    expect(seen.get(422) ?? 0).toBeGreaterThan(10);
  }, 300_000);
});
