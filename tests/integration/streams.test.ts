// Streams API: /api/v1/streams and /api/v1/streams/{id}, against the real route handlers and database.
import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as listStreams, POST as createStream } from "@/app/api/v1/streams/route";
import { DELETE as deleteStream, GET as getStream, PATCH as patchStream } from "@/app/api/v1/streams/[id]/route";
import { GET as listTransactions, POST as postTransactions } from "@/app/api/v1/transactions/route";
import { GET as getTransaction } from "@/app/api/v1/transactions/[id]/route";
import { GET as listTimeEntries, POST as postTimeEntry } from "@/app/api/v1/time-entries/route";
import { listResponse } from "@/lib/schemas/common";
import { streamDetailResponse, streamResponse, type StreamView } from "@/lib/schemas/streams";
import { call, makeUser, type TestUser } from "../support/api";

type Result = Awaited<ReturnType<typeof call>>;

function expectProblem(r: Result, status: number) {
  expect(r.status).toBe(status);
  expect(r.contentType).toBe("application/problem+json");
  expect(r.json).toMatchObject({ status, type: expect.stringMatching(/^urn:streamfolio:problem:/), title: expect.any(String) });
}

function errorPaths(r: Result): string[] {
  return ((r.json.errors ?? []) as { path: string }[]).map((e) => e.path).sort();
}

const strictStream = streamResponse.strict();
const streamList = listResponse(strictStream);

let alice: TestUser;
let bob: TestUser;

beforeAll(async () => {
  alice = await makeUser("Alice");
  bob = await makeUser("Bob");
});

const unique = (label: string) => `${label} ${crypto.randomUUID().slice(0, 8)}`;

async function newStream(user: TestUser, body: Record<string, unknown> = {}): Promise<StreamView> {
  const r = await call(createStream, "/api/v1/streams", {
    method: "POST",
    auth: { cookie: user.cookie },
    body: { name: unique("Stream"), ...body },
  });
  expect(r.status).toBe(201);
  return strictStream.parse(r.json);
}

/**
 * GET one answers the stream with its transactionCount (streamDetailResponse); the count is checked here
 * and left out of `json`, so the answer compares with the stream as created or patched.
 */
async function fetchStream(user: TestUser, id: string) {
  const r = await call(getStream, `/api/v1/streams/${id}`, { auth: { cookie: user.cookie }, params: { id } });
  if (r.status !== 200) return { ...r, transactionCount: undefined };
  const { transactionCount, ...stream } = streamDetailResponse.strict().parse(r.json);
  expect(transactionCount).toBeGreaterThanOrEqual(0);
  return { ...r, json: stream as Record<string, unknown> & StreamView, transactionCount };
}

async function addTransaction(user: TestUser, streamId: string, occurredOn = "2024-03-01") {
  const r = await call(postTransactions, "/api/v1/transactions", {
    method: "POST",
    auth: { cookie: user.cookie },
    body: { streamId, occurredOn, amount: "10.00" },
  });
  expect(r.status).toBe(201);
  return r.json.id as string;
}

async function addTimeEntry(user: TestUser, streamId: string) {
  const r = await call(postTimeEntry, "/api/v1/time-entries", {
    method: "POST",
    auth: { cookie: user.cookie },
    body: { streamId, occurredOn: "2024-03-01", minutes: 30 },
  });
  expect(r.status).toBe(201);
  return r.json.id as string;
}

