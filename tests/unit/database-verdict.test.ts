// What proxy.ts believes of the database: a failure stands for 10 s unless a success replaces it, and the
// outage page it serves carries its nonce on the one script and style, and probes readiness every 5 s.
import { describe, expect, it } from "vitest";
import { databaseKnownDown, lastVerdict, recordVerdict } from "@/lib/observability/database-verdict";
import { OUTAGE_RETRY_SECONDS, outagePage } from "@/lib/observability/outage-page";

describe("the database verdict", () => {
  it("believes a failure for 10 s, and a success at once", () => {
    const t = 1_000_000;
    recordVerdict(true, t);
    expect(databaseKnownDown(t)).toBe(false);
    recordVerdict(false, t);
    expect(lastVerdict()).toEqual({ ok: false, checkedAt: t });
    expect(databaseKnownDown(t + 9_999)).toBe(true);
    expect(databaseKnownDown(t + 10_000)).toBe(false);
    recordVerdict(true, t + 1);
    expect(databaseKnownDown(t + 2)).toBe(false);
  });

  it("keeps one record per process, whichever copy of the module reads it", async () => {
    recordVerdict(false, 5);
    const key = Symbol.for("streamfolio.database-verdict");
    expect((globalThis as unknown as Record<symbol, { last: unknown }>)[key]?.last).toEqual({ ok: false, checkedAt: 5 });
  });
});

describe("the outage page", () => {
  it("says what the pages say, with the nonce on its script and style", () => {
    const html = outagePage("bm9uY2U=");
    expect(html).toContain("<h1>Can’t reach the database</h1>");
    expect(html).toContain('<div role="alert">');
    expect(html.match(/<script nonce="bm9uY2U=">/g)).toHaveLength(1);
    expect(html.match(/<style nonce="bm9uY2U=">/g)).toHaveLength(1);
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).toContain(`setTimeout(check, ${OUTAGE_RETRY_SECONDS * 1000})`);
    expect(html).toContain('fetch("/api/health/ready"');
  });
});
