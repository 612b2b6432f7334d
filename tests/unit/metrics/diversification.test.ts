import { describe, expect, it } from "vitest";
import { computeDiversification, herfindahl, shareOf, type StreamIncome } from "@/lib/metrics/diversification";

describe("diversification of income by stream", () => {
  it("a mixed portfolio: shares of T+, negative and zero streams left out", () => {
    const streams: StreamIncome[] = [
      { kind: "freelance", role: "anchor", income: 600 },
      { kind: "content", role: "growth", income: 300 },
      { kind: "content", role: "speculative", income: 100 },
      { kind: "product", role: "growth", income: -50 }, // refunds exceeded sales
      { kind: "other", role: "anchor", income: 0 },
    ];
    // T+ = 600 + 300 + 100 = 1000; shares .6, .3, .1
    // hhi = .36 + .09 + .01 = .46; effective = 1 / .46 = 50/23; top .6
    expect(computeDiversification(streams)).toEqual({
      hhi: 0.46,
      effectiveStreams: 50 / 23,
      topStreamShare: 0.6,
      byKind: [
        { key: "freelance", income: 600, share: 0.6 },
        { key: "content", income: 400, share: 0.4 },
      ],
      byRole: [
        { key: "anchor", income: 600, share: 0.6 },
        { key: "growth", income: 300, share: 0.3 },
        { key: "speculative", income: 100, share: 0.1 },
      ],
    });
  });

  it("three equal streams give exactly 3 effective streams (a rule threshold)", () => {
    const equal: StreamIncome[] = [
      { kind: "saas", role: "anchor", income: 333 },
      { kind: "saas", role: "growth", income: 333 },
      { kind: "saas", role: "speculative", income: 333 },
    ];
    // hhi = 3 × (1/3)² = 1/3; effective = 3
    const result = computeDiversification(equal);
    expect(result.effectiveStreams).toBe(3);
    expect(result.hhi).toBe(1 / 3);
    expect(result.byKind).toEqual([{ key: "saas", income: 999, share: 1 }]);
  });

  it("a single earning stream: hhi 1, one effective stream, top share 1", () => {
    const result = computeDiversification([
      { kind: "saas", role: "anchor", income: 1234 },
      { kind: "content", role: "growth", income: 0 },
    ]);
    expect([result.hhi, result.effectiveStreams, result.topStreamShare]).toEqual([1, 1, 1]);
  });

  it.each([
    ["no streams", []],
    ["all-zero streams", [{ kind: "saas", role: "anchor", income: 0 }]],
    ["only negative streams", [{ kind: "saas", role: "anchor", income: -10 }]],
  ] as [string, StreamIncome[]][])("T+ = 0 (%s): every figure null, no groups", (_name, streams) => {
    expect(computeDiversification(streams)).toEqual({
      hhi: null,
      effectiveStreams: null,
      topStreamShare: null,
      byKind: [],
      byRole: [],
    });
  });

  it("groups tie on income are ordered by key", () => {
    const result = computeDiversification([
      { kind: "saas", role: "growth", income: 50 },
      { kind: "affiliate", role: "anchor", income: 50 },
    ]);
    expect(result.byKind.map((item) => item.key)).toEqual(["affiliate", "saas"]);
    expect(result.byRole.map((item) => item.key)).toEqual(["anchor", "growth"]);
  });
});

describe("shareOf and herfindahl", () => {
  it.each([
    [250, 1000, 0.25],
    [0, 1000, null],
    [-5, 1000, null],
    [5, 0, null],
  ])("shareOf(%i, %i) = %s", (income, total, expected) => {
    expect(shareOf(income, total)).toBe(expected);
  });

  it("herfindahl ignores non-positive incomes and is null without any", () => {
    // (3/4)² + (1/4)² = 10/16
    expect(herfindahl([300, 100, -50, 0])).toBe(0.625);
    expect(herfindahl([0, -1])).toBeNull();
    expect(herfindahl([])).toBeNull();
  });
});
