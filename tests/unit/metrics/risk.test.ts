import { describe, expect, it } from "vitest";
import { computeRisk, diversificationRatio, worstMonth } from "@/lib/metrics/risk";

const months4 = ["2024-01", "2024-02", "2024-03", "2024-04"];

describe("risk of the portfolio series", () => {
  it("two streams that offset each other perfectly", () => {
    // A = 100,200,300,400; B = 400,300,200,100; T = 500 every month
    const result = computeRisk({
      months: months4,
      total: [500, 500, 500, 500],
      streams: [
        { id: "a", income: [100, 200, 300, 400] },
        { id: "b", income: [400, 300, 200, 100] },
      ],
    });
    expect(result).toEqual({
      mean: 500,
      stdev: 0,
      cv: 0, // mean 500 > 0, stdev 0
      trendSlope: 0,
      maxDrawdown: 0,
      worstMonth: { month: "2024-01", income: 500 }, // every month ties: the earliest
      diversificationRatio: null, // stdev_T = 0
      // each stream deviates ±150, ±50 from 250: stdev = √(50000/3); both together 2√(50000/3)
      streamsStdevSum: expect.closeTo(2 * Math.sqrt(50000 / 3), 9),
      correlations: {
        streamIds: ["a", "b"],
        matrix: [
          [1, -1],
          [-1, 1],
        ],
      },
    });
  });

  it("two uncorrelated streams: ratio √2", () => {
    // A = 100,0,100,0: mean 50, Σ(dev²) = 4·2500 → stdev √(10000/3)
    // B = 0,0,100,100: the same stdev; T = 100,0,200,100: mean 100, Σ(dev²) = 20000 → stdev √(20000/3)
    // ratio = 2√(10000/3) / √(20000/3) = 2/√2 = √2; corr: Σ dA·dB = −2500 + 2500 + 2500 − 2500 = 0
    const result = computeRisk({
      months: months4,
      total: [100, 0, 200, 100],
      streams: [
        { id: "a", income: [100, 0, 100, 0] },
        { id: "b", income: [0, 0, 100, 100] },
      ],
    });
    expect(result.diversificationRatio).toBeCloseTo(Math.SQRT2, 12);
    expect(result.worstMonth).toEqual({ month: "2024-02", income: 0 });
    expect(result.correlations.matrix).toEqual([
      [1, 0],
      [0, 1],
    ]);
    // peak 100 → 0 is a full drawdown
    expect(result.maxDrawdown).toBe(1);
  });

  it("a flat stream has null correlations, its diagonal included", () => {
    const result = computeRisk({
      months: ["2024-01", "2024-02", "2024-03"],
      total: [150, 250, 350],
      streams: [
        { id: "rising", income: [100, 200, 300] },
        { id: "flat", income: [50, 50, 50] },
      ],
    });
    expect(result.correlations.matrix).toEqual([
      [1, null],
      [null, null],
    ]);
    // stdev_rising = 100, stdev_flat = 0, stdev_T = 100 → 1
    expect(result.diversificationRatio).toBe(1);
  });

  it("a two-month window has no correlations at all", () => {
    const result = computeRisk({
      months: ["2024-01", "2024-02"],
      total: [100, 300],
      streams: [{ id: "a", income: [100, 300] }],
    });
    expect(result.correlations).toEqual({ streamIds: ["a"], matrix: [[null]] });
  });

  it("a one-month window: no spread, no trend, no ratio", () => {
    const result = computeRisk({ months: ["2024-06"], total: [700], streams: [{ id: "a", income: [700] }] });
    expect(result).toMatchObject({
      mean: 700,
      stdev: null,
      cv: null,
      trendSlope: null,
      maxDrawdown: 0,
      worstMonth: { month: "2024-06", income: 700 },
      diversificationRatio: null,
      streamsStdevSum: null, // one month: no stdev
    });
  });
});

describe("worstMonth and diversificationRatio", () => {
  it("the smallest month, the earliest on a tie", () => {
    expect(worstMonth(["2024-01", "2024-02", "2024-03", "2024-04"], [300, 100, 200, 100])).toEqual({
      month: "2024-02",
      income: 100,
    });
  });

  it("a refund month can be the worst", () => {
    expect(worstMonth(["2024-01", "2024-02"], [0, -40])).toEqual({ month: "2024-02", income: -40 });
  });

  it("null without a portfolio spread", () => {
    expect(diversificationRatio([5], [[5]])).toBeNull();
    expect(diversificationRatio([5, 5], [[5, 5]])).toBeNull();
  });
});
