// Time entries API: /api/v1/time-entries and /api/v1/time-entries/{id}, against the real route handlers and database.
import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as createStream } from "@/app/api/v1/streams/route";
import { DELETE as deleteStream } from "@/app/api/v1/streams/[id]/route";
import { POST as postTransaction } from "@/app/api/v1/transactions/route";
import { GET as listEntries, POST as postEntry } from "@/app/api/v1/time-entries/route";
import { DELETE as deleteEntry, PATCH as patchEntry } from "@/app/api/v1/time-entries/[id]/route";
import { listResponse } from "@/lib/schemas/common";
import { timeEntryResponse, type TimeEntryView } from "@/lib/schemas/time-entries";
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

const strictEntry = timeEntryResponse.strict();
const entryList = listResponse(strictEntry).strict();

let alice: TestUser;
let bob: TestUser;
let consulting: string;
let course: string;
let bobStream: string;

async function newStream(user: TestUser, name: string) {
  const r = await call(createStream, "/api/v1/streams", { method: "POST", auth: { cookie: user.cookie }, body: { name } });
  expect(r.status).toBe(201);
  return r.json.id as string;
}

beforeAll(async () => {
  alice = await makeUser("Alice");
  bob = await makeUser("Bob");
  consulting = await newStream(alice, "Consulting");
  course = await newStream(alice, "Course");
  bobStream = await newStream(bob, "Bob's Stream");
});

function post(user: TestUser, body: unknown, auth: { cookie: string } | { token: string } = { cookie: user.cookie }) {
  return call(postEntry, "/api/v1/time-entries", { method: "POST", auth, body });
}

async function create(user: TestUser, body: Record<string, unknown>): Promise<TimeEntryView> {
  const r = await post(user, body);
  expect(r.status, JSON.stringify(r.json)).toBe(201);
  return strictEntry.parse(r.json);
}

function list(user: TestUser, query: Record<string, string> = {}) {
  return call(listEntries, "/api/v1/time-entries", { auth: { cookie: user.cookie }, query });
}

async function listIds(user: TestUser, query: Record<string, string> = {}) {
  const r = await list(user, { limit: "500", ...query });
  expect(r.status, JSON.stringify(r.json)).toBe(200);
  return entryList.parse(r.json).data.map((e) => e.id);
}

function del(user: TestUser, id: string, auth: { cookie: string } | { token: string } = { cookie: user.cookie }) {
  return call(deleteEntry, `/api/v1/time-entries/${id}`, { method: "DELETE", auth, params: { id } });
}

