// The authorization matrix of the whole API, generated from the route registrations: every
// app/api/v1/**/route.ts is found on disk and imported, and every verb it exports is called
//   1. without credentials → 401;
//   2. with a read token, for every write verb (POST, PUT, PATCH, DELETE) → 403;
//   3. by user B (session cookie, and a token) with each of user A's objects in its dynamic segment → 404
//      (or, for an operation tokens may not call at all, the same 403 a random id gets: nothing is revealed),
//      after which A's objects are all still there, unchanged.
// A route that is neither covered nor listed in PUBLIC with a reason, or a dynamic route with no object
// mapped to it, fails the test. The test "counts what the matrix covers" prints the figures; at the time
// of writing: 40 route files, 62 route × verb pairs (56 authenticated, 6 public: the catch-all's 5 verbs and
// the OpenAPI document), 28 write verbs, and 19 route × verb pairs with an {id} segment, each called by B
// both ways (cookie and token) next to a random id as the control.
import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as exportRoute } from "@/app/api/v1/export/route";
import { call, makeUser, type TestUser } from "../support/api";
import { makeOneOfEach, OBJECT_OF_ROUTE, type OwnedObjects } from "../support/objects";
import { registeredRoutes, WRITE_VERBS, type RegisteredRoute } from "../support/routes";

/** Routes that answer without credentials, and why. Anything else must demand them. */
const PUBLIC: Record<string, string> = {
  "api/v1/[...path]": "the catch-all for unknown endpoints: a problem+json 404 to anyone, it serves no data",
  "api/v1/openapi.json": "the public, static API description (API.md); built at build time, holds no user data",
};

const OBJECT_OF = OBJECT_OF_ROUTE;

/** A body that passes validation, so that B's request reaches the lookup of the id (404), not a 422. */
const BODY_OF: Record<string, unknown> = {
  "PATCH api/v1/streams/[id]": { description: "changed by B" },
  "PATCH api/v1/transactions/[id]": { description: "changed by B" },
  "PATCH api/v1/schedules/[id]": { name: "changed by B" },
  "PATCH api/v1/time-entries/[id]": { note: "changed by B" },
};

type Objects = OwnedObjects;

let routes: RegisteredRoute[];
let alice: TestUser;
let bob: TestUser;
let objects: Objects;

beforeAll(async () => {
  routes = await registeredRoutes();
  alice = await makeUser("Alice");
  bob = await makeUser("Bob");
  objects = await makeOneOfEach(alice);
}, 120_000);

const key = (r: RegisteredRoute) => r.dir;
const fill = (r: RegisteredRoute, id: string) => ({
  url: r.urlPath.replace(/\[[^\]]+\]/g, id),
  params: Object.fromEntries(r.params.map((p) => [p, id])),
});

describe("the route registrations", () => {
  it("every route is either authenticated or listed as public with a reason, and every dynamic route has an object", () => {
    expect(routes.length).toBeGreaterThan(30);
    for (const dir of Object.keys(PUBLIC)) expect(routes.map(key), `${dir} is listed as public but not registered`).toContain(dir);
    for (const r of routes) {
      if (PUBLIC[r.dir]) continue;
      expect(r.verbs.length, `${r.dir} exports no verb`).toBeGreaterThan(0);
      for (const v of r.verbs) expect(v.handler.operation, `${v.verb} ${r.dir} is not made by route()`).toBeDefined();
      if (r.params.length > 0) expect(OBJECT_OF[r.dir], `${r.dir} has a dynamic segment but no object mapped to it`).toBeDefined();
    }
    for (const dir of Object.keys(OBJECT_OF)) expect(routes.map(key), `${dir} is mapped but not registered`).toContain(dir);
  });

  it("counts what the matrix covers", () => {
    const pairs = routes.flatMap((r) => r.verbs.map((v) => ({ r, v })));
    const authed = pairs.filter(({ r }) => !PUBLIC[r.dir]);
    const writes = authed.filter(({ v }) => WRITE_VERBS.has(v.verb));
    const owned = authed.filter(({ r }) => r.params.length > 0);
    console.log(
      `authorization matrix: ${routes.length} route files, ${pairs.length} route × verb pairs, ${authed.length} authenticated, ` +
        `${writes.length} write verbs, ${owned.length} with an {id} segment`,
    );
    expect(pairs.length).toBe(authed.length + pairs.filter(({ r }) => PUBLIC[r.dir]).length);
  });
});

