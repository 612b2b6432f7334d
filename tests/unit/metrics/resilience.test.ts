import { describe, expect, it } from "vitest";
import { computeResilience, type ResilienceInput } from "@/lib/metrics/resilience";

// Four months, T = 4000 (all positive so T+ = 4000), the largest stream earned 2500,
// anchors 2000, the largest client 1000, the largest platform 3000.
const base: ResilienceInput = {
  total: 4000,
  positiveTotal: 4000,
  months: 4,
  essentialMonthlyExpenses: 600,
  cashBuffer: 1200,
  anchorIncome: 2000,
  largestStream: { key: "stream-1", income: 2500 },
  largestClient: { key: "Acme", income: 1000 },
  largestPlatform: { key: "Etsy", income: 3000 },
};

describe("resilience stress tests", () => {
  it("a portfolio that cannot survive its largest stream", () => {
    // monthly 4000/4 = 1000; anchor 2000/4/600 = 5/6
    // stream: remaining (4000−2500)/4 = 375; lost 2500/4000 = .625; coverage 375/600 = .625
    // runway: 600 > 375 → 1200 / (600 − 375) = 16/3
    // client: remaining 3000/4 = 750; lost .25; coverage 750/600 = 1.25
    // platform: remaining 1000/4 = 250; lost .75; coverage 250/600 = 5/12
    // each card's runway: stream 1200/(600−375) = 16/3; client 750 ≥ 600 → none; platform 1200/(600−250) = 24/7
    expect(computeResilience(base)).toEqual({
      monthlyIncome: 1000,
      essentialMonthlyExpenses: 600,
      anchorCoverage: 5 / 6,
      runwayMonths: 16 / 3,
      sustainable: false,
      lossOfLargestStream: { key: "stream-1", remainingMonthlyIncome: 375, shareLost: 0.625, coverage: 0.625, runwayMonths: 16 / 3 },
      lossOfLargestClient: { key: "Acme", remainingMonthlyIncome: 750, shareLost: 0.25, coverage: 1.25, runwayMonths: null },
      lossOfLargestPlatform: { key: "Etsy", remainingMonthlyIncome: 250, shareLost: 0.75, coverage: 5 / 12, runwayMonths: 24 / 7 },
    });
  });

  it.each([
    // remaining after the loss is 375 a month
    ["income above E*", 300, 1200, { runwayMonths: null, sustainable: true }],
    ["income exactly E* (E* > remaining is false)", 375, 1200, { runwayMonths: null, sustainable: true }],
    ["short, with no buffer set", 600, null, { runwayMonths: null, sustainable: false }],
    ["short, with an empty buffer", 600, 0, { runwayMonths: 0, sustainable: false }],
    // 1000 / (500 − 375) = 8
    ["short by 125", 500, 1000, { runwayMonths: 8, sustainable: false }],
    ["E* unset: unknown", null, 1200, { runwayMonths: null, sustainable: null }],
    ["E* 0: nothing to cover", 0, 1200, { runwayMonths: null, sustainable: true }],
  ] as const)("runway: %s", (_name, essential, cashBuffer, expected) => {
    const result = computeResilience({ ...base, essentialMonthlyExpenses: essential, cashBuffer });
    expect({ runwayMonths: result.runwayMonths, sustainable: result.sustainable }).toEqual(expected);
  });

  it.each([null, 0])("every coverage is null when E* is %s", (essential) => {
    const result = computeResilience({ ...base, essentialMonthlyExpenses: essential });
    expect(result.anchorCoverage).toBeNull();
    expect(result.lossOfLargestStream.coverage).toBeNull();
    expect(result.lossOfLargestClient.coverage).toBeNull();
    expect(result.lossOfLargestPlatform.coverage).toBeNull();
    expect(result.essentialMonthlyExpenses).toBe(essential);
    // the other figures do not depend on E*
    expect(result.lossOfLargestStream.remainingMonthlyIncome).toBe(375);
  });

  it("nothing attributed to clients or platforms: null cards, not a safe-looking full coverage", () => {
    const result = computeResilience({ ...base, largestClient: undefined, largestPlatform: undefined });
    const empty = { key: null, remainingMonthlyIncome: null, shareLost: null, coverage: null, runwayMonths: null };
    expect(result.lossOfLargestClient).toEqual(empty);
    expect(result.lossOfLargestPlatform).toEqual(empty);
  });

  it("no earning stream: null loss card, runway from current income", () => {
    // T = 0, nothing to lose: runway = 1200 / (600 − 0) = 2
    const result = computeResilience({
      ...base,
      total: 0,
      positiveTotal: 0,
      anchorIncome: 0,
      largestStream: undefined,
      largestClient: undefined,
      largestPlatform: undefined,
    });
    expect(result.lossOfLargestStream).toEqual({
      key: null,
      remainingMonthlyIncome: null,
      shareLost: null,
      coverage: null,
      runwayMonths: null,
    });
    expect(result.monthlyIncome).toBe(0);
    expect(result.anchorCoverage).toBe(0);
    expect(result.runwayMonths).toBe(2);
    expect(result.sustainable).toBe(false);
  });

  it("net refunds: a negative income deepens the shortfall", () => {
    // one month, T = −100: runway = 1000 / (500 − −100) = 5/3
    const result = computeResilience({
      ...base,
      total: -100,
      positiveTotal: 0,
      months: 1,
      essentialMonthlyExpenses: 500,
      cashBuffer: 1000,
      anchorIncome: -100,
      largestStream: undefined,
      largestClient: undefined,
      largestPlatform: undefined,
    });
    expect(result.runwayMonths).toBe(5 / 3);
    // −100 / 1 / 500
    expect(result.anchorCoverage).toBe(-0.2);
  });
});
