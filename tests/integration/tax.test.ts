// Tax rates through the API: the default in settings, a stream's own, validation, and the metrics
// response's tax block for a known portfolio (METRICS.md *Tax set-aside*), on both databases.
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getMetrics } from "@/app/api/v1/metrics/route";
import { GET as getSettings, PATCH as patchSettings } from "@/app/api/v1/settings/route";
import { PATCH as patchStream } from "@/app/api/v1/streams/[id]/route";
import { POST as postStream } from "@/app/api/v1/streams/route";
import { POST as postTx } from "@/app/api/v1/transactions/route";
import { metricsResponse } from "@/lib/schemas/metrics";
import { call, makeUser, type TestUser } from "../support/api";

describe("tax rates", () => {
  let user: TestUser;
  beforeAll(async () => {
    user = await makeUser("Taxed");
  });

  it("the default rate: set as a string or a number, answered as a number, cleared with null; nonsense is a 422", async () => {
    const set = await call(patchSettings, "/api/v1/settings", {
      method: "PATCH",
      auth: { cookie: user.cookie },
      body: { taxRate: "0.25" },
    });
    expect(set.status, JSON.stringify(set.json)).toBe(200);
    expect(set.json).toMatchObject({ taxRate: 0.25 });
    const num = await call(patchSettings, "/api/v1/settings", {
      method: "PATCH",
      auth: { cookie: user.cookie },
      body: { taxRate: 0.0725 },
    });
    expect(num.json).toMatchObject({ taxRate: 0.0725 });
    for (const taxRate of ["1.5", "-0.1", "25%", 0.12345, "abc"]) {
      const bad = await call(patchSettings, "/api/v1/settings", { method: "PATCH", auth: { cookie: user.cookie }, body: { taxRate } });
      expect(bad.status, String(taxRate)).toBe(422);
      expect((bad.json as { errors: { path: string }[] }).errors[0]?.path).toBe("taxRate");
    }
    expect((await call(getSettings, "/api/v1/settings", { auth: { cookie: user.cookie } })).json).toMatchObject({ taxRate: 0.0725 });
    const cleared = await call(patchSettings, "/api/v1/settings", {
      method: "PATCH",
      auth: { cookie: user.cookie },
      body: { taxRate: null },
    });
    expect(cleared.json).toMatchObject({ taxRate: null });
  });

  it("a stream's own rate, and the metrics' tax block: a loss in one stream offsets another's gain", async () => {
    await call(patchSettings, "/api/v1/settings", { method: "PATCH", auth: { cookie: user.cookie }, body: { taxRate: "0.25" } });
    const a = await call(postStream, "/api/v1/streams", { method: "POST", auth: { token: user.writeToken }, body: { name: "Consulting" } });
    const b = await call(postStream, "/api/v1/streams", {
      method: "POST",
      auth: { token: user.writeToken },
      body: { name: "Shop", taxRate: "0.3" },
    });
    expect(b.status, JSON.stringify(b.json)).toBe(201);
    expect(b.json).toMatchObject({ taxRate: 0.3 });
    expect(a.json).toMatchObject({ taxRate: null });
    const tx = (stream: string, occurredOn: string, amount: string, kind = "income") => ({ stream, occurredOn, amount, kind });
    const r = await call(postTx, "/api/v1/transactions", {
      method: "POST",
      auth: { token: user.writeToken },
      body: [
        tx("Consulting", "2025-01-10", "1000.00"),
        tx("Consulting", "2025-01-20", "200.00", "expense"),
        tx("Shop", "2025-01-15", "100.00"),
        tx("Shop", "2025-01-16", "500.00", "expense"),
        tx("Consulting", "2025-02-10", "100.00", "expense"),
      ],
    });
    expect(r.status).toBe(201);
    // Jan: Consulting (default 25%) nets 80000 → 20000; Shop (30%) nets −40000 → −12000; 8000 set aside.
    // Feb: Consulting nets −10000 → −2500 → 0. Net 30000 → after tax 22000.
    const m = metricsResponse.parse(
      (await call(getMetrics, "/api/v1/metrics", { auth: { token: user.readToken }, query: { from: "2025-01", to: "2025-02" } })).json,
    );
    expect(m.tax.byMonth).toEqual([
      { month: "2025-01", setAside: expect.closeTo(8000, 6) },
      { month: "2025-02", setAside: 0 },
    ]);
    expect(m.tax.setAside).toBeCloseTo(8000, 6);
    expect(m.tax.afterTaxNet).toBeCloseTo(22000, 6);

    // The stream's rate cleared: the default applies to it too. Jan: 20000 − 0.25 × 40000 = 10000.
    const cleared = await call(patchStream, "/api/v1/streams/x", {
      method: "PATCH",
      auth: { token: user.writeToken },
      params: { id: (b.json as { id: string }).id },
      body: { taxRate: null },
    });
    expect(cleared.json).toMatchObject({ taxRate: null });
    const m2 = metricsResponse.parse(
      (await call(getMetrics, "/api/v1/metrics", { auth: { token: user.readToken }, query: { from: "2025-01", to: "2025-02" } })).json,
    );
    expect(m2.tax.setAside).toBeCloseTo(10000, 6);
  });
});
