/*
 * Performance benchmark: metrics latency and batch POST latency for a user with 10k, 100k and 1M
 * transactions, on the embedded database (PGlite) and on Postgres.
 *
 *   npm run bench                          both databases (Postgres when 127.0.0.1:5432 answers), all sizes
 *   npm run bench -- --sizes 10000,100000  only these sizes
 *   npm run bench -- --quick               smoke run (one small size, few iterations, no targets)
 *   npm run bench -- --db pglite           one database (pglite | postgres | both)
 *   BENCH_DATABASE_URL=postgres://… npm run bench   use this (already created) Postgres database
 *   --no-vacuum                            skip VACUUM ANALYZE after loading (what an embedded
 *                                          database that never vacuums would see)
 *   --keep                                 keep the bench data (temp dir / database) for EXPLAIN
 *                                          (then: npx tsx --conditions=react-server scripts/bench/explain.ts <url | pglite dir>)
 *   --full-runs                            never cut a slow series short (see "time-capped" below)
 *   --import-rows 100000                   the CSV import run's file size (0: no import run)
 *   --import-only                          only the import run
 *
 * Each database runs in its own child process (clean memory figures, one PGlite per process); the
 * parent prints a markdown table, writes it to bench-results/latest.md and exits non-zero when the
 * 1M-transaction p95 misses its target (50 ms Postgres, 150 ms embedded), or when the CSV import of
 * 100,000 rows (run first, into an empty account) is slower than 50,000 rows/s on Postgres or 20,000
 * rows/s embedded, or slower in its last tenth than in its first (beyond 10% measurement noise).
 */
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import type { Db } from "../db/index";
import type { ImportBench } from "./bench/import";
import { countTransactions, insertTransactions, type SeededUser } from "./bench/seed";
import { appIsBuilt, type LoadRun } from "./bench/load";
import { loadServerBuildOfNextNavigation } from "./bench/server-modules";
import { mb, ms, rssSampler, summarize, timeRuns, type Summary } from "./bench/stats";

type DbKind = "pglite" | "postgres";

const TARGET_P95_MS: Record<DbKind, number> = { postgres: 50, pglite: 150 };
const TARGET_IMPORT_ROWS_PER_S: Record<DbKind, number> = { postgres: 50_000, pglite: 20_000 };
/** The last tenth of an import may be this much slower than the first before it counts as slowing down (noise). */
const IMPORT_TENTH_TOLERANCE = 0.9;
const IMPORT_GATE_ROWS = 100_000;
const GATE_SIZE = 1_000_000;
const DEFAULT_SIZES = [10_000, 100_000, 1_000_000];
const LOAD_CHUNK = 25_000;
/** At 1M transactions: one POST of one transaction, and a page of the list (the first, and the 1,000th by cursor). */
const TARGET_POST_ONE_P95_MS = 20;
const TARGET_LIST_PAGE_P95_MS = 30;
const DEEP_PAGE = 1_000;
/** The load run: the built app, 50 connections for 20 s on GET /api/v1/metrics of a user with 100,000 transactions. */
const LOAD_RUN_ROWS = 100_000;
const LOAD_RUN_SECONDS = 20;
const LOAD_RUN_CONNECTIONS = 50;
const TARGET_LOAD_RPS: Record<DbKind, number> = { postgres: 1_000, pglite: 300 };
const TARGET_LOAD_P99_MS: Partial<Record<DbKind, number>> = { postgres: 200 };
const TARGET_HEALTH_P99_MS = 50;
const LOCAL_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres";
const LOCAL_BENCH_DB = "streamfolio_bench";

interface Options {
  sizes: number[];
  quick: boolean;
  dbs: DbKind[] | "auto";
  vacuum: boolean;
  keep: boolean;
  fullRuns: boolean;
  batchSizes: "all" | number[];
  importRows: number;
  importOnly: boolean;
  load: boolean;
  loadOnly: boolean;
  loadRows: number;
  loadSeconds: number;
}

interface SizeResult {
  db: DbKind;
  size: number;
  rows: number;
  loadedRows: number;
  loadSeconds: number;
  metrics12: Summary;
  metrics60: Summary;
  route12: Summary;
  postOne: Summary;
  listFirst: Summary;
  /** Null when the user has fewer than DEEP_PAGE pages. */
  listDeep: Summary | null;
  batch: Summary | null;
  rssMb: number;
  peakRssMb: number;
  dataMb: number | null;
  /** The machine's 1-minute load average around the metrics runs (2 cores: above 2 means contention). */
  loadAvg: number;
  checks: string[];
}

interface WorkerReport {
  db: DbKind;
  server: string;
  results: SizeResult[];
  importRun?: ImportBench | null;
  loadRun?: LoadRun & { rows: number };
  /** The same load with the metrics cache off: what every answer costs when computed (no target). */
  computedRun?: LoadRun;
  /** The same load on GET /api/health/live, which does nothing: what the machine allows any route. */
  ceilingRun?: LoadRun;
}

/** A child process's job: the sizes (and import) runs of one database, or its load run. */
interface Worker {
  db: DbKind;
  phase: "sizes" | "load";
  out: string;
  url?: string;
}

