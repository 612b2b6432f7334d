// The container's start (Dockerfile): migrate a Postgres DATABASE_URL under the advisory lock, then run the
// standalone server Next.js built (NEXT_OUTPUT=standalone). Every replica runs it; the lock makes the first
// one migrate and the others wait and find nothing to do. (`npm start` is scripts/start.mjs.)
import path from "node:path";
import { migratePostgres } from "../db/migrate-postgres.mjs";

const root = process.cwd();
if (process.env.DATABASE_URL) await migratePostgres(process.env.DATABASE_URL, path.join(root, "db", "migrations"));
// Keep-alive above the usual proxies' idle timeouts (60 s), as scripts/start.mjs sets for `next start`.
process.env.KEEP_ALIVE_TIMEOUT ??= "65000";
await import(path.join(root, "server.js"));
