import { comparedWithUsFamilies } from "@/lib/metrics/reference";
import { describe, expect, it } from "vitest";
import { correlationBand, hhiBand, hhiEdges, scoreBand, typicalRange, widestMixGap } from "@/lib/metrics/bands";

describe("hhiBand: the effective-streams rule's status read as an HHI band", () => {
  it.each([
    ["pass", "diversified"],
    ["warn", "moderate"],
    ["fail", "concentrated"],
    ["n/a", null],
    [undefined, null],
  ] as const)("%s → %s", (status, band) => {
    expect(hhiBand(status)).toBe(band);
  });

  it("puts the rule's thresholds on the HHI scale (1 / effective streams), within 0..1", () => {
    // defaults: pass at ≥ 3 streams → HHI ≤ 1/3; warn at ≥ 2 → HHI ≤ 1/2
    expect(hhiEdges({ pass: 3, warn: 2 })).toEqual({ diversified: 1 / 3, concentrated: 0.5 });
    // a threshold of one stream (or less) is the whole index
    expect(hhiEdges({ pass: 1, warn: 0.5 })).toEqual({ diversified: 1, concentrated: 1 });
  });
});

describe("scoreBand", () => {
  it.each([
    [100, "strong"],
    [80, "strong"],
    [79, "moderate"],
    [50, "moderate"],
    [49, "fragile"],
    [0, "fragile"],
  ] as const)("%i → %s", (score, band) => {
    expect(scoreBand(score)).toBe(band);
  });
});

describe("correlationBand: strong from |r| ≥ 0.5, unrelated below 0.2", () => {
  it.each([
    [1, "together"],
    [0.5, "together"],
    [0.4999, "loosely-together"],
    [0.2, "loosely-together"],
    [0.1999, "unrelated"],
    [0, "unrelated"],
    [-0.1999, "unrelated"],
    [-0.2, "loosely-opposite"],
    [-0.5, "opposite"],
    [-1, "opposite"],
    [null, "n/a"],
  ] as const)("%s → %s", (r, band) => {
    expect(correlationBand(r)).toBe(band);
  });
});

describe("typicalRange: mean ± one stdev, floored at 0", () => {
  it.each([
    ["a spread", 5000, 1000, { low: 4000, high: 6000 }],
    ["a spread wider than the mean", 800, 1000, { low: 0, high: 1800 }],
    ["no spread (every month the same)", 5000, 0, null],
    ["one month (no stdev)", 5000, null, null],
    ["no months", null, null, null],
  ])("%s", (_name, mean, stdev, expected) => {
    expect(typicalRange(mean, stdev)).toEqual(expected);
  });
});

describe("widestMixGap: the role furthest from its target share", () => {
  it("finds the largest absolute difference, signed (above target positive)", () => {
    // anchor 0.7 vs 0.5 → +0.2; growth 0.2 vs 0.3 → −0.1; speculative 0.1 vs 0.2 → −0.1
    expect(widestMixGap({ anchor: 0.7, growth: 0.2, speculative: 0.1 }, { anchor: 0.5, growth: 0.3, speculative: 0.2 })).toEqual({
      role: "anchor",
      diff: expect.closeTo(0.2, 12),
    });
    // a role with no income counts as 0: speculative 0 vs 0.4 → −0.4
    expect(widestMixGap({ anchor: 0.6, growth: 0.4 }, { anchor: 0.4, growth: 0.2, speculative: 0.4 })).toEqual({
      role: "speculative",
      diff: -0.4,
    });
  });

  it("a matching mix has a gap of 0; no target, no gap", () => {
    expect(widestMixGap({ anchor: 0.5, growth: 0.5, speculative: 0 }, { anchor: 0.5, growth: 0.5, speculative: 0 })).toEqual({
      role: "anchor",
      diff: 0,
    });
    expect(widestMixGap({ anchor: 1 }, null)).toBeNull();
  });
});

describe("the US family income reference (JPMorgan Chase Institute, cv 0.36)", () => {
  it.each([
    [0.12, "below"],
    [0.355, "about the same as"],
    [0.364, "about the same as"],
    [0.365, "above"],
    [1.4, "above"],
    [0, "below"],
  ] as const)("a cv of %s is %s it", (cv, words) => {
    expect(comparedWithUsFamilies(cv)).toBe(words);
  });
});
