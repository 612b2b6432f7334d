import { describe, expect, it } from "vitest";
import { computeMetrics } from "@/lib/metrics/compute-metrics";
import type { MetricsInput } from "@/lib/metrics/types";

/**
 * A newcomer who started recording in September 2026, seen on 2 December 2026 through a 12-month window
 * that holds the eight months before they started and the two-day-old current month. Every expected
 * figure is worked out by hand in the comments.
 *
 *                         Jan–Aug   Sep    Oct    Nov  | Dec (so far) | over A = Sep–Nov
 * Acme retainer (anchor)     0     4000   4000   4000  |   4000 (1st) |  12000
 * Studio work (growth)       0     2500   3000   2800  |      0       |   8300   paid on the 20th
 * Templates (speculative)    0      300    500    400  |     50       |   1200   Etsy payouts
 * T(m)                       0     6800   7500   7200  |   4050       |  21500 = T+
 * Templates' Etsy fees: 30 in each of Sep–Nov, 5 in December.
 *
 * F = 2026-09; analysis months A = Sep, Oct, Nov (n_A = 3): January–August are before F, December is
 * not over.
 */
const input: MetricsInput = {
  window: { from: "2026-01", to: "2026-12" },
  today: "2026-12-02",
  firstMonth: "2026-09",
  settings: { baseCurrency: "USD", essentialMonthlyExpenses: 5000, cashBuffer: 15000, thresholds: {} },
  streams: [
    { id: "tpl", name: "Templates", kind: "product", role: "speculative", platform: "Etsy", archived: false },
    { id: "acme", name: "Acme retainer", kind: "freelance", role: "anchor", platform: null, archived: false },
    { id: "studio", name: "Studio work", kind: "freelance", role: "growth", platform: null, archived: false },
  ],
  streamMonths: [
    { streamId: "acme", month: "2026-09", income: 4000, expenses: 0 },
    { streamId: "acme", month: "2026-10", income: 4000, expenses: 0 },
    { streamId: "acme", month: "2026-11", income: 4000, expenses: 0 },
    { streamId: "acme", month: "2026-12", income: 4000, expenses: 0 },
    { streamId: "studio", month: "2026-09", income: 2500, expenses: 0 },
    { streamId: "studio", month: "2026-10", income: 3000, expenses: 0 },
    { streamId: "studio", month: "2026-11", income: 2800, expenses: 0 },
    { streamId: "tpl", month: "2026-09", income: 300, expenses: 30 },
    { streamId: "tpl", month: "2026-10", income: 500, expenses: 30 },
    { streamId: "tpl", month: "2026-11", income: 400, expenses: 30 },
    { streamId: "tpl", month: "2026-12", income: 50, expenses: 5 },
  ],
  // over the analysis months only (lib/data aggregates them that way): December's income is not here
  clients: [
    { key: "acme", display: "Acme", income: 12000 },
    { key: "globex", display: "Globex", income: 8300 },
  ],
  platforms: [{ key: "etsy", display: "Etsy", income: 1200 }],
  minutes: [],
  // income dated after day 2 in Sep–Nov: Studio's payments on the 20th; Templates' payouts on Sep 15,
  // Oct 25 (the other 200 of October came on the 1st) and Nov 10. Acme always pays on the 1st.
  incomeAfterToday: [
    { streamId: "studio", month: "2026-09", income: 2500 },
    { streamId: "tpl", month: "2026-09", income: 300 },
    { streamId: "studio", month: "2026-10", income: 3000 },
    { streamId: "tpl", month: "2026-10", income: 300 },
    { streamId: "studio", month: "2026-11", income: 2800 },
    { streamId: "tpl", month: "2026-11", income: 400 },
  ],
  goals: [
    { streamId: null, targetMinor: 7000, effectiveFrom: "2026-09" },
    { streamId: "acme", targetMinor: 4000, effectiveFrom: "2026-01" },
  ],
  warnings: [],
};

const close = (value: number) => expect.closeTo(value, 9);
// Studio over A: 2500, 3000, 2800, mean 8300/3; deviations −800/3, 700/3, 100/3 → Σ² = 1140000/9 → /2
const STDEV_STUDIO = Math.sqrt(1_140_000 / 18); // 251.66114784
// T over A: 6800, 7500, 7200, mean 21500/3; deviations −1100/3, 1000/3, 100/3 → Σ² = 2220000/9 → /2
const STDEV_T = Math.sqrt(2_220_000 / 18); // 351.18845315

