import { describe, expect, it } from "vitest";
import { resolveWindow } from "@/lib/metrics/window";

describe("resolveWindow", () => {
  it.each([
    ["the default is the last 12 months", {}, { from: "2025-12", to: "2026-11", preset: "12m" }],
    ["3 months ends with the current month", { w: "3m" }, { from: "2026-09", to: "2026-11", preset: "3m" }],
    ["24 months crosses two year boundaries", { w: "24m" }, { from: "2024-12", to: "2026-11", preset: "24m" }],
    ["year to date starts in January", { w: "ytd" }, { from: "2026-01", to: "2026-11", preset: "ytd" }],
    ["a custom window wins over a preset", { w: "3m", from: "2024-02", to: "2024-07" }, { from: "2024-02", to: "2024-07", preset: "custom" }],
    ["a reversed custom window falls back", { from: "2024-07", to: "2024-02" }, { from: "2025-12", to: "2026-11", preset: "12m" }],
    ["a 121-month custom window falls back", { from: "2016-01", to: "2026-01" }, { from: "2025-12", to: "2026-11", preset: "12m" }],
    ["a 120-month custom window is kept", { from: "2016-02", to: "2026-01" }, { from: "2016-02", to: "2026-01", preset: "custom" }],
    ["garbage falls back", { w: "7y", from: "2024-13", to: "x" }, { from: "2025-12", to: "2026-11", preset: "12m" }],
  ])("%s", (_name, params, expected) => {
    expect(resolveWindow(params, "2026-11-20")).toEqual(expected);
  });

  it("year to date in January is one month", () => {
    expect(resolveWindow({ w: "ytd" }, "2027-01-03")).toEqual({ from: "2027-01", to: "2027-01", preset: "ytd" });
  });
});
