// Migrates the Postgres test database once, before the worker processes start sharing it.
import path from "node:path";
import { migratePostgres } from "../../db/migrate-postgres.mjs";

export default async function setup() {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return;
  await migratePostgres(url, path.join(process.cwd(), "db", "migrations"));
}
