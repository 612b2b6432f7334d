import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, daysBetween } from "@/lib/metrics/days";
import { occurrenceDueOn, occurrencesThrough, occurrenceStatus, scheduleOccurrences, type ScheduleRule } from "@/lib/metrics/schedules";
import { silentCheck } from "@/lib/metrics/silent";

const rule = (over: Partial<ScheduleRule>): ScheduleRule => ({
  cadence: "monthly",
  interval: 1,
  startOn: "2026-01-01",
  endOn: null,
  graceDays: 5,
  ...over,
});

const dues = (r: ScheduleRule, count: number) => Array.from({ length: count }, (_, i) => occurrenceDueOn(r, i));

describe("occurrence dates (METRICS.md Schedules)", () => {
  it.each([
    // month ends: the start's day, or the month's last day when it is shorter; a leap year's Feb 29
    ["monthly from Jan 31 (leap year)", rule({ startOn: "2024-01-31" }), ["2024-01-31", "2024-02-29", "2024-03-31", "2024-04-30"]],
    ["monthly from Jan 31", rule({ startOn: "2023-01-31" }), ["2023-01-31", "2023-02-28", "2023-03-31", "2023-04-30"]],
    ["every 2 months from Nov 15", rule({ startOn: "2026-11-15", interval: 2 }), ["2026-11-15", "2027-01-15", "2027-03-15", "2027-05-15"]],
    [
      "quarterly from Nov 30",
      rule({ cadence: "quarterly", startOn: "2025-11-30" }),
      ["2025-11-30", "2026-02-28", "2026-05-30", "2026-08-30"],
    ],
    [
      "yearly from Feb 29",
      rule({ cadence: "yearly", startOn: "2024-02-29" }),
      ["2024-02-29", "2025-02-28", "2026-02-28", "2027-02-28", "2028-02-29"],
    ],
    [
      "every 2 weeks across a new year",
      rule({ cadence: "weekly", interval: 2, startOn: "2026-12-28" }),
      ["2026-12-28", "2027-01-11", "2027-01-25"],
    ],
    [
      "monthly ending on an occurrence",
      rule({ startOn: "2026-01-01", endOn: "2026-03-01" }),
      ["2026-01-01", "2026-02-01", "2026-03-01", null, null],
    ],
    [
      "weekly ending between two",
      rule({ cadence: "weekly", startOn: "2026-03-02", endOn: "2026-03-15" }),
      ["2026-03-02", "2026-03-09", null],
    ],
  ] as const)("%s", (_name, r, expected) => {
    expect(dues(r, expected.length)).toEqual(expected);
  });

  it("lists the occurrences through a day, in order", () => {
    expect(occurrencesThrough(rule({ startOn: "2026-10-31" }), "2026-12-30")).toEqual([
      { index: 0, dueOn: "2026-10-31" },
      { index: 1, dueOn: "2026-11-30" },
    ]);
    expect(occurrencesThrough(rule({ startOn: "2027-01-01" }), "2026-12-31")).toEqual([]);
  });

  it("refuses an interval below 1 and a negative index", () => {
    expect(() => occurrenceDueOn(rule({ interval: 0 }), 0)).toThrow(RangeError);
    expect(() => occurrenceDueOn(rule({}), -1)).toThrow(RangeError);
  });

  it("keeps every monthly occurrence on the start's day or its month's last day (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3650 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 60 }),
        (offset, interval, index) => {
          const startOn = addDays("2020-01-01", offset);
          const due = occurrenceDueOn(rule({ startOn, interval }), index)!;
          const startDay = Number(startOn.slice(8));
          const day = Number(due.slice(8));
          const lastDay = Number(addDays(`${addMonthText(due.slice(0, 7))}-01`, -1).slice(8));
          expect(day === startDay || (day === lastDay && lastDay < startDay)).toBe(true);
        },
      ),
    );
  });
});

/** The month after "YYYY-MM", for the property above (written out independently of lib/metrics/months). */
function addMonthText(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}

describe("occurrence status", () => {
  it.each([
    ["2026-11-30", false, "upcoming"],
    ["2026-12-01", false, "due"],
    ["2026-12-06", false, "due"],
    ["2026-12-07", false, "late"],
    ["2026-12-07", true, "received"],
    ["2026-11-01", true, "received"],
  ] as const)("an occurrence due Dec 1 with 5 days' grace, on %s (settled: %s), is %s", (today, settled, status) => {
    expect(occurrenceStatus("2026-12-01", settled, today, 5)).toBe(status);
  });

  it("with no grace, is late the day after it is due", () => {
    expect(occurrenceStatus("2026-12-01", false, "2026-12-01", 0)).toBe("due");
    expect(occurrenceStatus("2026-12-01", false, "2026-12-02", 0)).toBe("late");
  });
});