function parseArgs(argv: readonly string[]): Options & { worker?: Worker } {
  const opts: Options & { worker?: Worker } = {
    sizes: DEFAULT_SIZES,
    quick: false,
    dbs: "auto",
    vacuum: true,
    keep: false,
    fullRuns: false,
    batchSizes: "all",
    importRows: 100_000,
    importOnly: false,
    load: true,
    loadOnly: false,
    loadRows: LOAD_RUN_ROWS,
    loadSeconds: LOAD_RUN_SECONDS,
  };
  const value = (i: number, flag: string) => {
    const v = argv[i + 1];
    if (v === undefined) throw new Error(`${flag} needs a value`);
    return v;
  };
  let sizesGiven = false;
  let importRowsGiven = false;
  let loadSecondsGiven = false;
  let workerDb: DbKind | undefined;
  let workerOut: string | undefined;
  let workerUrl: string | undefined;
  let workerPhase: Worker["phase"] = "sizes";
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const [flag, inline] = a.includes("=") ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)] : [a, undefined];
    const next = () => (inline !== undefined ? inline : value(i++, flag));
    switch (flag) {
      case "--sizes":
        opts.sizes = next()
          .split(",")
          .map((s) => Number(s.trim().replace(/_/g, "").replace(/k$/i, "000").replace(/m$/i, "000000")))
          .filter((n) => Number.isInteger(n) && n > 0)
          .sort((x, y) => x - y);
        if (opts.sizes.length === 0) throw new Error("--sizes: give positive integers, e.g. 10000,100000");
        sizesGiven = true;
        break;
      case "--quick":
        opts.quick = true;
        break;
      case "--db": {
        const v = next();
        opts.dbs =
          v === "both"
            ? ["pglite", "postgres"]
            : v.split(",").map((d) => {
                if (d !== "pglite" && d !== "postgres") throw new Error(`--db: pglite, postgres or both, not ${d}`);
                return d;
              });
        break;
      }
      case "--no-vacuum":
        opts.vacuum = false;
        break;
      case "--keep":
        opts.keep = true;
        break;
      case "--full-runs":
        opts.fullRuns = true;
        break;
      case "--import-rows":
        opts.importRows = Number(next().replace(/_/g, "").replace(/k$/i, "000"));
        if (!Number.isInteger(opts.importRows) || opts.importRows < 0) throw new Error("--import-rows: a whole number of rows");
        importRowsGiven = true;
        break;
      case "--import-only":
        opts.importOnly = true;
        break;
      case "--load-only":
        opts.loadOnly = true;
        break;
      case "--no-load":
        opts.load = false;
        break;
      case "--load-seconds":
        opts.loadSeconds = Number(next());
        if (!(opts.loadSeconds > 0)) throw new Error("--load-seconds: a positive number");
        loadSecondsGiven = true;
        break;
      case "--batch-sizes":
        opts.batchSizes = next().split(",").map(Number);
        break;
      case "--worker":
        workerDb = next() as DbKind;
        break;
      case "--out":
        workerOut = next();
        break;
      case "--url":
        workerUrl = next();
        break;
      case "--phase":
        workerPhase = next() === "load" ? "load" : "sizes";
        break;
      default:
        throw new Error(`unknown argument ${a} (see the header of scripts/bench.ts)`);
    }
  }
  if (opts.quick && !sizesGiven) opts.sizes = [5_000];
  if (opts.quick && !importRowsGiven) opts.importRows = 20_000;
  if (opts.quick) opts.loadRows = 5_000;
  if (opts.quick && !loadSecondsGiven) opts.loadSeconds = 3;
  if (workerDb && workerOut) opts.worker = { db: workerDb, phase: workerPhase, out: workerOut, url: workerUrl };
  return opts;
}

const iterations = (quick: boolean) =>
  quick
    ? { m12: 10, m60: 5, route: 5, one: 5, list: 5, batch: 3, warm: 2 }
    : { m12: 60, m60: 25, route: 50, one: 50, list: 50, batch: 22, warm: 5 };

// ───────────────────────────── worker: one database, all sizes ─────────────────────────────

/** Points this process at the database (a fresh PGlite folder, or the migrated Postgres `url`); answers the PGlite folder. */
async function prepareDatabase(db: DbKind, url: string | undefined): Promise<string | undefined> {
  loadServerBuildOfNextNavigation();
  process.env.NEXTAUTH_SECRET ??= crypto.randomBytes(32).toString("base64url");
  // The handlers run here hundreds of times a minute for one user: the rate limit would refuse them, and a
  // request log line each would flood the output (and cost time the figures would count).
  process.env.API_RATE_LIMIT_PER_MINUTE ??= String(1_000_000_000);
  process.env.LOG_REQUESTS ??= "false";
  if (db === "pglite") {
    delete process.env.DATABASE_URL;
    // A folder on disk, not memory://: a million rows and their indexes would all sit in WASM memory.
    const pgliteRoot = fs.mkdtempSync(path.join(os.tmpdir(), "streamfolio-bench-"));
    process.env.PGLITE_DIR = path.join(pgliteRoot, "pglite");
    return pgliteRoot;
  }
  if (!url) throw new Error("postgres worker without --url");
  process.env.DATABASE_URL = url;
  process.env.DATABASE_POOL_SIZE ??= "10";
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const { migrate } = await import("drizzle-orm/postgres-js/migrator");
  const { migrationsFolder } = await import("../db/config");
  const client = postgres(url, { max: 1, onnotice: () => {} });
  await migrate(drizzle(client), { migrationsFolder });
  await client.end();
  return undefined;
}

/** Inserts transactions numbered from `nextN` until the user has `size`, in LOAD_CHUNK-row statements; answers how many. */
async function topUp(t: Db, seeded: SeededUser, size: number, nextN: number, log: (msg: string) => void): Promise<number> {
  const have = await countTransactions(t, seeded.userId);
  const started = performance.now();
  let loaded = 0;
  while (have + loaded < size) {
    const count = Math.min(LOAD_CHUNK, size - have - loaded);
    await insertTransactions(t, seeded, nextN + loaded, nextN + loaded + count - 1);
    loaded += count;
    if (loaded % (LOAD_CHUNK * 8) === 0 || have + loaded >= size) {
      const secs = (performance.now() - started) / 1000;
      log(`loaded ${(have + loaded).toLocaleString("en-US")} rows (${Math.round(loaded / secs).toLocaleString("en-US")} rows/s)`);
    }
  }
  return loaded;
}

async function vacuumAnalyze(t: Db): Promise<void> {
  for (const table of ["transactions", "stream_month_totals", "key_month_totals", "time_entries"]) {
    await t.execute(sql.raw(`vacuum (analyze) ${table}`));
  }
}