describe("POST /api/v1/streams", () => {
  it("creates a stream with every field and answers it (201) in the strict response schema", async () => {
    const name = unique("Etsy Shop");
    const r = await call(createStream, "/api/v1/streams", {
      method: "POST",
      auth: { token: alice.writeToken },
      body: {
        name: `  ${name}  `,
        kind: "commerce",
        role: "anchor",
        platform: "Etsy",
        status: "paused",
        startedOn: "2024-02-29",
        color: "#3B82F6",
        description: "Printables",
      },
    });
    expect(r.status).toBe(201);
    expect(r.contentType).toContain("application/json");
    const s = strictStream.parse(r.json);
    expect(s).toMatchObject({
      name,
      kind: "commerce",
      role: "anchor",
      platform: "Etsy",
      status: "paused",
      startedOn: "2024-02-29",
      color: "#3b82f6",
      description: "Printables",
    });
    expect(s.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(Date.parse(s.createdAt)).not.toBeNaN();
    expect(Date.parse(s.updatedAt)).not.toBeNaN();
  });

  it("fills the defaults (kind other, role growth, status active, a stored palette colour, optional fields null) from a name alone", async () => {
    const name = unique("Newsletter");
    const r = await call(createStream, "/api/v1/streams", { method: "POST", auth: { cookie: alice.cookie }, body: { name } });
    expect(r.status).toBe(201);
    expect(strictStream.parse(r.json)).toMatchObject({
      name,
      kind: "other",
      role: "growth",
      status: "active",
      platform: null,
      startedOn: null,
      color: expect.stringMatching(/^#[0-9a-f]{6}$/),
      description: null,
    });
  });

  it("refuses a second stream with the same name in another case (409, errors path name) and keeps one", async () => {
    const name = unique("Consulting");
    await newStream(alice, { name });
    const r = await call(createStream, "/api/v1/streams", {
      method: "POST",
      auth: { cookie: alice.cookie },
      body: { name: name.toUpperCase() },
    });
    expectProblem(r, 409);
    expect(errorPaths(r)).toEqual(["name"]);
    const list = streamList.parse((await call(listStreams, "/api/v1/streams", { auth: { cookie: alice.cookie } })).json);
    expect(list.data.filter((s) => s.name.toLowerCase() === name.toLowerCase())).toHaveLength(1);
  });

  it("creates a name once when two requests for it race: one 201, one 409", async () => {
    const name = unique("Race");
    const body = { name };
    const [a, b] = await Promise.all([
      call(createStream, "/api/v1/streams", { method: "POST", auth: { cookie: alice.cookie }, body }),
      call(createStream, "/api/v1/streams", { method: "POST", auth: { cookie: alice.cookie }, body: { name: name.toLowerCase() } }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const list = streamList.parse((await call(listStreams, "/api/v1/streams", { auth: { cookie: alice.cookie } })).json);
    expect(list.data.filter((s) => s.name.toLowerCase() === name.toLowerCase())).toHaveLength(1);
  });

  it("refuses a body over 2 MB with 413 problem+json", async () => {
    const r = await call(createStream, "/api/v1/streams", {
      method: "POST",
      auth: { cookie: alice.cookie },
      body: { name: "Big", padding: "x".repeat(2 * 1024 * 1024) },
    });
    expectProblem(r, 413);
  });

  it("lets two users each have a stream with the same name", async () => {
    const name = unique("YouTube");
    const a = await newStream(alice, { name });
    const b = await newStream(bob, { name });
    expect(a.id).not.toBe(b.id);
    expect(b.name).toBe(name);
  });

  it.each([
    ["a missing name", {}, ["name"]],
    ["a blank name", { name: "   " }, ["name"]],
    ["a name over 80 characters", { name: "x".repeat(81) }, ["name"]],
    ["an unknown kind", { name: "ok", kind: "crypto" }, ["kind"]],
    ["an unknown role", { name: "ok", role: "main" }, ["role"]],
    ["an unknown status", { name: "ok", status: "deleted" }, ["status"]],
    ["an impossible startedOn", { name: "ok", startedOn: "2023-02-29" }, ["startedOn"]],
    ["a startedOn in another format", { name: "ok", startedOn: "01/03/2024" }, ["startedOn"]],
    ["a startedOn before 1970", { name: "ok", startedOn: "1960-01-01" }, ["startedOn"]],
    ["a startedOn more than a year ahead", { name: "ok", startedOn: `${new Date().getUTCFullYear() + 2}-05-05` }, ["startedOn"]],
    ["a colour that is not #rrggbb", { name: "ok", color: "blue" }, ["color"]],
    ["a platform over 80 characters", { name: "ok", platform: "p".repeat(81) }, ["platform"]],
    ["a description over 1000 characters", { name: "ok", description: "d".repeat(1001) }, ["description"]],
    ["several bad fields at once", { name: "", kind: "x", role: "y", color: "#12" }, ["color", "kind", "name", "role"]],
  ])("refuses %s with 422 problem+json and the exact error paths", async (_label, body, paths) => {
    const r = await call(createStream, "/api/v1/streams", { method: "POST", auth: { cookie: alice.cookie }, body });
    expectProblem(r, 422);
    expect(errorPaths(r)).toEqual(paths);
  });

  it("refuses a body that is not JSON with 400 problem+json", async () => {
    const r = await call(createStream, "/api/v1/streams", {
      method: "POST",
      auth: { cookie: alice.cookie },
      rawBody: "{name:",
      headers: { "content-type": "application/json" },
    });
    expectProblem(r, 400);
  });
});

describe("GET /api/v1/streams", () => {
  it("lists only the caller's streams, ordered by name case-insensitively, as { data, nextCursor: null }", async () => {
    const carol = await makeUser("Carol");
    await newStream(carol, { name: "beta" });
    await newStream(carol, { name: "Alpha" });
    await newStream(carol, { name: "Gamma", status: "archived" });
    await newStream(bob, { name: unique("Bob only") });
    const r = await call(listStreams, "/api/v1/streams", { auth: { token: carol.readToken } });
    expect(r.status).toBe(200);
    const list = streamList.strict().parse(r.json);
    expect(list.nextCursor).toBeNull();
    expect(list.data.map((s) => s.name)).toEqual(["Alpha", "beta", "Gamma"]);
  });

  it("filters by status", async () => {
    const dan = await makeUser("Dan");
    await newStream(dan, { name: "Live" });
    await newStream(dan, { name: "Old", status: "archived" });
    await newStream(dan, { name: "Resting", status: "paused" });
    const archived = streamList.parse(
      (await call(listStreams, "/api/v1/streams", { auth: { cookie: dan.cookie }, query: { status: "archived" } })).json,
    );
    expect(archived.data.map((s) => s.name)).toEqual(["Old"]);
    const active = streamList.parse(
      (await call(listStreams, "/api/v1/streams", { auth: { cookie: dan.cookie }, query: { status: "active" } })).json,
    );
    expect(active.data.map((s) => s.name)).toEqual(["Live"]);
  });

  it("refuses an unknown status filter with 422 on path status", async () => {
    const r = await call(listStreams, "/api/v1/streams", { auth: { cookie: alice.cookie }, query: { status: "gone" } });
    expectProblem(r, 422);
    expect(errorPaths(r)).toEqual(["status"]);
  });

  it("answers an empty list to a user with no streams", async () => {
    const erin = await makeUser("Erin");
    const r = await call(listStreams, "/api/v1/streams", { auth: { cookie: erin.cookie } });
    expect(r.json).toEqual({ data: [], nextCursor: null });
  });
});

describe("GET /api/v1/streams/{id}", () => {
  it("answers one stream by id for a session and for a read token", async () => {
    const s = await newStream(alice, { kind: "saas", role: "speculative" });
    const bySession = await fetchStream(alice, s.id);
    expect(bySession.status).toBe(200);
    expect(strictStream.parse(bySession.json)).toEqual(s);
    expect(bySession.transactionCount).toBe(0);
    const byToken = await call(getStream, `/api/v1/streams/${s.id}`, { auth: { token: alice.readToken }, params: { id: s.id } });
    expect(streamDetailResponse.strict().parse(byToken.json)).toEqual({ ...s, transactionCount: 0 });
  });

  it.each([["not-a-uuid"], ["123"], [crypto.randomUUID()]])(
    "answers 404 for the id %s that is not one of the caller's streams",
    async (id) => {
      expectProblem(await fetchStream(alice, id), 404);
    },
  );
});

describe("PATCH /api/v1/streams/{id}", () => {
  it("changes only the fields sent and keeps the others", async () => {
    const s = await newStream(alice, { kind: "content", role: "anchor", platform: "YouTube", color: "#000000", description: "Videos" });
    const r = await call(patchStream, `/api/v1/streams/${s.id}`, {
      method: "PATCH",
      auth: { token: alice.writeToken },
      params: { id: s.id },
      body: { role: "growth", color: "#ABCDEF" },
    });
    expect(r.status).toBe(200);
    const patched = strictStream.parse(r.json);
    expect(patched).toEqual({ ...s, role: "growth", color: "#abcdef", updatedAt: patched.updatedAt });
    expect(Date.parse(patched.updatedAt)).toBeGreaterThanOrEqual(Date.parse(s.updatedAt));
    expect(strictStream.parse((await fetchStream(alice, s.id)).json)).toEqual(patched);
  });

  it("archives a stream through status, and it then shows under ?status=archived", async () => {
    const s = await newStream(alice);
    const r = await call(patchStream, "/x", {
      method: "PATCH",
      auth: { cookie: alice.cookie },
      params: { id: s.id },
      body: { status: "archived" },
    });
    expect(strictStream.parse(r.json).status).toBe("archived");
    const archived = streamList.parse(
      (await call(listStreams, "/api/v1/streams", { auth: { cookie: alice.cookie }, query: { status: "archived" } })).json,
    );
    expect(archived.data.map((x) => x.id)).toContain(s.id);
  });

  it("clears optional fields with null and with an empty string (a colour set to null is picked again, never left empty)", async () => {
    const s = await newStream(alice, { platform: "Gumroad", description: "Ebooks", startedOn: "2020-01-01", color: "#111111" });
    const r = await call(patchStream, "/x", {
      method: "PATCH",
      auth: { cookie: alice.cookie },
      params: { id: s.id },
      body: { platform: null, description: "", startedOn: null, color: null },
    });
    expect(r.status).toBe(200);
    expect(strictStream.parse(r.json)).toMatchObject({
      platform: null,
      description: null,
      startedOn: null,
      color: expect.stringMatching(/^#[0-9a-f]{6}$/),
      name: s.name,
    });
  });

  it("renames a stream, also to another case of its own name", async () => {
    const s = await newStream(alice, { name: unique("podcast") });
    const upper = s.name.toUpperCase();
    const r = await call(patchStream, "/x", {
      method: "PATCH",
      auth: { cookie: alice.cookie },
      params: { id: s.id },
      body: { name: upper },
    });
    expect(r.status).toBe(200);
    expect(strictStream.parse(r.json).name).toBe(upper);
  });

  it("refuses a rename to another stream's name in another case (409, path name) and keeps the old name", async () => {
    const taken = await newStream(alice, { name: unique("Taken") });
    const s = await newStream(alice);
    const r = await call(patchStream, "/x", {
      method: "PATCH",
      auth: { cookie: alice.cookie },
      params: { id: s.id },
      body: { name: taken.name.toLowerCase() },
    });
    expectProblem(r, 409);
    expect(errorPaths(r)).toEqual(["name"]);
    expect(strictStream.parse((await fetchStream(alice, s.id)).json).name).toBe(s.name);
  });

  it.each([
    ["an empty body", {}, [""]],
    ["only unknown fields", { colour: "#000000" }, [""]],
    ["a blank name", { name: " " }, ["name"]],
    ["an unknown status", { status: "deleted" }, ["status"]],
    ["an unknown kind and role", { kind: "x", role: "y" }, ["kind", "role"]],
    ["an impossible startedOn", { startedOn: "2023-02-30" }, ["startedOn"]],
    ["a bad colour", { color: "#12345g" }, ["color"]],
  ])("refuses %s with 422 and the exact error paths, changing nothing", async (_label, body, paths) => {
    const s = await newStream(alice);
    const r = await call(patchStream, "/x", { method: "PATCH", auth: { cookie: alice.cookie }, params: { id: s.id }, body });
    expectProblem(r, 422);
    expect(errorPaths(r)).toEqual(paths);
    expect(strictStream.parse((await fetchStream(alice, s.id)).json)).toEqual(s);
  });

  it.each([["not-a-uuid"], [crypto.randomUUID()]])("answers 404 for the unknown id %s", async (id) => {
    expectProblem(
      await call(patchStream, "/x", { method: "PATCH", auth: { cookie: alice.cookie }, params: { id }, body: { status: "paused" } }),
      404,
    );
  });
});

describe("DELETE /api/v1/streams/{id}", () => {
  it("deletes a stream without transactions with 204 and an empty body; it is then 404", async () => {
    const s = await newStream(alice);
    const r = await call(deleteStream, "/x", { method: "DELETE", auth: { token: alice.writeToken }, params: { id: s.id } });
    expect(r.status).toBe(204);
    expect(r.json).toBeUndefined();
    expectProblem(await fetchStream(alice, s.id), 404);
  });

  it("refuses a stream with transactions (409, detail gives the count) and deletes nothing", async () => {
    const s = await newStream(alice);
    const ids = [
      await addTransaction(alice, s.id),
      await addTransaction(alice, s.id, "2024-03-02"),
      await addTransaction(alice, s.id, "2024-03-03"),
    ];
    const entry = await addTimeEntry(alice, s.id);
    const r = await call(deleteStream, "/x", { method: "DELETE", auth: { cookie: alice.cookie }, params: { id: s.id } });
    expectProblem(r, 409);
    expect(r.json.detail).toMatch(/\b3 transactions\b/);
    expect((await fetchStream(alice, s.id)).status).toBe(200);
    for (const id of ids) expect((await call(getTransaction, "/x", { auth: { cookie: alice.cookie }, params: { id } })).status).toBe(200);
    const entries = await call(listTimeEntries, "/api/v1/time-entries", { auth: { cookie: alice.cookie }, query: { stream: s.id } });
    expect((entries.json.data as { id: string }[]).map((e) => e.id)).toEqual([entry]);
  });

  it("says 1 transaction (singular) in the 409 detail for a stream with one", async () => {
    const s = await newStream(alice);
    await addTransaction(alice, s.id);
    const r = await call(deleteStream, "/x", {
      method: "DELETE",
      auth: { cookie: alice.cookie },
      params: { id: s.id },
      query: { cascade: "false" },
    });
    expectProblem(r, 409);
    expect(r.json.detail).toMatch(/\b1 transaction\b/);
  });

  it("deletes the stream, its transactions and its time entries with ?cascade=true, leaving other streams alone", async () => {
    const doomed = await newStream(alice);
    const kept = await newStream(alice);
    const doomedTx = [await addTransaction(alice, doomed.id), await addTransaction(alice, doomed.id, "2024-04-01")];
    const keptTx = await addTransaction(alice, kept.id);
    await addTimeEntry(alice, doomed.id);
    const keptEntry = await addTimeEntry(alice, kept.id);

    const r = await call(deleteStream, "/x", {
      method: "DELETE",
      auth: { cookie: alice.cookie },
      params: { id: doomed.id },
      query: { cascade: "true" },
    });
    expect(r.status).toBe(204);

    expectProblem(await fetchStream(alice, doomed.id), 404);
    for (const id of doomedTx) expectProblem(await call(getTransaction, "/x", { auth: { cookie: alice.cookie }, params: { id } }), 404);
    const txList = await call(listTransactions, "/api/v1/transactions", { auth: { cookie: alice.cookie }, query: { stream: doomed.id } });
    expect(txList.json.data).toEqual([]);
    const entries = await call(listTimeEntries, "/api/v1/time-entries", { auth: { cookie: alice.cookie }, query: { stream: doomed.id } });
    expect(entries.json.data).toEqual([]);

    expect((await fetchStream(alice, kept.id)).status).toBe(200);
    expect((await call(getTransaction, "/x", { auth: { cookie: alice.cookie }, params: { id: keptTx } })).status).toBe(200);
    const keptEntries = await call(listTimeEntries, "/api/v1/time-entries", { auth: { cookie: alice.cookie }, query: { stream: kept.id } });
    expect((keptEntries.json.data as { id: string }[]).map((e) => e.id)).toEqual([keptEntry]);
  });

  it("refuses a cascade whose expectedTransactions no longer matches (rows logged meanwhile) with 409, deleting nothing", async () => {
    const s = await newStream(alice);
    const seen = await addTransaction(alice, s.id);
    const meanwhile = await addTransaction(alice, s.id, "2024-05-01");
    const stale = await call(deleteStream, "/x", {
      method: "DELETE",
      auth: { cookie: alice.cookie },
      params: { id: s.id },
      query: { cascade: "true", expectedTransactions: "1" },
    });
    expectProblem(stale, 409);
    expect(stale.json.detail).toContain("now has 2 transactions, not 1");
    for (const id of [seen, meanwhile])
      expect((await call(getTransaction, "/x", { auth: { cookie: alice.cookie }, params: { id } })).status).toBe(200);
    const fresh = await call(deleteStream, "/x", {
      method: "DELETE",
      auth: { cookie: alice.cookie },
      params: { id: s.id },
      query: { cascade: "true", expectedTransactions: "2" },
    });
    expect(fresh.status).toBe(204);
  });

  it("deletes a stream that has only time entries (no transactions) with 204, and its entries with it", async () => {
    const s = await newStream(alice);
    await addTimeEntry(alice, s.id);
    const r = await call(deleteStream, "/x", { method: "DELETE", auth: { cookie: alice.cookie }, params: { id: s.id } });
    expect(r.status).toBe(204);
    const entries = await call(listTimeEntries, "/api/v1/time-entries", { auth: { cookie: alice.cookie }, query: { stream: s.id } });
    expect(entries.json.data).toEqual([]);
  });

  it("frees the name: a deleted stream's name can be used again", async () => {
    const s = await newStream(alice);
    await call(deleteStream, "/x", { method: "DELETE", auth: { cookie: alice.cookie }, params: { id: s.id } });
    const again = await newStream(alice, { name: s.name });
    expect(again.id).not.toBe(s.id);
  });

  it("refuses a cascade value other than true or false with 422 on path cascade, deleting nothing", async () => {
    const s = await newStream(alice);
    const r = await call(deleteStream, "/x", {
      method: "DELETE",
      auth: { cookie: alice.cookie },
      params: { id: s.id },
      query: { cascade: "yes" },
    });
    expectProblem(r, 422);
    expect(errorPaths(r)).toEqual(["cascade"]);
    expect((await fetchStream(alice, s.id)).status).toBe(200);
  });

  it.each([["not-a-uuid"], [crypto.randomUUID()]])("answers 404 for the unknown id %s", async (id) => {
    expectProblem(await call(deleteStream, "/x", { method: "DELETE", auth: { cookie: alice.cookie }, params: { id } }), 404);
  });
});

describe("streams: authentication and write scope", () => {
  const id = crypto.randomUUID();
  it.each([
    ["GET list", () => call(listStreams, "/api/v1/streams")],
    ["POST", () => call(createStream, "/api/v1/streams", { method: "POST", body: { name: "x" } })],
    ["GET one", () => call(getStream, "/x", { params: { id } })],
    ["PATCH", () => call(patchStream, "/x", { method: "PATCH", params: { id }, body: { name: "x" } })],
    ["DELETE", () => call(deleteStream, "/x", { method: "DELETE", params: { id } })],
  ])("answers %s without credentials with 401", async (_label, run) => {
    const r = await run();
    expectProblem(r, 401);
  });

  it("refuses every write verb with a read token (403) and changes nothing", async () => {
    const s = await newStream(alice);
    const auth = { token: alice.readToken };
    const name = unique("Read token");
    expectProblem(await call(createStream, "/api/v1/streams", { method: "POST", auth, body: { name } }), 403);
    expectProblem(await call(patchStream, "/x", { method: "PATCH", auth, params: { id: s.id }, body: { name: "changed" } }), 403);
    expectProblem(await call(deleteStream, "/x", { method: "DELETE", auth, params: { id: s.id } }), 403);
    expectProblem(await call(deleteStream, "/x", { method: "DELETE", auth, params: { id: s.id }, query: { cascade: "true" } }), 403);
    expect(strictStream.parse((await fetchStream(alice, s.id)).json)).toEqual(s);
    const list = streamList.parse((await call(listStreams, "/api/v1/streams", { auth })).json);
    expect(list.data.map((x) => x.name)).not.toContain(name);
  });
});

describe("streams: scoping between users", () => {
  it("answers 404 to user B for user A's stream on GET, PATCH, DELETE and DELETE ?cascade=true, and A's stream is unchanged", async () => {
    const s = await newStream(alice, { platform: "Substack" });
    const txId = await addTransaction(alice, s.id);
    const auth = { cookie: bob.cookie };
    expectProblem(await call(getStream, "/x", { auth, params: { id: s.id } }), 404);
    expectProblem(await call(getStream, "/x", { auth: { token: bob.readToken }, params: { id: s.id } }), 404);
    expectProblem(
      await call(patchStream, "/x", { method: "PATCH", auth, params: { id: s.id }, body: { name: "Hijacked", status: "archived" } }),
      404,
    );
    expectProblem(
      await call(patchStream, "/x", { method: "PATCH", auth: { token: bob.writeToken }, params: { id: s.id }, body: { platform: null } }),
      404,
    );
    expectProblem(await call(deleteStream, "/x", { method: "DELETE", auth, params: { id: s.id } }), 404);
    expectProblem(
      await call(deleteStream, "/x", {
        method: "DELETE",
        auth: { token: bob.writeToken },
        params: { id: s.id },
        query: { cascade: "true" },
      }),
      404,
    );

    expect(strictStream.parse((await fetchStream(alice, s.id)).json)).toEqual(s);
    expect((await call(getTransaction, "/x", { auth: { cookie: alice.cookie }, params: { id: txId } })).status).toBe(200);
  });

  it("a 404 for another user's stream looks exactly like the 404 for a missing one", async () => {
    const s = await newStream(alice);
    const foreign = await call(getStream, "/x", { auth: { cookie: bob.cookie }, params: { id: s.id } });
    const missing = await call(getStream, "/x", { auth: { cookie: bob.cookie }, params: { id: crypto.randomUUID() } });
    expect(foreign.json).toEqual(missing.json);
  });

  it("never lists another user's streams", async () => {
    const s = await newStream(alice);
    const list = streamList.parse((await call(listStreams, "/api/v1/streams", { auth: { cookie: bob.cookie } })).json);
    expect(list.data.map((x) => x.id)).not.toContain(s.id);
  });
});