describe("settling linked payments", () => {
  const tx = (id: string, occurredOn: string, createdOrder = 0) => ({ id, occurredOn, createdOrder });

  it("a retainer since September on Dec 2: each payment takes the nearest open occurrence, wherever that leaves the others", () => {
    // Sep 3 is 2 days from Sep 1. Oct 30 is 2 days from Nov 1 but 29 from Oct 1, so it settles
    // November and October stays late; December is within its grace.
    const got = scheduleOccurrences(
      rule({ startOn: "2026-09-01" }),
      [tx("t2", "2026-10-30"), tx("t1", "2026-09-03")],
      "2026-12-02",
      "2026-12-02",
    );
    expect(got).toEqual([
      { index: 0, dueOn: "2026-09-01", status: "received", transactionId: "t1" },
      { index: 1, dueOn: "2026-10-01", status: "late", transactionId: null },
      { index: 2, dueOn: "2026-11-01", status: "received", transactionId: "t2" },
      { index: 3, dueOn: "2026-12-01", status: "due", transactionId: null },
    ]);
  });

  it("a payment halfway between two occurrences settles the earlier", () => {
    // Feb 1 and Mar 1 are 28 days apart; Feb 15 is 14 days from each.
    const got = scheduleOccurrences(rule({ startOn: "2026-02-01" }), [tx("t", "2026-02-15")], "2026-03-10", "2026-03-10");
    expect(got.map((o) => [o.dueOn, o.transactionId, o.status])).toEqual([
      ["2026-02-01", "t", "received"],
      ["2026-03-01", null, "late"],
    ]);
  });

  it("payments on the same day settle in creation order; one ahead of time shows as received", () => {
    const got = scheduleOccurrences(
      rule({ startOn: "2026-02-01" }),
      [tx("second", "2026-02-15", 2), tx("first", "2026-02-15", 1)],
      "2026-02-20",
      "2026-02-20",
    );
    expect(got).toEqual([
      { index: 0, dueOn: "2026-02-01", status: "received", transactionId: "first" },
      { index: 1, dueOn: "2026-03-01", status: "received", transactionId: "second" },
    ]);
  });

  it("a payment before the start settles the first occurrence; one more than an ended schedule holds settles nothing", () => {
    const ended = rule({ startOn: "2026-01-01", endOn: "2026-02-01" });
    const got = scheduleOccurrences(
      ended,
      [tx("early", "2025-12-20"), tx("feb", "2026-02-02"), tx("extra", "2026-03-01")],
      "2026-04-01",
      "2026-04-01",
    );
    expect(got).toEqual([
      { index: 0, dueOn: "2026-01-01", status: "received", transactionId: "early" },
      { index: 1, dueOn: "2026-02-01", status: "received", transactionId: "feb" },
    ]);
  });

  it("settles from scratch: the answer does not depend on the order the payments are given in (property)", () => {
    const weekly = rule({ cadence: "weekly", startOn: "2026-01-05", graceDays: 3 });
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: -20, max: 200 }), { maxLength: 25 }), (offsets) => {
        const linked = offsets.map((o, i) => tx(`t${i}`, addDays("2026-01-05", o), i));
        const a = scheduleOccurrences(weekly, linked, "2026-06-01", "2026-06-01");
        const b = scheduleOccurrences(weekly, [...linked].reverse(), "2026-06-01", "2026-06-01");
        expect(b).toEqual(a);
        // every payment settles exactly one occurrence (the schedule never ends), and none twice
        const settled = a.filter((o) => o.transactionId !== null).map((o) => o.transactionId);
        expect(new Set(settled).size).toBe(linked.length);
      }),
    );
  });
});

describe("silent streams (METRICS.md Silent streams)", () => {
  const everyOtherDay = ["2026-11-10", "2026-11-12", "2026-11-14", "2026-11-16", "2026-11-18", "2026-11-20"];

  it("a stream that earns every 2 days and has been quiet for 12 is silent", () => {
    // gaps 2,2,2,2,2 → q_0.9 = 2; silent beyond max(3, 4) days.
    expect(silentCheck(everyOtherDay, "2026-12-02")).toEqual({
      lastIncomeOn: "2026-11-20",
      daysSinceLast: 12,
      expectedGapDays: 2,
      silent: true,
    });
    expect(silentCheck(everyOtherDay, "2026-11-24")).toMatchObject({ daysSinceLast: 4, silent: false });
    expect(silentCheck(everyOtherDay, "2026-11-25")).toMatchObject({ daysSinceLast: 5, silent: true });
  });

  it("a daily stream is never called silent within 3 days", () => {
    const daily = Array.from({ length: 10 }, (_, i) => addDays("2026-11-01", i));
    expect(silentCheck(daily, "2026-11-13")).toMatchObject({ expectedGapDays: 1, daysSinceLast: 3, silent: false });
    expect(silentCheck(daily, "2026-11-14")).toMatchObject({ daysSinceLast: 4, silent: true });
  });

  it("uses the 90th percentile of the gaps, interpolated", () => {
    // gaps 1, 2, 3, 4, 10 → h = 3.6 → 4 + 0.6 × 6 = 7.6; silent beyond 15.2 days.
    const dates = ["2026-11-01", "2026-11-02", "2026-11-04", "2026-11-07", "2026-11-11", "2026-11-21"];
    const at15 = silentCheck(dates, "2026-12-06")!;
    expect(at15.expectedGapDays).toBeCloseTo(7.6, 12);
    expect(at15).toMatchObject({ daysSinceLast: 15, silent: false });
    expect(silentCheck(dates, "2026-12-07")).toMatchObject({ daysSinceLast: 16, silent: true });
  });

  it("monitors only streams with 6 distinct dates in the 180 days ending today", () => {
    // a repeated date counts once
    expect(silentCheck([...everyOtherDay.slice(0, 5), "2026-11-18"], "2026-12-02")).toBeNull();
    // today − 179 is in, today − 180 is out
    const today = "2026-12-02";
    expect(daysBetween(addDays(today, -179), today)).toBe(179);
    expect(silentCheck([addDays(today, -180), ...everyOtherDay.slice(1)], today)).toBeNull();
    expect(silentCheck([addDays(today, -179), ...everyOtherDay.slice(1)], today)).toMatchObject({ lastIncomeOn: "2026-11-20" });
    // dates after today (a payment dated ahead) are not income yet
    expect(silentCheck([...everyOtherDay.slice(0, 5), "2026-12-05"], today)).toBeNull();
  });
});
