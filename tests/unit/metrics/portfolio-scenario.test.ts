import { describe, expect, it } from "vitest";
import { computeMetrics } from "@/lib/metrics/compute-metrics";
import type { MetricsInput } from "@/lib/metrics/types";

/**
 * Three streams over four months, two clients, two platforms, a portfolio goal and a stream goal.
 * Every expected figure below is worked out by hand in the comments.
 *
 *               Jan    Feb    Mar    Apr   | I_s    X_s   net_s  minutes
 * Consulting   2000   2000   1000   3000   | 8000   200   7800   6000 (100 h)   expenses 100, 0, 0, 100
 * Course        500   1000   1500   1000   | 4000   200   3800   1200 (20 h)    expenses 50 each month
 * YouTube       500      0    500   1000   | 2000     0   2000   —
 * T(m)         3000   3000   3000   5000   | T = 14000 = T+,  X = 400,  net = 13600,  120 h
 *
 * Today is in May and the first transaction was in January, so every month of the window is an
 * analysis month (F = 2024-01 <= m < 2024-05): window figures and analysis figures coincide.
 */
const input: MetricsInput = {
  window: { from: "2024-01", to: "2024-04" },
  today: "2024-05-10",
  firstMonth: "2024-01",
  incomeAfterToday: [],
  settings: { baseCurrency: "USD", essentialMonthlyExpenses: 3000, cashBuffer: 6000, thresholds: {} },
  streams: [
    { id: "yt", name: "YouTube", kind: "content", role: "speculative", platform: "YouTube", archived: false },
    { id: "consult", name: "Consulting", kind: "freelance", role: "anchor", platform: null, archived: false, color: "#2166c4" },
    { id: "old", name: "Old blog", kind: "content", role: "speculative", platform: null, archived: true },
    { id: "course", name: "Course", kind: "product", role: "growth", platform: "Gumroad", archived: false },
  ],
  streamMonths: [
    { streamId: "consult", month: "2024-01", income: 2000, expenses: 100 },
    { streamId: "consult", month: "2024-02", income: 2000, expenses: 0 },
    { streamId: "consult", month: "2024-03", income: 1000, expenses: 0 },
    { streamId: "consult", month: "2024-04", income: 3000, expenses: 100 },
    { streamId: "course", month: "2024-01", income: 500, expenses: 50 },
    { streamId: "course", month: "2024-02", income: 1000, expenses: 50 },
    { streamId: "course", month: "2024-03", income: 1500, expenses: 50 },
    { streamId: "course", month: "2024-04", income: 1000, expenses: 50 },
    { streamId: "yt", month: "2024-01", income: 500, expenses: 0 },
    { streamId: "yt", month: "2024-03", income: 500, expenses: 0 },
    { streamId: "yt", month: "2024-04", income: 1000, expenses: 0 },
  ],
  clients: [
    { key: "globex", display: "Globex", income: 3000 },
    { key: "acme", display: "Acme", income: 6000 },
  ],
  platforms: [
    { key: "youtube", display: "YouTube", income: 2000 },
    { key: "gumroad", display: "Gumroad", income: 4000 },
  ],
  minutes: [
    { streamId: "consult", minutes: 6000 },
    { streamId: "course", minutes: 1200 },
  ],
  goals: [
    { streamId: null, targetMinor: 3500, effectiveFrom: "2024-01" },
    { streamId: "course", targetMinor: 1000, effectiveFrom: "2024-02" },
  ],
  warnings: [{ code: "missing-fx-rate", currency: "GBP", count: 2 }],
  // YouTube brings students to the course, the course brings consulting clients; the archived blog has no
  // data in the window, so it is not listed and its link is dropped.
  feedLinks: [
    { from: "course", to: "consult" },
    { from: "yt", to: "course" },
    { from: "yt", to: "old" },
  ],
};

// √(2000000/3): Consulting's deviations from 2000 are 0, 0, −1000, 1000
const STDEV_CONSULT = 816.496580927726;
// √(500000/3): Course's deviations from 1000 are −500, 0, 500, 0; YouTube's from 500 are 0, −500, 0, 500
const STDEV_SMALL = 408.248290463863;

