import "server-only";
import { sql } from "drizzle-orm";
import { getDb, type Executor, type Tx } from "@/db/index";
import { pgCode } from "@/lib/http-errors";

/** 40P01 deadlock detected, 40001 serialization failure: the database rolled back; running it again may succeed. */
const transientCodes = new Set(["40P01", "40001"]);

export const isTransientConflict = (err: unknown) => transientCodes.has(pgCode(err) ?? "");

/**
 * A write transaction that is run again when the database aborts it for a deadlock or a serialization
 * failure (concurrent writes of one user upsert the same rollup rows from statement triggers, in an
 * order the planner picks). Only for work whose whole effect is inside the transaction: `fn` runs
 * from the start on every attempt, so it must not consume a stream or keep state across attempts.
 */
export async function writeTransaction<T>(fn: (tx: Tx) => Promise<T>, attempts = 5): Promise<T> {
  const db = await getDb();
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(fn);
    } catch (err) {
      if (attempt >= attempts || !isTransientConflict(err)) throw err;
      // Jittered exponential backoff (25–50, 50–100, 100–200, 200–400 ms) so the losers do not collide again.
      const cap = 25 * 2 ** attempt;
      await new Promise((resolve) => setTimeout(resolve, cap / 2 + Math.random() * (cap / 2)));
    }
  }
}

/**
 * Makes the rollup triggers (db/migrations/0001_rollup_triggers.sql) upsert their rows in primary-key
 * order for the rest of the transaction: their `INSERT … SELECT … GROUP BY` then groups by sorting
 * (GroupAggregate, output in group-key order = the rollup tables' primary keys) instead of hashing (an
 * order that differs between batches), so concurrent batches of one user lock the same rollup rows in the
 * same order and queue instead of deadlocking. An ORDER BY in the trigger would say it directly; that
 * needs a migration. The retry in writeTransaction stays as the safety net.
 */
export async function upsertRollupsInKeyOrder(tx: Executor) {
  await tx.execute(sql`set local enable_hashagg = off`);
}
