import "server-only";
import { sql } from "drizzle-orm";
import { getDb, rowsOf } from "@/db/index";
import { signInFailures } from "@/db/schema";

/*
 * Sign-in throttling, counted in the database (sign_in_failures) so every app process shares it. A
 * failure is a wrong password, an unknown account or a wrong second factor, recorded by account
 * (the lower-cased email) and client address. Three rules, over the last 15 minutes:
 *
 *   pair     5 failures for this account from this address       → this address, this account
 *   address  20 failures from this address, whatever the account → this address (password spraying)
 *   account  10 failures for this account from all addresses     → only addresses that have themselves
 *                                                                   failed on it (each gets one guess)
 *
 * So an attacker is slowed while the owner, from a browser that has not failed, still signs in; the
 * account rule is also lifted by proof of the owner: a remembered browser or a correct second factor.
 * A refused attempt is not counted again, so the wait the answer names is exact.
 */
export const THROTTLE = { windowSeconds: 15 * 60, pair: 5, address: 20, account: 10 } as const;

export type ThrottleState = {
  /** Seconds until this address may try this account again (pair or address rule); 0: it may. */
  hardWait: number;
  /** Seconds the account rule holds this address off, unless the owner proves themselves; 0: it does not. */
  accountWait: number;
};

type Row = { pair_wait: number | null; address_wait: number | null; account_wait: number | null; pair_failed: boolean };

/**
 * How long each rule holds (account, ip) off. A rule holds until the failure that reached its limit (the
 * limit-th newest in the window) leaves the window.
 */
export async function throttleState(account: string, ip: string): Promise<ThrottleState> {
  const db = await getDb();
  const window = sql`make_interval(secs => ${THROTTLE.windowSeconds})`;
  const waitAt = (where: ReturnType<typeof sql>, limit: number) => sql`(
    select ceil(extract(epoch from (f.at + ${window} - now())))::int
    from ${signInFailures} f where ${where} and f.at > now() - ${window}
    order by f.at desc offset ${limit - 1} limit 1)`;
  const result = await db.execute(sql`select
    ${waitAt(sql`f.account = ${account} and f.ip = ${ip}`, THROTTLE.pair)} as pair_wait,
    ${waitAt(sql`f.ip = ${ip}`, THROTTLE.address)} as address_wait,
    ${waitAt(sql`f.account = ${account}`, THROTTLE.account)} as account_wait,
    exists (select 1 from ${signInFailures} f where f.account = ${account} and f.ip = ${ip} and f.at > now() - ${window}) as pair_failed`);
  const row = rowsOf<Row>(result)[0];
  const positive = (n: number | null | undefined) => Math.max(1, Number(n ?? 1));
  return {
    hardWait: Math.max(row?.pair_wait != null ? positive(row.pair_wait) : 0, row?.address_wait != null ? positive(row.address_wait) : 0),
    accountWait: row?.account_wait != null && row.pair_failed ? positive(row.account_wait) : 0,
  };
}

/** Records one failed sign-in; now and then drops rows older than the window. */
export async function recordSignInFailure(account: string, ip: string): Promise<void> {
  const db = await getDb();
  await db.insert(signInFailures).values({ account: account.slice(0, 254), ip: ip.slice(0, 64) });
  // Pruning scans the table, so it runs for about one failure in twenty; the counts read only the window.
  if (Math.random() < 0.05) await pruneSignInFailures();
}

/** Drops failures older than the window: they no longer count for anything. */
export async function pruneSignInFailures(): Promise<number> {
  const db = await getDb();
  const gone = await db
    .delete(signInFailures)
    .where(sql`${signInFailures.at} < now() - make_interval(secs => ${THROTTLE.windowSeconds})`)
    .returning({ id: signInFailures.id });
  return gone.length;
}

/** The error authorize() throws: next-auth puts its message into the answer's `error` parameter. */
export class SignInThrottled extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`Throttled:${retryAfterSeconds}`);
  }
}

/** "Throttled:120" → 120; anything else → null. */
export function throttledSeconds(error: string | null | undefined): number | null {
  const m = /^Throttled:(\d{1,6})$/.exec(error ?? "");
  return m ? Number(m[1]) : null;
}
