import { describe, expect, it } from "vitest";
import { computeGoals, goalStatus, projectMonth, targetFor } from "@/lib/metrics/goals";
import type { GoalInput } from "@/lib/metrics/types";

const months = ["2024-01", "2024-02", "2024-03", "2024-04"];
const goals: GoalInput[] = [
  { streamId: null, targetMinor: 1500, effectiveFrom: "2024-03" },
  { streamId: null, targetMinor: 1000, effectiveFrom: "2023-12" }, // before the window: still in force
  { streamId: "s1", targetMinor: 500, effectiveFrom: "2024-02" },
  { streamId: "s1", targetMinor: 0, effectiveFrom: "2024-04" }, // a zero target ends the goal
  { streamId: "gone", targetMinor: 100, effectiveFrom: "2024-01" }, // not an owner: ignored
];

describe("goals: step-function targets, progress, status, projection, hit rate", () => {
  it("a portfolio goal and a stream goal, today March 10, recording since January", () => {
    const result = computeGoals(
      months,
      "2024-03-10",
      "2024-01",
      [
        // income after day 10 in the projection months (January, February: the complete months since F)
        { streamId: null, actual: [1200, 900, 600, 0], incomeAfterToday: [700, 500] },
        { streamId: "s1", actual: [400, 600, 300, 0], incomeAfterToday: [100, 0] },
      ],
      goals,
    );
    // projected = actual + mean of the tails: portfolio 600 + (700 + 500)/2 = 1200; s1 300 + (100 + 0)/2 = 350
    // status: Jan 1200 ≥ 1000 hit; Feb 900 < 1000 missed; s1 Feb 600 ≥ 500 hit; March is today's month →
    // current; April is after it → future. hitRate over hit/missed only: Jan P hit, Feb P miss, Feb s1 hit → 2/3
    expect(result).toEqual({
      hitRate: 2 / 3,
      months: [
        { month: "2024-01", streamId: null, target: 1000, actual: 1200, progress: 1.2, projected: null, status: "hit" },
        { month: "2024-02", streamId: null, target: 1000, actual: 900, progress: 0.9, projected: null, status: "missed" },
        { month: "2024-02", streamId: "s1", target: 500, actual: 600, progress: 1.2, projected: null, status: "hit" },
        { month: "2024-03", streamId: null, target: 1500, actual: 600, progress: 0.4, projected: 1200, status: "current" },
        { month: "2024-03", streamId: "s1", target: 500, actual: 300, progress: 0.6, projected: 350, status: "current" },
        { month: "2024-04", streamId: null, target: 1500, actual: 0, progress: 0, projected: null, status: "future" },
      ],
    });
  });

  it("no entry before the first data month; today's month and later always have one", () => {
    // F = March: January and February were before recording began, so they are neither hit nor missed
    const result = computeGoals(months, "2024-03-10", "2024-03", [{ streamId: null, actual: [0, 0, 600, 0], incomeAfterToday: [] }], goals);
    expect(result.months.map((m) => [m.month, m.status, m.projected])).toEqual([
      ["2024-03", "current", null], // no complete month since F: nothing to project from
      ["2024-04", "future", null],
    ]);
    expect(result.hitRate).toBeNull();
    // no transactions at all (F null): a goal still shows this month's progress
    const none = computeGoals(months, "2024-03-10", null, [{ streamId: null, actual: [0, 0, 0, 0], incomeAfterToday: [] }], goals);
    expect(none.months.map((m) => m.month)).toEqual(["2024-03", "2024-04"]);
  });

  it("the current month is current even when already hit", () => {
    const result = computeGoals(
      ["2024-03"],
      "2024-03-20",
      "2024-01",
      [{ streamId: null, actual: [2000], incomeAfterToday: [0, 0] }],
      goals,
    );
    expect(result.months[0]).toMatchObject({ status: "current", progress: 2000 / 1500, projected: 2000 });
    expect(result.hitRate).toBeNull();
  });

  it("no goals: no entries and a null hit rate", () => {
    expect(computeGoals(months, "2024-04-30", "2024-01", [{ streamId: null, actual: [1, 2, 3, 4], incomeAfterToday: [] }], [])).toEqual({
      hitRate: null,
      months: [],
    });
  });

  it("a window entirely in the future has entries but no hit rate", () => {
    const result = computeGoals(["2030-01"], "2024-04-30", "2024-01", [{ streamId: null, actual: [0], incomeAfterToday: [] }], goals);
    expect(result.months).toEqual([expect.objectContaining({ status: "future" })]);
    expect(result.hitRate).toBeNull();
  });

  it("actual equal to target is a hit", () => {
    const result = computeGoals(["2024-01"], "2024-05-01", "2024-01", [{ streamId: null, actual: [1000], incomeAfterToday: [] }], goals);
    expect(result.hitRate).toBe(1);
    expect(result.months[0]).toMatchObject({ progress: 1, status: "hit" });
  });
});

describe("goalStatus", () => {
  it.each([
    ["a finished month at the target", "2024-02", 100, 100, "hit"],
    ["a finished month short of it", "2024-02", 99, 100, "missed"],
    ["today's month, short", "2024-03", 0, 100, "current"],
    ["today's month, already over", "2024-03", 500, 100, "current"],
    ["a later month", "2024-04", 500, 100, "future"],
  ] as const)("%s → %s", (_name, month, actual, target, expected) => {
    expect(goalStatus(month, "2024-03", actual, target)).toBe(expected);
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

describe("projectMonth: actual + the mean income after today's day in recent months", () => {
  it.each([
    // a $4,000 retainer on the 1st, today the 2nd: nothing usually comes later, so 4000, not 4000 × 30 / 2 = 60000
    ["a retainer paid on the 1st", 4000, [0, 0, 0], 4000],
    // payouts at month end: 300 so far, 1200 and 1500 came after today's day → 300 + 1350
    ["payouts at month end", 300, [1200, 1500], 1650],
    // refunds after today's day lower it: 1000 + (−100 + 400 + 0)/3 = 1100
    ["a refund in one month", 1000, [-100, 400, 0], 1100],
    // a mean that is not whole: 10 + (1 + 2 + 2 + 2 + 2 + 2)/6 = 10 + 11/6
    ["six months, a fractional mean", 10, [1, 2, 2, 2, 2, 2], 10 + 11 / 6],
  ])("%s", (_name, actual, tails, expected) => {
    expect(projectMonth(actual, tails)).toBe(expected);
  });

  it("null without a complete month to learn from", () => {
    expect(projectMonth(500, [])).toBeNull();
  });
});
