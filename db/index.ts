import fs from "node:fs";
import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema";
import { migrationsFolder, pgliteDir } from "./config";
import { makeFilesPrivate, makePrivateDir } from "./private-files";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Anything that runs queries: the database or an open transaction. */
export type Executor = Db | Tx;

interface Handle {
  db: Db;
  kind: "pglite" | "postgres";
  close: () => Promise<void>;
  ping: () => Promise<void>;
}

// Next.js may evaluate this module twice in one process; a second PGlite on the same folder would
// silently diverge, so the one handle lives on globalThis.
const globalKey = Symbol.for("streamfolio.db");
type GlobalWithDb = typeof globalThis & { [globalKey]?: Promise<Handle> };

const envNumber = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

/**
 * The postgres.js options of the app's pool. With the database gone, a request fails within the connect
 * timeout (then answers 503, lib/http.ts) instead of waiting for the operating system's; a statement the
 * server runs longer than the statement timeout is cancelled by the server itself.
 */
export function postgresOptions() {
  return {
    max: envNumber("DATABASE_POOL_SIZE", 10),
    /** Seconds to open a connection. */
    connect_timeout: envNumber("DATABASE_CONNECT_TIMEOUT", 3),
    /** Seconds an unused connection stays open. */
    idle_timeout: envNumber("DATABASE_IDLE_TIMEOUT", 60),
    connection: { statement_timeout: envNumber("DATABASE_STATEMENT_TIMEOUT_MS", 15_000), application_name: applicationName() },
    onnotice: () => {},
  };
}

/** The name this process's connections show in pg_stat_activity (with the client's address, one instance's). */
export function applicationName(): string {
  return `streamfolio ${process.pid}`;
}

async function openPostgres(url: string): Promise<Handle> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const options = postgresOptions();
  const client = postgres(url, options);
  const db = drizzle(client, { schema }) as unknown as Db;
  return {
    db,
    kind: "postgres",
    close: () => client.end({ timeout: 5 }),
    // Bounded even on a connection whose peer vanished without closing it.
    ping: () =>
      withTimeout(
        client`select 1`.then(() => undefined),
        options.connect_timeout * 1000,
      ),
  };
}

function withTimeout(work: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error("database ping timed out"), { code: "CONNECT_TIMEOUT" })), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

async function openPglite(dir: string): Promise<Handle> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  const onDisk = !dir.startsWith("memory://");
  const full = path.resolve(/*turbopackIgnore: true*/ dir);
  if (onDisk) {
    fs.mkdirSync(path.dirname(full), { recursive: true });
    makePrivateDir(full);
  }
  const client = oneQueryPerTurn(await PGlite.create(dir));
  const pg = drizzle(client, { schema });
  // The embedded database belongs to this process alone, so it migrates itself on open. PGlite runs no
  // autovacuum, so planner statistics are refreshed here; without them large tables get poor plans.
  await migrate(pg, { migrationsFolder });
  await client.exec("analyze");
  if (onDisk) makeFilesPrivate(full);
  return {
    db: pg as unknown as Db,
    kind: "pglite",
    close: async () => {
      await client.close();
      if (onDisk) makeFilesPrivate(full);
    },
    ping: async () => {
      await client.query("select 1");
    },
  };
}

/**
 * PGlite runs each query synchronously on this thread and hands its lock to the next waiting query in a
 * microtask, so under concurrent requests query follows query without the event loop ever reaching its
 * I/O: a health probe or a new connection waited for the whole queue (a second and more under load).
 * Here queries take turns in a queue of their own, each started from a fresh turn of the event loop
 * (setImmediate), so at most one query and what follows it until the request's next await run between
 * two looks at I/O. The order is unchanged (first come, first served, as PGlite's own lock); a
 * transaction holds its turn until it ends, as it holds PGlite's lock.
 */
function oneQueryPerTurn<C extends { query: unknown; exec: unknown; transaction: unknown }>(client: C): C {
  const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
  let queue: Promise<unknown> = Promise.resolve();
  for (const method of ["query", "exec", "transaction"] as const) {
    const original = (client[method] as (...args: unknown[]) => Promise<unknown>).bind(client);
    Object.assign(client, {
      [method]: (...args: unknown[]) => {
        const run = queue.then(nextTurn).then(() => original(...args));
        queue = run.catch(() => undefined);
        return run;
      },
    });
  }
  return client;
}

function handle(): Promise<Handle> {
  const g = globalThis as GlobalWithDb;
  if (!g[globalKey]) {
    const url = process.env.DATABASE_URL;
    const opening = url ? openPostgres(url) : openPglite(pgliteDir());
    // A failed open must not be cached forever: the next caller tries again.
    opening.catch(() => {
      if (g[globalKey] === opening) delete g[globalKey];
    });
    g[globalKey] = opening;
  }
  return g[globalKey];
}

export async function getDb(): Promise<Db> {
  return (await handle()).db;
}

/** Which database this process runs on: PGlite belongs to this one process, Postgres may be shared. */
export async function databaseKind(): Promise<Handle["kind"]> {
  return (await handle()).kind;
}

export async function pingDb(): Promise<void> {
  await (await handle()).ping();
}

export async function closeDb(): Promise<void> {
  const g = globalThis as GlobalWithDb;
  const h = g[globalKey];
  delete g[globalKey];
  if (h) await (await h).close();
}

/** `execute()` answers an array on postgres.js and `{ rows }` on PGlite. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

export { schema };
