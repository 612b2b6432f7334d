// Applies db/migrations to DATABASE_URL (Postgres) or, without it, to the embedded database.
import { closeDb, getDb } from "../db/index";
import { migrationsFolder } from "../db/config";

async function main() {
  const url = process.env.DATABASE_URL;
  if (url) {
    // Under an advisory lock, so it may run beside starting instances.
    const { migratePostgres } = await import("../db/migrate-postgres.mjs");
    await migratePostgres(url, migrationsFolder);
  } else {
    await getDb(); // the embedded database migrates itself when opened
    await closeDb();
  }
  console.log("migrations applied");
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
