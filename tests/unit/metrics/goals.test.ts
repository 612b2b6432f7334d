import { describe, expect, it } from "vitest";
import { computeGoals, projectMonth, targetFor } from "@/lib/metrics/goals";
import type { GoalInput } from "@/lib/metrics/types";

const months = ["2024-01", "2024-02", "2024-03", "2024-04"];
const goals: GoalInput[] = [
  { streamId: null, targetMinor: 1500, effectiveFrom: "2024-03" },
  { streamId: null, targetMinor: 1000, effectiveFrom: "2023-12" }, // before the window: still in force
  { streamId: "s1", targetMinor: 500, effectiveFrom: "2024-02" },
  { streamId: "s1", targetMinor: 0, effectiveFrom: "2024-04" }, // a zero target ends the goal
  { streamId: "gone", targetMinor: 100, effectiveFrom: "2024-01" }, // not an owner: ignored
];

describe("goals: step-function targets, progress, projection, hit rate", () => {
  it("a portfolio goal and a stream goal, today in March", () => {
    const result = computeGoals(
      months,
      "2024-03-10",
      [
        { streamId: null, actual: [1200, 900, 600, 0] },
        { streamId: "s1", actual: [400, 600, 300, 0] },
      ],
      goals,
    );
    // March has 31 days, today is day 10: projected = actual × 31 / 10
    // status: Jan 1200 ≥ 1000 hit; Feb 900 < 1000 and February is over → missed; s1 Feb hit;
    // March (today's month) and April (later) are short but not over → open
    // settled entries (months up to March): Jan P hit, Feb P miss, Feb s1 hit, Mar P miss, Mar s1 miss → 2/5
    // April is after today's month: listed, but neither hit nor miss
    expect(result).toEqual({
      hitRate: 0.4,
      months: [
        { month: "2024-01", streamId: null, target: 1000, actual: 1200, progress: 1.2, projected: null, status: "hit" },
        { month: "2024-02", streamId: null, target: 1000, actual: 900, progress: 0.9, projected: null, status: "missed" },
        { month: "2024-02", streamId: "s1", target: 500, actual: 600, progress: 1.2, projected: null, status: "hit" },
        { month: "2024-03", streamId: null, target: 1500, actual: 600, progress: 0.4, projected: 1860, status: "open" },
        { month: "2024-03", streamId: "s1", target: 500, actual: 300, progress: 0.6, projected: 930, status: "open" },
        { month: "2024-04", streamId: null, target: 1500, actual: 0, progress: 0, projected: null, status: "open" },
      ],
    });
  });

  it("no goals: no entries and a null hit rate", () => {
    expect(computeGoals(months, "2024-04-30", [{ streamId: null, actual: [1, 2, 3, 4] }], [])).toEqual({
      hitRate: null,
      months: [],
    });
  });

  it("a window entirely in the future has entries but no hit rate", () => {
    const result = computeGoals(["2030-01"], "2024-04-30", [{ streamId: null, actual: [0] }], goals);
    expect(result.months).toHaveLength(1);
    expect(result.hitRate).toBeNull();
  });

  it("actual equal to target is a hit", () => {
    const result = computeGoals(["2024-01"], "2024-05-01", [{ streamId: null, actual: [1000] }], goals);
    expect(result.hitRate).toBe(1);
    expect(result.months[0]?.progress).toBe(1);
  });
});

describe("targetFor", () => {
  it.each([
    [null, "2023-11", undefined], // before any goal
    [null, "2023-12", 1000],
    [null, "2024-02", 1000],
    [null, "2024-03", 1500],
    [null, "2099-01", 1500],
    ["s1", "2024-01", undefined],
    ["s1", "2024-03", 500],
    ["s1", "2024-04", undefined], // ended by the zero target
    ["other", "2024-03", undefined],
  ] as const)("owner %s in %s → %s", (owner, month, expected) => {
    expect(targetFor(goals, owner, month)).toBe(expected);
  });

  it("two goals from the same month: the higher target, in either order", () => {
    const twins: GoalInput[] = [
      { streamId: null, targetMinor: 700, effectiveFrom: "2024-01" },
      { streamId: null, targetMinor: 900, effectiveFrom: "2024-01" },
    ];
    expect(targetFor(twins, null, "2024-01")).toBe(900);
    expect(targetFor([...twins].reverse(), null, "2024-01")).toBe(900);
  });
});

describe("projectMonth: actual × daysInMonth / dayOfMonth", () => {
  it.each([
    ["mid-February of a leap year", 1000, "2024-02-10", 2900], // 1000 × 29 / 10
    ["the last day", 1000, "2024-04-30", 1000], // 1000 × 30 / 30
    ["the first day", 50, "2023-02-01", 1400], // 50 × 28 / 1
    ["a third of the way", 100, "2024-01-03", 100 * 31 / 3],
  ])("%s", (_name, actual, today, expected) => {
    expect(projectMonth(actual, today)).toBe(expected);
  });
});