describe("a newcomer with three recorded months in a 12-month window", () => {
  const result = computeMetrics(input);

  it("says what the figures rest on", () => {
    expect(result.history).toEqual({ firstMonth: "2026-09", analysisMonths: 3, from: "2026-09", to: "2026-11" });
    expect(result.window).toEqual({ from: "2026-01", to: "2026-12", months: 12 });
  });

  it("money uses every month of the window, December's first two days included", () => {
    // income 6800 + 7500 + 7200 + 4050 = 25550; expenses 3 × 30 + 5 = 95
    expect(result.totals).toEqual({ income: 25550, expenses: 95, net: 25455, hours: 0, hourlyRate: null });
    expect(result.monthly).toHaveLength(12);
    expect(result.monthly[0]).toEqual({ month: "2026-01", income: 0, expenses: 0, net: 0 });
    expect(result.monthly[11]).toEqual({ month: "2026-12", income: 4050, expenses: 5, net: 4045 });
    // the streams' money is over the window too (ordered by it), their shares over A
    expect(result.streams.map((s) => [s.id, s.income, s.expenses, s.share])).toEqual([
      ["acme", 16000, 0, 24 / 43], // 12000 / 21500
      ["studio", 8300, 0, 83 / 215], // 8300 / 21500
      ["tpl", 1250, 95, 12 / 215], // 1200 / 21500
    ]);
  });

  it("each stream's statistics are over A", () => {
    const [acme, studio, tpl] = result.streams;
    // a flat retainer: no spread, no trend, no drawdown
    expect(acme).toMatchObject({ mean: 4000, stdev: 0, cv: 0, trendSlope: 0, maxDrawdown: 0 });
    // slope: (2800 − 2500)/2 = 150; drawdown from 3000 to 2800 = 1/15
    expect(studio).toMatchObject({
      mean: close(8300 / 3),
      stdev: close(STDEV_STUDIO),
      cv: close(STDEV_STUDIO / (8300 / 3)),
      trendSlope: close(150),
      maxDrawdown: close(1 / 15),
    });
    // 300, 500, 400: mean 400, stdev √((10000 + 10000 + 0)/2) = 100, slope 50, drawdown 100/500
    expect(tpl).toMatchObject({ mean: 400, stdev: 100, cv: 0.25, trendSlope: 50, maxDrawdown: 0.2 });
  });

  it("diversification over A, month by month without the months before F or the current one", () => {
    // hhi = (12000² + 8300² + 1200²)/21500² = 214330000/462250000 = 21433/46225
    expect(result.diversification).toEqual({
      hhi: 21433 / 46225,
      effectiveStreams: 46225 / 21433,
      topStreamShare: 24 / 43,
      byKind: [
        { key: "freelance", income: 20300, share: 203 / 215 },
        { key: "product", income: 1200, share: 12 / 215 },
      ],
      byRole: [
        { key: "anchor", income: 12000, share: 24 / 43 },
        { key: "growth", income: 8300, share: 83 / 215 },
        { key: "speculative", income: 1200, share: 12 / 215 },
      ],
      byMonth: [
        // Sep (16 + 6.25 + 0.09)/46.24 = 1117/2312; Oct (16 + 9 + 0.25)/56.25 = 101/225; Nov (16 + 7.84 + 0.16)/51.84 = 25/54
        { month: "2026-09", hhi: 1117 / 2312, effectiveStreams: 2312 / 1117 },
        { month: "2026-10", hhi: 101 / 225, effectiveStreams: 225 / 101 },
        { month: "2026-11", hhi: 25 / 54, effectiveStreams: 54 / 25 },
      ],
      links: [],
      feeders: [],
    });
  });

  it("risk over A: no zero months before the start, and December is not the worst month", () => {
    // slope: centred t = −1, 0, 1 → (−1)(−1100/3) + (1)(100/3) = 400, / 2 = 200
    // drawdown: peak 7500 → 7200 = 0.04
    // diversification ratio (0 + 251.661 + 100) / 351.188 = 1.0013
    // Acme is flat: its correlations are undefined, the diagonal included. Studio × Templates:
    // deviations (−800/3, 700/3, 100/3) · (−100, 100, 0) = 50000 / √(1140000/9 × 20000) = 0.99339927
    expect(result.risk).toEqual({
      mean: close(21500 / 3),
      stdev: close(STDEV_T),
      cv: close(STDEV_T / (21500 / 3)), // 0.049003
      trendSlope: close(200),
      maxDrawdown: close(0.04),
      worstMonth: { month: "2026-09", income: 6800 },
      diversificationRatio: close((STDEV_STUDIO + 100) / STDEV_T),
      streamsStdevSum: close(STDEV_STUDIO + 100),
      correlations: {
        streamIds: ["acme", "studio", "tpl"],
        matrix: [
          [null, null, null],
          [null, 1, close(50000 / Math.sqrt((1_140_000 / 9) * 20000))],
          [null, close(50000 / Math.sqrt((1_140_000 / 9) * 20000)), 1],
        ],
      },
    });
  });

  it("concentration over A", () => {
    expect(result.concentration.client).toEqual({
      hhi: 21289 / 41209, // (12000² + 8300²)/20300²
      top1Share: 24 / 43,
      top3Share: 203 / 215,
      unattributedShare: 12 / 215, // Templates' 1200 names no client
      count: 2,
      items: [
        { key: "Acme", income: 12000, share: 24 / 43 },
        { key: "Globex", income: 8300, share: 83 / 215 },
      ],
    });
    // only Templates names a platform: 20300 of 21500 unattributed
    expect(result.concentration.platform).toMatchObject({ top1Share: 12 / 215, unattributedShare: 203 / 215, count: 1 });
  });

  it("resilience over A", () => {
    // monthly 21500/3 = 7166.67; lose Acme (24/43): 7166.67 × 19/43 = 9500/3 = 3166.67 a month,
    // coverage 3166.67/5000 = 19/30, runway 15000/(5000 − 9500/3) = 15000/(5500/3) = 90/11 months
    // lose Etsy (12/215): 7166.67 × 203/215 = 20300/3, coverage 203/150, income still covers E*
    // anchor: 12000/3/5000 = 0.8
    expect(result.resilience).toEqual({
      monthlyIncome: 21500 / 3,
      essentialMonthlyExpenses: 5000,
      anchorCoverage: 0.8,
      runwayMonths: 90 / 11,
      sustainable: false,
      lossOfLargestStream: { key: "acme", remainingMonthlyIncome: 9500 / 3, shareLost: 24 / 43, coverage: 19 / 30, runwayMonths: 90 / 11 },
      lossOfLargestClient: { key: "Acme", remainingMonthlyIncome: 9500 / 3, shareLost: 24 / 43, coverage: 19 / 30, runwayMonths: 90 / 11 },
      lossOfLargestPlatform: {
        key: "Etsy",
        remainingMonthlyIncome: 20300 / 3,
        shareLost: 12 / 215,
        coverage: 203 / 150,
        runwayMonths: null,
      },
    });
  });

  it("rules and a score from three complete months", () => {
    // stream 0.558 warn; client 0.558 fail; platform n/a (94% unattributed); effective 2.157 warn;
    // cv 0.049 pass; anchor 0.8 warn; largest loss 0.633 warn → 1 pass, 4 warns, 1 fail of 6:
    // 100 × 3 / 6 = 50
    expect(result.rules.map((r) => [r.id, r.status, r.reason])).toEqual([
      ["stream-concentration", "warn", null],
      ["client-concentration", "fail", null],
      ["platform-concentration", "n/a", "unattributed"],
      ["effective-streams", "warn", null],
      ["income-volatility", "pass", null],
      ["anchor-coverage", "warn", null],
      ["largest-loss-coverage", "warn", null],
    ]);
    expect(result.resilienceScore).toBe(50);
  });

  it("goals: no months before F, the current month projected from the income's own pattern", () => {
    // December so far 4050; after day 2 the portfolio usually earns (2500 + 300, 3000 + 300, 2800 + 400)
    // = 2800, 3300, 3200 → mean 3100, so 4050 + 3100 = 7150 (a straight line would say 4050 × 31/2 = 62775).
    // Acme pays on the 1st: nothing comes after day 2 → 4000.
    // Sep P 6800 < 7000 missed; every other finished month hit → 5 of 6
    expect(result.goals).toEqual({
      hitRate: 5 / 6,
      months: [
        { month: "2026-09", streamId: null, target: 7000, actual: 6800, progress: 6800 / 7000, projected: null, status: "missed" },
        { month: "2026-09", streamId: "acme", target: 4000, actual: 4000, progress: 1, projected: null, status: "hit" },
        { month: "2026-10", streamId: null, target: 7000, actual: 7500, progress: 7500 / 7000, projected: null, status: "hit" },
        { month: "2026-10", streamId: "acme", target: 4000, actual: 4000, progress: 1, projected: null, status: "hit" },
        { month: "2026-11", streamId: null, target: 7000, actual: 7200, progress: 7200 / 7000, projected: null, status: "hit" },
        { month: "2026-11", streamId: "acme", target: 4000, actual: 4000, progress: 1, projected: null, status: "hit" },
        { month: "2026-12", streamId: null, target: 7000, actual: 4050, progress: 4050 / 7000, projected: 7150, status: "current" },
        { month: "2026-12", streamId: "acme", target: 4000, actual: 4000, progress: 1, projected: 4000, status: "current" },
      ],
    });
  });

  it("the same figures as a window of the analysis months alone", () => {
    const analysisOnly = computeMetrics({ ...input, window: { from: "2026-09", to: "2026-11" } });
    for (const field of ["diversification", "concentration", "risk", "resilience", "rules", "resilienceScore", "history"] as const) {
      expect(analysisOnly[field]).toEqual(result[field]);
    }
  });
});