async function runWorker(opts: Options, db: DbKind, out: string, url: string | undefined): Promise<void> {
  const pgliteRoot = await prepareDatabase(db, url);

  const { getDb, closeDb, rowsOf } = await import("../db/index");
  const { createUser } = await import("../lib/data/users");
  const { createToken } = await import("../lib/data/tokens");
  const { loadMetricsInput } = await import("../lib/data/metrics");
  const { computeMetrics } = await import("../lib/metrics/compute-metrics");
  const { convertMinor, pickRate } = await import("../lib/metrics/money");
  const { addMonths, monthOf } = await import("../lib/metrics/months");
  const metricsRoute = await import("../app/api/v1/metrics/route");
  const transactionsRoute = await import("../app/api/v1/transactions/route");
  const { seedPortfolio, CLIENTS } = await import("./bench/seed");

  const n = iterations(opts.quick);
  const rss = rssSampler();
  const results: SizeResult[] = [];
  const log = (msg: string) => console.log(`[${db}] ${msg}`);
  const t = await getDb();
  const [ver] = rowsOf<{ v: string }>(await t.execute(sql`select version() as v`));
  const server = (ver?.v ?? "?").split(" on ")[0]!.split(",")[0]!;
  log(`${server}${pgliteRoot ? ` (data in ${pgliteRoot})` : ""}`);

  let benchUserId: string | undefined;
  let importRun: ImportBench | null = null;
  try {
    // The import first, into an empty account of a fresh database: what a new user's first import sees.
    if (opts.importRows > 0) {
      const { benchImport } = await import("./bench/import");
      importRun = await benchImport(t, opts.importRows, log);
      fs.writeFileSync(out, JSON.stringify({ db, server, results, importRun } satisfies WorkerReport));
    }
    const user = await createUser({
      name: "Bench User",
      email: `bench-${crypto.randomUUID()}@example.test`,
      passwordHash: "$argon2id$bench",
    });
    benchUserId = user.id;
    const write = await createToken(user.id, { name: "bench-write", scope: "write" });
    const read = await createToken(user.id, { name: "bench-read", scope: "read" });
    const seeded = await seedPortfolio(t, user.id);
    const today = new Date().toISOString().slice(0, 10);
    const thisMonth = monthOf(today);
    const window60 = { from: addMonths(thisMonth, -59), to: thisMonth };
    let nextN = 1;
    let postedBatches = 0;
    let postedOne = 0;

    const metricsOnce = async (window?: { from: string; to: string }) => computeMetrics(await loadMetricsInput(user.id, window));
    const asCaller = (token: string, pathAndQuery: string, init: RequestInit = {}) =>
      new Request(`http://localhost${pathAndQuery}`, {
        ...init,
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      });
    const listPage = async (cursor?: string) => {
      const res = await transactionsRoute.GET(
        asCaller(read.token, `/api/v1/transactions${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ""}`),
        {
          params: Promise.resolve({}),
        },
      );
      const text = await res.text();
      if (res.status !== 200) throw new Error(`GET /api/v1/transactions answered ${res.status}: ${text.slice(0, 300)}`);
      return JSON.parse(text) as { data: unknown[]; nextCursor: string | null };
    };
    const routeOnce = async () => {
      const res = await metricsRoute.GET(
        new Request("http://localhost/api/v1/metrics", { headers: { authorization: `Bearer ${read.token}` } }),
        {
          params: Promise.resolve({}),
        },
      );
      const body = await res.text();
      if (res.status !== 200) throw new Error(`GET /api/v1/metrics answered ${res.status}: ${body.slice(0, 300)}`);
      return body;
    };

    for (const size of opts.importOnly ? [] : opts.sizes) {
      // Load: top the user up to `size` rows (earlier sizes and posted batches count).
      const loadStart = performance.now();
      const loaded = await topUp(t, seeded, size, nextN, log);
      nextN += loaded;
      if (opts.vacuum) await vacuumAnalyze(t);
      const loadSeconds = (performance.now() - loadStart) / 1000;
      const rows = await countTransactions(t, user.id);

      // Checks: the rollups agree with the raw rows, and the seeded base amounts with lib/metrics/money.
      const checks: string[] = [];
      const result = await metricsOnce();
      const [raw] = rowsOf<{ income: string | null; expenses: string | null }>(
        await t.execute(sql`
          select sum(amount_base_minor) filter (where kind = 'income') as income,
                 sum(amount_base_minor) filter (where kind = 'expense') as expenses
          from transactions
          where user_id = ${user.id} and occurred_on >= ${`${result.window.from}-01`}::date
            and occurred_on < (${`${result.window.to}-01`}::date + interval '1 month')`),
      );
      if (Number(raw?.income ?? 0) !== result.totals.income || Number(raw?.expenses ?? 0) !== result.totals.expenses) {
        throw new Error(
          `rollups disagree with transactions: income ${result.totals.income} vs ${raw?.income}, expenses ${result.totals.expenses} vs ${raw?.expenses}`,
        );
      }
      checks.push("rollup totals = raw sums");
      const missing = rowsOf<{ currency: string; n: string }>(
        await t.execute(sql`
          select currency, count(*)::text as n from transactions
          where user_id = ${user.id} and amount_base_minor is null and occurred_on >= ${`${result.window.from}-01`}::date
            and occurred_on < (${`${result.window.to}-01`}::date + interval '1 month')
          group by currency order by currency`),
      );
      const warned = result.warnings
        .filter((w) => w.code === "missing-fx-rate")
        .map((w) => `${w.currency}:${w.count}`)
        .sort()
        .join(",");
      if (warned !== missing.map((m) => `${m.currency}:${m.n}`).join(","))
        throw new Error(`missing-fx-rate warnings ${warned} disagree with the rows`);
      checks.push("FX warnings = rows without a rate");
      const rates = rowsOf<{ currency: string; date: string; rate: string }>(
        await t.execute(
          sql`select currency, to_char(date, 'YYYY-MM-DD') as date, rate::text as rate from fx_rates where user_id = ${user.id}`,
        ),
      );
      const sample = rowsOf<{ amount: string; currency: string; d: string; base: string }>(
        await t.execute(sql`
          select amount_minor::text as amount, currency, to_char(occurred_on, 'YYYY-MM-DD') as d, amount_base_minor::text as base
          from transactions where user_id = ${user.id} and currency in ('EUR', 'GBP') limit 500`),
      );
      for (const s of sample) {
        const rate = pickRate(
          rates.filter((r) => r.currency === s.currency),
          s.d,
        );
        const expected = rate === undefined ? null : convertMinor(Number(s.amount), rate, s.currency, "USD");
        if (expected !== Number(s.base))
          throw new Error(`seeded base amount ${s.base} for ${s.amount} ${s.currency} on ${s.d}; lib/metrics says ${expected}`);
      }
      checks.push("seeded FX base amounts = convertMinor (sample)");
      log(
        `${rows.toLocaleString("en-US")} rows; 12-month window holds ${result.streams.length} streams, ` +
          `${result.concentration.client.count} clients, ${result.concentration.platform.count} platforms`,
      );

      // Metrics: loadMetricsInput + computeMetrics (what GET /api/v1/metrics does), then the real handler.
      rss.reset();
      const loadAvg = [os.loadavg()[0] ?? 0];
      const cap = (budgetMs: number, minRuns: number) => (opts.fullRuns ? undefined : { budgetMs, minRuns });
      const m12 = await timeRuns(n.m12, n.warm, () => metricsOnce(), cap(120_000, 10));
      const m60 = await timeRuns(n.m60, n.warm, () => metricsOnce(window60), cap(90_000, 8));
      const r12 = await timeRuns(n.route, n.warm, () => routeOnce(), cap(90_000, 8));
      loadAvg.push(os.loadavg()[0] ?? 0);
      const peakAfterMetrics = rss.peak;

      // One transaction per POST (what an automation sends), and list pages: the first, and a deep one by cursor.
      const postOne = await timeRuns(n.one, n.warm, async () => {
        const res = await transactionsRoute.POST(
          asCaller(write.token, "/api/v1/transactions", {
            method: "POST",
            body: JSON.stringify({
              streamId: seeded.streamIds[postedOne % seeded.streamIds.length],
              kind: "income",
              occurredOn: today,
              amount: "12.34",
              counterparty: CLIENTS[postedOne % CLIENTS.length],
              externalId: `bench-one-${postedOne++}-${crypto.randomUUID()}`,
            }),
          }),
          { params: Promise.resolve({}) },
        );
        const text = await res.text();
        if (res.status !== 201) throw new Error(`POST of one transaction answered ${res.status}: ${text.slice(0, 300)}`);
      });
      const listFirst = await timeRuns(n.list, n.warm, () => listPage());
      let deepCursor: string | null | undefined;
      for (let page = 1; page < DEEP_PAGE && deepCursor !== null; page++) deepCursor = (await listPage(deepCursor)).nextCursor;
      const deep = deepCursor;
      const listDeep = deep ? await timeRuns(n.list, n.warm, () => listPage(deep)) : null;

      // Batch POST of 1,000 rows through the real handler with a write token.
      let batch: Summary | null = null;
      if (opts.batchSizes === "all" || opts.batchSizes.includes(size)) {
        const batchTimes = await timeRuns(n.batch, 2, async () => {
          const runId = postedBatches++;
          const items = Array.from({ length: 1000 }, (_, i) => {
            const r = Math.random();
            const streamIdx = Math.floor(Math.random() * seeded.streamIds.length);
            const d = new Date(Date.now() - Math.floor(Math.random() * 1826) * 86_400_000).toISOString().slice(0, 10);
            const cur = r < 0.04 ? "EUR" : r < 0.06 ? "GBP" : "USD";
            return {
              ...(i % 2 === 0
                ? { streamId: seeded.streamIds[streamIdx] }
                : { stream: ["Acme Consulting", "YouTube Channel", "Notion Templates", "Invoice SaaS"][i % 4] }),
              kind: r > 0.85 ? "expense" : "income",
              occurredOn: d,
              amount: (Math.floor(Math.random() * 500_000) / 100 + 1).toFixed(2),
              currency: cur,
              counterparty: i % 5 === 0 ? null : CLIENTS[Math.floor(Math.random() * CLIENTS.length)],
              platform: i % 7 === 0 ? "PayPal" : null,
              description: `Bench batch ${runId} item ${i}`,
              externalId: `bench-${runId}-${i}-${crypto.randomUUID()}`,
            };
          });
          const res = await transactionsRoute.POST(
            new Request("http://localhost/api/v1/transactions", {
              method: "POST",
              headers: { authorization: `Bearer ${write.token}`, "content-type": "application/json" },
              body: JSON.stringify(items),
            }),
            { params: Promise.resolve({}) },
          );
          const text = await res.text();
          if (res.status !== 201) throw new Error(`batch POST answered ${res.status}: ${text.slice(0, 300)}`);
          const body = JSON.parse(text) as { inserted: number };
          if (body.inserted !== 1000) throw new Error(`batch POST inserted ${body.inserted} of 1000`);
        });
        batch = summarize(batchTimes);
      }

      let dataMb: number | null = null;
      if (pgliteRoot) dataMb = mb(dirSize(pgliteRoot));
      else {
        const [s] = rowsOf<{ b: string }>(await t.execute(sql`select pg_database_size(current_database())::text as b`));
        dataMb = mb(Number(s?.b ?? 0));
      }
      const res: SizeResult = {
        db,
        size,
        rows,
        loadedRows: loaded,
        loadSeconds,
        metrics12: summarize(m12),
        metrics60: summarize(m60),
        route12: summarize(r12),
        postOne: summarize(postOne),
        listFirst: summarize(listFirst),
        listDeep: listDeep ? summarize(listDeep) : null,
        batch,
        rssMb: mb(process.memoryUsage().rss),
        peakRssMb: mb(Math.max(peakAfterMetrics, rss.peak)),
        dataMb,
        loadAvg: Math.max(...loadAvg),
        checks,
      };
      results.push(res);
      log(
        `size ${size.toLocaleString("en-US")}: metrics 12 mo p50 ${ms(res.metrics12.p50)} / p95 ${ms(res.metrics12.p95)} ms, ` +
          `60 mo p95 ${ms(res.metrics60.p95)} ms, route p95 ${ms(res.route12.p95)} ms, ` +
          `POST one p95 ${ms(res.postOne.p95)} ms, list p95 ${ms(res.listFirst.p95)} / page ${DEEP_PAGE} ${ms(res.listDeep?.p95 ?? Number.NaN)} ms` +
          (batch ? `, batch POST p95 ${ms(batch.p95)} ms` : "") +
          `, rss ${res.rssMb} MB`,
      );
      fs.writeFileSync(out, JSON.stringify({ db, server, results, importRun } satisfies WorkerReport));
    }
  } finally {
    rss.stop();
    // A database the caller gave us (BENCH_DATABASE_URL) keeps only what was there before; the
    // dedicated local database and the PGlite folder are dropped whole by their owners.
    if (db === "postgres" && process.env.BENCH_DATABASE_URL && benchUserId && !opts.keep) {
      log("removing the bench user from BENCH_DATABASE_URL …");
      await t
        .execute(sql`delete from users where id = ${benchUserId}`)
        .catch((err: unknown) => log(`could not remove the bench user: ${String(err)}`));
    }
    await closeDb();
    if (pgliteRoot && !opts.keep) fs.rmSync(pgliteRoot, { recursive: true, force: true });
    else if (pgliteRoot) log(`kept the data in ${process.env.PGLITE_DIR}`);
  }
}

