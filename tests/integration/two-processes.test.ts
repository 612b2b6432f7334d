// Two app processes on one Postgres, each running the background work every instance runs (lib/jobs.ts):
// a schedule that logs itself catches up its missed occurrences once each, and every webhook delivery of
// those payments reaches the endpoint once, with nothing left pending. The processes get a database of
// their own (they would otherwise work for the other test files' users too). PGlite is one process by
// design: this runs on Postgres only, as CI does.
import { spawn } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "@/lib/metrics/days";
import { todayIn } from "@/lib/today";

const shared = process.env.DATABASE_URL;
const root = path.resolve(__dirname, "../..");

function jobProcess(databaseUrl: string, runMs: number): Promise<number> {
  const child = spawn(
    process.execPath,
    [path.join(root, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "tests/support/job-process.ts"],
    {
      cwd: root,
      // No ECB fetch: the fixture-free test machine is offline and the rates are not what this proves.
      env: { ...process.env, DATABASE_URL: databaseUrl, RUN_MS: String(runMs), WEBHOOKS_ALLOW_PRIVATE: "true", FX_RATES_AUTO: "false" },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  return new Promise((resolve) => child.on("exit", (code) => resolve(code ?? -1)));
}

describe.skipIf(!shared)("two app processes on one Postgres", () => {
  const got: string[] = [];
  const server = http.createServer((req, res) => {
    got.push(String(req.headers["webhook-id"]));
    req.resume();
    req.on("end", () => res.writeHead(200).end());
  });
  const name = `sf_two_${process.pid}_${Date.now()}`;
  let url = "";
  let admin: postgres.Sql;
  let db: postgres.Sql;

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
    admin = postgres(shared!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const own = new URL(shared!);
    own.pathname = `/${name}`;
    url = own.toString();
    db = postgres(url, { max: 2, onnotice: () => {} });
    await migrate(drizzle(db), { migrationsFolder: path.join(root, "db", "migrations") });
  });
  afterAll(async () => {
    await db?.end();
    await admin?.unsafe(`drop database if exists ${name} with (force)`);
    await admin?.end();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it("run each job once: every missed occurrence logged once, every delivery sent once", async () => {
    const today = todayIn("UTC");
    const [user] = await db`insert into users (email, name, password_hash) values ('two@example.test', 'Two', 'x') returning id`;
    const [stream] = await db`insert into streams (user_id, name) values (${user!.id}, 'Payouts') returning id`;
    // Created 64 days ago and never run since: due today − 63, − 56, …, today: ten occurrences to catch up.
    const [schedule] = await db`
      insert into schedules (user_id, stream_id, name, amount_minor, currency, cadence, start_on, auto_log, created_at)
      values (${user!.id}, ${stream!.id}, 'Weekly payout', 900, 'USD', 'weekly', ${addDays(today, -63)}, true, now() - interval '64 days')
      returning id`;
    const hook = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    await db`insert into webhooks (user_id, url, events, secret)
      values (${user!.id}, ${hook}, ${JSON.stringify(["transaction.created"])}::jsonb, 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw')`;

    expect(await Promise.all([jobProcess(url, 9_000), jobProcess(url, 9_000)])).toEqual([0, 0]);

    const logged = await db`select occurred_on::text as d from transactions where schedule_id = ${schedule!.id} order by 1`;
    expect(logged.map((r) => r.d)).toEqual(Array.from({ length: 10 }, (_, i) => addDays(today, -63 + 7 * i)));
    expect(got).toHaveLength(10);
    expect(new Set(got).size).toBe(10);
    const [left] = await db`select count(*)::int as n from webhook_deliveries where status <> 'succeeded'`;
    expect(left!.n).toBe(0);
  }, 90_000);
});
