import { describe, expect, it } from "vitest";
import {
  analysisRange,
  comparableWindow,
  defaultWindow,
  previousWindow,
  projectionMonths,
  recentWindow,
  resolveWindow,
} from "@/lib/metrics/window";

// Today is 20 November 2026 throughout: the current month is 2026-11, the last complete one 2026-10.
const TODAY = "2026-11-20";

describe("analysisRange: the window's months m with F <= m < current month", () => {
  it.each([
    ["a long history: the window up to last month", { from: "2025-11", to: "2026-10" }, "2020-01", { from: "2025-11", to: "2026-10" }],
    ["the current month is left out", { from: "2025-12", to: "2026-11" }, "2020-01", { from: "2025-12", to: "2026-10" }],
    ["F inside the window moves its start", { from: "2025-12", to: "2026-11" }, "2026-08", { from: "2026-08", to: "2026-10" }],
    ["a newcomer since September: 3 months", { from: "2025-11", to: "2026-10" }, "2026-09", { from: "2026-09", to: "2026-10" }],
    ["the current month alone: none", { from: "2026-11", to: "2026-11" }, "2020-01", null],
    ["a future window: none", { from: "2027-01", to: "2027-03" }, "2020-01", null],
    ["a window before F: none", { from: "2019-01", to: "2019-12" }, "2020-01", null],
    ["no transactions: none", { from: "2025-12", to: "2026-11" }, null, null],
    ["F after today (a post-dated first transaction): none", { from: "2025-12", to: "2026-11" }, "2026-12", null],
  ] as const)("%s", (_name, window, first, expected) => {
    expect(analysisRange(window, first, TODAY)).toEqual(expected);
  });
});

describe("defaultWindow: 12 complete months, from F at the earliest, else the current month", () => {
  it.each([
    ["a long history", "2019-03", { from: "2025-11", to: "2026-10" }],
    ["F exactly 12 months back", "2025-11", { from: "2025-11", to: "2026-10" }],
    ["a newcomer since September", "2026-09", { from: "2026-09", to: "2026-10" }],
    ["one complete month", "2026-10", { from: "2026-10", to: "2026-10" }],
    ["started this month: the current month alone", "2026-11", { from: "2026-11", to: "2026-11" }],
    ["no transactions: the current month alone", null, { from: "2026-11", to: "2026-11" }],
  ] as const)("%s", (_name, first, expected) => {
    expect(defaultWindow(TODAY, first)).toEqual(expected);
  });

  it("crosses the year in January", () => {
    expect(defaultWindow("2027-01-01", "2020-01")).toEqual({ from: "2026-01", to: "2026-12" });
  });
});

describe("recentWindow: the n months ending with today's month, for the stream cards and pages", () => {
  it.each([
    ["2024-03-15", 12, { from: "2023-04", to: "2024-03" }],
    ["2024-03-15", 1, { from: "2024-03", to: "2024-03" }],
    ["2024-01-31", 3, { from: "2023-11", to: "2024-01" }],
  ])("today %s, n %i", (today, n, expected) => {
    expect(recentWindow(today, n)).toEqual(expected);
  });

  it("defaults to 12 months and refuses an empty window", () => {
    expect(recentWindow("2024-12-01")).toEqual({ from: "2024-01", to: "2024-12" });
    expect(() => recentWindow("2024-12-01", 0)).toThrow(RangeError);
  });
});

describe("previousWindow and comparableWindow: what the score's move compares against", () => {
  it.each([
    [
      { from: "2026-01", to: "2026-12" },
      { from: "2025-01", to: "2025-12" },
    ],
    [
      { from: "2026-03", to: "2026-05" },
      { from: "2025-12", to: "2026-02" },
    ],
    [
      { from: "2026-11", to: "2026-11" },
      { from: "2026-10", to: "2026-10" },
    ],
  ])("%o → %o", (w, expected) => {
    expect(previousWindow(w)).toEqual(expected);
  });

  it("only a previous window that reaches the first data month is comparable", () => {
    const w = { from: "2026-06", to: "2026-11" }; // previous: 2025-12..2026-05
    expect(comparableWindow(w, "2026-05")).toEqual({ from: "2025-12", to: "2026-05" });
    expect(comparableWindow(w, "2026-06")).toBeNull(); // it ends before the user started: nothing to compare with
    expect(comparableWindow(w, null)).toBeNull();
  });
});