// ───────────────────────────── worker: one database, the load run ─────────────────────────────

async function runLoadWorker(opts: Options, db: DbKind, out: string, url: string | undefined): Promise<void> {
  const pgliteRoot = await prepareDatabase(db, url);
  const log = (msg: string) => console.log(`[${db} load] ${msg}`);
  const { getDb, closeDb, rowsOf } = await import("../db/index");
  const { createUser } = await import("../lib/data/users");
  const { createToken } = await import("../lib/data/tokens");
  const { seedPortfolio } = await import("./bench/seed");
  const { runLoad } = await import("./bench/load");
  let userId: string | undefined;
  try {
    // Seeded in this process, then closed: an embedded database opens in one process at a time, the server's.
    const t = await getDb();
    const [ver] = rowsOf<{ v: string }>(await t.execute(sql`select version() as v`));
    const server = (ver?.v ?? "?").split(" on ")[0]!.split(",")[0]!;
    const user = await createUser({
      name: "Load User",
      email: `load-${crypto.randomUUID()}@example.test`,
      passwordHash: "$argon2id$bench",
    });
    userId = user.id;
    const seeded = await seedPortfolio(t, user.id);
    await topUp(t, seeded, opts.loadRows, 1, log);
    await vacuumAnalyze(t);
    const rows = await countTransactions(t, user.id);
    const { token } = await createToken(user.id, { name: "bench-load", scope: "read" });
    await closeDb();

    const dbEnv = db === "pglite" ? { PGLITE_DIR: process.env.PGLITE_DIR! } : { DATABASE_URL: url! };
    const connections = LOAD_RUN_CONNECTIONS;
    const summary = (run: LoadRun) =>
      `${Math.round(run.requestsPerSecond)} requests/s, p99 ${run.latency.p99} ms, ${run.non2xx} non-2xx, ${run.errors} errors; ` +
      `health p99 ${ms(run.health.p99)} ms; event loop p99 ${run.eventLoop?.p99Ms ?? "–"} ms, max ${run.eventLoop?.maxMs ?? "–"} ms`;
    const run = await runLoad({ dbEnv, token, connections, seconds: opts.loadSeconds, log });
    log(summary(run));
    // The target run reads one unchanged portfolio, so after the first answer it measures the cache. The
    // second says what an answer costs when it must be computed (after every write, or a new day).
    log("again with the metrics cache off (METRICS_CACHE_MB=0): every answer computed");
    const computedRun = await runLoad({
      dbEnv,
      token,
      connections,
      seconds: Math.max(5, opts.loadSeconds / 2),
      log,
      env: { METRICS_CACHE_MB: "0" },
    });
    log(summary(computedRun));
    log("and on GET /api/health/live, which does nothing: the ceiling of any route on this machine");
    const ceilingRun = await runLoad({ dbEnv, token, connections, seconds: 5, log, path: "/api/health/live" });
    log(summary(ceilingRun));
    fs.writeFileSync(
      out,
      JSON.stringify({ db, server, results: [], loadRun: { ...run, rows }, computedRun, ceilingRun } satisfies WorkerReport),
    );
  } finally {
    if (db === "postgres" && process.env.BENCH_DATABASE_URL && userId && !opts.keep) {
      const t = await getDb();
      await t
        .execute(sql`delete from users where id = ${userId}`)
        .catch((err: unknown) => log(`could not remove the load user: ${String(err)}`));
    }
    await closeDb();
    if (pgliteRoot && !opts.keep) fs.rmSync(pgliteRoot, { recursive: true, force: true });
  }
}

