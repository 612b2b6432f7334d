// The metrics cache's own rules (its correctness against the database is tests/integration/metrics-cache.test.ts):
// a burst of misses on one key computes once, a failed computation is not kept, answers are frozen, and the
// key changes with each of its parts.
import { describe, expect, it } from "vitest";
import { cachedMetrics, jsonBytesOf, metricsCacheKey, metricsCacheStats } from "@/lib/metrics-cache";

const key = (n: number) => `unit-${n}-${Math.random()}`;

describe("metrics cache", () => {
  it("computes a burst of concurrent misses on one key once, then serves it", async () => {
    const k = key(1);
    let computed = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const compute = async () => {
      computed++;
      await gate;
      return { income: 100, streams: [{ id: "a" }] };
    };
    const before = metricsCacheStats();
    const burst = Promise.all(Array.from({ length: 5 }, () => cachedMetrics(k, compute)));
    release();
    const answers = await burst;
    expect(computed).toBe(1);
    expect(new Set(answers).size).toBe(1);
    expect(await cachedMetrics(k, compute)).toBe(answers[0]);
    expect(computed).toBe(1);
    const after = metricsCacheStats();
    expect([after.misses - before.misses, after.hits - before.hits]).toEqual([1, 5]);
  });

  it("keeps no failed computation: the next read computes again", async () => {
    const k = key(2);
    await expect(cachedMetrics(k, () => Promise.reject(new Error("database down")))).rejects.toThrow("database down");
    expect(await cachedMetrics(k, async () => ({ ok: true }))).toEqual({ ok: true });
  });

  it("freezes what it shares, deeply, and encodes its JSON once", async () => {
    const answer = await cachedMetrics(key(3), async () => ({ totals: { income: 5 }, months: [{ month: "2026-11" }] }));
    expect(Object.isFrozen(answer.totals) && Object.isFrozen(answer.months[0])).toBe(true);
    expect(() => {
      (answer.totals as { income: number }).income = 6;
    }).toThrow(TypeError);
    const bytes = jsonBytesOf(answer);
    expect(jsonBytesOf(answer)).toBe(bytes);
    expect(JSON.parse(new TextDecoder().decode(bytes))).toEqual(answer);
  });

  it("changes the key with the version, the day and the window", () => {
    const base = { userId: "u", dataVersion: 3, today: "2026-12-03" };
    const keys = [
      metricsCacheKey(base),
      metricsCacheKey({ ...base, dataVersion: 4 }),
      metricsCacheKey({ ...base, today: "2026-12-04" }),
      metricsCacheKey({ ...base, window: { from: "2026-01", to: "2026-06" } }),
      metricsCacheKey({ ...base, userId: "v" }),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });
});
