import { describe, expect, it } from "vitest";
import { fractionFromPercent, percentFromFraction } from "@/lib/tax-rate";

describe("tax rates typed as percentages", () => {
  it.each([
    ["25", "0.25"],
    ["7.25", "0.0725"],
    ["25 %", "0.25"],
    ["7,5", "0.075"],
    ["0", "0"],
    ["100", "1"],
    ["", null],
    ["  ", null],
  ])("%j → %j", (typed, fraction) => {
    expect(fractionFromPercent(typed)).toBe(fraction);
  });

  it.each(["101", "-5", "7.255", "abc", "0.5.5", "1e2"])("refuses %j", (typed) => {
    expect(fractionFromPercent(typed)).toBeUndefined();
  });

  it("shows a stored fraction as the percentage typed", () => {
    expect(percentFromFraction(0.0725)).toBe("7.25");
    expect(percentFromFraction(0.25)).toBe("25");
    expect(percentFromFraction(1)).toBe("100");
    expect(percentFromFraction(null)).toBe("");
  });
});
