// Applies db/migrations to DATABASE_URL (Postgres) or, without it, to the embedded database.
import { closeDb, getDb } from "../db/index";
import { migrationsFolder } from "../db/config";

async function main() {
  const url = process.env.DATABASE_URL;
  if (url) {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const { migrate } = await import("drizzle-orm/postgres-js/migrator");
    const client = postgres(url, { max: 1, onnotice: () => {} });
    await migrate(drizzle(client), { migrationsFolder });
    await client.end();
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
