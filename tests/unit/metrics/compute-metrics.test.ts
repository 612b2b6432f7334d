import { describe, expect, it } from "vitest";
import { computeMetrics } from "@/lib/metrics/compute-metrics";
import type { MetricsInput, StreamInfo } from "@/lib/metrics/types";

const stream = (id: string, name: string, extra: Partial<StreamInfo> = {}): StreamInfo => ({
  id,
  name,
  kind: "freelance",
  role: "growth",
  platform: null,
  archived: false,
  ...extra,
});

// Today is after the window and the first transaction is at its start: every month is an analysis month.
const baseInput = (overrides: Partial<MetricsInput>): MetricsInput => ({
  window: { from: "2024-01", to: "2024-03" },
  today: "2024-04-15",
  firstMonth: "2024-01",
  incomeAfterToday: [],
  settings: { baseCurrency: "EUR", essentialMonthlyExpenses: null, cashBuffer: null, thresholds: {} },
  streams: [],
  streamMonths: [],
  clients: [],
  platforms: [],
  minutes: [],
  goals: [],
  warnings: [],
  ...overrides,
});

describe("computeMetrics edge cases", () => {
  it("a one-month window: figures that need spread or history are null", () => {
    const result = computeMetrics(
      baseInput({
        window: { from: "2024-03", to: "2024-03" },
        streams: [stream("a", "A"), stream("b", "B")],
        streamMonths: [
          { streamId: "a", month: "2024-03", income: 600, expenses: 0 },
          { streamId: "b", month: "2024-03", income: 400, expenses: 0 },
        ],
      }),
    );
    expect(result.window.months).toBe(1);
    expect(result.risk).toMatchObject({ mean: 1000, stdev: null, cv: null, trendSlope: null, maxDrawdown: 0 });
    expect(result.risk.diversificationRatio).toBeNull();
    expect(result.risk.correlations.matrix).toEqual([
      [null, null],
      [null, null],
    ]);
    expect(result.streams[0]).toMatchObject({ id: "a", mean: 600, stdev: null, cv: null, trendSlope: null });
    expect(result.rules.find((r) => r.id === "income-volatility")?.status).toBe("n/a");
    // shares still exist: .6 and .4
    expect(result.diversification.topStreamShare).toBe(0.6);
  });

  it("all-zero months: no shares, every rule n/a, no score", () => {
    const result = computeMetrics(baseInput({ streams: [stream("a", "A")] }));
    expect(result.totals).toEqual({ income: 0, expenses: 0, net: 0, hours: 0, hourlyRate: null });
    expect(result.monthly.map((m) => m.income)).toEqual([0, 0, 0]);
    expect(result.streams[0]).toMatchObject({ share: null, mean: 0, stdev: 0, cv: null, maxDrawdown: 0 });
    expect(result.diversification).toMatchObject({ hhi: null, effectiveStreams: null, topStreamShare: null, byKind: [], byRole: [] });
    expect(result.diversification.byMonth.map((m) => [m.hhi, m.effectiveStreams])).toEqual([
      [null, null],
      [null, null],
      [null, null],
    ]);
    expect(result.concentration.client).toMatchObject({ top1Share: null, count: null });
    expect(result.resilience.lossOfLargestStream).toEqual({
      key: null,
      remainingMonthlyIncome: null,
      shareLost: null,
      coverage: null,
      runwayMonths: null,
    });
    expect(result.rules.every((r) => r.status === "n/a")).toBe(true);
    expect(result.resilienceScore).toBeNull();
  });

  it("all-zero months with E* set: anchor coverage 0 fails, the score is 0", () => {
    const result = computeMetrics(
      baseInput({
        streams: [stream("a", "A", { role: "anchor" })],
        settings: { baseCurrency: "EUR", essentialMonthlyExpenses: 1000, cashBuffer: 3000, thresholds: {} },
      }),
    );
    expect(result.resilience).toMatchObject({ anchorCoverage: 0, runwayMonths: 3, sustainable: false });
    expect(result.rules.filter((r) => r.status !== "n/a").map((r) => r.id)).toEqual(["anchor-coverage"]);
    expect(result.resilienceScore).toBe(0);
  });

  it("a stream with negative total income counts in T but not in T+", () => {
    // A earns 900; B was refunded 300 more than it sold: T = 600, T+ = 900
    const result = computeMetrics(
      baseInput({
        streams: [stream("a", "A"), stream("b", "B")],
        streamMonths: [
          { streamId: "a", month: "2024-01", income: 900, expenses: 0 },
          { streamId: "b", month: "2024-01", income: 100, expenses: 0 },
          { streamId: "b", month: "2024-02", income: -400, expenses: 0 },
        ],
        clients: [{ key: "x", display: "X", income: 450 }],
      }),
    );
    expect(result.totals.income).toBe(600);
    expect(result.streams.map((s) => [s.id, s.income, s.share])).toEqual([
      ["a", 900, 1],
      ["b", -300, null],
    ]);
    expect(result.diversification).toMatchObject({ hhi: 1, effectiveStreams: 1, topStreamShare: 1 });
    // the client's share is of T+: 450/900
    expect(result.concentration.client.top1Share).toBe(0.5);
    // losing A: monthlyIncome × (1 − shareLost) = 600/3 × (1 − 900/900) = 0 a month (METRICS.md's
    // formula; (T − I_A)/n would say −100, as if B's refunds were still to come)
    expect(result.resilience.lossOfLargestStream).toMatchObject({ key: "a", remainingMonthlyIncome: 0, shareLost: 1 });
  });

  it("ties: streams by name, the largest stream by name, the worst month the earliest", () => {
    const result = computeMetrics(
      baseInput({
        streams: [stream("id-b", "Beta"), stream("id-a", "Alpha"), stream("id-c", "Gamma")],
        streamMonths: [
          { streamId: "id-b", month: "2024-01", income: 500, expenses: 0 },
          { streamId: "id-a", month: "2024-02", income: 500, expenses: 0 },
          { streamId: "id-c", month: "2024-03", income: 100, expenses: 0 },
        ],
      }),
    );
    expect(result.streams.map((s) => s.name)).toEqual(["Alpha", "Beta", "Gamma"]);
    expect(result.resilience.lossOfLargestStream.key).toBe("id-a");
    // T = 500, 500, 100
    expect(result.risk.worstMonth).toEqual({ month: "2024-03", income: 100 });
    const tied = computeMetrics(baseInput({ streams: [stream("a", "A")] }));
    expect(tied.risk.worstMonth).toEqual({ month: "2024-01", income: 0 });
  });

  it("lists archived streams only when they have data in the window", () => {
    const result = computeMetrics(
      baseInput({
        streams: [
          stream("live", "Live"),
          stream("silent", "Silent archive", { archived: true }),
          stream("refunded", "Refunded archive", { archived: true }),
          stream("timed", "Timed archive", { archived: true }),
          stream("old", "Old archive", { archived: true }),
        ],
        streamMonths: [
          // a sale and its refund: the total is 0 but the months are not
          { streamId: "refunded", month: "2024-01", income: 200, expenses: 0 },
          { streamId: "refunded", month: "2024-02", income: -200, expenses: 0 },
          // a zero row is not data
          { streamId: "silent", month: "2024-02", income: 0, expenses: 0 },
          // outside the window
          { streamId: "old", month: "2023-12", income: 999, expenses: 0 },
        ],
        minutes: [{ streamId: "timed", minutes: 30 }],
      }),
    );
    expect(result.streams.map((s) => s.id).sort()).toEqual(["live", "refunded", "timed"]);
    expect(result.totals.income).toBe(0);
  });

  it("ignores rows outside the window or of unknown streams, and adds up repeated rows", () => {
    const result = computeMetrics(
      baseInput({
        streams: [stream("a", "A")],
        streamMonths: [
          { streamId: "a", month: "2024-02", income: 100, expenses: 10 },
          { streamId: "a", month: "2024-02", income: 50, expenses: 5 },
          { streamId: "a", month: "2024-04", income: 1000, expenses: 0 },
          { streamId: "ghost", month: "2024-02", income: 1000, expenses: 0 },
        ],
        minutes: [
          { streamId: "a", minutes: 60 },
          { streamId: "a", minutes: 30 },
          { streamId: "ghost", minutes: 600 },
        ],
      }),
    );
    expect(result.monthly).toEqual([
      { month: "2024-01", income: 0, expenses: 0, net: 0 },
      { month: "2024-02", income: 150, expenses: 15, net: 135 },
      { month: "2024-03", income: 0, expenses: 0, net: 0 },
    ]);
    // 90 minutes = 1.5 h; 135 / 1.5 = 90
    expect(result.totals).toEqual({ income: 150, expenses: 15, net: 135, hours: 1.5, hourlyRate: 90 });
  });

  it("nothing attributed to clients: the figures say 0, the rule is n/a and says why", () => {
    const result = computeMetrics(
      baseInput({
        streams: [stream("a", "A")],
        streamMonths: [{ streamId: "a", month: "2024-01", income: 100, expenses: 0 }],
      }),
    );
    expect(result.concentration.client).toEqual({
      hhi: null,
      top1Share: 0,
      top3Share: 0,
      unattributedShare: 1,
      count: 0,
      items: [],
    });
    // unattributedShare 1 > 0.5: the figure would describe a minority of the income
    expect(result.rules.find((r) => r.id === "client-concentration")).toMatchObject({ value: null, status: "n/a", reason: "unattributed" });
    expect(result.resilience.lossOfLargestClient.key).toBeNull();
  });

  it("goals only for listed streams and the portfolio", () => {
    const result = computeMetrics(
      baseInput({
        streams: [stream("a", "A"), stream("gone", "Gone", { archived: true })],
        streamMonths: [{ streamId: "a", month: "2024-03", income: 100, expenses: 0 }],
        goals: [
          { streamId: "gone", targetMinor: 50, effectiveFrom: "2024-01" },
          { streamId: "a", targetMinor: 200, effectiveFrom: "2024-03" },
        ],
        today: "2024-03-31",
      }),
    );
    // today is March 31: nothing can come after day 31 in January or February, so projected = 100 + 0.
    // March is today's month → current, neither hit nor missed: no hit rate yet
    expect(result.goals).toEqual({
      hitRate: null,
      months: [{ month: "2024-03", streamId: "a", target: 200, actual: 100, progress: 0.5, projected: 100, status: "current" }],
    });
  });

  it("merges warnings per currency in currency order", () => {
    const result = computeMetrics(
      baseInput({
        warnings: [
          { code: "missing-fx-rate", currency: "JPY", count: 1 },
          { code: "missing-fx-rate", currency: "CHF", count: 2 },
          { code: "missing-fx-rate", currency: "JPY", count: 3 },
        ],
      }),
    );
    expect(result.warnings).toEqual([
      { code: "missing-fx-rate", currency: "CHF", count: 2 },
      { code: "missing-fx-rate", currency: "JPY", count: 4 },
    ]);
  });

  it("user thresholds reach the rules", () => {
    const result = computeMetrics(
      baseInput({
        streams: [stream("a", "A")],
        streamMonths: [{ streamId: "a", month: "2024-01", income: 100, expenses: 0 }],
        settings: {
          baseCurrency: "EUR",
          essentialMonthlyExpenses: null,
          cashBuffer: null,
          thresholds: { "stream-concentration": { pass: 1, warn: 1 } },
        },
      }),
    );
    // one stream: top share 1, effective streams 1
    expect(result.rules.find((r) => r.id === "stream-concentration")).toMatchObject({ value: 1, status: "pass", pass: 1 });
    expect(result.rules.find((r) => r.id === "effective-streams")).toMatchObject({ value: 1, status: "fail" });
  });

  it.each([
    ["a reversed window", { from: "2024-03", to: "2024-01" }, "2024-03-01"],
    ["a malformed month", { from: "2024-3", to: "2024-04" }, "2024-03-01"],
    ["an impossible today", { from: "2024-01", to: "2024-03" }, "2023-02-29"],
  ])("refuses %s", (_name, window, today) => {
    expect(() => computeMetrics(baseInput({ window, today }))).toThrow(RangeError);
  });
});
