// Builds the benchmark portfolio: one user with eight streams, hours, goals, dated FX rates, and
// transactions generated in SQL (INSERT … SELECT over generate_series) in chunks, so every chunk goes
// through the statement-level rollup triggers exactly like an import would.
import { sql } from "drizzle-orm";
import type { Db } from "../../db/index";
import { rowsOf } from "../../db/index";

export interface BenchStream {
  name: string;
  kind: "freelance" | "content" | "product" | "affiliate" | "sponsorship" | "saas" | "commerce" | "other";
  role: "anchor" | "growth" | "speculative";
  platform: string | null;
  status: "active" | "paused" | "archived";
  /** Relative share of the number of transactions. */
  weight: number;
  /** Typical income amount in USD cents (log-normal around it). */
  scale: number;
  /** Logs hours (minutes per entry, entries per week) or none. */
  hours?: { minutes: number; perWeek: number };
}

export const STREAMS: readonly BenchStream[] = [
  {
    name: "Acme Consulting",
    kind: "freelance",
    role: "anchor",
    platform: null,
    status: "active",
    weight: 5,
    scale: 150_000,
    hours: { minutes: 240, perWeek: 4 },
  },
  {
    name: "YouTube Channel",
    kind: "content",
    role: "growth",
    platform: "YouTube",
    status: "active",
    weight: 10,
    scale: 20_000,
    hours: { minutes: 180, perWeek: 2 },
  },
  { name: "Notion Templates", kind: "product", role: "growth", platform: "Gumroad", status: "active", weight: 25, scale: 2_500 },
  {
    name: "Affiliate Links",
    kind: "affiliate",
    role: "speculative",
    platform: "Amazon Associates",
    status: "active",
    weight: 30,
    scale: 800,
  },
  {
    name: "Newsletter Sponsors",
    kind: "sponsorship",
    role: "growth",
    platform: "Beehiiv",
    status: "active",
    weight: 3,
    scale: 60_000,
    hours: { minutes: 120, perWeek: 1 },
  },
  {
    name: "Invoice SaaS",
    kind: "saas",
    role: "anchor",
    platform: "Stripe",
    status: "active",
    weight: 20,
    scale: 2_900,
    hours: { minutes: 90, perWeek: 3 },
  },
  { name: "Vintage Resale", kind: "commerce", role: "speculative", platform: "eBay", status: "paused", weight: 6, scale: 4_500 },
  { name: "Old Podcast", kind: "content", role: "speculative", platform: "Patreon", status: "archived", weight: 1, scale: 30_000 },
];

const CLIENT_FIRST = [
  "Northwind",
  "Acme",
  "Globex",
  "Initech",
  "Umbrella",
  "Stark",
  "Wayne",
  "Hooli",
  "Vandelay",
  "Soylent",
  "Tyrell",
  "Cyberdyne",
  "Wonka",
  "Gringotts",
  "Pied Piper",
  "Monarch",
  "Oscorp",
  "Aperture",
  "Black Mesa",
  "Massive Dynamic",
];
const CLIENT_LAST = ["Labs", "Media", "Studio", "Group", "Partners", "Digital", "Ventures", "Co", "GmbH", "Ltd"];
/** 200 client names; the generator picks low indices more often (a few big clients, a long tail). */
export const CLIENTS: readonly string[] = CLIENT_FIRST.flatMap((f) => CLIENT_LAST.map((l) => `${f} ${l}`));
const VENDORS = [
  "Adobe",
  "AWS",
  "Figma",
  "Notion",
  "Canva",
  "Vercel",
  "Mailchimp",
  "Zoom",
  "Upwork",
  "Fiverr",
  "Google Workspace",
  "Shopify",
  "Descript",
  "Riverside",
  "ConvertKit",
];
/** Platforms named on the transaction itself (else the stream's applies); spelling varies on purpose. */
const TX_PLATFORMS = ["PayPal", "paypal ", "Stripe", "Wise", "Payoneer", "Gumroad", "Patreon", "YouTube"];

export interface SeededUser {
  userId: string;
  streamIds: string[];
}

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
const textArray = (xs: readonly string[]) => `ARRAY[${xs.map(lit).join(",")}]::text[]`;
const intArray = (xs: readonly number[]) => `ARRAY[${xs.join(",")}]::int[]`;

