// State several app instances on one database must share: the rate-limit counters (one upsert per call in
// rate_limit_windows on Postgres; in the one process that owns an embedded database) and, on Postgres without NEXTAUTH_SECRET, the session secret (app_secrets). Two real
// processes run on Postgres only (PGlite is one process by design); the counting itself runs on both.
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import path from "node:path";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as listStreams } from "@/app/api/v1/streams/route";
import { databaseKind, getDb, rowsOf } from "@/db/index";
import { rateLimit } from "@/lib/rate-limit";
import { call, makeUser } from "../support/api";

const root = path.resolve(__dirname, "../..");

/** Waits out the end of a fixed window when less than `marginMs` of it is left, so a test stays in one window. */
async function awayFromWindowEnd(windowMs: number, marginMs: number) {
  const left = windowMs - (Date.now() % windowMs);
  if (left < marginMs) await new Promise((resolve) => setTimeout(resolve, left + 1_000));
}

async function counted(key: string): Promise<number> {
  const db = await getDb();
  const rows = rowsOf<{ n: number }>(
    await db.execute(sql`select coalesce(sum(count), 0)::int as n from rate_limit_windows where key = ${key}`),
  );
  return rows[0]!.n;
}

/** Postgres counts in rate_limit_windows; the embedded database, which one process owns, in that process. */
const inTable = async (n: number) => ((await databaseKind()) === "postgres" ? n : 0);

beforeAll(async () => {
  await getDb(); // opens (and on PGlite migrates) the database outside the timed tests
});

describe("rate limits counted in the database", () => {
  it("counts every caller of a key toward one limit, in windows of the database's clock", async () => {
    const key = `test:${crypto.randomUUID()}`;
    await awayFromWindowEnd(60 * 60_000, 20_000);
    // Two "instances" are two callers of one database: 3 + 3 calls against a limit of 5.
    const first = await Promise.all([1, 2, 3].map(() => rateLimit(key, 5, 60 * 60_000)));
    const second = await Promise.all([1, 2, 3].map(() => rateLimit(key, 5, 60 * 60_000)));
    expect([...first, ...second].filter(Boolean)).toHaveLength(5);
    expect(await counted(key)).toBe(await inTable(6));
    await expect(rateLimit(key, 5, 2 * 60 * 60_000)).rejects.toThrow(/window/);
  });

  it("answers the API's 1,201st request of a minute with 429 problem+json, whichever instance took the others", async () => {
    const u = await makeUser();
    await awayFromWindowEnd(60_000, 25_000);
    // 1,199 requests counted by another instance, straight into the shared counter.
    for (let i = 0; i < 1_199; i++) await rateLimit(`api:${u.id}`, 1_200, 60_000);
    const last = await call(listStreams, "/api/v1/streams", { auth: { token: u.readToken } });
    expect(last.status).toBe(200);
    const over = await call(listStreams, "/api/v1/streams", { auth: { token: u.readToken } });
    expect(over.status).toBe(429);
    expect(over.contentType).toBe("application/problem+json");
    expect(over.json).toMatchObject({ type: "urn:streamfolio:problem:rate-limited", status: 429 });
    // Retry-After is when the minute's window ends: at least 1 s, at most 60 s, and said in the detail too.
    const retryAfter = Number(over.res.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(over.json.detail).toContain(`Try again in ${retryAfter} s.`);
    expect(await counted(`api:${u.id}`)).toBe(await inTable(1_201));
    // Another user is not held back.
    const other = await makeUser();
    expect((await call(listStreams, "/api/v1/streams", { auth: { token: other.readToken } })).status).toBe(200);
  }, 60_000);
});

function instance(env: Record<string, string>): Promise<{ secret: string; allowed: number }> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  delete childEnv.NEXTAUTH_SECRET;
  const child = spawn(
    process.execPath,
    [path.join(root, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "tests/support/instance-process.ts"],
    { cwd: root, env: childEnv, stdio: ["ignore", "pipe", "inherit"] },
  );
  let out = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  return new Promise((resolve, reject) =>
    child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out.trim().split("\n").pop()!)) : reject(new Error(`exit ${code}`)))),
  );
}

describe.skipIf(!process.env.DATABASE_URL)("two app processes on one Postgres", () => {
  it("share one rate-limit counter and one session secret, made once in the database", async () => {
    const db = await getDb();
    const key = `two:${crypto.randomUUID()}`;
    await awayFromWindowEnd(60 * 60_000, 30_000);
    const env = { KEY: key, LIMIT: "50", CALLS: "40" };
    const [a, b] = await Promise.all([instance(env), instance(env)]);
    // 80 calls at once from two processes against a limit of 50: exactly 50 allowed between them.
    expect(a.allowed + b.allowed).toBe(50);
    expect(await counted(key)).toBe(80);
    expect(a.secret).toMatch(/^[\w-]{40,}$/);
    expect(b.secret).toBe(a.secret);
    const stored = rowsOf<{ value: string }>(await db.execute(sql`select value from app_secrets where name = 'nextauth'`));
    expect(stored).toEqual([{ value: a.secret }]);
    // A later instance (a restart) reads the same secret.
    expect((await instance({ KEY: key, CALLS: "0" })).secret).toBe(a.secret);
  }, 90_000);
});