describe("projectionMonths: up to 6 complete months since F, oldest first", () => {
  it.each([
    ["a long history", "2020-01", ["2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10"]],
    ["two complete months", "2026-09", ["2026-09", "2026-10"]],
    ["started this month", "2026-11", []],
    ["no transactions", null, []],
  ] as const)("%s", (_name, first, expected) => {
    expect(projectionMonths(first, TODAY)).toEqual(expected);
  });
});

describe("resolveWindow: presets of complete months", () => {
  it.each([
    ["no preset, a long history: the default is the 12M preset", {}, "2019-01", { from: "2025-11", to: "2026-10", preset: "12m" }],
    ["no preset, a newcomer: the default is all of their months", {}, "2026-09", { from: "2026-09", to: "2026-10", preset: "all" }],
    ["no preset, started this month: the current month", {}, "2026-11", { from: "2026-11", to: "2026-11", preset: "all" }],
    ["3 months end with last month", { w: "3m" }, "2019-01", { from: "2026-08", to: "2026-10", preset: "3m" }],
    ["a preset is not cut at F", { w: "6m" }, "2026-09", { from: "2026-05", to: "2026-10", preset: "6m" }],
    ["24 months cross two year boundaries", { w: "24m" }, "2019-01", { from: "2024-11", to: "2026-10", preset: "24m" }],
    ["year to date: January to last month", { w: "ytd" }, "2019-01", { from: "2026-01", to: "2026-10", preset: "ytd" }],
    ["all: from F", { w: "all" }, "2023-04", { from: "2023-04", to: "2026-10", preset: "all" }],
    ["all: at most 120 months", { w: "all" }, "2001-01", { from: "2016-11", to: "2026-10", preset: "all" }],
    ["all without transactions: the current month", { w: "all" }, null, { from: "2026-11", to: "2026-11", preset: "all" }],
    [
      "a custom window wins over a preset",
      { w: "3m", from: "2024-02", to: "2024-07" },
      "2019-01",
      { from: "2024-02", to: "2024-07", preset: "custom" },
    ],
    [
      "a custom window may hold the current month",
      { from: "2026-11", to: "2026-11" },
      "2019-01",
      { from: "2026-11", to: "2026-11", preset: "custom" },
    ],
    [
      "a reversed custom window falls back",
      { from: "2024-07", to: "2024-02" },
      "2019-01",
      { from: "2025-11", to: "2026-10", preset: "12m" },
    ],
    [
      "a 121-month custom window falls back",
      { from: "2016-01", to: "2026-01" },
      "2019-01",
      { from: "2025-11", to: "2026-10", preset: "12m" },
    ],
    [
      "a 120-month custom window is kept",
      { from: "2016-02", to: "2026-01" },
      "2019-01",
      { from: "2016-02", to: "2026-01", preset: "custom" },
    ],
    ["garbage falls back", { w: "7y", from: "2024-13", to: "x" }, "2019-01", { from: "2025-11", to: "2026-10", preset: "12m" }],
  ] as const)("%s", (_name, params, first, expected) => {
    expect(resolveWindow(params, TODAY, first)).toEqual(expected);
  });

  it("year to date in January, with no complete month this year, is the current month", () => {
    expect(resolveWindow({ w: "ytd" }, "2027-01-03", "2019-01")).toEqual({ from: "2027-01", to: "2027-01", preset: "ytd" });
  });
});
