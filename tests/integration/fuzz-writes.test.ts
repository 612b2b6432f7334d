// Fuzzed writes on every write route of the API, generated from the route registrations
// (app/api/v1/**/route.ts): arbitrary JSON values, objects shaped like the route's valid body with one or
// more fields mutated (huge, negative and non-finite numbers, numeric nonsense, unicode, lone surrogates,
// NUL, long strings, deep nesting, wrong types, extreme dates), arbitrary query values, junk ids in the
// path, form and CSV bodies. Whatever arrives: never a 5xx, and whenever the answer is not 2xx, nothing of
// the user's changed (a checksum of every row the user owns, taken before and after).
// RUNS per write route × the number of write routes (28 today: 28 × 75 = 2,100 inputs per database
// project, with a fixed seed, so a failure reproduces in CI and here; FUZZ_RUNS=n changes the runs per
// route, FUZZ_TIMES=1 prints each route's time). About 45–80 s per database project on a shared, loaded 2-core machine.
import crypto from "node:crypto";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { POST as createStream } from "@/app/api/v1/streams/route";
import { GET as exportRoute } from "@/app/api/v1/export/route";
import { getDb, rowsOf } from "@/db/index";
import { call, makeUser, type TestUser } from "../support/api";
import { makeOneOfEach, OBJECT_OF_ROUTE, type OwnedObjects } from "../support/objects";
import { registeredRoutes, WRITE_VERBS, type RegisteredRoute, type Verb } from "../support/routes";

const RUNS = Number(process.env.FUZZ_RUNS) || 75;
const SEED = 20_261_202;

/** Routes that take no credentials (the authorization matrix lists why); nothing to fuzz there. */
const PUBLIC = new Set(["api/v1/[...path]", "api/v1/openapi.json"]);

/** The tables that hold what a user owns, each with the column that names the user. */
const OWNED = [
  ["users", "id"],
  ["streams", "user_id"],
  ["stream_feeds", "user_id"],
  ["transactions", "user_id"],
  ["time_entries", "user_id"],
  ["goals", "user_id"],
  ["fx_rates", "user_id"],
  ["api_tokens", "user_id"],
  ["imports", "user_id"],
  ["import_mappings", "user_id"],
  ["schedules", "user_id"],
  ["webhooks", "user_id"],
  ["stream_month_totals", "user_id"],
  ["key_month_totals", "user_id"],
] as const;

/** A checksum of every row the user owns: count and md5 of the rows as JSON, in a stable order, per table. */
async function fingerprint(userId: string): Promise<string> {
  const db = await getDb();
  const parts = OWNED.map(
    ([table, column]) =>
      sql`select ${table}::text as t, count(*)::text as n, coalesce(md5(string_agg(r::text, '|' order by r::text)), '') as h
          from ${sql.raw(table)} r where r.${sql.raw(column)} = ${userId}`,
  );
  const rows = rowsOf<{ t: string; n: string; h: string }>(await db.execute(sql.join(parts, sql` union all `)));
  return rows.map((r) => `${r.t}:${r.n}:${r.h}`).join("\n");
}

// ── what goes in ──
const hugeNumbers = fc.constantFrom(
  1e308,
  -1e308,
  2 ** 53,
  2 ** 53 + 2,
  -(2 ** 63),
  1e21,
  1e14,
  100_000_000_000_001,
  -1,
  0,
  -0,
  0.1,
  1e-7,
  Number.MAX_SAFE_INTEGER,
  Number.MIN_VALUE,
);
const numericNonsense = fc.constantFrom(
  "NaN",
  "Infinity",
  "-Infinity",
  "1e400",
  "1e21",
  "0x10",
  "1_000",
  "1,000.00",
  "١٢٣",
  "99999999999999999999999999.99",
  "-0",
  ".",
  "1.",
  "-",
  "9007199254740993",
  "999999999999.999999999999",
  "0.0000000000001",
);
const extremeDates = fc.constantFrom(
  "0000-01-01",
  "0000-01",
  "9999-12-31",
  "9999-12",
  "2024-02-30",
  "2023-02-29",
  "2024-13-01",
  "1899-12-31",
  "1970-01-01",
  "+275760-09-13",
  "-000001-01-01",
  "2025-01-01T00:00:00Z",
  "2025-1-1",
  "20250101",
);
const evilStrings = fc.oneof(
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "a\u0000b",
    "\ud800",
    "\udfff x",
    "💶".repeat(50),
    "\u202e RTL",
    "' or 1=1 --",
    "<script>alert(1)</script>",
    "=SUM(A1)",
    "../../etc/passwd",
    "%00",
    "\\u0000",
    "null",
    "true",
  ),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.integer({ min: 201, max: 70_000 }).map((n) => "x".repeat(n)),
);
const deep = fc.integer({ min: 20, max: 400 }).map((n) => {
  let v: unknown = "leaf";
  for (let i = 0; i < n; i++) v = i % 2 ? [v] : { a: v };
  return v;
});
const wrongTypes = fc.constantFrom<unknown>(null, true, false, [], {}, [1, 2], { a: 1 }, [null]);
const evilValue: fc.Arbitrary<unknown> = fc.oneof(
  hugeNumbers,
  numericNonsense,
  extremeDates,
  evilStrings,
  wrongTypes,
  deep,
  fc.jsonValue({ maxDepth: 2 }),
);

