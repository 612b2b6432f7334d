import { describe, expect, it } from "vitest";
import { addMonths, dayOfMonth, daysInMonth, isDate, isMonth, monthOf, monthRange, monthsBetween } from "@/lib/metrics/months";

describe("isDate accepts real calendar dates only", () => {
  it.each([
    ["2024-02-29", true], // 2024 is a leap year
    ["2023-02-29", false],
    ["2000-02-29", true], // divisible by 400
    ["1900-02-29", false], // divisible by 100, not 400
    ["2024-04-30", true],
    ["2024-04-31", false],
    ["2024-12-31", true],
    ["2024-13-01", false],
    ["2024-00-10", false],
    ["2024-01-00", false],
    ["2024-1-01", false],
    ["2024-01-01T00:00", false],
    [" 2024-01-01", false],
    ["", false],
  ])("%j → %s", (value, expected) => {
    expect(isDate(value)).toBe(expected);
  });
});

describe("isMonth", () => {
  it.each([
    ["2024-01", true],
    ["2024-12", true],
    ["2024-13", false],
    ["2024-00", false],
    ["2024-1", false],
    ["2024-01-01", false],
    ["24-01", false],
  ])("%j → %s", (value, expected) => {
    expect(isMonth(value)).toBe(expected);
  });
});

describe("month arithmetic", () => {
  it.each([
    ["2024-01", -1, "2023-12"],
    ["2024-11", 3, "2025-02"],
    ["2024-05", 0, "2024-05"],
    ["2024-01", -25, "2021-12"],
    ["2024-12", 1, "2025-01"],
  ])("addMonths(%s, %i) = %s", (month, count, expected) => {
    expect(addMonths(month, count)).toBe(expected);
  });

  it.each([
    ["2023-11", "2024-02", 3],
    ["2024-02", "2023-11", -3],
    ["2024-03", "2024-03", 0],
  ])("monthsBetween(%s, %s) = %i", (from, to, expected) => {
    expect(monthsBetween(from, to)).toBe(expected);
  });

  it("monthRange is inclusive, crosses years, and is empty when reversed", () => {
    expect(monthRange("2023-11", "2024-02")).toEqual(["2023-11", "2023-12", "2024-01", "2024-02"]);
    expect(monthRange("2024-03", "2024-03")).toEqual(["2024-03"]);
    expect(monthRange("2024-03", "2024-02")).toEqual([]);
  });

  it.each([
    ["2024-02", 29],
    ["2023-02", 28],
    ["2100-02", 28],
    ["2000-02", 29],
    ["2024-04", 30],
    ["2024-12", 31],
    ["2024-01", 31],
  ])("daysInMonth(%s) = %i", (month, days) => {
    expect(daysInMonth(month)).toBe(days);
  });

  it("monthOf and dayOfMonth read the date's digits", () => {
    expect(monthOf("2024-02-29")).toBe("2024-02");
    expect(dayOfMonth("2024-02-29")).toBe(29);
    expect(dayOfMonth("2024-03-01")).toBe(1);
  });

  it("throws on malformed input instead of guessing", () => {
    expect(() => monthOf("2023-02-29")).toThrow(RangeError);
    expect(() => addMonths("2024-13", 1)).toThrow(RangeError);
    expect(() => addMonths("2024-01", 0.5)).toThrow(RangeError);
    expect(() => daysInMonth("2024")).toThrow(RangeError);
  });
});