describe("without credentials: 401 on every authenticated route and verb", () => {
  it("answers 401 problem+json with a WWW-Authenticate challenge", async () => {
    let n = 0;
    for (const r of routes) {
      if (PUBLIC[r.dir]) continue;
      const { url, params } = fill(r, crypto.randomUUID());
      for (const { verb, handler } of r.verbs) {
        const res = await call(handler, url, { method: verb, params, body: WRITE_VERBS.has(verb) ? {} : undefined });
        expect(res.status, `${verb} ${r.dir}`).toBe(401);
        expect(res.contentType, `${verb} ${r.dir}`).toBe("application/problem+json");
        expect(res.res.headers.get("www-authenticate"), `${verb} ${r.dir}`).toMatch(/^Bearer/);
        n++;
      }
    }
    expect(n).toBeGreaterThan(40);
  });

  it("a bad or revoked-looking token is no better than none", async () => {
    for (const r of routes) {
      if (PUBLIC[r.dir]) continue;
      const { url, params } = fill(r, crypto.randomUUID());
      for (const { verb, handler } of r.verbs) {
        const res = await call(handler, url, { method: verb, params, auth: { token: "sf_not-a-real-token" } });
        expect(res.status, `${verb} ${r.dir}`).toBe(401);
      }
    }
  });
});

describe("a read token on every write verb: 403", () => {
  it("is refused before anything is read or written", async () => {
    let n = 0;
    for (const r of routes) {
      if (PUBLIC[r.dir]) continue;
      for (const { verb, handler } of r.verbs) {
        if (!WRITE_VERBS.has(verb)) continue;
        // A's own object: the refusal must not depend on whether the id exists.
        const object = OBJECT_OF[r.dir];
        const { url, params } = fill(r, object ? objects[object] : crypto.randomUUID());
        const res = await call(handler, url, { method: verb, params, auth: { token: alice.readToken }, body: {} });
        expect(res.status, `${verb} ${r.dir}: ${res.text}`).toBe(403);
        expect(res.contentType).toBe("application/problem+json");
        n++;
      }
    }
    expect(n).toBeGreaterThan(20);
  });
});

describe("user B on every route with an {id} of user A's, and every verb: 404", () => {
  it("answers 404 (cookie and token) exactly as for an id that does not exist", async () => {
    const bobAuth = [
      { name: "cookie", auth: { cookie: bob.cookie }, write: { cookie: bob.cookie } },
      { name: "token", auth: { token: bob.readToken }, write: { token: bob.writeToken } },
    ];
    let n = 0;
    for (const r of routes) {
      const object = OBJECT_OF[r.dir];
      if (!object) continue;
      for (const { verb, handler } of r.verbs) {
        const op = handler.operation!;
        for (const who of bobAuth) {
          const as = WRITE_VERBS.has(verb) ? who.write : who.auth;
          const body = BODY_OF[`${verb} ${r.dir}`] ?? (op.body ? {} : undefined);
          const asB = fill(r, objects[object]);
          const res = await call(handler, asB.url, { method: verb, params: asB.params, auth: as, body });
          const control = fill(r, crypto.randomUUID());
          const missing = await call(handler, control.url, { method: verb, params: control.params, auth: as, body });
          const expected = who.name === "token" && op.access === "session" ? 403 : 404;
          expect(res.status, `${verb} ${r.dir} as B (${who.name}): ${res.text}`).toBe(expected);
          expect(missing.status, `${verb} ${r.dir} with a random id (${who.name})`).toBe(expected);
          expect(res.json, `${verb} ${r.dir}: B learns nothing a random id would not tell`).toEqual(missing.json);
          n++;
        }
      }
    }
    expect(n).toBeGreaterThan(25);

    // Nothing of A's changed: the export (every object A owns) still names them, unedited.
    const backup = await call(exportRoute, "/api/v1/export", { auth: { cookie: alice.cookie }, query: { format: "json" } });
    expect(backup.status).toBe(200);
    const text = backup.text;
    for (const id of [objects.stream, objects.transaction, objects.schedule]) expect(text).toContain(id);
    expect(text).not.toContain("changed by B");
  }, 120_000);
});
