import { describe, expect, it } from "vitest";
import { cv, maxDrawdown, mean, pearson, stdev, trendSlope } from "@/lib/metrics/statistics";

describe("statistics of a monthly series", () => {
  it.each([
    {
      name: "a steady climb",
      // mean 200; deviations −100, 0, 100 → Σ² = 20000 / (3−1) → stdev 100; cv 100/200
      // slope: Σ(t−1)(x−200) = 100 + 0 + 100 = 200 over Σ(t−1)² = 2 → 100
      values: [100, 200, 300],
      expected: { mean: 200, stdev: 100, cv: 0.5, trendSlope: 100, maxDrawdown: 0 },
    },
    {
      name: "a fall to zero",
      // mean 200; deviations 200, −100, 100, −200 → Σ² = 100000 / 3 → stdev √33333.33 = 182.5741858
      // cv 182.5741858 / 200 = 0.9128709; slope: (−1.5·200 −0.5·−100 +0.5·100 +1.5·−200) / 5 = −500/5
      // running peak 400: drawdowns 0, .75, .25, 1
      values: [400, 100, 300, 0],
      expected: { mean: 200, stdev: 182.5741858, cv: 0.9128709, trendSlope: -100, maxDrawdown: 1 },
    },
    {
      name: "all-zero months",
      values: [0, 0, 0],
      expected: { mean: 0, stdev: 0, cv: null, trendSlope: 0, maxDrawdown: 0 },
    },
    {
      name: "a one-month window",
      values: [500],
      expected: { mean: 500, stdev: null, cv: null, trendSlope: null, maxDrawdown: 0 },
    },
    {
      name: "a losing series (negative mean has no cv)",
      // mean −75; deviations ∓25 → Σ² = 1250 / 1 → stdev 35.3553391; peaks never positive → drawdown 0
      values: [-100, -50],
      expected: { mean: -75, stdev: 35.3553391, cv: null, trendSlope: 50, maxDrawdown: 0 },
    },
    {
      name: "a constant positive series",
      values: [250, 250, 250, 250],
      expected: { mean: 250, stdev: 0, cv: 0, trendSlope: 0, maxDrawdown: 0 },
    },
  ])("$name", ({ values, expected }) => {
    expect(mean(values)).toBeCloseTo(expected.mean, 6);
    const close = (actual: number | null, wanted: number | null) =>
      wanted === null ? expect(actual).toBeNull() : expect(actual).toBeCloseTo(wanted, 6);
    close(stdev(values), expected.stdev);
    close(cv(values), expected.cv);
    close(trendSlope(values), expected.trendSlope);
    expect(maxDrawdown(values)).toBeCloseTo(expected.maxDrawdown, 9);
  });

  it("the mean of an empty series is an error, not NaN", () => {
    expect(() => mean([])).toThrow(RangeError);
  });
});

describe("maxDrawdown takes only months with a positive running peak", () => {
  it.each([
    // peaks 0, 0 (skipped), 200, 200, 200 → (200−50)/200 = .75, (200−100)/200 = .5
    ["zeros before the first income", [0, -50, 200, 50, 100], 0.75],
    // a refund month below zero falls more than the whole peak: (100 − −50)/100
    ["a negative month", [100, -50], 1.5],
    ["a rising series", [1, 2, 3, 4], 0],
    // two falls: 300→150 (.5) then peak 400→100 (.75)
    ["the deeper of two falls", [300, 150, 400, 100], 0.75],
  ])("%s", (_name, values, expected) => {
    expect(maxDrawdown(values)).toBe(expected);
  });
});

describe("pearson", () => {
  it.each([
    ["perfectly together", [1, 2, 3], [2, 4, 6], 1],
    ["perfectly opposed", [1, 2, 3], [6, 4, 2], -1],
    // means 2.5; dx = −1.5,−.5,.5,1.5; dy = −1.5,.5,−.5,1.5 → sxy 4, sxx 5, syy 5 → 4/5
    ["partly together", [1, 2, 3, 4], [1, 3, 2, 4], 0.8],
    // dx = 50,−50,50,−50; dy = −50,−50,50,50 → sxy 0
    ["unrelated", [100, 0, 100, 0], [0, 0, 100, 100], 0],
  ])("%s", (_name, xs, ys, expected) => {
    expect(pearson(xs, ys)).toBeCloseTo(expected, 12);
  });

  it.each([
    ["fewer than three months", [1, 2], [3, 4]],
    ["a flat series", [1, 2, 3], [5, 5, 5]],
    ["an all-zero series", [0, 0, 0], [1, 2, 3]],
  ])("null for %s", (_name, xs, ys) => {
    expect(pearson(xs, ys)).toBeNull();
  });
});