function dirSize(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) total += dirSize(p);
    else if (entry.isFile()) total += fs.statSync(p).size;
  }
  return total;
}

// ───────────────────────────── parent: databases, report, targets ─────────────────────────────

async function adminQuery(url: string, statements: string[]): Promise<void> {
  const { default: postgres } = await import("postgres");
  const client = postgres(url, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    for (const s of statements) await client.unsafe(s);
  } finally {
    await client.end({ timeout: 2 });
  }
}

async function reachable(url: string): Promise<boolean> {
  try {
    await adminQuery(url, ["select 1"]);
    return true;
  } catch {
    return false;
  }
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

function runChild(args: string[]): Promise<number> {
  const script = fileURLToPath(import.meta.url);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...process.execArgv, script, ...args], { stdio: "inherit", env: process.env });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

function gitCommit(): string {
  try {
    const head = fs.readFileSync(".git/HEAD", "utf8").trim();
    if (!head.startsWith("ref: ")) return head.slice(0, 12);
    const ref = head.slice(5);
    const file = path.join(".git", ref);
    if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim().slice(0, 12);
    const packed = fs
      .readFileSync(".git/packed-refs", "utf8")
      .split("\n")
      .find((l) => l.endsWith(` ${ref}`));
    return packed ? packed.slice(0, 12) : "unknown";
  } catch {
    return "unknown";
  }
}

const label = (db: DbKind) => (db === "pglite" ? "embedded (PGlite)" : "Postgres");
const count = (x: number) => x.toLocaleString("en-US");
const trio = (s: Summary | null, want: number) =>
  s ? `${ms(s.p50)} / ${ms(s.p95)} / ${ms(s.max)}${s.n < want ? ` (n=${s.n}, time-capped)` : ""}` : "–";

