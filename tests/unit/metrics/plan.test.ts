import { describe, expect, it } from "vitest";
import { computePlan, forecast, ols, salary } from "@/lib/metrics/plan";

/** Every expected figure is worked out by hand in the comments (METRICS.md *Planning*). */

const close = (actual: number | null, expected: number) => {
  expect(actual).not.toBeNull();
  expect(actual!).toBeCloseTo(expected, 9);
};

describe("OLS fit", () => {
  it("x = 100, 200, 400: b = 150, a = 233.33 − 150 = 83.33, residuals 16.67, −33.33, 16.67", () => {
    // t − mean(t) = −1, 0, 1; covariance = 133.33 + 166.67 = 300 over a time variance of 2 → b = 150
    const fit = ols([100, 200, 400]);
    close(fit.b, 150);
    close(fit.a, 250 / 3);
    fit.residuals.forEach((r, i) => close(r, [50 / 3, -100 / 3, 50 / 3][i]!));
  });

  it("two months fit exactly; one is refused", () => {
    const fit = ols([100, 300]);
    close(fit.b, 200);
    close(fit.a, 100);
    expect(fit.residuals).toEqual([0, 0]);
    expect(() => ols([5])).toThrow(RangeError);
  });
});

describe("forecast", () => {
  const growing = { id: "a", name: "Consulting", unscheduled: [100, 200, 400], scheduled: [0, 0] };

  it("n = 3: the trend continued, with the residuals' 10th and 90th percentiles as the range", () => {
    // f(k) = 83.33 + 150 · (2 + k): 533.33, 683.33
    // residuals sorted −33.33, 16.67, 16.67: q_0.1 (h = 0.2) = −33.33 + 0.2 · 50 = −23.33; q_0.9 (h = 1.8) = 16.67
    const got = forecast("2026-12", 2, 3, [growing]);
    const [jan, feb] = got.streams[0]!.months;
    expect(jan!.month).toBe("2027-01");
    expect(feb!.month).toBe("2027-02");
    close(jan!.expected, 1600 / 3);
    close(jan!.low, 1600 / 3 - 70 / 3); // 510
    close(jan!.high, 1600 / 3 + 50 / 3); // 550
    close(feb!.expected, 2050 / 3);
    close(feb!.low, 2050 / 3 - 70 / 3); // 660
    close(feb!.high, 2050 / 3 + 50 / 3); // 700
  });

  it("clamps a falling trend at zero, and the low end too", () => {
    // x = 300, 200, 100: b = −100, a = 200 + 100 = 300; f(1) = max(0, 300 − 300) = 0, f(2) = max(0, −100) = 0;
    // a straight line leaves residuals 0, 0, 0.
    const got = forecast("2026-12", 2, 3, [{ id: "s", name: "Old course", unscheduled: [300, 200, 100], scheduled: [0, 25] }]);
    expect(got.streams[0]!.months).toEqual([
      { month: "2027-01", expected: 0, low: 0, high: 0, scheduled: 0 },
      { month: "2027-02", expected: 25, low: 25, high: 25, scheduled: 25 },
    ]);
  });

  it("n = 1 or 2: the mean, with no range; n = 0: only what is scheduled", () => {
    // mean(100, 300) = 200
    expect(forecast("2026-12", 1, 2, [{ id: "s", name: "S", unscheduled: [100, 300], scheduled: [0] }]).months).toEqual([
      { month: "2027-01", expected: 200, low: null, high: null, scheduled: 0 },
    ]);
    expect(forecast("2026-12", 1, 1, [{ id: "s", name: "S", unscheduled: [500], scheduled: [40] }]).months).toEqual([
      { month: "2027-01", expected: 540, low: null, high: null, scheduled: 40 },
    ]);
    expect(forecast("2026-12", 2, 0, [{ id: "s", name: "S", unscheduled: [], scheduled: [3000, 3000] }]).months).toEqual([
      { month: "2027-01", expected: 3000, low: null, high: null, scheduled: 3000 },
      { month: "2027-02", expected: 3000, low: null, high: null, scheduled: 3000 },
    ]);
  });

  it("the portfolio's range comes from the residuals of the summed series, not from the streams' ranges", () => {
    // B: 50, 50, 50 → f = 50, residuals 0, and a $1,000 occurrence due in January.
    // U = 150, 250, 450 → b = 150, a = 283.33 − 150 = 133.33, residuals 16.67, −33.33, 16.67 (as A's).
    // Jan: Σf = 533.33 + 50 = 583.33 → expected 1,583.33, low max(0, 583.33 − 23.33) + 1,000 = 1,560, high 583.33 + 16.67 + 1,000 = 1,600.
    // Feb: Σf = 683.33 + 50 = 733.33 → expected 733.33, low 710, high 750.
    const got = forecast("2026-12", 2, 3, [growing, { id: "b", name: "Templates", unscheduled: [50, 50, 50], scheduled: [1000, 0] }]);
    expect(got.streams.map((s) => s.name)).toEqual(["Consulting", "Templates"]);
    const [jan, feb] = got.months;
    close(jan!.expected, 4750 / 3);
    close(jan!.low, 1560);
    close(jan!.high, 1600);
    expect(jan!.scheduled).toBe(1000);
    close(feb!.expected, 2200 / 3);
    close(feb!.low, 710);
    close(feb!.high, 750);
    expect(feb!.scheduled).toBe(0);
  });

  it("crosses a year end, and refuses a horizon outside 1..24 or series of the wrong length", () => {
    expect(forecast("2026-11", 3, 0, []).months.map((m) => m.month)).toEqual(["2026-12", "2027-01", "2027-02"]);
    expect(() => forecast("2026-12", 0, 0, [])).toThrow(RangeError);
    expect(() => forecast("2026-12", 25, 0, [])).toThrow(RangeError);
    expect(() => forecast("2026-12", 2, 3, [{ ...growing, scheduled: [0] }])).toThrow(RangeError);
  });
});

