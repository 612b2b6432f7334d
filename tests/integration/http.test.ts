// What route() does with a request body, whatever the route: the form encoding no-code tools send, JSON
// with or without its header, one malformed-JSON answer, and a size limit counted while the body streams in.
import { beforeAll, describe, expect, it } from "vitest";
import { POST as postStream } from "@/app/api/v1/streams/route";
import { PATCH as patchSettings } from "@/app/api/v1/settings/route";
import { GET as listTx, POST as postTx } from "@/app/api/v1/transactions/route";
import { POST as postTime } from "@/app/api/v1/time-entries/route";
import { call, makeUser, type TestUser } from "../support/api";

const form = (fields: Record<string, string>) => ({
  rawBody: new URLSearchParams(fields).toString(),
  headers: { "content-type": "application/x-www-form-urlencoded" },
});

describe("request bodies", () => {
  let u: TestUser;
  beforeAll(async () => {
    u = await makeUser();
  });

  it("takes a form-encoded object on one-object writes, as Zapier and Make send it", async () => {
    const s = await call(postStream, "/api/v1/streams", {
      method: "POST",
      auth: { token: u.writeToken },
      ...form({ name: "Bot subscriptions", kind: "saas", platform: "" }),
    });
    expect(s.status, JSON.stringify(s.json)).toBe(201);
    // an empty field is left out, as if not sent
    expect(s.json).toMatchObject({ name: "Bot subscriptions", kind: "saas", platform: null });

    const t = await call(postTx, "/api/v1/transactions", {
      method: "POST",
      auth: { token: u.writeToken },
      ...form({
        stream: "bot subscriptions",
        occurredOn: "2026-11-02",
        amount: "9.00",
        counterparty: "Gumroad buyer",
        externalId: "zap-1",
      }),
    });
    expect(t.status, JSON.stringify(t.json)).toBe(201);
    expect(t.json).toMatchObject({ amountMinor: 900, streamName: "Bot subscriptions", externalId: "zap-1" });
    // the same form again is the same transaction, not a second one
    const again = await call(postTx, "/api/v1/transactions", {
      method: "POST",
      auth: { token: u.writeToken },
      ...form({ stream: "Bot subscriptions", occurredOn: "2026-11-02", amount: "9.00", externalId: "zap-1" }),
    });
    expect(again.status).toBe(200);
    expect(again.json.id).toBe(t.json.id);

    const time = await call(postTime, "/api/v1/time-entries", {
      method: "POST",
      auth: { token: u.writeToken },
      ...form({ streamId: s.json.id as string, occurredOn: "2026-11-02", minutes: "90" }),
    });
    expect(time.status, JSON.stringify(time.json)).toBe(201);
    expect(time.json).toMatchObject({ minutes: 90, hours: 1.5 });

    const settings = await call(patchSettings, "/api/v1/settings", {
      method: "PATCH",
      auth: { cookie: u.cookie },
      ...form({ cashBuffer: "12000.00" }),
    });
    expect(settings.status, JSON.stringify(settings.json)).toBe(200);
    expect(settings.json).toMatchObject({ cashBufferMinor: 1_200_000 });
  });

  it("reports a form's field errors by field name, and saves nothing", async () => {
    const before = await call(listTx, "/api/v1/transactions", { auth: { token: u.readToken } });
    const r = await call(postTx, "/api/v1/transactions", {
      method: "POST",
      auth: { token: u.writeToken },
      ...form({ stream: "Bot subscriptions", occurredOn: "2026-13-02", amount: "9.001" }),
    });
    expect(r.status).toBe(422);
    expect(r.contentType).toBe("application/problem+json");
    expect(((r.json.errors ?? []) as { path: string }[]).map((e) => e.path).sort()).toEqual(["amount", "occurredOn"]);
    const after = await call(listTx, "/api/v1/transactions", { auth: { token: u.readToken } });
    expect((after.json.data as unknown[]).length).toBe((before.json.data as unknown[]).length);
  });

  it("reads JSON sent with the form type or with no type at all (curl -d)", async () => {
    const body = JSON.stringify({ name: "Consulting" });
    const typed = await call(postStream, "/api/v1/streams", {
      method: "POST",
      auth: { token: u.writeToken },
      rawBody: body,
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(typed.status, JSON.stringify(typed.json)).toBe(201);
    const untyped = await call(postStream, "/api/v1/streams", {
      method: "POST",
      auth: { token: u.writeToken },
      rawBody: JSON.stringify({ name: "Sponsorships" }),
    });
    expect(untyped.status, JSON.stringify(untyped.json)).toBe(201);
  });

  it("answers malformed JSON with 400 and an empty body with 422, both problem+json", async () => {
    const bad = await call(postStream, "/api/v1/streams", {
      method: "POST",
      auth: { token: u.writeToken },
      rawBody: "{name:",
      headers: { "content-type": "application/json" },
    });
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ title: "Malformed JSON", status: 400 });
    const empty = await call(postStream, "/api/v1/streams", {
      method: "POST",
      auth: { token: u.writeToken },
      rawBody: "",
      headers: { "content-type": "application/json" },
    });
    expect(empty.status).toBe(422);
    expect(empty.contentType).toBe("application/problem+json");
  });

  it("refuses a NUL character anywhere in a body or query with 422 naming the field, and saves nothing", async () => {
    const batch = await call(postTx, "/api/v1/transactions", {
      method: "POST",
      auth: { token: u.writeToken },
      rawBody: JSON.stringify([{ stream: "Consulting", occurredOn: "2026-11-03", amount: "5.00", description: "nul-probe\u0000" }]),
    });
    expect(batch.status, JSON.stringify(batch.json)).toBe(422);
    expect(batch.contentType).toBe("application/problem+json");
    expect(batch.json.errors).toEqual([{ path: "0.description", message: "Text cannot contain the NUL character." }]);
    const named = await call(postStream, "/api/v1/streams", {
      method: "POST",
      auth: { token: u.writeToken },
      ...form({ name: "Nul\u0000Stream" }),
    });
    expect(named.status).toBe(422);
    expect(named.json.errors).toEqual([{ path: "name", message: "Text cannot contain the NUL character." }]);
    const query = await call(listTx, "/api/v1/transactions", { auth: { token: u.writeToken }, query: { q: "x\u0000" } });
    expect(query.status).toBe(422);
    const list = await call(listTx, "/api/v1/transactions", { auth: { token: u.writeToken }, query: { q: "nul-probe" } });
    expect(list.status).toBe(200);
    expect(list.json.data).toEqual([]);
  });

  it("refuses half of a UTF-16 surrogate pair with 422 naming the field: stored as U+FFFD, two different ids would become one", async () => {
    const surrogate = "Text cannot contain a lone surrogate (\\uD800 to \\uDFFF without its pair).";
    for (const [externalId, path] of [
      ["order-\\ud800", "0.externalId"],
      ["order-\\udc00", "0.externalId"],
      ["order-\\udc00\\ud800", "0.externalId"],
    ]) {
      const batch = await call(postTx, "/api/v1/transactions", {
        method: "POST",
        auth: { token: u.writeToken },
        rawBody: `[{"stream":"Consulting","occurredOn":"2026-11-03","amount":"5.00","externalId":"${externalId}"}]`,
      });
      expect(batch.status, JSON.stringify(batch.json)).toBe(422);
      expect(batch.json.errors).toEqual([{ path, message: surrogate }]);
    }
    // A whole pair is an ordinary character (U+1F600).
    const pair = await call(postTx, "/api/v1/transactions", {
      method: "POST",
      auth: { token: u.writeToken },
      rawBody: '[{"stream":"Consulting","occurredOn":"2026-11-03","amount":"5.00","externalId":"order-\\ud83d\\ude00"}]',
    });
    expect(pair.status, JSON.stringify(pair.json)).toBe(201);
    expect((pair.json.data as { externalId: string }[])[0]!.externalId).toBe("order-\u{1F600}");
    const named = await call(postStream, "/api/v1/streams", {
      method: "POST",
      auth: { token: u.writeToken },
      rawBody: '{"name":"S-\\udfff"}',
    });
    expect(named.status).toBe(422);
    expect(named.json.errors).toEqual([{ path: "name", message: surrogate }]);
  });

  it("stops reading a body without Content-Length at the limit (413), long before its end", async () => {
    const chunk = new TextEncoder().encode(`[${"0,".repeat(32_768)}`); // 64 KiB
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        if (pulled > 1_000)
          controller.close(); // 64 MB if read to the end
        else controller.enqueue(chunk);
      },
    });
    const req = new Request("http://localhost/api/v1/transactions", {
      method: "POST",
      headers: { authorization: `Bearer ${u.writeToken}`, "content-type": "application/json" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    const res = await postTx(req, { params: Promise.resolve({}) });
    expect(res.status).toBe(413);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    // the limit is 4 MiB: about 64 chunks were read, not 1,000
    expect(pulled).toBeLessThan(80);
  });
});
