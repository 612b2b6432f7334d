// Applies db/migrations to a Postgres database under an advisory lock, so several instances starting at once
// (`npm start`, `npm run db:migrate`, the test setup) apply each migration once: the first takes the lock and
// migrates, the others wait for it and then find nothing left to do. Plain JavaScript, so that
// scripts/start.mjs can run it without a TypeScript loader.

/** The fixed key of the migration lock (any bigint, the same in every instance and version). */
export const MIGRATION_LOCK_KEY = 7262540011;

/**
 * @param {string} url
 * @param {string} migrationsFolder
 * @returns {Promise<void>}
 */
export async function migratePostgres(url, migrationsFolder) {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const { migrate } = await import("drizzle-orm/postgres-js/migrator");
  // One connection (max: 1): an advisory lock belongs to the session that took it, so the lock, the
  // migration and the unlock must all run on it. Should the connection drop, Postgres frees the lock.
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await client.unsafe(`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
    try {
      await migrate(drizzle(client), { migrationsFolder });
    } finally {
      await client.unsafe(`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`);
    }
  } finally {
    await client.end();
  }
}