/** A valid body for each write route (the starting point of the shaped inputs). */
function examples(ids: Ids, now: string): Record<string, unknown> {
  return {
    "POST api/v1/streams": { name: "Fuzzed", kind: "content", role: "growth", platform: "YouTube", startedOn: "2024-01-01" },
    "PATCH api/v1/streams/[id]": { name: "Renamed", status: "paused", taxRate: "0.25", color: "#123456" },
    "POST api/v1/transactions": { streamId: ids.stream, occurredOn: now, amount: "12.34", currency: "USD", counterparty: "Acme" },
    "PATCH api/v1/transactions/[id]": { amount: "99.99", occurredOn: now, kind: "expense", description: "changed" },
    "POST api/v1/time-entries": { streamId: ids.stream, occurredOn: now, minutes: 30, note: "fuzz" },
    "PATCH api/v1/time-entries/[id]": { minutes: 45, note: "changed" },
    "POST api/v1/goals": { streamId: ids.stream, amount: "1000.00", effectiveFrom: "2025-01" },
    "POST api/v1/schedules": { streamId: ids.stream, amount: "100.00", cadence: "monthly", startOn: "2025-01-10", graceDays: 3 },
    "PATCH api/v1/schedules/[id]": { amount: "150.00", interval: 2, autoLog: true },
    "POST api/v1/fx-rates": { currency: "EUR", date: "2025-01-01", rate: "1.0825" },
    "PATCH api/v1/settings": { baseCurrency: "USD", timeZone: "Europe/Berlin", cashBuffer: "5000.00", taxRate: 0.3 },
    "POST api/v1/tokens": { name: "fuzz", scope: "read" },
    "POST api/v1/webhooks": { url: "https://example.com/hook", events: ["transaction.created"] },
    "POST api/v1/imports/mappings": { name: "Bank", mapping: { columns: { date: "A", amount: "B" }, dateFormat: "iso", decimal: "." } },
    "POST api/v1/insights/read": { ids: [crypto.randomUUID()] },
    "POST api/v1/restore": ids.backup,
  };
}

type Ids = OwnedObjects & { backup: unknown };

const OBJECT_OF = OBJECT_OF_ROUTE;

/** One fuzzed request: a body in some format, query values and an id for the dynamic segment. */
interface Input {
  body: { kind: "json"; value: unknown } | { kind: "raw"; type: string; text: string } | { kind: "none" };
  query: Record<string, string>;
  id: string;
}

function inputs(example: unknown, realId: string | undefined): fc.Arbitrary<Input> {
  const shaped =
    example !== null && typeof example === "object" && !Array.isArray(example)
      ? fc
          .array(
            fc.tuple(
              Object.keys(example).length > 0
                ? fc.oneof(fc.constantFrom(...Object.keys(example)), fc.string({ maxLength: 12 }))
                : fc.string({ maxLength: 12 }),
              evilValue,
            ),
            {
              minLength: 1,
              maxLength: 3,
            },
          )
          .map((edits) => {
            const out: Record<string, unknown> = { ...(example as Record<string, unknown>) };
            for (const [k, v] of edits) out[k] = v;
            return out;
          })
      : evilValue;
  const asArray = shaped.map((v) => [v, example]);
  const json = fc.oneof(
    { weight: 5, arbitrary: shaped },
    { weight: 1, arbitrary: asArray },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
    { weight: 1, arbitrary: evilValue },
  );
  const formOf = (v: unknown) =>
    v !== null && typeof v === "object" && !Array.isArray(v)
      ? new URLSearchParams(
          Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, typeof x === "string" ? x : (JSON.stringify(x) ?? "")]),
        ).toString()
      : String(v);
  const csvCell = fc.oneof(evilStrings, numericNonsense, extremeDates, fc.constantFrom("2025-01-02", "Studio", "12.00", "USD", "income"));
  const csv = fc
    .tuple(
      fc.constantFrom(
        "date,stream,amount,currency",
        "currency,date,rate",
        "date,stream,kind,amount,currency,counterparty,platform,description,external_id",
      ),
      fc.array(fc.array(csvCell, { minLength: 1, maxLength: 9 }), { maxLength: 5 }),
    )
    .map(([head, rows]) =>
      [head, ...rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(","))].join("\n"),
    );
  const body: fc.Arbitrary<Input["body"]> = fc.oneof(
    { weight: 8, arbitrary: json.map((value) => ({ kind: "json" as const, value })) },
    { weight: 2, arbitrary: shaped.map((v) => ({ kind: "raw" as const, type: "application/x-www-form-urlencoded", text: formOf(v) })) },
    { weight: 2, arbitrary: csv.map((text) => ({ kind: "raw" as const, type: "text/csv", text })) },
    { weight: 1, arbitrary: evilStrings.map((text) => ({ kind: "raw" as const, type: "application/json", text })) },
    { weight: 1, arbitrary: fc.constant({ kind: "none" as const }) },
  );
  const queryValue = fc.oneof(evilStrings, numericNonsense, extremeDates, fc.constantFrom("true", "false", "generic", "Studio"));
  const query = fc.dictionary(
    fc.constantFrom("cascade", "dryRun", "skipInvalid", "preset", "stream", "mapping", "fileName", "limit", "x"),
    queryValue,
    { maxKeys: 3 },
  );
  const id = fc.oneof(
    { weight: 3, arbitrary: fc.constant(realId ?? crypto.randomUUID()) },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 2, arbitrary: evilStrings },
  );
  return fc.record({ body, query, id });
}

