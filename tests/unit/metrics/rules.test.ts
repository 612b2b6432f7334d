import { describe, expect, it } from "vitest";
import { evaluateRules, firstScoreMonth, resilienceScore, ruleStatus, type RuleValue } from "@/lib/metrics/rules";
import { DEFAULT_THRESHOLDS, RULE_IDS, type RuleId } from "@/lib/metrics/thresholds";
import type { RuleStatus } from "@/lib/metrics/types";

describe("default thresholds are the METRICS.md table", () => {
  it("lists the seven rules in order with their directions", () => {
    expect(RULE_IDS).toEqual([
      "stream-concentration",
      "client-concentration",
      "platform-concentration",
      "effective-streams",
      "income-volatility",
      "anchor-coverage",
      "largest-loss-coverage",
    ]);
    expect(DEFAULT_THRESHOLDS).toEqual({
      "stream-concentration": { direction: "max", pass: 0.5, warn: 0.7 },
      "client-concentration": { direction: "max", pass: 0.3, warn: 0.5 },
      "platform-concentration": { direction: "max", pass: 0.4, warn: 0.6 },
      "effective-streams": { direction: "min", pass: 3, warn: 2 },
      "income-volatility": { direction: "max", pass: 0.25, warn: 0.5 },
      "anchor-coverage": { direction: "min", pass: 1, warn: 0.5 },
      "largest-loss-coverage": { direction: "min", pass: 1, warn: 0.6 },
    });
  });
});

describe("ruleStatus: boundaries belong to the better status", () => {
  it.each([
    ["stream-concentration", 0.5, "pass"],
    ["stream-concentration", 0.5000001, "warn"],
    ["stream-concentration", 0.7, "warn"],
    ["stream-concentration", 0.71, "fail"],
    ["stream-concentration", null, "n/a"],
    ["client-concentration", 0, "pass"],
    ["client-concentration", 0.3, "pass"],
    ["client-concentration", 0.5, "warn"],
    ["client-concentration", 1, "fail"],
    ["platform-concentration", 0.6, "warn"],
    ["platform-concentration", 0.61, "fail"],
    ["effective-streams", 3, "pass"],
    ["effective-streams", 2.5, "warn"],
    ["effective-streams", 2, "warn"],
    ["effective-streams", 1.99, "fail"],
    ["income-volatility", 0.25, "pass"],
    ["income-volatility", 0.5, "warn"],
    ["income-volatility", 0.51, "fail"],
    ["anchor-coverage", 1, "pass"],
    ["anchor-coverage", 0.5, "warn"],
    ["anchor-coverage", 0, "fail"],
    ["largest-loss-coverage", 1.2, "pass"],
    ["largest-loss-coverage", 0.6, "warn"],
    ["largest-loss-coverage", 0.59, "fail"],
    ["largest-loss-coverage", null, "n/a"],
  ] as [RuleId, number | null, RuleStatus][])("%s = %s → %s", (id, value, status) => {
    expect(ruleStatus(value, DEFAULT_THRESHOLDS[id])).toBe(status);
  });
});

describe("evaluateRules", () => {
  const values: Record<RuleId, RuleValue> = {
    "stream-concentration": { value: 0.6 },
    "client-concentration": { value: null, reason: "unattributed" },
    "platform-concentration": { value: 0.2 },
    "effective-streams": { value: 1.5 },
    "income-volatility": { value: 0.3 },
    "anchor-coverage": { value: 1.5 },
    "largest-loss-coverage": { value: 0.7 },
  };

  it("user thresholds replace the numbers, never the direction", () => {
    const rules = evaluateRules(values, { "stream-concentration": { pass: 0.65, warn: 0.8 } });
    expect(rules).toEqual([
      { id: "stream-concentration", status: "pass", value: 0.6, pass: 0.65, warn: 0.8, direction: "max", reason: null },
      { id: "client-concentration", status: "n/a", value: null, pass: 0.3, warn: 0.5, direction: "max", reason: "unattributed" },
      { id: "platform-concentration", status: "pass", value: 0.2, pass: 0.4, warn: 0.6, direction: "max", reason: null },
      { id: "effective-streams", status: "fail", value: 1.5, pass: 3, warn: 2, direction: "min", reason: null },
      { id: "income-volatility", status: "warn", value: 0.3, pass: 0.25, warn: 0.5, direction: "max", reason: null },
      { id: "anchor-coverage", status: "pass", value: 1.5, pass: 1, warn: 0.5, direction: "min", reason: null },
      { id: "largest-loss-coverage", status: "warn", value: 0.7, pass: 1, warn: 0.6, direction: "min", reason: null },
    ]);
    // 3 passes, 2 warns over 6 applicable: 100 × 4 / 6 = 66.67 → 67
    expect(resilienceScore(rules, 3)).toBe(67);
    // the same rules over fewer than three analysis months: no score
    expect(resilienceScore(rules, 2)).toBeNull();
  });
});

describe("resilienceScore = round half up of 100 × (passes + warns/2) / applicable", () => {
  const statuses = (list: RuleStatus[]) => list.map((status) => ({ status }));
  it.each([
    ["all pass", ["pass", "pass", "pass"], 100],
    ["all fail", ["fail", "fail"], 0],
    // 100 × 0.5 / 4 = 12.5 → 13 (half up, not to even)
    ["a half rounds up", ["warn", "fail", "fail", "fail"], 13],
    // 100 × 1.5 / 4 = 37.5 → 38
    ["another half", ["pass", "warn", "fail", "fail"], 38],
    // 100 × 1 / 3 = 33.33 → 33
    ["a third", ["pass", "fail", "fail", "n/a"], 33],
    // 100 × 2 / 3 = 66.67 → 67
    ["two thirds", ["pass", "pass", "fail"], 67],
    // n/a rules leave the denominator: 100 × 1 / 1
    ["n/a ignored", ["pass", "n/a", "n/a"], 100],
    ["every rule n/a", ["n/a", "n/a"], null],
    ["no rules", [], null],
  ] as [string, RuleStatus[], number | null][])("%s", (_name, list, expected) => {
    expect(resilienceScore(statuses(list), 12)).toBe(expected);
  });

  it.each([
    [0, null],
    [1, null],
    [2, null],
    [3, 100],
    [24, 100],
  ])("%i analysis months → %s", (months, expected) => {
    expect(resilienceScore(statuses(["pass"]), months)).toBe(expected);
  });
});

describe("firstScoreMonth: the month after F's first three months", () => {
  it.each([
    ["2026-09", "2026-12"], // Sep, Oct, Nov complete at the start of December
    ["2026-11", "2027-02"],
    [null, null],
  ] as const)("F = %s → %s", (first, expected) => {
    expect(firstScoreMonth(first)).toBe(expected);
  });
});
