import { describe, expect, it } from "vitest";
import { computeMetrics } from "@/lib/metrics/compute-metrics";
import { computeTax } from "@/lib/metrics/tax";
import type { MetricsInput } from "@/lib/metrics/types";

/** METRICS.md *Tax set-aside*, worked by hand in the comments (base minor units). */
describe("tax set-aside", () => {
  it("a loss in one stream offsets another's gain within the month; a month never goes negative", () => {
    // Jan: A (default 25%) nets 1000 − 200 = 800 → 200; B (its own 30%) nets 100 − 500 = −400 → −120; 200 − 120 = 80.
    // Feb: A nets −100 → −25; B nets 0 → max(0, −25) = 0. Net over both months 300 → after tax 220.
    const tax = computeTax(
      ["2026-01", "2026-02"],
      [
        { rate: null, income: [1000, 0], expenses: [200, 100] },
        { rate: 0.3, income: [100, 0], expenses: [500, 0] },
      ],
      0.25,
      300,
    );
    expect(tax.byMonth).toEqual([
      { month: "2026-01", setAside: expect.closeTo(80, 9) },
      { month: "2026-02", setAside: 0 },
    ]);
    expect(tax.setAside).toBeCloseTo(80, 9);
    expect(tax.afterTaxNet).toBeCloseTo(220, 9);
  });

  it("without a default, a stream without its own rate sets nothing aside; a rate of 0 is a rate", () => {
    const tax = computeTax(
      ["2026-01"],
      [
        { rate: null, income: [1000], expenses: [0] },
        { rate: 0, income: [500], expenses: [0] },
      ],
      null,
      1500,
    );
    expect(tax).toEqual({ setAside: 0, afterTaxNet: 1500, byMonth: [{ month: "2026-01", setAside: 0 }] });
    // a stream's own 0 beats a default of 40%: only the other stream's 1000 × 0.4 = 400 is set aside
    expect(
      computeTax(
        ["2026-01"],
        [
          { rate: null, income: [1000], expenses: [0] },
          { rate: 0, income: [500], expenses: [0] },
        ],
        0.4,
        1500,
      ).setAside,
    ).toBeCloseTo(400, 9);
  });

  it("is part of the metrics response over every month of the window, archived streams included", () => {
    // Window Jan–Feb. Consulting (its own 20%) nets 10000 in Jan; Old (archived, default 50%) nets 2000 in Feb.
    // Jan: 2000; Feb: 1000 → 3000 set aside; net 12000 → after tax 9000.
    const input: MetricsInput = {
      window: { from: "2026-01", to: "2026-02" },
      today: "2026-03-10",
      firstMonth: "2026-01",
      settings: { baseCurrency: "USD", essentialMonthlyExpenses: null, cashBuffer: null, thresholds: {}, taxRate: 0.5 },
      streams: [
        { id: "c", name: "Consulting", kind: "freelance", role: "anchor", platform: null, archived: false, taxRate: 0.2 },
        { id: "o", name: "Old", kind: "other", role: "growth", platform: null, archived: true, taxRate: null },
      ],
      streamMonths: [
        { streamId: "c", month: "2026-01", income: 10000, expenses: 0 },
        { streamId: "o", month: "2026-02", income: 2000, expenses: 0 },
      ],
      clients: [],
      platforms: [],
      incomeAfterToday: [],
      minutes: [],
      goals: [],
      warnings: [],
    };
    expect(computeMetrics(input).tax).toEqual({
      setAside: 3000,
      afterTaxNet: 9000,
      byMonth: [
        { month: "2026-01", setAside: 2000 },
        { month: "2026-02", setAside: 1000 },
      ],
    });
  });
});