describe("a three-stream portfolio over four months", () => {
  const result = computeMetrics(input);

  it("window, currency, totals and the monthly series", () => {
    expect(result.window).toEqual({ from: "2024-01", to: "2024-04", months: 4 });
    expect(result.currency).toBe("USD");
    // hourly: 13600 / 120 h = 340/3
    expect(result.totals).toEqual({ income: 14000, expenses: 400, net: 13600, hours: 120, hourlyRate: 340 / 3 });
    expect(result.monthly).toEqual([
      { month: "2024-01", income: 3000, expenses: 150, net: 2850 },
      { month: "2024-02", income: 3000, expenses: 50, net: 2950 },
      { month: "2024-03", income: 3000, expenses: 50, net: 2950 },
      { month: "2024-04", income: 5000, expenses: 150, net: 4850 },
    ]);
  });

  it("streams: by income, the archived one without data left out", () => {
    expect(result.streams.map((s) => s.id)).toEqual(["consult", "course", "yt"]);
    const close = (value: number) => expect.closeTo(value, 9);
    expect(result.streams).toEqual([
      {
        id: "consult",
        name: "Consulting",
        kind: "freelance",
        role: "anchor",
        platform: null,
        color: "#2166c4",
        income: 8000,
        expenses: 200,
        net: 7800,
        share: 4 / 7, // 8000 / 14000
        hours: 100,
        hourlyRate: 78, // 7800 / 100
        mean: 2000,
        stdev: close(STDEV_CONSULT),
        cv: close(STDEV_CONSULT / 2000), // 0.40824829
        // Σ(t − 1.5)(x − 2000) = 0 + 0 + 0.5·(−1000) + 1.5·1000 = 1000; / Σ(t − 1.5)² = 5
        trendSlope: 200,
        maxDrawdown: 0.5, // peak 2000 → 1000 in March
        monthly: [
          { month: "2024-01", income: 2000, expenses: 100, net: 1900 },
          { month: "2024-02", income: 2000, expenses: 0, net: 2000 },
          { month: "2024-03", income: 1000, expenses: 0, net: 1000 },
          { month: "2024-04", income: 3000, expenses: 100, net: 2900 },
        ],
      },
      {
        id: "course",
        name: "Course",
        kind: "product",
        role: "growth",
        platform: "Gumroad",
        color: null,
        income: 4000,
        expenses: 200,
        net: 3800,
        share: 2 / 7,
        hours: 20,
        hourlyRate: 190, // 3800 / 20
        mean: 1000,
        stdev: close(STDEV_SMALL),
        cv: close(STDEV_SMALL / 1000), // 0.40824829
        // 1.5·500 + 0.5·500 = 1000; / 5
        trendSlope: 200,
        maxDrawdown: 1 / 3, // peak 1500 → 1000 in April
        monthly: [
          { month: "2024-01", income: 500, expenses: 50, net: 450 },
          { month: "2024-02", income: 1000, expenses: 50, net: 950 },
          { month: "2024-03", income: 1500, expenses: 50, net: 1450 },
          { month: "2024-04", income: 1000, expenses: 50, net: 950 },
        ],
      },
      {
        id: "yt",
        name: "YouTube",
        kind: "content",
        role: "speculative",
        platform: "YouTube",
        color: null,
        income: 2000,
        expenses: 0,
        net: 2000,
        share: 1 / 7,
        hours: 0,
        hourlyRate: null,
        mean: 500,
        stdev: close(STDEV_SMALL),
        cv: close(STDEV_SMALL / 500), // 0.81649658
        // (−0.5)(−500) + 1.5·500 = 1000; / 5
        trendSlope: 200,
        maxDrawdown: 1, // peak 500 → 0 in February
        monthly: [
          { month: "2024-01", income: 500, expenses: 0, net: 500 },
          { month: "2024-02", income: 0, expenses: 0, net: 0 },
          { month: "2024-03", income: 500, expenses: 0, net: 500 },
          { month: "2024-04", income: 1000, expenses: 0, net: 1000 },
        ],
      },
    ]);
  });

  it("diversification", () => {
    // shares 4/7, 2/7, 1/7: hhi = (16 + 4 + 1)/49 = 3/7; effective = 7/3
    expect(result.diversification).toEqual({
      hhi: 3 / 7,
      effectiveStreams: 7 / 3,
      topStreamShare: 4 / 7,
      byKind: [
        { key: "freelance", income: 8000, share: 4 / 7 },
        { key: "product", income: 4000, share: 2 / 7 },
        { key: "content", income: 2000, share: 1 / 7 },
      ],
      byRole: [
        { key: "anchor", income: 8000, share: 4 / 7 },
        { key: "growth", income: 4000, share: 2 / 7 },
        { key: "speculative", income: 2000, share: 1 / 7 },
      ],
      // month by month (Consulting, Course, YouTube):
      // Jan 2000/500/500 of 3000: (4 + .25 + .25)/9 = 1/2 → 2 streams
      // Feb 2000/1000/0 of 3000: (4 + 1)/9 = 5/9 → 9/5
      // Mar 1000/1500/500 of 3000: (1 + 2.25 + .25)/9 = 7/18 → 18/7
      // Apr 3000/1000/1000 of 5000: (9 + 1 + 1)/25 = 11/25 → 25/11
      byMonth: [
        { month: "2024-01", hhi: 1 / 2, effectiveStreams: 2 },
        { month: "2024-02", hhi: 5 / 9, effectiveStreams: 9 / 5 },
        { month: "2024-03", hhi: 7 / 18, effectiveStreams: 18 / 7 },
        { month: "2024-04", hhi: 11 / 25, effectiveStreams: 25 / 11 },
      ],
      links: [
        { from: "course", to: "consult" },
        { from: "yt", to: "course" },
      ],
      // YouTube reaches the course and, through it, consulting: 1/7 + 2/7 + 4/7 = 1 of the income depends on
      // it; the course reaches consulting: 2/7 + 4/7 = 6/7.
      feeders: [
        { id: "yt", reaches: ["course", "consult"], shareAtRisk: expect.closeTo(1, 12) },
        { id: "course", reaches: ["consult"], shareAtRisk: expect.closeTo(6 / 7, 12) },
      ],
    });
  });

  it("concentration", () => {
    // clients: 6000 + 3000 of 14000; hhi (36 + 9)/81 = 5/9
    // platforms: 4000 + 2000 of 14000; hhi (16 + 4)/36 = 5/9
    expect(result.concentration).toEqual({
      client: {
        hhi: 5 / 9,
        top1Share: 3 / 7,
        top3Share: 9 / 14,
        unattributedShare: 5 / 14,
        count: 2,
        items: [
          { key: "Acme", income: 6000, share: 3 / 7 },
          { key: "Globex", income: 3000, share: 3 / 14 },
        ],
      },
      platform: {
        hhi: 5 / 9,
        top1Share: 2 / 7,
        top3Share: 3 / 7,
        unattributedShare: 4 / 7,
        count: 2,
        items: [
          { key: "Gumroad", income: 4000, share: 2 / 7 },
          { key: "YouTube", income: 2000, share: 1 / 7 },
        ],
      },
    });
  });

  it("risk", () => {
    // T = 3000, 3000, 3000, 5000: mean 3500; deviations −500 ×3, 1500 → Σ² = 3000000 / 3 → stdev 1000
    // cv = 1000/3500 = 2/7; slope (0.75 + 0.25 − 0.25 + 2.25)·1000/5 = 600
    // diversification ratio = (√(2e6/3) + 2√(5e5/3)) / 1000 = 4√(5e5/3)/1000 = 1.6329932
    // correlations (deviation vectors c = 0,0,−1000,1000; d = −500,0,500,0; y = 0,−500,0,500):
    //   c·d = −500000 / √(2e6 · 5e5) = −0.5;  c·y = 500000 / 1e6 = 0.5;  d·y = 0
    expect(result.risk).toEqual({
      mean: 3500,
      stdev: 1000,
      cv: 2 / 7,
      trendSlope: 600,
      maxDrawdown: 0,
      worstMonth: { month: "2024-01", income: 3000 }, // a three-way tie: the earliest
      diversificationRatio: expect.closeTo(1.6329932, 7),
      streamsStdevSum: expect.closeTo(STDEV_CONSULT + 2 * STDEV_SMALL, 9),
      correlations: {
        streamIds: ["consult", "course", "yt"],
        matrix: [
          [1, expect.closeTo(-0.5, 12), expect.closeTo(0.5, 12)],
          [expect.closeTo(-0.5, 12), 1, 0],
          [expect.closeTo(0.5, 12), 0, 1],
        ],
      },
    });
  });

  it("resilience", () => {
    // monthly 14000/4 = 3500; anchor (Consulting) 8000/4/3000 = 2/3
    // lose Consulting: (14000 − 8000)/4 = 1500 a month, 8000/14000 = 4/7 lost, 1500/3000 = 0.5 covered
    // runway 6000 / (3000 − 1500) = 4 months
    // lose Acme: 8000/4 = 2000, 3/7 lost, 2/3 covered; lose Gumroad: 10000/4 = 2500, 2/7, 5/6
    // card runways: 6000/(3000−1500) = 4; 6000/(3000−2000) = 6; 6000/(3000−2500) = 12
    expect(result.resilience).toEqual({
      monthlyIncome: 3500,
      essentialMonthlyExpenses: 3000,
      anchorCoverage: 2 / 3,
      runwayMonths: 4,
      sustainable: false,
      lossOfLargestStream: { key: "consult", remainingMonthlyIncome: 1500, shareLost: 4 / 7, coverage: 0.5, runwayMonths: 4 },
      lossOfLargestClient: { key: "Acme", remainingMonthlyIncome: 2000, shareLost: 3 / 7, coverage: 2 / 3, runwayMonths: 6 },
      lossOfLargestPlatform: { key: "Gumroad", remainingMonthlyIncome: 2500, shareLost: 2 / 7, coverage: 5 / 6, runwayMonths: 12 },
    });
  });

  it("history: four analysis months", () => {
    expect(result.history).toEqual({ firstMonth: "2024-01", analysisMonths: 4, from: "2024-01", to: "2024-04" });
  });

  it("goals", () => {
    // portfolio 3500 from January; Course 1000 from February; every month is over (today is in May), so
    // none is projected. Hits: Course Feb, Course Mar, portfolio Apr, Course Apr → 4 of 7
    // status: portfolio Jan–Mar fell short → missed; the rest hit
    expect(result.goals).toEqual({
      hitRate: 4 / 7,
      months: [
        { month: "2024-01", streamId: null, target: 3500, actual: 3000, progress: 6 / 7, projected: null, status: "missed" },
        { month: "2024-02", streamId: null, target: 3500, actual: 3000, progress: 6 / 7, projected: null, status: "missed" },
        { month: "2024-02", streamId: "course", target: 1000, actual: 1000, progress: 1, projected: null, status: "hit" },
        { month: "2024-03", streamId: null, target: 3500, actual: 3000, progress: 6 / 7, projected: null, status: "missed" },
        { month: "2024-03", streamId: "course", target: 1000, actual: 1500, progress: 1.5, projected: null, status: "hit" },
        { month: "2024-04", streamId: null, target: 3500, actual: 5000, progress: 10 / 7, projected: null, status: "hit" },
        { month: "2024-04", streamId: "course", target: 1000, actual: 1000, progress: 1, projected: null, status: "hit" },
      ],
    });
  });

  it("rules and the score", () => {
    // 4/7 = .571 warn; 3/7 = .429 warn (5/14 unattributed: checked); platforms leave 4/7 > 1/2 of the
    // income unattributed → n/a; 7/3 = 2.33 warn; 2/7 = .286 warn; 2/3 warn; 0.5 < 0.6 fail
    // → 0 pass, 5 warns, 1 fail of 6 applicable: 100 × 2.5 / 6 = 41.67 → 42
    expect(result.rules).toEqual([
      { id: "stream-concentration", status: "warn", value: 4 / 7, pass: 0.5, warn: 0.7, direction: "max", reason: null },
      { id: "client-concentration", status: "warn", value: 3 / 7, pass: 0.3, warn: 0.5, direction: "max", reason: null },
      { id: "platform-concentration", status: "n/a", value: null, pass: 0.4, warn: 0.6, direction: "max", reason: "unattributed" },
      { id: "effective-streams", status: "warn", value: 7 / 3, pass: 3, warn: 2, direction: "min", reason: null },
      { id: "income-volatility", status: "warn", value: 2 / 7, pass: 0.25, warn: 0.5, direction: "max", reason: null },
      { id: "anchor-coverage", status: "warn", value: 2 / 3, pass: 1, warn: 0.5, direction: "min", reason: null },
      { id: "largest-loss-coverage", status: "fail", value: 0.5, pass: 1, warn: 0.6, direction: "min", reason: null },
    ]);
    expect(result.resilienceScore).toBe(42);
  });

  it("warnings pass through", () => {
    expect(result.warnings).toEqual([{ code: "missing-fx-rate", currency: "GBP", count: 2 }]);
  });

  it("has exactly the contract's top-level fields", () => {
    expect(Object.keys(result).sort()).toEqual(
      [
        "window",
        "currency",
        "history",
        "totals",
        "monthly",
        "streams",
        "diversification",
        "concentration",
        "risk",
        "resilience",
        "goals",
        "rules",
        "resilienceScore",
        "tax",
        "warnings",
      ].sort(),
    );
  });

  it("sets nothing aside without a tax rate", () => {
    expect(result.tax).toEqual({
      setAside: 0,
      afterTaxNet: 13600,
      byMonth: ["2024-01", "2024-02", "2024-03", "2024-04"].map((month) => ({ month, setAside: 0 })),
    });
  });
});
