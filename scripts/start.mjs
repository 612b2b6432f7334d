// `npm start`: build when there is no build, migrate a Postgres DATABASE_URL, then serve.
// (The embedded database migrates itself inside the server; see instrumentation.ts.)
import { spawnSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = process.cwd();
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");

function run(args, label) {
  const r = spawnSync(process.execPath, args, { stdio: "inherit", env: process.env });
  if (r.status !== 0) {
    console.error(`${label} failed`);
    process.exit(r.status ?? 1);
  }
}

if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
  console.log("No production build yet: building (about a minute, once)…");
  run([nextBin, "build"], "next build");
}

if (process.env.DATABASE_URL) {
  // Under an advisory lock: instances starting at once do not race (db/migrate-postgres.mjs).
  const { migratePostgres } = await import("../db/migrate-postgres.mjs");
  await migratePostgres(process.env.DATABASE_URL, path.join(root, "db", "migrations"));
}

const port = process.env.PORT ?? "3000";
// Keep-alive above the usual proxies' and clients' idle timeouts (60 s), so a reused socket is never closed
// under a request in flight (ECONNRESET).
const child = spawn(process.execPath, [nextBin, "start", "-p", port, "--keepAliveTimeout", "65000"], {
  stdio: "inherit",
  env: process.env,
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