describe("salary", () => {
  const net = [1000, -500, 2000, 800];

  it("the lowest running average through the buffer decides, capped by the mean", () => {
    // B = 0: running sums 1000, 500, 2500, 3300 → averages 1000, 250, 833.33, 825; min 250; mean 825 → 250.
    expect(salary(net, null, null)).toEqual({ sustainable: 250, buffer: null, target: null, bufferNeeded: null, monthsCovered: null });
    // B = 1,200: averages 2200, 850, 1233.33, 1125 → min 850; the mean 825 is lower → 825.
    expect(salary(net, 1200, null).sustainable).toBe(825);
  });

  it("is 0, not negative, for a history that lost money, and null without history", () => {
    // running −100, −300 → averages −100, −150; mean −150 → max(0, −150) = 0
    expect(salary([-100, -200], 0, null).sustainable).toBe(0);
    expect(salary([], 5000, 3000).sustainable).toBeNull();
  });

  it("the buffer a salary needs, counting a negative month, and the months it was covered", () => {
    // S = 800: j·S − Σ N = 800 − 1000 = −200, 1600 − 500 = 1100, 2400 − 2500 = −100, 3200 − 3300 = −100 → 1,100.
    // Months with N ≥ 800: 1000, 2000, 800 → 3.
    expect(salary(net, 0, 800)).toEqual({ sustainable: 250, buffer: 0, target: 800, bufferNeeded: 1100, monthsCovered: 3 });
    // A salary every month covered needs no buffer.
    expect(salary([900, 900], null, 500)).toMatchObject({ bufferNeeded: 0, monthsCovered: 2 });
  });
});

describe("scheduled sums stay exact", () => {
  it("leaves out an occurrence that would carry a month past 2^53 minor units, and says so", () => {
    const big = 1e15; // 9 of them fit (9e15 < 2^53 ≈ 9.007e15); the 10th would not, nor would the 11th
    const plan = computePlan({
      today: "2026-12-03",
      currency: "USD",
      firstMonth: null,
      horizon: 2,
      streams: [
        { id: "a", name: "A", status: "active" },
        { id: "b", name: "B", status: "active" },
      ],
      streamMonths: [],
      scheduledIncomeMonths: [],
      scheduledOccurrences: [
        ...Array.from({ length: 5 }, () => ({ streamId: "a", month: "2027-01", amount: big })),
        ...Array.from({ length: 6 }, () => ({ streamId: "b", month: "2027-01", amount: big })),
        { streamId: "b", month: "2027-01", amount: 1 }, // still fits: 9e15 + 1
        { streamId: "a", month: "2027-02", amount: 7 },
      ],
      incomeDates: [],
      cashBuffer: null,
      salaryTarget: null,
      warnings: [],
    });
    const jan = plan.forecast.months[0]!;
    expect(jan.scheduled).toBe(9e15 + 1);
    expect(Number.isSafeInteger(jan.scheduled)).toBe(true);
    expect(plan.forecast.streams.map((s) => s.months[0]!.scheduled)).toEqual([5e15, 4e15 + 1]);
    expect(plan.forecast.months[1]!.scheduled).toBe(7);
    expect(plan.warnings).toEqual([{ code: "total-too-large", currency: "USD", count: 2 }]);
  });
});
