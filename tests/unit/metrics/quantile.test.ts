import { describe, expect, it } from "vitest";
import { quantile } from "@/lib/metrics/quantile";

// METRICS.md, Quantiles and fits: sort ascending into y_0..y_{n-1}, h = (n − 1) · p,
// q = y_floor(h) + (h − floor(h)) · (y_ceil(h) − y_floor(h)) (numpy's default, Excel's PERCENTILE.INC).
describe("quantile (numpy's default)", () => {
  it.each([
    // n = 1: h = 0 · 0.9 = 0 → y_0 = 7
    [[7], 0.9, 7],
    // y = [1, 2, 3], h = 2 · 0.5 = 1 → y_1 = 2
    [[3, 1, 2], 0.5, 2],
    // y = [1, 2, 3, 4], h = 3 · 0.9 = 2.7 → 3 + 0.7 · (4 − 3) = 3.7
    [[1, 2, 3, 4], 0.9, 3.7],
    // y = [1, 2, 3, 4, 10], h = 4 · 0.9 = 3.6 → 4 + 0.6 · (10 − 4) = 7.6
    [[10, 1, 4, 2, 3], 0.9, 7.6],
    // y = [5, 5, 5], h = 2 · 0.1 = 0.2 → 5 + 0.2 · (5 − 5) = 5
    [[5, 5, 5], 0.1, 5],
  ])("q(%j, %s) = %s", (values, p, expected) => {
    expect(quantile(values, p)).toBeCloseTo(expected, 12);
  });

  it.each([
    // p = 0 is the minimum: y = [1, 2, 3, 4, 10], h = 4 · 0 = 0 → y_0 = 1
    ["p = 0 is the minimum", [10, 1, 4, 2, 3], 0, 1],
    // p = 1 is the maximum: y = [1, 2, 3, 4, 10], h = 4 · 1 = 4 → y_4 = 10
    ["p = 1 is the maximum", [10, 1, 4, 2, 3], 1, 10],
    // negative values (residuals): y = [−300, −50, 100, 250], h = 3 · 0 = 0 → −300; h = 3 · 1 = 3 → 250
    ["p = 0 of negatives", [100, -300, 250, -50], 0, -300],
    ["p = 1 of negatives", [100, -300, 250, -50], 1, 250],
    // n = 2: y = [10, 20], h = 1 · 0.1 = 0.1 → 10 + 0.1 · (20 − 10) = 11
    ["n = 2, p = 0.1", [10, 20], 0.1, 11],
    // n = 2: y = [10, 20], h = 1 · 0.9 = 0.9 → 10 + 0.9 · (20 − 10) = 19
    ["n = 2, p = 0.9", [10, 20], 0.9, 19],
    // n = 2 given descending: sorted first, y = [10, 20], h = 0.1 → 11
    ["n = 2 unsorted, p = 0.1", [20, 10], 0.1, 11],
    // n = 2 with negatives: y = [−300, 100], h = 0.1 → −300 + 0.1 · 400 = −260; h = 0.9 → −300 + 0.9 · 400 = 60
    ["n = 2 negatives, p = 0.1", [100, -300], 0.1, -260],
    ["n = 2 negatives, p = 0.9", [100, -300], 0.9, 60],
    // n = 1: h = 0 · p = 0 at every p → y_0
    ["n = 1, p = 0", [7], 0, 7],
    ["n = 1, p = 1", [7], 1, 7],
    ["n = 1 negative, p = 0.1", [-42], 0.1, -42],
    // repeated values: y = [1, 2, 2, 2, 9]
    //   p = 0.25: h = 4 · 0.25 = 1 → y_1 = 2
    //   p = 0.5:  h = 2 → y_2 = 2
    //   p = 0.7:  h = 2.8 → 2 + 0.8 · (2 − 2) = 2 (both neighbours are the repeated value)
    //   p = 0.9:  h = 3.6 → 2 + 0.6 · (9 − 2) = 6.2
    ["repeated values, p = 0.25", [2, 9, 2, 1, 2], 0.25, 2],
    ["repeated values, p = 0.5", [2, 9, 2, 1, 2], 0.5, 2],
    ["repeated values, p = 0.7", [2, 9, 2, 1, 2], 0.7, 2],
    ["repeated values, p = 0.9", [2, 9, 2, 1, 2], 0.9, 6.2],
    // two repeated blocks: y = [3, 3, 8, 8], h = 3 · 0.5 = 1.5 → 3 + 0.5 · (8 − 3) = 5.5
    ["two repeated blocks, p = 0.5", [8, 3, 8, 3], 0.5, 5.5],
    // all equal at the edges: y = [4, 4, 4, 4], h = 0 → 4; h = 3 → 4
    ["all equal, p = 0", [4, 4, 4, 4], 0, 4],
    ["all equal, p = 1", [4, 4, 4, 4], 1, 4],
  ])("%s: q(%j, %s) = %s", (_name, values, p, expected) => {
    expect(quantile(values, p)).toBeCloseTo(expected, 12);
  });

  it("does not reorder the caller's sample", () => {
    const gaps = [10, 1, 4];
    quantile(gaps, 0.5);
    expect(gaps).toEqual([10, 1, 4]);
  });

  it("refuses an empty sample", () => {
    expect(() => quantile([], 0.5)).toThrow(RangeError);
  });

  it.each([-0.1, 1.1, Number.NaN])("refuses p = %s, which is not a probability", (p) => {
    expect(() => quantile([1, 2], p)).toThrow(RangeError);
  });
});