describe("POST /api/v1/time-entries", () => {
  it('logs "1.5" hours as 90 minutes (201), in the strict response schema', async () => {
    const r = await post(
      alice,
      { streamId: consulting, occurredOn: "2024-05-02", hours: "1.5", note: "  Client call  " },
      { token: alice.writeToken },
    );
    expect(r.status).toBe(201);
    const e = strictEntry.parse(r.json);
    expect(e).toMatchObject({ streamId: consulting, occurredOn: "2024-05-02", minutes: 90, hours: 1.5, note: "Client call" });
    expect(e.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each([
    ["hours as a decimal string", { hours: "0.25" }, 15, 0.25],
    ["hours as a JSON number", { hours: 2 }, 120, 2],
    ["a whole day in hours", { hours: "24" }, 1440, 24],
    ["minutes", { minutes: 45 }, 45, 0.75],
    ["minutes as form digits", { minutes: "45" }, 45, 0.75],
    ["hours with a unit", { hours: "1.5 h" }, 90, 1.5],
    ["hours with a decimal comma", { hours: "1,25" }, 75, 1.25],
    ["hours and minutes as a clock", { hours: "1:30" }, 90, 1.5],
    ["hours and minutes in words", { hours: "2h 15m" }, 135, 2.25],
    ["minutes typed as hours", { hours: "45m" }, 45, 0.75],
    ["one minute", { minutes: 1 }, 1, 1 / 60],
    ["a whole day in minutes", { minutes: 1440 }, 1440, 24],
  ])("records %s", async (_label, amount, minutes, hours) => {
    const e = await create(alice, { streamId: consulting, occurredOn: "2024-05-03", ...amount });
    expect(e.minutes).toBe(minutes);
    expect(e.hours).toBeCloseTo(hours, 10);
    expect(e.note).toBeNull();
  });

  it("stores an empty note as null", async () => {
    expect((await create(alice, { streamId: course, occurredOn: "2024-05-03", minutes: 10, note: "   " })).note).toBeNull();
  });

  it.each([
    ["both hours and minutes", { hours: "1", minutes: 60 }, ["hours"]],
    ["neither hours nor minutes", {}, ["hours"]],
    ["0 hours as text", { hours: "0" }, ["hours"]],
    ["0 hours as a number", { hours: 0 }, ["hours"]],
    ["more than 24 hours", { hours: "24.5" }, ["hours"]],
    ["24.01 hours (1,441 minutes)", { hours: "24.01" }, ["hours"]],
    ["negative hours", { hours: -1 }, ["hours"]],
    ["negative hours as text", { hours: "-1" }, ["hours"]],
    ["hours with three decimals", { hours: "1.555" }, ["hours"]],
    ["hours that are not a number", { hours: "two" }, ["hours"]],
    ["hours that round to 0 minutes", { hours: 0.001 }, ["hours"]],
    ["0 minutes", { minutes: 0 }, ["minutes"]],
    ["more than 1,440 minutes", { minutes: 1441 }, ["minutes"]],
    ["negative minutes", { minutes: -5 }, ["minutes"]],
    ["fractional minutes", { minutes: 1.5 }, ["minutes"]],
    ["an impossible date", { minutes: 30, occurredOn: "2023-02-29" }, ["occurredOn"]],
    ["a date before 1970", { minutes: 30, occurredOn: "1969-12-31" }, ["occurredOn"]],
    ["a date two years ahead", { minutes: 30, occurredOn: `${new Date().getUTCFullYear() + 2}-01-01` }, ["occurredOn"]],
    ["no date", { minutes: 30, occurredOn: undefined }, ["occurredOn"]],
    ["no stream", { minutes: 30, streamId: undefined }, ["streamId"]],
    ["an empty stream", { minutes: 30, streamId: " " }, ["streamId"]],
    ["a note over 500 characters", { minutes: 30, note: "n".repeat(501) }, ["note"]],
  ])("refuses %s with 422 problem+json and the exact error paths", async (_label, fields, paths) => {
    const r = await post(alice, { streamId: consulting, occurredOn: "2024-05-04", ...fields });
    expectProblem(r, 422);
    expect(errorPaths(r)).toEqual(paths);
  });

  it("accepts 2024-02-29", async () => {
    expect((await create(alice, { streamId: course, occurredOn: "2024-02-29", minutes: 5 })).occurredOn).toBe("2024-02-29");
  });

  it("refuses another user's streamId with 422 on path streamId, the same answer as for a missing stream, and writes nothing", async () => {
    const carol = await makeUser("Carol");
    await newStream(carol, "Carol's");
    const foreign = await post(carol, { streamId: bobStream, occurredOn: "2024-05-05", minutes: 30 });
    expectProblem(foreign, 422);
    expect(errorPaths(foreign)).toEqual(["streamId"]);
    const missing = await post(carol, { streamId: crypto.randomUUID(), occurredOn: "2024-05-05", minutes: 30 });
    expect(foreign.json).toEqual(missing.json);
    expect(JSON.stringify(foreign.json)).not.toContain("Bob's Stream");
    expect(await listIds(carol)).toEqual([]);
    expect(await listIds(bob, { stream: bobStream })).toEqual([]);
  });

  it("refuses a malformed streamId with 422 on path streamId", async () => {
    const r = await post(alice, { streamId: "not-a-uuid", occurredOn: "2024-05-05", minutes: 30 });
    expectProblem(r, 422);
    expect(errorPaths(r)).toEqual(["streamId"]);
  });

  it("refuses a body that is not JSON with 400 problem+json", async () => {
    const r = await call(postEntry, "/api/v1/time-entries", {
      method: "POST",
      auth: { cookie: alice.cookie },
      rawBody: "{",
      headers: { "content-type": "application/json" },
    });
    expectProblem(r, 400);
  });
});

describe("GET /api/v1/time-entries", () => {
  let dana: TestUser;
  let web: string;
  let video: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    dana = await makeUser("Dana");
    web = await newStream(dana, "Web");
    video = await newStream(dana, "Video");
    const rows: [string, string, string, number][] = [
      ["e1", web, "2024-01-10", 60],
      ["e2", video, "2024-01-15", 30],
      ["e3", web, "2024-02-01", 90],
      ["e4", video, "2024-02-20", 45],
      ["e5", web, "2024-03-05", 120],
    ];
    for (const [key, streamId, occurredOn, minutes] of rows) ids[key] = (await create(dana, { streamId, occurredOn, minutes })).id;
  });

  const keys = (...k: string[]) => k.map((x) => ids[x]);

  it("lists the caller's entries newest first as { data, nextCursor } with strict items", async () => {
    const r = await call(listEntries, "/api/v1/time-entries", { auth: { token: dana.readToken } });
    expect(r.status).toBe(200);
    const page = entryList.parse(r.json);
    expect(page.nextCursor).toBeNull();
    expect(page.data.map((e) => e.id)).toEqual(keys("e5", "e4", "e3", "e2", "e1"));
    expect(page.data.map((e) => [e.occurredOn, e.minutes, e.hours])).toEqual([
      ["2024-03-05", 120, 2],
      ["2024-02-20", 45, 0.75],
      ["2024-02-01", 90, 1.5],
      ["2024-01-15", 30, 0.5],
      ["2024-01-10", 60, 1],
    ]);
  });

  it("filters by stream", async () => {
    expect(await listIds(dana, { stream: web })).toEqual(keys("e5", "e3", "e1"));
    expect(await listIds(dana, { stream: video })).toEqual(keys("e4", "e2"));
  });

  it("filters by from and to, inclusive", async () => {
    expect(await listIds(dana, { from: "2024-01-15", to: "2024-02-20" })).toEqual(keys("e4", "e3", "e2"));
    expect(await listIds(dana, { stream: web, from: "2024-02-01" })).toEqual(keys("e5", "e3"));
  });

  it("pages with limit and cursor without duplicates or gaps", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const r = await list(dana, { limit: "2", ...(cursor ? { cursor } : {}) });
      expect(r.status).toBe(200);
      const page = entryList.parse(r.json);
      seen.push(...page.data.map((e) => e.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual(keys("e5", "e4", "e3", "e2", "e1"));
  });

  it.each([
    ["limit=501", { limit: "501" }, ["limit"]],
    ["limit=0", { limit: "0" }, ["limit"]],
    ["an impossible from date", { from: "2023-02-29" }, ["from"]],
    ["a garbage cursor", { cursor: "garbage" }, ["cursor"]],
  ])("refuses %s with 422 and the exact error paths", async (_label, query, paths) => {
    const r = await list(dana, query);
    expectProblem(r, 422);
    expect(errorPaths(r)).toEqual(paths);
  });

  it("never lists another user's entries, also when filtering by their stream", async () => {
    expect(await listIds(bob)).not.toEqual(expect.arrayContaining([ids.e1]));
    expect(await listIds(bob, { stream: web })).toEqual([]);
  });
});

describe("DELETE /api/v1/time-entries/{id}", () => {
  it("answers the deleted entry; it is then gone from the list and a second DELETE is 404", async () => {
    const e = await create(alice, { streamId: course, occurredOn: "2024-06-01", hours: "2.5", note: "Recording" });
    const r = await del(alice, e.id, { token: alice.writeToken });
    expect(r.status).toBe(200);
    expect(strictEntry.parse(r.json)).toEqual(e);
    expect(await listIds(alice, { stream: course })).not.toContain(e.id);
    expectProblem(await del(alice, e.id), 404);
  });

  it.each([["not-a-uuid"], ["42"], [crypto.randomUUID()]])("answers 404 for the unknown id %s", async (id) => {
    expectProblem(await del(alice, id), 404);
  });
});

describe("time entries and stream deletion", () => {
  it("removes a stream's entries when the stream is deleted with ?cascade=true, keeping other streams' entries", async () => {
    const erin = await makeUser("Erin");
    const doomed = await newStream(erin, "Doomed");
    const kept = await newStream(erin, "Kept");
    await create(erin, { streamId: doomed, occurredOn: "2024-07-01", minutes: 30 });
    await create(erin, { streamId: doomed, occurredOn: "2024-07-02", hours: "1" });
    const keptEntry = await create(erin, { streamId: kept, occurredOn: "2024-07-01", minutes: 15 });
    const tx = await call(postTransaction, "/api/v1/transactions", {
      method: "POST",
      auth: { cookie: erin.cookie },
      body: { streamId: doomed, occurredOn: "2024-07-01", amount: "5.00" },
    });
    expect(tx.status).toBe(201);

    const refused = await call(deleteStream, "/x", { method: "DELETE", auth: { cookie: erin.cookie }, params: { id: doomed } });
    expectProblem(refused, 409);
    expect(await listIds(erin, { stream: doomed })).toHaveLength(2);

    const r = await call(deleteStream, "/x", {
      method: "DELETE",
      auth: { cookie: erin.cookie },
      params: { id: doomed },
      query: { cascade: "true" },
    });
    expect(r.status).toBe(204);
    expect(await listIds(erin, { stream: doomed })).toEqual([]);
    expect(await listIds(erin)).toEqual([keptEntry.id]);
  });
});

describe("time entries: authentication and write scope", () => {
  it.each([
    ["GET list", () => call(listEntries, "/api/v1/time-entries")],
    ["POST", () => call(postEntry, "/api/v1/time-entries", { method: "POST", body: { minutes: 1 } })],
    ["DELETE", () => call(deleteEntry, "/x", { method: "DELETE", params: { id: crypto.randomUUID() } })],
  ])("answers %s without credentials with 401", async (_label, run) => {
    expectProblem(await run(), 401);
  });

  it("refuses POST and DELETE with a read token (403), writes nothing, and lets it read", async () => {
    const frank = await makeUser("Frank");
    const stream = await newStream(frank, "Main");
    const e = await create(frank, { streamId: stream, occurredOn: "2024-08-01", minutes: 20 });
    const auth = { token: frank.readToken };
    expectProblem(await post(frank, { streamId: stream, occurredOn: "2024-08-02", minutes: 20 }, auth), 403);
    expectProblem(await del(frank, e.id, auth), 403);
    const r = await call(listEntries, "/api/v1/time-entries", { auth });
    expect(entryList.parse(r.json).data).toEqual([e]);
  });
});

function patch(user: TestUser, id: string, body: unknown, auth: { cookie: string } | { token: string } = { cookie: user.cookie }) {
  return call(patchEntry, `/api/v1/time-entries/${id}`, { method: "PATCH", auth, params: { id }, body });
}

describe("PATCH /api/v1/time-entries/{id}", () => {
  it("changes the duration, day, stream and note; the rest stays", async () => {
    const e = await create(alice, { streamId: consulting, occurredOn: "2024-10-01", minutes: 30, note: "call" });
    const r = await patch(alice, e.id, { hours: "1:15" });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(strictEntry.parse(r.json)).toMatchObject({
      id: e.id,
      minutes: 75,
      hours: 1.25,
      occurredOn: "2024-10-01",
      note: "call",
      streamId: consulting,
    });
    const moved = strictEntry.parse((await patch(alice, e.id, { streamId: course, occurredOn: "2024-10-02", note: "" })).json);
    expect(moved).toMatchObject({ streamId: course, occurredOn: "2024-10-02", note: null, minutes: 75 });
    const listed = entryList.parse((await list(alice, { stream: course, from: "2024-10-02", to: "2024-10-02" })).json);
    expect(listed.data).toEqual([moved]);
  });

  it.each([
    ["nothing to change", {}, [""]],
    ["both hours and minutes", { hours: "1", minutes: 60 }, ["hours"]],
    ["more than a day", { minutes: 1441 }, ["minutes"]],
    ["hours that are not hours", { hours: "soon" }, ["hours"]],
    ["an impossible date", { occurredOn: "2024-02-30" }, ["occurredOn"]],
    ["a missing stream", { streamId: crypto.randomUUID() }, ["streamId"]],
  ])("refuses %s with 422, changing nothing", async (_label, body, paths) => {
    const e = await create(alice, { streamId: consulting, occurredOn: "2024-10-03", minutes: 20 });
    const r = await patch(alice, e.id, body);
    expectProblem(r, 422);
    expect(errorPaths(r)).toEqual(paths);
    expect(entryList.parse((await list(alice, { from: "2024-10-03", to: "2024-10-03" })).json).data).toContainEqual(e);
  });

  it('takes what the stream page\'s edit row sends (minutes, day and note, read from "2 h 15 min") and answers the saved entry', async () => {
    const e = await create(alice, { streamId: consulting, occurredOn: "2024-10-05", minutes: 30, note: "call" });
    const r = await patch(alice, e.id, { minutes: 135, occurredOn: "2024-10-06", note: null });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    const saved = strictEntry.parse(r.json);
    expect(saved).toMatchObject({ id: e.id, streamId: consulting, minutes: 135, hours: 2.25, occurredOn: "2024-10-06", note: null });
    expect(Date.parse(saved.updatedAt)).toBeGreaterThanOrEqual(Date.parse(e.updatedAt));
    // The duration as the row shows it is read back the same.
    const again = await patch(alice, e.id, { hours: "2 h 15 min" });
    expect(strictEntry.parse(again.json).minutes).toBe(135);
  });

  it.each([
    ["minutes that are not a number", { minutes: "half" }],
    ["minutes as a decimal string", { minutes: "2.5" }],
    ["minutes as a fraction", { minutes: 1.5 }],
  ])('refuses %s with the message "Minutes are whole numbers." (never a zod default)', async (_label, body) => {
    const e = await create(alice, { streamId: consulting, occurredOn: "2024-10-07", minutes: 20 });
    for (const r of [await patch(alice, e.id, body), await post(alice, { streamId: consulting, occurredOn: "2024-10-07", ...body })]) {
      expectProblem(r, 422);
      expect(r.json.errors).toEqual([{ path: "minutes", message: "Minutes are whole numbers." }]);
    }
  });

  it("refuses a read token (403) and another user's entry or stream (404 / 422), changing nothing", async () => {
    const e = await create(alice, { streamId: consulting, occurredOn: "2024-10-04", minutes: 20 });
    expectProblem(await patch(alice, e.id, { minutes: 25 }, { token: alice.readToken }), 403);
    expectProblem(await patch(bob, e.id, { minutes: 25 }), 404);
    expect((await patch(bob, e.id, { minutes: 25 })).json).toEqual((await patch(bob, crypto.randomUUID(), { minutes: 25 })).json);
    const r = await patch(alice, e.id, { streamId: bobStream });
    expectProblem(r, 422);
    expect(errorPaths(r)).toEqual(["streamId"]);
    expect(entryList.parse((await list(alice, { from: "2024-10-04", to: "2024-10-04" })).json).data).toEqual([e]);
  });
});

describe("time entries: scoping between users", () => {
  it("answers 404 to user B deleting user A's entry, and A's entry stays", async () => {
    const e = await create(alice, { streamId: consulting, occurredOn: "2024-09-01", minutes: 50 });
    expectProblem(await del(bob, e.id), 404);
    expectProblem(await del(bob, e.id, { token: bob.writeToken }), 404);
    expect((await del(bob, e.id)).json).toEqual((await del(bob, crypto.randomUUID())).json);
    const mine = entryList.parse((await list(alice, { stream: consulting, from: "2024-09-01", to: "2024-09-01" })).json);
    expect(mine.data).toEqual([e]);
  });
});