/** Streams, settings, hours, goals and FX rates for `userId` (made by the app's own createUser). */
export async function seedPortfolio(db: Db, userId: string): Promise<SeededUser> {
  await db.execute(
    sql`update users set essential_monthly_expenses = 450000, cash_buffer = 2500000, time_zone = 'UTC' where id = ${userId}`,
  );
  const streamIds: string[] = [];
  for (const s of STREAMS) {
    const [row] = rowsOf<{ id: string }>(
      await db.execute(sql`
        insert into streams (user_id, name, kind, role, platform, status, started_on)
        values (${userId}, ${s.name}, ${s.kind}, ${s.role}, ${s.platform}, ${s.status}, current_date - 1900)
        returning id`),
    );
    streamIds.push(row!.id);
  }
  // Hours: a few thousand entries over five years.
  for (const [i, s] of STREAMS.entries()) {
    if (!s.hours) continue;
    await db.execute(sql`
      insert into time_entries (user_id, stream_id, occurred_on, minutes, note)
      select ${userId}, ${streamIds[i]!}, current_date - d, greatest(15, least(1440, round(${s.hours.minutes} * (0.5 + random()))::int)), null
      from generate_series(0, 1825) d
      where random() < ${s.hours.perWeek / 7}`);
  }
  // Goals: the portfolio (raised twice) and two streams.
  await db.execute(sql`
    insert into goals (user_id, stream_id, target_minor, effective_from) values
      (${userId}, null, 800000, to_char(current_date - 1825, 'YYYY-MM')),
      (${userId}, null, 1500000, to_char(current_date - 730, 'YYYY-MM')),
      (${userId}, null, 2500000, to_char(current_date - 180, 'YYYY-MM')),
      (${userId}, ${streamIds[0]!}, 600000, to_char(current_date - 1000, 'YYYY-MM')),
      (${userId}, ${streamIds[1]!}, 150000, to_char(current_date - 365, 'YYYY-MM'))`);
  // FX: quarterly EUR and GBP rates starting 4.5 years back (older rows take the earliest rate after
  // their date, as METRICS.md says); CHF has no rate at all and shows up in `warnings`.
  await db.execute(sql`
    insert into fx_rates (user_id, base_currency, currency, date, rate)
    select ${userId}, 'USD', c.cur, current_date - 1640 + q * 91, round((c.base + 0.04 * sin(q))::numeric, 6)
    from (values ('EUR', 1.08), ('GBP', 1.26)) c(cur, base), generate_series(0, 17) q`);
  return { userId, streamIds };
}

/**
 * Inserts transactions number `from`..`to` (inclusive) for the user in one statement: dates over the
 * last five years (more in recent years: a growing business), 85% income (1% of it refunds), amounts
 * log-normal around each stream's scale, counterparties from a pool of 200 with a long tail and
 * inconsistent spelling, a few % in EUR/GBP converted with the user's rates (half-even, as
 * lib/metrics/money.ts) and a trickle of CHF with no rate.
 */
export async function insertTransactions(db: Db, seeded: SeededUser, from: number, to: number): Promise<void> {
  const pick: number[] = [];
  STREAMS.forEach((s, i) => {
    for (let w = 0; w < s.weight; w++) pick.push(i + 1);
  });
  const ids = `ARRAY[${seeded.streamIds.map(lit).join(",")}]::uuid[]`;
  const scales = intArray(STREAMS.map((s) => s.scale));
  const query = `
    insert into transactions (user_id, stream_id, kind, occurred_on, amount_minor, currency, amount_base_minor,
                              counterparty, platform, description, external_id)
    select ${lit(seeded.userId)}::uuid, (${ids})[r.k], r.kind, r.d, r.amt, r.cur,
           case when r.cur = 'USD' then r.amt
                when fx.rate is null then null
                else (select case when x - trunc(x) in (0.5, -0.5) then 2 * round(x / 2) else round(x) end
                      from (select r.amt::numeric * fx.rate as x) v)::bigint end,
           r.counterparty, r.platform, r.description, r.external_id
    from (
      select g.n, g.k, g.kind, g.d, g.cur,
             (greatest(1, round((${scales})[g.k] * exp(0.7 * sqrt(-2 * ln(greatest(g.u1, 1e-12))) * cos(2 * pi() * g.u2))
                                * case when g.kind = 'expense' then 0.3 else 1 end))
              * case when g.kind = 'income' and g.rk < 0.1585 then -1 else 1 end)::bigint as amt,
             case when g.kind = 'expense' then (${textArray(VENDORS)})[1 + floor(g.rc * ${VENDORS.length})::int]
                  when g.rc < 0.25 then null
                  else (case when g.rsp < 0.05 then lower(c.name) when g.rsp < 0.08 then c.name || ' ' when g.rsp < 0.10 then upper(c.name) else c.name end)
             end as counterparty,
             case when g.rp < 0.2 then (${textArray(TX_PLATFORMS)})[1 + floor(g.rp * 5 * ${TX_PLATFORMS.length})::int] end as platform,
             case when g.rsp > 0.7 then 'Invoice ' || g.n end as description,
             case when g.n % 2 = 0 then 'bulk-' || g.n end as external_id
      from (
        select n,
               (${intArray(pick)})[1 + floor(random() * ${pick.length})::int] as k,
               rk, case when rk < 0.15 then 'expense' else 'income' end as kind,
               current_date - floor(1826 * (1 - sqrt(random())))::int as d,
               case when rcur < 0.04 then 'EUR' when rcur < 0.06 then 'GBP' when rcur < 0.062 then 'CHF' else 'USD' end as cur,
               random() as u1, random() as u2, rc, random() as rp, random() as rsp
        from (select n, random() as rk, random() as rcur, random() as rc from generate_series(${from}, ${to}) n) s
      ) g
      left join lateral (select (${textArray(CLIENTS)})[1 + floor(200 * g.rc * g.rc)::int] as name) c on true
    ) r
    left join lateral (
      select coalesce(
        (select f.rate from fx_rates f where f.user_id = ${lit(seeded.userId)}::uuid and f.base_currency = 'USD'
           and f.currency = r.cur and f.date <= r.d order by f.date desc limit 1),
        (select f.rate from fx_rates f where f.user_id = ${lit(seeded.userId)}::uuid and f.base_currency = 'USD'
           and f.currency = r.cur and f.date > r.d order by f.date asc limit 1)) as rate
      where r.cur <> 'USD'
    ) fx on true`;
  await db.execute(sql.raw(query));
}

export async function countTransactions(db: Db, userId: string): Promise<number> {
  const [row] = rowsOf<{ n: string | number }>(await db.execute(sql`select count(*) as n from transactions where user_id = ${userId}`));
  return Number(row?.n ?? 0);
}
