/*
 * EXPLAIN ANALYZE and timings of the queries behind GET /api/v1/metrics, as lib/data/metrics.ts runs
 * them today ("current") and as proposed in the benchmark report ("proposed"), on data kept by
 * `npm run bench -- --keep`:
 *
 *   npx tsx scripts/bench/explain.ts postgres://postgres@127.0.0.1:5432/streamfolio_bench
 *   npx tsx scripts/bench/explain.ts /tmp/streamfolio-bench-XXXX/pglite     (nothing else may have it open)
 *   … --plans   also print the plans;  --reps N   timed repetitions (default 20)
 *   … --plain-desc   the proposed queries with plain `desc` (once the indexes are `DESC` = NULLS FIRST)
 *   … --only proposed   skip the (slow) current display-spelling queries
 *
 * It also checks that the proposed display-spelling queries answer exactly what the current ones do.
 */
import { performance } from "node:perf_hooks";

interface Runner {
  query: (text: string, params: unknown[]) => Promise<Record<string, unknown>[]>;
  close: () => Promise<void>;
}

async function open(target: string): Promise<Runner> {
  if (/^postgres(ql)?:\/\//.test(target)) {
    const { default: postgres } = await import("postgres");
    const client = postgres(target, { max: 1, onnotice: () => {} });
    return {
      query: async (text, params) => [...(await client.unsafe(text, params as never[]))] as Record<string, unknown>[],
      close: () => client.end({ timeout: 2 }),
    };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const db = await PGlite.create(target);
  return {
    query: async (text, params) => (await db.query<Record<string, unknown>>(text, params)).rows,
    close: () => db.close(),
  };
}

// $1 user id, $2 first day of the window, $3 first day of its last month, $4 last day.
const CURRENT: Record<string, string> = {
  user: `select base_currency, time_zone, essential_monthly_expenses, cash_buffer, thresholds from users where id = $1 limit 1`,
  streams: `select id, name, kind, role, platform, status from streams where user_id = $1`,
  streamMonths: `select stream_id, to_char(month, 'YYYY-MM'), income, expenses from stream_month_totals where user_id = $1 and month >= $2 and month <= $3`,
  keyTotals: `select dim, key, sum(income) from key_month_totals where user_id = $1 and month >= $2 and month <= $3 group by dim, key having sum(income) <> 0`,
  minutes: `select stream_id, sum(minutes) from time_entries where user_id = $1 and occurred_on >= $2 and occurred_on <= $4 group by stream_id`,
  goals: `select stream_id, target_minor, effective_from from goals where user_id = $1`,
  missingFx: `select currency, count(*) from transactions where user_id = $1 and amount_base_minor is null and occurred_on >= $2 and occurred_on <= $4 group by currency`,
};

// $1 user id, $2 the keys (text[]); the current queries get the keys as an IN list, as drizzle sends them.
const clientCurrent = (keys: string[]) => `
  select distinct on (lower(btrim(counterparty))) lower(btrim(counterparty)) as key, btrim(counterparty) as display
  from transactions
  where user_id = $1 and lower(btrim(counterparty)) in (${keys.map((_, i) => `$${i + 2}`).join(", ")})
  order by lower(btrim(counterparty)), occurred_on desc, created_at desc, id desc`;
const platformCurrent = (keys: string[]) => `
  select distinct on (key) key, display from (
    select lower(btrim(coalesce(nullif(btrim(t.platform), ''), s.platform))) as key,
           btrim(coalesce(nullif(btrim(t.platform), ''), s.platform)) as display,
           t.occurred_on, t.created_at, t.id
    from transactions t join streams s on s.id = t.stream_id
    where t.user_id = $1 and s.user_id = $1
      and lower(btrim(coalesce(nullif(btrim(t.platform), ''), s.platform))) in (${keys.map((_, i) => `$${i + 2}`).join(", ")})
  ) p
  order by key, occurred_on desc, created_at desc, id desc`;

/**
 * One index probe per key: the newest row of that key (LIMIT 1 under the display order). `nulls last`
 * (occurred_on is NOT NULL, so the order is the same) matches transactions_user_client_idx /
 * transactions_user_platform_idx, which drizzle created as `occurred_on DESC NULLS LAST`; plain `desc`
 * means NULLS FIRST and makes the planner sort every row of the key.
 */
const clientProposed = `
  select k.key, d.display
  from unnest($2::text[]) as k(key)
  cross join lateral (
    select btrim(t.counterparty) as display
    from transactions t
    where t.user_id = $1 and lower(btrim(t.counterparty)) = k.key
    order by t.occurred_on desc nulls last, t.created_at desc, t.id desc
    limit 1
  ) d`;
/** The newest row naming the platform itself, and the newest row of each stream that inherits it. */
const platformProposed = `
  select distinct on (key) key, display from (
    select k.key, x.display, x.occurred_on, x.created_at, x.id
    from unnest($2::text[]) as k(key)
    cross join lateral (
      select btrim(t.platform) as display, t.occurred_on, t.created_at, t.id
      from transactions t
      where t.user_id = $1 and lower(btrim(t.platform)) = k.key
      order by t.occurred_on desc nulls last, t.created_at desc, t.id desc
      limit 1
    ) x
    union all
    select lower(btrim(s.platform)), btrim(s.platform), y.occurred_on, y.created_at, y.id
    from streams s
    cross join lateral (
      select t.occurred_on, t.created_at, t.id
      from transactions t
      where t.user_id = $1 and t.stream_id = s.id and nullif(btrim(t.platform), '') is null
      order by t.occurred_on desc, t.created_at desc, t.id desc
      limit 1
    ) y
    where s.user_id = $1 and lower(btrim(s.platform)) = any($2::text[])
  ) c
  order by key, occurred_on desc, created_at desc, id desc`;

async function main() {
  const args = process.argv.slice(2);
  const target = args.find((a) => !a.startsWith("--"));
  if (!target) throw new Error("usage: explain.ts <postgres-url | pglite-dir> [--plans] [--reps N]");
  const plans = args.includes("--plans");
  const plainDesc = args.includes("--plain-desc");
  const onlyProposed = args.includes("--only") && args[args.indexOf("--only") + 1] === "proposed";
  const clientProposedSql = plainDesc ? clientProposed.replaceAll(" nulls last", "") : clientProposed;
  const platformProposedSql = plainDesc ? platformProposed.replaceAll(" nulls last", "") : platformProposed;
  const repsAt = args.indexOf("--reps");
  const reps = repsAt >= 0 ? Number(args[repsAt + 1]) : 20;
  const db = await open(target);
  try {
    const [u] = await db.query(`select user_id as id, count(*)::int as n from transactions group by user_id order by n desc limit 1`, []);
    if (!u) throw new Error("no transactions here");
    const userId = String(u.id);
    const now = new Date();
    const to = now.toISOString().slice(0, 7);
    const fromDate = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11, 1)).toISOString().slice(0, 10);
    const lastDay = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 0)).toISOString().slice(0, 10);
    const windowParams = [userId, fromDate, `${to}-01`, lastDay];
    console.log(`user ${userId}: ${u.n} transactions; window ${fromDate} .. ${lastDay}`);
    const keyRows = await db.query(CURRENT.keyTotals!, windowParams.slice(0, 3));
    const clientKeys = keyRows.filter((r) => r.dim === "client").map((r) => String(r.key));
    const platformKeys = keyRows.filter((r) => r.dim === "platform").map((r) => String(r.key));

    const cases: [string, string, unknown[]][] = [
      ...Object.entries(CURRENT).map(([name, q]): [string, string, unknown[]] => {
        if (name === "user" || name === "streams" || name === "goals") return [name, q, [userId]];
        // minutes and missingFx use $1, $2 and $4 of the window: renumber $4 to $3.
        if (name === "minutes" || name === "missingFx") return [name, q.replace("$4", "$3"), [userId, fromDate, lastDay]];
        return [name, q, windowParams.slice(0, 3)];
      }),
      ...(onlyProposed
        ? []
        : ([
            [`clientDisplay current (${clientKeys.length} keys)`, clientCurrent(clientKeys), [userId, ...clientKeys]],
            [`platformDisplay current (${platformKeys.length} keys)`, platformCurrent(platformKeys), [userId, ...platformKeys]],
          ] as [string, string, unknown[]][])),
      ["clientDisplay proposed", clientProposedSql, [userId, clientKeys]],
      ["platformDisplay proposed", platformProposedSql, [userId, platformKeys]],
    ];
    for (const [name, q, params] of cases) {
      const text = q;
      const times: number[] = [];
      const n = name.includes("current") ? Math.min(reps, 5) : reps;
      for (let i = 0; i < n + 1; i++) {
        const t0 = performance.now();
        await db.query(text, params);
        if (i > 0) times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      const p50 = times[Math.floor(times.length / 2)] ?? Number.NaN;
      const p95 = times[Math.min(times.length - 1, Math.ceil(times.length * 0.95) - 1)] ?? Number.NaN;
      console.log(`${name.padEnd(40)} p50 ${p50.toFixed(2).padStart(9)} ms   p95 ${p95.toFixed(2).padStart(9)} ms   (n=${times.length})`);
      if (plans) {
        const plan = await db.query(`explain (analyze, buffers) ${text}`, params);
        for (const row of plan) console.log(`    ${String(Object.values(row)[0])}`);
      }
    }

    // The proposed queries must answer exactly what the current ones do.
    const asMap = (rows: Record<string, unknown>[]) => new Map(rows.map((r) => [String(r.key), String(r.display)]));
    const same = (a: Map<string, string>, b: Map<string, string>) => a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);
    const c1 = asMap(await db.query(clientCurrent(clientKeys), [userId, ...clientKeys]));
    const c2 = asMap(await db.query(clientProposedSql, [userId, clientKeys]));
    const p1 = asMap(await db.query(platformCurrent(platformKeys), [userId, ...platformKeys]));
    const p2 = asMap(await db.query(platformProposedSql, [userId, platformKeys]));
    console.log(
      `proposed client spellings identical: ${same(c1, c2)} (${c1.size} keys); platform spellings identical: ${same(p1, p2)} (${p1.size} keys)`,
    );
    if (!same(c1, c2) || !same(p1, p2)) process.exitCode = 1;
  } finally {
    await db.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
