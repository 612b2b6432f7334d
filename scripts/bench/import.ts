// The import benchmark: a generated generic CSV of N rows streamed through the real POST /api/v1/imports
// handler (auth, streaming body, parsing, checks, streams, pricing, bulk inserts, rollup triggers, commit)
// into a fresh account. It reports rows/s overall and for the first and last tenth of the file (from the
// engine's probe: when a chunk is written, every record read before it is in), and how much the process
// grew while importing (peak RSS and peak JS heap over what they were before).
import crypto from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db } from "../../db/index";
import { rowsOf } from "../../db/index";

export interface ImportBench {
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  firstTenthRowsPerSecond: number;
  lastTenthRowsPerSecond: number;
  peakRssGrowthMb: number;
  peakHeapGrowthMb: number;
  bodyMb: number;
  /** The same rows copied into another account by one INSERT … SELECT: the database's own ceiling. */
  floorRowsPerSecond: number;
  checks: string[];
}

const STREAMS = [
  "Acme Consulting",
  "YouTube Channel",
  "Notion Templates",
  "Affiliate Links",
  "Newsletter Sponsors",
  "Invoice SaaS",
  "Vintage Resale",
  "Old Podcast",
];
const CLIENTS = Array.from({ length: 200 }, (_, i) => `Client ${String(i).padStart(3, "0")}`);
const PLATFORMS = ["Stripe", "PayPal", "Gumroad", "YouTube", "Etsy"];

/**
 * The generic CSV, generated as it is read (a few hundred rows per pull), so the file never sits in the
 * benchmark's own memory: five years of dates, eight streams, 200 clients, 15% expenses, 3% refunds,
 * 8% EUR and 3% GBP, half the rows with an external id, some quoted text with commas and line breaks.
 */
function generatedCsv(rows: number, seed: number): { body: ReadableStream<Uint8Array>; bytes: () => number } {
  let s = seed >>> 0;
  const rand = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const start = Date.UTC(2021, 0, 1);
  const encoder = new TextEncoder();
  let i = 0;
  let bytes = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      let text = i === 0 ? "date,stream,kind,amount,currency,counterparty,platform,description,external_id\n" : "";
      if (i >= rows) {
        controller.close();
        return;
      }
      const end = Math.min(rows, i + 400);
      for (; i < end; i++) {
        const date = new Date(start + Math.floor(rand() * 1826) * 86_400_000).toISOString().slice(0, 10);
        const r = rand();
        const currency = r < 0.08 ? "EUR" : r < 0.11 ? "GBP" : "USD";
        const expense = rand() < 0.15;
        const cents = 100 + Math.floor(rand() * rand() * 500_000);
        const amount = `${rand() < 0.03 ? "-" : ""}${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;
        const client = rand() < 0.1 ? "" : CLIENTS[Math.floor(rand() * rand() * CLIENTS.length)]!;
        const platform = rand() < 0.3 ? PLATFORMS[Math.floor(rand() * PLATFORMS.length)]! : "";
        const description = rand() < 0.02 ? `"Order ${i}, two lines\nand a ""quote"""` : `Order ${i % 5000}`;
        const externalId = rand() < 0.5 ? `bench-${seed}-${i}` : "";
        text += `${date},${STREAMS[Math.floor(rand() * STREAMS.length)]},${expense ? "expense" : "income"},${amount},${currency},${client},${platform},${description},${externalId}\n`;
      }
      const chunk = encoder.encode(text);
      bytes += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { body, bytes: () => bytes };
}

export async function benchImport(db: Db, rows: number, log: (msg: string) => void): Promise<ImportBench> {
  const { createUser } = await import("../../lib/data/users");
  const { createToken } = await import("../../lib/data/tokens");
  const { importProbe } = await import("../../lib/import/engine");
  const importsRoute = await import("../../app/api/v1/imports/route");

  const user = await createUser({
    name: "Import Bench",
    email: `import-bench-${crypto.randomUUID()}@example.test`,
    passwordHash: "$argon2id$bench",
  });
  const token = await createToken(user.id, { name: "bench-import", scope: "write" });
  // Rates so the EUR and GBP rows are priced (one per quarter), as a real account would have them.
  const { fxRates } = await import("../../db/schema");
  await db.insert(fxRates).values(
    Array.from({ length: 21 }, (_, q) => new Date(Date.UTC(2021, q * 3, 1)).toISOString().slice(0, 10)).flatMap((date, q) => [
      { userId: user.id, baseCurrency: "USD", currency: "EUR", date, rate: (1.05 + q / 1000).toFixed(4) },
      { userId: user.id, baseCurrency: "USD", currency: "GBP", date, rate: (1.25 + q / 1000).toFixed(4) },
    ]),
  );

  const file = generatedCsv(rows, 20_261_120);
  const marks: { rows: number; at: number }[] = [];
  importProbe.onChunk = (rowsRead) => marks.push({ rows: rowsRead, at: performance.now() });
  global.gc?.();
  const rss0 = process.memoryUsage().rss;
  const heap0 = process.memoryUsage().heapUsed;
  let peakRss = rss0;
  let peakHeap = heap0;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 20);
  const t0 = performance.now();
  let text: string;
  let status: number;
  try {
    const res = await importsRoute.POST(
      new Request("http://localhost/api/v1/imports?fileName=bench.csv", {
        method: "POST",
        headers: { authorization: `Bearer ${token.token}`, "content-type": "text/csv" },
        body: file.body,
        duplex: "half",
      } as RequestInit),
      { params: Promise.resolve({}) },
    );
    status = res.status;
    text = await res.text();
  } finally {
    clearInterval(sampler);
    delete importProbe.onChunk;
  }
  const t1 = performance.now();
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
  if (status !== 201) throw new Error(`POST /api/v1/imports answered ${status}: ${text.slice(0, 500)}`);
  const result = JSON.parse(text) as { rows: number; inserted: number; duplicates: number; invalid: number };
  if (result.rows !== rows || result.inserted !== rows || result.invalid !== 0)
    throw new Error(`import read ${result.rows} rows and inserted ${result.inserted} of ${rows}`);

  // Checks: every row is there, and the rollups equal the raw sums after one big import.
  const checks: string[] = [];
  const [count] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from transactions where user_id = ${user.id}`));
  if (count?.n !== rows) throw new Error(`${count?.n} transactions after the import, not ${rows}`);
  const [diff] = rowsOf<{ n: number }>(
    await db.execute(sql`
      with raw as (
        select stream_id, date_trunc('month', occurred_on)::date as month,
          coalesce(sum(amount_base_minor) filter (where kind = 'income'), 0) as income,
          coalesce(sum(amount_base_minor) filter (where kind = 'expense'), 0) as expenses, count(*) as n
        from transactions where user_id = ${user.id} group by 1, 2),
      rolled as (select stream_id, month, income, expenses, count as n from stream_month_totals where user_id = ${user.id} and count <> 0)
      select count(*)::int as n from ((select * from raw except select * from rolled) union all (select * from rolled except select * from raw)) d`),
  );
  if (diff?.n !== 0) throw new Error(`stream rollups disagree with the imported rows in ${diff?.n} places`);
  checks.push(`import: ${rows.toLocaleString("en-US")} rows inserted, stream rollups = raw sums`);

  const floorRowsPerSecond = await databaseFloor(db, user.id, rows);
  const tenth = rows / 10;
  const first = marks.find((x) => x.rows >= tenth);
  const last = [...marks].reverse().find((x) => x.rows <= rows - tenth);
  const seconds = (t1 - t0) / 1000;
  const out: ImportBench = {
    rows,
    seconds,
    rowsPerSecond: rows / seconds,
    firstTenthRowsPerSecond: first ? first.rows / ((first.at - t0) / 1000) : Number.NaN,
    lastTenthRowsPerSecond: last ? (rows - last.rows) / ((t1 - last.at) / 1000) : Number.NaN,
    peakRssGrowthMb: Math.round((peakRss - rss0) / (1024 * 1024)),
    peakHeapGrowthMb: Math.round((peakHeap - heap0) / (1024 * 1024)),
    bodyMb: Math.round((file.bytes() / (1024 * 1024)) * 10) / 10,
    floorRowsPerSecond,
    checks,
  };
  log(
    `import of ${rows.toLocaleString("en-US")} rows (${out.bodyMb} MB): ${out.seconds.toFixed(2)} s, ${Math.round(out.rowsPerSecond).toLocaleString("en-US")} rows/s ` +
      `(first tenth ${Math.round(out.firstTenthRowsPerSecond).toLocaleString("en-US")}, last tenth ${Math.round(out.lastTenthRowsPerSecond).toLocaleString("en-US")}), ` +
      `peak growth RSS ${out.peakRssGrowthMb} MB, JS heap ${out.peakHeapGrowthMb} MB; ` +
      `the database alone (INSERT … SELECT of the same rows): ${Math.round(floorRowsPerSecond).toLocaleString("en-US")} rows/s`,
  );
  // The import user leaves: the metrics runs that follow see only the bench user.
  await db.execute(sql`delete from users where id = ${user.id}`);
  return out;
}

