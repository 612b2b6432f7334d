// A stream's colour is fixed when it is created: stored by createStream (the first preset the user's
// streams do not use, else round-robin), kept as given when given, picked again rather than cleared,
// answered by the metrics as stored; and the migration stored, for the streams created before, the colour
// each one showed then (its place in the name-ordered list).
import fs from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getMetrics } from "@/app/api/v1/metrics/route";
import { GET as listStreams, POST as createStream } from "@/app/api/v1/streams/route";
import { DELETE as deleteStream, PATCH as patchStream } from "@/app/api/v1/streams/[id]/route";
import { getDb } from "@/db/index";
import { migrationsFolder } from "@/db/config";
import { streams } from "@/db/schema";
import { ASSIGN_ORDER } from "@/lib/stream-colors";
import { call, makeUser, type TestUser } from "../support/api";

type Stream = { id: string; name: string; color: string | null };

async function create(user: TestUser, body: Record<string, unknown>): Promise<Stream> {
  const r = await call(createStream, "/api/v1/streams", { method: "POST", auth: { cookie: user.cookie }, body });
  expect(r.status, JSON.stringify(r.json)).toBe(201);
  return r.json as Stream;
}

async function colorsByName(user: TestUser): Promise<Record<string, string | null>> {
  const r = await call(listStreams, "/api/v1/streams", { auth: { cookie: user.cookie } });
  expect(r.status).toBe(200);
  return Object.fromEntries((r.json.data as Stream[]).map((s) => [s.name, s.color]));
}

describe("POST /api/v1/streams stores a colour", () => {
  let alice: TestUser;
  beforeAll(async () => {
    alice = await makeUser("Alice");
  });

  it("gives each new stream the next free preset, and adding streams before it in name order changes nothing", async () => {
    const zeta = await create(alice, { name: "Zeta" });
    expect(zeta.color).toBe(ASSIGN_ORDER[0]);
    // An explicit colour is kept, and a preset given explicitly is taken for the streams after it.
    const mid = await create(alice, { name: "Mid", color: ASSIGN_ORDER[2]!.toUpperCase() });
    expect(mid.color).toBe(ASSIGN_ORDER[2]);
    const alpha = await create(alice, { name: "Alpha" });
    expect(alpha.color).toBe(ASSIGN_ORDER[1]);
    const beta = await create(alice, { name: "Beta", color: null });
    expect(beta.color).toBe(ASSIGN_ORDER[3]);
    expect(await colorsByName(alice)).toEqual({
      Alpha: ASSIGN_ORDER[1],
      Beta: ASSIGN_ORDER[3],
      Mid: ASSIGN_ORDER[2],
      Zeta: ASSIGN_ORDER[0],
    });
  });

  it("hands a deleted stream's colour to the next new stream, and goes round-robin once all are used", async () => {
    const u = await makeUser();
    const made: Stream[] = [];
    for (const name of ["a", "b", "c", "d", "e", "f", "g", "h"]) made.push(await create(u, { name }));
    expect(made.map((s) => s.color)).toEqual([...ASSIGN_ORDER]);
    // Nine and ten: every preset is in use, so by count (8 → the first, 9 → the second).
    expect((await create(u, { name: "i" })).color).toBe(ASSIGN_ORDER[0]);
    expect((await create(u, { name: "j" })).color).toBe(ASSIGN_ORDER[1]);
    const green = made[2]!;
    expect((await call(deleteStream, "/x", { method: "DELETE", auth: { cookie: u.cookie }, params: { id: green.id } })).status).toBe(204);
    expect((await create(u, { name: "k" })).color).toBe(ASSIGN_ORDER[2]);
  });

  it("picks per user: another user's streams do not take a colour", async () => {
    const bob = await makeUser("Bob");
    expect((await create(bob, { name: "Bob's first" })).color).toBe(ASSIGN_ORDER[0]);
  });

  it("PATCH color null picks again from the colours the user's other streams leave free", async () => {
    const u = await makeUser();
    const first = await create(u, { name: "First" });
    const second = await create(u, { name: "Second", color: "#101010" });
    const r = await call(patchStream, "/x", {
      method: "PATCH",
      auth: { cookie: u.cookie },
      params: { id: second.id },
      body: { color: null },
    });
    expect(r.status).toBe(200);
    expect(r.json.color).toBe(ASSIGN_ORDER[1]);
    // Its own colour does not count as taken: "automatic" on the first stream keeps the first preset.
    const again = await call(patchStream, "/x", {
      method: "PATCH",
      auth: { cookie: u.cookie },
      params: { id: first.id },
      body: { color: null },
    });
    expect(again.json.color).toBe(ASSIGN_ORDER[0]);
    // A PATCH that does not mention the colour leaves it alone.
    const renamed = await call(patchStream, "/x", {
      method: "PATCH",
      auth: { cookie: u.cookie },
      params: { id: second.id },
      body: { name: "Renamed" },
    });
    expect(renamed.json.color).toBe(ASSIGN_ORDER[1]);
  });

  it("the metrics answer each stream with its stored colour", async () => {
    const u = await makeUser();
    const a = await create(u, { name: "Shop" });
    const b = await create(u, { name: "Blog", color: "#abcdef" });
    const r = await call(getMetrics, "/api/v1/metrics", { auth: { cookie: u.cookie } });
    expect(r.status).toBe(200);
    const byId = Object.fromEntries((r.json.streams as Stream[]).map((s) => [s.id, s.color]));
    expect(byId).toMatchObject({ [a.id]: ASSIGN_ORDER[0], [b.id]: "#abcdef" });
  });
});

describe("migration 0003_stream_colors", () => {
  it("stores for each stream without a colour the one it was drawn with (its place in name order), and keeps the rest", async () => {
    const u = await makeUser();
    const other = await makeUser();
    const db = await getDb();
    // Streams as they were before colours were stored: written around createStream, most without one.
    const names = ["delta", "Alpha", "charlie", "Bravo", "echo", "foxtrot", "golf", "hotel", "India", "juliet"];
    await db.insert(streams).values(names.map((name) => ({ userId: u.id, name, color: name === "echo" ? "#abcdef" : null })));
    await db.insert(streams).values({ userId: other.id, name: "zulu", color: null });

    const text = fs.readFileSync(path.join(migrationsFolder, "0003_stream_colors.sql"), "utf8");
    await db.execute(sql.raw(text));

    const rows = await db
      .select({ id: streams.id, name: streams.name, color: streams.color })
      .from(streams)
      .where(eq(streams.userId, u.id));
    // The rule the UI used before: the index in the list ordered by lower(name), then id; presets in ASSIGN_ORDER.
    const sorted = [...rows].sort((x, y) =>
      x.name.toLowerCase() < y.name.toLowerCase() ? -1 : x.name.toLowerCase() > y.name.toLowerCase() ? 1 : 0,
    );
    const expected = Object.fromEntries(
      sorted.map((s, i) => [s.name, s.name === "echo" ? "#abcdef" : ASSIGN_ORDER[i % ASSIGN_ORDER.length]]),
    );
    expect(Object.fromEntries(rows.map((r) => [r.name, r.color]))).toEqual(expected);
    expect(expected).toMatchObject({ Alpha: ASSIGN_ORDER[0], Bravo: ASSIGN_ORDER[1], India: ASSIGN_ORDER[0], juliet: ASSIGN_ORDER[1] });

    const [zulu] = await db.select({ color: streams.color }).from(streams).where(eq(streams.userId, other.id));
    expect(zulu?.color).toBe(ASSIGN_ORDER[0]);
  });
});
