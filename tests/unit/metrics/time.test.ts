import { describe, expect, it } from "vitest";
import { hourlyRate, hoursFromMinutes } from "@/lib/metrics/time";

describe("time: hours and hourly rate", () => {
  it.each([
    // 9000 / 1.5 h
    ["ninety minutes", 9000, 90, 1.5, 6000],
    ["a losing stream", -3000, 120, 2, -1500],
    // 1000 / (20/60) h = 3000
    ["twenty minutes", 1000, 20, 1 / 3, 3000],
    ["no time logged", 5000, 0, 0, null],
  ])("%s", (_name, net, minutes, hours, rate) => {
    expect(hoursFromMinutes(minutes)).toBe(hours);
    expect(hourlyRate(net, minutes)).toBe(rate);
  });
});