describe("the same newcomer earlier on", () => {
  it("two complete months (5 November): figures over Sep–Oct, no score yet", () => {
    const result = computeMetrics({
      ...input,
      window: { from: "2025-12", to: "2026-11" },
      today: "2026-11-05",
      clients: [
        { key: "acme", display: "Acme", income: 8000 },
        { key: "globex", display: "Globex", income: 5500 },
      ],
      platforms: [{ key: "etsy", display: "Etsy", income: 800 }],
      incomeAfterToday: [],
    });
    expect(result.history).toEqual({ firstMonth: "2026-09", analysisMonths: 2, from: "2026-09", to: "2026-10" });
    // T over A: 6800, 7500 → mean 7150, worst September
    expect(result.risk).toMatchObject({ mean: 7150, worstMonth: { month: "2026-09", income: 6800 } });
    // income-volatility still has a value (two months give a stdev), but no score below three months
    expect(result.rules.find((r) => r.id === "income-volatility")?.status).toBe("pass");
    expect(result.resilienceScore).toBeNull();
  });

  it("the first month, nothing complete yet: money is shown, every figure over A is null", () => {
    const result = computeMetrics({
      ...input,
      window: { from: "2026-09", to: "2026-09" },
      today: "2026-09-20",
      clients: [],
      platforms: [],
      incomeAfterToday: [],
      streamMonths: input.streamMonths.filter((r) => r.month === "2026-09"),
    });
    expect(result.history).toEqual({ firstMonth: "2026-09", analysisMonths: 0, from: null, to: null });
    expect(result.totals.income).toBe(6800);
    expect(result.streams.map((s) => [s.id, s.income, s.share, s.mean, s.maxDrawdown])).toEqual([
      ["acme", 4000, null, null, null],
      ["studio", 2500, null, null, null],
      ["tpl", 300, null, null, null],
    ]);
    expect(result.diversification).toEqual({
      hhi: null,
      effectiveStreams: null,
      topStreamShare: null,
      byKind: [],
      byRole: [],
      byMonth: [],
      links: [],
      feeders: [],
    });
    expect(result.risk).toMatchObject({ mean: null, stdev: null, maxDrawdown: null, worstMonth: null, diversificationRatio: null });
    expect(result.resilience).toMatchObject({ monthlyIncome: null, anchorCoverage: null, runwayMonths: null, sustainable: null });
    expect(result.resilience.lossOfLargestStream.key).toBeNull();
    expect(result.rules.every((r) => r.status === "n/a" && r.reason === "no-history")).toBe(true);
    expect(result.resilienceScore).toBeNull();
    // the goal shows September so far, with no complete month to project from
    expect(result.goals.months[0]).toMatchObject({ month: "2026-09", streamId: null, actual: 6800, projected: null, status: "current" });
  });
});
