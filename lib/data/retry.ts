import "server-only";
import { getDb, type Tx } from "@/db/index";
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