function report(reports: WorkerReport[], opts: Options, failures: string[]): string {
  const lines: string[] = [];
  const cpu = os.cpus()[0]?.model ?? "?";
  lines.push(`# Streamfolio benchmark`);
  lines.push("");
  lines.push(
    `${new Date().toISOString()} · commit ${gitCommit()} · Node ${process.version} · ${os.cpus().length} × ${cpu} · ` +
      `${mb(os.totalmem())} MB RAM${opts.quick ? " · QUICK RUN (not for targets)" : ""}${opts.vacuum ? "" : " · no VACUUM ANALYZE after load"}`,
  );
  for (const server of new Set(reports.map((r) => `- ${label(r.db)}: ${r.server}`))) lines.push(server);
  if (reports.some((r) => r.results.length)) sizeTables(lines, reports, opts);
  const imports = reports.filter((r) => r.importRun);
  if (imports.length) importTable(lines, imports);
  const loads = reports.filter((r) => r.loadRun);
  if (loads.length) loadTable(lines, loads);
  const busiest = Math.max(0, ...reports.flatMap((r) => [...r.results.map((s) => s.loadAvg), r.loadRun?.loadAvg ?? 0]));
  if (busiest > os.cpus().length) {
    lines.push(
      `⚠ The load average reached ${busiest.toFixed(1)} on ${os.cpus().length} cores during the runs: other work competed for the CPU, so tails (p95, max) are inflated. Re-run on an idle machine for figures to quote.`,
    );
  }
  if (failures.length) {
    lines.push("");
    lines.push("**Targets missed:**");
    for (const f of failures) lines.push(`- ${f}`);
  }
  lines.push("");
  return lines.join("\n");
}

function sizeTables(lines: string[], reports: WorkerReport[], opts: Options): void {
  lines.push("");
  lines.push(
    "Metrics = `loadMetricsInput()` + `computeMetrics()` (what GET /api/v1/metrics runs); GET route = the real handler with a Bearer token, body read.",
  );
  lines.push("Times in ms as p50 / p95 / max. Target: metrics p95 at 1M transactions ≤ 50 ms on Postgres, ≤ 150 ms embedded.");
  lines.push("");
  lines.push(
    "| Database | Transactions | Metrics 12 mo | Metrics 60 mo | GET route 12 mo | Batch POST 1,000 rows | Target (12 mo p95) | Load (s) | Load rows/s | RSS / peak (MB) | Data (MB) | Load avg |",
  );
  lines.push("|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|");
  const it = iterations(opts.quick);
  for (const r of reports) {
    for (const s of r.results) {
      const target = TARGET_P95_MS[s.db];
      const verdict = s.metrics12.p95 <= target ? `✅ ≤ ${target}` : `❌ > ${target}`;
      lines.push(
        `| ${label(s.db)} | ${count(s.rows)} | ${trio(s.metrics12, it.m12)} | ${trio(s.metrics60, it.m60)} | ${trio(s.route12, it.route)} | ${trio(s.batch, it.batch)} | ${verdict} | ` +
          `${s.loadSeconds.toFixed(1)} | ${s.loadedRows ? count(Math.round(s.loadedRows / s.loadSeconds)) : "–"} | ${s.rssMb} / ${s.peakRssMb} | ${s.dataMb ?? "–"} | ${s.loadAvg.toFixed(1)} |`,
      );
    }
  }
  lines.push("");
  lines.push(
    `Runs per size: metrics 12 mo ×${it.m12}, 60 mo ×${it.m60}, route ×${it.route} (after ${it.warm} warm-ups each); batch POST ×${it.batch} (after 2 warm-ups). ` +
      `Load = topping the user up to the size with INSERT … SELECT in ${count(LOAD_CHUNK)}-row statements (rollup triggers on), plus VACUUM ANALYZE. ` +
      `Runs stop early (marked time-capped) once a series passes 90–120 s, i.e. when a target is missed by far. Load avg = the 1-minute load average around the metrics runs (this machine has ${os.cpus().length} cores; above that, other work competed for the CPU). RSS is this Node process (PGlite runs inside it; the Postgres server's memory is not counted). Data = PGlite folder / pg_database_size.`,
  );
  lines.push(`Checks per size: ${[...new Set(reports.flatMap((r) => r.results.flatMap((s) => s.checks)))].join("; ")}.`);
  lines.push("");
  lines.push(
    `Single writes and list pages through the real handlers (p50 / p95 / max ms, ×${it.one} and ×${it.list} after ${it.warm} warm-ups): POST of one transaction; ` +
      `GET /api/v1/transactions, first page and page ${count(DEEP_PAGE)} by cursor (50 rows a page). Targets at ${count(GATE_SIZE)} transactions: POST p95 ≤ ${TARGET_POST_ONE_P95_MS} ms, pages p95 ≤ ${TARGET_LIST_PAGE_P95_MS} ms.`,
  );
  lines.push("");
  lines.push(`| Database | Transactions | POST 1 transaction | List: first page | List: page ${count(DEEP_PAGE)} | Target |`);
  lines.push("|---|---:|---:|---:|---:|---|");
  for (const r of reports) {
    for (const s of r.results) {
      const ok = singleTargetsMet(s);
      lines.push(
        `| ${label(s.db)} | ${count(s.rows)} | ${trio(s.postOne, it.one)} | ${trio(s.listFirst, it.list)} | ${trio(s.listDeep, it.list)} | ${ok ? "✅" : "❌"} ${TARGET_POST_ONE_P95_MS} / ${TARGET_LIST_PAGE_P95_MS} |`,
      );
    }
  }
}

const singleTargetsMet = (s: SizeResult) =>
  s.postOne.p95 <= TARGET_POST_ONE_P95_MS &&
  s.listFirst.p95 <= TARGET_LIST_PAGE_P95_MS &&
  (s.listDeep?.p95 ?? 0) <= TARGET_LIST_PAGE_P95_MS;