/**
 * What the database alone does with these rows: the imported transactions copied into a second, empty
 * account by one INSERT … SELECT, through the same indexes, foreign keys and rollup triggers, with no
 * parsing, checking, pricing or network in the way. No import code can be faster than this.
 */
async function databaseFloor(db: Db, fromUserId: string, rows: number): Promise<number> {
  const { createUser } = await import("../../lib/data/users");
  const copy = await createUser({
    name: "Import Floor",
    email: `import-floor-${crypto.randomUUID()}@example.test`,
    passwordHash: "$argon2id$bench",
  });
  try {
    await db.execute(sql`
      insert into streams (user_id, name, kind, role, platform)
      select ${copy.id}, name, kind, role, platform from streams where user_id = ${fromUserId}`);
    await db.execute(sql`
      insert into fx_rates (user_id, base_currency, currency, date, rate)
      select ${copy.id}, base_currency, currency, date, rate from fx_rates where user_id = ${fromUserId}`);
    const t0 = performance.now();
    await db.transaction(async (tx) => {
      await tx.execute(sql`
        insert into transactions (user_id, stream_id, kind, occurred_on, amount_minor, currency, amount_base_minor, counterparty, platform, description, external_id)
        select ${copy.id}, s2.id, t.kind, t.occurred_on, t.amount_minor, t.currency, t.amount_base_minor, t.counterparty, t.platform, t.description, t.external_id
        from transactions t
        join streams s1 on s1.id = t.stream_id
        join streams s2 on s2.user_id = ${copy.id} and s2.name = s1.name
        where t.user_id = ${fromUserId}`);
    });
    return rows / ((performance.now() - t0) / 1000);
  } finally {
    await db.execute(sql`delete from users where id = ${copy.id}`);
  }
}
