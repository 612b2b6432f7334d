// Migrations under a Postgres advisory lock (db/migrate-postgres.mjs): instances that start at once against a
// fresh database both succeed, and every migration is applied once. Each run gets a database of its own.
// Postgres only: the embedded database belongs to one process and migrates itself on open.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migratePostgres } from "@/db/migrate-postgres.mjs";

const shared = process.env.DATABASE_URL;
const root = path.resolve(__dirname, "../..");
const migrationsFolder = path.join(root, "db", "migrations");
const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8")) as { entries: unknown[] };

function migrateProcess(databaseUrl: string): Promise<number> {
  const child = spawn(
    process.execPath,
    [path.join(root, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "scripts/migrate.ts"],
    {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  return new Promise((resolve) => child.on("exit", (code) => resolve(code ?? -1)));
}

describe.skipIf(!shared)("migrations under an advisory lock", () => {
  const names = [`sf_mig_a_${process.pid}_${Date.now()}`, `sf_mig_b_${process.pid}_${Date.now()}`];
  let admin: postgres.Sql;
  const urlOf = (name: string) => {
    const own = new URL(shared!);
    own.pathname = `/${name}`;
    return own.toString();
  };

  beforeAll(async () => {
    admin = postgres(shared!, { max: 1, onnotice: () => {} });
    for (const name of names) await admin.unsafe(`create database ${name}`);
  });
  afterAll(async () => {
    for (const name of names) await admin?.unsafe(`drop database if exists ${name} with (force)`);
    await admin?.end();
  });

  async function appliedOnce(url: string) {
    const db = postgres(url, { max: 1, onnotice: () => {} });
    try {
      const [row] = await db`select count(*)::int as n, count(distinct hash)::int as distinct_n from drizzle.__drizzle_migrations`;
      expect(row).toEqual({ n: journal.entries.length, distinct_n: journal.entries.length });
      const [locks] =
        await db`select count(*)::int as n from pg_locks where locktype = 'advisory' and database = (select oid from pg_database where datname = current_database())`;
      expect(locks!.n).toBe(0);
    } finally {
      await db.end();
    }
  }

  it("two migrators started at once on a fresh database both succeed and apply each migration once", async () => {
    const url = urlOf(names[0]!);
    await Promise.all([migratePostgres(url, migrationsFolder), migratePostgres(url, migrationsFolder)]);
    await appliedOnce(url);
  }, 60_000);

  it("so do two `npm run db:migrate` processes", async () => {
    const url = urlOf(names[1]!);
    expect(await Promise.all([migrateProcess(url), migrateProcess(url)])).toEqual([0, 0]);
    await appliedOnce(url);
  }, 90_000);
});
