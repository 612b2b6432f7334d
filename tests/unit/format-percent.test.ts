import { describe, expect, it } from "vitest";
import { formatPercent } from "@/lib/format";

describe("formatPercent", () => {
  it("says a small share that would round to nothing is under the smallest step, not 0%", () => {
    expect(formatPercent(0.0046)).toBe("<1%");
    expect(formatPercent(0.0004, 1)).toBe("<0.1%");
    expect(formatPercent(-0.001)).toBe(">-1%");
  });

  it("keeps 0 as 0%, and rounds everything else as before", () => {
    expect(formatPercent(0)).toBe("0%");
    expect(formatPercent(0.005)).toBe("1%");
    expect(formatPercent(0.123)).toBe("12%");
    expect(formatPercent(0.1234, 1)).toBe("12.3%");
    expect(formatPercent(null)).toBe("—");
  });
});