function importTable(lines: string[], imports: WorkerReport[]): void {
  lines.push("");
  lines.push(
    "CSV import: a generated generic CSV through the real POST /api/v1/imports handler into an empty account (streamed body, checks, streams, pricing, bulk inserts, rollup triggers, one transaction). " +
      `Targets: ≥ ${count(TARGET_IMPORT_ROWS_PER_S.postgres)} rows/s on Postgres, ≥ ${count(TARGET_IMPORT_ROWS_PER_S.pglite)} embedded, the last tenth no slower than the first (within ${Math.round((1 - IMPORT_TENTH_TOLERANCE) * 100)}%).`,
  );
  lines.push("");
  lines.push(
    "| Database | Rows | File (MB) | Time (s) | Rows/s | First tenth rows/s | Last tenth rows/s | Target | The database alone, rows/s | Peak RSS growth (MB) | Peak JS heap growth (MB) |",
  );
  lines.push("|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|");
  for (const r of imports) {
    const i = r.importRun!;
    const target = TARGET_IMPORT_ROWS_PER_S[r.db];
    const ok = i.rowsPerSecond >= target && i.lastTenthRowsPerSecond >= i.firstTenthRowsPerSecond * IMPORT_TENTH_TOLERANCE;
    lines.push(
      `| ${label(r.db)} | ${count(i.rows)} | ${i.bodyMb} | ${i.seconds.toFixed(2)} | ${count(Math.round(i.rowsPerSecond))} | ${count(Math.round(i.firstTenthRowsPerSecond))} | ` +
        `${count(Math.round(i.lastTenthRowsPerSecond))} | ${ok ? "✅" : "❌"} ≥ ${count(target)} | ${count(Math.round(i.floorRowsPerSecond))} | ${i.peakRssGrowthMb} | ${i.peakHeapGrowthMb} |`,
    );
  }
}

function loadFailures(r: WorkerReport): string[] {
  const l = r.loadRun;
  // The targets are for the 100,000-transaction user; a smaller one is a smoke run.
  if (!l || l.rows < LOAD_RUN_ROWS) return [];
  const out: string[] = [];
  const at = `${label(r.db)} load run (${l.connections} connections, ${Math.round(l.seconds)} s)`;
  if (l.requestsPerSecond < TARGET_LOAD_RPS[r.db])
    out.push(`${at}: ${count(Math.round(l.requestsPerSecond))} requests/s < target ${count(TARGET_LOAD_RPS[r.db])}.`);
  const p99 = TARGET_LOAD_P99_MS[r.db];
  if (p99 !== undefined && l.latency.p99 > p99) out.push(`${at}: latency p99 ${l.latency.p99} ms > target ${p99} ms.`);
  if (l.non2xx + l.errors > 0)
    out.push(`${at}: ${count(l.non2xx)} non-2xx answers and ${count(l.errors)} socket errors or timeouts (target 0).`);
  if (!(l.health.p99 <= TARGET_HEALTH_P99_MS) || l.health.failed > 0)
    out.push(`${at}: GET /api/health p99 ${ms(l.health.p99)} ms (${l.health.failed} failed) > target ${TARGET_HEALTH_P99_MS} ms.`);
  return out;
}

