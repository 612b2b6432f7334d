import { describe, expect, it } from "vitest";
import { bigSum, exactRatio } from "@/lib/metrics/exact-ratio";

describe("exactRatio: the nearest double to an exact fraction", () => {
  const big = 10n ** 30n;
  it.each([
    ["a third", 1n, 3n, 1 / 3],
    ["a whole quotient", 9n, 3n, 3],
    ["a negative", -1n, 2n, -0.5],
    ["a negative denominator", 1n, -4n, -0.25],
    ["zero", 0n, 5n, 0],
    // beyond 2^53 both sides: the slow path must agree with the fast one
    ["a third of huge numbers", big, 3n * big, 1 / 3],
    ["three from huge numbers", 3n * big, big, 3],
    // 1 + 2^−60 is closer to 1 than to the next double
    ["a hair above one", 2n ** 60n + 1n, 2n ** 60n, 1],
    // 2^53 + 0.5: ulp is 2 there, so the nearest is 2^53
    ["half an ulp above 2^53", 2n ** 54n + 1n, 2n, 2 ** 53],
    // 2^53 + 1: a tie between 2^53 and 2^53 + 2, to even → 2^53
    ["a tie to even", 2n ** 54n + 2n, 2n, 2 ** 53],
    // 2^53 + 1.5 → 2^53 + 2
    ["just past a tie", 2n ** 54n + 3n, 2n, 2 ** 53 + 2],
  ])("%s", (_name, numerator, denominator, expected) => {
    expect(exactRatio(numerator, denominator)).toBe(expected);
  });

  it("refuses a zero denominator", () => {
    expect(() => exactRatio(1n, 0n)).toThrow(RangeError);
  });

  it("bigSum adds integers exactly past 2^53", () => {
    expect(bigSum([Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, 2])).toBe(2n ** 54n);
  });
});