let routes: RegisteredRoute[];
let user: TestUser;
let ids: Ids;
let inputsTried = 0;

beforeAll(async () => {
  routes = await registeredRoutes();
  user = await makeUser("Fuzzed");
  // A backup of another account: a valid restore body for the fuzzed user (whose account is not empty: 409).
  const donor = await makeUser("Donor");
  await call(createStream, "/api/v1/streams", { method: "POST", auth: { cookie: donor.cookie }, body: { name: "Donor stream" } });
  const backup = await call(exportRoute, "/api/v1/export", { auth: { cookie: donor.cookie }, query: { format: "json" } });
  ids = {
    ...(await makeOneOfEach(user)),
    backup: JSON.parse(backup.text) as unknown,
  };
}, 120_000);

describe(`fuzzed writes: ${RUNS} inputs on each write route, seed ${SEED}`, () => {
  it("finds the write routes in the registrations", () => {
    const writes = routes.filter((r) => !PUBLIC.has(r.dir)).flatMap((r) => r.verbs.filter((v) => WRITE_VERBS.has(v.verb)));
    expect(writes.length).toBeGreaterThan(20);
    console.log(`fuzz: ${writes.length} write route × verb pairs × ${RUNS} runs = ${writes.length * RUNS} inputs`);
  });

  it("never answers 5xx, and a refused write changes nothing", async () => {
    const now = "2025-06-15";
    const failures: string[] = [];
    // Deletions last, so the other routes are fuzzed while the user's objects still exist.
    const pairs = routes
      .filter((r) => !PUBLIC.has(r.dir))
      .flatMap((r) => r.verbs.filter((v) => WRITE_VERBS.has(v.verb)).map((v) => ({ r, ...v })))
      .sort((a, b) => Number(a.verb === "DELETE") - Number(b.verb === "DELETE"));
    {
      for (const { r, verb, handler } of pairs) {
        const object = OBJECT_OF[r.dir];
        const example = examples(ids, now)[`${verb} ${r.dir}`] ?? {};
        const started = performance.now();
        await fc.assert(
          fc.asyncProperty(inputs(example, object ? (ids[object] as string) : undefined), async (input) => {
            inputsTried++;
            const before = await fingerprint(user.id);
            const url = r.urlPath.replace(/\[[^\]]+\]/g, encodeURIComponent(input.id.replace(/[\ud800-\udfff]/g, "_")));
            const params = Object.fromEntries(r.params.map((p) => [p, input.id]));
            const res = await call(handler, url, {
              method: verb as Verb,
              auth: { cookie: user.cookie },
              params,
              query: input.query,
              ...(input.body.kind === "json"
                ? { body: input.body.value }
                : input.body.kind === "raw"
                  ? { rawBody: input.body.text, headers: { "content-type": input.body.type } }
                  : {}),
            });
            const label = `${verb} ${r.dir}`;
            if (res.status >= 500)
              failures.push(`${label}: ${res.status} ${res.text.slice(0, 200)} for ${JSON.stringify(input).slice(0, 400)}`);
            expect(res.status, `${label}: ${res.text.slice(0, 300)}`).toBeLessThan(500);
            if (res.status < 200 || res.status >= 300)
              expect(await fingerprint(user.id), `${label} answered ${res.status} but changed data`).toBe(before);
          }),
          { numRuns: RUNS, seed: SEED, endOnFailure: true },
        );
        if (process.env.FUZZ_TIMES) console.log(`${verb} ${r.dir}: ${Math.round(performance.now() - started)} ms`);
      }
    }
    expect(failures).toEqual([]);
    console.log(`fuzz: ${inputsTried} inputs tried`);
  }, 600_000);
});