function loadTable(lines: string[], loads: WorkerReport[]): void {
  lines.push("");
  lines.push(
    `Load run: the built app (\`next start\`, production) on one port, autocannon with ${LOAD_RUN_CONNECTIONS} connections on GET /api/v1/metrics (12-month default window, read token, ` +
      `rate limit raised for the run) for a user with ${count(LOAD_RUN_ROWS)} transactions, after a 3 s warm-up; meanwhile GET /api/health every 100 ms on a connection of its own. ` +
      `Nothing is written during the run, so after the first answer each one comes from the metrics cache (keyed by the user's data version, lib/metrics-cache.ts): the row "metrics cache off" repeats the run for half as long with METRICS_CACHE_MB=0, every answer computed, which is what a read costs right after a write; the row "GET /api/health/live" loads a route that does nothing for 5 s, the most any route can do on this machine. ` +
      `Event loop = the server's own monitorEventLoopDelay (1 ms resolution, included) over the run, via a preloaded probe; server CPU = the Node process's user + system time over the run per answered request (PGlite runs inside it; Postgres does not). autocannon and the database share the machine's ${os.cpus().length} cores with the server. ` +
      `Targets: ≥ ${count(TARGET_LOAD_RPS.postgres)} requests/s with p99 ≤ ${TARGET_LOAD_P99_MS.postgres} ms on Postgres, ≥ ${count(TARGET_LOAD_RPS.pglite)} requests/s embedded, no non-2xx or socket errors, health p99 ≤ ${TARGET_HEALTH_P99_MS} ms.`,
  );
  lines.push("");
  lines.push(
    "| Database | Transactions | Requests | Requests/s | Latency p50 / p99 / max (ms) | Non-2xx | Errors | Health p50 / p99 / max (ms, n) | Event loop p99 / max (ms) | Server CPU per request (ms) | Server peak RSS (MB) | Load avg | Target |",
  );
  lines.push("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
  const row = (name: string, rows: number, l: LoadRun, target: string) => {
    const h = l.health;
    lines.push(
      `| ${name} | ${count(rows)} | ${count(l.requests)} | ${count(Math.round(l.requestsPerSecond))} | ${l.latency.p50} / ${l.latency.p99} / ${l.latency.max} | ${count(l.non2xx)} | ${count(l.errors)} | ` +
        `${ms(h.p50)} / ${ms(h.p99)} / ${ms(h.max)} (${h.n}${h.failed ? `, ${h.failed} failed` : ""}) | ${l.eventLoop ? `${l.eventLoop.p99Ms} / ${l.eventLoop.maxMs}` : "–"} | ${ms(l.serverCpuMsPerRequest ?? Number.NaN)} | ${l.serverPeakRssMb ?? "–"} | ${l.loadAvg.toFixed(1)} | ${target} |`,
    );
  };
  for (const r of loads) {
    const l = r.loadRun!;
    const ok = loadFailures(r).length === 0;
    row(
      label(r.db),
      l.rows,
      l,
      `${ok ? "✅" : "❌"} ≥ ${count(TARGET_LOAD_RPS[r.db])}/s${TARGET_LOAD_P99_MS[r.db] ? `, p99 ≤ ${TARGET_LOAD_P99_MS[r.db]}` : ""}`,
    );
    if (r.computedRun) row(`${label(r.db)}, metrics cache off`, l.rows, r.computedRun, "– (what a computed answer costs)");
    if (r.ceilingRun)
      row(`${label(r.db)}, GET /api/health/live`, l.rows, r.ceilingRun, "– (a route that does nothing: the machine's ceiling)");
  }
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.worker) {
    const { db, phase, out, url } = opts.worker;
    await (phase === "load" ? runLoadWorker : runWorker)(opts, db, out, url);
    return;
  }

  // Which databases: PGlite always; Postgres from BENCH_DATABASE_URL, else a dedicated local database.
  let pgUrl = process.env.BENCH_DATABASE_URL || undefined;
  let dropAfter: { admin: string; name: string } | undefined;
  const wantPg = opts.dbs === "auto" || opts.dbs.includes("postgres");
  const dbs: DbKind[] = opts.dbs === "auto" ? ["pglite"] : opts.dbs.filter((d) => d === "pglite");
  if (wantPg) {
    if (!pgUrl && (await reachable(LOCAL_ADMIN_URL))) {
      await adminQuery(LOCAL_ADMIN_URL, [`drop database if exists ${LOCAL_BENCH_DB} with (force)`, `create database ${LOCAL_BENCH_DB}`]);
      pgUrl = withDatabase(LOCAL_ADMIN_URL, LOCAL_BENCH_DB);
      dropAfter = { admin: LOCAL_ADMIN_URL, name: LOCAL_BENCH_DB };
    }
    if (pgUrl) dbs.push("postgres");
    else if (opts.dbs !== "auto")
      throw new Error("Postgres asked for, but BENCH_DATABASE_URL is unset and 127.0.0.1:5432 does not answer.");
    else console.log("Postgres: BENCH_DATABASE_URL unset and 127.0.0.1:5432 unreachable — benchmarking the embedded database only.");
  }

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "streamfolio-bench-out-"));
  const reports: WorkerReport[] = [];
  const failures: string[] = [];
  try {
    const phases: Worker["phase"][] = opts.loadOnly ? ["load"] : opts.load && !opts.importOnly ? ["sizes", "load"] : ["sizes"];
    if (phases.includes("load") && !appIsBuilt()) {
      if (opts.loadOnly || !opts.quick) throw new Error("The load run needs the built app: run `npm run build` first (or pass --no-load).");
      console.log("No build (.next/BUILD_ID): the quick run skips the load run.");
      phases.pop();
    }
    for (const db of dbs) {
      for (const phase of phases) {
        const out = path.join(tmp, `${db}-${phase}.json`);
        const passthrough = process.argv.slice(2);
        const code = await runChild([
          ...passthrough,
          ...["--worker", db, "--phase", phase, "--out", out],
          ...(db === "postgres" && pgUrl ? ["--url", pgUrl] : []),
        ]);
        if (fs.existsSync(out)) reports.push(JSON.parse(fs.readFileSync(out, "utf8")) as WorkerReport);
        if (code !== 0)
          failures.push(`${label(db)}: the ${phase === "load" ? "load run" : "benchmark"} failed (exit ${code}); see the log above.`);
      }
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
    if (dropAfter && !opts.keep)
      await adminQuery(dropAfter.admin, [`drop database if exists ${dropAfter.name} with (force)`]).catch(() => {});
    else if (dropAfter) console.log(`kept the Postgres database ${pgUrl}`);
  }

  if (!opts.quick) {
    for (const r of reports) {
      const i = r.importRun;
      // The targets are for a 100,000-row file; a smaller --import-rows is a smoke run.
      if (i && i.rows >= IMPORT_GATE_ROWS) {
        const target = TARGET_IMPORT_ROWS_PER_S[r.db];
        if (i.rowsPerSecond < target)
          failures.push(`${label(r.db)}: the CSV import ran at ${count(Math.round(i.rowsPerSecond))} rows/s < target ${count(target)}.`);
        if (i.lastTenthRowsPerSecond < i.firstTenthRowsPerSecond * IMPORT_TENTH_TOLERANCE) {
          failures.push(
            `${label(r.db)}: the CSV import slowed down: ${count(Math.round(i.lastTenthRowsPerSecond))} rows/s in its last tenth, ${count(Math.round(i.firstTenthRowsPerSecond))} in its first.`,
          );
        }
      }
    }
    for (const r of reports) {
      failures.push(...loadFailures(r));
      for (const s of r.results) {
        if (s.size < GATE_SIZE) continue;
        if (!singleTargetsMet(s))
          failures.push(
            `${label(s.db)} at ${count(s.rows)} transactions: POST of one transaction p95 ${ms(s.postOne.p95)} ms (target ${TARGET_POST_ONE_P95_MS}), ` +
              `list pages p95 ${ms(s.listFirst.p95)} / ${ms(s.listDeep?.p95 ?? Number.NaN)} ms (target ${TARGET_LIST_PAGE_P95_MS}).`,
          );
        const target = TARGET_P95_MS[s.db];
        if (s.metrics12.p95 > target) {
          failures.push(
            `${label(s.db)} at ${count(s.rows)} transactions: metrics p95 ${ms(s.metrics12.p95)} ms > target ${target} ms` +
              ` (60-month window p95 ${ms(s.metrics60.p95)} ms, route p95 ${ms(s.route12.p95)} ms).`,
          );
        }
      }
    }
  }

  const md = report(reports, opts, failures);
  fs.mkdirSync("bench-results", { recursive: true });
  fs.writeFileSync(path.join("bench-results", "latest.md"), md);
  fs.writeFileSync(path.join("bench-results", "latest.json"), JSON.stringify({ options: opts, reports, failures }, null, 2));
  console.log(`\n${md}`);
  console.log("Written to bench-results/latest.md");
  if (failures.length) {
    console.error(`\nBENCH FAILED:\n${failures.map((f) => `  - ${f}`).join("\n")}`);
    process.exit(1);
  }
  const gated = reports.some((r) => r.results.some((s) => s.size >= GATE_SIZE));
  if (!gated && !opts.quick) console.log(`(No size ≥ ${count(GATE_SIZE)} was run, so no metrics target was enforced.)`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
