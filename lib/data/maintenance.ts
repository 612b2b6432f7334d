import { sql } from "drizzle-orm";
import { getDb, rowsOf } from "@/db/index";
import { errorFields, logLine } from "@/lib/log";

/*
 * The embedded database (PGlite) runs no autovacuum, and every write rewrites rows (a transaction's rollup
 * rows, a session's last-seen time): without VACUUM the dead row versions pile up and the data folder grows
 * without end. Postgres servers vacuum themselves; everything here does nothing on them.
 */

/** How often the background jobs vacuum the embedded database. */
export const VACUUM_EVERY_MS = 60 * 60_000;

/** A bulk write (an import, a dry run, a restore, an import deleted) of at least this many rows asks for a vacuum. */
export const BULK_WRITE_ROWS = 5_000;

const embedded = () => !process.env.DATABASE_URL;

const globalKey = Symbol.for("streamfolio.vacuum");
type VacuumState = { running: Promise<number> | null; soon: NodeJS.Timeout | null };
type GlobalWithVacuum = typeof globalThis & { [globalKey]?: VacuumState };

function state(): VacuumState {
  const g = globalThis as GlobalWithVacuum;
  return (g[globalKey] ??= { running: null, soon: null });
}

/**
 * VACUUM (ANALYZE) of every table of the embedded database, one table per statement: PGlite runs one
 * statement at a time, so a request waits for at most one table's vacuum, never the whole database's (and
 * after the first run, VACUUM skips the pages nothing has changed). One run at a time; answers how many
 * tables it vacuumed (0 on Postgres).
 */
export function vacuumEmbedded(): Promise<number> {
  if (!embedded()) return Promise.resolve(0);
  const s = state();
  s.running ??= (async () => {
    try {
      const db = await getDb();
      const tables = rowsOf<{ name: string }>(
        await db.execute(
          sql`select format('%I.%I', schemaname, tablename) as name from pg_tables where schemaname in ('public', 'drizzle')`,
        ),
      );
      for (const t of tables) await db.execute(sql.raw(`vacuum (analyze) ${t.name}`));
      return tables.length;
    } finally {
      s.running = null;
    }
  })();
  return s.running;
}

/**
 * Called after a bulk write with how many rows it touched: a large one on the embedded database gets a
 * vacuum a few seconds later, in the background (the caller's answer does not wait for it).
 */
export function afterBulkWrite(rows: number): void {
  if (!embedded() || rows < BULK_WRITE_ROWS) return;
  const s = state();
  if (s.soon) return;
  s.soon = setTimeout(() => {
    s.soon = null;
    vacuumEmbedded().catch((err: unknown) => logLine("error", "background job failed", { job: "db.vacuum", ...errorFields(err) }));
  }, 5_000);
  s.soon.unref();
}
