// The pure rules behind the logging forms: the duration boxes, a negative income as a refund, and the
// stream colour picked at creation.
import { describe, expect, it } from "vitest";
import { durationOf } from "@/components/time/duration";
import { entryKindOfTyped, plainAmount, toWire } from "@/components/transactions/entry-kind";
import { zodErrors } from "@/lib/form-errors";
import { formatMinutes } from "@/lib/format";
import { createTimeEntryInput, parseDurationMinutes } from "@/lib/schemas/time-entries";
import { ASSIGN_ORDER, pickStreamColor, STREAM_COLORS, streamColorCss } from "@/lib/stream-colors";

describe("durationOf: the time panel's hours and minutes boxes, as the schema reads them", () => {
  const read = (hours: string, minutes: string) => {
    const r = createTimeEntryInput.safeParse({ streamId: "s", occurredOn: "2026-01-05", note: "", ...durationOf(hours, minutes) });
    return r.success ? r.data.minutes : zodErrors(r.error);
  };

  it.each([
    ["2", "30", 150],
    ["1.5 h", "", 90],
    ["1,5", "", 90],
    ["1:30", "", 90],
    ["2h 15m", "", 135],
    ["", "45", 45],
    ["1.5 h", "15", 105],
    [" 1 ", " 5 ", 65],
  ])("%j h and %j min are %i minutes", (hours, minutes, expected) => {
    expect(read(hours, minutes)).toBe(expected);
  });

  it.each([
    ["lots", "", { hours: "Hours like 1.5, 1:30 or 90m." }],
    ["lots", "30", { hours: "Hours like 1.5, 1:30 or 90m." }],
    ["1", "half", { minutes: "Minutes are whole numbers." }],
    ["", "2.5", { minutes: "Minutes are whole numbers." }],
    ["", "", { hours: "Give either hours or minutes." }],
    ["25", "", { hours: "Between 1 minute and 24 hours." }],
  ])("%j h and %j min: the schema's own message, never a NaN", (hours, minutes, expected) => {
    expect(read(hours, minutes)).toEqual(expected);
    expect(JSON.stringify(read(hours, minutes))).not.toMatch(/NaN|expected number/);
  });

  it("an entry's duration as the edit box shows it reads back to the same minutes", () => {
    for (const minutes of [1, 45, 60, 90, 150, 24 * 60]) expect(parseDurationMinutes(formatMinutes(minutes))).toBe(minutes);
  });
});

describe("a negative income is a refund", () => {
  it.each([
    ["income", "-50", "refund", { kind: "income", amount: "-50" }],
    ["income", " -12.5", "refund", { kind: "income", amount: "-12.5" }],
    ["income", "50", "income", { kind: "income", amount: "50" }],
    ["refund", "50", "refund", { kind: "income", amount: "-50" }],
    ["refund", "-50", "refund", { kind: "income", amount: "-50" }],
    ["expense", "-50", "expense", { kind: "expense", amount: "-50" }],
  ] as const)("%s typed as %j is announced as %s and sent as %j", (entry, typed, announced, wire) => {
    expect(entryKindOfTyped(entry, typed)).toBe(announced);
    expect(toWire(entry, typed)).toEqual(wire);
  });
});

describe("an amount as people type it", () => {
  it.each([
    ["1,000", "1000"],
    ["12,345.67", "12345.67"],
    ["$50", "50"],
    ["-€12.50", "-12.50"],
    [" £1,250.00 ", "1250.00"],
    ["1,5", "1,5"], // a decimal comma or a thousands one: left for the schema to refuse
    ["1,00", "1,00"],
    ["12,3456", "12,3456"],
    ["abc", "abc"],
  ] as const)("%j is sent as %j", (typed, sent) => {
    expect(plainAmount(typed)).toBe(sent);
  });

  it("a refund typed with a sign and commas is still a refund", () => {
    expect(toWire("refund", "$1,200")).toEqual({ kind: "income", amount: "-1200" });
  });
});

describe("pickStreamColor", () => {
  it.each([
    ["no streams yet", [], ASSIGN_ORDER[0]],
    ["the first taken", [ASSIGN_ORDER[0]!], ASSIGN_ORDER[1]],
    ["a gap after a deletion", [ASSIGN_ORDER[0]!, ASSIGN_ORDER[2]!], ASSIGN_ORDER[1]],
    ["custom colours and nulls do not block a preset", ["#123456", null], ASSIGN_ORDER[0]],
    ["a preset stored in capitals counts as taken", [ASSIGN_ORDER[0]!.toUpperCase()], ASSIGN_ORDER[1]],
    ["all eight taken: round-robin by count (8)", [...ASSIGN_ORDER], ASSIGN_ORDER[0]],
    ["all eight taken: round-robin by count (10)", [...ASSIGN_ORDER, "#000000", "#ffffff"], ASSIGN_ORDER[2]],
  ])("%s", (_label, used, expected) => {
    expect(pickStreamColor(used)).toBe(expected);
  });

  it("assigns every preset once before repeating any, the grey last", () => {
    expect(new Set(ASSIGN_ORDER)).toEqual(new Set(STREAM_COLORS));
    expect(ASSIGN_ORDER.at(-1)).toBe("#6b7280");
  });
});

describe("streamColorCss", () => {
  it("draws a preset with its chart variable (the dark theme has its own), any other colour as stored", () => {
    expect(streamColorCss("#2166c4")).toBe("var(--chart-1)");
    expect(streamColorCss("#6B7280")).toBe("var(--chart-8)");
    expect(streamColorCss("#123456")).toBe("#123456");
  });

  it("gives a stream without a colour one by its id, the same every time", () => {
    const id = "7e9edd10-b99f-4928-8b9f-08c6ec5249d4";
    expect(streamColorCss(null, id)).toMatch(/^var\(--chart-[1-8]\)$/);
    expect(streamColorCss(undefined, id)).toBe(streamColorCss(null, id));
  });
});
