// Cross-site request forgery through route(): a cookie-authenticated write is accepted only from the
// app's own origin and in a content type the operation takes; a bearer token is unaffected by either.
import { describe, expect, it, beforeAll } from "vitest";
import { GET as listStreams, POST as postStream } from "@/app/api/v1/streams/route";
import { POST as createToken } from "@/app/api/v1/tokens/route";
import { call, makeUser, type TestUser } from "../support/api";

describe("cross-site writes with the session cookie", () => {
  let user: TestUser;
  beforeAll(async () => {
    user = await makeUser("Csrf");
  });

  const count = async () => ((await call(listStreams, "/s", { auth: { token: user.readToken } })).json as { data: unknown[] }).data.length;
  let n = 0;
  const post = (headers: Record<string, string>, rawBody = JSON.stringify({ name: `Stream ${++n}` })) =>
    call(postStream, "/api/v1/streams", { method: "POST", auth: { cookie: user.cookie }, headers, rawBody });

  it.each([
    ["a page on another port of the host (Sec-Fetch-Site)", { "sec-fetch-site": "same-site", "content-type": "application/json" }],
    ["a sibling subdomain (Sec-Fetch-Site)", { "sec-fetch-site": "cross-site", "content-type": "application/json" }],
    ["another origin (Origin only)", { origin: "http://localhost:4000", "content-type": "application/json" }],
  ])("refuses %s with 403 and writes nothing", async (_label, headers) => {
    const before = await count();
    const res = await post(headers);
    expect(res.status).toBe(403);
    expect(res.contentType).toBe("application/problem+json");
    expect(await count()).toBe(before);
  });

  it("refuses a write that carries neither Origin nor Sec-Fetch-Site", async () => {
    const before = await count();
    const req = new Request("http://localhost/api/v1/streams", {
      method: "POST",
      headers: { cookie: user.cookie, "content-type": "application/json" },
      body: JSON.stringify({ name: "Bare" }),
    });
    expect((await postStream(req, { params: Promise.resolve({}) })).status).toBe(403);
    expect(await count()).toBe(before);
  });

  it("refuses a JSON body sent as text/plain from the app's own origin (415) and token creation cross-site", async () => {
    const before = await count();
    expect((await post({ "sec-fetch-site": "same-origin", "content-type": "text/plain" })).status).toBe(415);
    expect(await count()).toBe(before);
    const token = await call(createToken, "/api/v1/tokens", {
      method: "POST",
      auth: { cookie: user.cookie },
      headers: { origin: "http://127.0.0.1:4000", "content-type": "application/json" },
      rawBody: JSON.stringify({ name: "stolen", scope: "write" }),
    });
    expect(token.status).toBe(403);
  });

  it("accepts the app's own JSON and form writes (by Sec-Fetch-Site or by Origin), and tokens from anywhere", async () => {
    expect((await post({ "sec-fetch-site": "same-origin", "content-type": "application/json" })).status).toBe(201);
    expect((await post({ origin: "http://localhost", "content-type": "application/json" })).status).toBe(201);
    expect(
      (await post({ "sec-fetch-site": "same-origin", "content-type": "application/x-www-form-urlencoded" }, "name=Form+stream")).status,
    ).toBe(201);
    const viaToken = await call(postStream, "/api/v1/streams", {
      method: "POST",
      auth: { token: user.writeToken },
      headers: { "sec-fetch-site": "cross-site", origin: "http://evil.test" },
      body: { name: "Automation" },
    });
    expect(viaToken.status).toBe(201);
  });
});
